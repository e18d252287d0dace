import { describe, expect, it } from 'vitest';
import { resolveProtocol } from '../protocol/resolve.js';
import { DEFAULT_PROTOCOL } from '../protocol/defaults.js';
import { INSTRUMENTS } from './registry.js';
import { scoreInstrument } from './score.js';
import type { InstrumentResult } from './types.js';

/** Answers that total `total` on a sum-scored instrument (fills items in order). */
function answersSumming(id: keyof typeof INSTRUMENTS, total: number): Record<string, number> {
  const out: Record<string, number> = {};
  let left = total;
  for (const it of INSTRUMENTS[id].items.filter((i) => i.scored && i.showIf === undefined)) {
    const max = Math.max(...it.options.map((o) => o.score));
    const min = Math.min(...it.options.map((o) => o.score));
    const v = Math.max(min, Math.min(max, left));
    out[it.id] = v;
    left -= v - min;
  }
  return out;
}

function ok(id: string, answers: unknown, opts = {}): InstrumentResult {
  const r = scoreInstrument(id, answers, opts);
  if (!r.ok) {
    throw new Error(JSON.stringify(r.issues));
  }
  return r.result;
}

describe('PHQ-9 (0–27; bands 5/10/15/20; item 9)', () => {
  it.each([
    [0, 'minimal'], [4, 'minimal'], [5, 'mild'], [9, 'mild'], [10, 'moderate'], [14, 'moderate'],
    [15, 'moderately_severe'], [19, 'moderately_severe'], [20, 'severe'], [27, 'severe'],
  ])('total %i → %s', (total, band) => {
    const r = ok('phq9', answersSumming('phq9', total));
    expect(r.total).toBe(total);
    expect(r.band?.key).toBe(band);
  });

  it.each([[0, false], [1, true], [3, true]])('item 9 = %i → C-SSRS required before dosing: %s', (q9, flagged) => {
    const r = ok('phq9', { q1: 0, q2: 0, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9 });
    expect(r.flags.some((f) => f.code === 'PHQ9_ITEM9_POSITIVE' && f.severity === 'block')).toBe(flagged);
    expect(r.followUp.some((f) => f.code === 'CSSRS_SCREEN' && f.requiredBeforeDosing && f.instrumentId === 'cssrs_screener')).toBe(flagged);
  });

  it('does not score item 10 and accepts it optionally', () => {
    const base = { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, q8: 1, q9: 0 };
    expect(ok('phq9', base).total).toBe(8);
    expect(ok('phq9', { ...base, q10: 3 }).total).toBe(8);
  });

  it('reproduces the free wording with attribution', () => {
    expect(INSTRUMENTS.phq9.wordingReproduced).toBe(true);
    expect(INSTRUMENTS.phq9.items[8]?.text).toMatch(/better off dead/);
    expect(INSTRUMENTS.phq9.licence.attribution).toMatch(/Pfizer/);
  });
});

describe('GAD-7 (0–21; bands 5/10/15; ≥10 further evaluation)', () => {
  it.each([
    [4, 'minimal', false], [5, 'mild', false], [9, 'mild', false], [10, 'moderate', true], [14, 'moderate', true], [15, 'severe', true], [21, 'severe', true],
  ])('total %i → %s, further evaluation %s', (total, band, flagged) => {
    const r = ok('gad7', answersSumming('gad7', total));
    expect(r.total).toBe(total);
    expect(r.band?.key).toBe(band);
    expect(r.flags.some((f) => f.code === 'GAD7_FURTHER_EVALUATION')).toBe(flagged);
  });
});

