/**
 * Shared result shapes. Every clinical judgement the package makes is a {@link Finding}:
 * structured, coded, sourced, never a bare string.
 */

/** How a finding constrains the workflow. */
export type Severity = 'block' | 'override' | 'warn' | 'info';

/** Order used to pick the most serious finding (higher = more serious). */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warn: 1, override: 2, block: 3 };

/** A pointer into the source catalogue (see `SOURCES`). */
export interface SourceRef {
  readonly id: string;
  readonly citation: string;
  readonly url?: string;
}

/** One rule result. `code` is a key of `RULES`; the generic keeps this file free of the registry import. */
export interface FindingOf<C extends string> {
  readonly code: C;
  readonly severity: Severity;
  /** Plain language a nurse understands. */
  readonly message: string;
  /** Dotted path into the input that triggered the finding. */
  readonly field?: string;
  readonly value?: number | string | boolean;
  readonly limit?: number | string;
  /** Recommended action, where the reference gives one. */
  readonly action?: string;
  readonly source: SourceRef;
}

/** A problem with the input itself (not a clinical judgement). */
export interface ValidationIssue {
  readonly code:
    | 'UNKNOWN_INSTRUMENT'
    | 'UNKNOWN_ITEM'
    | 'ANSWER_MISSING'
    | 'ANSWER_OUT_OF_RANGE'
    | 'ANSWER_WRONG_TYPE'
    | 'ANSWER_NOT_EXPECTED'
    | 'INVALID_VALUE'
    | 'UNKNOWN_SETTING'
    | 'INVALID_INPUT';
  /** Item id or dotted path. */
  readonly itemId: string;
  readonly message: string;
}

/** Highest severity among findings, or `null` when there are none. */
export function worstSeverity(findings: readonly { readonly severity: Severity }[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) {
    if (worst === null || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]) {
      worst = f.severity;
    }
  }
  return worst;
}

/** Gate outcome derived from findings: any block blocks; any override needs a prescriber's documented reason. */
export type GateOutcome = 'no_blocking_findings' | 'needs_override' | 'blocked';

export function gateOutcome(findings: readonly { readonly severity: Severity }[]): GateOutcome {
  const worst = worstSeverity(findings);
  if (worst === 'block') {
    return 'blocked';
  }
  return worst === 'override' ? 'needs_override' : 'no_blocking_findings';
}
