import type { RouteDef } from '../../http/route';
import { acceptInvitationRoute, viewInvitationRoute } from './accept-invitation.route';
import { inviteUserRoute, revokeInvitationRoute } from './invite.route';
import { listUsersRoute } from './list.route';
import { userStatusRoutes } from './status.route';
import { updateUserRoute } from './update.route';

export const userRoutes: RouteDef[] = [
  listUsersRoute,
  inviteUserRoute,
  revokeInvitationRoute,
  viewInvitationRoute,
  acceptInvitationRoute,
  updateUserRoute,
  ...userStatusRoutes,
];
