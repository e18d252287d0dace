import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_CELL, suppressCount, suppressRate, suppressSmallCells } from './suppress';

describe('small-number suppression', () => {
  it('uses 11 patients as the smallest publishable cell', () => {
    expect(MIN_CELL).toBe(11);
  });

  it.each([
    [0, false, 'count_below_minimum'],
    [1, false, 'count_below_minimum'],
    [10, false, 'count_below_minimum'],
    [11, true, null],
    [250, true, null],
    [-1, false, 'invalid'],
    [2.5, false, 'invalid'],
    [Number.NaN, false, 'invalid'],
  ])('count %s → shown %s', (n, shown, reason) => {
    const r = suppressCount(n);
    expect(r.shown).toBe(shown);
    if (!r.shown) {
      expect(r.reason).toBe(reason);
      expect(r.message).toMatch(/^Not shown/);
      expect(r).not.toHaveProperty('count');
    }
  });

  it.each([
    [{ numerator: 5, denominator: 10 }, 'denominator_below_minimum'],
    [{ numerator: 0, denominator: 10 }, 'denominator_below_minimum'],
    [{ numerator: 10, denominator: 40 }, 'numerator_below_minimum'],
    [{ numerator: 0, denominator: 40 }, 'numerator_below_minimum'],
    [{ numerator: 30, denominator: 40 }, 'complement_below_minimum'],
    [{ numerator: 40, denominator: 40 }, 'complement_below_minimum'],
    [{ numerator: 41, denominator: 40 }, 'invalid'],
    [{ numerator: -1, denominator: 40 }, 'invalid'],
    [{ numerator: 1.5, denominator: 40 }, 'invalid'],
  ])('rate %o is withheld (%s)', (cell, reason) => {
    const r = suppressRate(cell);
    expect(r).toMatchObject({ shown: false, reason });
    expect(r).not.toHaveProperty('numerator');
    expect(r).not.toHaveProperty('rate');
  });

  it('shows a rate when every cell has at least 11 patients', () => {
    expect(suppressRate({ numerator: 11, denominator: 22 })).toEqual({ shown: true, numerator: 11, denominator: 22, rate: 0.5 });
    expect(suppressRate({ numerator: 20, denominator: 50 })).toMatchObject({ shown: true, rate: 0.4 });
  });

  it('never publishes a figure that rests on a cell under the minimum (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 30 }), (a, b, min) => {
        const numerator = Math.min(a, b);
        const denominator = Math.max(a, b);
        const r = suppressRate({ numerator, denominator }, { minCell: min });
        const safe = numerator >= min && denominator >= min && denominator - numerator >= min;
        expect(r.shown).toBe(safe);
        const c = suppressCount(a, { minCell: min });
        expect(c.shown).toBe(a >= min);
      }),
    );
  });

  it('applies to a named set of counts and rates', () => {
    const out = suppressSmallCells({ sessions: 320, patients: 9, response: { numerator: 14, denominator: 31 }, remission: { numerator: 6, denominator: 31 } });
    expect(out.sessions).toEqual({ shown: true, count: 320 });
    expect(out.patients).toMatchObject({ shown: false, reason: 'count_below_minimum' });
    expect(out.response).toMatchObject({ shown: true, numerator: 14, denominator: 31 });
    expect(out.remission).toMatchObject({ shown: false, reason: 'numerator_below_minimum' });
    expect(JSON.stringify(out)).not.toMatch(/"(count|numerator)":(9|6)\b/);
  });
});
