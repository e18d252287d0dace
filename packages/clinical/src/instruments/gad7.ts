/** GAD-7 — free to reproduce (Pfizer 2010); full wording included with attribution. */
import { SOURCES } from '../findings/sources.js';
import { FREQUENCY_0_3, item } from './common.js';
import type { InstrumentDefinition } from './types.js';

const ITEMS: readonly [string, string, string][] = [
  ['q1', 'Nervous', 'Feeling nervous, anxious, or on edge'],
  ['q2', 'Uncontrolled worry', 'Not being able to stop or control worrying'],
  ['q3', 'Worrying too much', 'Worrying too much about different things'],
  ['q4', 'Trouble relaxing', 'Trouble relaxing'],
  ['q5', 'Restless', 'Being so restless that it is hard to sit still'],
  ['q6', 'Irritable', 'Becoming easily annoyed or irritable'],
  ['q7', 'Afraid', 'Feeling afraid, as if something awful might happen'],
];

export const GAD7: InstrumentDefinition = {
  id: 'gad7',
  version: 'GAD-7 (Spitzer et al. 2006)',
  title: 'Generalized Anxiety Disorder scale (GAD-7)',
  kind: 'patient',
  recallPeriod: 'past 2 weeks',
  instructions: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  items: ITEMS.map(([id, name, text]) => item(id, name, FREQUENCY_0_3, { text })),
  scoring: 'sum',
  scoreRange: { min: 0, max: 21 },
  bands: [
    { min: 0, max: 4, key: 'minimal', label: 'Minimal' },
    { min: 5, max: 9, key: 'mild', label: 'Mild' },
    { min: 10, max: 14, key: 'moderate', label: 'Moderate' },
    { min: 15, max: 21, key: 'severe', label: 'Severe' },
  ],
  cutoffs: { furtherEvaluationAtOrAbove: 10 },
  licence: {
    note: 'Free to use without copyright restriction or charge (Pfizer, 2010). Keep the attribution.',
    attribution: 'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc.',
    source: SOURCES.phq_gad_licence,
  },
  wordingReproduced: true,
  source: SOURCES.gad7,
};
