import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cohortRates, kaplanMeier, kaplanMeierFromCounts, normalQuantile, proportionWithCi, ratePer100 } from './cohort.js';

describe('normal quantile', () => {
  it.each([
    [0.975, 1.959964],
    [0.5, 0],
    [0.95, 1.644854],
    [0.005, -2.575829],
    [0.999, 3.090232],
  ])('Φ⁻¹(%d) ≈ %d', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 5);
  });
});

describe('proportionWithCi (Wilson score interval)', () => {
  it.each([
    [7, 10, 0.396778, 0.892209],
    [0, 10, 0, 0.277533],
    [10, 10, 0.722467, 1],
    [55, 100, 0.452445, 0.643855],
  ])('%i/%i → [%d, %d]', (k, n, lo, hi) => {
    const r = proportionWithCi(k, n);
    expect(r?.lower).toBeCloseTo(lo, 5);
    expect(r?.upper).toBeCloseTo(hi, 5);
    expect(r?.proportion).toBe(k / n);
  });

  it.each([[0, 0], [5, 4], [-1, 4], [1.5, 4]])('invalid %d/%d → null', (k, n) => {
    expect(proportionWithCi(k, n)).toBeNull();
    expect(proportionWithCi(1, 4, 1)).toBeNull();
  });

  it('a higher confidence gives a wider interval; the interval contains p (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.round(f * n);
        const a = proportionWithCi(k, n, 0.9);
        const b = proportionWithCi(k, n, 0.99);
        return a !== null && b !== null && a.lower <= a.proportion + 1e-12 && a.upper >= a.proportion - 1e-12 && b.lower <= a.lower + 1e-12 && b.upper >= a.upper - 1e-12 && b.lower >= 0 && b.upper <= 1;
      }),
    );
  });

  it('cohort response and remission rates', () => {
    const r = cohortRates([{ response: true, remission: true }, { response: true, remission: false }, { response: false, remission: null }, { response: false, remission: false }]);
    expect(r.response?.proportion).toBe(0.5);
    expect(r.remission).toMatchObject({ successes: 1, n: 3 });
    expect(cohortRates([]).response).toBeNull();
  });
});

describe('kaplanMeier', () => {
  it('matches a hand-computed example with censoring and Greenwood SE', () => {
    const r = kaplanMeier([{ time: 1, event: true }, { time: 2, event: false }, { time: 3, event: true }, { time: 3, event: true }, { time: 5, event: false }]);
    expect(r.steps.map((s) => [s.time, s.atRisk, s.events, s.censored])).toEqual([[1, 5, 1, 0], [2, 4, 0, 1], [3, 3, 2, 0], [5, 1, 0, 1]]);
    [0.8, 0.8, 0.8 / 3, 0.8 / 3].forEach((v, i) => { expect(r.steps[i]?.survival).toBeCloseTo(v, 12); });
    expect(r.steps[0]?.standardError).toBeCloseTo(0.8 * Math.sqrt(1 / 20), 10);
    expect(r.steps[2]?.standardError).toBeCloseTo((0.8 / 3) * Math.sqrt(1 / 20 + 2 / 3), 10);
    expect(r.medianTime).toBe(3);
  });

  it('reaches zero, reports no median when survival stays above 0.5, and rejects bad times', () => {
    const zero = kaplanMeier([{ time: 2, event: true }, { time: 2, event: true }]);
    expect(zero.steps[0]).toMatchObject({ survival: 0, standardError: null, lower: 0, upper: 0 });
    expect(kaplanMeier([{ time: 1, event: false }, { time: 2, event: true }, { time: 3, event: false }, { time: 4, event: false }]).medianTime).toBeNull();
    const bad = kaplanMeier([{ time: -1, event: true }, { time: Number.NaN, event: false }, { time: 1, event: true }]);
    expect(bad.issues).toHaveLength(2);
    expect(bad.steps).toHaveLength(1);
    expect(kaplanMeier([], 2).steps).toEqual([]);
  });

  it('survival never increases, stays in [0, 1] and inside its CI; at-risk never increases (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ time: fc.integer({ min: 0, max: 100 }), event: fc.boolean() }), { maxLength: 60 }), (obs) => {
        const r = kaplanMeier(obs);
        return r.steps.every((s, i) => {
          const prev = r.steps[i - 1];
          return s.survival >= 0 && s.survival <= 1 && s.lower <= s.survival + 1e-12 && s.upper >= s.survival - 1e-12 && (prev === undefined || (s.survival <= prev.survival && s.atRisk <= prev.atRisk && s.time > prev.time));
        }) && r.steps.reduce((n, s) => n + s.events + s.censored, 0) === obs.length;
      }),
      { numRuns: 300 },
    );
  });
});

