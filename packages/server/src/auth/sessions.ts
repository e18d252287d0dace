import { randomUUID } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { sessions, users } from '../db/schema';
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

export async function createSession(
  q: Queryable,
  input: {
    userId: string;
    clinicId: string;
    stage: SessionStage;
    idleMinutes: number;
    absoluteHours: number;
    now: Date;
    ip: string;
    userAgent: string | null;
  },
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken(24);
  const id = randomUUID();
  const expiresAt = new Date(input.now.getTime() + input.absoluteHours * 3_600_000);
  await q.insert(sessions).values({
    id,
    tokenHash: hashToken(token),
    csrfToken,
    userId: input.userId,
    clinicId: input.clinicId,
    kind: 'staff',
    stage: input.stage,
    idleTimeoutSeconds: input.idleMinutes * 60,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  return { token, sessionId: id, csrfToken, expiresAt };
}

export type SessionLookup =
  | { readonly status: 'none' }
  | { readonly status: 'expired'; readonly sessionId: string; readonly userId: string; readonly clinicId: string; readonly reason: 'idle' | 'absolute' }
  | { readonly status: 'ok'; readonly session: SessionInfo; readonly lastSeenAt: Date };

/** Resolve a cookie token to a live session (active user, not revoked, within idle and absolute limits). */
export async function lookupSession(q: Queryable, token: string, now: Date): Promise<SessionLookup> {
  const [row] = await q
    .select({
      id: sessions.id,
      stage: sessions.stage,
      csrfToken: sessions.csrfToken,
      userId: sessions.userId,
      clinicId: sessions.clinicId,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      idleTimeoutSeconds: sessions.idleTimeoutSeconds,
      role: users.role,
      name: users.name,
      email: users.email,
      userStatus: users.status,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), eq(sessions.kind, 'staff'), isNull(sessions.revokedAt)));
  if (row === undefined || row.userId === null || row.userStatus !== 'active' || !isStaffRole(row.role)) {
    return { status: 'none' };
  }
  const base = { sessionId: row.id, userId: row.userId, clinicId: row.clinicId };
  if (row.expiresAt.getTime() <= now.getTime()) {
    return { status: 'expired', ...base, reason: 'absolute' };
  }
  if (row.lastSeenAt.getTime() + row.idleTimeoutSeconds * 1000 <= now.getTime()) {
    return { status: 'expired', ...base, reason: 'idle' };
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
    },
  };
}

export async function touchSession(q: Queryable, sessionId: string, now: Date): Promise<void> {
  await q.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
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
