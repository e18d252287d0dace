import type { FastifyReply } from 'fastify';
import { and, eq, isNull } from 'drizzle-orm';
import { patientAccounts, patients, sessions } from '../db/schema';
import type { Queryable } from '../db/types';
import type { PatientActor } from '../http/context';
import { insertSession, sessionExpiry, type NewSession, type SessionTimes } from './sessions';
import { hashToken } from './tokens';

/** The portal's own cookie, so a patient's sign-in never collides with a staff session on the same device. */
export const PORTAL_COOKIE = 'kp_portal';

export function setPortalCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  void reply.setCookie(PORTAL_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export function clearPortalCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(PORTAL_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export async function createPatientSession(q: Queryable, input: SessionTimes & { accountId: string }): Promise<NewSession> {
  return insertSession(q, { kind: 'patient', patientAccountId: input.accountId }, input);
}

export type PatientSessionLookup =
  | { readonly status: 'none' }
  | { readonly status: 'expired'; readonly sessionId: string; readonly clinicId: string; readonly accountId: string; readonly reason: 'idle' | 'absolute' }
  | { readonly status: 'ok'; readonly actor: PatientActor; readonly lastSeenAt: Date };

/** Resolve a portal cookie to a live patient session (active account, not revoked, within idle and absolute limits). */
export async function lookupPatientSession(q: Queryable, token: string, now: Date): Promise<PatientSessionLookup> {
  const [row] = await q
    .select({ s: sessions, accountId: patientAccounts.id, patientId: patientAccounts.patientId, status: patientAccounts.status, email: patientAccounts.email, first: patients.legalFirstName, preferred: patients.preferredName })
    .from(sessions)
    .innerJoin(patientAccounts, eq(patientAccounts.id, sessions.patientAccountId))
    .innerJoin(patients, eq(patients.id, patientAccounts.patientId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), eq(sessions.kind, 'patient'), isNull(sessions.revokedAt)));
  if (row === undefined || row.status !== 'active') {
    return { status: 'none' };
  }
  const expired = sessionExpiry(row.s, now);
  if (expired !== null) {
    return { status: 'expired', sessionId: row.s.id, clinicId: row.s.clinicId, accountId: row.accountId, reason: expired };
  }
  return {
    status: 'ok',
    lastSeenAt: row.s.lastSeenAt,
    actor: {
      accountId: row.accountId,
      patientId: row.patientId,
      clinicId: row.s.clinicId,
      sessionId: row.s.id,
      csrfToken: row.s.csrfToken,
      firstName: row.preferred ?? row.first,
      email: row.email,
      expiresAt: row.s.expiresAt,
      idleTimeoutSeconds: row.s.idleTimeoutSeconds,
    },
  };
}
