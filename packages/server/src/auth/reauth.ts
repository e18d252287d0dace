import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record';
import { users } from '../db/schema';
import type { Actor, RequestMeta } from '../http/context';
import type { Deps } from '../http/deps';
import { AppError } from '../http/errors';
import { verifyPassword } from './passwords';
import { verifyTotp } from './totp';

/** What a signature screen sends: the signer's password, and their current code when they use two-step sign-in. */
export const Reauth = z.object({
  password: z.string().min(1, 'Enter your password to sign').max(1024),
  totpCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Enter the 6-digit code')
    .optional(),
});
export type Reauth = z.infer<typeof Reauth>;

/**
 * Re-authenticate the signed-in user before a signature (decisions, plans, notes, witnessed waste).
 * Failures count towards the account lockout and are audited. Returns how the signer proved identity.
 */
export async function verifyReauth(deps: Deps, actor: Actor, meta: RequestMeta, input: Reauth, purpose: string): Promise<'password' | 'password+totp'> {
  const now = deps.clock.now();
  const [user] = await deps.db.select().from(users).where(eq(users.id, actor.userId));
  if (user === undefined) {
    throw new AppError('UNAUTHENTICATED');
  }
  const passwordOk = user.passwordHash !== null && (await verifyPassword(user.passwordHash, input.password));
  let step: number | null = null;
  const needsCode = user.mfaSecret !== null;
  if (passwordOk && needsCode) {
    step = input.totpCode === undefined ? null : verifyTotp(user.mfaSecret as string, input.totpCode, now, user.mfaLastStep);
  }
  if (!passwordOk || (needsCode && step === null)) {
    const failed = user.failedLoginCount + 1;
    const lock = failed >= deps.config.login.maxFailuresBeforeLock;
    await deps.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ failedLoginCount: lock ? 0 : failed, lockedUntil: lock ? new Date(now.getTime() + deps.config.login.lockMinutes * 60_000) : user.lockedUntil })
        .where(eq(users.id, user.id));
      await recordAudit(tx, { action: 'auth.reauth_failed', outcome: 'failure', clinicId: actor.clinicId, actor, details: { purpose }, meta, at: now });
    });
    const fields = !passwordOk
      ? [{ path: 'body.password', message: 'Password not right.' }]
      : [{ path: 'body.totpCode', message: input.totpCode === undefined ? 'Enter the 6-digit code from your authenticator app.' : 'That code is not right.' }];
    throw new AppError('REAUTH_FAILED', { fields, extra: { needsTotp: needsCode } });
  }
  await deps.db.update(users).set({ failedLoginCount: 0, ...(step === null ? {} : { mfaLastStep: step }) }).where(eq(users.id, user.id));
  return needsCode ? 'password+totp' : 'password';
}
