/**
 * The counts behind the outcome dashboard and the public Outcomes section, from a few aggregate queries: the
 * cohort's (from the maintained per-patient summaries when they can answer the period, otherwise computed from
 * every score), the period's sessions (from indexes by week and route, and the patients from their dose spans),
 * and its adverse events and blood-pressure alerts. On PostgreSQL they run side by side on separate connections,
 * each in its own read transaction with room to sort and hash in memory; the embedded database has one
 * connection, so there they run in turn.
 */
import type { ProtocolSettings } from '@ketapath/clinical';
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/types';
import { cohortAggregates, type CohortFilter, type CohortRow } from './cohort-query';
import { EVENT_JOIN_SETTINGS, eventAggregates, sessionAggregates, type SafetyRow } from './safety-query';
import { sessionCountsByWeek, sessionPatients } from './session-counts';
import { ensureOutcomeSummaries } from './summaries';
import { summaryAggregates } from './summary-query';

export interface OutcomeAggregates {
  readonly cohort: readonly CohortRow[];
  readonly safety: readonly SafetyRow[];
}

export interface AggregateInput {
  readonly filter: CohortFilter;
  readonly protocol: ProtocolSettings;
  readonly timeZone: string;
  readonly now: Date;
  /** True on PostgreSQL (a pool of connections). */
  readonly parallel: boolean;
}

export async function outcomeAggregates(db: Db, input: AggregateInput): Promise<OutcomeAggregates> {
  const { filter, protocol, now } = input;
  const roomy = <T>(run: (tx: Tx) => Promise<T>, settings: readonly SQL[] = []): Promise<T> =>
    db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
      for (const s of settings) {
        await tx.execute(s);
      }
      if (input.parallel) {
        // The queries already run side by side, one per connection: workers within each would only compete for the same cores.
        await tx.execute(sql`SET LOCAL max_parallel_workers_per_gather = 0`);
      }
      return run(tx);
    });
  // The per-patient summaries and dose spans must be current first (a no-op unless the rules changed or they were
  // never built). The summaries hold every score filed so far: they answer a period that ends after now unless a
  // patient in it has a score after its end (a device clock ahead, a controlled clock); any other period's cohort is
  // computed live. The dose spans answer any period.
  await ensureOutcomeSummaries(db, filter.clinicId, protocol, now);
  const cohort = async (): Promise<CohortRow[]> => {
    if (filter.to.getTime() > now.getTime()) {
      const fast = await summaryAggregates(db, filter);
      if (fast !== null) {
        return fast;
      }
    }
    return roomy((tx) => cohortAggregates(tx, filter, protocol));
  };
  // Without a prescriber filter the session counts come from indexes alone, as two queries; with one, from one
  // pass over the period's sessions and their plans.
  const sessionQueries = filter.prescriberId === null
    ? [() => roomy((tx) => sessionCountsByWeek(tx, filter, input.timeZone)), () => roomy((tx) => sessionPatients(tx, filter))]
    : [() => roomy((tx) => sessionAggregates(tx, filter, input.timeZone))];
  const safetyQueries = [...sessionQueries, () => roomy((tx) => eventAggregates(tx, filter), filter.prescriberId === null ? EVENT_JOIN_SETTINGS : [])];
  if (input.parallel) {
    const [c, ...safety] = await Promise.all([cohort(), ...safetyQueries.map((run) => run())]);
    return { cohort: c, safety: safety.flat() };
  }
  const c = await cohort();
  const safety: SafetyRow[] = [];
  for (const run of safetyQueries) {
    safety.push(...(await run()));
  }
  return { cohort: c, safety };
}
