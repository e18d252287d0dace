/**
 * The outcome dashboard's patient-level aggregation, done entirely by the database from every score (the live
 * path: any period). The per-patient facts are facts-sql.ts's; only counts leave the database: one row per
 * (group, baseline, latest score) cell and one per (day, event) for each survival curve. summary-query.ts gives
 * the same rows from the maintained per-patient summaries when the period ends today or later.
 */
import type { InstrumentId, ProtocolSettings } from '@ketapath/clinical';
import { sql } from 'drizzle-orm';
import { rawRows } from '../../db/raw';
import type { Queryable } from '../../db/types';
import { outcomeFactsCtes } from './facts-sql';

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
  const ctes = outcomeFactsCtes(
    { clinicId: f.clinicId, instrument: f.instrument, protocol, upto: f.to, patientIds: null },
    sql`d.t0 >= ${f.from} AND d.t0 < ${f.to}
    AND (${f.route}::text IS NULL OR p.route = ${f.route}::text)
    AND (${f.prescriberId}::uuid IS NULL OR p.signed_by = ${f.prescriberId}::uuid)`,
  );
  return rawRows<CohortRow>(
    q,
    sql`
WITH ${ctes}
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
