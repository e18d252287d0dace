import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import * as schema from './schema';
import { appliedMigrationCount, migrationsFolder, shippedMigrationCount } from './migrations';
import type { Database, Db } from './types';

/** Key of the session-level advisory lock that serialises migrations across app servers. */
export const MIGRATION_LOCK_KEY = 7_246_183_901;

export interface PostgresOptions {
  readonly url: string;
  readonly migrate: boolean;
  readonly poolMax?: number;
  readonly onError?: (err: Error) => void;
}

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolMax ?? 10 });
  pool.on('error', (err) => options.onError?.(err));
  const db = drizzle(pool, { schema }) as unknown as Db;
  if (options.migrate) {
    await runMigrationsLocked(pool);
  }
  const listener = new Listener(options.url, options.onError);
  return {
    kind: 'postgres',
    db,
    async ping() {
      await pool.query('SELECT 1');
    },
    async migrationsApplied() {
      return (await appliedMigrationCount(db)) >= shippedMigrationCount();
    },
    listen: (channel, onMessage) => listener.listen(channel, onMessage),
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}

/**
 * Several servers may start together: the first takes the advisory lock and migrates; the others
 * wait on the lock, then find nothing left to apply.
 */
export async function runMigrationsLocked(pool: pg.Pool): Promise<void> {
  const lockClient = await pool.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle(lockClient, { schema }), { migrationsFolder });
    } finally {
      await lockClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    lockClient.release();
  }
}

type Handler = (payload: string) => void;

/** One dedicated connection for LISTEN, shared by all subscribers in this process; reconnects. */
class Listener {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private readonly handlers = new Map<string, Set<Handler>>();
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly onError: ((err: Error) => void) | undefined,
  ) {}

  async listen(channel: string, handler: Handler): Promise<() => Promise<void>> {
    const client = await this.connection();
    let set = this.handlers.get(channel);
    if (set === undefined) {
      set = new Set();
      this.handlers.set(channel, set);
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
    set.add(handler);
    return async () => {
      const current = this.handlers.get(channel);
      current?.delete(handler);
      if (current !== undefined && current.size === 0) {
        this.handlers.delete(channel);
        await this.client?.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
      }
    };
  }

  private connection(): Promise<pg.Client> {
    if (this.client !== undefined) {
      return Promise.resolve(this.client);
    }
    this.connecting ??= this.connect();
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (msg) => {
      for (const handler of this.handlers.get(msg.channel) ?? []) {
        handler(msg.payload ?? '');
      }
    });
    client.on('error', (err) => {
      this.onError?.(err);
      this.client = undefined;
      this.connecting = undefined;
      if (!this.closed) {
        setTimeout(() => void this.resubscribe(), 1000);
      }
    });
    await client.connect();
    this.client = client;
    this.connecting = undefined;
    return client;
  }

  private async resubscribe(): Promise<void> {
    if (this.closed) {
      return;
    }
    try {
      const client = await this.connection();
      for (const channel of this.handlers.keys()) {
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
    } catch (err) {
      this.onError?.(err as Error);
      setTimeout(() => void this.resubscribe(), 2000);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }
}
