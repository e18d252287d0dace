/**
 * The per-patient outcome summaries (patient_outcome_summaries): the facts of facts-sql.ts computed over every
 * score filed so far, one row per treated patient and outcome instrument; and with them each patient's first
 * and last dose per route (patient_dose_spans). They are derived data, so they are kept current rather than
 * trusted blindly:
 *
 * - `refreshPatientOutcomes` recomputes one patient's rows in the caller's transaction; it runs wherever a
 *   score is filed, a plan signed or a dose started. A per-patient lock makes concurrent refreshes of one
 *   patient run in turn, each reading what the one before committed.
 * - `ensureOutcomeSummaries` rebuilds a clinic's rows whenever the outcome rules they were computed with
 *   (the clinical core's thresholds for the clinic's protocol, plus this file's version) differ from the
 *   current ones, or they were never built; the dashboard calls it first. A rebuild takes the clinic's lock
 *   exclusively, a refresh takes it shared, so a rebuild never overwrites a newer refresh.
 */
import { createHash } from 'node:crypto';
import type { ProtocolSettings } from '@ketapath/clinical';
import { eq, sql } from 'drizzle-orm';
import { outcomeSummaryState } from '../../db/schema';
import type { Db, Queryable } from '../../db/types';
import type { Deps } from '../../http/deps';
import { outcomeFactsCtes } from './facts-sql';
import { OUTCOME_INSTRUMENTS } from './schemas';
import { scoreThresholds } from './thresholds';

/** Raise when the summary's definition changes, so every clinic's rows are rebuilt on the next dashboard. */
const SUMMARY_VERSION = 2; // 2: with the dose spans

/** A fingerprint of everything the summaries depend on besides the data. */
export function outcomeRulesKey(protocol: ProtocolSettings): string {
  const o = protocol.outcomes;
  const rules = {
    v: SUMMARY_VERSION,
    thresholds: OUTCOME_INSTRUMENTS.map((i) => [i, scoreThresholds(i, protocol)]),
    relapse: [o.relapseInstrument, o.relapseScoreAtOrAbove, o.relapseConsecutive],
  };
  return createHash('sha256').update(JSON.stringify(rules)).digest('hex').slice(0, 32);
}

const clinicLock = (clinicId: string) => sql`hashtextextended(${`outcomes:${clinicId}`}, 0)`;
const patientLock = (patientId: string) => sql`hashtextextended(${`outcomes:patient:${patientId}`}, 0)`;

/** Replace the summary rows of some patients (or of the whole clinic) with freshly computed ones. */
async function writeSummaries(q: Queryable, clinicId: string, protocol: ProtocolSettings, patientIds: readonly string[] | null): Promise<void> {
  const ids = patientIds === null ? null : `{${patientIds.join(',')}}`;
  const only = ids === null ? sql`` : sql` AND patient_id = ANY(${ids}::uuid[])`;
  await q.execute(sql`DELETE FROM patient_outcome_summaries WHERE clinic_id = ${clinicId}${only}`);
  await q.execute(sql`DELETE FROM patient_dose_spans WHERE clinic_id = ${clinicId}${only}`);
  await q.execute(sql`
INSERT INTO patient_dose_spans (clinic_id, patient_id, route, first_dose_at, last_dose_at)
SELECT clinic_id, patient_id, route, min(dose_started_at), max(dose_started_at)
FROM treatment_sessions WHERE clinic_id = ${clinicId} AND dose_started_at IS NOT NULL${only}
GROUP BY clinic_id, patient_id, route`);
  for (const instrument of OUTCOME_INSTRUMENTS) {
    const ctes = outcomeFactsCtes({ clinicId, instrument, protocol, upto: null, patientIds }, sql`true`);
    await q.execute(sql`
WITH ${ctes}
INSERT INTO patient_outcome_summaries (clinic_id, patient_id, instrument, route, indication, prescriber_id, first_dose_at, baseline, latest, last_at, responded_at, origin, relapse_at, relapse_last_at)
SELECT ${clinicId}::uuid, c.patient_id, ${instrument}, c.route, c.indication, c.signed_by, c.t0, p.baseline, p.latest, p.last_at, p.responded_at, p.origin, r.onset, r.last_at
FROM cohort c LEFT JOIN per p USING (patient_id) LEFT JOIN relapse r USING (patient_id)`);
  }
}

/**
 * Recompute one patient's summaries, in the caller's transaction, if the clinic's summaries are in use and were
 * computed with `protocol`'s rules (the clinic's protocol, which every caller has already resolved).
 */
export async function refreshPatientOutcomes(tx: Queryable, clinicId: string, patientId: string, protocol: ProtocolSettings): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(${clinicLock(clinicId)})`);
  const [state] = await tx.select({ rulesKey: outcomeSummaryState.rulesKey }).from(outcomeSummaryState).where(eq(outcomeSummaryState.clinicId, clinicId));
  if (state === undefined) {
    return; // never built: the first dashboard builds them all
  }
  if (state.rulesKey !== outcomeRulesKey(protocol)) {
    return; // the rules changed: the rebuild under way (or the next dashboard) recomputes them all
  }
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${patientLock(patientId)})`);
  await writeSummaries(tx, clinicId, protocol, [patientId]);
}

/** Make sure the clinic's summaries exist and were computed with `protocol`'s rules; rebuild them otherwise. */
export async function ensureOutcomeSummaries(db: Db, clinicId: string, protocol: ProtocolSettings, now: Date): Promise<void> {
  const key = outcomeRulesKey(protocol);
  const current = async (q: Queryable) => {
    const [state] = await q.select({ rulesKey: outcomeSummaryState.rulesKey }).from(outcomeSummaryState).where(eq(outcomeSummaryState.clinicId, clinicId));
    return state?.rulesKey === key;
  };
  if (await current(db)) {
    return;
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${clinicLock(clinicId)})`);
    if (await current(tx)) {
      return; // another server rebuilt them while this one waited
    }
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    await writeSummaries(tx, clinicId, protocol, null);
    await tx
      .insert(outcomeSummaryState)
      .values({ clinicId, rulesKey: key, builtAt: now })
      .onConflictDoUpdate({ target: outcomeSummaryState.clinicId, set: { rulesKey: key, builtAt: now } });
  });
}

/** After writing scores, plans or doses in bulk (not through the use cases): the next dashboard rebuilds the clinic's summaries. */
export async function invalidateOutcomeSummaries(tx: Queryable, clinicId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${clinicLock(clinicId)})`);
  await tx.delete(outcomeSummaryState).where(eq(outcomeSummaryState.clinicId, clinicId));
}

/** After the clinic's protocol changes: rebuild its summaries in the background if their rules changed (errors are logged). */
export function refreshOutcomeSummariesSoon(deps: Pick<Deps, 'db' | 'clock' | 'log'>, clinicId: string, protocol: ProtocolSettings): void {
  ensureOutcomeSummaries(deps.db, clinicId, protocol, deps.clock.now()).catch((err: unknown) => {
    deps.log.warn({ err, clinicId }, 'outcome summaries were not rebuilt after a protocol change; the next dashboard rebuilds them');
  });
}
