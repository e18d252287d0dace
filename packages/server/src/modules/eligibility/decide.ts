import type { Finding, GateOutcome } from '@ketapath/clinical';
import type { FieldIssue } from '../../http/errors';

export type Decision = 'approved' | 'approved_with_override' | 'declined';

export interface OverrideReason {
  readonly code: string;
  readonly field?: string | undefined;
  readonly reason: string;
}

export const MIN_OVERRIDE_REASON = 10;

export function findingKey(f: { code: string; field?: string | undefined }): string {
  return `${f.code}|${f.field ?? ''}`;
}

/**
 * Whether a prescriber's decision fits the screening (pure):
 * - `approved` only when nothing needs an override and nothing blocks;
 * - `approved_with_override` only when findings need an override, each with a written reason;
 * - nothing blocked can be approved; `declined` is always possible, with a reason.
 */
export function validateDecision(
  screening: { readonly findings: readonly Finding[]; readonly outcome: GateOutcome },
  decision: Decision,
  overrides: readonly OverrideReason[],
  notes: string | undefined,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (decision === 'declined') {
    if (notes === undefined || notes.trim().length < 3) {
      issues.push({ path: 'body.notes', message: 'Write why the patient is not eligible.', code: 'REASON_REQUIRED' });
    }
    return issues;
  }
  if (screening.outcome === 'blocked') {
    const blocks = screening.findings.filter((f) => f.severity === 'block').map((f) => f.code);
    issues.push({ path: 'body.decision', message: `Cannot approve: ${blocks.join(', ')} stop treatment on this route.`, code: 'BLOCKED' });
    return issues;
  }
  const needOverride = screening.findings.filter((f) => f.severity === 'override');
  if (decision === 'approved' && needOverride.length > 0) {
    issues.push({ path: 'body.decision', message: 'Some findings need a documented reason: approve with override.', code: 'OVERRIDE_REQUIRED' });
    return issues;
  }
  if (decision === 'approved_with_override' && needOverride.length === 0) {
    issues.push({ path: 'body.decision', message: 'No finding needs an override: approve without one.', code: 'NO_OVERRIDE_NEEDED' });
    return issues;
  }
  const given = new Map(overrides.map((o) => [findingKey(o), o.reason.trim()]));
  needOverride.forEach((f, i) => {
    const reason = given.get(findingKey(f));
    if (reason === undefined || reason.length < MIN_OVERRIDE_REASON) {
      issues.push({ path: `body.overrides.${i}`, message: `Write the reason for proceeding despite ${f.code} (at least ${MIN_OVERRIDE_REASON} characters).`, code: f.code });
    }
  });
  const expected = new Set(needOverride.map(findingKey));
  for (const o of overrides) {
    if (!expected.has(findingKey(o))) {
      issues.push({ path: 'body.overrides', message: `${o.code} is not a finding that needs an override.`, code: 'UNKNOWN_OVERRIDE' });
    }
  }
  return issues;
}
