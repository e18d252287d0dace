import type { RouteDef } from '../../http/route';
import { addMeasurementRoute, getPatientRoute, listMeasurementsRoute, updatePatientRoute } from './record.route';
import { registerPatientRoute } from './register.route';
import { searchPatientsRoute } from './search.route';
import { timelineRoute } from './timeline.route';

export const patientRoutes: RouteDef[] = [registerPatientRoute, searchPatientsRoute, getPatientRoute, updatePatientRoute, addMeasurementRoute, listMeasurementsRoute, timelineRoute];
