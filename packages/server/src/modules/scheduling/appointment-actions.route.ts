import { rescheduleAfterMissed, type PlannedSession, type Route, type Weekday } from '@ketapath/clinical';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { appointments, treatmentPlans } from '../../db/schema';
import { AppError, conflict } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { localDateOf } from '../../lib/zoned';
import { loadClinic } from '../clinic/load';
import { clinicProtocol } from '../protocol/load';
import { assertStaffAndChair, lockClinicSchedule, presentOne, slotConflicts } from './appointments.route';
import { openSessionAtCheckIn } from '../treatment/open-at-check-in';
import { gateFor } from './gate-facts';
import { AppointmentOut } from './presenters';
import { loadAppointment, localOf, type AppointmentRow } from './repo';

const Id = z.object({ id: z.uuid() });
const GateOut = z.object({ ready: z.boolean(), items: z.array(z.object({ code: z.string(), ok: z.boolean(), message: z.string(), source: z.string() })) });

export const rescheduleRoute = defineRoute({
  method: 'PATCH',
  url: '/api/appointments/:id',
  access: { action: 'schedule.book' },
  summary: 'Move an appointment (new time, chair or nurse); conflicts and spacing rules are re-checked',
  tags: ['Scheduling'],
  schema: { params: Id, body: z.object({ startsAt: z.iso.datetime({ offset: true }).optional(), chairId: z.uuid().nullable().optional(), staffId: z.uuid().nullable().optional() }).refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' }), response: { 200: AppointmentOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const a = await loadAppointment(deps, me, meta, params.id);
    if (a.status !== 'booked') {
      throw conflict('Only booked appointments can be moved.');
    }
    await assertStaffAndChair(deps, me, meta, body.chairId, body.staffId);
    const clinic = await loadClinic(deps.db, me.clinicId);
    const startsAt = body.startsAt === undefined ? a.startsAt : new Date(body.startsAt);
    const endsAt = new Date(startsAt.getTime() + (a.endsAt.getTime() - a.startsAt.getTime()));
    const chairId = body.chairId === undefined ? a.chairId : body.chairId;
    const staffId = body.staffId === undefined ? a.staffId : body.staffId;
    await deps.db.transaction(async (tx) => {
      await lockClinicSchedule(tx, me.clinicId);
      const conflicts = await slotConflicts(tx, clinic, { id: a.id, patientId: a.patientId, chairId, staffId, startsAt, endsAt, route: a.route as Route | null, localDate: localOf(startsAt, clinic.timeZone).date }, now);
      if (conflicts.length > 0) {
        throw new AppError('CONFLICT', { detail: conflicts.map((c) => c.message).join(' '), extra: { conflicts: conflicts.map((c) => ({ code: c.code, message: c.message, appointmentId: c.appointmentId ?? null })) } });
      }
      await tx.update(appointments).set({ startsAt, endsAt, chairId, staffId, updatedAt: now }).where(eq(appointments.id, a.id));
      await recordAudit(tx, { action: 'schedule.moved', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'appointment', resourceId: a.id, patientId: a.patientId, details: { fields: Object.keys(body) }, meta, at: now });
    });
    return presentOne(deps, { ...a, startsAt, endsAt, chairId, staffId }, clinic.timeZone);
  },
});

const RescheduleSuggestion = z.object({ changes: z.array(z.object({ index: z.number().int(), from: z.string(), to: z.string(), appointmentId: z.string().nullable() })), notes: z.array(z.string()) }).nullable();

function statusRoute(path: 'cancel' | 'no-show', status: 'cancelled' | 'no_show') {
  return defineRoute({
    method: 'POST',
    url: `/api/appointments/:id/${path}`,
    access: { action: 'schedule.book' },
    summary: status === 'cancelled' ? 'Cancel an appointment, with the reason' : 'Record that the patient did not come, with the reason if known',
    description: status === 'no_show' ? 'For a planned treatment session the answer suggests how to move the rest of the course (from the clinical core); nothing moves until you confirm.' : undefined,
    tags: ['Scheduling'],
    schema: { params: Id, body: z.object({ reason: z.string().trim().min(status === 'cancelled' ? 3 : 0).max(1000) }), response: { 200: z.object({ appointment: AppointmentOut, rescheduleSuggestion: RescheduleSuggestion }) } },
    async handler({ params, body, deps, actor, meta }) {
      const me = actor();
      const now = deps.clock.now();
      const a = await loadAppointment(deps, me, meta, params.id);
      if (a.status !== 'booked' && !(status === 'no_show' && a.status === 'checked_in')) {
        throw conflict(`An appointment that is ${a.status.replace('_', ' ')} cannot be marked ${status.replace('_', ' ')}.`);
      }
      const clinic = await loadClinic(deps.db, me.clinicId);
      const updated: AppointmentRow = await deps.db.transaction(async (tx) => {
        const [row] = await tx.update(appointments).set({ status, statusReason: body.reason === '' ? null : body.reason, statusChangedAt: now, statusChangedBy: me.userId, updatedAt: now }).where(eq(appointments.id, a.id)).returning();
        await recordAudit(tx, { action: status === 'cancelled' ? 'schedule.cancelled' : 'schedule.no_show', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'appointment', resourceId: a.id, patientId: a.patientId, meta, at: now });
        return row as AppointmentRow;
      });
      let suggestion: z.infer<typeof RescheduleSuggestion> = null;
      if (status === 'no_show' && a.planId !== null && a.planSessionIndex !== null && a.route !== null) {
        suggestion = await suggestReschedule(deps.db, clinic, a, localDateOf(now, clinic.timeZone));
      }
      return { appointment: await presentOne(deps, updated, clinic.timeZone), rescheduleSuggestion: suggestion };
    },
  });
}

