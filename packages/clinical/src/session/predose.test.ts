import { describe, expect, it } from 'vitest';
import { scoreInstrument } from '../instruments/score.js';
import type { InstrumentResult } from '../instruments/types.js';
import { DEFAULT_PROTOCOL } from '../protocol/defaults.js';
import { resolveProtocol } from '../protocol/resolve.js';
import { evaluatePreDose } from './predose.js';
import type { CompletedQuestionnaire, PreDoseContext, PreDoseInput } from './predose-types.js';

const NOW = '2025-06-02T15:00:00Z';
const at = (minutesAgo: number): string => new Date(Date.parse(NOW) - minutesAgo * 60_000).toISOString();

function result(id: string, answers: Record<string, number | boolean>): InstrumentResult {
  const r = scoreInstrument(id, answers);
  if (!r.ok) {
    throw new Error(id);
  }
  return r.result;
}
const phq = (q9: number, minutesAgo = 30): CompletedQuestionnaire => ({ instrumentId: 'phq9', completedAt: at(minutesAgo), result: result('phq9', { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, q8: 1, q9 }) });
const cssrs = (answers: Record<string, boolean>, minutesAgo = 20): CompletedQuestionnaire => ({ instrumentId: 'cssrs_screener', completedAt: at(minutesAgo), result: result('cssrs_screener', answers) });

const READY: PreDoseInput = {
  bloodPressure: { systolic: 130, diastolic: 80 },
  lastFoodAt: at(180),
  lastLiquidsAt: at(45),
  nasalMedicationAt: null,
  escortConfirmed: true,
  noDrivingAcknowledged: true,
  questionnaires: [phq(0)],
  rems: { patientEnrolled: true, settingCertified: true, prescriberOnSite: true, pulseOximeterOnSite: true, concomitantMedicationsRecorded: true, monitoringForms: [{ sessionId: 's1', sessionDate: '2025-05-29', submittedOn: '2025-05-30' }] },
  consent: { signedAt: '2025-05-01T10:00:00Z' },
  eligibilityApproved: true,
  pregnant: false,
  baselineLiverTestsDone: true,
};
const ESK: PreDoseContext = { route: 'esketamine_nasal', jurisdiction: 'US', protocol: DEFAULT_PROTOCOL, now: NOW, patientAgeYears: 45 };
const run = (patch: Partial<PreDoseInput>, ctx: Partial<PreDoseContext> = {}) => evaluatePreDose({ ...READY, ...patch }, { ...ESK, ...ctx });
const codes = (r: ReturnType<typeof run>): string[] => r.findings.map((f) => f.code);

describe('evaluatePreDose: complete checklist', () => {
  it('esketamine in the US: everything ok', () => {
    const r = run({});
    expect(r.outcome).toBe('no_blocking_findings');
    expect(r.findings).toEqual([]);
    expect(r.items.every((i) => i.status === 'ok')).toBe(true);
    expect(r.items.map((i) => i.id)).toEqual(['blood_pressure', 'fasting_food', 'fasting_liquids', 'nasal_medication', 'escort', 'no_driving', 'questionnaire_phq9', 'suicide_screen', 'patientEnrolled', 'settingCertified', 'prescriberOnSite', 'pulseOximeterOnSite', 'concomitantMedications', 'monitoringForms', 'consent', 'eligibility', 'pregnancy']);
  });

  it('IV racemic: no fasting items by default, no REMS, liver tests checked', () => {
    const r = run({}, { route: 'iv' });
    expect(r.items.map((i) => i.id)).toEqual(['blood_pressure', 'escort', 'no_driving', 'questionnaire_phq9', 'suicide_screen', 'consent', 'eligibility', 'pregnancy', 'liver_tests']);
    expect(r.outcome).toBe('no_blocking_findings');
    expect(codes(run({ baselineLiverTestsDone: false }, { route: 'iv' }))).toEqual(['BASELINE_LIVER_TESTS_REQUIRED']);
  });
});

