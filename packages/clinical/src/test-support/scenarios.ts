/**
 * A battery of scenarios run through the public entry point. The registry test checks that every finding they
 * emit is registered and sourced, and that together they exercise every rule in `RULES`.
 */
import * as K from '../index.js';
import type { EligibilityIntake, Finding, PreDoseInput, ProtocolSettings } from '../index.js';
import { CLEAN_INTAKE } from './intake.js';

const P = K.DEFAULT_PROTOCOL;
const NOW = '2025-06-02T15:00:00Z';
const ago = (m: number): string => new Date(Date.parse(NOW) - m * 60_000).toISOString();

function proto(overrides: unknown): ProtocolSettings {
  const r = K.resolveProtocol(overrides);
  if (!r.ok) {
    throw new Error(JSON.stringify(r.issues));
  }
  return r.protocol;
}

function flags(id: string, answers: Record<string, number | boolean>, baselineTotal?: number): Finding[] {
  const r = K.scoreInstrument(id, answers, baselineTotal === undefined ? {} : { baselineTotal });
  return r.ok ? [...r.result.flags] : [];
}

function instrumentFindings(): Finding[] {
  const cadss = Object.fromEntries(K.INSTRUMENTS.cadss.items.map((i) => [i.id, 0]));
  cadss.q1 = 4;
  cadss.q2 = 1;
  return [
    ...flags('phq9', { q1: 0, q2: 0, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9: 1 }),
    ...flags('gad7', { q1: 3, q2: 3, q3: 3, q4: 1, q5: 0, q6: 0, q7: 0 }),
    ...flags('cssrs_screener', { q1: true, q2: true, q3: true, q4: true, q5: false, q6: false }),
    ...flags('cssrs_screener', { q1: true, q2: true, q3: true, q4: false, q5: false, q6: false }),
    ...flags('cssrs_screener', { q1: true, q2: false, q6: false }),
    ...flags('cadss', cadss, 0),
    ...flags('moaas', { score: 3 }),
    ...flags('moaas', { score: 0 }),
    ...flags('urinary_screen', { frequency: true, urgency: false, dysuria: false, haematuria: false, suprapubic_pain: false }),
    ...flags('urinary_screen', { frequency: false, urgency: false, dysuria: true, haematuria: false, suprapubic_pain: false }),
    ...flags('misuse_check', { nonprescribed_use: true, craving: true, dose_seeking: false, between_session_symptoms: false, withdrawal: false }),
  ];
}

const EVERYTHING: EligibilityIntake = {
  ...CLEAN_INTAKE,
  ageYears: 17,
  heightCm: 160,
  weightKg: 110,
  diagnosis: { condition: 'bipolar_depression', psychoticFeatures: true },
  antidepressantTrials: [],
  psychiatric: { psychosisHistory: true, psychosisCurrent: false, maniaOrBipolarHistory: true },
  substanceUse: { disorder: 'current', ketamineOrPcpMisuse: 'current' },
  cardiovascular: {
    aneurysmalVascularDisease: true,
    arteriovenousMalformation: true,
    intracerebralHaemorrhage: true,
    cerebrovascularAccident: true,
    severeCoronaryOrMyocardialDisease: true,
    otherCardiovascularDisease: true,
    unstableCardiovascularOrRespiratoryDisease: true,
    hypertensiveEncephalopathyHistory: true,
    hypertension: 'untreated',
  },
  bloodPressure: { systolic: 190, diastolic: 110 },
  pregnancy: { pregnant: true, breastfeeding: true, preEclampsiaOrEclampsia: true },
  hepatic: { impairment: 'severe', baselineLiverTestsDone: false },
  neurological: { raisedIntracranialPressure: true, cerebralTrauma: true, raisedIntraocularPressure: true },
  other: { hypersensitivityToKetamine: true, hyperthyroidism: 'untreated', ulcerativeOrInterstitialCystitis: true },
  currentMedications: [{ name: 'lorazepam' }, { name: 'methylphenidate' }, { name: 'phenelzine' }, { name: 'lamotrigine' }, { name: 'carbamazepine' }, { name: 'sertraline' }, { name: 'unobtainium' }],
};

function eligibilityFindings(): Finding[] {
  const ctx = { route: 'iv' as const, jurisdiction: 'CA' as const, protocol: P, asOf: NOW };
  const esk = { ...ctx, route: 'esketamine_nasal' as const };
  const empty: EligibilityIntake = { ageYears: 40, diagnosis: { condition: 'mdd' }, antidepressantTrials: [], psychiatric: {}, substanceUse: {}, cardiovascular: {}, pregnancy: {}, hepatic: {}, neurological: {}, other: {}, currentMedications: [] };
  return [
    ...K.screenEligibility(EVERYTHING, ctx).findings,
    ...K.screenEligibility({ ...CLEAN_INTAKE, ageYears: 70, bloodPressure: { systolic: 160, diastolic: 80 }, hepatic: { impairment: 'moderate' }, substanceUse: { disorder: 'past', disorderLastActiveDate: '2020-01-01', ketamineOrPcpMisuse: 'none' }, currentMedications: [] }, { ...esk, jurisdiction: 'UK' }).findings,
    ...K.screenEligibility({ ...CLEAN_INTAKE, ageYears: 20 }, { ...esk, jurisdiction: 'US' }).findings,
    ...K.screenEligibility(empty, esk).findings,
  ];
}

