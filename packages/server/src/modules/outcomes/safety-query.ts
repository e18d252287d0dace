/**
 * Session-based figures for the outcome dashboard, aggregated by the database: dosed sessions by route and by
 * week, adverse events by term, and sessions with a blood-pressure alert (the clinical core's VITALS_BP_*
 * findings raised at the chair, so the limits are the clinic protocol's).
 *
 * Three queries, so that on PostgreSQL they run side by side: one pass over the period's sessions, and one each
 * over the (far fewer) adverse events and alerts, joined to their sessions to apply the period and filters.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rawRows } from '../../db/raw';
import type { Queryable } from '../../db/types';
import { localDateOf, mondaysBetween, startOfLocalDay } from '../../lib/zoned';
import type { CohortFilter } from './cohort-query';

export interface SafetyRow {
  readonly kind: 'sessions' | 'patients' | 'ae' | 'ae_sessions' | 'ae_patients' | 'bp' | 'bp_any' | 'bp_patients' | 'week';
  readonly key: string | null;
  readonly n: number;
}

type SafetyFilter = Omit<CohortFilter, 'instrument'>;

/** The period's dosed sessions as `s` (with the prescriber filter joining the plan only when it is set). */
function sessionsIn(f: SafetyFilter): SQL {
  const byPrescriber = f.prescriberId === null ? sql`` : sql` JOIN treatment_plans p ON p.id = s.plan_id AND p.signed_by = ${f.prescriberId}::uuid`;
  return sql`treatment_sessions s${byPrescriber}
  WHERE s.clinic_id = ${f.clinicId} AND s.dose_started_at >= ${f.from} AND s.dose_started_at < ${f.to}
    AND (${f.route}::text IS NULL OR s.route = ${f.route}::text)`;
}

/**
 * Sessions by route and by clinic-local week, and the patients they treated, in one pass. Weeks are counted
 * against their start instants (local Monday midnight, computed here, so daylight-saving changes are exact)
 * rather than by converting every session's time to local time.
 */
export async function sessionAggregates(q: Queryable, f: SafetyFilter, timeZone: string): Promise<SafetyRow[]> {
  const mondays = mondaysBetween(localDateOf(f.from, timeZone), localDateOf(new Date(f.to.getTime() - 1), timeZone));
  const starts = `{${mondays.map((m) => startOfLocalDay(m, timeZone).toISOString()).join(',')}}`;
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

/** Adverse events by term, with the sessions and patients that had one, in the period's sessions. */
export async function adverseEventAggregates(q: Queryable, f: SafetyFilter): Promise<SafetyRow[]> {
  return rawRows<SafetyRow>(
    q,
    sql`
WITH ae AS MATERIALIZED (
  SELECT a.term, a.session_id, a.patient_id FROM adverse_events a, ${sessionsIn(f)} AND s.id = a.session_id AND a.clinic_id = ${f.clinicId}
)
SELECT 'ae'::text AS kind, term AS key, count(*)::int AS n FROM ae GROUP BY term
UNION ALL SELECT 'ae_sessions', NULL, count(DISTINCT session_id)::int FROM ae
UNION ALL SELECT 'ae_patients', NULL, count(DISTINCT patient_id)::int FROM ae
`,
  );
}

/** Sessions with a blood-pressure alert, by code and in all, and the patients who had one. */
export async function bpAlertAggregates(q: Queryable, f: SafetyFilter): Promise<SafetyRow[]> {
  return rawRows<SafetyRow>(
    q,
    sql`
WITH bp AS MATERIALIZED (
  SELECT al.code, al.session_id, s.patient_id FROM session_alerts al, ${sessionsIn(f)} AND s.id = al.session_id AND al.clinic_id = ${f.clinicId} AND al.code LIKE 'VITALS\\_BP\\_%'
)
SELECT 'bp'::text AS kind, code AS key, count(DISTINCT session_id)::int AS n FROM bp GROUP BY code
UNION ALL SELECT 'bp_any', NULL, count(DISTINCT session_id)::int FROM bp
UNION ALL SELECT 'bp_patients', NULL, count(DISTINCT patient_id)::int FROM bp
`,
  );
}
