import { addDays, daysBetween } from '@ketapath/clinical';
import { and, eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { AppError } from '../../http/errors';
import type { Deps } from '../../http/deps';
import { localDateOf, startOfLocalDay } from '../../lib/zoned';
import { loadClinic } from '../clinic/load';
import { clinicProtocol } from '../protocol/load';
import { outcomeAggregates } from './aggregates';
import { SHORT_NAMES } from './names';
import { buildDashboard } from './dashboard';
import type { DashboardFilter, DashboardOut } from './schemas';

/** The dashboard for the actor's clinic: the database's counts (aggregates.ts) and the clinical core's statistics. */
export async function loadDashboard(deps: Deps, clinicId: string, query: DashboardFilter): Promise<DashboardOut> {
  const clinic = await loadClinic(deps.db, clinicId);
  const { protocol } = clinicProtocol(clinic);
  const now = deps.clock.now();
  const today = localDateOf(now, clinic.timeZone);
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
  const { cohort, safety } = await outcomeAggregates(deps.db, { filter: { ...filter, instrument: query.instrument }, protocol, timeZone: clinic.timeZone, now, parallel: deps.database.kind === 'postgres' });
  return buildDashboard({
    filter: { from, to, route: filter.route, prescriberId: filter.prescriberId, instrument: query.instrument, instrumentName: SHORT_NAMES[query.instrument] },
    instrument: query.instrument,
    protocol,
    cohort,
    safety,
    periodDays,
  });
}
