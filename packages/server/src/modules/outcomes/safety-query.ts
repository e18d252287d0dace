/**
 * Session-based figures for the outcome dashboard, aggregated by the database: dosed sessions by route and by
 * week, adverse events by term, and sessions with a blood-pressure alert (the clinical core's VITALS_BP_*
 * findings raised at the chair, so the limits are the clinic protocol's).
 *
 * The session counts (here with a prescriber filter, otherwise session-counts.ts) and the event counts are
 * separate queries, so that on PostgreSQL they run side by side.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rawRows } from '../../db/raw';
import type { Queryable } from '../../db/types';
import type { CohortFilter } from './cohort-query';
import { periodWeeks } from '../../lib/zoned';

export interface SafetyRow {
  readonly kind: 'sessions' | 'patients' | 'ae' | 'ae_sessions' | 'ae_patients' | 'bp' | 'bp_any' | 'bp_patients' | 'week';
  readonly key: string | null;
  readonly n: number;
}

export type SafetyFilter = Omit<CohortFilter, 'instrument'>;

/** The period's dosed sessions as `s` (with the prescriber filter joining the plan only when it is set). */
function sessionsIn(f: SafetyFilter): SQL {
  const byPrescriber = f.prescriberId === null ? sql`` : sql` JOIN treatment_plans p ON p.id = s.plan_id AND p.signed_by = ${f.prescriberId}::uuid`;
  return sql`treatment_sessions s${byPrescriber}
  WHERE s.clinic_id = ${f.clinicId} AND s.dose_started_at >= ${f.from} AND s.dose_started_at < ${f.to}
    AND (${f.route}::text IS NULL OR s.route = ${f.route}::text)`;
}

/**
 * Sessions by route and by clinic-local week, and the patients they treated, in one pass over the period's
 * sessions: for a prescriber filter, which needs each session's plan (session-counts.ts answers the rest from
 * indexes). Weeks are counted against their start instants (local Monday midnight, computed here, so
 * daylight-saving changes are exact) rather than by converting every session's time to local time.
 */
export async function sessionAggregates(q: Queryable, f: SafetyFilter, timeZone: string): Promise<SafetyRow[]> {
  const { mondays, starts: weekStarts } = periodWeeks(f.from, f.to, timeZone);
  const starts = `{${weekStarts.map((s) => s.toISOString()).join(',')}}`;
  const rows = await rawRows<{ route: string | null; b: number | null; n: number }>(
    q,
    sql`
WITH g AS (
  SELECT route, b, patient_id, count(*)::int AS n
  FROM (SELECT s.route, width_bucket(s.dose_started_at, ${starts}::timestamptz[]) AS b, s.patient_id FROM ${sessionsIn(f)}) x
  GROUP BY GROUPING SETS ((route, b), (patient_id))
)
SELECT route, b, NULL::uuid AS patient_id, n FROM g WHERE patient_id IS NULL
UNION ALL SELECT NULL, NULL, NULL, count(*)::int FROM g WHERE patient_id IS NOT NULL`,
  );
  const byRoute = new Map<string, number>();
  const byWeek = new Map<string, number>();
  let patients = 0;
  for (const r of rows) {
    if (r.route === null) {
      patients = r.n;
      continue;
    }
    const route = r.route;
    const week = mondays[(r.b ?? 1) - 1] ?? mondays[0] ?? '';
    byRoute.set(route, (byRoute.get(route) ?? 0) + r.n);
    byWeek.set(week, (byWeek.get(week) ?? 0) + r.n);
  }
  return [
    ...[...byRoute].map(([key, n]): SafetyRow => ({ kind: 'sessions', key, n })),
    ...[...byWeek].map(([key, n]): SafetyRow => ({ kind: 'week', key, n })),
    { kind: 'patients', key: null, n: patients },
  ];
}

/**
 * Adverse events by term (with the sessions and patients that had one) and sessions with a blood-pressure alert
 * (by code, in all, and their patients), in the period's sessions: both kinds of event are matched to their
 * sessions in one join, so the period's sessions are read once. Without a prescriber filter the caller has the
 * join done by merging the events, sorted by session, with treatment_sessions_dashboard_id_idx in id order (see
 * `EVENT_JOIN_SETTINGS`), which reads neither a session row nor a hash of every session.
 */
export async function eventAggregates(q: Queryable, f: SafetyFilter): Promise<SafetyRow[]> {
  return rawRows<SafetyRow>(
    q,
    sql`
WITH ev AS MATERIALIZED (
  SELECT e.k, e.key, e.session_id, s.patient_id
  FROM (
    SELECT 'ae'::text AS k, a.term AS key, a.session_id FROM adverse_events a WHERE a.clinic_id = ${f.clinicId}
    UNION ALL
    SELECT 'bp', al.code, al.session_id FROM session_alerts al WHERE al.clinic_id = ${f.clinicId} AND al.code LIKE 'VITALS\\_BP\\_%'
  ) e, ${sessionsIn(f)} AND s.id = e.session_id
)
SELECT 'ae'::text AS kind, key, count(*)::int AS n FROM ev WHERE k = 'ae' GROUP BY key
UNION ALL SELECT 'ae_sessions', NULL, count(*)::int FROM (SELECT DISTINCT session_id FROM ev WHERE k = 'ae') x
UNION ALL SELECT 'ae_patients', NULL, count(*)::int FROM (SELECT DISTINCT patient_id FROM ev WHERE k = 'ae') x
UNION ALL SELECT 'bp', key, count(*)::int FROM (SELECT DISTINCT key, session_id FROM ev WHERE k = 'bp') x GROUP BY key
UNION ALL SELECT 'bp_any', NULL, count(*)::int FROM (SELECT DISTINCT session_id FROM ev WHERE k = 'bp') x
UNION ALL SELECT 'bp_patients', NULL, count(*)::int FROM (SELECT DISTINCT patient_id FROM ev WHERE k = 'bp') x
`,
  );
}

/**
 * Planner settings for `eventAggregates` without a prescriber filter. The planner would otherwise hash every
 * dosed session of the clinic (costing a merge over the whole index too high): on 800,000 sessions and 87,000
 * events the hash join takes ~380 ms, probing the index once per event ~260 ms, the merge ~210 ms, and the
 * merge's cost is bounded by the clinic's sessions whatever the period. With a prescriber filter, which joins
 * each session's plan, the planner chooses alone.
 */
export const EVENT_JOIN_SETTINGS: readonly SQL[] = [sql`SET LOCAL enable_hashjoin = off`, sql`SET LOCAL enable_nestloop = off`];