async function suggestReschedule(q: Parameters<typeof loadClinic>[0], clinic: Awaited<ReturnType<typeof loadClinic>>, missed: AppointmentRow, today: string): Promise<z.infer<typeof RescheduleSuggestion>> {
  const [plan] = await q.select().from(treatmentPlans).where(eq(treatmentPlans.id, missed.planId ?? ''));
  if (plan === undefined) {
    return null;
  }
  const booked = await q.select().from(appointments).where(and(eq(appointments.planId, plan.id), eq(appointments.status, 'booked')));
  const schedule = plan.schedule as { sessionTime: string; sessions: PlannedSession[] };
  const sessions = schedule.sessions.map((s) => {
    const appt = booked.find((b) => b.planSessionIndex === s.index);
    return appt === undefined ? s : { ...s, localDate: localOf(appt.startsAt, clinic.timeZone).date };
  });
  const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const r = rescheduleAfterMissed({ route: plan.route as Route, protocol: clinicProtocol(clinic).protocol, sessions, missedIndex: missed.planSessionIndex ?? 0, earliestDate: tomorrow, timeZone: clinic.timeZone, openingDays: clinic.openingDays as Weekday[], sessionTime: schedule.sessionTime });
  return {
    changes: (r.changes ?? []).map((c) => ({ ...c, appointmentId: c.index === missed.planSessionIndex ? null : (booked.find((b) => b.planSessionIndex === c.index)?.id ?? null) })),
    notes: r.findings.map((f) => f.message),
  };
}

export const cancelRoute = statusRoute('cancel', 'cancelled');
export const noShowRoute = statusRoute('no-show', 'no_show');

export const readinessRoute = defineRoute({
  method: 'GET',
  url: '/api/appointments/:id/readiness',
  access: { action: 'schedule.read' },
  summary: 'Whether a treatment session may be checked in, and exactly what is missing',
  tags: ['Scheduling'],
  schema: { params: Id, response: { 200: GateOut } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const a = await loadAppointment(deps, me, meta, params.id);
    if (a.route === null) {
      return { ready: true, items: [] };
    }
    return gateFor(deps.db, me.clinicId, a.patientId, a.route);
  },
});

export const checkInRoute = defineRoute({
  method: 'POST',
  url: '/api/appointments/:id/check-in',
  access: { action: 'schedule.check_in' },
  summary: 'Check the patient in (treatment sessions only when eligibility, consent, plan and REMS are in place)',
  tags: ['Scheduling'],
  schema: { params: Id, response: { 200: AppointmentOut } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const a = await loadAppointment(deps, me, meta, params.id);
    if (a.status !== 'booked') {
      throw conflict(`This appointment is ${a.status.replace('_', ' ')}.`);
    }
    if (a.route !== null) {
      const gate = await gateFor(deps.db, me.clinicId, a.patientId, a.route);
      if (!gate.ready) {
        await deps.db.transaction((tx) => recordAudit(tx, { action: 'schedule.check_in_refused', outcome: 'denied', clinicId: me.clinicId, actor: me, resourceType: 'appointment', resourceId: a.id, patientId: a.patientId, details: { missing: gate.items.filter((i) => !i.ok).map((i) => i.code) }, meta, at: now }));
        throw new AppError('RULE_BLOCKED', { detail: `Cannot check in: ${gate.items.filter((i) => !i.ok).map((i) => i.message).join(' ')}`, extra: { items: gate.items } });
      }
    }
    const clinic = await loadClinic(deps.db, me.clinicId);
    const row = await deps.db.transaction(async (tx) => {
      const [u] = await tx.update(appointments).set({ status: 'checked_in', statusChangedAt: now, statusChangedBy: me.userId, updatedAt: now }).where(eq(appointments.id, a.id)).returning();
      await recordAudit(tx, { action: 'schedule.checked_in', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'appointment', resourceId: a.id, patientId: a.patientId, meta, at: now });
      if (a.route !== null) {
        await openSessionAtCheckIn(tx, a, me, meta, now);
      }
      return u as AppointmentRow;
    });
    return presentOne(deps, row, clinic.timeZone);
  },
});

export const appointmentActionRoutes = [rescheduleRoute, cancelRoute, noShowRoute, readinessRoute, checkInRoute];
