/** Test fixtures (imported by *.test.ts only). */
import type { EligibilityIntake } from '../eligibility/types.js';

export const CLEAN_INTAKE: EligibilityIntake = {
  ageYears: 40,
  sex: 'female',
  weightKg: 70,
  heightCm: 170,
  diagnosis: { condition: 'mdd', episode: 'recurrent', psychoticFeatures: false },
  antidepressantTrials: [
    { drug: 'sertraline', doseAdequate: true, durationWeeks: 8, adherence: 'adequate', improvementPercent: 10, inCurrentEpisode: true },
    { drug: 'venlafaxine XR', doseAdequate: true, durationWeeks: 8, adherence: 'adequate', response: 'nonresponse', inCurrentEpisode: true },
  ],
  psychiatric: { psychosisHistory: false, psychosisCurrent: false, maniaOrBipolarHistory: false },
  substanceUse: { disorder: 'none', ketamineOrPcpMisuse: 'none' },
  cardiovascular: {
    aneurysmalVascularDisease: false,
    arteriovenousMalformation: false,
    intracerebralHaemorrhage: false,
    cerebrovascularAccident: false,
    severeCoronaryOrMyocardialDisease: false,
    otherCardiovascularDisease: false,
    unstableCardiovascularOrRespiratoryDisease: false,
    hypertensiveEncephalopathyHistory: false,
    hypertension: 'none',
  },
  bloodPressure: { systolic: 120, diastolic: 80 },
  pregnancy: { pregnant: false, breastfeeding: false, preEclampsiaOrEclampsia: false },
  hepatic: { impairment: 'none', baselineLiverTestsDone: true },
  neurological: { raisedIntracranialPressure: false, cerebralTrauma: false, raisedIntraocularPressure: false },
  other: { hypersensitivityToKetamine: false, hyperthyroidism: 'none', ulcerativeOrInterstitialCystitis: false },
  currentMedications: [{ name: 'Sertraline 100 mg' }],
};
