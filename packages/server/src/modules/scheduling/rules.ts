import { checkSessionSpacing, observationSchedule, type Finding, type ProtocolSettings, type Route } from '@ketapath/clinical';

/**
 * The least chair time a treatment session needs: from the first dose to the last observation the
 * clinical core schedules (or its minimum observation time, whichever is later), plus the spread of
 * esketamine devices. Pure.
 */
export function minimumChairMinutes(route: Route, protocol: ProtocolSettings): number {
  const r = observationSchedule(route, protocol, 0);
  if (!r.ok) {
    return 0;
  }
  const lastReading = Math.max(0, ...r.schedule.items.map((i) => i.offsetMinutes));
  const minDischarge = r.schedule.minimumDischargeAt === null ? 0 : Date.parse(r.schedule.minimumDischargeAt) / 60_000;
  const devices = route === 'esketamine_nasal' ? (Math.max(...protocol.esketamine.allowedDosesMg) / protocol.esketamine.mgPerDevice - 1) * protocol.esketamine.deviceSpacingMinutes : 0;
  return Math.ceil(Math.max(lastReading, minDischarge) + devices);
}

export interface Slot {
  readonly id?: string;
  readonly patientId: string;
  readonly chairId: string | null;
  readonly staffId: string | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly route: Route | null;
  readonly localDate: string;
}

export interface ExistingAppointment extends Slot {
  readonly id: string;
  readonly label: string;
}

export interface WorkingHours {
  readonly weekday: number;
  readonly startsAt: string;
  readonly endsAt: string;
}

export interface ConflictContext {
  readonly existing: readonly ExistingAppointment[];
  readonly openingDays: readonly number[];
  readonly dayStartsAt: string;
  readonly dayEndsAt: string;
  readonly chairsPerNurse: number;
  /** Working hours of the assigned staff member (empty = not set: not checked). */
  readonly staffHours: readonly WorkingHours[];
  readonly protocol: ProtocolSettings;
  /** The current time: nothing can be booked to start in the past. */
  readonly now: Date;
  /** Local weekday and HH:MM of the slot start and end in the clinic's zone. */
  readonly local: { readonly weekday: number; readonly start: string; readonly end: string };
}

export type ConflictCode = 'IN_THE_PAST' | 'CHAIR_BUSY' | 'NURSE_BUSY' | 'PATIENT_BUSY' | 'CLINIC_CLOSED' | 'OUTSIDE_CLINIC_HOURS' | 'OUTSIDE_STAFF_HOURS' | 'SPACING';

export interface Conflict {
  readonly code: ConflictCode;
  readonly message: string;
  readonly appointmentId?: string;
  readonly finding?: Finding;
}

const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** Every reason a slot cannot be booked, in words a receptionist can act on. Pure. */
export function findConflicts(slot: Slot, ctx: ConflictContext): Conflict[] {
  const out: Conflict[] = [];
  const others = ctx.existing.filter((e) => e.id !== slot.id);
  if (slot.startsAt.getTime() < ctx.now.getTime()) {
    out.push({ code: 'IN_THE_PAST', message: 'That time has already passed.' });
  }
  if (!ctx.openingDays.includes(ctx.local.weekday)) {
    out.push({ code: 'CLINIC_CLOSED', message: 'The clinic is closed that day.' });
  } else if (ctx.local.start < ctx.dayStartsAt || ctx.local.end > ctx.dayEndsAt || ctx.local.end < ctx.local.start) {
    out.push({ code: 'OUTSIDE_CLINIC_HOURS', message: `Outside clinic hours (${ctx.dayStartsAt}–${ctx.dayEndsAt}).` });
  }
  for (const e of others) {
    if (!overlaps(slot, e)) {
      continue;
    }
    if (slot.chairId !== null && e.chairId === slot.chairId) {
      out.push({ code: 'CHAIR_BUSY', message: `The chair is taken by ${e.label}.`, appointmentId: e.id });
    }
    if (e.patientId === slot.patientId) {
      out.push({ code: 'PATIENT_BUSY', message: `The patient already has ${e.label} at that time.`, appointmentId: e.id });
    }
  }
  if (slot.staffId !== null) {
    const parallel = others.filter((e) => e.staffId === slot.staffId && overlaps(slot, e));
    if (parallel.length >= ctx.chairsPerNurse) {
      out.push({ code: 'NURSE_BUSY', message: `The nurse already monitors ${parallel.length} session(s) then (limit ${ctx.chairsPerNurse} at a time).`, ...(parallel[0] === undefined ? {} : { appointmentId: parallel[0].id }) });
    }
    if (ctx.staffHours.length > 0 && !ctx.staffHours.some((h) => h.weekday === ctx.local.weekday && h.startsAt <= ctx.local.start && ctx.local.end <= h.endsAt)) {
      out.push({ code: 'OUTSIDE_STAFF_HOURS', message: 'Outside the nurse’s working hours.' });
    }
  }
  if (slot.route !== null) {
    const sameRoute = others.filter((e) => e.patientId === slot.patientId && e.route === slot.route);
    for (const f of checkSessionSpacing({ route: slot.route, protocol: ctx.protocol, date: slot.localDate, otherDates: sameRoute.map((e) => e.localDate) })) {
      out.push({ code: 'SPACING', message: f.message, finding: f });
    }
  }
  return out;
}
