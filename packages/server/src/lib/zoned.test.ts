import { describe, expect, it } from 'vitest';
import { mondaysBetween, startOfLocalDay, zoneOffsetMinutes } from './zoned';

describe('time zones', () => {
  it.each([
    ['2026-01-15', 'America/New_York', '2026-01-15T05:00:00.000Z'],
    ['2026-07-15', 'America/New_York', '2026-07-15T04:00:00.000Z'],
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z'],
    ['2026-03-29', 'Europe/London', '2026-03-29T00:00:00.000Z'],
    ['2026-06-01', 'Australia/Sydney', '2026-05-31T14:00:00.000Z'],
    ['2026-06-01', 'UTC', '2026-06-01T00:00:00.000Z'],
  ])('local midnight of %s in %s is %s', (date, tz, iso) => {
    expect(startOfLocalDay(date, tz).toISOString()).toBe(iso);
  });

  it('knows the offset', () => {
    expect(zoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });

  it('lists the Mondays that start the weeks of a period', () => {
    expect(mondaysBetween('2026-11-21', '2026-12-07')).toEqual(['2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07']);
    expect(mondaysBetween('2026-11-16', '2026-11-16')).toEqual(['2026-11-16']);
    expect(mondaysBetween('2026-11-22', '2026-11-22')).toEqual(['2026-11-16']);
    expect(mondaysBetween('2024-02-26', '2024-03-04')).toEqual(['2024-02-26', '2024-03-04']);
  });
});
