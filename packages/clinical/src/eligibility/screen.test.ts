import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOL } from '../protocol/defaults.js';
import { resolveProtocol } from '../protocol/resolve.js';
import type { JurisdictionCode, Route } from '../protocol/route.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { CLEAN_INTAKE } from '../test-support/intake.js';
import { screenEligibility } from './screen.js';
import type { EligibilityIntake } from './types.js';

const ASOF = '2025-06-01T12:00:00Z';

function screen(patch: Partial<EligibilityIntake>, route: Route = 'esketamine_nasal', jurisdiction: JurisdictionCode = 'US', protocol: ProtocolSettings = DEFAULT_PROTOCOL) {
  return screenEligibility({ ...CLEAN_INTAKE, ...patch }, { route, jurisdiction, protocol, asOf: ASOF });
}
const codes = (r: ReturnType<typeof screen>): string[] => r.findings.map((f) => f.code);
const sev = (r: ReturnType<typeof screen>, code: string): string | undefined => r.findings.find((f) => f.code === code)?.severity;
const cv = (p: Partial<EligibilityIntake['cardiovascular']>): Partial<EligibilityIntake> => ({ cardiovascular: { ...CLEAN_INTAKE.cardiovascular, ...p } });

describe('screenEligibility: clean intakes', () => {
  it('esketamine in the US: no blocking findings, REMS enrolment noted, TRD met', () => {
    const r = screen({});
    expect(r.outcome).toBe('no_blocking_findings');
    expect(codes(r)).toEqual(['REMS_ENROLMENT_REQUIRED', 'JURISDICTION_NOTE']);
    expect(r.treatmentResistance).toMatchObject({ adequateFailedTrials: 2, distinctClasses: 2, meetsTrd: true });
  });

  it('IV racemic ketamine: SSRI blood-pressure note and off-label note only', () => {
    const r = screen({}, 'iv');
    expect(codes(r)).toEqual(['INTERACTION_SSRI_BP', 'RACEMIC_OFF_LABEL']);
    expect(r.outcome).toBe('no_blocking_findings');
  });
});

