import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { revokeSession } from '../../auth/sessions';
import { hashToken, normaliseRecoveryCode } from '../../auth/tokens';
import { verifyTotp } from '../../auth/totp';
import { recoveryCodes, users } from '../../db/schema';
import type { SessionInfo } from '../../http/context';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { SignInResult } from './schemas';
import { openSession } from './sign-in';

export const mfaVerifyRoute = defineRoute({
  method: 'POST',
  url: '/api/auth/mfa/verify',
  access: { action: 'self.read', stages: ['mfa_pending'] },
  summary: 'Complete sign-in with a TOTP code or a recovery code',
  description: 'Replaces the half-signed-in session with a fresh active one (new cookie). Failures count towards the account lockout.',
  tags: ['Authentication'],
  schema: {
    body: z.union([
      z.object({ code: z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code') }),
      z.object({ recoveryCode: z.string().trim().min(8).max(32) }),
    ]),
    response: { 200: SignInResult },
  },
  async handler({ body, deps, meta, req, reply }) {
    const pending = req.sessionInfo as SessionInfo;
    const now = deps.clock.now();
    const [user] = await deps.db.select().from(users).where(eq(users.id, pending.userId));
    if (user?.mfaSecret === null || user === undefined) {
      throw new AppError('MFA_INVALID');
    }
    const actor = { userId: user.id, role: pending.role };
    let method: 'totp' | 'recovery_code';
    let matchedStep: number | null = null;
    let recoveryId: string | null = null;
    if ('code' in body) {
      method = 'totp';
      matchedStep = verifyTotp(user.mfaSecret, body.code, now, user.mfaLastStep);
    } else {
      method = 'recovery_code';
      const [code] = await deps.db
        .select({ id: recoveryCodes.id })
        .from(recoveryCodes)
        .where(
          and(
            eq(recoveryCodes.userId, user.id),
            eq(recoveryCodes.codeHash, hashToken(normaliseRecoveryCode(body.recoveryCode))),
            isNull(recoveryCodes.usedAt),
          ),
        );
      recoveryId = code?.id ?? null;
    }
    if (matchedStep === null && recoveryId === null) {
      const failed = user.failedLoginCount + 1;
      const lock = failed >= deps.config.login.maxFailuresBeforeLock;
      await deps.db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({
            failedLoginCount: lock ? 0 : failed,
            lockedUntil: lock ? new Date(now.getTime() + deps.config.login.lockMinutes * 60_000) : user.lockedUntil,
          })
          .where(eq(users.id, user.id));
        await recordAudit(tx, { action: 'auth.mfa_failed', outcome: 'failure', clinicId: user.clinicId, actor, details: { method }, meta, at: now });
        if (lock) {
          await revokeSession(tx, pending.id, now, 'lockout');
          await recordAudit(tx, { action: 'auth.lockout', outcome: 'success', clinicId: user.clinicId, actor, meta, at: now });
        }
      });
      throw new AppError(lock ? 'ACCOUNT_LOCKED' : 'MFA_INVALID');
    }
    return deps.db.transaction(async (tx) => {
      if (matchedStep !== null) {
        await tx.update(users).set({ mfaLastStep: matchedStep, failedLoginCount: 0 }).where(eq(users.id, user.id));
      }
      if (recoveryId !== null) {
        await tx.update(recoveryCodes).set({ usedAt: now }).where(eq(recoveryCodes.id, recoveryId));
        await tx.update(users).set({ failedLoginCount: 0 }).where(eq(users.id, user.id));
      }
      await revokeSession(tx, pending.id, now, 'mfa_completed');
      const session = await openSession(tx, deps, reply, user, 'active', meta);
      await recordAudit(tx, {
        action: 'auth.mfa_verified',
        outcome: 'success',
        clinicId: user.clinicId,
        actor,
        resourceType: 'session',
        resourceId: session.sessionId,
        details: { method },
        meta,
        at: now,
      });
      return { stage: 'active' as const, csrfToken: session.csrfToken };
    });
  },
});