describe('kaplanMeierFromCounts', () => {
  it('gives the same curve as kaplanMeier on the observations it counts', () => {
    const obs = [{ time: 1, event: true }, { time: 2, event: false }, { time: 3, event: true }, { time: 3, event: true }, { time: 5, event: false }];
    const a = kaplanMeier(obs);
    const b = kaplanMeierFromCounts([{ time: 3, events: 2, censored: 0 }, { time: 1, events: 1, censored: 0 }, { time: 5, events: 0, censored: 1 }, { time: 2, events: 0, censored: 1 }]);
    expect(b.steps).toEqual(a.steps);
    expect(b.medianTime).toBe(a.medianTime);
  });

  it('merges repeated times, skips empty rows and reports invalid ones', () => {
    const r = kaplanMeierFromCounts([{ time: 4, events: 1, censored: 0 }, { time: 4, events: 1, censored: 1 }, { time: 6, events: 0, censored: 0 }, { time: -1, events: 1, censored: 0 }, { time: 2, events: 0.5, censored: 0 }]);
    expect(r.steps.map((s) => [s.time, s.atRisk, s.events, s.censored])).toEqual([[4, 3, 2, 1]]);
    expect(r.steps[0]?.survival).toBeCloseTo(1 / 3, 12);
    expect(r.issues.map((i) => i.itemId)).toEqual(['rows.3', 'rows.4']);
  });

  it('matches kaplanMeier for random cohorts (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ time: fc.integer({ min: 0, max: 30 }), event: fc.boolean() }), { maxLength: 60 }), (obs) => {
        const counts = new Map<number, { events: number; censored: number }>();
        for (const o of obs) {
          const c = counts.get(o.time) ?? { events: 0, censored: 0 };
          counts.set(o.time, o.event ? { ...c, events: c.events + 1 } : { ...c, censored: c.censored + 1 });
        }
        const a = kaplanMeier(obs).steps.map((s) => s.survival);
        const b = kaplanMeierFromCounts([...counts].map(([time, c]) => ({ time, ...c }))).steps.map((s) => s.survival);
        return a.length === b.length && a.every((v, i) => Math.abs(v - (b[i] ?? -1)) < 1e-12);
      }),
    );
  });
});

describe('ratePer100 (Poisson, Byar approximation)', () => {
  it.each([
    // events, sessions, rate, lower, upper (Byar limits for 5 events: 1.6113, 11.6682 — exact: 1.6235, 11.6683; for 0: 0, 3.6680 — exact 3.6889)
    [5, 200, 2.5, 0.8057, 5.8341],
    [0, 50, 0, 0, 7.3360],
    [30, 1000, 3, 2.0237, 4.2828],
  ])('%i events in %i sessions → %d per 100 [%d, %d]', (e, n, rate, lo, hi) => {
    const r = ratePer100(e, n);
    expect(r?.rate).toBeCloseTo(rate, 10);
    expect(r?.lower).toBeCloseTo(lo, 3);
    expect(r?.upper).toBeCloseTo(hi, 3);
    expect(r?.source.citation).toContain('Byar');
  });

  it('allows more events than sessions and refuses invalid counts', () => {
    expect(ratePer100(12, 10)?.rate).toBeCloseTo(120, 10);
    expect(ratePer100(1, 0)).toBeNull();
    expect(ratePer100(-1, 10)).toBeNull();
    expect(ratePer100(1.5, 10)).toBeNull();
    expect(ratePer100(1, 10, 1)).toBeNull();
  });

  it('the interval contains the rate and widens with confidence (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 5000 }), (e, n) => {
        const a = ratePer100(e, n, 0.9);
        const b = ratePer100(e, n, 0.99);
        return a !== null && b !== null && a.lower <= a.rate + 1e-9 && a.upper >= a.rate && b.lower <= a.lower + 1e-9 && b.upper >= a.upper;
      }),
    );
  });
});