function dosingFindings(): Finding[] {
  const ctx = { protocol: P };
  const strict = proto({ iv: { hardMaxMgPerKg: 1.2, capTotalMg: 50 }, sublingual: { softAlertAboveMg: 20 }, dosing: { weightBasis: 'adjusted' } });
  const hist = (dose: number, improvementPercent: number | null, tolerability: 'good' | 'poor'): K.TitrationSession[] => [1, 4, 8].map((d) => ({ date: `2025-01-0${d}`, dose, improvementPercent, tolerability }));
  return [
    ...K.calculateIvDose({ weightKg: -1, stockConcentrationMgPerMl: 10 }, ctx).findings,
    ...K.calculateIvDose({ weightKg: 120, stockConcentrationMgPerMl: 10 }, { protocol: strict }).findings,
    ...K.calculateIvDose({ weightKg: 120, heightCm: 170, sex: 'male', mgPerKg: 0.8, stockConcentrationMgPerMl: 10, durationMinutes: 1 }, { protocol: strict }).findings,
    ...K.calculateIvDose({ weightKg: 70, heightCm: 170, sex: 'female', mgPerKg: 1.3, stockConcentrationMgPerMl: 10 }, { protocol: strict }).findings,
    ...K.calculateIvDose({ weightKg: 83.3, mgPerKg: 0.05, stockConcentrationMgPerMl: 1 }, ctx).findings,
    ...K.calculateIvDose({ weightKg: 70, mgPerKg: 1.1, stockConcentrationMgPerMl: 10 }, ctx).findings,
    ...K.calculateIvDose({ weightKg: 70, stockConcentrationMgPerMl: 10, totalVolumeMl: 1 }, ctx).findings,
    ...K.calculateImDose({ weightKg: 70, mgPerKg: 0.6, stockConcentrationMgPerMl: 50 }, ctx).findings,
    ...K.calculateOralDose({ route: 'oral', doseMg: 400 }, ctx).findings,
    ...K.calculateOralDose({ route: 'sublingual', doseMg: 25 }, { protocol: strict }).findings,
    ...K.planEsketamineDose({ doseMg: 100, indication: 'trd', sessionNumber: 1, patientAgeYears: 40 }, ctx).findings,
    ...K.planEsketamineDose({ doseMg: 84, indication: 'trd', sessionNumber: 1, patientAgeYears: 40 }, ctx).findings,
    ...K.planEsketamineDose({ doseMg: 28, indication: 'mdsi', sessionNumber: 2, patientAgeYears: 40 }, ctx).findings,
    ...K.checkDeviceTimes(['2025-01-01T10:00:00Z', '2025-01-01T10:03:00Z'], P),
    ...K.suggestTitration(hist(0.5, 10, 'good'), { route: 'iv', protocol: P }).suggestions,
    ...K.suggestTitration(hist(0.75, 10, 'good'), { route: 'iv', protocol: P }).suggestions,
    ...K.suggestTitration(hist(84, 10, 'poor'), { route: 'esketamine_nasal', protocol: P, courseWeek: 4 }).suggestions,
  ];
}

function preDoseFindings(): Finding[] {
  const phq = K.scoreInstrument('phq9', { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, q8: 1, q9: 2 });
  const questionnaires = phq.ok ? [{ instrumentId: 'phq9' as const, completedAt: ago(60 * 24 * 10), result: phq.result }] : [];
  const bad: PreDoseInput = {
    bloodPressure: { systolic: 150, diastolic: 85 },
    lastFoodAt: ago(30),
    lastLiquidsAt: ago(10),
    nasalMedicationAt: ago(20),
    escortConfirmed: false,
    noDrivingAcknowledged: false,
    questionnaires,
    rems: { patientEnrolled: false, settingCertified: false, prescriberOnSite: false, pulseOximeterOnSite: false, concomitantMedicationsRecorded: false, monitoringForms: [{ sessionId: 'x', sessionDate: '2025-05-01' }] },
    consent: null,
    eligibilityApproved: false,
  };
  const p = proto({ predose: { questionnaireMaxAgeDays: 7, requiredInstruments: ['phq9', 'gad7'] } });
  return [
    ...K.evaluatePreDose(bad, { route: 'esketamine_nasal', jurisdiction: 'US', protocol: p, now: NOW, patientAgeYears: 40 }).findings,
    ...K.evaluatePreDose({ bloodPressure: { systolic: 190, diastolic: 100 } }, { route: 'iv', jurisdiction: 'US', protocol: P, now: NOW, patientAgeYears: 40 }).findings,
  ];
}

