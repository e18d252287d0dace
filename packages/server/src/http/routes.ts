import { auditRoutes } from '../modules/audit';
import { authRoutes } from '../modules/auth';
import { clinicRoutes } from '../modules/clinic/clinic.route';
import { consentRoutes } from '../modules/consents';
import { eligibilityRoutes } from '../modules/eligibility/reviews.route';
import { intakeRoutes } from '../modules/intake/intake.route';
import { protocolRoutes } from '../modules/protocol/protocol.route';
import { demoRoutes } from '../modules/demo/demo.route';
import { healthRoutes } from '../modules/health/health.route';
import { ledgerRoutes } from '../modules/ledger';
import { outcomesRoutes } from '../modules/outcomes';
import { followUpRoutes } from '../modules/followups';
import { patientRoutes } from '../modules/patients';
import { planRoutes } from '../modules/plans/plans.route';
import { schedulingRoutes } from '../modules/scheduling';
import { publicPageApiRoutes, publicPages } from '../modules/public';
import { setupRoutes } from '../modules/setup/setup.route';
import { treatmentRoutes } from '../modules/treatment';
import { instrumentRoute } from '../modules/instruments/instruments.route';
import { userRoutes } from '../modules/users';
import { portalRoutes } from '../modules/portal';
import { questionnaireRoutes } from '../modules/questionnaires/staff.route';
import { riskRoutes } from '../modules/risk/alerts.route';
import { outboxRoute } from '../modules/messages/outbox.route';
import type { PageDef } from './page';
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
    ...consentRoutes,
    ...protocolRoutes,
    ...intakeRoutes,
    ...eligibilityRoutes,
    ...planRoutes,
    ...schedulingRoutes,
    ...publicPageApiRoutes,
    ...treatmentRoutes,
    instrumentRoute,
    ...ledgerRoutes,
    ...portalRoutes,
    ...questionnaireRoutes,
    ...riskRoutes,
    outboxRoute,
    ...outcomesRoutes,
    ...followUpRoutes,
    ...(options.demo ? demoRoutes : []),
  ];
}

/** Every server-rendered page (public pages, clinic pages, robots.txt, sitemap), by module. */
export function allPages(): PageDef[] {
  return [...publicPages];
}
