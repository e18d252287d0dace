import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minutesBetween, toEpochMs, toIsoUtc } from './instant.js';
import { addDays, dayNumber, daysBetween, isLocalDate, parseLocalTime, weekdayOf } from './local-date.js';
import { instantToLocal, isValidTimeZone, offsetMinutesAt, zonedToInstant } from './zone.js';

describe('instants', () => {
  it.each([
    ['2025-03-03T14:00:00Z', Date.UTC(2025, 2, 3, 14)],
    ['2025-03-03T14:00Z', Date.UTC(2025, 2, 3, 14)],
    ['2025-03-03T09:00:00.123-05:00', Date.UTC(2025, 2, 3, 14, 0, 0, 123)],
    [1_700_000_000_000, 1_700_000_000_000],
  ])('parses %s', (input, ms) => {
    expect(toEpochMs(input)).toBe(ms);
  });

  it.each(['2025-03-03T14:00:00', '2025-03-03', '2025-02-31T00:00:00Z', '2025-13-01T00:00Z', 'yesterday', '2025-03-03T25:00Z'])('rejects %s (no offset or not a real time)', (input) => {
    expect(toEpochMs(input)).toBeNull();
  });

  it('rejects non-finite numbers and computes minutes', () => {
    expect(toEpochMs(Number.NaN)).toBeNull();
    expect(minutesBetween('2025-01-01T00:00Z', '2025-01-01T02:00Z')).toBe(120);
    expect(minutesBetween('bad', '2025-01-01T02:00Z')).toBeNull();
    expect(toIsoUtc(0)).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('local dates', () => {
  it('does calendar arithmetic across month and leap-year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
    expect(weekdayOf('2025-03-03')).toBe(1);
    expect(weekdayOf('2025-03-09')).toBe(0);
  });

  it('validates dates and times', () => {
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2025-2-1')).toBe(false);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(parseLocalTime('09:30')).toEqual({ hour: 9, minute: 30 });
    expect(parseLocalTime('24:00')).toBeNull();
    expect(() => addDays('nope', 1)).toThrow(RangeError);
  });
});

describe('time zones', () => {
  it('validates zone names', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('knows offsets either side of a DST change', () => {
    expect(offsetMinutesAt(Date.UTC(2025, 0, 15), 'America/New_York')).toBe(-300);
    expect(offsetMinutesAt(Date.UTC(2025, 6, 15), 'America/New_York')).toBe(-240);
    expect(offsetMinutesAt(Date.UTC(2025, 6, 15), 'Australia/Sydney')).toBe(600);
  });

  it('converts wall time to UTC, including the spring-forward gap and the fall-back overlap', () => {
    expect(zonedToInstant('2025-03-08', '09:00', 'America/New_York')).toEqual({ ms: Date.UTC(2025, 2, 8, 14), adjustment: 'none' });
    expect(zonedToInstant('2025-03-10', '09:00', 'America/New_York')).toEqual({ ms: Date.UTC(2025, 2, 10, 13), adjustment: 'none' });
    expect(zonedToInstant('2025-03-09', '02:30', 'America/New_York')).toEqual({ ms: Date.UTC(2025, 2, 9, 7, 30), adjustment: 'gap' });
    expect(zonedToInstant('2025-11-02', '01:30', 'America/New_York')).toEqual({ ms: Date.UTC(2025, 10, 2, 5, 30), adjustment: 'ambiguous' });
    expect(zonedToInstant('2025-11-02', '01:30', 'Nope/Zone')).toBeNull();
    expect(zonedToInstant('2025-11-31', '01:30', 'UTC')).toBeNull();
  });

  it('round-trips wall time for any date and time (property)', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Australia/Sydney', 'America/Toronto'];
    fc.assert(
      fc.property(fc.integer({ min: 19_000, max: 22_000 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom(...zones), (day, h, m, tz) => {
        const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        const z = zonedToInstant(date, time, tz);
        if (z === null) {
          return false;
        }
        const back = instantToLocal(z.ms, tz);
        return z.adjustment === 'gap' ? back.date === date : back.date === date && back.time === time;
      }),
      { numRuns: 300 },
    );
  });
});
