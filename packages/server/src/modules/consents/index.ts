import type { RouteDef } from '../../http/route';
import { consentPdfRoute, countersignConsentRoute, getConsentRoute, withdrawConsentRoute } from './consent-actions.route';
import { listPatientConsentsRoute, signConsentRoute } from './patient-consents.route';
import { listTemplatesRoute, newTemplateVersionRoute, templateVersionsRoute } from './templates.route';

export const consentRoutes: RouteDef[] = [
  listTemplatesRoute,
  templateVersionsRoute,
  newTemplateVersionRoute,
  listPatientConsentsRoute,
  signConsentRoute,
  getConsentRoute,
  countersignConsentRoute,
  withdrawConsentRoute,
  consentPdfRoute,
];
