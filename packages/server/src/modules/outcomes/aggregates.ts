/**
 * The counts behind the outcome dashboard and the public Outcomes section, from four aggregate queries: the
 * cohort's (from the maintained per-patient summaries when they can answer the period, otherwise computed from
 * every score), the period's sessions, its adverse events and its blood-pressure alerts. On PostgreSQL the four run side by
 * side on separate connections, each in its own read transaction with room to sort and hash in memory; the
 * embedded database has one connection, so there they run in turn.
 */
import type { ProtocolSettings } from '@ketapath/clinical';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/types';
import { cohortAggregates, type CohortFilter, type CohortRow } from './cohort-query';
import { adverseEventAggregates, bpAlertAggregates, sessionAggregates, type SafetyRow } from './safety-query';
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
  const roomy = <T>(run: (tx: Tx) => Promise<T>): Promise<T> =>
    db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
      if (input.parallel) {
        // The queries already run side by side, one per connection: workers within each would only compete for the same cores.
        await tx.execute(sql`SET LOCAL max_parallel_workers_per_gather = 0`);
      }
      return run(tx);
    });
  // The summaries hold every score filed so far: they answer a period that ends after now unless a patient in it
  // has a score after its end (a device clock ahead, a controlled clock); any other period is computed live.
  const cohort = async (): Promise<CohortRow[]> => {
    if (filter.to.getTime() > now.getTime()) {
      await ensureOutcomeSummaries(db, filter.clinicId, protocol, now);
      const fast = await summaryAggregates(db, filter);
      if (fast !== null) {
        return fast;
      }
    }
    return roomy((tx) => cohortAggregates(tx, filter, protocol));
  };
  const sessions = () => roomy((tx) => sessionAggregates(tx, filter, input.timeZone));
  const events = () => roomy((tx) => adverseEventAggregates(tx, filter));
  const alerts = () => roomy((tx) => bpAlertAggregates(tx, filter));
  if (input.parallel) {
    const [c, s, e, a] = await Promise.all([cohort(), sessions(), events(), alerts()]);
    return { cohort: c, safety: [...s, ...e, ...a] };
  }
  const c = await cohort();
  return { cohort: c, safety: [...(await sessions()), ...(await events()), ...(await alerts())] };
}
