import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOL } from '../protocol/defaults.js';
import { resolveProtocol } from '../protocol/resolve.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { cumulativeExposure } from './exposure.js';
import { dueFollowUps, type FollowUpInput } from './followups.js';

describe('cumulativeExposure', () => {
  const admins = [
    { at: '2025-01-01T10:00:00Z', route: 'iv' as const, mg: 35 },
    { at: '2025-01-04T10:00:00Z', route: 'iv' as const, mg: 35 },
    { at: '2025-02-01T10:00:00Z', route: 'esketamine_nasal' as const, mg: 56 },
  ];
  it('sums mg and sessions by route and within a window', () => {
    const r = cumulativeExposure(admins, { asOf: '2025-02-01T12:00:00Z', windowDays: 29 });
    expect(r).toMatchObject({ mg: 126, sessions: 3, firstAt: '2025-01-01T10:00:00.000Z', lastAt: '2025-02-01T10:00:00.000Z', window: { days: 29, mg: 91, sessions: 2 } });
    expect(cumulativeExposure(admins, { asOf: '2025-02-01T12:00:00Z', windowDays: 28 }).window).toEqual({ days: 28, mg: 56, sessions: 1 });
    expect(r.byRoute).toEqual({ iv: { mg: 70, sessions: 2 }, esketamine_nasal: { mg: 56, sessions: 1 } });
  });

  it('excludes invalid entries and handles an empty list', () => {
    const r = cumulativeExposure([...admins, { at: 'bad', route: 'iv', mg: 10 }, { at: '2025-01-01T10:00:00Z', route: 'iv', mg: -1 }]);
    expect(r.mg).toBe(126);
    expect(r.issues.map((i) => i.itemId)).toEqual(['administrations.3', 'administrations.4']);
    expect(r.window).toBeNull();
    expect(cumulativeExposure([])).toMatchObject({ mg: 0, sessions: 0, firstAt: null, lastAt: null });
  });
});

const BASE: FollowUpInput = { route: 'iv', protocol: DEFAULT_PROTOCOL, asOf: '2025-06-10T15:00:00Z', timeZone: 'America/New_York', lastDone: { liver_tests: '2025-01-01', misuse_screen: '2025-01-01' }, sessionsSince: { urinary_screen: 0 } };
const proto = (o: unknown): ProtocolSettings => {
  const r = resolveProtocol(o);
  if (!r.ok) {
    throw new Error('protocol');
  }
  return r.protocol;
};
const status = (input: Partial<FollowUpInput>) => Object.fromEntries(dueFollowUps({ ...BASE, ...input }).items.map((i) => [i.id, i.status]));

describe('dueFollowUps', () => {
  it('defaults: urinary screen every session; intervals with no reference number are disabled', () => {
    expect(status({})).toEqual({ urinary_screen: 'not_due', liver_tests: 'disabled', cognition: 'disabled', misuse_screen: 'disabled', bp_review: 'disabled', induction_review: 'not_applicable' });
  });

  it.each([
    [0, 'not_due'],
    [1, 'due'],
    [2, 'overdue'],
  ])('urinary screen, %i sessions since → %s', (n, s) => {
    expect(status({ sessionsSince: { urinary_screen: n } }).urinary_screen).toBe(s);
  });

  it('baselines: liver tests for racemic ketamine and misuse risk before the first dose', () => {
    const r = dueFollowUps({ ...BASE, lastDone: {}, sessionsSince: {} });
    expect(r.items.find((i) => i.id === 'liver_tests')?.status).toBe('baseline_missing');
    expect(r.items.find((i) => i.id === 'misuse_screen')?.status).toBe('baseline_missing');
    expect(r.items.find((i) => i.id === 'urinary_screen')?.status).toBe('due');
    expect(r.findings.map((f) => f.code).sort()).toEqual(['FOLLOWUP_BASELINE_MISSING', 'FOLLOWUP_BASELINE_MISSING', 'FOLLOWUP_DUE']);
    expect(status({ route: 'esketamine_nasal', lastDone: {} }).liver_tests).toBe('not_applicable');
  });

  it.each([
    ['2025-03-31', 'not_due'],
    ['2025-03-12', 'due'],
    ['2025-03-01', 'overdue'],
  ])('liver tests every 90 days, last %s, today 2025-06-10 → %s', (last, s) => {
    const protocol = proto({ followUp: { liverTestsIntervalDays: 90 } });
    expect(status({ protocol, lastDone: { liver_tests: last } }).liver_tests).toBe(s);
  });

  it('interval items never done are due once the clinic sets an interval', () => {
    const protocol = proto({ followUp: { cognitionIntervalDays: 180, bpReviewIntervalDays: 30 } });
    const s = status({ protocol });
    expect(s.cognition).toBe('due');
    expect(s.bp_review).toBe('due');
  });

  it.each([
    ['2025-05-14', 'not_due'],
    ['2025-05-13', 'due'],
    ['2025-05-12', 'overdue'],
  ])('esketamine end-of-induction review (start %s + 4 weeks vs 2025-06-10) → %s', (start, s) => {
    expect(status({ route: 'esketamine_nasal', courseStartDate: start }).induction_review).toBe(s);
  });

  it('induction review done or without a start date', () => {
    expect(status({ route: 'esketamine_nasal', courseStartDate: '2025-01-01', lastDone: { induction_review: '2025-01-29' } }).induction_review).toBe('not_due');
    expect(status({ route: 'esketamine_nasal' }).induction_review).toBe('disabled');
  });

  it('uses the clinic time zone for "today" and rejects bad input', () => {
    const protocol = proto({ followUp: { liverTestsIntervalDays: 90 } });
    expect(status({ protocol, asOf: '2025-06-10T02:00:00Z', lastDone: { liver_tests: '2025-03-12' } }).liver_tests).toBe('not_due');
    expect(dueFollowUps({ ...BASE, asOf: 'bad' }).findings.map((f) => f.code)).toEqual(['COURSE_INPUT_INVALID']);
    expect(dueFollowUps({ ...BASE, timeZone: 'bad' }).items).toEqual([]);
    expect(dueFollowUps({ ...BASE, protocol, lastDone: { liver_tests: '2025-01-01', misuse_screen: '2025-01-01' } }).findings.map((f) => f.code)).toEqual(['FOLLOWUP_OVERDUE']);
  });
});
