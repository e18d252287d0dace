import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_PROTOCOL } from '../protocol/defaults.js';
import { resolveProtocol } from '../protocol/resolve.js';
import { ROUTES, type Route } from '../protocol/route.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { addDays, daysBetween, weekdayOf, type Weekday } from '../time/local-date.js';
import { generateCourse } from './plan.js';
import { rescheduleAfterMissed } from './reschedule.js';
import type { CourseInput, PlannedSession } from './types.js';

const BASE: CourseInput = { route: 'esketamine_nasal', startDate: '2025-03-03', timeZone: 'America/New_York', openingDays: [1, 2, 3, 4, 5], sessionTime: '09:00', protocol: DEFAULT_PROTOCOL, patientAgeYears: 45 };
const plan = (patch: Partial<CourseInput> = {}): readonly PlannedSession[] => {
  const r = generateCourse({ ...BASE, ...patch });
  if (!r.ok) {
    throw new Error(JSON.stringify(r.findings));
  }
  return r.sessions;
};
const proto = (o: unknown): ProtocolSettings => {
  const r = resolveProtocol(o);
  if (!r.ok) {
    throw new Error('protocol');
  }
  return r.protocol;
};

describe('esketamine (label schedule)', () => {
  it('induction twice weekly weeks 1–4 on trial-calendar days 1, 4, 8, 11 …, weekly weeks 5–8', () => {
    const s = plan();
    expect(s.map((x) => daysBetween('2025-03-03', x.localDate) + 1)).toEqual([1, 4, 8, 11, 15, 18, 22, 25, 29, 36, 43, 50]);
    expect(s.map((x) => x.phase)).toEqual([...Array(8).fill('induction'), ...Array(4).fill('maintenance')]);
    expect(s.map((x) => x.week)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8]);
    expect(s.every((x) => x.plannedDose.mg === 56)).toBe(true);
  });

  it('converts to UTC across the DST change (09:00 New York)', () => {
    const s = plan();
    expect(s[1]?.startsAt).toBe('2025-03-06T14:00:00.000Z');
    expect(s[2]?.startsAt).toBe('2025-03-10T13:00:00.000Z');
  });

  it('older adults start at 28 mg; MDSI is 84 mg twice weekly for 4 weeks', () => {
    expect(plan({ patientAgeYears: 65 })[0]?.plannedDose).toEqual({ mg: 28 });
    const mdsi = plan({ indication: 'mdsi' });
    expect(mdsi).toHaveLength(8);
    expect(mdsi.every((x) => x.plannedDose.mg === 84 && x.phase === 'induction')).toBe(true);
  });

  it('plans week 9+ every 2 weeks when the horizon is extended', () => {
    const s = plan({ protocol: proto({ schedule: { esketamine: { planHorizonWeeks: 16 } } }) });
    expect(s.slice(12).map((x) => daysBetween('2025-03-03', x.localDate))).toEqual([56, 70, 84, 98]);
    const weekly = plan({ protocol: proto({ schedule: { esketamine: { planHorizonWeeks: 10, lateMaintenanceIntervalWeeks: 1 } } }) });
    expect(weekly).toHaveLength(14);
  });

  it('moves sessions off closed days and keeps ≥3 days apart', () => {
    const r = generateCourse({ ...BASE, openingDays: [1, 3] });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.sessions.slice(0, 4).map((x) => x.localDate)).toEqual(['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24']);
      expect(r.findings.map((f) => f.code)).toEqual(['COURSE_SESSION_SHIFTED']);
    }
  });
});

