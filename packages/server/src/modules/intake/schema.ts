import { ROUTES } from '@ketapath/clinical';
import { z } from 'zod';

const yesNo = z.boolean().optional();
const history = z.enum(['none', 'current', 'past']).optional();
const localDate = z.iso.date().optional();

const MEDICATION_CLASSES = [
  'ssri', 'snri', 'tca', 'maoi', 'ndri', 'nassa', 'sari', 'multimodal_antidepressant', 'melatonergic_antidepressant', 'benzodiazepine', 'z_drug', 'opioid',
  'other_cns_depressant', 'psychostimulant', 'glutamate_release_inhibitor', 'cyp_inducer', 'cyp3a4_inhibitor', 'cyp2b6_inhibitor', 'antipsychotic', 'lithium',
  'antihypertensive', 'nasal_corticosteroid', 'nasal_decongestant', 'ketamine',
] as const;

export const AntidepressantTrialSchema = z.object({
  drug: z.string().trim().min(1, 'Enter the medicine').max(80),
  drugClass: z.enum(MEDICATION_CLASSES).optional(),
  dose: z.string().trim().max(60).optional(),
  doseAdequate: yesNo,
  durationWeeks: z.number().min(0).max(520).optional(),
  adherence: z.enum(['adequate', 'poor', 'unknown']).optional(),
  improvementPercent: z.number().min(-100).max(100).optional(),
  response: z.enum(['nonresponse', 'partial', 'response', 'remission', 'intolerance', 'unknown']).optional(),
  inCurrentEpisode: yesNo,
});

/**
 * The intake as staff fill it in: every item of the clinical core's EligibilityIntake except age,
 * sex, weight and height, which come from the patient record at screening time. Everything is
 * optional in a draft; an unanswered safety item is screened as "not assessed".
 */
export const IntakeDataSchema = z.object({
  diagnosis: z
    .object({
      condition: z.enum(['mdd', 'bipolar_depression', 'other']).optional(),
      episode: z.enum(['single', 'recurrent']).optional(),
      psychoticFeatures: yesNo,
      icd10: z.string().trim().max(12).optional(),
    })
    .default({}),
  antidepressantTrials: z.array(AntidepressantTrialSchema).max(30).default([]),
  psychiatric: z.object({ psychosisHistory: yesNo, psychosisCurrent: yesNo, maniaOrBipolarHistory: yesNo }).default({}),
  substanceUse: z.object({ disorder: history, disorderLastActiveDate: localDate, ketamineOrPcpMisuse: history, ketamineOrPcpLastUseDate: localDate }).default({}),
  cardiovascular: z
    .object({
      aneurysmalVascularDisease: yesNo,
      arteriovenousMalformation: yesNo,
      intracerebralHaemorrhage: yesNo,
      cerebrovascularAccident: yesNo,
      severeCoronaryOrMyocardialDisease: yesNo,
      otherCardiovascularDisease: yesNo,
      unstableCardiovascularOrRespiratoryDisease: yesNo,
      hypertensiveEncephalopathyHistory: yesNo,
      hypertension: z.enum(['none', 'controlled', 'uncontrolled', 'untreated']).optional(),
    })
    .default({}),
  bloodPressure: z.object({ systolic: z.number().int().min(50).max(300), diastolic: z.number().int().min(20).max(200) }).optional(),
  pregnancy: z.object({ pregnant: yesNo, breastfeeding: yesNo, preEclampsiaOrEclampsia: yesNo }).default({}),
  hepatic: z.object({ impairment: z.enum(['none', 'mild', 'moderate', 'severe']).optional(), baselineLiverTestsDone: yesNo }).default({}),
  neurological: z.object({ raisedIntracranialPressure: yesNo, cerebralTrauma: yesNo, raisedIntraocularPressure: yesNo }).default({}),
  other: z.object({ hypersensitivityToKetamine: yesNo, hyperthyroidism: z.enum(['none', 'treated', 'untreated']).optional(), ulcerativeOrInterstitialCystitis: yesNo }).default({}),
  currentMedications: z.array(z.object({ name: z.string().trim().min(1).max(120), diazepamEquivalentMgPerDay: z.number().min(0).max(500).optional() })).max(60).default([]),
  notes: z.string().trim().max(4000).optional(),
});
export type IntakeData = z.infer<typeof IntakeDataSchema>;

export const RouteSchema = z.enum(ROUTES);
