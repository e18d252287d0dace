import type { RouteDef } from '../../http/route';
import { exportAuditRoute, searchAuditRoute } from './search.route';
import { verifyAuditRoute } from './verify.route';

export const auditRoutes: RouteDef[] = [searchAuditRoute, exportAuditRoute, verifyAuditRoute];