describe('racemic routes', () => {
  it('IV: 6 infusions, twice weekly over 3 weeks at 0.5 mg/kg', () => {
    const s = plan({ route: 'iv' });
    expect(s.map((x) => x.localDate)).toEqual(['2025-03-03', '2025-03-06', '2025-03-10', '2025-03-13', '2025-03-17', '2025-03-20']);
    expect(s.every((x) => x.plannedDose.mgPerKg === 0.5)).toBe(true);
  });

  it('IV three times weekly and with a maintenance interval set by the clinic', () => {
    const s = plan({ route: 'iv', protocol: proto({ schedule: { iv: { inductionPerWeek: 3, maintenanceIntervalWeeks: 4, maintenanceSessions: 2 } } }) });
    expect(s.map((x) => daysBetween('2025-03-03', x.localDate))).toEqual([0, 2, 4, 7, 9, 11, 14, 42]);
    expect(s.slice(6).every((x) => x.phase === 'maintenance')).toBe(true);
  });

  it('oral: twice weekly × 6 weeks at 50 mg; sublingual/IM have no default course', () => {
    const oral = plan({ route: 'oral' });
    expect(oral).toHaveLength(12);
    expect(oral[0]?.plannedDose).toEqual({ mg: 50 });
    for (const route of ['im', 'sublingual'] as const) {
      const r = generateCourse({ ...BASE, route });
      expect(r.ok).toBe(false);
      expect(r.findings.map((f) => f.code)).toEqual(['COURSE_NO_DEFAULT_SCHEDULE']);
    }
    const sl = plan({ route: 'sublingual', protocol: proto({ schedule: { sublingual: { inductionSessions: 4, inductionPerWeek: 1 } } }) });
    expect(sl.map((x) => x.plannedDose.mg)).toEqual([10, 10, 10, 10]);
    const im = plan({ route: 'im', protocol: proto({ schedule: { im: { inductionSessions: 2, inductionPerWeek: 2 } } }) });
    expect(im[0]?.plannedDose).toEqual({ mgPerKg: 0.5 });
  });
});

describe('input validation and DST notes', () => {
  it.each([
    [{ startDate: '2025-02-30' }, 'startDate'],
    [{ timeZone: 'Mars/Base' }, 'timeZone'],
    [{ sessionTime: '9am' }, 'sessionTime'],
    [{ openingDays: [] }, 'openingDays'],
    [{ openingDays: [7 as Weekday] }, 'openingDays'],
  ])('%j → invalid %s', (patch, field) => {
    const r = generateCourse({ ...BASE, ...(patch as Partial<CourseInput>) });
    expect(r.ok).toBe(false);
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'COURSE_INPUT_INVALID', field }));
  });

  it('notes a session time that falls in the spring-forward gap', () => {
    const r = generateCourse({ ...BASE, startDate: '2025-03-09', openingDays: [0, 1, 2, 3, 4, 5, 6], sessionTime: '02:30' });
    expect(r.ok && r.findings.map((f) => f.code)).toContain('COURSE_TIME_ADJUSTED');
    const fall = generateCourse({ ...BASE, startDate: '2025-11-02', openingDays: [0, 1, 2, 3, 4, 5, 6], sessionTime: '01:30' });
    expect(fall.ok && fall.findings.some((f) => f.code === 'COURSE_TIME_ADJUSTED' && /twice/.test(f.message))).toBe(true);
  });
});

const openingDaysArb = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }).map((d) => d as Weekday[]);
const startArb = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2024-01-01', n));

function respectsSpacing(sessions: readonly PlannedSession[], spacing: number, open: readonly number[]): boolean {
  return sessions.every((s, i) => open.includes(weekdayOf(s.localDate)) && (i === 0 || daysBetween(sessions[i - 1]?.localDate ?? s.localDate, s.localDate) >= spacing));
}

