import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import * as schema from './schema';
import { acquireDataDirLock } from './data-dir-lock';
import { appliedMigrationCount, migrationsFolder, shippedMigrationCount } from './migrations';
import type { Database, Db } from './types';

export interface PgliteOptions {
  /** Directory for a file-backed database; undefined = in memory. */
  readonly dataDir: string | undefined;
  readonly migrate: boolean;
  /** Take the single-process lock on dataDir (always, except for test copies nobody else can see). */
  readonly lock: boolean;
}

export async function openPglite(options: PgliteOptions): Promise<Database> {
  let release = (): void => undefined;
  if (options.dataDir !== undefined) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    if (options.lock) {
      release = acquireDataDirLock(options.dataDir);
    }
  }
  let client: PGlite;
  try {
    client = options.dataDir === undefined ? await PGlite.create() : await PGlite.create({ dataDir: `${options.dataDir}/pgdata` });
  } catch (err) {
    release();
    throw err;
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  if (options.migrate) {
    await migrate(drizzle(client, { schema }), { migrationsFolder });
  }
  return {
    kind: 'pglite',
    db,
    async ping() {
      await client.query('SELECT 1');
    },
    async migrationsApplied() {
      return (await appliedMigrationCount(db)) >= shippedMigrationCount();
    },
    async listen(channel, onMessage) {
      const unsubscribe = await client.listen(channel, onMessage);
      return async () => {
        await unsubscribe();
      };
    },
    async close() {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}
