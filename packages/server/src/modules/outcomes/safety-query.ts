/**
 * Session-based figures for the outcome dashboard, aggregated by the database: dosed sessions by route and by
 * week, adverse events by term, and sessions with a blood-pressure alert (the clinical core's VITALS_BP_* findings
 * raised at the chair, so the limits are the clinic protocol's).
 */
import { sql } from 'drizzle-orm';
import { rawRows } from '../../db/raw';
import type { Queryable } from '../../db/types';
import type { CohortFilter } from './cohort-query';

export interface SafetyRow {
  readonly kind: 'sessions' | 'patients' | 'ae' | 'ae_sessions' | 'ae_patients' | 'bp' | 'bp_any' | 'bp_patients' | 'week';
  readonly key: string | null;
  readonly n: number;
}

export async function safetyAggregates(q: Queryable, f: Omit<CohortFilter, 'instrument'>, timeZone: string): Promise<SafetyRow[]> {
  return rawRows<SafetyRow>(
    q,
    sql`
WITH ss AS MATERIALIZED (
  SELECT s.id, s.patient_id, s.route, s.dose_started_at FROM treatment_sessions s LEFT JOIN treatment_plans p ON p.id = s.plan_id
  WHERE s.clinic_id = ${f.clinicId} AND s.dose_started_at >= ${f.from} AND s.dose_started_at < ${f.to}
    AND (${f.route}::text IS NULL OR s.route = ${f.route}::text)
    AND (${f.prescriberId}::uuid IS NULL OR p.signed_by = ${f.prescriberId}::uuid)
)
SELECT 'sessions'::text AS kind, route AS key, count(*)::int AS n FROM ss GROUP BY route
UNION ALL SELECT 'patients', NULL, count(DISTINCT patient_id)::int FROM ss
UNION ALL SELECT 'ae', a.term, count(*)::int FROM adverse_events a JOIN ss ON ss.id = a.session_id WHERE a.clinic_id = ${f.clinicId} GROUP BY a.term
UNION ALL SELECT 'ae_sessions', NULL, count(DISTINCT a.session_id)::int FROM adverse_events a JOIN ss ON ss.id = a.session_id WHERE a.clinic_id = ${f.clinicId}
UNION ALL SELECT 'ae_patients', NULL, count(DISTINCT a.patient_id)::int FROM adverse_events a JOIN ss ON ss.id = a.session_id WHERE a.clinic_id = ${f.clinicId}
UNION ALL SELECT 'bp_patients', NULL, count(DISTINCT ss.patient_id)::int FROM session_alerts al JOIN ss ON ss.id = al.session_id WHERE al.clinic_id = ${f.clinicId} AND al.code LIKE 'VITALS\\_BP\\_%'
UNION ALL SELECT 'bp', al.code, count(DISTINCT al.session_id)::int FROM session_alerts al JOIN ss ON ss.id = al.session_id WHERE al.clinic_id = ${f.clinicId} AND al.code LIKE 'VITALS\\_BP\\_%' GROUP BY al.code
UNION ALL SELECT 'bp_any', NULL, count(DISTINCT al.session_id)::int FROM session_alerts al JOIN ss ON ss.id = al.session_id WHERE al.clinic_id = ${f.clinicId} AND al.code LIKE 'VITALS\\_BP\\_%'
UNION ALL SELECT 'week', to_char(date_trunc('week', dose_started_at AT TIME ZONE ${timeZone}), 'YYYY-MM-DD'), count(*)::int FROM ss GROUP BY 2
`,
  );
}
