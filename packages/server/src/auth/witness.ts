import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record';
import { users } from '../db/schema';
import type { Actor, RequestMeta } from '../http/context';
import type { Deps } from '../http/deps';
import { AppError } from '../http/errors';
import type { StaffRole } from '../policy/roles';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { verifyTotp } from './totp';

/** What a second person types on the same screen to witness (waste, destruction, a count). */
export const WitnessInput = z.object({
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email({ error: "Enter the witness's email address" }))
    .transform((e) => e.toLowerCase()),
  password: z.string().min(1, "Enter the witness's password").max(1024),
  totpCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Enter the 6-digit code')
    .optional(),
});
export type WitnessInput = z.infer<typeof WitnessInput>;

export interface VerifiedWitness {
  readonly userId: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly method: 'password' | 'password+totp';
}

/** Staff roles that may witness controlled-drug records. */
export const WITNESS_ROLES: readonly StaffRole[] = ['admin', 'prescriber', 'nurse'];

/**
 * Verify a witness: a different, active staff member of the actor's clinic (a clinical role) who proves
 * who they are with their password, and their current code when they use two-step sign-in.
 * Like `verifyReauth`: failures count towards the witness's account lockout and are audited.
 * `path` is where the witness fields sit in the request body (for field errors), e.g. "body.witness".
 */
export async function verifyWitness(deps: Deps, actor: Actor, meta: RequestMeta, input: WitnessInput, purpose: string, path = 'body.witness'): Promise<VerifiedWitness> {
  const now = deps.clock.now();
  const [user] = await deps.db.select().from(users).where(eq(sql`lower(${users.email})`, input.email));
  if (user?.id === actor.userId) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: `${path}.email`, message: 'The witness must be someone else: a second member of staff.' }] });
  }
  const eligible = user !== undefined && user.clinicId === actor.clinicId && user.status === 'active' && user.passwordHash !== null;
  const refuse = async (reason: string, fields: { path: string; message: string }[], needsTotp: boolean): Promise<never> => {
    await deps.db.transaction((tx) =>
      recordAudit(tx, {
        action: 'auth.witness_failed',
        outcome: 'failure',
        clinicId: actor.clinicId,
        actor,
        details: { purpose, reason, witnessUserId: eligible ? user.id : null },
        meta,
        at: now,
      }),
    );
    throw new AppError('REAUTH_FAILED', { detail: 'The witness could not be confirmed.', fields, extra: { needsTotp } });
  };
  if (!eligible) {
    await verifyAgainstDummy(input.password);
    return refuse('unknown_or_inactive', [{ path: `${path}.password`, message: 'Witness email or password not right.' }], false);
  }
  if (!(WITNESS_ROLES as readonly string[]).includes(user.role)) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: `${path}.email`, message: 'The witness must be a nurse, prescriber or clinic administrator.' }] });
  }
  if (user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime()) {
    await deps.db.transaction((tx) =>
      recordAudit(tx, { action: 'auth.witness_locked', outcome: 'denied', clinicId: actor.clinicId, actor, details: { purpose, witnessUserId: user.id }, meta, at: now }),
    );
    throw new AppError('ACCOUNT_LOCKED', { detail: "The witness's account is locked after failed attempts. Ask another colleague, or the administrator to unlock it." });
  }
  const passwordOk = await verifyPassword(user.passwordHash as string, input.password);
  const needsCode = user.mfaSecret !== null;
  const step = passwordOk && needsCode && input.totpCode !== undefined ? verifyTotp(user.mfaSecret as string, input.totpCode, now, user.mfaLastStep) : null;
  if (!passwordOk || (needsCode && step === null)) {
    const failed = user.failedLoginCount + 1;
    const lock = failed >= deps.config.login.maxFailuresBeforeLock;
    await deps.db
      .update(users)
      .set({ failedLoginCount: lock ? 0 : failed, lockedUntil: lock ? new Date(now.getTime() + deps.config.login.lockMinutes * 60_000) : user.lockedUntil })
      .where(eq(users.id, user.id));
    const fields = !passwordOk
      ? [{ path: `${path}.password`, message: 'Witness email or password not right.' }]
      : [{ path: `${path}.totpCode`, message: input.totpCode === undefined ? 'The witness uses two-step sign-in: enter their 6-digit code.' : "That code is not right." }];
    return refuse(!passwordOk ? 'wrong_password' : 'wrong_code', fields, needsCode);
  }
  await deps.db.update(users).set({ failedLoginCount: 0, ...(step === null ? {} : { mfaLastStep: step }) }).where(eq(users.id, user.id));
  return { userId: user.id, name: user.name, role: user.role as StaffRole, method: needsCode ? 'password+totp' : 'password' };
}
