import { and, eq, isNull } from 'drizzle-orm';
import { sessions } from '../../db/schema';
import type { Queryable } from '../../db/types';

export async function revokeSessionsOfAccount(q: Queryable, accountId: string, now: Date, reason: string): Promise<void> {
  await q.update(sessions).set({ revokedAt: now, revokedReason: reason }).where(and(eq(sessions.patientAccountId, accountId), isNull(sessions.revokedAt)));
}
