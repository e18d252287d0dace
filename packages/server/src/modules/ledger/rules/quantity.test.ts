import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeQuantity, massUgForVolume, resolveQuantity, toThousandths, volumeUlForMass, type ProductShape } from './quantity';

const VIAL: ProductShape = { form: 'liquid', substance: 'ketamine', strengthUgPerMl: 50_000, containerVolumeUl: 10_000, ugPerUnit: null, unitsPerContainer: null, containerUg: 500_000, unitLabel: null };
const KIT: ProductShape = { form: 'unit', substance: 'esketamine', strengthUgPerMl: null, containerVolumeUl: null, ugPerUnit: 28_000, unitsPerContainer: 3, containerUg: 84_000, unitLabel: 'device' };

describe('exact quantities', () => {
  it.each([
    [35.7, 35_700],
    [0.1, 100],
    [1.005, 1005],
    [500, 500_000],
    [0, 0],
    [1.0005, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [1e300, null],
  ])('%s → %s thousandths', (value, expected) => {
    expect(toThousandths(value)).toBe(expected);
  });

  it('converts mass and volume at a strength, to the nearest µL / µg', () => {
    expect(volumeUlForMass(35_700, 50_000)).toBe(714);
    expect(volumeUlForMass(500_000, 50_000)).toBe(10_000);
    expect(volumeUlForMass(1, 100_000)).toBe(0);
    expect(volumeUlForMass(50, 100_000)).toBe(1);
    expect(massUgForVolume(714, 50_000)).toBe(35_700);
    expect(massUgForVolume(1, 33_333)).toBe(33);
  });

  it('round-trips any whole-µL volume at a whole-mg/mL strength exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 200 }), (ul, mgPerMl) => {
        const strength = mgPerMl * 1000;
        expect(volumeUlForMass(massUgForVolume(ul, strength), strength)).toBe(ul);
      }),
    );
  });

  it.each([
    ['mg only', VIAL, { amountMg: 35.7 }, { ug: 35_700, ul: 714, units: null }],
    ['mL only', VIAL, { volumeMl: 1.2 }, { ug: 60_000, ul: 1200, units: null }],
    ['mg and matching mL', VIAL, { amountMg: 40, volumeMl: 0.8 }, { ug: 40_000, ul: 800, units: null }],
    ['mg and mL within 5 µL', VIAL, { amountMg: 40, volumeMl: 0.804 }, { ug: 40_000, ul: 804, units: null }],
    ['devices', KIT, { units: 2 }, { ug: 56_000, ul: null, units: 2 }],
    ['mg as whole devices', KIT, { amountMg: 84 }, { ug: 84_000, ul: null, units: 3 }],
    ['everything left', VIAL, { all: true }, { ug: 120_000, ul: 2400, units: null }],
  ])('resolves %s', (_label, product, input, expected) => {
    expect(resolveQuantity(product, { ug: 120_000, units: null }, input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['mismatched mL', VIAL, { amountMg: 40, volumeMl: 0.9 }, 'volumeMl', /does not match/],
    ['devices for a liquid', VIAL, { units: 1 }, 'units', /mg and mL/],
    ['mL for a kit', KIT, { volumeMl: 0.2 }, 'volumeMl', /counted in devices/],
    ['part of a device', KIT, { amountMg: 30 }, 'amountMg', /not a whole number of devices/],
    ['devices that do not match mg', KIT, { units: 2, amountMg: 84 }, 'amountMg', /hold 56 mg, not 84 mg/],
    ['nothing', VIAL, {}, 'amountMg', /Enter the amount/],
    ['zero', VIAL, { amountMg: 0 }, 'amountMg', /above 0 mg/],
    ['too many decimals', VIAL, { volumeMl: 0.0001 }, 'volumeMl', /at most 3 decimals/],
    ['negative devices', KIT, { units: -1 }, 'units', /whole number/],
  ])('refuses %s', (_label, product, input, field, message) => {
    const r = resolveQuantity(product, { ug: 120_000, units: 3 }, input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.violation).toMatchObject({ code: 'VALIDATION_FAILED', field, message: expect.stringMatching(message) });
    }
  });

  it('describes quantities in plain words', () => {
    expect(describeQuantity(VIAL, { ug: 464_300, units: null })).toBe('464.3 mg (9.286 mL)');
    expect(describeQuantity(KIT, { ug: 28_000, units: 1 })).toBe('1 device (28 mg)');
  });
});
