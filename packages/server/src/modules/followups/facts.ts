/**
 * What the clinical core's `dueFollowUps` needs, for one patient or every patient with a plan in a clinic, in one
 * query: the plan in force, dosed sessions, the date each follow-up item was last done (a recorded result, or a
 * filed urinary-symptom / misuse questionnaire) and sessions since the last urinary screen.
 */
import { sql } from 'drizzle-orm';
import { rawRows } from '../../db/raw';
import type { Queryable } from '../../db/types';

export interface FollowUpFacts {
  readonly patientId: string;
  readonly displayName: string;
  readonly mrn: number;
  readonly planId: string;
  readonly route: string;
  readonly schedule: { readonly sessions?: readonly { readonly phase: string; readonly localDate: string }[] } | null;
  readonly followUpPlan: readonly { readonly id: string }[] | null;
  readonly dosedSessions: number;
  readonly firstDoseOn: string | null;
  readonly lastDone: Readonly<Record<string, string>> | null;
  readonly urinarySince: number;
  readonly exposureMg: number | null;
}

export async function followUpFacts(q: Queryable, clinicId: string, timeZone: string, patientId: string | null): Promise<FollowUpFacts[]> {
  return rawRows<FollowUpFacts>(
    q,
    sql`
WITH plan AS (
  SELECT DISTINCT ON (patient_id) patient_id, id, route, schedule, follow_up_plan FROM treatment_plans
  WHERE clinic_id = ${clinicId} AND (${patientId}::uuid IS NULL OR patient_id = ${patientId}::uuid) ORDER BY patient_id, version DESC
),
dosed AS (
  SELECT patient_id, count(*)::int AS n, min(dose_started_at) AS first_at FROM treatment_sessions
  WHERE clinic_id = ${clinicId} AND dose_started_at IS NOT NULL AND (${patientId}::uuid IS NULL OR patient_id = ${patientId}::uuid) GROUP BY patient_id
),
done AS (
  SELECT patient_id, item, max(done_on) AS last FROM follow_up_results
  WHERE clinic_id = ${clinicId} AND (${patientId}::uuid IS NULL OR patient_id = ${patientId}::uuid) GROUP BY patient_id, item
  UNION ALL
  SELECT patient_id, CASE instrument WHEN 'urinary_screen' THEN 'urinary_screen' ELSE 'misuse_screen' END, max((completed_at AT TIME ZONE ${timeZone})::date)
  FROM questionnaire_responses WHERE clinic_id = ${clinicId} AND instrument IN ('urinary_screen', 'misuse_check') AND (${patientId}::uuid IS NULL OR patient_id = ${patientId}::uuid)
  GROUP BY 1, 2
),
last_done AS (
  SELECT patient_id, jsonb_object_agg(item, last) AS last FROM (SELECT patient_id, item, to_char(max(last), 'YYYY-MM-DD') AS last FROM done GROUP BY 1, 2) d GROUP BY patient_id
),
exposure AS (
  SELECT s.patient_id, sum(a.dose_mg)::float8 AS mg FROM session_administrations a JOIN treatment_sessions s ON s.id = a.session_id
  WHERE a.clinic_id = ${clinicId} AND (${patientId}::uuid IS NULL OR s.patient_id = ${patientId}::uuid) GROUP BY s.patient_id
)
SELECT p.patient_id AS "patientId", coalesce(pt.preferred_name, pt.legal_first_name) || ' ' || pt.legal_last_name AS "displayName", pt.mrn,
  p.id AS "planId", p.route, p.schedule, p.follow_up_plan AS "followUpPlan", coalesce(d.n, 0) AS "dosedSessions",
  to_char((d.first_at AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS "firstDoseOn", l.last AS "lastDone", e.mg AS "exposureMg",
  (SELECT count(*)::int FROM treatment_sessions s WHERE s.clinic_id = ${clinicId} AND s.patient_id = p.patient_id AND s.dose_started_at IS NOT NULL
     AND (s.dose_started_at AT TIME ZONE ${timeZone})::date > coalesce((l.last ->> 'urinary_screen')::date, '-infinity'::date)) AS "urinarySince"
FROM plan p JOIN patients pt ON pt.id = p.patient_id AND pt.status = 'active'
LEFT JOIN dosed d USING (patient_id) LEFT JOIN last_done l USING (patient_id) LEFT JOIN exposure e USING (patient_id)
ORDER BY pt.legal_last_name, pt.legal_first_name
`,
  );
}
