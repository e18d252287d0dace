/**
 * Instants. The package never reads the clock: callers pass `now`/`asOf` as an ISO-8601 string with an explicit
 * offset (`Z` or `±HH:MM`) or as epoch milliseconds. Strings without an offset are rejected, because JavaScript
 * would read them in the host time zone.
 */

/** An instant: ISO-8601 with `Z`/offset, or epoch milliseconds. */
export type Instant = string | number;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch milliseconds, or `null` when the value is not a valid instant. */
export function toEpochMs(value: Instant): number | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  const m = ISO_INSTANT.exec(value);
  if (m === null) {
    return null;
  }
  const [, y, mo, d, h, mi] = m;
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) {
    return null;
  }
  // Reject calendar roll-over such as 31 February (Date would silently move it to March).
  const probe = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)));
  if (probe.getUTCDate() !== Number(d) || probe.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23) {
    return null;
  }
  return ms;
}

/** Canonical UTC ISO string for epoch milliseconds. */
export function toIsoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/** Whole and fractional minutes from `from` to `to` (negative when `to` is earlier), or `null` if either is invalid. */
export function minutesBetween(from: Instant, to: Instant): number | null {
  const a = toEpochMs(from);
  const b = toEpochMs(to);
  if (a === null || b === null) {
    return null;
  }
  return (b - a) / 60_000;
}

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
