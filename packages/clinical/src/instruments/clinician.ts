/** Clinician-rated depression, dissociation and global scales: MADRS, CADSS, CGI-S, CGI-I. */
import { SOURCES } from '../findings/sources.js';
import { item, numericOptions } from './common.js';
import type { InstrumentDefinition } from './types.js';

const MADRS_ITEMS: readonly [string, string][] = [
  ['apparent_sadness', 'Apparent sadness'],
  ['reported_sadness', 'Reported sadness'],
  ['inner_tension', 'Inner tension'],
  ['reduced_sleep', 'Reduced sleep'],
  ['reduced_appetite', 'Reduced appetite'],
  ['concentration', 'Concentration difficulties'],
  ['lassitude', 'Lassitude'],
  ['inability_to_feel', 'Inability to feel'],
  ['pessimistic_thoughts', 'Pessimistic thoughts'],
  ['suicidal_thoughts', 'Suicidal thoughts'],
];

export const MADRS: InstrumentDefinition = {
  id: 'madrs',
  version: 'MADRS (Montgomery & Åsberg 1979)',
  title: 'Montgomery–Åsberg Depression Rating Scale',
  kind: 'clinician',
  recallPeriod: null,
  instructions: 'Rate each item 0–6 using the anchors of the licensed form.',
  items: MADRS_ITEMS.map(([id, name]) => item(id, name, numericOptions(0, 6))),
  scoring: 'sum',
  scoreRange: { min: 0, max: 60 },
  bands: [
    { min: 0, max: 6, key: 'normal', label: 'Absent / normal' },
    { min: 7, max: 19, key: 'mild', label: 'Mild' },
    { min: 20, max: 34, key: 'moderate', label: 'Moderate' },
    { min: 35, max: 60, key: 'severe', label: 'Severe' },
  ],
  cutoffs: {
    remission: { comparator: '<=', value: 10, setting: 'outcomes.remissionMadrsAtOrBelow' },
    responseReductionPercent: 50,
  },
  licence: { note: 'German version listed as licence required; English licence holder/terms UNCONFIRMED. Item anchors not reproduced.' },
  wordingReproduced: false,
  source: SOURCES.madrs,
};

/** CADSS-6 short form item numbers (Rodrigues 2021). */
export const CADSS6_ITEMS: readonly string[] = ['q1', 'q2', 'q6', 'q7', 'q15', 'q22'];

export const CADSS: InstrumentDefinition = {
  id: 'cadss',
  version: 'CADSS 23-item (Bremner et al. 1998)',
  title: 'Clinician-Administered Dissociative States Scale',
  kind: 'clinician',
  recallPeriod: 'now (during/after the session)',
  instructions: 'Enter item scores 0–4 from the licensed CADSS form.',
  items: Array.from({ length: 23 }, (_, i) => item(`q${i + 1}`, `CADSS item ${i + 1}`, numericOptions(0, 4))),
  scoring: 'sum',
  scoreRange: { min: 0, max: 92 },
  bands: [
    { min: 0, max: 4, key: 'not_dissociated', label: 'At or below the dissociation limit (4)' },
    { min: 5, max: 92, key: 'dissociation', label: 'Above the dissociation limit' },
  ],
  cutoffs: {},
  licence: { note: 'Licence UNCONFIRMED. Item wording not reproduced. Range 0–92 computed from 23 × 4 (UNCONFIRMED as a published statement).' },
  wordingReproduced: false,
  source: SOURCES.cadss,
};

const CGI_S_LABELS = [
  'Normal, not at all ill',
  'Borderline mentally ill',
  'Mildly ill',
  'Moderately ill',
  'Markedly ill',
  'Severely ill',
  'Among the most extremely ill',
];
const CGI_I_LABELS = [
  'Very much improved',
  'Much improved',
  'Minimally improved',
  'No change',
  'Minimally worse',
  'Much worse',
  'Very much worse',
];

function cgi(id: 'cgi_s' | 'cgi_i', title: string, labels: readonly string[]): InstrumentDefinition {
  return {
    id,
    version: 'CGI (Guy 1976, ECDEU)',
    title,
    kind: 'clinician',
    recallPeriod: id === 'cgi_s' ? 'now' : 'compared with baseline',
    items: [item('score', title, labels.map((label, i) => ({ label, score: i + 1 })))],
    scoring: 'single',
    scoreRange: { min: 1, max: 7 },
    bands: labels.map((label, i) => ({ min: i + 1, max: i + 1, key: String(i + 1), label })),
    cutoffs: {},
    licence: { note: 'Public-domain NIMH ECDEU instrument — UNCONFIRMED. Anchors are the short published labels.' },
    wordingReproduced: false,
    source: SOURCES.cgi,
  };
}

export const CGI_S: InstrumentDefinition = cgi('cgi_s', 'Clinical Global Impression — Severity', CGI_S_LABELS);
export const CGI_I: InstrumentDefinition = cgi('cgi_i', 'Clinical Global Impression — Improvement', CGI_I_LABELS);
