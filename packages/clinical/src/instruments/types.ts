/** Instrument definitions as typed data: the web UI renders them, the server scores them (same definition). */
import type { Finding } from '../findings/rules.js';
import type { SourceRef } from '../findings/types.js';
import type { InstrumentId } from './ids.js';

export interface AnswerOption {
  readonly label: string;
  readonly score: number;
}

/** Branching condition expressed as data (C-SSRS skip logic). */
export type ShowIf =
  | { readonly itemId: string; readonly equals: number | boolean }
  | { readonly all: readonly ShowIf[] }
  | { readonly any: readonly ShowIf[] };

export interface InstrumentItem {
  readonly id: string;
  /** Short name (always present). */
  readonly name: string;
  /** Full wording — only where the instrument may be reproduced. */
  readonly text?: string;
  readonly options: readonly AnswerOption[];
  /** Yes/no item: booleans are accepted (true = "Yes"). */
  readonly yesNo?: boolean;
  /** Counted in the total. */
  readonly scored: boolean;
  /** Must be answered when shown. */
  readonly required: boolean;
  readonly showIf?: ShowIf;
  /** Domain for domain-scored instruments (QIDS-SR16). */
  readonly domain?: string;
}

export interface Band {
  readonly min: number;
  readonly max: number;
  readonly key: string;
  readonly label: string;
}

/** Remission cut-off as the reference states it; the protocol setting decides which applies. */
export interface RemissionCutoff {
  readonly comparator: '<' | '<=';
  readonly value: number;
  readonly setting: string;
}

export type ScoringMethod = 'sum' | 'domains' | 'single' | 'cssrs_triage' | 'count_yes';

export interface InstrumentDefinition {
  readonly id: InstrumentId;
  readonly version: string;
  readonly title: string;
  readonly kind: 'patient' | 'clinician';
  readonly recallPeriod: string | null;
  readonly instructions?: string;
  readonly items: readonly InstrumentItem[];
  readonly scoring: ScoringMethod;
  /** Total range; `null` when there is no total (C-SSRS). */
  readonly scoreRange: { readonly min: number; readonly max: number } | null;
  readonly bands: readonly Band[];
  readonly cutoffs: {
    readonly remission?: RemissionCutoff;
    /** Response = this % reduction from baseline (outcome rules read the protocol setting). */
    readonly responseReductionPercent?: number;
    readonly furtherEvaluationAtOrAbove?: number;
    readonly dischargeAtOrAbove?: number;
  };
  readonly licence: { readonly note: string; readonly attribution?: string; readonly source?: SourceRef };
  readonly wordingReproduced: boolean;
  readonly source: SourceRef;
}

export type CssrsRiskLevel = 'none' | 'low' | 'moderate' | 'high';

/** Something that must happen because of a score. */
export interface FollowUp {
  readonly code:
    | 'CSSRS_SCREEN'
    | 'MENTAL_HEALTH_EVALUATION'
    | 'CRISIS_RESOURCES'
    | 'FURTHER_EVALUATION'
    | 'URINALYSIS_AND_PRESCRIBER_REVIEW'
    | 'PRESCRIBER_MISUSE_REVIEW'
    | 'SEDATION_MONITORING';
  readonly instrumentId?: InstrumentId;
  readonly requiredBeforeDosing: boolean;
  readonly timing: 'immediately' | 'same_day' | 'before_next_dose' | 'next_visit';
  readonly description: string;
  readonly source: SourceRef;
}

export interface InstrumentResult {
  readonly instrumentId: InstrumentId;
  readonly version: string;
  /** `null` for instruments without a total (C-SSRS). */
  readonly total: number | null;
  readonly band: Band | null;
  readonly itemScores: Readonly<Record<string, number>>;
  readonly domainScores?: Readonly<Record<string, number>>;
  readonly subscores?: Readonly<Record<string, number>>;
  readonly riskLevel?: CssrsRiskLevel;
  /** Items treated as not applicable by protocol (PADSS adaptation), scored as full marks. */
  readonly notApplicableItems: readonly string[];
  readonly flags: readonly Finding[];
  readonly followUp: readonly FollowUp[];
}
