import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { hashToken, newToken } from '../../auth/tokens';
import { invitations, users } from '../../db/schema';
import { conflict } from '../../http/errors';
import { auditedNotFound } from '../../http/not-found';
import { defineRoute } from '../../http/route';
import { Email, Role } from '../auth/schemas';
import { PersonName } from '../clinic/fields';
import { InvitationOut, presentInvitation } from './presenters';

export const INVITATION_DAYS = 7;

export const inviteUserRoute = defineRoute({
  method: 'POST',
  url: '/api/users/invitations',
  access: { action: 'user.invite' },
  summary: 'Invite a staff member (one-time link, valid 7 days)',
  description: 'Returns the one-time link. It is shown once; only its hash is stored.',
  tags: ['Staff'],
  schema: {
    body: z.object({ email: Email, name: PersonName, role: Role }),
    response: { 201: z.object({ invitation: InvitationOut, inviteUrl: z.string() }) },
  },
  async handler({ body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const token = newToken();
    const id = randomUUID();
    return deps.db.transaction(async (tx) => {
      const [existingUser] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, body.email));
      if (existingUser !== undefined) {
        throw conflict('Someone with this email already has an account.');
      }
      await tx
        .update(invitations)
        .set({ revokedAt: now })
        .where(and(eq(invitations.clinicId, me.clinicId), eq(invitations.email, body.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
      const [row] = await tx
        .insert(invitations)
        .values({
          id,
          clinicId: me.clinicId,
          email: body.email,
          name: body.name,
          role: body.role,
          tokenHash: hashToken(token),
          invitedBy: me.userId,
          expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
          createdAt: now,
        })
        .returning();
      await recordAudit(tx, {
        action: 'user.invited',
        outcome: 'success',
        clinicId: me.clinicId,
        actor: me,
        resourceType: 'invitation',
        resourceId: id,
        details: { role: body.role },
        meta,
        at: now,
      });
      return {
        invitation: presentInvitation(row as typeof invitations.$inferSelect, now),
        inviteUrl: `${deps.config.publicUrl}/invite/${token}`,
      };
    });
  },
});

export const revokeInvitationRoute = defineRoute({
  method: 'POST',
  url: '/api/users/invitations/:id/revoke',
  access: { action: 'user.invite' },
  summary: 'Revoke an open invitation',
  tags: ['Staff'],
  schema: { params: z.object({ id: z.uuid() }), response: { 204: z.null() } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const [found] = await deps.db
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.id, params.id), eq(invitations.clinicId, me.clinicId)));
    if (found === undefined) {
      throw await auditedNotFound(deps, me, meta, 'invitation', params.id);
    }
    await deps.db.transaction(async (tx) => {
      const updated = await tx
        .update(invitations)
        .set({ revokedAt: now })
        .where(and(eq(invitations.id, params.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
        .returning({ id: invitations.id });
      if (updated.length === 0) {
        throw conflict('This invitation is not open.');
      }
      await recordAudit(tx, { action: 'user.invitation_revoked', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'invitation', resourceId: params.id, meta, at: now });
    });
    return null;
  },
});
