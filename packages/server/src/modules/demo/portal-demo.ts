/**
 * Demo mode: a patient-portal login for one synthetic demo patient (one click from the demo sign-in page), and
 * an on-call list so suicide-risk alerts in the demo reach someone.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { clinics, patientAccounts, treatmentPlans, users } from '../../db/schema';
import type { Deps } from '../../http/deps';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { openPortalSession } from '../portal/links';
import { DEMO_CLINIC_SLUG } from './seed';

export const DEMO_PORTAL_EMAIL = 'portal.demo@example.test';

export async function seedDemoPortal(deps: Deps, clinicId: string): Promise<void> {
  const [existing] = await deps.db.select({ id: patientAccounts.id }).from(patientAccounts).where(eq(patientAccounts.email, DEMO_PORTAL_EMAIL));
  if (existing !== undefined) {
    return;
  }
  const [plan] = await deps.db.select({ patientId: treatmentPlans.patientId }).from(treatmentPlans).where(eq(treatmentPlans.clinicId, clinicId)).orderBy(asc(treatmentPlans.signedAt)).limit(1);
  if (plan === undefined) {
    return;
  }
  const clinicians = await deps.db.select({ id: users.id }).from(users).where(and(eq(users.clinicId, clinicId), inArray(users.role, ['prescriber', 'nurse']), eq(users.status, 'active'))).orderBy(asc(users.role));
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx.insert(patientAccounts).values({ id: randomUUID(), clinicId, patientId: plan.patientId, email: DEMO_PORTAL_EMAIL, status: 'active', createdAt: now }).onConflictDoNothing();
    await tx.update(clinics).set({ onCallUserIds: clinicians.map((c) => c.id) }).where(eq(clinics.id, clinicId));
  });
}

export const demoPortalLoginRoute = defineRoute({
  method: 'POST',
  url: '/api/demo/portal-login',
  access: { public: true, reason: 'Demo mode only: one-click sign-in to the patient portal as a synthetic demo patient.' },
  summary: 'Demo mode: open the patient portal as the demo patient',
  tags: ['Demo'],
  schema: { response: { 200: z.object({ csrfToken: z.string() }) } },
  async handler({ deps, meta, reply }) {
    const [row] = await deps.db
      .select({ a: patientAccounts })
      .from(patientAccounts)
      .innerJoin(clinics, eq(clinics.id, patientAccounts.clinicId))
      .where(and(eq(patientAccounts.email, DEMO_PORTAL_EMAIL), eq(clinics.slug, DEMO_CLINIC_SLUG), eq(clinics.isDemo, true)));
    if (row === undefined) {
      throw new AppError('NOT_FOUND', { detail: 'The demo patient has no portal account yet.' });
    }
    const a = row.a;
    return deps.db.transaction(async (tx) => {
      const s = await openPortalSession(tx, deps, reply, a, meta);
      await recordAudit(tx, { action: 'portal.login', outcome: 'success', clinicId: a.clinicId, actor: { userId: a.id, role: 'patient' }, resourceType: 'session', resourceId: s.sessionId, patientId: a.patientId, details: { via: 'demo' }, meta, at: deps.clock.now() });
      return { csrfToken: s.csrfToken };
    });
  },
});
