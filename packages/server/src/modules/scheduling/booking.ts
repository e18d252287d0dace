import type { PlannedSession, Route } from '@ketapath/clinical';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { treatmentPlans} from '../../db/schema';
import { appointments, appointmentTypes, chairs, staffHours, users } from '../../db/schema';
import type { Queryable } from '../../db/types';
import type { ClinicRow } from '../clinic/load';
import { clinicProtocol } from '../protocol/load';
import { ACTIVE_STATUSES, conflictContext, localOf } from './repo';
import { findConflicts, type Conflict, type ExistingAppointment, type Slot } from './rules';

export interface Proposal {
  readonly index: number;
  readonly phase: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly chair: { id: string; name: string } | null;
  readonly staff: { id: string; name: string } | null;
  readonly conflicts: readonly Conflict[];
  readonly alreadyBooked: boolean;
}

export interface BookingRequest {
  readonly chairId?: string | undefined;
  readonly staffId?: string | undefined;
  readonly sessions: 'induction' | 'all';
}

/**
 * Propose a chair and nurse for each of a plan's sessions that is not booked yet, checking every
 * proposal against existing appointments and the proposals before it.
 */
export async function proposeBookings(q: Queryable, clinic: ClinicRow, plan: typeof treatmentPlans.$inferSelect, req: BookingRequest, now: Date): Promise<{ proposals: Proposal[]; typeId: string | null }> {
  const [type] = await q.select().from(appointmentTypes).where(and(eq(appointmentTypes.clinicId, clinic.id), eq(appointmentTypes.route, plan.route), eq(appointmentTypes.active, true))).limit(1);
  if (type === undefined) {
    return { proposals: [], typeId: null };
  }
  const schedule = plan.schedule as { sessions: PlannedSession[] };
  const wanted = schedule.sessions.filter((s) => req.sessions === 'all' || s.phase === 'induction');
  const booked = await q.select({ index: appointments.planSessionIndex }).from(appointments).where(and(eq(appointments.planId, plan.id), inArray(appointments.status, [...ACTIVE_STATUSES])));
  const bookedIdx = new Set(booked.map((b) => b.index));
  const chairRows = await q.select().from(chairs).where(and(eq(chairs.clinicId, clinic.id), eq(chairs.active, true))).orderBy(asc(chairs.sortOrder), asc(chairs.name));
  const chairList = req.chairId === undefined ? chairRows.filter((c) => c.kind === 'chair').concat(chairRows.filter((c) => c.kind !== 'chair')) : chairRows.filter((c) => c.id === req.chairId);
  const nurseRows = await q.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.clinicId, clinic.id), eq(users.status, 'active'), req.staffId === undefined ? eq(users.role, 'nurse') : eq(users.id, req.staffId)));
  const hours = await q.select().from(staffHours).where(eq(staffHours.clinicId, clinic.id));
  const protocol = clinicProtocol(clinic).protocol;
  const window = protocol.schedule.minSpacingDays[plan.route as Route];
  const accepted: ExistingAppointment[] = [];
  const proposals: Proposal[] = [];
  for (const s of wanted) {
    const startsAt = new Date(s.startsAt);
    const endsAt = new Date(startsAt.getTime() + type.durationMinutes * 60_000);
    if (bookedIdx.has(s.index)) {
      proposals.push({ index: s.index, phase: s.phase, startsAt, endsAt, chair: null, staff: null, conflicts: [], alreadyBooked: true });
      continue;
    }
    const base: Slot = { patientId: plan.patientId, chairId: null, staffId: null, startsAt, endsAt, route: plan.route as Route, localDate: localOf(startsAt, clinic.timeZone).date };
    const ctx = await conflictContext(q, clinic, base, window, now);
    const withAccepted = { ...ctx, existing: [...ctx.existing, ...accepted] };
    const nurse = nurseRows.find((n) => findConflicts({ ...base, staffId: n.id }, { ...withAccepted, staffHours: hours.filter((h) => h.userId === n.id) }).every((c) => c.code !== 'NURSE_BUSY' && c.code !== 'OUTSIDE_STAFF_HOURS'));
    const staff = nurse ?? (req.staffId === undefined ? null : (nurseRows[0] ?? null));
    const staffCtx = { ...withAccepted, staffHours: staff === null ? [] : hours.filter((h) => h.userId === staff.id) };
    let best: { chair: (typeof chairRows)[number] | null; conflicts: Conflict[] } | null = null;
    for (const chair of chairList.length === 0 ? [null] : chairList) {
      const conflicts = findConflicts({ ...base, chairId: chair?.id ?? null, staffId: staff?.id ?? null }, staffCtx);
      if (best === null || conflicts.length < best.conflicts.length) {
        best = { chair, conflicts };
      }
      if (conflicts.length === 0) {
        break;
      }
    }
    const conflicts = [...(best?.conflicts ?? [])];
    if (best?.chair === null || best === null) {
      conflicts.push({ code: 'CHAIR_BUSY', message: 'No chair is set up: add chairs under Scheduling settings.' });
    }
    const proposal: Proposal = { index: s.index, phase: s.phase, startsAt, endsAt, chair: best?.chair ? { id: best.chair.id, name: best.chair.name } : null, staff: staff === null ? null : { id: staff.id, name: staff.name }, conflicts, alreadyBooked: false };
    proposals.push(proposal);
    if (conflicts.length === 0) {
      accepted.push({ ...base, id: `proposal-${s.index}`, chairId: proposal.chair?.id ?? null, staffId: proposal.staff?.id ?? null, label: `session ${s.index} of this plan` });
    }
  }
  return { proposals, typeId: type.id };
}
