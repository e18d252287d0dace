import { and, eq, gt, inArray } from 'drizzle-orm';
import { recordAudit } from '../../audit/record';
import { appointments } from '../../db/schema';
import { registerWithdrawalHook } from '../consents/withdrawal-hooks';
import { CONSENT_KINDS, consentKindForRoute } from '../consents/templates';

const ROUTES_BY_KIND = new Map<string, string[]>();
for (const route of ['iv', 'im', 'oral', 'sublingual', 'esketamine_nasal']) {
  const kind = consentKindForRoute(route);
  ROUTES_BY_KIND.set(kind, [...(ROUTES_BY_KIND.get(kind) ?? []), route]);
}

/** Withdrawing consent cancels the patient's future treatment sessions that it covered. */
registerWithdrawalHook(async (tx, ctx) => {
  const routes = ROUTES_BY_KIND.get(ctx.kind) ?? [];
  if (routes.length === 0 || !(CONSENT_KINDS as readonly string[]).includes(ctx.kind)) {
    return 0;
  }
  const cancelled = await tx
    .update(appointments)
    .set({ status: 'cancelled', statusReason: 'Consent withdrawn', statusChangedAt: ctx.now, statusChangedBy: ctx.actor.userId, updatedAt: ctx.now })
    .where(and(eq(appointments.patientId, ctx.patientId), eq(appointments.status, 'booked'), inArray(appointments.route, routes), gt(appointments.startsAt, ctx.now)))
    .returning({ id: appointments.id });
  for (const c of cancelled) {
    await recordAudit(tx, { action: 'schedule.cancelled', outcome: 'success', clinicId: ctx.clinicId, actor: ctx.actor, resourceType: 'appointment', resourceId: c.id, patientId: ctx.patientId, details: { reason: 'consent_withdrawn' }, meta: ctx.meta, at: ctx.now });
  }
  return cancelled.length;
});
