/**
 * The dashboard's cohort counts from the maintained per-patient summaries (summaries.ts): the same rows as the
 * live query (cohort-query.ts) without reading a single score. The summaries hold every score filed so far, so
 * they answer a period only when no patient in it has a score on or after its end; the query counts those
 * patients too (`count` row 3) and the caller falls back to the live query when there are any.
 */
import { sql } from 'drizzle-orm';
import { rawRows } from '../../db/raw';
import type { Queryable } from '../../db/types';
import type { CohortFilter, CohortRow } from './cohort-query';

/** The cohort rows, or null when the summaries cannot answer this period exactly. */
export async function summaryAggregates(q: Queryable, f: CohortFilter): Promise<CohortRow[] | null> {
  const rows = await rawRows<CohortRow>(
    q,
    sql`
WITH per AS MATERIALIZED (
  SELECT route, indication, first_dose_at AS t0, baseline, latest, last_at, responded_at, origin, relapse_at, relapse_last_at
  FROM patient_outcome_summaries
  WHERE clinic_id = ${f.clinicId} AND instrument = ${f.instrument} AND first_dose_at >= ${f.from} AND first_dose_at < ${f.to}
    AND (${f.route}::text IS NULL OR route = ${f.route}::text)
    AND (${f.prescriberId}::uuid IS NULL OR prescriber_id = ${f.prescriberId}::uuid)
)
SELECT 'count'::text AS kind, NULL::text AS route, NULL::text AS indication, 0 AS a, NULL::int AS b, count(*)::int AS n FROM per
UNION ALL SELECT 'count', NULL, NULL, 1, NULL, count(*)::int FROM per WHERE baseline IS NOT NULL
UNION ALL SELECT 'count', NULL, NULL, 2, NULL, count(*)::int FROM per WHERE baseline IS NOT NULL AND latest IS NOT NULL
UNION ALL SELECT 'count', NULL, NULL, 3, NULL, count(*)::int FROM per WHERE last_at >= ${f.to} OR relapse_last_at >= ${f.to}
UNION ALL
SELECT 'cell', route, indication, baseline, latest, count(*)::int FROM per WHERE baseline IS NOT NULL AND latest IS NOT NULL GROUP BY route, indication, baseline, latest
UNION ALL
SELECT 'ttr', NULL, NULL, floor(extract(epoch FROM coalesce(responded_at, last_at) - t0) / 86400)::int, (responded_at IS NOT NULL)::int, count(*)::int
FROM per WHERE baseline IS NOT NULL AND last_at IS NOT NULL GROUP BY 4, 5
UNION ALL
SELECT 'relapse', NULL, NULL, floor(extract(epoch FROM coalesce(relapse_at, relapse_last_at) - origin) / 86400)::int, (relapse_at IS NOT NULL)::int, count(*)::int
FROM per WHERE origin IS NOT NULL GROUP BY 4, 5
`,
  );
  const later = rows.find((r) => r.kind === 'count' && r.a === 3);
  if (later === undefined || later.n > 0) {
    return null;
  }
  return rows.filter((r) => !(r.kind === 'count' && r.a === 3));
}
