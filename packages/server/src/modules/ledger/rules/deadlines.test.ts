import { daysBetween, weekdayOf } from '@ketapath/clinical';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, isBusinessDay, taskState, theftLossTasks } from './deadlines';

describe('business days (weekends skipped, holidays not)', () => {
  it.each([
    ['2026-11-19', 1, '2026-11-20'],
    ['2026-11-20', 1, '2026-11-23'],
    ['2026-11-21', 1, '2026-11-23'],
    ['2026-11-22', 1, '2026-11-23'],
    ['2026-11-20', 5, '2026-11-27'],
    ['2026-12-24', 1, '2026-12-25'],
    ['2026-11-21', 0, '2026-11-23'],
    ['2026-11-20', 0, '2026-11-20'],
  ])('%s + %s business day(s) = %s', (from, n, to) => {
    expect(addBusinessDays(from, n)).toBe(to);
  });

  it('always lands on a weekday with exactly n weekdays after the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 30 }), (offset, n) => {
        const start = new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const due = addBusinessDays(start, n);
        expect([1, 2, 3, 4, 5]).toContain(weekdayOf(due));
        let weekdays = 0;
        for (let d = 1; d <= daysBetween(start, due); d++) {
          const day = new Date(Date.parse(`${start}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
          weekdays += isBusinessDay(day) ? 1 : 0;
        }
        expect(weekdays).toBe(n);
      }),
    );
  });

  it('refuses a negative count', () => {
    expect(() => addBusinessDays('2026-11-20', -1)).toThrow(RangeError);
  });
});

describe('theft and loss deadlines', () => {
  it('US: written notice within 1 business day, Form 106 within 45 days', () => {
    const [notice, report] = theftLossTasks({ jurisdiction: 'US', noticeBusinessDays: 1, reportDays: 45 }, '2026-11-20');
    expect(notice).toMatchObject({ kind: 'authority_notice', title: 'Written notice to the DEA Field Division', dueDate: '2026-11-23' });
    expect(notice?.rule).toMatch(/88 FR 40707/);
    expect(report).toMatchObject({ kind: 'authority_report', title: 'File DEA Form 106 online', dueDate: '2027-01-04' });
  });

  it('unconfirmed jurisdictions get tasks with no invented deadline', () => {
    const tasks = theftLossTasks({ jurisdiction: 'UK', noticeBusinessDays: null, reportDays: null }, '2026-11-20');
    expect(tasks.map((x) => x.dueDate)).toEqual([null, null]);
    expect(tasks[0]?.rule).toMatch(/medical director\/pharmacist/);
  });

  it.each([
    [{ dueDate: '2026-11-23', completed: false }, '2026-11-22', 'open'],
    [{ dueDate: '2026-11-23', completed: false }, '2026-11-23', 'due_today'],
    [{ dueDate: '2026-11-23', completed: false }, '2026-11-24', 'overdue'],
    [{ dueDate: '2026-11-23', completed: true }, '2026-12-24', 'done'],
    [{ dueDate: null, completed: false }, '2026-11-24', 'no_deadline'],
  ] as const)('task %o on %s is %s', (task, today, state) => {
    expect(taskState(task, today)).toBe(state);
  });
});
