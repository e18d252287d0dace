import type { EligibilityIntake } from '@ketapath/clinical';
import { ageOn } from '../patients/presenters';
import type { IntakeData } from './schema';

export interface PatientFacts {
  readonly dateOfBirth: string;
  readonly sexAtBirth: string;
  readonly weightKg: number | null;
  readonly heightCm: number | null;
}

/** Assemble the clinical core's input from the intake and the patient record (pure). */
export function toEligibilityIntake(data: IntakeData, patient: PatientFacts, today: string): EligibilityIntake {
  return {
    ageYears: ageOn(patient.dateOfBirth, today),
    ...(patient.sexAtBirth === 'female' || patient.sexAtBirth === 'male' ? { sex: patient.sexAtBirth } : {}),
    ...(patient.weightKg === null ? {} : { weightKg: patient.weightKg }),
    ...(patient.heightCm === null ? {} : { heightCm: patient.heightCm }),
    diagnosis: { condition: data.diagnosis.condition ?? 'other', ...strip({ episode: data.diagnosis.episode, psychoticFeatures: data.diagnosis.psychoticFeatures, icd10: data.diagnosis.icd10 }) },
    antidepressantTrials: data.antidepressantTrials.map((t) => strip(t) as EligibilityIntake['antidepressantTrials'][number]),
    psychiatric: strip(data.psychiatric),
    substanceUse: strip(data.substanceUse),
    cardiovascular: strip(data.cardiovascular),
    ...(data.bloodPressure === undefined ? {} : { bloodPressure: data.bloodPressure }),
    pregnancy: strip(data.pregnancy),
    hepatic: strip(data.hepatic),
    neurological: strip(data.neurological),
    other: strip(data.other),
    currentMedications: data.currentMedications.map((m) => strip(m) as EligibilityIntake['currentMedications'][number]),
  };
}

/** Drop undefined members (the clinical core treats a missing key as "not assessed"). */
function strip<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
