/**
 * Treatment-resistance summary: counts adequate failed antidepressant trials (and distinct classes) using the
 * protocol's adequacy definition (minimum weeks, nonresponse cut-off, current episode).
 */
import { SOURCES } from '../findings/sources.js';
import type { SourceRef } from '../findings/types.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { ANTIDEPRESSANT_CLASSES, classifyMedication, type MedicationClass } from './medications.js';
import type { AntidepressantTrial } from './types.js';

export interface TrialAssessment {
  readonly index: number;
  readonly drug: string;
  readonly antidepressantClass: MedicationClass | null;
  /** Dose, duration, adherence and episode criteria met; `null` when something needed is undocumented. */
  readonly adequate: boolean | null;
  /** Nonresponse by the protocol cut-off; `null` when response is undocumented. */
  readonly failed: boolean | null;
  /** Counted towards treatment resistance (adequate and failed). */
  readonly counts: boolean;
  readonly reasons: readonly string[];
}

export interface TreatmentResistanceSummary {
  readonly adequateFailedTrials: number;
  readonly distinctClasses: number;
  readonly classesCounted: readonly MedicationClass[];
  readonly meetsTrd: boolean;
  readonly definition: {
    readonly minFailedTrials: number;
    readonly countBy: 'trials' | 'distinct_classes';
    readonly minTrialWeeks: number;
    readonly nonresponse: string;
    readonly requireCurrentEpisode: boolean;
    readonly doseAdequacy: string;
    readonly source: SourceRef;
  };
  readonly trials: readonly TrialAssessment[];
}

function antidepressantClass(trial: AntidepressantTrial): MedicationClass | null {
  if (trial.drugClass !== undefined) {
    return ANTIDEPRESSANT_CLASSES.includes(trial.drugClass) ? trial.drugClass : null;
  }
  const match = classifyMedication(trial.drug);
  return match?.classes.find((c) => ANTIDEPRESSANT_CLASSES.includes(c)) ?? null;
}

function isNonresponse(trial: AntidepressantTrial, p: ProtocolSettings, reasons: string[]): boolean | null {
  const cut = p.trd.nonresponseBelowPercent;
  const incl = p.trd.nonresponseInclusive;
  const comparator = incl ? '≤' : '<';
  if (trial.improvementPercent !== undefined && Number.isFinite(trial.improvementPercent)) {
    const failed = incl ? trial.improvementPercent <= cut : trial.improvementPercent < cut;
    reasons.push(`${trial.improvementPercent}% improvement ${failed ? comparator : 'not ' + comparator} ${cut}%`);
    return failed;
  }
  switch (trial.response) {
    case 'nonresponse':
      reasons.push('documented nonresponse');
      return true;
    case 'partial': {
      // Partial response spans [partialMin, response) — it is a failure only if that whole range is nonresponse.
      const failed = incl ? p.outcomes.responseReductionPercent - 1 <= cut : p.outcomes.responseReductionPercent <= cut;
      reasons.push(failed ? `partial response counts as nonresponse (cut-off ${comparator} ${cut}%)` : `partial response is not nonresponse at ${comparator} ${cut}%`);
      return failed;
    }
    case 'response':
    case 'remission':
      reasons.push(`documented ${trial.response}`);
      return false;
    case 'intolerance':
      reasons.push('stopped for intolerance — not a failure of an adequate trial');
      return false;
    case 'unknown':
    case undefined:
      reasons.push('response not documented');
      return null;
  }
}

function isAdequate(trial: AntidepressantTrial, p: ProtocolSettings, reasons: string[]): boolean | null {
  let unknown = false;
  let inadequate = false;
  if (trial.doseAdequate === false) {
    inadequate = true;
    reasons.push('dose not adequate');
  } else if (trial.doseAdequate === undefined) {
    unknown = true;
    reasons.push('dose adequacy not documented');
  }
  if (trial.durationWeeks === undefined || !Number.isFinite(trial.durationWeeks)) {
    unknown = true;
    reasons.push('duration not documented');
  } else if (trial.durationWeeks < p.trd.minTrialWeeks) {
    inadequate = true;
    reasons.push(`${trial.durationWeeks} weeks < minimum ${p.trd.minTrialWeeks} weeks`);
  }
  if (trial.adherence === 'poor') {
    inadequate = true;
    reasons.push('poor adherence');
  } else if (trial.adherence !== 'adequate') {
    unknown = true;
    reasons.push('adherence not documented');
  }
  if (p.trd.requireCurrentEpisode && trial.inCurrentEpisode !== true) {
    if (trial.inCurrentEpisode === false) {
      inadequate = true;
      reasons.push('not in the current episode');
    } else {
      unknown = true;
      reasons.push('episode not documented');
    }
  }
  if (inadequate) {
    return false;
  }
  return unknown ? null : true;
}

/** Assess each trial and summarise treatment resistance. */
export function assessTreatmentResistance(trials: readonly AntidepressantTrial[], protocol: ProtocolSettings): TreatmentResistanceSummary {
  const assessed: TrialAssessment[] = trials.map((trial, index) => {
    const reasons: string[] = [];
    const cls = antidepressantClass(trial);
    if (cls === null) {
      reasons.push('not recognised as an antidepressant — not counted');
    }
    const adequate = isAdequate(trial, protocol, reasons);
    const failed = isNonresponse(trial, protocol, reasons);
    return { index, drug: trial.drug, antidepressantClass: cls, adequate, failed, counts: cls !== null && adequate === true && failed === true, reasons };
  });
  const counted = assessed.filter((t) => t.counts);
  const classes = [...new Set(counted.map((t) => t.antidepressantClass).filter((c): c is MedicationClass => c !== null))];
  const measure = protocol.trd.countBy === 'trials' ? counted.length : classes.length;
  return {
    adequateFailedTrials: counted.length,
    distinctClasses: classes.length,
    classesCounted: classes,
    meetsTrd: measure >= protocol.trd.minFailedTrials,
    definition: {
      minFailedTrials: protocol.trd.minFailedTrials,
      countBy: protocol.trd.countBy,
      minTrialWeeks: protocol.trd.minTrialWeeks,
      nonresponse: `improvement ${protocol.trd.nonresponseInclusive ? '≤' : '<'} ${protocol.trd.nonresponseBelowPercent}%`,
      requireCurrentEpisode: protocol.trd.requireCurrentEpisode,
      doseAdequacy: 'clinician judgement (no per-drug minimum-dose table in the reference)',
      source: SOURCES.trd_consensus,
    },
    trials: assessed,
  };
}
