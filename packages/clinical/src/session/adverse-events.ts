/**
 * Adverse-event terms (from the reference's adverse-reaction tables) and emergency events, with the response
 * the reference gives. Recording is descriptive: severity and outcome words are the clinician's judgement.
 */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import { SOURCES } from '../findings/sources.js';
import type { SourceRef } from '../findings/types.js';

export interface AdverseEventTerm {
  readonly id: string;
  readonly label: string;
  /** Emergency events need the response given and are reported on the REMS form where it applies. */
  readonly emergency: boolean;
  /** Which REMS Patient Monitoring Form question the event answers, if any. */
  readonly remsItem?: 'sedation' | 'dissociation' | 'respiratory_depression';
  /** What the reference says to do, when it says something. */
  readonly response?: string;
  readonly source: SourceRef;
}

const ae = (id: string, label: string, extra: Partial<Omit<AdverseEventTerm, 'id' | 'label'>> = {}): AdverseEventTerm => ({ id, label, emergency: false, source: SOURCES.adverse_events, ...extra });

/** Terms in the order a nurse meets them most often (TRANSFORM-1 / community cohort frequencies), emergencies last. */
export const ADVERSE_EVENT_TERMS: readonly AdverseEventTerm[] = [
  ae('dissociation', 'Dissociation', { remsItem: 'dissociation' }),
  ae('nausea', 'Nausea'),
  ae('dizziness', 'Dizziness'),
  ae('vertigo', 'Vertigo'),
  ae('headache', 'Headache'),
  ae('somnolence', 'Somnolence / drowsiness'),
  ae('sedation', 'Sedation', { remsItem: 'sedation', source: SOURCES.moaas }),
  ae('dysgeusia', 'Taste disturbance (dysgeusia)'),
  ae('hypoaesthesia', 'Numbness (hypoaesthesia, incl. oral)'),
  ae('paraesthesia', 'Tingling (paraesthesia)'),
  ae('vomiting', 'Vomiting'),
  ae('blurred_vision', 'Blurred vision'),
  ae('fatigue', 'Fatigue'),
  ae('anxiety', 'Anxiety'),
  ae('blood_pressure_increased', 'Blood pressure increased'),
  ae('lethargy', 'Lethargy'),
  ae('feeling_drunk', 'Feeling drunk'),
  ae('pollakiuria', 'Passing urine often (pollakiuria)'),
  ae('emergence_reaction', 'Emergence reaction (vivid dreams, confusion, agitation)'),
  ae('other', 'Other (describe)'),
  ae('hypertensive_crisis', 'Hypertensive crisis (high BP with chest pain, shortness of breath, severe headache, visual disturbance, seizure, reduced consciousness or focal deficit)', {
    emergency: true,
    response: 'Emergency care now (label 5.6): stop dosing, call for the prescriber, follow the clinic emergency procedure.',
    source: SOURCES.spravato_bp_emergency,
  }),
  ae('respiratory_depression', 'Respiratory depression', {
    emergency: true,
    remsItem: 'respiratory_depression',
    response: 'Stop dosing; support breathing and oxygenation per the clinic emergency procedure; keep monitoring with pulse oximetry until resolved.',
    source: SOURCES.respiratory_depression,
  }),
  ae('loss_of_consciousness', 'Loss of consciousness (MOAA/S 0)', {
    emergency: true,
    remsItem: 'sedation',
    response: 'Stop dosing; airway and breathing per the clinic emergency procedure; monitor until MOAA/S is back to baseline.',
    source: SOURCES.moaas,
  }),
];

export const ADVERSE_EVENT_SEVERITIES = ['mild', 'moderate', 'severe', 'life_threatening'] as const;
export type AdverseEventSeverity = (typeof ADVERSE_EVENT_SEVERITIES)[number];

export const ADVERSE_EVENT_OUTCOMES = ['resolved', 'resolving', 'ongoing_at_discharge', 'transferred_for_care', 'unknown'] as const;
export type AdverseEventOutcome = (typeof ADVERSE_EVENT_OUTCOMES)[number];

export function adverseEventTerm(id: string): AdverseEventTerm | undefined {
  return ADVERSE_EVENT_TERMS.find((t) => t.id === id);
}

export interface AdverseEventRecord {
  readonly termId: string;
  readonly otherText?: string;
  readonly severity: AdverseEventSeverity;
  readonly actionTaken?: string;
  readonly responseGiven?: string;
  readonly outcome: AdverseEventOutcome;
}

/** What is missing from an adverse-event record (an emergency must say what was done). */
export function checkAdverseEvent(record: AdverseEventRecord): Finding[] {
  const term = adverseEventTerm(record.termId);
  if (term === undefined) {
    return [finding('ADVERSE_EVENT_INCOMPLETE', `Unknown adverse-event term "${record.termId}".`, { field: 'termId', value: record.termId })];
  }
  const out: Finding[] = [];
  if (term.id === 'other' && (record.otherText ?? '').trim().length < 2) {
    out.push(finding('ADVERSE_EVENT_INCOMPLETE', 'Describe the event.', { field: 'otherText' }));
  }
  if (term.emergency && (record.responseGiven ?? '').trim().length < 3) {
    out.push(finding('ADVERSE_EVENT_INCOMPLETE', `${term.label.split(' (')[0] ?? term.label} is an emergency event: record the response given.`, { field: 'responseGiven', ...(term.response === undefined ? {} : { action: term.response }), source: term.source }));
  }
  return out;
}
