/** Instrument-specific flags and required follow-up (PHQ-9 item 9, C-SSRS triage, sedation, dissociation, screens). */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import { SOURCES } from '../findings/sources.js';
import type { ProtocolSettings } from '../protocol/types.js';
import type { CssrsRiskLevel, FollowUp, InstrumentDefinition } from './types.js';

export interface FlagInput {
  readonly def: InstrumentDefinition;
  readonly itemScores: Readonly<Record<string, number>>;
  readonly total: number | null;
  readonly riskLevel?: CssrsRiskLevel;
  readonly protocol: ProtocolSettings;
  readonly baselineTotal?: number;
}

export interface FlagOutput {
  readonly flags: Finding[];
  readonly followUp: FollowUp[];
}

const yes = (s: Readonly<Record<string, number>>, id: string): boolean => s[id] === 1;

/** C-SSRS risk level per Columbia triage plus the colour-coded variant. */
export function cssrsRiskLevel(s: Readonly<Record<string, number>>): CssrsRiskLevel {
  if (yes(s, 'q4') || yes(s, 'q5') || yes(s, 'q6_recent')) {
    return 'high';
  }
  if (yes(s, 'q3') || yes(s, 'q6')) {
    return 'moderate';
  }
  return yes(s, 'q1') || yes(s, 'q2') ? 'low' : 'none';
}

function cssrs(level: CssrsRiskLevel | undefined): FlagOutput {
  const src = SOURCES.cssrs_triage;
  const crisis: FollowUp = { code: 'CRISIS_RESOURCES', requiredBeforeDosing: false, timing: 'same_day', description: 'Give crisis resources and arrange outpatient mental-health referral.', source: src };
  switch (level) {
    case 'high':
      return {
        flags: [finding('CSSRS_HIGH_RISK', 'High suicide risk on the C-SSRS screen.', { value: 'high', action: 'Put safety precautions in place now. A mental-health professional must evaluate (possible hospitalisation) before any dose.' })],
        followUp: [{ code: 'MENTAL_HEALTH_EVALUATION', requiredBeforeDosing: true, timing: 'immediately', description: 'Mental-health professional evaluation for possible hospitalisation; keep safety precautions until then.', source: src }, crisis],
      };
    case 'moderate':
      return { flags: [finding('CSSRS_MODERATE_RISK', 'Moderate suicide risk on the C-SSRS screen.', { value: 'moderate', action: 'Tell the prescriber; arrange referral and give crisis resources.' })], followUp: [crisis] };
    case 'low':
      return { flags: [finding('CSSRS_LOW_RISK', 'Low suicide risk on the C-SSRS screen (wish to be dead or non-specific thoughts).', { value: 'low', action: 'Tell the prescriber; give crisis resources.' })], followUp: [crisis] };
    case 'none':
    case undefined:
      return { flags: [], followUp: [] };
  }
}

function phq9(s: Readonly<Record<string, number>>): FlagOutput {
  const q9 = s.q9 ?? 0;
  if (q9 === 0) {
    return { flags: [], followUp: [] };
  }
  return {
    flags: [finding('PHQ9_ITEM9_POSITIVE', 'The patient reported thoughts of being better off dead or of self-harm (PHQ-9 item 9).', { field: 'q9', value: q9, limit: 0, action: 'Do a C-SSRS screen today, before any dose.' })],
    followUp: [{ code: 'CSSRS_SCREEN', instrumentId: 'cssrs_screener', requiredBeforeDosing: true, timing: 'same_day', description: 'C-SSRS screen the same day, before dosing.', source: SOURCES.phq9_item9 }],
  };
}

function urinary(s: Readonly<Record<string, number>>): FlagOutput {
  const red = ['dysuria', 'haematuria', 'urgency'].filter((id) => yes(s, id));
  const other = ['frequency', 'suprapubic_pain'].filter((id) => yes(s, id));
  const followUp: FollowUp[] = [{ code: 'URINALYSIS_AND_PRESCRIBER_REVIEW', requiredBeforeDosing: false, timing: 'before_next_dose', description: 'Prescriber review; urinalysis if symptoms are present (clinic policy).', source: SOURCES.urinary_screen }];
  if (red.length > 0) {
    return { flags: [finding('URINARY_RED_FLAG_SYMPTOMS', `Bladder symptoms reported: ${red.join(', ')}.`, { value: red.join(','), action: 'Tell the prescriber today; urinalysis per clinic policy.' })], followUp };
  }
  if (other.length > 0) {
    return { flags: [finding('URINARY_SYMPTOMS_REPORTED', `Bladder symptoms reported: ${other.join(', ')}.`, { value: other.join(','), action: 'Note for the prescriber; urinalysis per clinic policy.' })], followUp };
  }
  return { flags: [], followUp: [] };
}

