import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOL } from '../protocol/defaults.js';
import { dueQuestionnaires, measurementSlots, type DueInput, type MeasurementSession } from './measurement.js';

// New York; sessions at 09:00 local (14:00Z in winter).
const tz = 'America/New_York';
const ses = (date: string, phase: 'induction' | 'maintenance' = 'induction'): MeasurementSession => ({ startsAt: `${date}T14:00:00Z`, phase });
const COURSE = [ses('2026-11-30'), ses('2026-12-03'), ses('2026-12-07'), ses('2026-12-10'), ses('2027-01-11', 'maintenance'), ses('2027-02-08', 'maintenance')];

function input(over: Partial<DueInput>): DueInput {
  return {
    plan: [{ instrumentId: 'phq9', timings: ['at_baseline', 'before_each_session', 'weekly_during_induction', 'monthly_during_maintenance'] }],
    planStartedAt: '2026-11-20T15:00:00Z',
    sessions: COURSE,
    completed: [],
    now: '2026-11-25T12:00:00Z',
    timeZone: tz,
    protocol: DEFAULT_PROTOCOL,
    ...over,
  };
}

describe('dueQuestionnaires', () => {
  it.each([
    // now, completed, expected due keys (phq9 only)
    ['before the first session: baseline and the first session are open', '2026-11-25T12:00:00Z', [], ['phq9:baseline', 'phq9:session:2026-11-30']],
    ['a PHQ-9 done after the plan fulfils both', '2026-11-25T12:00:00Z', [{ instrumentId: 'phq9', completedAt: '2026-11-24T12:00:00Z' }], []],
    ['another instrument does not count', '2026-11-25T12:00:00Z', [{ instrumentId: 'gad7', completedAt: '2026-11-24T12:00:00Z' }], ['phq9:baseline', 'phq9:session:2026-11-30']],
    ['in induction week 1 between sessions: next session and the week', '2026-12-01T15:00:00Z', [{ instrumentId: 'phq9', completedAt: '2026-11-29T12:00:00Z' }], ['phq9:session:2026-12-03', 'phq9:week:2026-11-30']],
    ['a response filed under a key fulfils that slot even outside its window', '2026-12-01T15:00:00Z', [{ instrumentId: 'phq9', completedAt: '2026-11-29T12:00:00Z' }, { instrumentId: 'phq9', completedAt: '2026-11-29T13:00:00Z', dueKey: 'phq9:session:2026-12-03' }], ['phq9:week:2026-11-30']],
    ['after induction, before maintenance: nothing (no end-of-induction timing)', '2026-12-20T15:00:00Z', [], ['phq9:session:2027-01-11']],
    ['in a maintenance month', '2027-01-20T15:00:00Z', [{ instrumentId: 'phq9', completedAt: '2027-01-10T12:00:00Z' }], ['phq9:month:2027-01', 'phq9:session:2027-02-08']],
    ['after the course: nothing', '2027-04-01T15:00:00Z', [], []],
  ] as const)('%s', (_name, now, completed, keys) => {
    const due = dueQuestionnaires(input({ now, completed }));
    expect(due.flatMap((d) => d.keys)).toEqual(keys);
    expect(due.every((d) => d.dueKey === d.keys[0])).toBe(true);
  });

  it('the pre-dose window honours questionnaireMaxAgeDays', () => {
    const protocol = { ...DEFAULT_PROTOCOL, predose: { ...DEFAULT_PROTOCOL.predose, questionnaireMaxAgeDays: 2 } };
    const plan = [{ instrumentId: 'phq9' as const, timings: ['before_each_session' as const] }];
    expect(dueQuestionnaires(input({ plan, protocol, now: '2026-11-27T12:00:00Z' }))).toEqual([]);
    const due = dueQuestionnaires(input({ plan, protocol, now: '2026-11-28T15:00:00Z' }));
    expect(due).toEqual([{ instrumentId: 'phq9', dueKey: 'phq9:session:2026-11-30', keys: ['phq9:session:2026-11-30'], timings: ['before_each_session'], opensAt: '2026-11-28T14:00:00.000Z', closesAt: '2026-11-30T14:00:00.000Z' }]);
  });

  it('end of induction opens at the last induction session and closes at the first maintenance session', () => {
    const plan = [{ instrumentId: 'qids_sr16' as const, timings: ['end_of_induction' as const] }];
    const slots = measurementSlots(input({ plan }));
    expect(slots).toEqual([{ key: 'qids_sr16:end_of_induction', instrumentId: 'qids_sr16', timing: 'end_of_induction', opensAt: '2026-12-10T14:00:00.000Z', closesAt: '2027-01-11T14:00:00.000Z' }]);
  });

  it('weeks and months follow the clinic zone across daylight-saving changes', () => {
    const plan = [{ instrumentId: 'gad7' as const, timings: ['weekly_during_induction' as const] }];
    const course = [ses('2027-03-08'), { startsAt: '2027-03-18T13:00:00Z', phase: 'induction' as const }];
    const slots = measurementSlots(input({ plan, sessions: course }));
    expect(slots.map((s) => [s.key, s.opensAt])).toEqual([
      ['gad7:week:2027-03-08', '2027-03-08T05:00:00.000Z'],
      ['gad7:week:2027-03-15', '2027-03-15T04:00:00.000Z'],
    ]);
  });

  it('baseline stays open when no session is booked', () => {
    const due = dueQuestionnaires(input({ sessions: [], now: '2027-06-01T00:00:00Z' }));
    expect(due).toEqual([{ instrumentId: 'phq9', dueKey: 'phq9:baseline', keys: ['phq9:baseline'], timings: ['at_baseline'], opensAt: '2026-11-20T15:00:00.000Z', closesAt: null }]);
  });

  it('an invalid now gives nothing', () => {
    expect(dueQuestionnaires(input({ now: 'not a date' }))).toEqual([]);
  });
});
