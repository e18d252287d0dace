import { instantToLocal, type Route } from '@ketapath/clinical';
import { and, eq, gte, inArray, lte, or } from 'drizzle-orm';
import { appointments, appointmentTypes, patients, staffHours } from '../../db/schema';
import type { Queryable } from '../../db/types';
import type { Actor, RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import { auditedNotFound } from '../../http/not-found';
import type { ClinicRow } from '../clinic/load';
import { displayName } from '../patients/presenters';
import { clinicProtocol } from '../protocol/load';
import type { ConflictContext, ExistingAppointment, Slot } from './rules';

export type AppointmentRow = typeof appointments.$inferSelect;
export const ACTIVE_STATUSES = ['booked', 'checked_in', 'completed'] as const;

export async function loadAppointment(deps: Deps, actor: Actor, meta: RequestMeta, id: string, q: Queryable = deps.db): Promise<AppointmentRow> {
  const [row] = await q.select().from(appointments).where(and(eq(appointments.id, id), eq(appointments.clinicId, actor.clinicId)));
  if (row === undefined) {
    throw await auditedNotFound(deps, actor, meta, 'appointment', id);
  }
  return row;
}

export function localOf(d: Date, tz: string): { date: string; time: string; weekday: number } {
  return instantToLocal(d.getTime(), tz);
}

/** Active appointments that could conflict with a slot: same day, plus the patient's sessions within the spacing window. */
export async function conflictContext(q: Queryable, clinic: ClinicRow, slot: Slot, windowDays: number, now: Date): Promise<ConflictContext> {
  const dayFrom = new Date(slot.startsAt.getTime() - 86_400_000);
  const dayTo = new Date(slot.endsAt.getTime() + 86_400_000);
  const spanFrom = new Date(slot.startsAt.getTime() - windowDays * 86_400_000);
  const spanTo = new Date(slot.endsAt.getTime() + windowDays * 86_400_000);
  const rows = await q
    .select({ a: appointments, t: appointmentTypes, p: patients })
    .from(appointments)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(
      and(
        eq(appointments.clinicId, clinic.id),
        inArray(appointments.status, [...ACTIVE_STATUSES]),
        or(and(gte(appointments.endsAt, dayFrom), lte(appointments.startsAt, dayTo)), and(eq(appointments.patientId, slot.patientId), gte(appointments.startsAt, spanFrom), lte(appointments.startsAt, spanTo))),
      ),
    );
  const existing: ExistingAppointment[] = rows.map(({ a, t, p }) => ({
    id: a.id,
    label: `${displayName(p)} (${t.name}, ${localOf(a.startsAt, clinic.timeZone).time})`,
    patientId: a.patientId,
    chairId: a.chairId,
    staffId: a.staffId,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    route: a.route as Route | null,
    localDate: localOf(a.startsAt, clinic.timeZone).date,
  }));
  const hours = slot.staffId === null ? [] : await q.select().from(staffHours).where(eq(staffHours.userId, slot.staffId));
  const start = localOf(slot.startsAt, clinic.timeZone);
  const end = localOf(slot.endsAt, clinic.timeZone);
  return {
    existing,
    openingDays: clinic.openingDays,
    dayStartsAt: clinic.dayStartsAt,
    dayEndsAt: clinic.dayEndsAt,
    chairsPerNurse: clinic.chairsPerNurse,
    staffHours: hours.map((h) => ({ weekday: h.weekday, startsAt: h.startsAt, endsAt: h.endsAt })),
    protocol: clinicProtocol(clinic).protocol,
    now,
    local: { weekday: start.weekday, start: start.time, end: end.date === start.date ? end.time : '24:00' },
  };
}
