/**
 * Civil (wall-calendar) dates as `YYYY-MM-DD` strings and times as `HH:MM`. Arithmetic on civil dates is
 * time-zone independent; converting to an instant needs a zone (see zone.ts).
 */
import { MS_PER_DAY } from './instant.js';

/** A calendar date `YYYY-MM-DD` in the clinic's time zone. */
export type LocalDate = string;

/** 0 = Sunday … 6 = Saturday (same numbering as JavaScript). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Day number (days since 1970-01-01) or `null` when the string is not a real calendar date. */
export function dayNumber(date: LocalDate): number | null {
  const m = DATE_RE.exec(date);
  if (m === null) {
    return null;
  }
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const probe = new Date(ms);
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    return null;
  }
  return ms / MS_PER_DAY;
}

export function isLocalDate(value: string): boolean {
  return dayNumber(value) !== null;
}

/** The calendar date for a day number. */
export function fromDayNumber(n: number): LocalDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

function mustDayNumber(date: LocalDate): number {
  const n = dayNumber(date);
  if (n === null) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return n;
}

/** `date` plus `days` calendar days. Throws RangeError on an invalid date (callers validate first). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(mustDayNumber(date) + days);
}

/** Calendar days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return mustDayNumber(b) - mustDayNumber(a);
}

/** Weekday of a calendar date (0 = Sunday). */
export function weekdayOf(date: LocalDate): Weekday {
  return new Date(mustDayNumber(date) * MS_PER_DAY).getUTCDay() as Weekday;
}

/** `{ hour, minute }` for `HH:MM` (24-hour), or `null`. */
export function parseLocalTime(time: string): { hour: number; minute: number } | null {
  const m = TIME_RE.exec(time);
  if (m === null) {
    return null;
  }
  return { hour: Number(m[1]), minute: Number(m[2]) };
}
