import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { appointments, treatmentPlans } from '../../db/schema';
import { AppError } from '../../http/errors';
import { auditedNotFound } from '../../http/not-found';
import { defineRoute } from '../../http/route';
import { loadClinic } from '../clinic/load';
import { currentPlan } from '../plans/facts';
import { loadPatient } from '../patients/repo';
import { clinicProtocol } from '../protocol/load';
import { ensureAppointmentTypes } from './defaults';
import { lockClinicSchedule } from './appointments.route';
import { proposeBookings, type Proposal } from './booking';
import { AppointmentOut, ConflictOut, presentAppointment, presentConflicts } from './presenters';
import { appointmentsWhere } from './query';
import { localOf } from './repo';

const Params = z.object({ id: z.uuid(), planId: z.uuid() });
const Body = z.object({ chairId: z.uuid().optional(), staffId: z.uuid().optional(), sessions: z.enum(['induction', 'all']).default('induction') });
const ProposalOut = z.object({ index: z.number().int(), phase: z.string(), startsAt: z.string(), endsAt: z.string(), localDate: z.string(), localStart: z.string(), chair: z.object({ id: z.string(), name: z.string() }).nullable(), staff: z.object({ id: z.string(), name: z.string() }).nullable(), conflicts: z.array(ConflictOut), alreadyBooked: z.boolean() });

function present(p: Proposal, tz: string): z.infer<typeof ProposalOut> {
  const l = localOf(p.startsAt, tz);
  return { index: p.index, phase: p.phase, startsAt: p.startsAt.toISOString(), endsAt: p.endsAt.toISOString(), localDate: l.date, localStart: l.time, chair: p.chair, staff: p.staff, conflicts: presentConflicts(p.conflicts), alreadyBooked: p.alreadyBooked };
}

async function loadPlanFor(deps: Parameters<typeof loadPatient>[0], actor: Parameters<typeof loadPatient>[1], meta: Parameters<typeof loadPatient>[2], params: z.infer<typeof Params>) {
  const p = await loadPatient(deps, actor, meta, params.id);
  const [plan] = await deps.db.select().from(treatmentPlans).where(and(eq(treatmentPlans.id, params.planId), eq(treatmentPlans.patientId, p.id), eq(treatmentPlans.clinicId, actor.clinicId)));
  if (plan === undefined) {
    throw await auditedNotFound(deps, actor, meta, 'treatment_plan', params.planId);
  }
  const latest = await currentPlan(deps.db, p.id, plan.route);
  if (latest?.id !== plan.id) {
    throw new AppError('CONFLICT', { detail: 'A newer version of this plan exists: book from the current plan.' });
  }
  const clinic = await loadClinic(deps.db, actor.clinicId);
  await deps.db.transaction((tx) => ensureAppointmentTypes(tx, clinic.id, clinicProtocol(clinic).protocol));
  return { patient: p, plan, clinic };
}

export const bookingPreviewRoute = defineRoute({
  method: 'POST',
  url: '/api/patients/:id/plans/:planId/booking/preview',
  access: { action: 'schedule.book' },
  summary: "Propose chair and nurse for each of the plan's sessions, with every conflict explained",
  tags: ['Scheduling'],
  schema: { params: Params, body: Body, response: { 200: z.object({ proposals: z.array(ProposalOut) }) } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const { plan, clinic } = await loadPlanFor(deps, me, meta, params);
    const { proposals } = await proposeBookings(deps.db, clinic, plan, body, deps.clock.now());
    return { proposals: proposals.map((p) => present(p, clinic.timeZone)) };
  },
});

export const bookPlanRoute = defineRoute({
  method: 'POST',
  url: '/api/patients/:id/plans/:planId/booking',
  access: { action: 'schedule.book' },
  summary: "Book the plan's sessions in one step (sessions with conflicts are left for you to place by hand)",
  tags: ['Scheduling'],
  schema: { params: Params, body: Body, response: { 201: z.object({ booked: z.array(AppointmentOut), skipped: z.array(ProposalOut) }) } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const { patient, plan, clinic } = await loadPlanFor(deps, me, meta, params);
    const result = await deps.db.transaction(async (tx) => {
      await lockClinicSchedule(tx, me.clinicId);
      const { proposals, typeId } = await proposeBookings(tx, clinic, plan, body, now);
      if (typeId === null) {
        throw new AppError('CONFLICT', { detail: 'No active appointment type for this treatment. Add one under Scheduling settings.' });
      }
      const ids: string[] = [];
      for (const p of proposals.filter((x) => !x.alreadyBooked && x.conflicts.length === 0)) {
        const id = randomUUID();
        ids.push(id);
        await tx.insert(appointments).values({ id, clinicId: me.clinicId, patientId: patient.id, typeId, route: plan.route, chairId: p.chair?.id ?? null, staffId: p.staff?.id ?? null, startsAt: p.startsAt, endsAt: p.endsAt, status: 'booked', planId: plan.id, planSessionIndex: p.index, phase: p.phase, createdAt: now, createdBy: me.userId, updatedAt: now });
      }
      await recordAudit(tx, { action: 'schedule.plan_booked', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'treatment_plan', resourceId: plan.id, patientId: patient.id, details: { booked: ids.length, skipped: proposals.filter((x) => x.conflicts.length > 0).length }, meta, at: now });
      return { ids, skipped: proposals.filter((x) => !x.alreadyBooked && x.conflicts.length > 0) };
    });
    const rows = result.ids.length === 0 ? [] : await appointmentsWhere(deps.db, [inArray(appointments.id, result.ids)]);
    return { booked: rows.map((r) => presentAppointment(r, clinic.timeZone)), skipped: result.skipped.map((p) => present(p, clinic.timeZone)) };
  },
});

export const bookingRoutes = [bookingPreviewRoute, bookPlanRoute];
