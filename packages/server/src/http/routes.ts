import { auditRoutes } from '../modules/audit';
import { authRoutes } from '../modules/auth';
import { clinicRoutes } from '../modules/clinic/clinic.route';
import { demoRoutes } from '../modules/demo/demo.route';
import { healthRoutes } from '../modules/health/health.route';
import { ledgerRoutes } from '../modules/ledger';
import { patientRoutes } from '../modules/patients';
import { setupRoutes } from '../modules/setup/setup.route';
import { userRoutes } from '../modules/users';
import type { RouteDef } from './route';

/** Every API route of the application, by module. */
export function allRoutes(options: { demo: boolean }): RouteDef[] {
  return [
    ...healthRoutes,
    ...setupRoutes,
    ...authRoutes,
    ...userRoutes,
    ...clinicRoutes,
    ...auditRoutes,
    ...patientRoutes,
    ...ledgerRoutes,
    ...(options.demo ? demoRoutes : []),
  ];
}
