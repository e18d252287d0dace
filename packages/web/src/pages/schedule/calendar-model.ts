import type { AppointmentDto } from '@ketapath/server/contracts';
import type { Resources, WorkingHours } from '../../components/schedule/data';
import { STAFF_ROLE_SHORT } from '../../components/schedule/data';
import { addDays, formatLocalDate, toMinutes, weekdayOf } from '../../components/schedule/time';

export type View = 'day' | 'week';
export type By = 'chair' | 'staff';

/** One column of the calendar: a chair, a staff member (day view) or a day (week view). */
export interface Column {
  readonly key: string;
  readonly date: string;
  readonly label: string;
  readonly sub: string | undefined;
  /** Where an appointment dropped here goes: a chair id, null for "no chair", undefined to keep its own. */
  readonly chairId: string | null | undefined;
  readonly staffId: string | null | undefined;
  readonly closed: boolean;
  /** Stretches of the day when this staff member does not work (minutes since midnight). */
  readonly offHours: readonly { from: number; to: number }[];
  readonly appointments: readonly AppointmentDto[];
  readonly isToday: boolean;
}

export const STEP_MINUTES = 15;
/** Height of one 15-minute row; a 30-minute visit is 48 px tall, a comfortable touch target. */
export const ROW_PX = 24;
export const PX_PER_MINUTE = ROW_PX / STEP_MINUTES;