describe('contraindications by route', () => {
  it.each([
    [cv({ aneurysmalVascularDisease: true }), 'esketamine_nasal', 'CI_ANEURYSMAL_VASCULAR_DISEASE', 'block'],
    [cv({ aneurysmalVascularDisease: true }), 'iv', 'CI_ANEURYSMAL_VASCULAR_DISEASE', 'override'],
    [cv({ arteriovenousMalformation: true }), 'esketamine_nasal', 'CI_ARTERIOVENOUS_MALFORMATION', 'block'],
    [cv({ intracerebralHaemorrhage: true }), 'esketamine_nasal', 'CI_INTRACEREBRAL_HAEMORRHAGE', 'block'],
    [cv({ intracerebralHaemorrhage: true }), 'im', 'CI_INTRACEREBRAL_HAEMORRHAGE', 'override'],
    [{ other: { ...CLEAN_INTAKE.other, hypersensitivityToKetamine: true } }, 'iv', 'CI_HYPERSENSITIVITY', 'block'],
    [{ other: { ...CLEAN_INTAKE.other, hypersensitivityToKetamine: true } }, 'esketamine_nasal', 'CI_HYPERSENSITIVITY', 'block'],
    [cv({ severeCoronaryOrMyocardialDisease: true }), 'iv', 'CI_SEVERE_CORONARY_MYOCARDIAL_DISEASE', 'block'],
    [cv({ severeCoronaryOrMyocardialDisease: true }), 'esketamine_nasal', 'CV_DISEASE_BENEFIT_RISK', 'override'],
    [cv({ cerebrovascularAccident: true }), 'oral', 'CI_CEREBROVASCULAR_ACCIDENT', 'block'],
    [cv({ cerebrovascularAccident: true }), 'esketamine_nasal', 'CV_DISEASE_BENEFIT_RISK', 'override'],
    [{ neurological: { ...CLEAN_INTAKE.neurological, cerebralTrauma: true } }, 'iv', 'CI_CEREBRAL_TRAUMA', 'block'],
    [{ neurological: { ...CLEAN_INTAKE.neurological, cerebralTrauma: true } }, 'esketamine_nasal', 'CI_CEREBRAL_TRAUMA', 'override'],
    [{ pregnancy: { pregnant: true, breastfeeding: false, preEclampsiaOrEclampsia: true } }, 'iv', 'CI_PREECLAMPSIA_ECLAMPSIA', 'block'],
    [{ other: { ...CLEAN_INTAKE.other, hyperthyroidism: 'untreated' } }, 'iv', 'CI_UNTREATED_HYPERTHYROIDISM', 'block'],
    [cv({ otherCardiovascularDisease: true }), 'iv', 'CV_DISEASE_BENEFIT_RISK', 'override'],
    [cv({ hypertensiveEncephalopathyHistory: true }), 'esketamine_nasal', 'HYPERTENSIVE_ENCEPHALOPATHY_HISTORY', 'warn'],
    [cv({ unstableCardiovascularOrRespiratoryDisease: true }), 'esketamine_nasal', 'UNSTABLE_CV_RESPIRATORY_DISEASE', 'warn'],
    [cv({ hypertension: 'uncontrolled' }), 'iv', 'HYPERTENSION_UNCONTROLLED', 'override'],
    [cv({ hypertension: 'untreated' }), 'esketamine_nasal', 'HYPERTENSION_UNCONTROLLED', 'override'],
    [{ neurological: { ...CLEAN_INTAKE.neurological, raisedIntracranialPressure: true } }, 'iv', 'RAISED_INTRACRANIAL_PRESSURE', 'override'],
    [{ neurological: { ...CLEAN_INTAKE.neurological, raisedIntraocularPressure: true } }, 'iv', 'RAISED_INTRAOCULAR_PRESSURE', 'override'],
    [{ psychiatric: { psychosisHistory: true, psychosisCurrent: false, maniaOrBipolarHistory: false } }, 'esketamine_nasal', 'PSYCHOSIS_HISTORY', 'override'],
    [{ psychiatric: { psychosisHistory: false, psychosisCurrent: true, maniaOrBipolarHistory: false } }, 'iv', 'PSYCHOSIS_HISTORY', 'override'],
    [{ psychiatric: { psychosisHistory: false, psychosisCurrent: false, maniaOrBipolarHistory: true } }, 'iv', 'MANIA_BIPOLAR_HISTORY', 'override'],
    [{ diagnosis: { condition: 'bipolar_depression' } }, 'iv', 'DIAGNOSIS_NOT_MDD', 'override'],
    [{ diagnosis: { condition: 'other' } }, 'iv', 'DIAGNOSIS_NOT_MDD', 'override'],
    [{ diagnosis: { condition: 'mdd', psychoticFeatures: true } }, 'esketamine_nasal', 'PSYCHOTIC_FEATURES_CURRENT_EPISODE', 'override'],
    [{ hepatic: { impairment: 'severe', baselineLiverTestsDone: true } }, 'esketamine_nasal', 'HEPATIC_IMPAIRMENT_SEVERE', 'override'],
    [{ hepatic: { impairment: 'severe', baselineLiverTestsDone: true } }, 'iv', 'HEPATIC_IMPAIRMENT_SEVERE', 'override'],
    [{ hepatic: { impairment: 'moderate', baselineLiverTestsDone: true } }, 'esketamine_nasal', 'HEPATIC_IMPAIRMENT_MODERATE', 'warn'],
    [{ hepatic: { impairment: 'none', baselineLiverTestsDone: false } }, 'iv', 'BASELINE_LIVER_TESTS_REQUIRED', 'warn'],
    [{ pregnancy: { pregnant: true, breastfeeding: false } }, 'esketamine_nasal', 'PREGNANCY_NOT_RECOMMENDED', 'override'],
    [{ pregnancy: { pregnant: false, breastfeeding: true } }, 'esketamine_nasal', 'BREASTFEEDING_NOT_RECOMMENDED', 'override'],
    [{ other: { ...CLEAN_INTAKE.other, ulcerativeOrInterstitialCystitis: true } }, 'esketamine_nasal', 'CYSTITIS_HISTORY', 'warn'],
  ] as const)('%j on %s → %s (%s)', (patch, route, code, severity) => {
    const r = screen(patch, route);
    expect(sev(r, code)).toBe(severity);
  });

  it('uses the protocol severity for raised ICP/IOP', () => {
    const p = resolveProtocol({ eligibility: { raisedIcpSeverity: 'block', raisedIopSeverity: 'warn' } });
    if (!p.ok) {
      throw new Error('protocol');
    }
    const r = screen({ neurological: { raisedIntracranialPressure: true, cerebralTrauma: false, raisedIntraocularPressure: true } }, 'iv', 'US', p.protocol);
    expect(sev(r, 'RAISED_INTRACRANIAL_PRESSURE')).toBe('block');
    expect(sev(r, 'RAISED_INTRAOCULAR_PRESSURE')).toBe('warn');
    expect(r.outcome).toBe('blocked');
  });
});

