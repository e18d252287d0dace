import { randomUUID } from 'node:crypto';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { prepared, runPrepared } from '../db/raw';
import { sessions } from '../db/schema';
import type { Queryable } from '../db/types';
import type { SessionInfo, SessionStage } from '../http/context';
import { isStaffRole } from '../policy/roles';
import { hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'kp_session';

export interface NewSession {
  readonly token: string;
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface SessionTimes {
  readonly clinicId: string;
  readonly idleMinutes: number;
  readonly absoluteHours: number;
  readonly now: Date;
  readonly ip: string;
  readonly userAgent: string | null;
}

/** The one writer of session rows (staff and patient): random token (only its hash stored), CSRF token, limits. */
export async function insertSession(
  q: Queryable,
  subject: { kind: 'staff'; userId: string; stage: SessionStage } | { kind: 'patient'; patientAccountId: string },
  input: SessionTimes,
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken(24);
  const id = randomUUID();
  const expiresAt = new Date(input.now.getTime() + input.absoluteHours * 3_600_000);
  await q.insert(sessions).values({
    id,
    tokenHash: hashToken(token),
    csrfToken,
    userId: subject.kind === 'staff' ? subject.userId : null,
    patientAccountId: subject.kind === 'patient' ? subject.patientAccountId : null,
    clinicId: input.clinicId,
    kind: subject.kind,
    stage: subject.kind === 'staff' ? subject.stage : 'active',
    idleTimeoutSeconds: input.idleMinutes * 60,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  return { token, sessionId: id, csrfToken, expiresAt };
}

export async function createSession(q: Queryable, input: SessionTimes & { userId: string; stage: SessionStage }): Promise<NewSession> {
  return insertSession(q, { kind: 'staff', userId: input.userId, stage: input.stage }, input);
}

/** Why a session has ended at `now` (absolute limit first, then idle), or null while it is live. */
export function sessionExpiry(row: { expiresAt: Date; lastSeenAt: Date; idleTimeoutSeconds: number }, now: Date): 'idle' | 'absolute' | null {
  if (row.expiresAt.getTime() <= now.getTime()) {
    return 'absolute';
  }
  if (row.lastSeenAt.getTime() + row.idleTimeoutSeconds * 1000 <= now.getTime()) {
    return 'idle';
  }
  return null;
}

export type SessionLookup =
  | { readonly status: 'none' }
  | { readonly status: 'expired'; readonly sessionId: string; readonly userId: string; readonly clinicId: string; readonly reason: 'idle' | 'absolute' }
  | { readonly status: 'ok'; readonly session: SessionInfo; readonly lastSeenAt: Date };

/** Resolve a cookie token to a live session (active user, not revoked, within idle and absolute limits). */
interface SessionRow {
  readonly id: string;
  readonly stage: string;
  readonly csrfToken: string;
  readonly userId: string | null;
  readonly clinicId: string;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  readonly idleTimeoutSeconds: number;
  readonly role: string;
  readonly name: string;
  readonly email: string;
  readonly userStatus: string;
  readonly tabletPatientId: string | null;
  readonly displaySince: Date | null;
}

/** Every staff request runs this: one prepared statement. */
const LOOKUP = prepared(
  'kp_session_lookup',
  `SELECT s.id::text AS id, s.stage, s.csrf_token AS "csrfToken", s.user_id::text AS "userId", s.clinic_id::text AS "clinicId", s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt", s.idle_timeout_seconds::int AS "idleTimeoutSeconds", u.role, u.name, u.email, u.status AS "userStatus", s.tablet_patient_id::text AS "tabletPatientId", s.display_since AS "displaySince"
FROM sessions s JOIN users u ON u.id = s.user_id
WHERE s.token_hash = $1::text AND s.kind = 'staff' AND s.revoked_at IS NULL`,
);
const TOUCH = prepared('kp_session_touch', 'UPDATE sessions SET last_seen_at = $2::timestamptz WHERE id = $1::uuid');

/** Resolve a cookie token to a live session (active user, not revoked, within idle and absolute limits). */
export async function lookupSession(q: Queryable, token: string, now: Date): Promise<SessionLookup> {
  const [row] = await runPrepared<SessionRow>(q, LOOKUP, [hashToken(token)]);
  if (row === undefined || row.userId === null || row.userStatus !== 'active' || !isStaffRole(row.role)) {
    return { status: 'none' };
  }
  const expired = sessionExpiry(row, now);
  if (expired !== null) {
    return { status: 'expired', sessionId: row.id, userId: row.userId, clinicId: row.clinicId, reason: expired };
  }
  return {
    status: 'ok',
    lastSeenAt: row.lastSeenAt,
    session: {
      id: row.id,
      stage: row.stage as SessionStage,
      csrfToken: row.csrfToken,
      userId: row.userId,
      clinicId: row.clinicId,
      role: row.role,
      name: row.name,
      email: row.email,
      expiresAt: row.expiresAt,
      idleTimeoutSeconds: row.idleTimeoutSeconds,
      tabletPatientId: row.tabletPatientId,
      display: row.displaySince !== null,
    },
  };
}

/** Hand this session's browser to a patient (tablet mode), or take it back (`null`). */
export async function setTabletPatient(q: Queryable, sessionId: string, patientId: string | null): Promise<void> {
  await q.update(sessions).set({ tabletPatientId: patientId }).where(eq(sessions.id, sessionId));
}

/**
 * Turn this session's browser into a wall display of the board: from now on it reaches only `display` routes,
 * and idleness no longer ends it (its idle limit becomes its absolute one); signing out ends it.
 */
export async function startDisplay(q: Queryable, sessionId: string, now: Date, expiresAt: Date): Promise<void> {
  const untilExpiry = Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
  await q.update(sessions).set({ displaySince: now, idleTimeoutSeconds: sql`GREATEST(${sessions.idleTimeoutSeconds}, ${untilExpiry})` }).where(eq(sessions.id, sessionId));
}

export async function touchSession(q: Queryable, sessionId: string, now: Date): Promise<void> {
  await runPrepared(q, TOUCH, [sessionId, now.toISOString()]);
}

export async function revokeSession(q: Queryable, sessionId: string, now: Date, reason: string): Promise<void> {
  await q
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Revoke every session of a user, optionally keeping the current one (e.g. after a password change). */
export async function revokeUserSessions(
  q: Queryable,
  userId: string,
  now: Date,
  reason: string,
  exceptSessionId?: string,
): Promise<void> {
  const conditions = [eq(sessions.userId, userId), isNull(sessions.revokedAt)];
  if (exceptSessionId !== undefined) {
    conditions.push(ne(sessions.id, exceptSessionId));
  }
  await q.update(sessions).set({ revokedAt: now, revokedReason: reason }).where(and(...conditions));
}

export async function setSessionStage(q: Queryable, sessionId: string, stage: SessionStage): Promise<void> {
  await q.update(sessions).set({ stage }).where(eq(sessions.id, sessionId));
}
