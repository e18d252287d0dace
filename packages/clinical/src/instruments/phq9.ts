/** PHQ-9 — free to reproduce (Pfizer 2010); full wording included with attribution. */
import { SOURCES } from '../findings/sources.js';
import { FREQUENCY_0_3, item } from './common.js';
import type { InstrumentDefinition } from './types.js';

const ITEMS: readonly [string, string, string][] = [
  ['q1', 'Interest or pleasure', 'Little interest or pleasure in doing things'],
  ['q2', 'Feeling down', 'Feeling down, depressed, or hopeless'],
  ['q3', 'Sleep', 'Trouble falling or staying asleep, or sleeping too much'],
  ['q4', 'Energy', 'Feeling tired or having little energy'],
  ['q5', 'Appetite', 'Poor appetite or overeating'],
  ['q6', 'Self-view', 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down'],
  ['q7', 'Concentration', 'Trouble concentrating on things, such as reading the newspaper or watching television'],
  ['q8', 'Psychomotor', 'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual'],
  ['q9', 'Thoughts of death or self-harm', 'Thoughts that you would be better off dead or of hurting yourself in some way'],
];

export const PHQ9: InstrumentDefinition = {
  id: 'phq9',
  version: 'PHQ-9 (Kroenke, Spitzer, Williams 2001)',
  title: 'Patient Health Questionnaire (PHQ-9)',
  kind: 'patient',
  recallPeriod: 'past 2 weeks',
  instructions: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  items: [
    ...ITEMS.map(([id, name, text]) => item(id, name, FREQUENCY_0_3, { text })),
    item(
      'q10',
      'Functional difficulty (not scored)',
      [
        { label: 'Not difficult at all', score: 0 },
        { label: 'Somewhat difficult', score: 1 },
        { label: 'Very difficult', score: 2 },
        { label: 'Extremely difficult', score: 3 },
      ],
      {
        text: 'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
        scored: false,
        required: false,
      },
    ),
  ],
  scoring: 'sum',
  scoreRange: { min: 0, max: 27 },
  bands: [
    { min: 0, max: 4, key: 'minimal', label: 'Minimal' },
    { min: 5, max: 9, key: 'mild', label: 'Mild' },
    { min: 10, max: 14, key: 'moderate', label: 'Moderate' },
    { min: 15, max: 19, key: 'moderately_severe', label: 'Moderately severe' },
    { min: 20, max: 27, key: 'severe', label: 'Severe' },
  ],
  cutoffs: {
    remission: { comparator: '<', value: 5, setting: 'outcomes.remissionPhq9Below' },
    responseReductionPercent: 50,
  },
  licence: {
    note: 'Free to use without copyright restriction or charge (Pfizer, 2010). Keep the attribution.',
    attribution: 'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc.',
    source: SOURCES.phq_gad_licence,
  },
  wordingReproduced: true,
  source: SOURCES.phq9,
};