describe('schedule properties (fast-check)', () => {
  it('never violates minimum spacing, only uses opening days, keeps order and count', () => {
    fc.assert(
      fc.property(fc.constantFrom<Route>(...ROUTES.filter((r) => r !== 'im' && r !== 'sublingual')), openingDaysArb, startArb, fc.integer({ min: 1, max: 6 }), fc.constantFrom('Europe/London', 'Australia/Sydney', 'America/New_York'), (route, openingDays, startDate, spacing, timeZone) => {
        const protocol = proto({ schedule: { minSpacingDays: { [route]: spacing } } });
        const r = generateCourse({ ...BASE, route, openingDays, startDate, protocol, timeZone });
        if (!r.ok) {
          return false;
        }
        const expectedCount = route === 'iv' ? 6 : route === 'oral' ? 12 : 12;
        return r.sessions.length === expectedCount && respectsSpacing(r.sessions, spacing, openingDays) && r.sessions.every((s) => daysBetween(startDate, s.localDate) >= 0 && s.localDate >= s.targetDate);
      }),
      { numRuns: 200 },
    );
  });

  it('rescheduling after a missed session never violates spacing either', () => {
    fc.assert(
      fc.property(openingDaysArb, startArb, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 20 }), (openingDays, startDate, missedIndex, delay) => {
        const r = generateCourse({ ...BASE, openingDays, startDate });
        if (!r.ok) {
          return false;
        }
        const missed = r.sessions.find((s) => s.index === missedIndex);
        const earliestDate = addDays(missed?.localDate ?? startDate, delay + 1);
        const re = rescheduleAfterMissed({ ...BASE, openingDays, sessions: r.sessions, missedIndex, earliestDate });
        return re.ok && re.sessions.length === r.sessions.length && respectsSpacing(re.sessions, 3, openingDays) && (re.sessions.find((s) => s.index === missedIndex)?.localDate ?? '') >= earliestDate;
      }),
      { numRuns: 200 },
    );
  });
});

describe('rescheduleAfterMissed', () => {
  it('moves the missed session and shifts later ones only as needed', () => {
    const sessions = plan();
    const r = rescheduleAfterMissed({ ...BASE, sessions, missedIndex: 2, earliestDate: '2025-03-07' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.sessions.slice(0, 4).map((s) => s.localDate)).toEqual(['2025-03-03', '2025-03-07', '2025-03-10', '2025-03-13']);
      expect(r.changes).toEqual([{ index: 2, from: '2025-03-06', to: '2025-03-07' }]);
      expect(r.findings.map((f) => f.code)).toEqual(['MISSED_SESSION_REVIEW', 'COURSE_SESSION_SHIFTED']);
      expect(r.sessions[1]?.startsAt).toBe('2025-03-07T14:00:00.000Z');
    }
  });

  it('pushes following sessions to keep 3 days apart', () => {
    const r = rescheduleAfterMissed({ ...BASE, sessions: plan(), missedIndex: 2, earliestDate: '2025-03-09' });
    expect(r.ok && r.sessions.slice(1, 4).map((s) => s.localDate)).toEqual(['2025-03-10', '2025-03-13', '2025-03-17']);
    expect(r.ok && r.sessions[2]?.week).toBe(2);
  });

  it('rejects an unknown session, bad dates and a bad calendar', () => {
    expect(rescheduleAfterMissed({ ...BASE, sessions: plan(), missedIndex: 99, earliestDate: '2025-03-09' }).ok).toBe(false);
    expect(rescheduleAfterMissed({ ...BASE, sessions: [{ ...plan()[0]!, localDate: 'x' }], missedIndex: 1, earliestDate: '2025-03-09' }).ok).toBe(false);
    expect(rescheduleAfterMissed({ ...BASE, timeZone: 'Nope', sessions: plan(), missedIndex: 1, earliestDate: '2025-03-09' }).ok).toBe(false);
  });

  it('notes a DST gap on the new date', () => {
    const daily = plan({ openingDays: [0, 1, 2, 3, 4, 5, 6], sessionTime: '02:30', startDate: '2025-03-01' });
    const r = rescheduleAfterMissed({ ...BASE, openingDays: [0, 1, 2, 3, 4, 5, 6], sessionTime: '02:30', sessions: daily, missedIndex: 2, earliestDate: '2025-03-09' });
    expect(r.ok && r.findings.map((f) => f.code)).toContain('COURSE_TIME_ADJUSTED');
  });
});
