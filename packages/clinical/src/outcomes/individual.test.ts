import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOL } from '../protocol/defaults.js';
import { resolveProtocol } from '../protocol/resolve.js';
import { classifyOutcome, detectRelapse, isRemission, percentChange, remissionCutoff, responseLine, selectBaseline, timeToRemission, timeToResponse, type ScorePoint } from './individual.js';

const day = (d: number): string => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString();
const madrs = (d: number, total: number): ScorePoint => ({ instrumentId: 'madrs', at: day(d), total });
const twelve = resolveProtocol({ outcomes: { remissionMadrsAtOrBelow: 12 } });

describe('percent change and classification', () => {
  it('percent change', () => {
    expect(percentChange(20, 10)).toBe(-50);
    expect(percentChange(20, 25)).toBe(25);
    expect(percentChange(0, 5)).toBeNull();
  });

  it.each([
    ['madrs', 30, 15, 'response', true, false],
    ['madrs', 30, 16, 'partial_response', false, false],
    ['madrs', 40, 30, 'partial_response', false, false],
    ['madrs', 40, 31, 'no_response', false, false],
    ['madrs', 30, 10, 'remission', true, true],
    ['madrs', 30, 11, 'response', true, false],
    ['phq9', 20, 4, 'remission', true, true],
    ['phq9', 8, 5, 'partial_response', false, false],
    ['qids_sr16', 20, 5, 'remission', true, true],
    ['qids_sr16', 20, 6, 'response', true, false],
    ['gad7', 20, 2, 'response', true, null],
    ['madrs', 0, 0, 'remission', false, true],
  ] as const)('%s %i → %i: %s (response %s, remission %s)', (id, baseline, current, category, response, remission) => {
    const c = classifyOutcome(id, baseline, current, DEFAULT_PROTOCOL);
    expect(c).toMatchObject({ category, response, remission });
  });

  it('MADRS remission cut-off is a setting (≤10 default, ≤12 Spravato programme)', () => {
    expect(isRemission('madrs', 11, DEFAULT_PROTOCOL)).toBe(false);
    expect(twelve.ok && isRemission('madrs', 12, twelve.protocol)).toBe(true);
    expect(twelve.ok && isRemission('madrs', 13, twelve.protocol)).toBe(false);
    for (const id of ['gad7', 'cssrs_screener', 'urinary_screen', 'misuse_check', 'cadss', 'moaas', 'cgi_s', 'cgi_i', 'padss', 'aldrete'] as const) {
      expect(isRemission(id, 0, DEFAULT_PROTOCOL)).toBeNull();
    }
  });
});

describe('baseline and time to response', () => {
  const series = [madrs(-10, 34), madrs(-1, 32), { instrumentId: 'phq9' as const, at: day(-1), total: 20 }, madrs(3, 25), madrs(10, 16), madrs(17, 9)];

  it('selects the latest score of the instrument at or before the first dose', () => {
    expect(selectBaseline(series, day(0), 'madrs')?.total).toBe(32);
    expect(selectBaseline(series, day(-5), 'madrs')?.total).toBe(34);
    expect(selectBaseline(series, day(-20), 'madrs')).toBeNull();
    expect(selectBaseline(series, 'bad', 'madrs')).toBeNull();
  });

  it('days to first response and to remission', () => {
    const baseline = madrs(-1, 32);
    expect(timeToResponse(baseline, series, day(0), DEFAULT_PROTOCOL)).toEqual({ days: 10, at: day(10) });
    expect(timeToRemission(series, day(0), 'madrs', DEFAULT_PROTOCOL)).toEqual({ days: 17, at: day(17) });
    expect(timeToResponse(baseline, series.slice(0, 4), day(0), DEFAULT_PROTOCOL)).toBeNull();
    expect(timeToResponse(baseline, series, 'bad', DEFAULT_PROTOCOL)).toBeNull();
  });
});

describe('relapse (MADRS ≥22 on 2 consecutive assessments, or a relapse event, after response)', () => {
  const baseline = madrs(-1, 32);
  it.each([
    [[madrs(7, 14), madrs(14, 22), madrs(21, 22)], [], day(14)],
    [[madrs(7, 14), madrs(14, 22), madrs(21, 21), madrs(28, 23)], [], null],
    [[madrs(7, 14), madrs(14, 21), madrs(21, 22), madrs(28, 30)], [], day(21)],
    [[madrs(7, 25), madrs(14, 26)], [], null],
    [[madrs(7, 14), madrs(14, 22), madrs(21, 22)], [{ at: day(10), kind: 'hospitalisation_for_worsening' as const }], day(10)],
    [[madrs(7, 14)], [{ at: day(30), kind: 'suicide_attempt' as const }], day(30)],
    [[madrs(7, 14)], [{ at: day(3), kind: 'suicide_attempt' as const }], null],
  ])('case %# → relapse at %s', (series, events, at) => {
    const r = detectRelapse(baseline, series, events, day(0), DEFAULT_PROTOCOL);
    expect(r.at).toBe(at);
    expect(r.relapsed).toBe(at !== null);
    expect(r.findings.map((f) => f.code)).toEqual(at === null ? [] : ['RELAPSE_DETECTED']);
  });

  it('response can be judged on PHQ-9 while relapse uses the configured instrument', () => {
    const phqBase = { instrumentId: 'phq9' as const, at: day(-1), total: 20 };
    const series = [{ instrumentId: 'phq9' as const, at: day(7), total: 8 }, madrs(14, 24), madrs(21, 25)];
    expect(detectRelapse(phqBase, series, [], day(0), DEFAULT_PROTOCOL).at).toBe(day(14));
  });
});

describe('remission and response lines', () => {
  it('gives each instrument’s remission cut-off from the protocol, or null', () => {
    expect(remissionCutoff('phq9', DEFAULT_PROTOCOL)).toMatchObject({ score: 5, comparison: 'below' });
    expect(remissionCutoff('madrs', DEFAULT_PROTOCOL)).toMatchObject({ score: 10, comparison: 'at_or_below' });
    expect(remissionCutoff('qids_sr16', DEFAULT_PROTOCOL)).toMatchObject({ score: 5, comparison: 'at_or_below' });
    expect(remissionCutoff('gad7', DEFAULT_PROTOCOL)).toBeNull();
  });

  it('agrees with isRemission at and either side of the cut-off', () => {
    for (const id of ['phq9', 'madrs', 'qids_sr16'] as const) {
      const c = remissionCutoff(id, DEFAULT_PROTOCOL);
      const at = c?.score ?? 0;
      expect(isRemission(id, at, DEFAULT_PROTOCOL)).toBe(c?.comparison === 'at_or_below');
      expect(isRemission(id, at - 1, DEFAULT_PROTOCOL)).toBe(true);
      expect(isRemission(id, at + 1, DEFAULT_PROTOCOL)).toBe(false);
    }
  });

  it('the response line is the baseline less the protocol’s reduction', () => {
    expect(responseLine(20, DEFAULT_PROTOCOL)).toBe(10);
    expect(classifyOutcome('phq9', 20, responseLine(20, DEFAULT_PROTOCOL), DEFAULT_PROTOCOL).response).toBe(true);
    expect(classifyOutcome('phq9', 20, responseLine(20, DEFAULT_PROTOCOL) + 1, DEFAULT_PROTOCOL).response).toBe(false);
  });
});
