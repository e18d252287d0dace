/** Structured intake for eligibility screening. `undefined` on a safety item means "not assessed". */
import type { LocalDate } from '../time/local-date.js';
import type { MedicationClass } from './medications.js';

export interface AntidepressantTrial {
  readonly drug: string;
  /** Overrides the class looked up from `drug`. */
  readonly drugClass?: MedicationClass;
  /** Free-text dose as documented (e.g. "150 mg/day"). */
  readonly dose?: string;
  /**
   * Clinician's judgement that the dose was adequate. The reference has no per-drug minimum-dose table
   * (ATRQ table UNCONFIRMED), so adequacy of dose is an input, not computed.
   */
  readonly doseAdequate?: boolean;
  readonly durationWeeks?: number;
  readonly adherence?: 'adequate' | 'poor' | 'unknown';
  /** Symptom improvement on the trial, percent (preferred over `response`). */
  readonly improvementPercent?: number;
  readonly response?: 'nonresponse' | 'partial' | 'response' | 'remission' | 'intolerance' | 'unknown';
  readonly inCurrentEpisode?: boolean;
}

export interface CurrentMedication {
  readonly name: string;
  /** Benzodiazepine dose as diazepam equivalents, when known (conversion is the prescriber's). */
  readonly diazepamEquivalentMgPerDay?: number;
}

export type HistoryStatus = 'none' | 'current' | 'past';

export interface EligibilityIntake {
  readonly ageYears: number;
  readonly sex?: 'female' | 'male';
  readonly weightKg?: number;
  readonly heightCm?: number;
  readonly diagnosis: {
    readonly condition: 'mdd' | 'bipolar_depression' | 'other';
    readonly episode?: 'single' | 'recurrent';
    readonly psychoticFeatures?: boolean;
    readonly icd10?: string;
  };
  readonly antidepressantTrials: readonly AntidepressantTrial[];
  readonly psychiatric: {
    readonly psychosisHistory?: boolean;
    readonly psychosisCurrent?: boolean;
    readonly maniaOrBipolarHistory?: boolean;
  };
  readonly substanceUse: {
    /** Substance use disorder incl. alcohol. */
    readonly disorder?: HistoryStatus;
    readonly disorderLastActiveDate?: LocalDate;
    readonly ketamineOrPcpMisuse?: HistoryStatus;
    readonly ketamineOrPcpLastUseDate?: LocalDate;
  };
  readonly cardiovascular: {
    readonly aneurysmalVascularDisease?: boolean;
    readonly arteriovenousMalformation?: boolean;
    readonly intracerebralHaemorrhage?: boolean;
    readonly cerebrovascularAccident?: boolean;
    readonly severeCoronaryOrMyocardialDisease?: boolean;
    readonly otherCardiovascularDisease?: boolean;
    readonly unstableCardiovascularOrRespiratoryDisease?: boolean;
    readonly hypertensiveEncephalopathyHistory?: boolean;
    readonly hypertension?: 'none' | 'controlled' | 'uncontrolled' | 'untreated';
  };
  /** Resting blood pressure at intake. */
  readonly bloodPressure?: { readonly systolic: number; readonly diastolic: number };
  readonly pregnancy: {
    readonly pregnant?: boolean;
    readonly breastfeeding?: boolean;
    readonly preEclampsiaOrEclampsia?: boolean;
  };
  readonly hepatic: {
    /** Child-Pugh: mild = A, moderate = B, severe = C. */
    readonly impairment?: 'none' | 'mild' | 'moderate' | 'severe';
    readonly baselineLiverTestsDone?: boolean;
  };
  readonly neurological: {
    readonly raisedIntracranialPressure?: boolean;
    readonly cerebralTrauma?: boolean;
    readonly raisedIntraocularPressure?: boolean;
  };
  readonly other: {
    readonly hypersensitivityToKetamine?: boolean;
    readonly hyperthyroidism?: 'none' | 'treated' | 'untreated';
    readonly ulcerativeOrInterstitialCystitis?: boolean;
  };
  readonly currentMedications: readonly CurrentMedication[];
}
