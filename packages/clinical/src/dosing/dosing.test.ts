import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_PROTOCOL } from '../protocol/defaults.js';
import { resolveProtocol } from '../protocol/resolve.js';
import type { ProtocolSettings } from '../protocol/types.js';
import { adjustedBodyWeightKg, bmi, dosingWeight, idealBodyWeightKg } from './body-weight.js';
import { calculateImDose } from './im.js';
import { calculateIvDose } from './iv.js';
import { calculateOralDose } from './oral.js';
import { floorToStep, roundToStep } from './types.js';

const proto = (o: unknown): ProtocolSettings => {
  const r = resolveProtocol(o);
  if (!r.ok) {
    throw new Error(JSON.stringify(r.issues));
  }
  return r.protocol;
};
const ctx = { protocol: DEFAULT_PROTOCOL };

describe('IV dose: 0.5 mg/kg over 40 min by default', () => {
  it('works a 70 kg example end to end', () => {
    const r = calculateIvDose({ weightKg: 70, stockConcentrationMgPerMl: 10, totalVolumeMl: 50 }, ctx);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.dose).toMatchObject({ mgPerKg: 0.5, durationMinutes: 40, calculatedMg: 35, doseMg: 35, drawnVolumeMl: 3.5, diluentMl: 46.5, totalVolumeMl: 50, pumpRateMlPerHour: 75, weightBasis: 'actual' });
      expect(r.findings).toEqual([]);
      expect(r.dose.working.join('\n')).toMatch(/0\.5 mg\/kg × 70 kg = 35 mg[\s\S]*3\.5 mL[\s\S]*75 mL\/h/);
    }
  });

  it('undiluted syringe: total = drawn volume, rate from drawn volume', () => {
    const r = calculateIvDose({ weightKg: 80, stockConcentrationMgPerMl: 10 }, ctx);
    expect(r.ok && r.dose).toMatchObject({ drawnVolumeMl: 4, diluentMl: 0, totalVolumeMl: 4, pumpRateMlPerHour: 6 });
  });

  it('rounds the drawn volume to the nearest 0.1 mL and reports the difference', () => {
    const r = calculateIvDose({ weightKg: 83.3, stockConcentrationMgPerMl: 10, totalVolumeMl: 100 }, ctx);
    expect(r.ok && r.dose).toMatchObject({ calculatedMg: 41.65, drawnVolumeMl: 4.2, doseMg: 42, diluentMl: 95.8, pumpRateMlPerHour: 150 });
    expect(r.findings.map((f) => f.code)).toEqual(['DOSE_ROUNDED']);
  });

  it.each([
    [0.09, ['IV_DOSE_BELOW_STUDIED']],
    [0.1, []],
    [0.75, []],
    [0.76, ['IV_DOSE_ABOVE_COMMON_EVIDENCE']],
    [1.0, ['IV_DOSE_ABOVE_COMMON_EVIDENCE']],
    [1.01, ['IV_DOSE_ABOVE_RCT_RANGE']],
  ])('%d mg/kg → %j', (mgPerKg, codes) => {
    const r = calculateIvDose({ weightKg: 100, mgPerKg, stockConcentrationMgPerMl: 1 }, ctx);
    expect(r.findings.map((f) => f.code)).toEqual(codes);
    expect(r.ok).toBe(true);
  });

  it.each([
    [1.5, true],
    [1.51, false],
  ])('hard maximum 1.5 mg/kg: %d → ok %s', (mgPerKg, ok) => {
    const r = calculateIvDose({ weightKg: 100, mgPerKg, stockConcentrationMgPerMl: 1 }, { protocol: proto({ iv: { hardMaxMgPerKg: 1.5 } }) });
    expect(r.ok).toBe(ok);
    if (!ok) {
      expect(r.findings).toEqual([expect.objectContaining({ code: 'DOSE_ABOVE_HARD_MAXIMUM', severity: 'block', limit: 1.5 })]);
    }
  });

  it.each([
    [1, ['IV_DURATION_OUTSIDE_REPORTED']],
    [2, []],
    [100, []],
    [101, ['IV_DURATION_OUTSIDE_REPORTED']],
  ])('duration %i min → %j (reported safe 2–100)', (durationMinutes, codes) => {
    expect(calculateIvDose({ weightKg: 100, durationMinutes, stockConcentrationMgPerMl: 1 }, ctx).findings.map((f) => f.code)).toEqual(codes);
  });

  it('caps the total dose when the protocol sets a cap', () => {
    const r = calculateIvDose({ weightKg: 150, stockConcentrationMgPerMl: 10 }, { protocol: proto({ iv: { capTotalMg: 60 } }) });
    expect(r.ok && r.dose).toMatchObject({ calculatedMg: 75, doseMg: 60 });
    expect(r.findings.map((f) => f.code)).toEqual(['DOSE_CAPPED']);
  });

  it.each([
    [{ weightKg: 0, stockConcentrationMgPerMl: 10 }, 'DOSE_INPUT_INVALID'],
    [{ weightKg: Number.NaN, stockConcentrationMgPerMl: 10 }, 'DOSE_INPUT_INVALID'],
    [{ weightKg: 70, stockConcentrationMgPerMl: -1 }, 'DOSE_INPUT_INVALID'],
    [{ weightKg: 70, stockConcentrationMgPerMl: 10, durationMinutes: 0 }, 'DOSE_INPUT_INVALID'],
    [{ weightKg: 70, stockConcentrationMgPerMl: 10, totalVolumeMl: 2 }, 'IV_VOLUME_EXCEEDS_TOTAL'],
    [{ weightKg: 1, mgPerKg: 0.01, stockConcentrationMgPerMl: 100 }, 'DOSE_INPUT_INVALID'],
  ])('refuses %j with %s', (input, code) => {
    const r = calculateIvDose(input, ctx);
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.code)).toContain(code);
  });

  it('applies the default total volume from the protocol', () => {
    expect(calculateIvDose({ weightKg: 70, stockConcentrationMgPerMl: 10 }, { protocol: proto({ iv: { defaultTotalVolumeMl: 100 } }) }).ok).toBe(true);
  });
});