export function datesOf(view: View, date: string, firstDay: number): string[] {
  if (view === 'day') {
    return [date];
  }
  const start = addDays(date, -((weekdayOf(date) - firstDay + 7) % 7));
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

function offHoursOf(hours: readonly WorkingHours[], weekday: number, dayStart: number, dayEnd: number): { from: number; to: number }[] {
  if (hours.length === 0) {
    return [];
  }
  const today = hours.filter((h) => h.weekday === weekday).map((h) => ({ from: toMinutes(h.startsAt), to: toMinutes(h.endsAt) })).sort((a, b) => a.from - b.from);
  const out: { from: number; to: number }[] = [];
  let at = dayStart;
  for (const h of today) {
    if (h.from > at) {
      out.push({ from: at, to: h.from });
    }
    at = Math.max(at, h.to);
  }
  if (at < dayEnd) {
    out.push({ from: at, to: dayEnd });
  }
  return out;
}

export interface BuildInput {
  readonly view: View;
  readonly by: By;
  readonly dates: readonly string[];
  readonly resources: Resources;
  readonly appointments: readonly AppointmentDto[];
  readonly today: string;
  /** Week view: show only this chair / staff member ('' = everyone). */
  readonly filter: string;
}

export function buildColumns({ view, by, dates, resources: r, appointments, today, filter }: BuildInput): Column[] {
  if (view === 'week') {
    const shown = filter === '' ? appointments : appointments.filter((a) => (by === 'chair' ? a.chair?.id : a.staff?.id) === filter);
    return dates.map((d) => ({
      key: d,
      date: d,
      label: formatLocalDate(d, 'dayShort'),
      sub: undefined,
      chairId: undefined,
      staffId: undefined,
      closed: !r.openingDays.includes(weekdayOf(d)),
      offHours: by === 'staff' && filter !== '' ? offHoursOf(r.staff.find((s) => s.userId === filter)?.hours ?? [], weekdayOf(d), 0, 24 * 60) : [],
      appointments: shown.filter((a) => a.localDate === d),
      isToday: d === today,
    }));
  }
  const date = dates[0] ?? today;
  const closed = !r.openingDays.includes(weekdayOf(date));
  const dayAppts = appointments.filter((a) => a.localDate === date);
  const common = { date, closed, isToday: date === today };
  if (by === 'chair') {
    const used = new Set(dayAppts.map((a) => a.chair?.id));
    const cols: Column[] = r.chairs
      .filter((c) => c.active || used.has(c.id))
      .map((c) => ({
        ...common,
        key: c.id,
        label: c.name,
        sub: c.active ? (c.kind === 'room' ? 'Room' : undefined) : 'Not in use',
        chairId: c.id,
        staffId: undefined,
        offHours: [],
        appointments: dayAppts.filter((a) => a.chair?.id === c.id),
      }));
    const none = dayAppts.filter((a) => a.chair === null);
    if (none.length > 0 || cols.length === 0) {
      cols.push({ ...common, key: 'no-chair', label: 'No chair or room', sub: undefined, chairId: null, staffId: undefined, offHours: [], appointments: none });
    }
    return cols;
  }
  const weekday = weekdayOf(date);
  const withAppts = new Set(dayAppts.map((a) => a.staff?.id));
  const cols: Column[] = r.staff
    .filter((s) => withAppts.has(s.userId) || s.hours.some((h) => h.weekday === weekday) || (s.role === 'nurse' && s.hours.length === 0))
    .map((s) => {
      const worked = s.hours.filter((h) => h.weekday === weekday);
      return {
        ...common,
        key: s.userId,
        label: s.name,
        sub: `${STAFF_ROLE_SHORT[s.role] ?? s.role}${worked.length > 0 ? ` · ${worked.map((h) => `${h.startsAt}–${h.endsAt}`).join(', ')}` : s.hours.length > 0 ? ' · not working' : ''}`,
        chairId: undefined,
        staffId: s.userId,
        offHours: offHoursOf(s.hours, weekday, 0, 24 * 60),
        appointments: dayAppts.filter((a) => a.staff?.id === s.userId),
      };
    });
  const none = dayAppts.filter((a) => a.staff === null);
  if (none.length > 0 || cols.length === 0) {
    cols.push({ ...common, key: 'no-staff', label: 'No one assigned', sub: undefined, chairId: undefined, staffId: null, offHours: [], appointments: none });
  }
  return cols;
}

/** The time range the grid shows: clinic hours, widened to include any appointment outside them. */
export function gridRange(r: Resources, appointments: readonly AppointmentDto[]): { start: number; end: number } {
  let start = Math.floor(toMinutes(r.dayStartsAt) / 60) * 60;
  let end = Math.ceil(toMinutes(r.dayEndsAt) / 60) * 60;
  for (const a of appointments) {
    const s = toMinutes(a.localStart);
    const e = a.localEnd < a.localStart ? 24 * 60 : toMinutes(a.localEnd);
    start = Math.min(start, Math.floor(s / 60) * 60);
    end = Math.max(end, Math.ceil(e / 60) * 60);
  }
  return { start, end: Math.max(end, start + 60) };
}

export interface Placed {
  readonly appointment: AppointmentDto;
  readonly top: number;
  readonly height: number;
  readonly lane: number;
  readonly lanes: number;
  /** How many blocks this one sits on top of, indented so the ones beneath still show their names. */
  readonly depth: number;
}

/** A block may sit over one that started at least this long before, as the name of the one beneath stays visible. */
const CASCADE_MINUTES = 30;

/**
 * Position each appointment in its column. Visits that start together sit side by side in lanes; a
 * visit that starts well after another one has begun is drawn over its lower part, slightly indented,
 * so busy days need fewer, wider lanes.
 */
export function placeAppointments(list: readonly AppointmentDto[], gridStart: number): Placed[] {
  const items = [...list]
    .map((a) => ({ a, s: toMinutes(a.localStart), e: a.localEnd < a.localStart ? 24 * 60 : toMinutes(a.localEnd) }))
    .sort((x, y) => x.s - y.s || y.e - x.e);
  const out: Placed[] = [];
  let cluster: { a: AppointmentDto; s: number; e: number; lane: number; depth: number }[] = [];
  let clusterEnd = -1;
  const flush = () => {
    const lanes = Math.max(1, ...cluster.map((c) => c.lane + 1));
    for (const c of cluster) {
      out.push({ appointment: c.a, top: (c.s - gridStart) * PX_PER_MINUTE, height: Math.max((c.e - c.s) * PX_PER_MINUTE, ROW_PX), lane: c.lane, lanes, depth: c.depth });
    }
    cluster = [];
  };
  for (const it of items) {
    if (it.s >= clusterEnd && cluster.length > 0) {
      flush();
    }
    const laneCount = Math.max(0, ...cluster.map((c) => c.lane + 1));
    let best: { lane: number; depth: number } | null = null;
    for (let lane = 0; lane < laneCount; lane += 1) {
      const under = cluster.filter((c) => c.lane === lane && c.e > it.s);
      if (under.length === 0) {
        best = { lane, depth: 0 };
        break;
      }
      if (under.every((c) => it.s - c.s >= CASCADE_MINUTES)) {
        const depth = Math.max(...under.map((c) => c.depth)) + 1;
        if (best === null || depth < best.depth) {
          best = { lane, depth };
        }
      }
    }
    cluster.push({ ...it, ...(best ?? { lane: laneCount, depth: 0 }) });
    clusterEnd = Math.max(clusterEnd, it.e);
  }
  flush();
  return out;
}
