import { and, count, eq, ne } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Queryable } from '../../db/types';
import type { Actor, RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import { auditedNotFound } from '../../http/not-found';

/** Load a user of the actor's clinic, or answer 404 (audited) for anything else. */
export async function loadClinicUser(deps: Deps, actor: Actor, meta: RequestMeta, userId: string): Promise<typeof users.$inferSelect> {
  const [user] = await deps.db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.clinicId, actor.clinicId)));
  if (user === undefined) {
    throw await auditedNotFound(deps, actor, meta, 'user', userId);
  }
  return user;
}

/** Active administrators of the clinic other than `exceptUserId`. */
export async function otherActiveAdmins(q: Queryable, clinicId: string, exceptUserId: string): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.clinicId, clinicId), eq(users.role, 'admin'), eq(users.status, 'active'), ne(users.id, exceptUserId)));
  return row?.n ?? 0;
}