describe('QIDS-SR16 (domain scoring, 0–27, bands 5/10/15/20)', () => {
  it('scores the highest item in sleep, appetite/weight and psychomotor domains', () => {
    const answers = { q1: 1, q2: 3, q3: 0, q4: 2, q5: 2, q6: 0, q7: 1, q8: 3, q9: 0, q10: 1, q11: 1, q12: 0, q13: 2, q14: 2, q15: 1, q16: 2 };
    const r = ok('qids_sr16', answers);
    expect(r.domainScores).toMatchObject({ sleep: 3, appetite_weight: 3, psychomotor: 2, sad_mood: 2 });
    expect(r.total).toBe(3 + 2 + 3 + 1 + 1 + 0 + 2 + 2 + 2);
    expect(r.band?.key).toBe('severe');
  });

  it.each([[5, 'none'], [6, 'mild'], [10, 'mild'], [11, 'moderate'], [15, 'moderate'], [16, 'severe'], [20, 'severe'], [21, 'very_severe'], [27, 'very_severe']])('total %i → %s', (total, band) => {
    const all3 = Object.fromEntries(INSTRUMENTS.qids_sr16.items.map((i) => [i.id, 0]));
    const domains = ['q1', 'q5', 'q6', 'q10', 'q11', 'q12', 'q13', 'q14', 'q15'];
    let left = total;
    for (const id of domains) {
      const v = Math.min(3, left);
      all3[id] = v;
      left -= v;
    }
    const r = ok('qids_sr16', all3);
    expect(r.total).toBe(total);
    expect(r.band?.key).toBe(band);
  });
});

describe('C-SSRS screener (skip logic and triage)', () => {
  it.each([
    [{ q1: false, q2: false, q6: false }, 'none', null],
    [{ q1: true, q2: false, q6: false }, 'low', 'CSSRS_LOW_RISK'],
    [{ q1: true, q2: true, q3: false, q4: false, q5: false, q6: false }, 'low', 'CSSRS_LOW_RISK'],
    [{ q1: true, q2: true, q3: true, q4: false, q5: false, q6: false }, 'moderate', 'CSSRS_MODERATE_RISK'],
    [{ q1: false, q2: false, q6: true, q6_recent: false }, 'moderate', 'CSSRS_MODERATE_RISK'],
    [{ q1: true, q2: true, q3: true, q4: true, q5: false, q6: false }, 'high', 'CSSRS_HIGH_RISK'],
    [{ q1: true, q2: true, q3: true, q4: false, q5: true, q6: false }, 'high', 'CSSRS_HIGH_RISK'],
    [{ q1: false, q2: false, q6: true, q6_recent: true }, 'high', 'CSSRS_HIGH_RISK'],
  ])('%j → %s', (answers, level, code) => {
    const r = ok('cssrs_screener', answers);
    expect(r.riskLevel).toBe(level);
    expect(r.total).toBeNull();
    expect(r.flags.map((f) => f.code)).toEqual(code === null ? [] : [code]);
    if (level === 'high') {
      expect(r.followUp.some((f) => f.code === 'MENTAL_HEALTH_EVALUATION' && f.requiredBeforeDosing)).toBe(true);
      expect(r.flags[0]?.severity).toBe('override');
    }
  });

  it('accepts 0/1 numbers for yes/no items', () => {
    expect(ok('cssrs_screener', { q1: 1, q2: 0, q6: 0 }).riskLevel).toBe('low');
  });

  it('rejects answers to questions that should be skipped, and missing branch answers', () => {
    const skipped = scoreInstrument('cssrs_screener', { q1: true, q2: false, q3: true, q6: false });
    expect(skipped.ok).toBe(false);
    if (!skipped.ok) {
      expect(skipped.issues).toContainEqual(expect.objectContaining({ code: 'ANSWER_NOT_EXPECTED', itemId: 'q3' }));
    }
    const missing = scoreInstrument('cssrs_screener', { q1: true, q2: true, q6: true });
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.issues.map((i) => i.itemId).sort()).toEqual(['q3', 'q4', 'q5', 'q6_recent']);
    }
  });

  it('does not reproduce the official wording', () => {
    expect(INSTRUMENTS.cssrs_screener.wordingReproduced).toBe(false);
  });
});

