import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOL } from '../protocol/defaults.js';
import { resolveProtocol } from '../protocol/resolve.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { assessTreatmentResistance } from './trd.js';
import type { AntidepressantTrial } from './types.js';

const GOOD: AntidepressantTrial = { drug: 'sertraline', doseAdequate: true, durationWeeks: 8, adherence: 'adequate', improvementPercent: 10, inCurrentEpisode: true };
const proto = (o: unknown): ProtocolSettings => {
  const r = resolveProtocol(o);
  if (!r.ok) {
    throw new Error(JSON.stringify(r.issues));
  }
  return r.protocol;
};

describe('trial adequacy and failure (defaults: ≥6 weeks, <50% improvement, current episode)', () => {
  it.each([
    [{}, true, true, true],
    [{ durationWeeks: 6 }, true, true, true],
    [{ durationWeeks: 5.9 }, false, true, false],
    [{ improvementPercent: 49 }, true, true, true],
    [{ improvementPercent: 50 }, true, false, false],
    [{ doseAdequate: false }, false, true, false],
    [{ doseAdequate: undefined }, null, true, false],
    [{ durationWeeks: undefined }, null, true, false],
    [{ adherence: 'poor' }, false, true, false],
    [{ adherence: 'unknown' }, null, true, false],
    [{ inCurrentEpisode: false }, false, true, false],
    [{ inCurrentEpisode: undefined }, null, true, false],
    [{ improvementPercent: undefined, response: 'nonresponse' }, true, true, true],
    [{ improvementPercent: undefined, response: 'partial' }, true, true, true],
    [{ improvementPercent: undefined, response: 'response' }, true, false, false],
    [{ improvementPercent: undefined, response: 'remission' }, true, false, false],
    [{ improvementPercent: undefined, response: 'intolerance' }, true, false, false],
    [{ improvementPercent: undefined, response: 'unknown' }, true, null, false],
    [{ improvementPercent: undefined }, true, null, false],
  ] as const)('%j → adequate %s, failed %s, counts %s', (patch, adequate, failed, counts) => {
    const t = assessTreatmentResistance([{ ...GOOD, ...patch }], DEFAULT_PROTOCOL).trials[0];
    expect(t).toMatchObject({ adequate, failed, counts });
    expect(t?.reasons.length).toBeGreaterThan(0);
  });

  it('esketamine-trial definition: ≤25% improvement (inclusive)', () => {
    const p = proto({ trd: { nonresponseBelowPercent: 25, nonresponseInclusive: true } });
    const at = (improvementPercent: number): boolean | null => assessTreatmentResistance([{ ...GOOD, improvementPercent }], p).trials[0]?.failed ?? null;
    expect(at(25)).toBe(true);
    expect(at(26)).toBe(false);
    expect(assessTreatmentResistance([{ ...GOOD, improvementPercent: undefined, response: 'partial' }], p).trials[0]?.failed).toBe(false);
  });

  it('trial length setting (e.g. NYU ≥8 weeks)', () => {
    const p = proto({ trd: { minTrialWeeks: 8 } });
    expect(assessTreatmentResistance([{ ...GOOD, durationWeeks: 7 }], p).trials[0]?.adequate).toBe(false);
    expect(assessTreatmentResistance([{ ...GOOD, durationWeeks: 8 }], p).trials[0]?.adequate).toBe(true);
  });

  it('ignores the episode when the protocol does not require it', () => {
    const p = proto({ trd: { requireCurrentEpisode: false } });
    expect(assessTreatmentResistance([{ ...GOOD, inCurrentEpisode: false }], p).trials[0]?.counts).toBe(true);
  });

  it('does not count non-antidepressants; honours an explicit class', () => {
    const r = assessTreatmentResistance([{ ...GOOD, drug: 'quetiapine' }, { ...GOOD, drug: 'mystery pill', drugClass: 'tca' }, { ...GOOD, drug: 'sertraline', drugClass: 'lithium' }], DEFAULT_PROTOCOL);
    expect(r.trials.map((t) => t.counts)).toEqual([false, true, false]);
    expect(r.trials[1]?.antidepressantClass).toBe('tca');
  });
});

describe('summary', () => {
  it.each([
    [[GOOD], false],
    [[GOOD, { ...GOOD, drug: 'bupropion' }], true],
    [[GOOD, { ...GOOD, drug: 'bupropion', durationWeeks: 2 }], false],
  ])('counts adequate failed trials (case %#)', (trials, meets) => {
    expect(assessTreatmentResistance(trials, DEFAULT_PROTOCOL).meetsTrd).toBe(meets);
  });

  it('counts distinct classes separately', () => {
    const r = assessTreatmentResistance([GOOD, { ...GOOD, drug: 'fluoxetine' }, { ...GOOD, drug: 'mirtazapine' }], DEFAULT_PROTOCOL);
    expect(r).toMatchObject({ adequateFailedTrials: 3, distinctClasses: 2, classesCounted: ['ssri', 'nassa'] });
    expect(r.definition).toMatchObject({ minFailedTrials: 2, minTrialWeeks: 6, nonresponse: 'improvement < 50%', countBy: 'trials' });
    const byClass = proto({ trd: { countBy: 'distinct_classes', minFailedTrials: 3 } });
    expect(assessTreatmentResistance([GOOD, { ...GOOD, drug: 'fluoxetine' }, { ...GOOD, drug: 'mirtazapine' }], byClass).meetsTrd).toBe(false);
  });
});