describe('intake blood pressure', () => {
  it.each([
    ['esketamine_nasal', 40, 140, 90, null],
    ['esketamine_nasal', 40, 141, 90, 'BP_INTAKE_ELEVATED'],
    ['esketamine_nasal', 40, 140, 91, 'BP_INTAKE_ELEVATED'],
    ['esketamine_nasal', 65, 141, 80, 'BP_INTAKE_ELEVATED'],
    ['esketamine_nasal', 66, 150, 80, null],
    ['esketamine_nasal', 66, 151, 80, 'BP_INTAKE_ELEVATED'],
    ['esketamine_nasal', 40, 181, 80, 'BP_INTAKE_ABOVE_CONTRAINDICATION'],
    ['iv', 40, 180, 100, null],
    ['iv', 40, 181, 100, 'BP_INTAKE_ABOVE_CONTRAINDICATION'],
    ['iv', 40, 179, 101, 'BP_INTAKE_ABOVE_CONTRAINDICATION'],
    ['iv', 40, 170, 99, null],
  ] as const)('%s age %i BP %i/%i → %s', (route, ageYears, systolic, diastolic, code) => {
    const r = screen({ ageYears, bloodPressure: { systolic, diastolic } }, route);
    const bpCodes = codes(r).filter((c) => c.startsWith('BP_'));
    expect(bpCodes).toEqual(code === null ? [] : [code]);
  });

  it('can leave the 180/100 block off for esketamine', () => {
    const p = resolveProtocol({ bp: { blockAppliesToEsketamine: false } });
    if (!p.ok) {
      throw new Error('protocol');
    }
    expect(codes(screen({ bloodPressure: { systolic: 190, diastolic: 80 } }, 'esketamine_nasal', 'US', p.protocol))).toContain('BP_INTAKE_ELEVATED');
  });
});

describe('items not assessed', () => {
  const empty: EligibilityIntake = {
    ageYears: 40,
    diagnosis: { condition: 'mdd' },
    antidepressantTrials: [],
    psychiatric: {},
    substanceUse: {},
    cardiovascular: {},
    pregnancy: {},
    hepatic: {},
    neurological: {},
    other: {},
    currentMedications: [],
  };
  it.each([
    ['esketamine_nasal', ['other.hypersensitivityToKetamine', 'cardiovascular.aneurysmalVascularDisease', 'cardiovascular.arteriovenousMalformation', 'cardiovascular.intracerebralHaemorrhage', 'bloodPressure']],
    ['iv', ['other.hypersensitivityToKetamine', 'cardiovascular.severeCoronaryOrMyocardialDisease', 'cardiovascular.cerebrovascularAccident', 'neurological.cerebralTrauma', 'other.hyperthyroidism', 'bloodPressure']],
  ] as const)('%s: absolute contraindications not assessed need an override', (route, fields) => {
    const r = screenEligibility(empty, { route, jurisdiction: 'US', protocol: DEFAULT_PROTOCOL, asOf: ASOF });
    const overrides = r.findings.filter((f) => f.code === 'INTAKE_ITEM_NOT_ASSESSED' && f.severity === 'override').map((f) => f.field);
    expect(overrides.sort()).toEqual([...fields].sort());
    expect(r.findings.filter((f) => f.code === 'INTAKE_ITEM_NOT_ASSESSED' && f.severity === 'warn').length).toBeGreaterThan(5);
    expect(r.outcome).toBe('needs_override');
  });
});

describe('substance use look-back (6 months, conflict setting)', () => {
  it.each([
    ['current', undefined, 'SUBSTANCE_USE_DISORDER_ACTIVE'],
    ['past', undefined, 'SUBSTANCE_USE_DISORDER_ACTIVE'],
    ['past', '2024-12-01', 'SUBSTANCE_USE_DISORDER_ACTIVE'],
    ['past', '2024-11-29', 'SUBSTANCE_USE_DISORDER_PAST'],
  ] as const)('%s, last active %s → %s', (disorder, date, code) => {
    const r = screen({ substanceUse: { disorder, ketamineOrPcpMisuse: 'none', ...(date === undefined ? {} : { disorderLastActiveDate: date }) } });
    expect(codes(r)).toContain(code);
  });

  it.each([
    ['current', undefined, 'override'],
    ['past', '2025-03-01', 'override'],
    ['past', '2023-01-01', 'warn'],
  ] as const)('ketamine/PCP misuse %s (%s) → %s', (status, date, severity) => {
    const r = screen({ substanceUse: { disorder: 'none', ketamineOrPcpMisuse: status, ...(date === undefined ? {} : { ketamineOrPcpLastUseDate: date }) } });
    expect(sev(r, 'KETAMINE_PCP_MISUSE')).toBe(severity);
  });
});

