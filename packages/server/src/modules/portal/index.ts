import type { RouteDef } from '../../http/route';
import { acceptLinkRoute, portalKeepaliveRoute, portalLoginRoute, portalLogoutRoute, portalSessionRoute, signInLinkRoute, viewLinkRoute } from './auth.route';
import { portalHomeRoute, portalProgressRoute } from './home.route';
import { invitePatientRoute, portalAccountRoute, revokePortalRoute } from './invite.route';
import { portalInstrumentRoute, portalSubmitRoute } from './questionnaire.route';
import { portalConsentRoute, portalSignConsentRoute } from './consent.route';

export const portalRoutes: RouteDef[] = [
  viewLinkRoute,
  acceptLinkRoute,
  portalLoginRoute,
  signInLinkRoute,
  portalSessionRoute,
  portalKeepaliveRoute,
  portalLogoutRoute,
  portalHomeRoute,
  portalProgressRoute,
  portalInstrumentRoute,
  portalSubmitRoute,
  portalConsentRoute,
  portalSignConsentRoute,
  portalAccountRoute,
  invitePatientRoute,
  revokePortalRoute,
];
