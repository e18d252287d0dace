import type { SQL } from 'drizzle-orm';
import type { Queryable } from './types';

/** Run raw SQL and return its rows. Both drivers answer with `{ rows }`. Cast numbers in SQL (::int). */
export async function rawRows<T>(q: Queryable, query: SQL): Promise<T[]> {
  const result: unknown = await q.execute(query);
  return (result as { rows: T[] }).rows;
}
