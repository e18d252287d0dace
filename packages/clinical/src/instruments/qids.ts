/** QIDS-SR16 — licence UNCONFIRMED, so item names only; domain scoring per Rush 2003. */
import { SOURCES } from '../findings/sources.js';
import { item, numericOptions } from './common.js';
import type { InstrumentDefinition } from './types.js';

const O = numericOptions(0, 3);

const ITEMS: readonly [string, string, string][] = [
  ['q1', 'Falling asleep', 'sleep'],
  ['q2', 'Sleep during the night', 'sleep'],
  ['q3', 'Waking up too early', 'sleep'],
  ['q4', 'Sleeping too much', 'sleep'],
  ['q5', 'Feeling sad', 'sad_mood'],
  ['q6', 'Decreased appetite', 'appetite_weight'],
  ['q7', 'Increased appetite', 'appetite_weight'],
  ['q8', 'Decreased weight (past two weeks)', 'appetite_weight'],
  ['q9', 'Increased weight (past two weeks)', 'appetite_weight'],
  ['q10', 'Concentration / decision making', 'concentration'],
  ['q11', 'View of myself', 'self_view'],
  ['q12', 'Thoughts of death or suicide', 'suicidal_ideation'],
  ['q13', 'General interest', 'interest'],
  ['q14', 'Energy level', 'energy'],
  ['q15', 'Feeling slowed down', 'psychomotor'],
  ['q16', 'Feeling restless', 'psychomotor'],
];

/** The 9 DSM domains, in scoring order; each scores the highest item within it. */
export const QIDS_DOMAINS: readonly string[] = [
  'sleep',
  'sad_mood',
  'appetite_weight',
  'concentration',
  'self_view',
  'suicidal_ideation',
  'interest',
  'energy',
  'psychomotor',
];

export const QIDS_SR16: InstrumentDefinition = {
  id: 'qids_sr16',
  version: 'QIDS-SR16 (Rush et al. 2003)',
  title: 'Quick Inventory of Depressive Symptomatology, self-report (QIDS-SR16)',
  kind: 'patient',
  recallPeriod: 'past 7 days',
  instructions: 'Enter the item scores (0–3) from the official QIDS-SR16 form.',
  items: ITEMS.map(([id, name, domain]) => item(id, name, O, { domain })),
  scoring: 'domains',
  scoreRange: { min: 0, max: 27 },
  bands: [
    { min: 0, max: 5, key: 'none', label: 'None' },
    { min: 6, max: 10, key: 'mild', label: 'Mild' },
    { min: 11, max: 15, key: 'moderate', label: 'Moderate' },
    { min: 16, max: 20, key: 'severe', label: 'Severe' },
    { min: 21, max: 27, key: 'very_severe', label: 'Very severe' },
  ],
  cutoffs: {
    remission: { comparator: '<=', value: 5, setting: 'outcomes.remissionQidsAtOrBelow' },
    responseReductionPercent: 50,
  },
  licence: { note: 'A third-party site says free for clinical and research use; not confirmed from ids-qids.org terms (UNCONFIRMED). Item wording not reproduced.' },
  wordingReproduced: false,
  source: SOURCES.qids,
};
