import type { RouteDef } from '../../http/route';
import { keepaliveRoute } from './keepalive.route';
import { loginRoute } from './login.route';
import { logoutRoute } from './logout.route';
import { mfaEnrolConfirmRoute, mfaEnrolStartRoute } from './mfa-enrol.route';
import { mfaVerifyRoute } from './mfa-verify.route';
import { changePasswordRoute } from './password.route';
import { sessionRoute } from './session.route';

export const authRoutes: RouteDef[] = [
  loginRoute,
  logoutRoute,
  sessionRoute,
  mfaVerifyRoute,
  mfaEnrolStartRoute,
  mfaEnrolConfirmRoute,
  changePasswordRoute,
  keepaliveRoute,
];
