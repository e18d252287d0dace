/** `cumulativeExposure`: total mg and sessions, by route and optionally within a recent window. */
import type { ValidationIssue } from '../findings/types.js';
import type { Route } from '../protocol/route.js';
import { MS_PER_DAY, toEpochMs, toIsoUtc, type Instant } from '../time/instant.js';

export interface Administration {
  readonly at: Instant;
  readonly route: Route;
  /** Milligrams actually given. */
  readonly mg: number;
}

export interface ExposureTotals {
  readonly mg: number;
  readonly sessions: number;
}

export interface ExposureSummary extends ExposureTotals {
  readonly byRoute: Partial<Record<Route, ExposureTotals>>;
  readonly firstAt: string | null;
  readonly lastAt: string | null;
  /** Totals within `windowDays` before `asOf`, when both were given. */
  readonly window: (ExposureTotals & { readonly days: number }) | null;
  /** Entries excluded because they were invalid. */
  readonly issues: readonly ValidationIssue[];
}

/** Sum administrations. Invalid entries are excluded and reported in `issues`. */
export function cumulativeExposure(administrations: readonly Administration[], options: { readonly asOf?: Instant; readonly windowDays?: number } = {}): ExposureSummary {
  const issues: ValidationIssue[] = [];
  const valid: { ms: number; a: Administration }[] = [];
  administrations.forEach((a, i) => {
    const ms = toEpochMs(a.at);
    if (ms === null || !Number.isFinite(a.mg) || a.mg < 0) {
      issues.push({ code: 'INVALID_VALUE', itemId: `administrations.${i}`, message: 'Administration needs a valid time and a non-negative mg amount' });
    } else {
      valid.push({ ms, a });
    }
  });
  const byRoute: Partial<Record<Route, ExposureTotals>> = {};
  let mg = 0;
  for (const { a } of valid) {
    mg += a.mg;
    const r = byRoute[a.route] ?? { mg: 0, sessions: 0 };
    byRoute[a.route] = { mg: r.mg + a.mg, sessions: r.sessions + 1 };
  }
  const times = valid.map((v) => v.ms);
  const asOf = options.asOf === undefined ? null : toEpochMs(options.asOf);
  let window: ExposureSummary['window'] = null;
  if (asOf !== null && options.windowDays !== undefined) {
    const from = asOf - options.windowDays * MS_PER_DAY;
    const inWindow = valid.filter((v) => v.ms > from && v.ms <= asOf);
    window = { days: options.windowDays, mg: inWindow.reduce((s, v) => s + v.a.mg, 0), sessions: inWindow.length };
  }
  return {
    mg,
    sessions: valid.length,
    byRoute,
    firstAt: times.length === 0 ? null : toIsoUtc(Math.min(...times)),
    lastAt: times.length === 0 ? null : toIsoUtc(Math.max(...times)),
    window,
    issues,
  };
}
