/**
 * C-SSRS screener. Commercial-embedding terms are UNCONFIRMED (contact the Columbia Lighthouse Project), so items
 * carry the reference's short descriptions, not the official wording. Skip logic is data (`showIf`).
 */
import { SOURCES } from '../findings/sources.js';
import { yesNoItem } from './common.js';
import type { InstrumentDefinition } from './types.js';

const Q2_YES = { itemId: 'q2', equals: true } as const;

export const CSSRS_SCREENER: InstrumentDefinition = {
  id: 'cssrs_screener',
  version: 'C-SSRS Screener (Posner et al. 2011); triage per Columbia guidelines with colour-coded variant',
  title: 'Columbia-Suicide Severity Rating Scale — screener',
  kind: 'patient',
  recallPeriod: 'ideation: past month; behaviour: lifetime and past 3 months',
  instructions: 'Use the official C-SSRS screener wording (licensed separately). Q3–Q5 are asked only if Q2 is "yes".',
  items: [
    yesNoItem('q1', 'Wish to be dead', 'Past month: wish to be dead'),
    yesNoItem('q2', 'Non-specific active suicidal thoughts', 'Past month: non-specific active suicidal thoughts'),
    yesNoItem('q3', 'Suicidal thoughts with method', 'Past month: active suicidal thoughts with a method (no plan or intent)', { showIf: Q2_YES }),
    yesNoItem('q4', 'Suicidal intent without specific plan', 'Past month: suicidal intent without a specific plan', { showIf: Q2_YES }),
    yesNoItem('q5', 'Suicidal intent with specific plan', 'Past month: suicidal intent with a specific plan', { showIf: Q2_YES }),
    yesNoItem('q6', 'Suicidal behaviour (lifetime)', 'Lifetime: any suicidal behaviour (preparatory acts, aborted/interrupted or actual attempt)'),
    yesNoItem('q6_recent', 'Suicidal behaviour in past 3 months', 'Was the suicidal behaviour within the past 3 months?', { showIf: { itemId: 'q6', equals: true } }),
  ],
  scoring: 'cssrs_triage',
  scoreRange: null,
  bands: [],
  cutoffs: {},
  licence: { note: 'Freely available for community/clinical use; terms for embedding in commercial software UNCONFIRMED — contact the Columbia Lighthouse Project before shipping. Official wording not reproduced.' },
  wordingReproduced: false,
  source: SOURCES.cssrs,
};
