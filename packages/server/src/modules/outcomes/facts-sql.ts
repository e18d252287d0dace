/**
 * The per-patient outcome facts, as SQL common table expressions shared by the dashboard's live cohort query
 * (cohort-query.ts) and the summary refresh (summaries.ts), so both apply one definition:
 *
 * - `cohort`: patients with a treatment plan and a first dose (`t0`), narrowed by the caller's condition;
 * - `base`: each one's baseline, the last score at or before the first dose;
 * - `per`: one pass over the scores after it for the latest score, the first response and the first
 *   response-or-remission (`origin`), using the clinical core's thresholds for every possible baseline;
 * - `relapse`: a pass over the relapse instrument after `origin` for the first run of `relapseConsecutive`
 *   scores at or above `relapseScoreAtOrAbove` (the clinical core's `detectRelapse`, with its thresholds).
 *
 * `upto` (exclusive) ignores scores filed from then on; null takes every score.
 */
import type { InstrumentId, ProtocolSettings } from '@ketapath/clinical';
import { sql, type SQL } from 'drizzle-orm';
import { pgIntArray, scoreThresholds } from './thresholds';

export interface FactsScope {
  readonly clinicId: string;
  readonly instrument: InstrumentId;
  readonly protocol: ProtocolSettings;
  /** Exclusive; null = no end. */
  readonly upto: Date | null;
  /** Only these patients (plans and doses are read for them alone); null = the whole clinic. */
  readonly patientIds: readonly string[] | null;
}

/** `cohortWhere` narrows the cohort; it may use `p.route`, `p.signed_by` and `d.t0`. */
export function outcomeFactsCtes(s: FactsScope, cohortWhere: SQL): SQL {
  const t = scoreThresholds(s.instrument, s.protocol);
  const o = s.protocol.outcomes;
  const resp = pgIntArray(t.response);
  const either = pgIntArray(t.responseOrRemission);
  const ids = s.patientIds === null ? null : `{${s.patientIds.join(',')}}`;
  const onlyIds = ids === null ? sql`` : sql` AND patient_id = ANY(${ids}::uuid[])`;
  const before = (col: SQL): SQL => (s.upto === null ? sql`` : sql` AND ${col} < ${s.upto}`);
  return sql`
plan AS (
  SELECT DISTINCT ON (patient_id) patient_id, route, indication, signed_by
  FROM treatment_plans WHERE clinic_id = ${s.clinicId}${onlyIds} ORDER BY patient_id, version DESC
),
first_dose AS (
  SELECT patient_id, min(dose_started_at) AS t0 FROM treatment_sessions
  WHERE clinic_id = ${s.clinicId} AND dose_started_at IS NOT NULL${onlyIds} GROUP BY patient_id
),
cohort AS (
  SELECT p.patient_id, p.route, p.indication, p.signed_by, d.t0 FROM plan p JOIN first_dose d USING (patient_id)
  WHERE ${cohortWhere}
),
base AS (
  SELECT c.patient_id, (max(ARRAY[extract(epoch FROM r.completed_at)::float8, r.total::float8]))[2]::int AS baseline
  FROM cohort c JOIN questionnaire_responses r ON r.clinic_id = ${s.clinicId} AND r.instrument = ${s.instrument} AND r.patient_id = c.patient_id AND r.completed_at <= c.t0
  GROUP BY c.patient_id
),
per AS MATERIALIZED (
  SELECT c.patient_id, c.route, c.indication, c.t0, b.baseline,
    (max(ARRAY[extract(epoch FROM r.completed_at)::float8, r.total::float8]) FILTER (WHERE r.total IS NOT NULL))[2]::int AS latest,
    max(r.completed_at) AS last_at,
    min(r.completed_at) FILTER (WHERE r.total <= (${resp}::int[])[b.baseline + 1]) AS responded_at,
    min(r.completed_at) FILTER (WHERE r.total <= (${either}::int[])[b.baseline + 1]) AS origin
  FROM cohort c JOIN base b USING (patient_id)
  LEFT JOIN questionnaire_responses r ON r.clinic_id = ${s.clinicId} AND r.instrument = ${s.instrument} AND r.patient_id = c.patient_id AND r.completed_at > c.t0${before(sql`r.completed_at`)}
  GROUP BY c.patient_id, c.route, c.indication, c.t0, b.baseline
),
rel_scores AS (
  SELECT p.patient_id, r.completed_at AS at, r.total >= ${o.relapseScoreAtOrAbove} AS high
  FROM per p JOIN questionnaire_responses r ON r.clinic_id = ${s.clinicId} AND r.instrument = ${o.relapseInstrument} AND r.patient_id = p.patient_id
    AND r.completed_at > p.origin${before(sql`r.completed_at`)}
  WHERE p.origin IS NOT NULL
),
runs AS (
  SELECT patient_id, min(at) FILTER (WHERE high) AS onset, count(*) FILTER (WHERE high) AS n, max(at) AS last_at
  FROM (SELECT *, sum(CASE WHEN high THEN 0 ELSE 1 END) OVER (PARTITION BY patient_id ORDER BY at) AS grp FROM rel_scores) g
  GROUP BY patient_id, grp
),
relapse AS (
  SELECT p.patient_id, p.origin, min(r.onset) FILTER (WHERE r.n >= ${o.relapseConsecutive}) AS onset, greatest(p.last_at, max(r.last_at)) AS last_at
  FROM per p LEFT JOIN runs r USING (patient_id) WHERE p.origin IS NOT NULL
  GROUP BY p.patient_id, p.origin, p.last_at
)`;
}
