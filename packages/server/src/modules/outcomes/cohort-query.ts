/**
 * The outcome dashboard's patient-level aggregation, done entirely by the database: each patient's baseline (last
 * score at or before the first dose), then one pass over the scores after it for the latest score, the first
 * response and the first response-or-remission; a second pass over the relapse
 * instrument finds the first run of `relapseConsecutive` scores at or above `relapseScoreAtOrAbove` after that
 * (the clinical core's `detectRelapse`, with the thresholds it would use). Only counts leave the database:
 * one row per (group, baseline, latest score) cell and one per (day, event) for each survival curve.
 */
import type { InstrumentId, ProtocolSettings } from '@ketapath/clinical';
import { sql } from 'drizzle-orm';
import { rawRows } from '../../db/raw';
import type { Queryable } from '../../db/types';
import { pgIntArray, scoreThresholds } from './thresholds';

export interface CohortFilter {
  readonly clinicId: string;
  readonly from: Date;
  /** Exclusive. */
  readonly to: Date;
  readonly route: string | null;
  readonly prescriberId: string | null;
  readonly instrument: InstrumentId;
}

export interface CohortRow {
  readonly kind: 'cell' | 'ttr' | 'relapse' | 'count';
  readonly route: string | null;
  readonly indication: string | null;
  readonly a: number | null;
  readonly b: number | null;
  readonly n: number;
}

export async function cohortAggregates(q: Queryable, f: CohortFilter, protocol: ProtocolSettings): Promise<CohortRow[]> {
  const t = scoreThresholds(f.instrument, protocol);
  const o = protocol.outcomes;
  const resp = pgIntArray(t.response);
  const either = pgIntArray(t.responseOrRemission);
  return rawRows<CohortRow>(
    q,
    sql`
WITH plan AS (
  SELECT DISTINCT ON (patient_id) patient_id, route, indication, signed_by
  FROM treatment_plans WHERE clinic_id = ${f.clinicId} ORDER BY patient_id, version DESC
),
first_dose AS (
  SELECT patient_id, min(dose_started_at) AS t0 FROM treatment_sessions
  WHERE clinic_id = ${f.clinicId} AND dose_started_at IS NOT NULL GROUP BY patient_id
),
cohort AS (
  SELECT p.patient_id, p.route, p.indication, d.t0 FROM plan p JOIN first_dose d USING (patient_id)
  WHERE d.t0 >= ${f.from} AND d.t0 < ${f.to}
    AND (${f.route}::text IS NULL OR p.route = ${f.route}::text)
    AND (${f.prescriberId}::uuid IS NULL OR p.signed_by = ${f.prescriberId}::uuid)
),
base AS (
  SELECT c.patient_id, (max(ARRAY[extract(epoch FROM r.completed_at)::float8, r.total::float8]))[2]::int AS baseline
  FROM cohort c JOIN questionnaire_responses r ON r.clinic_id = ${f.clinicId} AND r.instrument = ${f.instrument} AND r.patient_id = c.patient_id AND r.completed_at <= c.t0
  GROUP BY c.patient_id
),
per AS MATERIALIZED (
  SELECT c.patient_id, c.route, c.indication, c.t0, b.baseline,
    (max(ARRAY[extract(epoch FROM r.completed_at)::float8, r.total::float8]) FILTER (WHERE r.total IS NOT NULL))[2]::int AS latest,
    max(r.completed_at) AS last_at,
    min(r.completed_at) FILTER (WHERE r.total <= (${resp}::int[])[b.baseline + 1]) AS responded_at,
    min(r.completed_at) FILTER (WHERE r.total <= (${either}::int[])[b.baseline + 1]) AS origin
  FROM cohort c JOIN base b USING (patient_id)
  LEFT JOIN questionnaire_responses r ON r.clinic_id = ${f.clinicId} AND r.instrument = ${f.instrument} AND r.patient_id = c.patient_id AND r.completed_at > c.t0 AND r.completed_at < ${f.to}
  GROUP BY c.patient_id, c.route, c.indication, c.t0, b.baseline
),
rel_scores AS (
  SELECT p.patient_id, r.completed_at AS at, r.total >= ${o.relapseScoreAtOrAbove} AS high
  FROM per p JOIN questionnaire_responses r ON r.clinic_id = ${f.clinicId} AND r.instrument = ${o.relapseInstrument} AND r.patient_id = p.patient_id
    AND r.completed_at > p.origin AND r.completed_at < ${f.to}
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
)
SELECT 'count'::text AS kind, NULL::text AS route, NULL::text AS indication, 0 AS a, NULL::int AS b, count(*)::int AS n FROM cohort
UNION ALL SELECT 'count', NULL, NULL, 1, NULL, count(*)::int FROM per
UNION ALL SELECT 'count', NULL, NULL, 2, NULL, count(*)::int FROM per WHERE latest IS NOT NULL
UNION ALL
SELECT 'cell', route, indication, baseline, latest, count(*)::int FROM per WHERE latest IS NOT NULL GROUP BY route, indication, baseline, latest
UNION ALL
SELECT 'ttr', NULL, NULL, floor(extract(epoch FROM coalesce(responded_at, last_at) - t0) / 86400)::int, (responded_at IS NOT NULL)::int, count(*)::int
FROM per WHERE last_at IS NOT NULL GROUP BY 4, 5
UNION ALL
SELECT 'relapse', NULL, NULL, floor(extract(epoch FROM coalesce(onset, last_at) - origin) / 86400)::int, (onset IS NOT NULL)::int, count(*)::int
FROM relapse GROUP BY 4, 5
`,
  );
}
