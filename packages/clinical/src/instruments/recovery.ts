/** Sedation and discharge scales: MOAA/S, PADSS (with ketamine adaptation), modified Aldrete. */
import { SOURCES } from '../findings/sources.js';
import { item } from './common.js';
import type { AnswerOption, InstrumentDefinition } from './types.js';

export const MOAAS: InstrumentDefinition = {
  id: 'moaas',
  version: 'MOAA/S 0–5 (table used in esketamine trials)',
  title: 'Modified Observer\'s Assessment of Alertness/Sedation',
  kind: 'clinician',
  recallPeriod: 'now',
  items: [
    item('score', 'Responsiveness', [
      { label: 'No response to painful trapezius squeeze', score: 0 },
      { label: 'Responds only after painful trapezius squeeze', score: 1 },
      { label: 'Responds only after mild prodding or shaking', score: 2 },
      { label: 'Responds only after name is called loudly and/or repeatedly', score: 3 },
      { label: 'Lethargic response to name spoken in normal tone', score: 4 },
      { label: 'Responds readily to name spoken in normal tone (alert)', score: 5 },
    ]),
  ],
  scoring: 'single',
  scoreRange: { min: 0, max: 5 },
  bands: [
    { min: 0, max: 0, key: 'unresponsive', label: 'Loss of consciousness' },
    { min: 1, max: 3, key: 'moderate_or_deeper', label: 'Moderate or deeper sedation' },
    { min: 4, max: 4, key: 'mild', label: 'Mild sedation' },
    { min: 5, max: 5, key: 'alert', label: 'Alert' },
  ],
  cutoffs: { dischargeAtOrAbove: 5 },
  licence: { note: 'Observer scale; anchors from the published table. A 1–6 variant exists (CONFLICT); the 0–5 version is used.' },
  wordingReproduced: false,
  source: SOURCES.moaas,
};

const ZERO_TO_TWO = (two: string, one: string, zero: string): readonly AnswerOption[] => [
  { label: zero, score: 0 },
  { label: one, score: 1 },
  { label: two, score: 2 },
];

export const PADSS: InstrumentDefinition = {
  id: 'padss',
  version: 'PADSS (Chung); ketamine adaptation per protocol setting discharge.padssNotApplicableItems',
  title: 'Post-Anaesthetic Discharge Scoring System',
  kind: 'clinician',
  recallPeriod: 'now',
  instructions: 'Items the clinic marks not applicable (by default surgical bleeding) are scored 2 automatically.',
  items: [
    item('vital_signs', 'Vital signs (BP, HR, RR, temperature)', ZERO_TO_TWO('Within 20% of pre-procedure', '20–40% of pre-procedure', 'More than 40% from pre-procedure')),
    item('activity_mental_status', 'Activity and mental status', ZERO_TO_TWO('Oriented ×3 and steady gait', 'Oriented ×3 or steady gait', 'Neither')),
    item('pain_nausea_vomiting', 'Pain, nausea/vomiting', ZERO_TO_TWO('Minimal', 'Moderate, needed treatment', 'Severe, needs treatment')),
    item('surgical_bleeding', 'Surgical bleeding (not applicable to ketamine sessions by default)', ZERO_TO_TWO('Minimal', 'Moderate', 'Severe')),
    item('intake_output', 'Intake and output', ZERO_TO_TWO('Oral fluids and voided', 'One of them', 'Neither')),
  ],
  scoring: 'sum',
  scoreRange: { min: 0, max: 10 },
  bands: [
    { min: 0, max: 8, key: 'not_fit', label: 'Not yet fit for discharge' },
    { min: 9, max: 10, key: 'fit', label: 'Fit for discharge (with a competent adult escort)' },
  ],
  cutoffs: { dischargeAtOrAbove: 9 },
  licence: { note: 'Published scoring system (Chung). Not ketamine-specific; the surgical-bleeding item needs a clinic adaptation (open question).' },
  wordingReproduced: false,
  source: SOURCES.padss,
};

export const ALDRETE: InstrumentDefinition = {
  id: 'aldrete',
  version: 'Modified Aldrete (1995)',
  title: 'Modified Aldrete score',
  kind: 'clinician',
  recallPeriod: 'now',
  items: [
    item('activity', 'Activity', ZERO_TO_TWO('Moves 4 limbs', 'Moves 2 limbs', 'None')),
    item('respiration', 'Respiration', ZERO_TO_TWO('Breathes deeply, coughs freely', 'Dyspnoea or limited breathing', 'Apnoea')),
    item('circulation', 'Circulation', ZERO_TO_TWO('BP within ±20% of pre-anaesthetic', 'BP ±20–49%', 'BP ±50% or more')),
    item('consciousness', 'Consciousness', ZERO_TO_TWO('Fully awake', 'Arousable on calling', 'Not responding')),
    item('spo2', 'Oxygen saturation', ZERO_TO_TWO('>92% on room air', 'Needs O2 to keep >90%', '<90% even with O2')),
  ],
  scoring: 'sum',
  scoreRange: { min: 0, max: 10 },
  bands: [
    { min: 0, max: 8, key: 'not_fit', label: 'Not yet fit to leave' },
    { min: 9, max: 10, key: 'fit', label: 'Fit to leave' },
  ],
  cutoffs: { dischargeAtOrAbove: 9 },
  licence: { note: 'Published scoring system (Aldrete 1995).' },
  wordingReproduced: false,
  source: SOURCES.aldrete,
};
