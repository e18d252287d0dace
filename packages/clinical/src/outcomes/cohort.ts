/**
 * Cohort statistics as pure functions: Wilson score interval for proportions and the Kaplan–Meier estimator
 * with Greenwood variance and log(−log) confidence limits (general statistical methods, SOURCES.wilson_interval /
 * SOURCES.kaplan_meier).
 */
import { SOURCES } from '../findings/sources.js';
import type { SourceRef, ValidationIssue } from '../findings/types.js';

/** Inverse standard-normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - low) {
    return -normalQuantile(1 - p);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

export interface ProportionCi {
  readonly successes: number;
  readonly n: number;
  readonly proportion: number;
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
  readonly method: 'wilson';
  readonly source: SourceRef;
}

/** Proportion with a Wilson score interval; `null` for n = 0 or invalid counts/confidence. */
export function proportionWithCi(successes: number, n: number, confidence = 0.95): ProportionCi | null {
  if (!Number.isInteger(n) || !Number.isInteger(successes) || n <= 0 || successes < 0 || successes > n || !(confidence > 0 && confidence < 1)) {
    return null;
  }
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + z2n);
  return { successes, n, proportion: p, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half), confidence, method: 'wilson', source: SOURCES.wilson_interval };
}

/** Response and remission rates with Wilson intervals from per-patient classifications. */
export function cohortRates(outcomes: readonly { readonly response: boolean; readonly remission: boolean | null }[], confidence = 0.95): { response: ProportionCi | null; remission: ProportionCi | null } {
  const withRemission = outcomes.filter((o) => o.remission !== null);
  return {
    response: proportionWithCi(outcomes.filter((o) => o.response).length, outcomes.length, confidence),
    remission: proportionWithCi(withRemission.filter((o) => o.remission === true).length, withRemission.length, confidence),
  };
}

export interface SurvivalObservation {
  /** Time from origin (e.g. days from response to relapse or last follow-up). */
  readonly time: number;
  /** true = event (relapse); false = censored. */
  readonly event: boolean;
}

export interface KaplanMeierStep {
  readonly time: number;
  readonly atRisk: number;
  readonly events: number;
  readonly censored: number;
  readonly survival: number;
  /** Greenwood standard error; `null` once survival reaches 0. */
  readonly standardError: number | null;
  readonly lower: number;
  readonly upper: number;
}

export interface KaplanMeierResult {
  readonly steps: readonly KaplanMeierStep[];
  /** Smallest time with survival ≤ 0.5, or `null` if not reached. */
  readonly medianTime: number | null;
  readonly issues: readonly ValidationIssue[];
  readonly source: SourceRef;
}

/** Observations already counted per time (from a database aggregate): `events` and `censored` at `time`. */
export interface SurvivalCount {
  readonly time: number;
  readonly events: number;
  readonly censored: number;
}

/** Kaplan–Meier survival with censoring. Invalid observations (negative or non-finite time) are excluded. */
export function kaplanMeier(observations: readonly SurvivalObservation[], confidence = 0.95): KaplanMeierResult {
  const issues: ValidationIssue[] = [];
  const counts = new Map<number, { events: number; censored: number }>();
  observations.forEach((o, i) => {
    if (!(Number.isFinite(o.time) && o.time >= 0)) {
      issues.push({ code: 'INVALID_VALUE', itemId: `observations.${i}`, message: 'time must be a finite number ≥ 0' });
      return;
    }
    const c = counts.get(o.time) ?? { events: 0, censored: 0 };
    counts.set(o.time, o.event ? { events: c.events + 1, censored: c.censored } : { events: c.events, censored: c.censored + 1 });
  });
  const r = kaplanMeierFromCounts([...counts].map(([time, c]) => ({ time, ...c })), confidence);
  return { ...r, issues };
}

/**
 * Kaplan–Meier from counts per time, so a cohort of any size is summarised by the database and only one row per
 * distinct time reaches this function. Rows with an invalid time or count are excluded and reported.
 */
export function kaplanMeierFromCounts(rows: readonly SurvivalCount[], confidence = 0.95): KaplanMeierResult {
  const issues: ValidationIssue[] = [];
  const merged = new Map<number, { events: number; censored: number }>();
  rows.forEach((r, i) => {
    const ok = Number.isFinite(r.time) && r.time >= 0 && Number.isInteger(r.events) && Number.isInteger(r.censored) && r.events >= 0 && r.censored >= 0;
    if (!ok) {
      issues.push({ code: 'INVALID_VALUE', itemId: `rows.${i}`, message: 'time must be ≥ 0 and counts whole numbers ≥ 0' });
      return;
    }
    const c = merged.get(r.time) ?? { events: 0, censored: 0 };
    merged.set(r.time, { events: c.events + r.events, censored: c.censored + r.censored });
  });
  const z = normalQuantile(1 - (1 - (confidence > 0 && confidence < 1 ? confidence : 0.95)) / 2);
  const times = [...merged.keys()].sort((a, b) => a - b);
  let atRisk = [...merged.values()].reduce((s, c) => s + c.events + c.censored, 0);
  let survival = 1;
  let greenwood = 0;
  let medianTime: number | null = null;
  const steps: KaplanMeierStep[] = [];
  for (const t of times) {
    const { events, censored } = merged.get(t) ?? { events: 0, censored: 0 };
    if (events + censored === 0) {
      continue;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood = atRisk > events ? greenwood + events / (atRisk * (atRisk - events)) : Infinity;
    }
    if (medianTime === null && survival <= 0.5) {
      medianTime = t;
    }
    const se = Number.isFinite(greenwood) ? survival * Math.sqrt(greenwood) : null;
    let lower = survival;
    let upper = survival;
    if (survival > 0 && survival < 1 && Number.isFinite(greenwood)) {
      const seLogLog = Math.sqrt(greenwood) / Math.abs(Math.log(survival));
      lower = survival ** Math.exp(z * seLogLog);
      upper = survival ** Math.exp(-z * seLogLog);
    }
    steps.push({ time: t, atRisk, events, censored, survival, standardError: se, lower, upper });
    atRisk -= events + censored;
  }
  return { steps, medianTime, issues, source: SOURCES.kaplan_meier };
}

export interface RatePer100 {
  readonly events: number;
  readonly exposures: number;
  /** Events per 100 exposures (e.g. adverse events per 100 sessions). */
  readonly rate: number;
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
  readonly method: 'poisson_byar';
  readonly source: SourceRef;
}

/**
 * Events per 100 exposures with a Poisson confidence interval (Byar's approximation to the exact interval);
 * `null` for no exposures or invalid counts. Events may exceed exposures (several events in one session).
 */
export function ratePer100(events: number, exposures: number, confidence = 0.95): RatePer100 | null {
  if (!Number.isInteger(events) || !Number.isInteger(exposures) || events < 0 || exposures <= 0 || !(confidence > 0 && confidence < 1)) {
    return null;
  }
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const lowerCount = events === 0 ? 0 : events * (1 - 1 / (9 * events) - z / (3 * Math.sqrt(events))) ** 3;
  const e1 = events + 1;
  const upperCount = e1 * (1 - 1 / (9 * e1) + z / (3 * Math.sqrt(e1))) ** 3;
  const per = 100 / exposures;
  return { events, exposures, rate: events * per, lower: Math.max(0, lowerCount * per), upper: upperCount * per, confidence, method: 'poisson_byar', source: SOURCES.poisson_rate };
}
