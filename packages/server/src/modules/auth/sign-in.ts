import type { FastifyReply } from 'fastify';
import { eq } from 'drizzle-orm';
import { createSession, type NewSession } from '../../auth/sessions';
import { clinics, users } from '../../db/schema';
import type { Tx } from '../../db/types';
import type { RequestMeta, SessionStage } from '../../http/context';
import { setSessionCookie } from '../../http/cookies';
import type { Deps } from '../../http/deps';

interface SignInUser {
  readonly id: string;
  readonly clinicId: string;
  readonly role: string;
  readonly mfaEnabledAt: Date | null;
}

/** Which sign-in stage a user starts in after a correct password. */
export async function initialStage(tx: Tx, user: SignInUser): Promise<SessionStage> {
  if (user.mfaEnabledAt !== null) {
    return 'mfa_pending';
  }
  const [clinic] = await tx.select({ roles: clinics.mfaRequiredRoles }).from(clinics).where(eq(clinics.id, user.clinicId));
  return clinic?.roles.includes(user.role) === true ? 'mfa_enrolment' : 'active';
}

export async function idleMinutesFor(tx: Tx, deps: Deps, clinicId: string): Promise<number> {
  const [clinic] = await tx.select({ idle: clinics.staffIdleMinutes }).from(clinics).where(eq(clinics.id, clinicId));
  return clinic?.idle ?? deps.config.session.staffIdleMinutes;
}

/** Open a session for a user and set the cookie. Used by login, MFA, setup and invitation acceptance. */
export async function openSession(
  tx: Tx,
  deps: Deps,
  reply: FastifyReply,
  user: SignInUser,
  stage: SessionStage,
  meta: RequestMeta,
): Promise<NewSession> {
  const now = deps.clock.now();
  const session = await createSession(tx, {
    userId: user.id,
    clinicId: user.clinicId,
    stage,
    idleMinutes: await idleMinutesFor(tx, deps, user.clinicId),
    absoluteHours: deps.config.session.absoluteHours,
    now,
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
  if (stage === 'active') {
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
  }
  setSessionCookie(reply, session.token, session.expiresAt, deps.config.cookieSecure);
  return session;
}
