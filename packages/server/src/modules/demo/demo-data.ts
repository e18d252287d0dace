/** Synthetic people and histories for the demo clinic. Every name is invented. */
export const DEMO_INTAKE = {
  diagnosis: { condition: 'mdd', episode: 'recurrent', psychoticFeatures: false },
  antidepressantTrials: [
    { drug: 'sertraline', dose: '150 mg/day', doseAdequate: true, durationWeeks: 12, adherence: 'adequate', improvementPercent: 15, inCurrentEpisode: true },
    { drug: 'venlafaxine', dose: '225 mg/day', doseAdequate: true, durationWeeks: 8, adherence: 'adequate', improvementPercent: 20, inCurrentEpisode: true },
    { drug: 'bupropion', dose: '300 mg/day', doseAdequate: true, durationWeeks: 6, adherence: 'adequate', improvementPercent: 10, inCurrentEpisode: true },
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
  bloodPressure: { systolic: 126, diastolic: 80 },
  pregnancy: { pregnant: false, breastfeeding: false, preEclampsiaOrEclampsia: false },
  hepatic: { impairment: 'none', baselineLiverTestsDone: true },
  neurological: { raisedIntracranialPressure: false, cerebralTrauma: false, raisedIntraocularPressure: false },
  other: { hypersensitivityToKetamine: false, hyperthyroidism: 'none', ulcerativeOrInterstitialCystitis: false },
  currentMedications: [{ name: 'venlafaxine' }],
};

export type Stage = 'registered' | 'intake_draft' | 'intake_submitted' | 'approved' | 'consent_signed' | 'planned' | 'booked' | 'declined';

export interface DemoPatient {
  readonly first: string;
  readonly last: string;
  readonly dob: string;
  readonly sex: 'female' | 'male';
  readonly weightKg: number;
  readonly heightCm: number;
  readonly phone: string;
  readonly route: 'iv' | 'esketamine_nasal' | 'im' | 'oral';
  readonly stage: Stage;
  readonly intake?: Record<string, unknown>;
}

export const DEMO_PATIENTS: readonly DemoPatient[] = [
  { first: 'Avery', last: 'Quinlan', dob: '1988-02-14', sex: 'female', weightKg: 64, heightCm: 165, phone: '555-0101', route: 'iv', stage: 'registered' },
  { first: 'Marcus', last: 'Delaney', dob: '1975-07-30', sex: 'male', weightKg: 88, heightCm: 180, phone: '555-0102', route: 'iv', stage: 'intake_draft' },
  { first: 'Priya', last: 'Raman', dob: '1992-11-03', sex: 'female', weightKg: 58, heightCm: 160, phone: '555-0103', route: 'esketamine_nasal', stage: 'intake_submitted' },
  { first: 'Tomás', last: 'Herrera', dob: '1969-05-21', sex: 'male', weightKg: 92, heightCm: 176, phone: '555-0104', route: 'iv', stage: 'approved', intake: { psychiatric: { psychosisHistory: true, psychosisCurrent: false, maniaOrBipolarHistory: false } } },
  { first: 'Hannah', last: 'Björk', dob: '1983-09-09', sex: 'female', weightKg: 70, heightCm: 172, phone: '555-0105', route: 'iv', stage: 'consent_signed' },
  { first: 'Kwame', last: 'Mensah', dob: '1979-01-17', sex: 'male', weightKg: 81, heightCm: 183, phone: '555-0106', route: 'iv', stage: 'planned' },
  { first: 'Lena', last: 'Sokolova', dob: '1986-04-02', sex: 'female', weightKg: 67, heightCm: 168, phone: '555-0107', route: 'iv', stage: 'booked' },
  { first: 'Robert', last: 'Achebe', dob: '1956-12-12', sex: 'male', weightKg: 79, heightCm: 175, phone: '555-0108', route: 'esketamine_nasal', stage: 'booked' },
  { first: 'Grace', last: 'Whitfield', dob: '1990-08-25', sex: 'female', weightKg: 61, heightCm: 163, phone: '555-0109', route: 'esketamine_nasal', stage: 'declined', intake: { cardiovascular: { aneurysmalVascularDisease: true, arteriovenousMalformation: false, intracerebralHaemorrhage: false, hypertension: 'controlled' } } },
];

export const DEMO_CHAIRS = ['Chair 1 (window)', 'Chair 2', 'Chair 3', 'Quiet room'];
