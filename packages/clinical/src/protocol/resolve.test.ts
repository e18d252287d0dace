import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_PROTOCOL } from './defaults.js';
import { resolveProtocol } from './resolve.js';
import { getSetting, leafPaths, PROTOCOL_SETTINGS, SETTING_KEYS, SETTINGS_NEEDING_CONFIRMATION, valueAtPath } from './settings.js';

describe('resolveProtocol', () => {
  it('returns the defaults for no overrides, listing every unconfirmed setting as in use', () => {
    for (const input of [undefined, null, {}]) {
      const r = resolveProtocol(input);
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.protocol).toEqual(DEFAULT_PROTOCOL);
        expect(r.unconfirmedInUse).toEqual(SETTINGS_NEEDING_CONFIRMATION);
      }
    }
  });

  it('merges nested overrides and removes them from unconfirmedInUse', () => {
    const r = resolveProtocol({ iv: { hardMaxMgPerKg: 1.5 }, schedule: { minSpacingDays: { iv: 2 } }, discharge: { padssNotApplicableItems: ['surgical_bleeding', 'intake_output'] } });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.protocol.iv.hardMaxMgPerKg).toBe(1.5);
      expect(r.protocol.iv.defaultMgPerKg).toBe(0.5);
      expect(r.protocol.schedule.minSpacingDays.iv).toBe(2);
      expect(r.protocol.schedule.minSpacingDays.esketamine_nasal).toBe(3);
      expect(r.protocol.discharge.padssNotApplicableItems).toEqual(['surgical_bleeding', 'intake_output']);
      expect(r.unconfirmedInUse).not.toContain('iv.hardMaxMgPerKg');
      expect(r.unconfirmedInUse).toContain('iv.capTotalMg');
    }
    expect(DEFAULT_PROTOCOL.iv.hardMaxMgPerKg).toBeNull();
  });

  it.each([
    [{ foo: 1 }, 'UNKNOWN_SETTING', 'foo'],
    [{ iv: { nope: 1 } }, 'UNKNOWN_SETTING', 'iv.nope'],
    [{ iv: 3 }, 'INVALID_VALUE', 'iv'],
    [[], 'INVALID_VALUE', '(root)'],
    [{ iv: { defaultMgPerKg: 'x' } }, 'INVALID_VALUE', 'iv.defaultMgPerKg'],
    [{ iv: { defaultMgPerKg: -1 } }, 'INVALID_VALUE', 'iv.defaultMgPerKg'],
    [{ iv: { defaultMgPerKg: null } }, 'INVALID_VALUE', 'iv.defaultMgPerKg'],
    [{ iv: { infusionMinutes: 40.5 } }, 'INVALID_VALUE', 'iv.infusionMinutes'],
    [{ bp: { blockAppliesToEsketamine: 'yes' } }, 'INVALID_VALUE', 'bp.blockAppliesToEsketamine'],
    [{ dosing: { weightBasis: 'lean' } }, 'INVALID_VALUE', 'dosing.weightBasis'],
    [{ discharge: { scoreRequiredRoutes: ['iv', 'iv'] } }, 'INVALID_VALUE', 'discharge.scoreRequiredRoutes'],
    [{ discharge: { scoreRequiredRoutes: ['rectal'] } }, 'INVALID_VALUE', 'discharge.scoreRequiredRoutes'],
    [{ esketamine: { allowedDosesMg: [] } }, 'INVALID_VALUE', 'esketamine.allowedDosesMg'],
    [{ esketamine: { allowedDosesMg: [28, 'x'] } }, 'INVALID_VALUE', 'esketamine.allowedDosesMg'],
  ])('rejects %j with %s at %s', (input, code, itemId) => {
    const r = resolveProtocol(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toContainEqual(expect.objectContaining({ code, itemId }));
    }
  });

  it.each([
    [{ vitals: { heartRateBelow: 120 } }, 'vitals.heartRateAbove'],
    [{ vitals: { respiratoryRateBelow: 30, respiratoryRateAbove: 10 } }, 'vitals.respiratoryRateAbove'],
    [{ iv: { softAlertAboveMgPerKg: 1.2 } }, 'iv.overrideAboveMgPerKg'],
    [{ iv: { hardMaxMgPerKg: 0.8 } }, 'iv.hardMaxMgPerKg'],
    [{ im: { hardMaxMgPerKg: 0.2 } }, 'im.hardMaxMgPerKg'],
    [{ iv: { minInfusionMinutes: 200 } }, 'iv.maxInfusionMinutes'],
    [{ bp: { esketaminePredoseSystolicMaxOlder: 130 } }, 'bp.esketaminePredoseSystolicMaxOlder'],
    [{ outcomes: { partialResponseMinReductionPercent: 60 } }, 'outcomes.responseReductionPercent'],
    [{ esketamine: { allowedDosesMg: [28, 50] } }, 'esketamine.allowedDosesMg'],
    [{ esketamine: { startDoseMg: 112 } }, 'esketamine.startDoseMg'],
  ])('rejects inconsistent settings %j', (input, itemId) => {
    const r = resolveProtocol(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.itemId)).toContain(itemId);
    }
  });

  it('accepts re-submitting every default value (property)', () => {
    fc.assert(
      fc.property(fc.subarray([...SETTING_KEYS]), (keys) => {
        const overrides: Record<string, unknown> = {};
        for (const key of keys) {
          const parts = key.split('.');
          let node = overrides;
          for (const part of parts.slice(0, -1)) {
            node[part] ??= {};
            node = node[part] as Record<string, unknown>;
          }
          node[parts[parts.length - 1] ?? key] = getSetting(DEFAULT_PROTOCOL, key);
        }
        const r = resolveProtocol(overrides);
        return r.ok && r.unconfirmedInUse.every((k) => !keys.includes(k)) && JSON.stringify(r.protocol) === JSON.stringify(DEFAULT_PROTOCOL);
      }),
      { numRuns: 50 },
    );
  });

  it('helpers walk paths', () => {
    expect(leafPaths(5)).toEqual([]);
    expect(valueAtPath(DEFAULT_PROTOCOL, 'iv.nope.deeper')).toBeUndefined();
    expect(PROTOCOL_SETTINGS['iv.defaultMgPerKg'].key).toBe('iv.defaultMgPerKg');
  });
});
