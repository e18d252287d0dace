import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../../auth/passwords';
import { revokeUserSessions } from '../../auth/sessions';
import { users } from '../../db/schema';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { Password } from './schemas';

export const changePasswordRoute = defineRoute({
  method: 'POST',
  url: '/api/auth/password',
  access: { action: 'self.update' },
  summary: 'Change your own password',
  description: 'Needs the current password. Signs out every other session of this user.',
  tags: ['Authentication'],
  schema: {
    body: z.object({ currentPassword: Password, newPassword: Password }),
    response: { 204: z.null() },
  },
  async handler({ body, deps, meta, actor }) {
    const me = actor();
    const now = deps.clock.now();
    const [user] = await deps.db.select().from(users).where(eq(users.id, me.userId));
    if (user?.passwordHash === null || user === undefined || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
      throw new AppError('REAUTH_FAILED', { fields: [{ path: 'body.currentPassword', message: 'Current password is not right.' }] });
    }
    const issues = checkPasswordPolicy(body.newPassword, [user.email, user.name], 'body.newPassword');
    if (issues.length > 0) {
      throw new AppError('VALIDATION_FAILED', { fields: issues });
    }
    const passwordHash = await hashPassword(body.newPassword);
    await deps.db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, me.userId));
      await revokeUserSessions(tx, me.userId, now, 'password_changed', me.sessionId);
      await recordAudit(tx, {
        action: 'auth.password_changed',
        outcome: 'success',
        clinicId: me.clinicId,
        actor: me,
        resourceType: 'user',
        resourceId: me.userId,
        meta,
        at: now,
      });
    });
    return null;
  },
});
