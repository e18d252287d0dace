import { and, eq, inArray } from 'drizzle-orm';
import { consents, users } from '../../db/schema';
import type { Queryable } from '../../db/types';
import type { Actor, RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import { auditedNotFound } from '../../http/not-found';
import type { ConsentRow } from './repo';

export async function loadConsent(deps: Deps, actor: Actor, meta: RequestMeta, id: string, q: Queryable = deps.db): Promise<ConsentRow> {
  const [row] = await q.select().from(consents).where(and(eq(consents.id, id), eq(consents.clinicId, actor.clinicId)));
  if (row === undefined) {
    throw await auditedNotFound(deps, actor, meta, 'consent', id);
  }
  return row;
}

export async function userNames(q: Queryable, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) {
    return new Map();
  }
  const rows = await q.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
