import pg from 'pg';
import type { SQL } from 'drizzle-orm';
import type { Db, Queryable } from './types';

/** Run raw SQL and return its rows. Both drivers answer with `{ rows }`. Cast numbers in SQL (::int). */
export async function rawRows<T>(q: Queryable, query: SQL): Promise<T[]> {
  const result: unknown = await q.execute(query);
  return (result as { rows: T[] }).rows;
}

/**
 * A statement whose text never changes, for hot paths: no query building per call, and on PostgreSQL it is
 * parsed and planned once per connection (a named prepared statement). Parameters are positional; pass
 * strings, arrays of strings (or null), booleans, null, or 32-bit integers, and cast in SQL (`$1::uuid`,
 * `$2::text[]`), so both drivers send the same values. Read back only text (uuids as `::text`), int4,
 * float8, bool, json or timestamptz (a Date): the drivers parse other types (bigint, numeric) differently.
 */
export interface Prepared {
  readonly name: string;
  readonly text: string;
}

const names = new Map<string, string>();

/** Declare a statement once, at module level. Names are unique per text (PostgreSQL keeps them per connection). */
export function prepared(name: string, text: string): Prepared {
  const known = names.get(name);
  if (known !== undefined && known !== text) {
    throw new Error(`prepared statement ${name} declared twice with different text`);
  }
  names.set(name, text);
  return { name, text };
}

export type Param = string | number | boolean | null | readonly (string | null)[];

interface PgliteClient {
  query(text: string, params: unknown[]): Promise<{ rows: unknown[] }>;
  exec(text: string): Promise<unknown>;
  transaction<T>(fn: (tx: PgliteClient) => Promise<T>): Promise<T>;
}

/**
 * A transaction on the driver's own connection, without the query builder (see `rawTransaction`): for
 * prepared statements and scripts only.
 */
export class RawTx {
  private tail = '';

  constructor(readonly client: unknown) {}

  /** Statements (a script, as for `runScript`) to run last, sent with COMMIT in one round trip. */
  beforeCommit(script: string): void {
    this.tail += script;
  }

  /** @internal */
  takeTail(): string {
    const t = this.tail;
    this.tail = '';
    return t;
  }
}

/** Anything `runPrepared` and `runScript` run on: the database, a query-builder transaction, or a RawTx. */
export type Conn = Queryable | RawTx;

/**
 * Run `fn` in a transaction on one connection of the database: BEGIN, `fn`, then the `beforeCommit`
 * script and COMMIT together (ROLLBACK if anything fails).
 */
export async function rawTransaction<T>(db: Db, fn: (tx: RawTx) => Promise<T>): Promise<T> {
  const pool = driverClient(db);
  if (pool instanceof pg.Pool) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      try {
        await client.query('BEGIN');
        const tx = new RawTx(client);
        const result = await fn(tx);
        await client.query(`${tx.takeTail()}COMMIT`);
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((e: unknown) => {
          broken = e instanceof Error ? e : new Error(String(e));
        });
        throw err;
      }
    } finally {
      client.release(broken);
    }
  }
  return (pool as PgliteClient).transaction(async (t) => {
    const tx = new RawTx(t);
    const result = await fn(tx);
    const tail = tx.takeTail();
    if (tail !== '') {
      await t.exec(tail);
    }
    return result;
  });
}

/**
 * The driver's own client behind a database or transaction handle: a node-postgres Pool (database),
 * PoolClient (transaction), or a PGlite instance or transaction. Both answer `query`.
 */
function driverClient(q: Conn): unknown {
  if (q instanceof RawTx) {
    return q.client;
  }
  const client = (q as unknown as { session?: { client?: unknown } }).session?.client;
  if (client === undefined || client === null) {
    throw new Error('no driver client behind this database handle');
  }
  return client;
}

/** Run a prepared statement on the database or in the caller's transaction; returns its rows. */
export async function runPrepared<T>(q: Conn, statement: Prepared, values: readonly Param[]): Promise<T[]> {
  const client = driverClient(q);
  if (client instanceof pg.Pool || client instanceof pg.Client) {
    const result = await client.query({ name: statement.name, text: statement.text, values: values as unknown[] });
    return result.rows as T[];
  }
  const result = await (client as PgliteClient).query(statement.text, values as unknown[]);
  return result.rows as T[];
}

/**
 * Run several statements in one round trip (simple query protocol, no parameters, no rows back). Only for
 * text built from values the caller has checked (ids, integers, digests): never from input.
 */
export async function runScript(q: Conn, script: string): Promise<void> {
  const client = driverClient(q);
  if (client instanceof pg.Pool || client instanceof pg.Client) {
    await client.query(script);
    return;
  }
  await (client as PgliteClient).exec(script);
}
