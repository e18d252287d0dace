import { z } from 'zod';
import type { appointments, appointmentTypes, chairs, patients, users } from '../../db/schema';
import { displayName, formatMrn } from '../patients/presenters';
import { localOf } from './repo';
import type { Conflict } from './rules';

export const AppointmentOut = z.object({
  id: z.string(),
  patient: z.object({ id: z.string(), displayName: z.string(), mrn: z.string() }),
  type: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  route: z.string().nullable(),
  chair: z.object({ id: z.string(), name: z.string() }).nullable(),
  staff: z.object({ id: z.string(), name: z.string() }).nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  localDate: z.string(),
  localStart: z.string(),
  localEnd: z.string(),
  status: z.enum(['booked', 'checked_in', 'completed', 'cancelled', 'no_show']),
  statusReason: z.string().nullable(),
  planId: z.string().nullable(),
  planSessionIndex: z.number().int().nullable(),
  phase: z.string().nullable(),
  notes: z.string().nullable(),
  /** The treatment session opened at check-in, if any. */
  session: z.object({ id: z.string(), state: z.string() }).nullable(),
});
export type AppointmentOut = z.infer<typeof AppointmentOut>;

export interface AppointmentJoin {
  readonly a: typeof appointments.$inferSelect;
  readonly t: typeof appointmentTypes.$inferSelect;
  readonly p: typeof patients.$inferSelect;
  readonly c: typeof chairs.$inferSelect | null;
  readonly s: Pick<typeof users.$inferSelect, 'id' | 'name'> | null;
  readonly ts?: { readonly id: string; readonly state: string } | null;
}

export function presentAppointment({ a, t, p, c, s, ts }: AppointmentJoin, tz: string): AppointmentOut {
  const start = localOf(a.startsAt, tz);
  return {
    id: a.id,
    patient: { id: p.id, displayName: displayName(p), mrn: formatMrn(p.mrn) },
    type: { id: t.id, code: t.code, name: t.name },
    route: a.route,
    chair: c === null ? null : { id: c.id, name: c.name },
    staff: s === null ? null : { id: s.id, name: s.name },
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    localDate: start.date,
    localStart: start.time,
    localEnd: localOf(a.endsAt, tz).time,
    status: a.status as AppointmentOut['status'],
    statusReason: a.statusReason,
    planId: a.planId,
    planSessionIndex: a.planSessionIndex,
    phase: a.phase,
    notes: a.notes,
    session: ts === undefined || ts === null ? null : { id: ts.id, state: ts.state },
  };
}

export const ConflictOut = z.object({ code: z.string(), message: z.string(), appointmentId: z.string().nullable() });
export function presentConflicts(c: readonly Conflict[]): z.infer<typeof ConflictOut>[] {
  return c.map((x) => ({ code: x.code, message: x.message, appointmentId: x.appointmentId ?? null }));
}