function vitalsFindings(): Finding[] {
  const rr = proto({ vitals: { respiratoryRateBelow: 8, respiratoryRateAbove: 24 } });
  const ctx = { route: 'iv' as const, protocol: rr, baseline: { systolic: 110, diastolic: 70 } };
  const ev = (r: K.VitalsReading, previous: K.VitalsReading[] = []): readonly Finding[] => K.evaluateVitals(r, { ...ctx, previous }).findings;
  return [
    ...ev({ systolic: 170, diastolic: 80, symptoms: ['severe_headache'] }),
    ...ev({ systolic: 200, diastolic: 100 }),
    ...ev({ systolic: 170, diastolic: 105 }, [{ systolic: 170, diastolic: 105 }]),
    ...ev({ heartRate: 120, spo2: 88, respiratoryRate: 6 }),
    ...ev({ heartRate: 40, respiratoryRate: 30 }),
    ...ev({ systolic: 50, diastolic: 60 }),
  ];
}

function sessionFindings(): Finding[] {
  const s = K.observationSchedule('esketamine_nasal', P, NOW);
  const missed = s.ok ? K.dueReadings(s.schedule, [], new Date(Date.parse(NOW) + 100 * 60_000).toISOString()).findings : [];
  const discharge = K.evaluateDischarge({ doseStartedAt: ago(60), padssTotals: [7], latestMoaas: 3, latestCadss: 10, respiratoryDepressionResolved: false, vitals: [{ systolic: 160, diastolic: 95 }] }, { route: 'iv', protocol: proto({ observation: { racemicMinMinutes: 120 } }), now: NOW, patientAgeYears: 40 });
  const noScore = K.evaluateDischarge({ doseStartedAt: ago(200) }, { route: 'iv', protocol: P, now: NOW, patientAgeYears: 40 });
  const rems = K.remsMonitoringForm(
    {
      patient: { firstName: 'A', lastName: 'B', dateOfBirth: '1980-01-01', sex: 'F' },
      firstTreatment: false,
      patientEnrolled: true,
      concomitantMedications: null,
      monitoringHcp: { name: 'Nurse' },
      setting: { name: 'Clinic' },
      treatmentDate: '2025-06-02',
      doseMg: 56,
      lotNumbers: [],
      firstDeviceAt: ago(90),
      monitoringEndedAt: NOW,
      readyToLeaveMinutes: null,
      vitalsAcceptableBeforeAdministration: true,
      vitalsAcceptableBeforeCompletion: true,
      bpReadings: [],
      sedation: false,
      dissociation: true,
      respiratoryDepression: false,
    },
    P,
  );
  return [
    ...missed,
    ...discharge.reasons,
    ...noScore.reasons,
    ...K.monitoringFormStatus([{ sessionId: 'a', sessionDate: '2025-05-01' }], '2025-06-01', P).findings,
    ...rems.findings,
    ...K.alertEscalation({ severity: 'block', raisedAt: ago(10) }, NOW, P).findings,
    ...K.checkAdverseEvent({ termId: 'respiratory_depression', severity: 'severe', outcome: 'resolved' }),
  ];
}

function courseFindings(): Finding[] {
  const base = { route: 'esketamine_nasal' as const, startDate: '2025-03-09', timeZone: 'America/New_York', openingDays: [0, 1, 3] as K.Weekday[], sessionTime: '02:30', protocol: P };
  const course = K.generateCourse(base);
  const sessions = course.ok ? course.sessions : [];
  const p = proto({ followUp: { liverTestsIntervalDays: 90 } });
  const follow = K.dueFollowUps({ route: 'iv', protocol: p, asOf: NOW, timeZone: 'UTC', lastDone: { liver_tests: '2025-01-01' }, sessionsSince: {} });
  const relapse = K.detectRelapse({ instrumentId: 'madrs', at: '2025-01-01T00:00:00Z', total: 30 }, [{ instrumentId: 'madrs', at: '2025-01-08T00:00:00Z', total: 10 }, { instrumentId: 'madrs', at: '2025-01-15T00:00:00Z', total: 25 }, { instrumentId: 'madrs', at: '2025-01-22T00:00:00Z', total: 25 }], [], '2025-01-02T00:00:00Z', P);
  return [
    ...course.findings,
    ...K.generateCourse({ ...base, timeZone: 'Nowhere/Zone' }).findings,
    ...K.generateCourse({ ...base, route: 'im' }).findings,
    ...K.checkTransition('signed', 'monitoring'),
    ...K.checkTransition('dosing', 'stopped_early'),
    ...K.checkSessionSpacing({ route: 'esketamine_nasal', protocol: P, date: '2025-06-03', otherDates: ['2025-06-02'] }),
    ...K.rescheduleAfterMissed({ ...base, sessions, missedIndex: 2, earliestDate: '2025-03-20' }).findings,
    ...follow.findings,
    ...relapse.findings,
  ];
}

/** Every finding from the battery. */
export function allScenarioFindings(): Finding[] {
  return [...instrumentFindings(), ...eligibilityFindings(), ...dosingFindings(), ...preDoseFindings(), ...vitalsFindings(), ...sessionFindings(), ...courseFindings()];
}
