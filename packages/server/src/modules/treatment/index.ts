import type { RouteDef } from '../../http/route';
import { acknowledgeAlertRoute } from './alerts.route';
import { boardDisplayRoute } from './board-display.route';
import { boardRoute, boardStreamRoute } from './board.route';
import { listDevicesRoute, registerDeviceRoute, revokeDeviceRoute } from './devices.route';
import { checkDischargeRoute, dischargeRoute, stateChangeRoute } from './discharge.route';
import { doseRoutes } from './dose.route';
import { dosePreviewRoute } from './dose-preview.route';
import { dischargeInstructionsRoute } from './instructions.route';
import { noticesRoute, readNoticeRoute } from './notices.route';
import { passPredoseRoute, savePredoseRoute } from './predose.route';
import { adverseEventRoute, assessmentRoute } from './records.route';
import { remsComplianceRoute, remsPdfRoute, remsSubmissionRoute } from './rems.route';
import { getSessionRoute, patientSessionsRoute } from './session.route';
import { amendSessionRoute, signSessionRoute } from './sign.route';
import { postVitalsRoute, voidReadingRoute } from './vitals.route';

export const treatmentRoutes: RouteDef[] = [
  getSessionRoute,
  patientSessionsRoute,
  savePredoseRoute,
  passPredoseRoute,
  ...doseRoutes,
  dosePreviewRoute,
  postVitalsRoute,
  voidReadingRoute,
  acknowledgeAlertRoute,
  assessmentRoute,
  adverseEventRoute,
  checkDischargeRoute,
  dischargeRoute,
  stateChangeRoute,
  signSessionRoute,
  amendSessionRoute,
  dischargeInstructionsRoute,
  remsComplianceRoute,
  remsSubmissionRoute,
  remsPdfRoute,
  boardRoute,
  boardStreamRoute,
  boardDisplayRoute,
  listDevicesRoute,
  registerDeviceRoute,
  revokeDeviceRoute,
  noticesRoute,
  readNoticeRoute,
];

export { startEscalationWorker, runEscalation } from './escalation';