describe('blood pressure gate', () => {
  it.each([
    ['esketamine_nasal', 45, 140, 90, null],
    ['esketamine_nasal', 45, 141, 90, 'BP_PREDOSE_ABOVE_LIMIT'],
    ['esketamine_nasal', 45, 120, 91, 'BP_PREDOSE_ABOVE_LIMIT'],
    ['esketamine_nasal', 65, 141, 80, 'BP_PREDOSE_ABOVE_LIMIT'],
    ['esketamine_nasal', 66, 150, 80, null],
    ['esketamine_nasal', 66, 151, 80, 'BP_PREDOSE_ABOVE_LIMIT'],
    ['esketamine_nasal', 45, 181, 80, 'BP_PREDOSE_ABOVE_CONTRAINDICATION_LIMIT'],
    ['iv', 45, 180, 100, null],
    ['iv', 45, 181, 80, 'BP_PREDOSE_ABOVE_CONTRAINDICATION_LIMIT'],
    ['iv', 45, 150, 101, 'BP_PREDOSE_ABOVE_CONTRAINDICATION_LIMIT'],
  ] as const)('%s age %i %i/%i → %s', (route, age, systolic, diastolic, code) => {
    const r = run({ bloodPressure: { systolic, diastolic } }, { route, patientAgeYears: age });
    expect(codes(r).filter((c) => c.startsWith('BP_'))).toEqual(code === null ? [] : [code]);
    if (code === 'BP_PREDOSE_ABOVE_LIMIT') {
      expect(r.outcome).toBe('needs_override');
    }
    if (code === 'BP_PREDOSE_ABOVE_CONTRAINDICATION_LIMIT') {
      expect(r.outcome).toBe('blocked');
    }
  });

  it('missing BP blocks', () => {
    const r = evaluatePreDose({ ...READY, bloodPressure: undefined }, ESK);
    expect(r.items[0]).toMatchObject({ id: 'blood_pressure', status: 'missing' });
    expect(r.outcome).toBe('blocked');
  });
});

describe('fasting and nasal medication (esketamine)', () => {
  it.each([
    [120, 30, []],
    [119, 30, ['FASTING_FOOD_TOO_RECENT']],
    [120, 29, ['FASTING_LIQUIDS_TOO_RECENT']],
  ])('food %i min, liquids %i min ago → %j', (food, liquids, expected) => {
    expect(codes(run({ lastFoodAt: at(food), lastLiquidsAt: at(liquids) }))).toEqual(expected);
  });

  it('missing fasting times are soft', () => {
    const r = evaluatePreDose({ ...READY, lastFoodAt: undefined, lastLiquidsAt: 'garbage' }, ESK);
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['PREDOSE_ITEM_MISSING', 'warn'], ['PREDOSE_ITEM_MISSING', 'warn']]);
  });

  it('racemic fasting applies only when the clinic sets it', () => {
    const p = resolveProtocol({ fasting: { racemicFoodMinutes: 360 } });
    expect(p.ok && codes(run({ lastFoodAt: at(300) }, { route: 'iv', protocol: p.protocol }))).toEqual(['FASTING_FOOD_TOO_RECENT']);
  });

  it.each([
    [60, []],
    [59, ['NASAL_STEROID_TOO_RECENT']],
  ])('nasal steroid %i min ago → %j', (mins, expected) => {
    expect(codes(run({ nasalMedicationAt: at(mins) }))).toEqual(expected);
  });

  it('nasal medication not asked / invalid → soft missing', () => {
    expect(evaluatePreDose({ ...READY, nasalMedicationAt: undefined }, ESK).findings.map((f) => f.severity)).toEqual(['warn']);
    expect(codes(run({ nasalMedicationAt: 'x' }))).toEqual(['PREDOSE_ITEM_MISSING']);
  });
});

describe('transport, consent, eligibility, pregnancy', () => {
  it.each([
    [{ escortConfirmed: false }, 'ESCORT_NOT_CONFIRMED', 'needs_override'],
    [{ noDrivingAcknowledged: false }, 'NO_DRIVING_NOT_ACKNOWLEDGED', 'blocked'],
    [{ consent: null }, 'CONSENT_NOT_VALID', 'blocked'],
    [{ consent: { signedAt: '2025-05-01T10:00:00Z', withdrawn: true } }, 'CONSENT_NOT_VALID', 'blocked'],
    [{ consent: { signedAt: '2025-05-01T10:00:00Z', expiresAt: NOW } }, 'CONSENT_NOT_VALID', 'blocked'],
    [{ consent: { signedAt: '2025-07-01T10:00:00Z' } }, 'CONSENT_NOT_VALID', 'blocked'],
    [{ eligibilityApproved: false }, 'ELIGIBILITY_NOT_APPROVED', 'blocked'],
    [{ pregnant: true }, 'PREGNANCY_NOT_RECOMMENDED', 'needs_override'],
  ] as const)('%j → %s (%s)', (patch, code, outcome) => {
    const r = run(patch);
    expect(codes(r)).toEqual([code]);
    expect(r.outcome).toBe(outcome);
  });

  it('consent that has not yet expired is valid; escort not required when the clinic says so', () => {
    expect(codes(run({ consent: { signedAt: '2025-05-01T10:00:00Z', expiresAt: '2026-05-01T10:00:00Z' } }))).toEqual([]);
    const p = resolveProtocol({ predose: { requireEscortBeforeDose: false } });
    expect(p.ok && codes(run({ escortConfirmed: false }, { protocol: p.protocol }))).toEqual([]);
  });
});

