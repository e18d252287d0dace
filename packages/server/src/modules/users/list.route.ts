import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordAuditStandalone } from '../../audit/record';
import { invitations, users } from '../../db/schema';
import { defineRoute } from '../../http/route';
import { InvitationOut, presentInvitation, presentUser, UserOut } from './presenters';

export const listUsersRoute = defineRoute({
  method: 'GET',
  url: '/api/users',
  access: { action: 'user.list' },
  summary: 'Staff of this clinic, with open invitations',
  tags: ['Staff'],
  schema: {
    response: { 200: z.object({ users: z.array(UserOut), invitations: z.array(InvitationOut) }) },
  },
  async handler({ deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const rows = await deps.db.select().from(users).where(eq(users.clinicId, me.clinicId)).orderBy(asc(users.name));
    const invites = await deps.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.clinicId, me.clinicId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .orderBy(desc(invitations.createdAt));
    await recordAuditStandalone(deps.db, { action: 'user.listed', outcome: 'success', clinicId: me.clinicId, actor: me, meta, at: now });
    return { users: rows.map((u) => presentUser(u, now)), invitations: invites.map((i) => presentInvitation(i, now)) };
  },
});
