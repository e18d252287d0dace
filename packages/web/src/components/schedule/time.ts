/**
 * Calendar arithmetic in the clinic's time zone. Local dates are 'YYYY-MM-DD' strings and local times
 * 'HH:MM'; instants are ISO strings. Nothing here reads the browser's own time zone.
 */

const partsCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    partsCache.set(timeZone, f);
  }
  return f;
}

function wallClock(ms: number, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const get = (parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const parts = partsFormatter(timeZone).formatToParts(new Date(ms));
  return { y: get(parts, 'year'), m: get(parts, 'month'), d: get(parts, 'day'), h: get(parts, 'hour') % 24, min: get(parts, 'minute'), s: get(parts, 'second') };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local date, time and minutes since midnight of an instant in the clinic's zone. */
export function localOf(instant: string | number | Date, timeZone: string): { date: string; time: string; minutes: number } {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  const w = wallClock(ms, timeZone);
  return { date: `${w.y}-${pad(w.m)}-${pad(w.d)}`, time: `${pad(w.h)}:${pad(w.min)}`, minutes: w.h * 60 + w.min };
}

function offsetMinutes(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The instant (ISO) of a local date and time in the clinic's zone; correct across daylight-saving changes. */
export function zonedToIso(date: string, time: string, timeZone: string): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, min = 0] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, h, min);
  const first = offsetMinutes(guess, timeZone);
  let ms = guess - first * 60_000;
  const second = offsetMinutes(ms, timeZone);
  if (second !== first) {
    ms = guess - second * 60_000;
  }
  return new Date(ms).toISOString();
}

function dateMs(date: string): number {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d, 12);
}

export function addDays(date: string, days: number): string {
  return new Date(dateMs(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(dateMs(date)).getUTCDay();
}

/** The first day of the week holding `date` (weeks start on `firstDay`: 0 Sunday, 1 Monday). */
export function startOfWeek(date: string, firstDay: number): string {
  return addDays(date, -((weekdayOf(date) - firstDay + 7) % 7));
}

export function todayIn(timeZone: string, now: number = Date.now()): string {
  return localOf(now, timeZone).date;
}

export function toMinutes(time: string): number {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
}

export function fromMinutes(minutes: number): string {
  const m = Math.max(0, Math.min(24 * 60 - 1, Math.round(minutes)));
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

const dayFormats = {
  long: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  medium: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
  short: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }),
  weekday: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long' }),
  dayShort: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric' }),
  dayMonth: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
};

/**
 * A local date in words. The date string is already in the clinic's zone, so it is formatted as a
 * calendar date (in UTC, where it cannot shift).
 */
export function formatLocalDate(date: string, style: keyof typeof dayFormats = 'medium'): string {
  return dayFormats[style].format(new Date(dateMs(date)));
}

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Minutes as words: "2 h 25 min". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}
