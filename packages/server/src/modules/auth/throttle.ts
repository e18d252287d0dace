import { and, count, eq, gte } from 'drizzle-orm';
import { loginAttempts } from '../../db/schema';
import type { Queryable } from '../../db/types';

/** Failed sign-in attempts from one IP address within the window (shared by all app servers). */
export async function recentFailuresFromIp(q: Queryable, ip: string, since: Date): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gte(loginAttempts.at, since)));
  return row?.n ?? 0;
}

export async function recordAttempt(q: Queryable, ip: string, userId: string | null, success: boolean, at: Date): Promise<void> {
  await q.insert(loginAttempts).values({ ip, userId, success, at });
}