describe('weight basis (unconfirmed setting)', () => {
  it('computes BMI, Devine IBW and adjusted weight', () => {
    expect(bmi(100, 200)).toBe(25);
    expect(idealBodyWeightKg(152.4, 'male')).toBeCloseTo(50, 6);
    expect(idealBodyWeightKg(152.4 + 2.54 * 10, 'female')).toBeCloseTo(68.5, 6);
    expect(adjustedBodyWeightKg(120, 70, 0.4)).toBe(90);
  });

  it.each([
    ['actual', 120, 'actual', 120],
    ['ideal', 120, 'ideal', idealBodyWeightKg(175, 'male')],
    ['adjusted', 120, 'adjusted', adjustedBodyWeightKg(120, idealBodyWeightKg(175, 'male'), 0.4)],
    ['ideal', 90, 'actual', 90],
  ] as const)('setting %s, %i kg at 175 cm → %s', (weightBasis, weightKg, basis, kg) => {
    const w = dosingWeight({ weightKg, heightCm: 175, sex: 'male' }, proto({ dosing: { weightBasis } }));
    expect(w?.basis).toBe(basis);
    expect(w?.kg).toBeCloseTo(kg, 6);
  });

  it('refuses ideal/adjusted dosing without height or sex', () => {
    const r = calculateIvDose({ weightKg: 120, stockConcentrationMgPerMl: 10 }, { protocol: proto({ dosing: { weightBasis: 'ideal' } }) });
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.code)).toEqual(['WEIGHT_BASIS_UNAVAILABLE']);
    const ok = calculateIvDose({ weightKg: 120, heightCm: 175, sex: 'male', stockConcentrationMgPerMl: 10 }, { protocol: proto({ dosing: { weightBasis: 'adjusted' } }) });
    expect(ok.findings.map((f) => f.code)).toContain('WEIGHT_BASIS_APPLIED');
  });
});

