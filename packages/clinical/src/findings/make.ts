/** Builds findings from the registry so code, default severity and source always agree. */
import { RULES, type Finding, type RuleCode } from './rules.js';
import type { Severity, SourceRef } from './types.js';

export interface FindingExtra {
  readonly field?: string;
  readonly value?: number | string | boolean;
  readonly limit?: number | string;
  readonly action?: string;
  /** Use when the rule documents a context-dependent severity. */
  readonly severity?: Severity;
  /** Use when the rule documents a context-dependent source (e.g. esketamine label vs racemic label). */
  readonly source?: SourceRef;
}

/** A finding for `code` with the registry's severity and source unless overridden. */
export function finding(code: RuleCode, message: string, extra: FindingExtra = {}): Finding {
  const rule = RULES[code];
  const out: {
    code: RuleCode;
    severity: Severity;
    message: string;
    field?: string;
    value?: number | string | boolean;
    limit?: number | string;
    action?: string;
    source: SourceRef;
  } = { code, severity: extra.severity ?? rule.severity, message, source: extra.source ?? rule.source };
  if (extra.field !== undefined) {
    out.field = extra.field;
  }
  if (extra.value !== undefined) {
    out.value = extra.value;
  }
  if (extra.limit !== undefined) {
    out.limit = extra.limit;
  }
  if (extra.action !== undefined) {
    out.action = extra.action;
  }
  return out;
}
