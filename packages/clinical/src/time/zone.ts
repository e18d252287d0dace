/**
 * IANA time-zone conversions with Intl (always given an explicit `timeZone`, never the host zone).
 */
import { dayNumber, fromDayNumber, parseLocalTime, type LocalDate, type Weekday } from './local-date.js';
import { MS_PER_DAY, MS_PER_MINUTE } from './instant.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone name Intl accepts. */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0) {
    return false;
  }
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  readonly dayNumber: number;
  readonly minuteOfDay: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const day = Date.UTC(get('year'), get('month') - 1, get('day')) / MS_PER_DAY;
  return { dayNumber: day, minuteOfDay: get('hour') * 60 + get('minute') };
}

/** UTC offset of `timeZone` at instant `ms`, in minutes (e.g. −300 for New York in winter). */
export function offsetMinutesAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const wallMs = w.dayNumber * MS_PER_DAY + w.minuteOfDay * MS_PER_MINUTE;
  const truncated = Math.floor(ms / MS_PER_MINUTE) * MS_PER_MINUTE;
  return Math.round((wallMs - truncated) / MS_PER_MINUTE);
}

/** Result of converting a wall-clock time to an instant. */
export interface ZonedInstant {
  readonly ms: number;
  /** `gap`: the wall time does not exist (spring forward) and was moved forward; `ambiguous`: the earlier of two was used. */
  readonly adjustment: 'none' | 'gap' | 'ambiguous';
}

/**
 * Instant for local `date` + `time` in `timeZone`. Non-existent times (DST gap) move forward by the gap;
 * repeated times (DST overlap) resolve to the earlier instant. Returns `null` on invalid input.
 */
export function zonedToInstant(date: LocalDate, time: string, timeZone: string): ZonedInstant | null {
  const day = dayNumber(date);
  const t = parseLocalTime(time);
  if (day === null || t === null || !isValidTimeZone(timeZone)) {
    return null;
  }
  const minuteOfDay = t.hour * 60 + t.minute;
  const naive = day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  const before = offsetMinutesAt(naive - 12 * 60 * MS_PER_MINUTE, timeZone);
  const after = offsetMinutesAt(naive + 12 * 60 * MS_PER_MINUTE, timeZone);
  const candidates = [...new Set([naive - before * MS_PER_MINUTE, naive - after * MS_PER_MINUTE])].filter((ms) => {
    const w = wallClock(ms, timeZone);
    return w.dayNumber === day && w.minuteOfDay === minuteOfDay;
  });
  if (candidates.length === 0) {
    return { ms: naive - before * MS_PER_MINUTE, adjustment: 'gap' };
  }
  const ms = Math.min(...candidates);
  return { ms, adjustment: candidates.length > 1 ? 'ambiguous' : 'none' };
}

/** Local calendar date, `HH:MM` and weekday of instant `ms` in `timeZone`. */
export function instantToLocal(ms: number, timeZone: string): { date: LocalDate; time: string; weekday: Weekday } {
  const w = wallClock(ms, timeZone);
  const hh = String(Math.floor(w.minuteOfDay / 60)).padStart(2, '0');
  const mm = String(w.minuteOfDay % 60).padStart(2, '0');
  const date = fromDayNumber(w.dayNumber);
  return { date, time: `${hh}:${mm}`, weekday: new Date(w.dayNumber * MS_PER_DAY).getUTCDay() as Weekday };
}
