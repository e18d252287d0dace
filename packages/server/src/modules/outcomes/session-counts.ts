/**
 * The outcome dashboard's session counts, read from indexes alone when no prescriber filter is set: sessions per
 * route and clinic-local week as one index range count each (treatment_sessions_dashboard_route_idx), and the
 * patients treated from their dose spans. No session row is read, so a network's two years of sessions are
 * counted in a fraction of the time a pass over the table takes. With a prescriber filter (which needs each
 * session's plan) safety-query.ts does one pass.
 */
import { ROUTES } from '@ketapath/clinical';
import { sql } from 'drizzle-orm';
import { rawRows } from '../../db/raw';
import type { Queryable } from '../../db/types';
import { periodWeeks } from '../../lib/zoned';
import type { SafetyFilter, SafetyRow } from './safety-query';

/** Sessions by route and by week (rows of kind `sessions` and `week`). */
export async function sessionCountsByWeek(q: Queryable, f: SafetyFilter, timeZone: string): Promise<SafetyRow[]> {
  const { mondays, starts } = periodWeeks(f.from, f.to, timeZone);
  const lo = starts.map((s, i) => (i === 0 ? f.from : s).toISOString());
  const hi = starts.map((_s, i) => (i + 1 < starts.length ? (starts[i + 1] ?? f.to) : f.to).toISOString());
  const routes = f.route === null ? [...ROUTES] : [f.route];
  const rows = await rawRows<{ route: string; i: number; n: number }>(
    q,
    sql`
SELECT r.route, w.i::int AS i,
  (SELECT count(*)::int FROM treatment_sessions s
   WHERE s.clinic_id = ${f.clinicId} AND s.route = r.route AND s.dose_started_at IS NOT NULL AND s.dose_started_at >= w.lo AND s.dose_started_at < w.hi) AS n
FROM unnest(${`{${routes.join(',')}}`}::text[]) AS r(route),
  unnest(${`{${lo.join(',')}}`}::timestamptz[], ${`{${hi.join(',')}}`}::timestamptz[]) WITH ORDINALITY AS w(lo, hi, i)`,
  );
  const byRoute = new Map<string, number>();
  const byWeek = new Map<string, number>();
  for (const r of rows) {
    if (r.n === 0) {
      continue;
    }
    const week = mondays[r.i - 1] ?? '';
    byRoute.set(r.route, (byRoute.get(r.route) ?? 0) + r.n);
    byWeek.set(week, (byWeek.get(week) ?? 0) + r.n);
  }
  return [...[...byRoute].map(([key, n]): SafetyRow => ({ kind: 'sessions', key, n })), ...[...byWeek].map(([key, n]): SafetyRow => ({ kind: 'week', key, n }))];
}

/**
 * The patients with a dosed session in the period (one row of kind `patients`), from their dose spans
 * (patient_dose_spans, kept current with the outcome summaries): a span that starts or ends within the period
 * has a dose in it; one that starts before the period and ends after it is checked against the sessions.
 */
export async function sessionPatients(q: Queryable, f: SafetyFilter): Promise<SafetyRow[]> {
  const [row] = await rawRows<{ n: number }>(
    q,
    sql`
SELECT count(DISTINCT d.patient_id)::int AS n FROM patient_dose_spans d
WHERE d.clinic_id = ${f.clinicId} AND d.last_dose_at >= ${f.from} AND d.first_dose_at < ${f.to}
  AND (${f.route}::text IS NULL OR d.route = ${f.route}::text)
  AND (d.first_dose_at >= ${f.from} OR d.last_dose_at < ${f.to} OR EXISTS (
    SELECT 1 FROM treatment_sessions s
    WHERE s.clinic_id = d.clinic_id AND s.patient_id = d.patient_id AND s.dose_started_at >= ${f.from} AND s.dose_started_at < ${f.to} AND s.route = d.route))`,
  );
  return [{ kind: 'patients', key: null, n: row?.n ?? 0 }];
}