describe('MADRS (0–60; Snaith bands)', () => {
  it.each([[6, 'normal'], [7, 'mild'], [19, 'mild'], [20, 'moderate'], [34, 'moderate'], [35, 'severe'], [60, 'severe']])('total %i → %s', (total, band) => {
    const r = ok('madrs', answersSumming('madrs', total));
    expect(r.total).toBe(total);
    expect(r.band?.key).toBe(band);
  });

  it('rejects 7 on a 0–6 item', () => {
    const r = scoreInstrument('madrs', { ...answersSumming('madrs', 0), apparent_sadness: 7 });
    expect(r.ok).toBe(false);
  });
});

describe('CADSS (23 items 0–4; dissociation >4 with change >0; CADSS-6)', () => {
  it.each([
    [4, undefined, false], [5, undefined, true], [5, 5, false], [5, 4, true], [10, 12, false],
  ])('total %i with pre-dose %s → dissociation %s', (total, baselineTotal, flagged) => {
    const r = ok('cadss', answersSumming('cadss', total), baselineTotal === undefined ? {} : { baselineTotal });
    expect(r.total).toBe(total);
    expect(r.flags.some((f) => f.code === 'CADSS_DISSOCIATION_PRESENT')).toBe(flagged);
  });

  it('computes the CADSS-6 subscore from items 1, 2, 6, 7, 15, 22', () => {
    const answers = Object.fromEntries(INSTRUMENTS.cadss.items.map((i) => [i.id, 0]));
    Object.assign(answers, { q1: 1, q2: 2, q6: 3, q7: 4, q15: 1, q22: 1, q3: 4 });
    const r = ok('cadss', answers);
    expect(r.subscores).toEqual({ cadss6: 12 });
    expect(r.total).toBe(16);
    expect(INSTRUMENTS.cadss.scoreRange).toEqual({ min: 0, max: 92 });
  });
});

describe('MOAA/S (0–5)', () => {
  it.each([
    [5, 'alert', []], [4, 'mild', []], [3, 'moderate_or_deeper', ['MOAAS_MODERATE_SEDATION']], [1, 'moderate_or_deeper', ['MOAAS_MODERATE_SEDATION']], [0, 'unresponsive', ['MOAAS_UNRESPONSIVE']],
  ])('score %i → %s', (score, band, codes) => {
    const r = ok('moaas', { score });
    expect(r.band?.key).toBe(band);
    expect(r.flags.map((f) => f.code)).toEqual(codes);
  });
});

describe('CGI-S and CGI-I (1–7)', () => {
  it.each([[1, 'Normal, not at all ill'], [4, 'Moderately ill'], [7, 'Among the most extremely ill']])('CGI-S %i → %s', (score, label) => {
    expect(ok('cgi_s', { score }).band?.label).toBe(label);
  });
  it.each([[1, 'Very much improved'], [4, 'No change'], [7, 'Very much worse']])('CGI-I %i → %s', (score, label) => {
    expect(ok('cgi_i', { score }).band?.label).toBe(label);
  });
  it('rejects 0', () => {
    expect(scoreInstrument('cgi_s', { score: 0 }).ok).toBe(false);
  });
});

describe('PADSS (ketamine adaptation) and modified Aldrete', () => {
  const padss = { vital_signs: 2, activity_mental_status: 2, pain_nausea_vomiting: 1, intake_output: 2 };
  it('scores the not-applicable surgical-bleeding item as 2 by default', () => {
    const r = ok('padss', padss);
    expect(r.total).toBe(9);
    expect(r.band?.key).toBe('fit');
    expect(r.notApplicableItems).toEqual(['surgical_bleeding']);
    expect(ok('padss', { ...padss, surgical_bleeding: 0 }).total).toBe(9);
  });

  it('requires the bleeding item when the clinic makes it applicable', () => {
    const proto = resolveProtocol({ discharge: { padssNotApplicableItems: [] } });
    expect(proto.ok).toBe(true);
    if (proto.ok) {
      expect(scoreInstrument('padss', padss, { protocol: proto.protocol }).ok).toBe(false);
      expect(ok('padss', { ...padss, surgical_bleeding: 1 }, { protocol: proto.protocol }).total).toBe(8);
    }
  });

  it.each([[8, 'not_fit'], [9, 'fit'], [10, 'fit']])('Aldrete %i → %s', (total, band) => {
    expect(ok('aldrete', answersSumming('aldrete', total)).band?.key).toBe(band);
  });
});

