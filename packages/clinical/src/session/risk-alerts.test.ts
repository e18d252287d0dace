import { describe, expect, it } from 'vitest';
import { scoreInstrument } from '../instruments/score.js';
import type { InstrumentResult } from '../instruments/types.js';
import { DEFAULT_PROTOCOL } from '../protocol/defaults.js';
import { riskAlertStep, suicideRiskSignal } from './risk-alerts.js';

function scored(id: string, answers: Record<string, number | boolean>): InstrumentResult {
  const r = scoreInstrument(id, answers);
  if (!r.ok) {
    throw new Error(JSON.stringify(r.issues));
  }
  return r.result;
}
const phq = (q9: number) => scored('phq9', { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, q8: 1, q9 });

describe('suicideRiskSignal', () => {
  it.each([
    ['PHQ-9 item 9 = 0', phq(0), null, false],
    ['PHQ-9 item 9 = 1', phq(1), 'PHQ9_ITEM9_POSITIVE', true],
    ['PHQ-9 item 9 = 3', phq(3), 'PHQ9_ITEM9_POSITIVE', true],
    ['C-SSRS none', scored('cssrs_screener', { q1: false, q2: false, q6: false }), null, false],
    ['C-SSRS low', scored('cssrs_screener', { q1: true, q2: false, q6: false }), null, true],
    ['C-SSRS moderate', scored('cssrs_screener', { q1: true, q2: true, q3: true, q4: false, q5: false, q6: false }), 'CSSRS_MODERATE_RISK', true],
    ['C-SSRS high', scored('cssrs_screener', { q1: true, q2: true, q3: true, q4: true, q5: false, q6: false }), 'CSSRS_HIGH_RISK', true],
    ['GAD-7', scored('gad7', { q1: 3, q2: 3, q3: 3, q4: 3, q5: 3, q6: 3, q7: 3 }), null, false],
  ] as const)('%s → alert %s, crisis resources %s', (_name, result, alert, crisis) => {
    const s = suicideRiskSignal(result);
    expect(s.alert).toBe(alert);
    expect(s.showCrisisResources).toBe(crisis);
  });
});

describe('riskAlertStep', () => {
  const protocol = { ...DEFAULT_PROTOCOL, riskAlerts: { escalateAfterMinutes: 10 } };
  const raisedAt = '2026-11-30T14:00:00Z';
  const at = (min: number) => new Date(Date.parse(raisedAt) + min * 60_000).toISOString();
  it.each([
    [0, 3, 0, false, at(10)],
    [9, 3, 0, false, at(10)],
    [10, 3, 1, false, at(20)],
    [25, 3, 2, false, null],
    [30, 3, 2, true, null],
    [500, 1, 0, true, null],
  ])('at +%i min with %i on call → person %i (exhausted %s), next %s', (min, count, index, exhausted, next) => {
    expect(riskAlertStep({ raisedAt }, count, at(min), protocol)).toEqual({ onCallIndex: index, listExhausted: exhausted, nextAt: next });
  });

  it('stops moving once acknowledged', () => {
    expect(riskAlertStep({ raisedAt, acknowledgedAt: at(5) }, 3, at(60), protocol)).toEqual({ onCallIndex: 0, listExhausted: false, nextAt: null });
  });

  it('with nobody on call the list is exhausted at once', () => {
    expect(riskAlertStep({ raisedAt }, 0, at(0), protocol).listExhausted).toBe(true);
  });
});
