import type { Finding } from '@ketapath/clinical';
import { describe, expect, it } from 'vitest';
import { validateDecision } from './decide';

const f = (code: string, severity: Finding['severity'], field?: string): Finding =>
  ({ code, severity, message: code, ...(field === undefined ? {} : { field }), source: { id: 's', citation: 'c' } }) as unknown as Finding;
const reason = 'Discussed with patient; benefit outweighs risk.';

describe('eligibility decision rules', () => {
  const clean = { findings: [f('RACEMIC_OFF_LABEL', 'info')], outcome: 'no_blocking_findings' as const };
  const override = { findings: [f('PSYCHOSIS_HISTORY', 'override', 'psychiatric.psychosisHistory'), f('X', 'warn')], outcome: 'needs_override' as const };
  const blocked = { findings: [f('CI_ANEURYSMAL_VASCULAR_DISEASE', 'block')], outcome: 'blocked' as const };

  it.each([
    ['plain approval of a clean screening', clean, 'approved', [], undefined, []],
    ['plain approval when an override is needed', override, 'approved', [], undefined, ['OVERRIDE_REQUIRED']],
    ['override approval without a reason', override, 'approved_with_override', [], undefined, ['PSYCHOSIS_HISTORY']],
    ['override approval with a short reason', override, 'approved_with_override', [{ code: 'PSYCHOSIS_HISTORY', field: 'psychiatric.psychosisHistory', reason: 'ok' }], undefined, ['PSYCHOSIS_HISTORY']],
    ['override approval with a reason', override, 'approved_with_override', [{ code: 'PSYCHOSIS_HISTORY', field: 'psychiatric.psychosisHistory', reason }], undefined, []],
    ['override approval with a reason for the wrong finding', override, 'approved_with_override', [{ code: 'PSYCHOSIS_HISTORY', field: 'psychiatric.psychosisHistory', reason }, { code: 'X', reason }], undefined, ['UNKNOWN_OVERRIDE']],
    ['override approval of a clean screening', clean, 'approved_with_override', [], undefined, ['NO_OVERRIDE_NEEDED']],
    ['any approval of a blocked screening', blocked, 'approved_with_override', [{ code: 'CI_ANEURYSMAL_VASCULAR_DISEASE', reason }], undefined, ['BLOCKED']],
    ['decline without a reason', blocked, 'declined', [], '', ['REASON_REQUIRED']],
    ['decline with a reason', blocked, 'declined', [], 'Aneurysm: esketamine contraindicated.', []],
  ] as const)('%s', (_label, screening, decision, overrides, notes, codes) => {
    expect(validateDecision(screening, decision, overrides, notes).map((i) => i.code)).toEqual(codes);
  });
});