describe('questionnaires and suicide-risk screen', () => {
  it('PHQ-9 item 9 positive with no later C-SSRS blocks dosing', () => {
    const r = run({ questionnaires: [phq(1)] });
    expect(codes(r)).toEqual(['CSSRS_REQUIRED_BEFORE_DOSING']);
    expect(r.outcome).toBe('blocked');
    expect(codes(run({ questionnaires: [phq(1, 30), cssrs({ q1: false, q2: false, q6: false }, 60)] }))).toEqual(['CSSRS_REQUIRED_BEFORE_DOSING']);
  });

  it.each([
    [{ q1: false, q2: false, q6: false }, [], 'no_blocking_findings'],
    [{ q1: true, q2: false, q6: false }, ['CSSRS_LOW_RISK'], 'no_blocking_findings'],
    [{ q1: true, q2: true, q3: false, q4: true, q5: false, q6: false }, ['CSSRS_HIGH_RISK'], 'needs_override'],
  ])('C-SSRS after a positive PHQ-9 %j → %j', (answers, expected, outcome) => {
    const r = run({ questionnaires: [phq(2), cssrs(answers)] });
    expect(codes(r)).toEqual(expected);
    expect(r.outcome).toBe(outcome);
  });

  it('missing required questionnaire and no suicide screen', () => {
    expect(codes(run({ questionnaires: [] }))).toEqual(['QUESTIONNAIRE_MISSING', 'PREDOSE_ITEM_MISSING']);
  });

  it('questionnaire age limit when the clinic sets one', () => {
    const p = resolveProtocol({ predose: { questionnaireMaxAgeDays: 7, requiredInstruments: ['phq9', 'gad7'] } });
    if (!p.ok) {
      throw new Error('protocol');
    }
    const r = run({ questionnaires: [phq(0, 8 * 24 * 60)] }, { protocol: p.protocol });
    expect(codes(r)).toEqual(['QUESTIONNAIRE_OUT_OF_DATE', 'QUESTIONNAIRE_MISSING']);
    expect(codes(run({ questionnaires: [phq(0, 7 * 24 * 60)] }, { protocol: p.protocol }))).toEqual(['QUESTIONNAIRE_MISSING']);
  });
});

describe('REMS (US esketamine only)', () => {
  it.each([
    [{ patientEnrolled: false }, ['REMS_PATIENT_NOT_ENROLLED']],
    [{ settingCertified: undefined }, ['REMS_SETTING_NOT_CERTIFIED']],
    [{ prescriberOnSite: false }, ['REMS_PRESCRIBER_NOT_ON_SITE']],
    [{ pulseOximeterOnSite: false }, ['REMS_PULSE_OXIMETER_MISSING']],
    [{ concomitantMedicationsRecorded: false }, ['REMS_CONCOMITANT_MEDS_NOT_RECORDED']],
    [{ monitoringForms: [{ sessionId: 'old', sessionDate: '2025-05-25' }] }, ['REMS_PMF_OVERDUE']],
    [{ monitoringForms: [{ sessionId: 'old', sessionDate: '2025-05-26' }] }, []],
  ])('%j → %j', (patch, expected) => {
    expect(codes(run({ rems: { ...READY.rems, ...patch } }))).toEqual(expected);
  });

  it('pulse oximeter rule applies from the 12/31/2024 REMS version only', () => {
    const r = run({ rems: { ...READY.rems, pulseOximeterOnSite: false } }, { now: '2024-06-01T15:00:00Z' });
    expect(r.items.map((i) => i.id)).not.toContain('pulseOximeterOnSite');
  });

  it('does not apply outside the US or to racemic routes', () => {
    expect(codes(run({ rems: {} }, { jurisdiction: 'UK' }))).toEqual([]);
    expect(codes(run({ rems: {} }, { route: 'im' }))).toEqual([]);
    expect(codes(evaluatePreDose({ ...READY, rems: undefined }, ESK))).toContain('REMS_PATIENT_NOT_ENROLLED');
  });
});