describe('age', () => {
  it.each([
    ['esketamine_nasal', 17, 'AGE_BELOW_MINIMUM', 'block'],
    ['iv', 17, 'AGE_BELOW_MINIMUM', 'override'],
    ['esketamine_nasal', 17, 'AGE_SUICIDALITY_WARNING', 'info'],
    ['esketamine_nasal', 24, 'AGE_SUICIDALITY_WARNING', 'info'],
    ['esketamine_nasal', 65, 'OLDER_ADULT_DOSING', 'info'],
  ] as const)('%s age %i → %s %s', (route, ageYears, code, severity) => {
    expect(sev(screen({ ageYears }, route), code)).toBe(severity);
  });

  it.each([[18, 'AGE_BELOW_MINIMUM'], [25, 'AGE_SUICIDALITY_WARNING'], [64, 'OLDER_ADULT_DOSING']])('age %i does not raise %s', (ageYears, code) => {
    expect(codes(screen({ ageYears }))).not.toContain(code);
  });
});

describe('jurisdiction and regulatory findings', () => {
  it('UK/DE esketamine without an SSRI/SNRI', () => {
    expect(codes(screen({ currentMedications: [] }, 'esketamine_nasal', 'UK'))).toContain('ESKETAMINE_REQUIRES_SSRI_SNRI');
    expect(codes(screen({ currentMedications: [{ name: 'duloxetine' }] }, 'esketamine_nasal', 'DE'))).not.toContain('ESKETAMINE_REQUIRES_SSRI_SNRI');
    expect(codes(screen({ currentMedications: [] }, 'esketamine_nasal', 'US'))).not.toContain('ESKETAMINE_REQUIRES_SSRI_SNRI');
  });

  it.each([
    ['AU', 'iv', 2],
    ['AU', 'esketamine_nasal', 2],
    ['CA', 'iv', 1],
    ['CA', 'oral', 0],
    ['DE', 'esketamine_nasal', 1],
    ['UK', 'esketamine_nasal', 1],
    ['US', 'esketamine_nasal', 1],
  ] as const)('%s %s → %i jurisdiction note(s)', (j, route, n) => {
    expect(codes(screen({}, route, j)).filter((c) => c === 'JURISDICTION_NOTE')).toHaveLength(n);
  });

  it('no REMS outside the US', () => {
    expect(codes(screen({}, 'esketamine_nasal', 'CA'))).not.toContain('REMS_ENROLMENT_REQUIRED');
  });
});

describe('weight basis review (BMI 30)', () => {
  it.each([
    [170, 86.6, false],
    [170, 86.8, true],
  ])('height %i weight %d → review %s', (heightCm, weightKg, flagged) => {
    expect(codes(screen({ heightCm, weightKg }, 'iv')).includes('WEIGHT_BASIS_REVIEW')).toBe(flagged);
    expect(codes(screen({ heightCm, weightKg }, 'esketamine_nasal')).includes('WEIGHT_BASIS_REVIEW')).toBe(false);
  });
});

describe('TRD finding', () => {
  it('override for esketamine, warn for racemic', () => {
    const one = { antidepressantTrials: CLEAN_INTAKE.antidepressantTrials.slice(0, 1) };
    expect(sev(screen(one, 'esketamine_nasal'), 'TRD_CRITERIA_NOT_MET')).toBe('override');
    expect(sev(screen(one, 'iv'), 'TRD_CRITERIA_NOT_MET')).toBe('warn');
    const byClass = resolveProtocol({ trd: { countBy: 'distinct_classes' } });
    if (!byClass.ok) {
      throw new Error('protocol');
    }
    const sameClass = { antidepressantTrials: [CLEAN_INTAKE.antidepressantTrials[0]!, { ...CLEAN_INTAKE.antidepressantTrials[0]!, drug: 'escitalopram' }] };
    expect(codes(screen(sameClass))).not.toContain('TRD_CRITERIA_NOT_MET');
    expect(screen(sameClass, 'esketamine_nasal', 'US', byClass.protocol).findings.find((f) => f.code === 'TRD_CRITERIA_NOT_MET')?.value).toBe(1);
  });
});
