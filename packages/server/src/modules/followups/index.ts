import type { RouteDef } from '../../http/route';
import { patientFollowUpRoute } from './patient.route';
import { recordFollowUpRoute, reviewFollowUpRoute } from './record.route';
import { worklistRoute } from './worklist.route';

export const followUpRoutes: RouteDef[] = [worklistRoute, patientFollowUpRoute, recordFollowUpRoute, reviewFollowUpRoute];
