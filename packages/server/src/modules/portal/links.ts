/** One-time links for patient accounts (invitation, sign-in link) and opening a portal session. */
import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { and, eq, isNull } from 'drizzle-orm';
import { createPatientSession, setPortalCookie } from '../../auth/patient-sessions';
import { hashToken, newToken } from '../../auth/tokens';
import { patientAccounts, patientLinks } from '../../db/schema';
import type { Queryable, Tx } from '../../db/types';
import type { RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';

export type LinkPurpose = 'invitation' | 'sign_in';
/** Invitation links last 7 days (as staff invitations); sign-in links 15 minutes. Operational choices, not clinical. */
export const LINK_LIFETIME_MS: Record<LinkPurpose, number> = { invitation: 7 * 86_400_000, sign_in: 15 * 60_000 };

export async function issueLink(tx: Tx, deps: Deps, account: { id: string; clinicId: string }, purpose: LinkPurpose, createdBy: string | null): Promise<{ id: string; url: string; expiresAt: Date }> {
  const now = deps.clock.now();
  await tx.update(patientLinks).set({ revokedAt: now }).where(and(eq(patientLinks.accountId, account.id), eq(patientLinks.purpose, purpose), isNull(patientLinks.usedAt), isNull(patientLinks.revokedAt)));
  const token = newToken();
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS[purpose]);
  await tx.insert(patientLinks).values({ id, clinicId: account.clinicId, accountId: account.id, purpose, tokenHash: hashToken(token), createdBy, expiresAt, createdAt: now });
  return { id, url: `${deps.config.publicUrl}/portal/link/${token}`, expiresAt };
}

export type LinkRow = typeof patientLinks.$inferSelect;

export function linkStatus(l: Pick<LinkRow, 'usedAt' | 'revokedAt' | 'expiresAt'>, now: Date): 'open' | 'used' | 'revoked' | 'expired' {
  if (l.usedAt !== null) {
    return 'used';
  }
  if (l.revokedAt !== null) {
    return 'revoked';
  }
  return l.expiresAt.getTime() <= now.getTime() ? 'expired' : 'open';
}

export async function findLink(q: Queryable, token: string): Promise<{ link: LinkRow; account: typeof patientAccounts.$inferSelect } | undefined> {
  const [row] = await q.select({ link: patientLinks, account: patientAccounts }).from(patientLinks).innerJoin(patientAccounts, eq(patientAccounts.id, patientLinks.accountId)).where(eq(patientLinks.tokenHash, hashToken(token)));
  return row;
}

export async function openPortalSession(tx: Tx, deps: Deps, reply: FastifyReply, account: { id: string; clinicId: string }, meta: RequestMeta): Promise<{ csrfToken: string; sessionId: string }> {
  const now = deps.clock.now();
  const s = await createPatientSession(tx, { accountId: account.id, clinicId: account.clinicId, idleMinutes: deps.config.session.patientIdleMinutes, absoluteHours: deps.config.session.absoluteHours, now, ip: meta.ip, userAgent: meta.userAgent });
  await tx.update(patientAccounts).set({ lastLoginAt: now, failedLoginCount: 0, lockedUntil: null }).where(eq(patientAccounts.id, account.id));
  setPortalCookie(reply, s.token, s.expiresAt, deps.config.cookieSecure);
  return { csrfToken: s.csrfToken, sessionId: s.sessionId };
}