describe('urinary screen and misuse check', () => {
  const noUrinary = { frequency: false, urgency: false, dysuria: false, haematuria: false, suprapubic_pain: false };
  it.each([
    [{}, [], 0],
    [{ frequency: true }, ['URINARY_SYMPTOMS_REPORTED'], 1],
    [{ suprapubic_pain: true, frequency: true }, ['URINARY_SYMPTOMS_REPORTED'], 2],
    [{ dysuria: true }, ['URINARY_RED_FLAG_SYMPTOMS'], 1],
    [{ haematuria: true, frequency: true }, ['URINARY_RED_FLAG_SYMPTOMS'], 2],
    [{ urgency: true }, ['URINARY_RED_FLAG_SYMPTOMS'], 1],
  ])('urinary %j → %j', (yes, codes, total) => {
    const r = ok('urinary_screen', { ...noUrinary, ...yes });
    expect(r.flags.map((f) => f.code)).toEqual(codes);
    expect(r.total).toBe(total);
    expect(r.followUp.length > 0).toBe(codes.length > 0);
  });

  const noMisuse = { nonprescribed_use: false, craving: false, dose_seeking: false, between_session_symptoms: false, withdrawal: false };
  it.each([
    [{}, []],
    [{ craving: true }, ['MISUSE_INDICATORS_PRESENT']],
    [{ nonprescribed_use: true }, ['MISUSE_NONPRESCRIBED_USE']],
    [{ nonprescribed_use: true, withdrawal: true }, ['MISUSE_NONPRESCRIBED_USE', 'MISUSE_INDICATORS_PRESENT']],
  ])('misuse %j → %j', (yes, codes) => {
    const r = ok('misuse_check', { ...noMisuse, ...yes });
    expect(r.flags.map((f) => f.code)).toEqual(codes);
    expect(r.followUp[0]?.requiredBeforeDosing ?? false).toBe('nonprescribed_use' in yes);
  });
});

describe('answer validation', () => {
  it.each([
    ['nope', {}, 'UNKNOWN_INSTRUMENT'],
    ['phq9', null, 'INVALID_INPUT'],
    ['phq9', [1, 2], 'INVALID_INPUT'],
    ['phq9', { ...answersSumming('phq9', 0), q11: 1 }, 'UNKNOWN_ITEM'],
    ['phq9', { ...answersSumming('phq9', 0), q1: 4 }, 'ANSWER_OUT_OF_RANGE'],
    ['phq9', { ...answersSumming('phq9', 0), q1: 1.5 }, 'ANSWER_OUT_OF_RANGE'],
    ['phq9', { ...answersSumming('phq9', 0), q1: true }, 'ANSWER_WRONG_TYPE'],
    ['phq9', { ...answersSumming('phq9', 0), q1: '2' }, 'ANSWER_WRONG_TYPE'],
    ['phq9', { q1: 0 }, 'ANSWER_MISSING'],
  ])('%s %j → %s', (id, answers, code) => {
    const r = scoreInstrument(id, answers);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.code)).toContain(code);
    }
  });

  it('uses the default protocol when none is given', () => {
    expect(ok('cadss', answersSumming('cadss', 5), { protocol: DEFAULT_PROTOCOL }).flags).toHaveLength(1);
  });
});
