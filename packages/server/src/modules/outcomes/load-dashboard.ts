import { addDays, daysBetween } from '@ketapath/clinical';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/types';
import { users } from '../../db/schema';
import { AppError } from '../../http/errors';
import type { Deps } from '../../http/deps';
import { localDateOf, startOfLocalDay } from '../../lib/zoned';
import { loadClinic } from '../clinic/load';
import { clinicProtocol } from '../protocol/load';
import { cohortAggregates } from './cohort-query';
import { SHORT_NAMES } from './names';
import { buildDashboard } from './dashboard';
import { safetyAggregates } from './safety-query';
import type { DashboardFilter, DashboardOut } from './schemas';

/** The dashboard for the actor's clinic: two aggregate queries (run together) and the clinical core's statistics. */
export async function loadDashboard(deps: Deps, clinicId: string, query: DashboardFilter): Promise<DashboardOut> {
  const clinic = await loadClinic(deps.db, clinicId);
  const { protocol } = clinicProtocol(clinic);
  const today = localDateOf(deps.clock.now(), clinic.timeZone);
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -364);
  const periodDays = daysBetween(from, to) + 1;
  if (periodDays < 1) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'querystring.from', message: 'The first day must be on or before the last day.' }] });
  }
  if (query.prescriberId !== undefined) {
    const [u] = await deps.db.select({ id: users.id }).from(users).where(and(eq(users.id, query.prescriberId), eq(users.clinicId, clinicId)));
    if (u === undefined) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'querystring.prescriberId', message: 'No such prescriber in this clinic.' }] });
    }
  }
  const filter = { clinicId, from: startOfLocalDay(from, clinic.timeZone), to: startOfLocalDay(addDays(to, 1), clinic.timeZone), route: query.route ?? null, prescriberId: query.prescriberId ?? null };
  // Each aggregate runs in its own read transaction with room to sort and hash in memory; on PostgreSQL the two run
  // side by side on separate connections (the embedded database has one connection, so there they run in turn).
  const roomy = <T>(run: (tx: Tx) => Promise<T>): Promise<T> =>
    deps.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
      return run(tx);
    });
  const cohortRun = () => roomy((tx) => cohortAggregates(tx, { ...filter, instrument: query.instrument }, protocol));
  const safetyRun = () => roomy((tx) => safetyAggregates(tx, filter, clinic.timeZone));
  const [cohort, safety] = deps.database.kind === 'postgres' ? await Promise.all([cohortRun(), safetyRun()]) : [await cohortRun(), await safetyRun()];
  return buildDashboard({
    filter: { from, to, route: filter.route, prescriberId: filter.prescriberId, instrument: query.instrument, instrumentName: SHORT_NAMES[query.instrument] },
    instrument: query.instrument,
    protocol,
    cohort,
    safety,
    periodDays,
  });
}
