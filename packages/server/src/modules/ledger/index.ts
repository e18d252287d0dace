import type { RouteDef } from '../../http/route';
import { adjustRoute } from './adjust.route';
import { alertsRoute } from './alerts.route';
import { catalogRoutes } from './catalog.route';
import { getCountRoute, listCountsRoute, recordCountRoute } from './counts.route';
import { destroyRoute } from './destroy.route';
import { listLossReportsRoute, reportLossRoute } from './loss.route';
import { receiveRoute } from './receive.route';
import { registerRoutes } from './register.route';
import { countReportRoute, summaryRoute } from './reports.route';
import { resolveCountRoute } from './resolve.route';
import { returnRoute } from './return.route';
import { stockRoutes } from './stock.route';
import { completeTaskRoute, listTasksRoute } from './tasks.route';
import { transferRoute } from './transfer.route';
import { verifyLedgerRoute } from './verify.route';
import { wasteRoute } from './waste.route';

/** The controlled-substance ledger (issue 7). Administrations are written by sessions through `record-administration.ts`. */
export const ledgerRoutes: RouteDef[] = [
  ...catalogRoutes,
  ...stockRoutes,
  receiveRoute,
  wasteRoute,
  transferRoute,
  returnRoute,
  adjustRoute,
  destroyRoute,
  reportLossRoute,
  listLossReportsRoute,
  listTasksRoute,
  completeTaskRoute,
  recordCountRoute,
  listCountsRoute,
  getCountRoute,
  resolveCountRoute,
  countReportRoute,
  ...registerRoutes,
  summaryRoute,
  alertsRoute,
  verifyLedgerRoute,
];