function misuse(s: Readonly<Record<string, number>>): FlagOutput {
  const flags: Finding[] = [];
  if (yes(s, 'nonprescribed_use')) {
    flags.push(finding('MISUSE_NONPRESCRIBED_USE', 'The patient reports using ketamine or a similar drug outside the clinic.', { field: 'nonprescribed_use', value: true, action: 'Prescriber to review before the next dose.' }));
  }
  const other = ['craving', 'dose_seeking', 'between_session_symptoms', 'withdrawal'].filter((id) => yes(s, id));
  if (other.length > 0) {
    flags.push(finding('MISUSE_INDICATORS_PRESENT', `Possible misuse indicators: ${other.join(', ')}.`, { value: other.join(','), action: 'Prescriber to review; monitor for abuse or dependence.' }));
  }
  const followUp: FollowUp[] = flags.length === 0 ? [] : [{ code: 'PRESCRIBER_MISUSE_REVIEW', requiredBeforeDosing: yes(s, 'nonprescribed_use'), timing: 'before_next_dose', description: 'Prescriber review of misuse risk.', source: SOURCES.misuse_check }];
  return { flags, followUp };
}

function moaas(total: number): FlagOutput {
  const monitor: FollowUp = { code: 'SEDATION_MONITORING', requiredBeforeDosing: false, timing: 'immediately', description: 'Continue observation with pulse oximetry until MOAA/S is back to 5.', source: SOURCES.moaas };
  if (total === 0) {
    return { flags: [finding('MOAAS_UNRESPONSIVE', 'No response to a painful stimulus (MOAA/S 0).', { value: 0, action: 'Emergency: check airway, breathing and SpO2 now and follow the clinic resuscitation procedure.' })], followUp: [monitor] };
  }
  if (total <= 3) {
    return { flags: [finding('MOAAS_MODERATE_SEDATION', `Moderate or deeper sedation (MOAA/S ${total}).`, { value: total, limit: 3, action: 'Stay with the patient; check breathing and SpO2; continue monitoring.' })], followUp: [monitor] };
  }
  return { flags: [], followUp: [] };
}

/** Flags and follow-up for a scored instrument. */
export function instrumentFlags(input: FlagInput): FlagOutput {
  const { def, itemScores, total } = input;
  switch (def.id) {
    case 'phq9':
      return phq9(itemScores);
    case 'gad7': {
      const cut = def.cutoffs.furtherEvaluationAtOrAbove;
      if (total !== null && cut !== undefined && total >= cut) {
        return {
          flags: [finding('GAD7_FURTHER_EVALUATION', `GAD-7 total ${total} (≥${cut}): further evaluation for anxiety.`, { value: total, limit: cut })],
          followUp: [{ code: 'FURTHER_EVALUATION', requiredBeforeDosing: false, timing: 'next_visit', description: 'Further evaluation for an anxiety disorder.', source: SOURCES.gad7 }],
        };
      }
      return { flags: [], followUp: [] };
    }
    case 'cssrs_screener':
      return cssrs(input.riskLevel);
    case 'cadss': {
      const limit = input.protocol.discharge.cadssMax;
      const rose = input.baselineTotal === undefined || (total ?? 0) > input.baselineTotal;
      if (total !== null && total > limit && rose) {
        return { flags: [finding('CADSS_DISSOCIATION_PRESENT', `Dissociation present (CADSS ${total}, limit ${limit}).`, { value: total, limit, action: 'Continue observation until dissociation resolves.' })], followUp: [] };
      }
      return { flags: [], followUp: [] };
    }
    case 'moaas':
      return moaas(total ?? 5);
    case 'urinary_screen':
      return urinary(itemScores);
    case 'misuse_check':
      return misuse(itemScores);
    case 'qids_sr16':
    case 'madrs':
    case 'cgi_s':
    case 'cgi_i':
    case 'padss':
    case 'aldrete':
      return { flags: [], followUp: [] };
  }
}
