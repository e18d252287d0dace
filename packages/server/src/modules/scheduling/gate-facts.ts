import { and, desc, eq } from 'drizzle-orm';
import { consents, patients } from '../../db/schema';
import type { Queryable } from '../../db/types';
import { latestMaterialVersions } from '../consents/repo';
import { consentStatus } from '../consents/status';
import { consentKindForRoute } from '../consents/templates';
import { currentPlan, currentReview } from '../plans/facts';
import { checkInGate, type GateFacts, type GateItem } from './gate';

/** Load what the check-in gate needs for a patient and route, and evaluate it. */
export async function gateFor(q: Queryable, clinicId: string, patientId: string, route: string): Promise<{ ready: boolean; items: GateItem[] }> {
  const review = await currentReview(q, patientId, route);
  const kind = consentKindForRoute(route);
  const [consent] = await q.select().from(consents).where(and(eq(consents.patientId, patientId), eq(consents.kind, kind))).orderBy(desc(consents.signedAt)).limit(1);
  const material = await latestMaterialVersions(q, clinicId);
  const plan = await currentPlan(q, patientId, route);
  const [patient] = await q.select({ rems: patients.remsEnrolledAt }).from(patients).where(eq(patients.id, patientId));
  const facts: GateFacts = {
    route,
    eligibility: (review?.decision as GateFacts['eligibility'] | undefined) ?? null,
    consent: consent === undefined ? 'none' : consentStatus(consent, material.get(kind) ?? 0),
    planSigned: plan !== undefined,
    remsEnrolled: patient?.rems !== null && patient?.rems !== undefined,
  };
  return checkInGate(facts);
}
