import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { checkPasswordPolicy, hashPassword } from '../../auth/passwords';
import { hashToken } from '../../auth/tokens';
import { clinics, invitations, users } from '../../db/schema';
import type { Queryable } from '../../db/types';
import { AppError, conflict } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { isStaffRole } from '../../policy/roles';
import { Password, Role, SignInResult } from '../auth/schemas';
import { initialStage, openSession } from '../auth/sign-in';
import { PersonName } from '../clinic/fields';
import { invitationStatus } from './presenters';

const Token = z.object({ token: z.string().min(20).max(128).regex(/^[A-Za-z0-9_-]+$/) });

async function findOpenInvitation(q: Queryable, token: string, now: Date) {
  const [row] = await q
    .select({ invitation: invitations, clinicName: clinics.name })
    .from(invitations)
    .innerJoin(clinics, eq(clinics.id, invitations.clinicId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (row === undefined || invitationStatus(row.invitation, now) !== 'pending') {
    throw new AppError('GONE', { detail: 'This invitation link has expired or was already used. Ask your clinic administrator for a new one.' });
  }
  return row;
}

export const viewInvitationRoute = defineRoute({
  method: 'GET',
  url: '/api/invitations/:token',
  access: { public: true, reason: 'The invitee has no account yet; the one-time token is the credential.' },
  summary: 'Look at an invitation before accepting it',
  tags: ['Staff'],
  schema: {
    params: Token,
    response: { 200: z.object({ clinicName: z.string(), name: z.string(), email: z.string(), role: Role, expiresAt: z.string() }) },
  },
  async handler({ params, deps }) {
    const { invitation, clinicName } = await findOpenInvitation(deps.db, params.token, deps.clock.now());
    return {
      clinicName,
      name: invitation.name,
      email: invitation.email,
      role: invitation.role as z.infer<typeof Role>,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  },
});

export const acceptInvitationRoute = defineRoute({
  method: 'POST',
  url: '/api/invitations/:token/accept',
  access: { public: true, reason: 'The invitee has no account yet; the one-time token is the credential.' },
  summary: 'Accept an invitation: choose a password and sign in',
  tags: ['Staff'],
  schema: {
    params: Token,
    body: z.object({ name: PersonName, password: Password }),
    response: { 201: SignInResult },
  },
  async handler({ params, body, deps, meta, reply }) {
    const now = deps.clock.now();
    const { invitation } = await findOpenInvitation(deps.db, params.token, now);
    const issues = checkPasswordPolicy(body.password, [invitation.email, body.name]);
    if (issues.length > 0) {
      throw new AppError('VALIDATION_FAILED', { fields: issues });
    }
    const passwordHash = await hashPassword(body.password);
    return deps.db.transaction(async (tx) => {
      const claimed = await tx
        .update(invitations)
        .set({ acceptedAt: now })
        .where(sql`${invitations.id} = ${invitation.id} AND ${invitations.acceptedAt} IS NULL AND ${invitations.revokedAt} IS NULL`)
        .returning({ id: invitations.id });
      if (claimed.length === 0) {
        throw new AppError('GONE', { detail: 'This invitation was already used.' });
      }
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, invitation.email));
      if (taken !== undefined || !isStaffRole(invitation.role)) {
        throw conflict('Someone with this email already has an account.');
      }
      const user = {
        id: randomUUID(),
        clinicId: invitation.clinicId,
        email: invitation.email,
        name: body.name,
        role: invitation.role,
        status: 'active',
        passwordHash,
        passwordChangedAt: now,
        createdAt: now,
        mfaEnabledAt: null,
      };
      await tx.insert(users).values(user);
      const actor = { userId: user.id, role: invitation.role };
      await recordAudit(tx, {
        action: 'user.invitation_accepted',
        outcome: 'success',
        clinicId: user.clinicId,
        actor,
        resourceType: 'user',
        resourceId: user.id,
        details: { invitationId: invitation.id, role: user.role, invitedBy: invitation.invitedBy },
        meta,
        at: now,
      });
      const stage = await initialStage(tx, user);
      const session = await openSession(tx, deps, reply, user, stage, meta);
      await recordAudit(tx, { action: 'auth.login', outcome: 'success', clinicId: user.clinicId, actor, resourceType: 'session', resourceId: session.sessionId, details: { stage, via: 'invitation' }, meta, at: now });
      return { stage, csrfToken: session.csrfToken };
    });
  },
});