describe('IV dose properties (fast-check)', () => {
  it('scales linearly with weight up to the cap and never exceeds it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 30, max: 250, noNaN: true }),
        fc.constantFrom(0.1, 0.25, 0.5, 0.75, 1.0),
        fc.constantFrom(1, 10, 50, 100),
        fc.option(fc.integer({ min: 20, max: 150 }), { nil: null }),
        (weightKg, mgPerKg, stock, cap) => {
          const protocol = proto({ iv: { capTotalMg: cap } });
          const r = calculateIvDose({ weightKg, mgPerKg, stockConcentrationMgPerMl: stock }, { protocol });
          if (!r.ok) {
            return r.findings.every((f) => f.code === 'DOSE_INPUT_INVALID');
          }
          const linear = mgPerKg * weightKg;
          const expected = cap === null ? linear : Math.min(linear, cap);
          // Nearest measurable step (half a step either way); a full step down when rounding up would cross the cap.
          const step = protocol.dosing.volumeRoundingMl * stock;
          const tolerance = (cap !== null && linear > cap - step ? step : step / 2) + 1e-6;
          return Math.abs(r.dose.calculatedMg - Math.round(linear * 100) / 100) < 0.01 && Math.abs(r.dose.doseMg - expected) <= tolerance && (cap === null || r.dose.doseMg <= cap + 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never delivers above the hard maximum', () => {
    fc.assert(
      fc.property(fc.double({ min: 30, max: 200, noNaN: true }), fc.double({ min: 0.1, max: 2, noNaN: true }), (weightKg, mgPerKg) => {
        const r = calculateIvDose({ weightKg, mgPerKg, stockConcentrationMgPerMl: 50 }, { protocol: proto({ iv: { hardMaxMgPerKg: 1.2 } }) });
        return r.ok ? r.dose.doseMg <= 1.2 * weightKg + 1e-9 : mgPerKg > 1.2;
      }),
      { numRuns: 300 },
    );
  });
});

describe('IM dose', () => {
  it.each([
    [undefined, 35, []],
    [0.25, 17.5, []],
    [0.5, 35, []],
    [0.51, 35.7, ['IM_DOSE_ABOVE_STUDIED']],
  ])('%s mg/kg × 70 kg → %d mg %j', (mgPerKg, mg, codes) => {
    const r = calculateImDose({ weightKg: 70, stockConcentrationMgPerMl: 50, ...(mgPerKg === undefined ? {} : { mgPerKg }) }, ctx);
    expect(r.ok && r.dose.calculatedMg).toBe(mg);
    expect(r.findings.map((f) => f.code).filter((c) => c !== 'DOSE_ROUNDED')).toEqual(codes);
  });

  it('blocks above the IM hard maximum', () => {
    expect(calculateImDose({ weightKg: 70, mgPerKg: 1, stockConcentrationMgPerMl: 50 }, { protocol: proto({ im: { hardMaxMgPerKg: 0.75 } }) }).ok).toBe(false);
  });
});

describe('oral and sublingual doses', () => {
  it.each([
    [24, []],
    [25, []],
    [300, []],
    [301, ['ORAL_DOSE_OUTSIDE_REPORTED']],
  ])('oral %i mg (reported 25–300; below 25 handled as warn too)', (doseMg, codes) => {
    const r = calculateOralDose({ route: 'oral', doseMg }, ctx);
    expect(r.findings.map((f) => f.code)).toEqual(doseMg < 25 ? ['ORAL_DOSE_OUTSIDE_REPORTED'] : codes);
  });

  it('defaults to 50 mg oral and 10 mg sublingual, and checks mg/kg (≤7)', () => {
    const oral = calculateOralDose({ route: 'oral', weightKg: 70 }, ctx);
    expect(oral.ok && oral.dose).toMatchObject({ doseMg: 50, mgPerKg: 0.71, volumeMl: null });
    expect(calculateOralDose({ route: 'sublingual' }, ctx).ok && calculateOralDose({ route: 'sublingual' }, ctx)).toMatchObject({ dose: { doseMg: 10 } });
    expect(calculateOralDose({ route: 'oral', doseMg: 280, weightKg: 40 }, ctx).findings.map((f) => f.code)).toEqual([]);
    expect(calculateOralDose({ route: 'oral', doseMg: 290, weightKg: 40 }, ctx).findings.map((f) => f.code)).toEqual(['ORAL_DOSE_OUTSIDE_REPORTED']);
  });

  it('measures a liquid volume (e.g. 100 mg/mL sublingual)', () => {
    const r = calculateOralDose({ route: 'sublingual', doseMg: 10, stockConcentrationMgPerMl: 100 }, ctx);
    expect(r.ok && r.dose.volumeMl).toBe(0.1);
    const rounded = calculateOralDose({ route: 'oral', doseMg: 55, stockConcentrationMgPerMl: 20 }, ctx);
    expect(rounded.ok && rounded.dose.volumeMl).toBe(2.8);
    expect(rounded.findings.map((f) => f.code)).toEqual(['DOSE_ROUNDED']);
    expect(calculateOralDose({ route: 'sublingual', doseMg: 1, stockConcentrationMgPerMl: 100 }, ctx).ok).toBe(false);
  });

  it('sublingual alert and hard maximum when the clinic sets them', () => {
    const p = proto({ sublingual: { softAlertAboveMg: 20, hardMaxMg: 50 } });
    expect(calculateOralDose({ route: 'sublingual', doseMg: 20 }, { protocol: p }).findings).toEqual([]);
    expect(calculateOralDose({ route: 'sublingual', doseMg: 21 }, { protocol: p }).findings.map((f) => f.code)).toEqual(['SUBLINGUAL_DOSE_ABOVE_ALERT']);
    expect(calculateOralDose({ route: 'sublingual', doseMg: 51 }, { protocol: p }).findings.map((f) => f.code)).toEqual(['DOSE_ABOVE_HARD_MAXIMUM']);
    expect(calculateOralDose({ route: 'oral', doseMg: -5 }, ctx).ok).toBe(false);
  });
});

describe('rounding helpers', () => {
  it('rounds without floating error', () => {
    expect(roundToStep(4.165, 0.1)).toBe(4.2);
    expect(roundToStep(0.30000000000000004, 0.1)).toBe(0.3);
    expect(floorToStep(4.19, 0.1)).toBe(4.1);
    expect(roundToStep(12, 5)).toBe(10);
  });
});
