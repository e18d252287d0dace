import type { ProtocolSettings } from '@ketapath/clinical';
import { and, desc, eq } from 'drizzle-orm';
import { eligibilityReviews, treatmentPlans } from '../../db/schema';
import type { Queryable } from '../../db/types';
import { localDateOf } from '../../lib/zoned';
import type { ClinicRow } from '../clinic/load';
import { ageOn } from '../patients/presenters';
import { latestMeasurements, type PatientRow } from '../patients/repo';
import { clinicProtocol } from '../protocol/load';
import type { PlanFacts } from './build';
import type { FOLLOW_UP_ITEMS } from './schemas';

export async function planFacts(q: Queryable, clinic: ClinicRow, patient: PatientRow, now: Date): Promise<PlanFacts> {
  const latest = await latestMeasurements(q, patient.id);
  return {
    protocol: clinicProtocol(clinic).protocol,
    timeZone: clinic.timeZone,
    openingDays: clinic.openingDays,
    ageYears: ageOn(patient.dateOfBirth, localDateOf(now, clinic.timeZone)),
    sex: patient.sexAtBirth === 'female' || patient.sexAtBirth === 'male' ? patient.sexAtBirth : undefined,
    weightKg: latest.weight?.value ?? null,
    heightCm: latest.height?.value ?? null,
  };
}

/** The newest eligibility review of the patient for a route (the one in force). */
export async function currentReview(q: Queryable, patientId: string, route: string): Promise<typeof eligibilityReviews.$inferSelect | undefined> {
  const [row] = await q
    .select()
    .from(eligibilityReviews)
    .where(and(eq(eligibilityReviews.patientId, patientId), eq(eligibilityReviews.route, route)))
    .orderBy(desc(eligibilityReviews.decidedAt))
    .limit(1);
  return row;
}

/** The newest signed plan of the patient for a route (the one in force). */
export async function currentPlan(q: Queryable, patientId: string, route: string): Promise<typeof treatmentPlans.$inferSelect | undefined> {
  const [row] = await q
    .select()
    .from(treatmentPlans)
    .where(and(eq(treatmentPlans.patientId, patientId), eq(treatmentPlans.route, route)))
    .orderBy(desc(treatmentPlans.version))
    .limit(1);
  return row;
}

const LABELS: Record<(typeof FOLLOW_UP_ITEMS)[number], string> = {
  urinary_screen: 'Urinary/bladder symptom screen',
  liver_tests: 'Liver tests incl. ALP and GGT',
  cognition: 'Cognitive screen',
  misuse_screen: 'Misuse/craving check',
  bp_review: 'Blood-pressure review',
  induction_review: 'End-of-induction benefit review',
};

/** The follow-up items the plan keeps, each with the protocol interval it will use. */
export function followUpSummary(ids: readonly (typeof FOLLOW_UP_ITEMS)[number][], p: ProtocolSettings): { id: string; label: string; interval: string }[] {
  const f = p.followUp;
  const days = (n: number | null) => (n === null ? 'interval not set in the protocol (confirm with your medical director)' : `every ${n} days`);
  const interval: Record<(typeof FOLLOW_UP_ITEMS)[number], string> = {
    urinary_screen: f.urinaryScreenEverySessions === null ? 'not set in the protocol' : `every ${f.urinaryScreenEverySessions} session(s)`,
    liver_tests: `${f.liverTestsBaselineRacemic ? 'baseline, then ' : ''}${days(f.liverTestsIntervalDays)}`,
    cognition: days(f.cognitionIntervalDays),
    misuse_screen: `${f.misuseScreenBaseline ? 'baseline, then ' : ''}${days(f.misuseScreenIntervalDays)}`,
    bp_review: days(f.bpReviewIntervalDays),
    induction_review: `end of induction week ${p.esketamine.inductionReviewWeek}`,
  };
  return ids.map((id) => ({ id, label: LABELS[id], interval: interval[id] }));
}
