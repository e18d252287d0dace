import type { RouteDef } from '../../http/route';
import { dashboardCsvRoute, dashboardRoute } from './dashboard.route';
import { patientOutcomesRoute } from './patient.route';

export const outcomesRoutes: RouteDef[] = [dashboardRoute, dashboardCsvRoute, patientOutcomesRoute];
