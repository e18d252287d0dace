import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { verifyAgainstDummy, verifyPassword } from '../../auth/passwords';
import { users } from '../../db/schema';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { isStaffRole, type StaffRole } from '../../policy/roles';
import { Email, Password, SignInResult } from './schemas';
import { initialStage, openSession } from './sign-in';
import { recentFailuresFromIp, recordAttempt } from './throttle';

export const loginRoute = defineRoute({
  method: 'POST',
  url: '/api/auth/login',
  access: { public: true, reason: 'Signing in needs no session.' },
  summary: 'Sign in with email and password',
  description:
    'Starts a session. The answer says whether a second factor (mfa_pending) or MFA enrolment (mfa_enrolment) is still needed. Throttled per IP address; accounts lock after repeated failures.',
  tags: ['Authentication'],
  schema: {
    body: z.object({ email: Email, password: Password }),
    response: { 200: SignInResult },
  },
  async handler({ body, deps, meta, reply }) {
    const now = deps.clock.now();
    const { login } = deps.config;
    const windowStart = new Date(now.getTime() - login.ipWindowMinutes * 60_000);
    if ((await recentFailuresFromIp(deps.db, meta.ip, windowStart)) >= login.maxFailuresPerIp) {
      await deps.db.transaction((tx) =>
        recordAudit(tx, { action: 'auth.login_throttled', outcome: 'denied', clinicId: null, meta, at: now }),
      );
      throw new AppError('RATE_LIMITED', { headers: { 'retry-after': String(login.ipWindowMinutes * 60) } });
    }
    const [user] = await deps.db.select().from(users).where(eq(sql`lower(${users.email})`, body.email));
    const passwordOk =
      user?.passwordHash !== undefined && user.passwordHash !== null
        ? await verifyPassword(user.passwordHash, body.password)
        : (await verifyAgainstDummy(body.password), false);

    const failure = async (reason: string): Promise<never> => {
      await deps.db.transaction(async (tx) => {
        await recordAttempt(tx, meta.ip, user?.id ?? null, false, now);
        await recordAudit(tx, {
          action: 'auth.login_failed',
          outcome: 'failure',
          clinicId: user?.clinicId ?? null,
          actor: user !== undefined && isStaffRole(user.role) ? { userId: user.id, role: user.role } : null,
          details: { reason },
          meta,
          at: now,
        });
      });
      throw new AppError('INVALID_CREDENTIALS');
    };

    if (user === undefined) {
      return failure('unknown_account');
    }
    if (user.status !== 'active' || !isStaffRole(user.role)) {
      return failure('deactivated');
    }
    const role: StaffRole = user.role;
    if (user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime()) {
      await deps.db.transaction(async (tx) => {
        await recordAttempt(tx, meta.ip, user.id, false, now);
        await recordAudit(tx, {
          action: 'auth.login_locked',
          outcome: 'denied',
          clinicId: user.clinicId,
          actor: { userId: user.id, role },
          meta,
          at: now,
        });
      });
      const seconds = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000);
      throw new AppError('ACCOUNT_LOCKED', {
        detail: `Too many failed attempts. Try again in ${Math.ceil(seconds / 60)} minutes, or ask your clinic administrator to unlock the account.`,
        headers: { 'retry-after': String(seconds) },
      });
    }
    if (!passwordOk) {
      const failed = user.failedLoginCount + 1;
      const lock = failed >= login.maxFailuresBeforeLock;
      await deps.db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({
            failedLoginCount: lock ? 0 : failed,
            lockedUntil: lock ? new Date(now.getTime() + login.lockMinutes * 60_000) : user.lockedUntil,
          })
          .where(eq(users.id, user.id));
        if (lock) {
          await recordAudit(tx, {
            action: 'auth.lockout',
            outcome: 'success',
            clinicId: user.clinicId,
            actor: { userId: user.id, role },
            details: { lockMinutes: login.lockMinutes },
            meta,
            at: now,
          });
        }
      });
      return failure('wrong_password');
    }
    return deps.db.transaction(async (tx) => {
      await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, user.id));
      await recordAttempt(tx, meta.ip, user.id, true, now);
      const stage = await initialStage(tx, user);
      const session = await openSession(tx, deps, reply, user, stage, meta);
      await recordAudit(tx, {
        action: 'auth.login',
        outcome: 'success',
        clinicId: user.clinicId,
        actor: { userId: user.id, role },
        resourceType: 'session',
        resourceId: session.sessionId,
        details: { stage },
        meta,
        at: now,
      });
      return { stage, csrfToken: session.csrfToken };
    });
  },
});
