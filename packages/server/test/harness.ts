import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app';
import { parseConfig, type Config } from '../src/config/config';
import { openPglite } from '../src/db/pglite';
import { openPostgres } from '../src/db/postgres';
import type { Database } from '../src/db/types';
import type { Clock, Deps } from '../src/http/deps';
import { createLogger } from '../src/http/logger';
import type { App } from '../src/http/route';
import { withDatabase } from './global-setup';

export class TestClock implements Clock {
  private t: number;
  constructor(start: Date = new Date()) {
    this.t = start.getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(d: Date): void {
    this.t = d.getTime();
  }
}

export interface TestApp {
  readonly app: App;
  readonly deps: Deps;
  readonly database: Database;
  readonly clock: TestClock;
  /** Every log line the app wrote (JSON strings). */
  readonly logs: string[];
  /** The connection URL of this test's own PostgreSQL database (PostgreSQL tier only). */
  readonly databaseUrl: string | undefined;
  close(): Promise<void>;
}

export const TEST_DB_KIND: 'pglite' | 'postgres' = process.env.KP_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

async function openTestDatabase(): Promise<{ database: Database; cleanup: () => Promise<void>; url?: string }> {
  if (TEST_DB_KIND === 'postgres') {
    const url = process.env.DATABASE_URL;
    const template = inject('postgresTemplate');
    if (url === undefined || template === null) {
      throw new Error('PostgreSQL tier needs DATABASE_URL and a template');
    }
    const name = `kp_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const database = await openPostgres({ url: withDatabase(url, name), migrate: false, poolMax: 5 });
    return {
      database,
      url: withDatabase(url, name),
      cleanup: async () => {
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketapath-test-'));
  fs.cpSync(inject('pgliteTemplateDir'), dir, { recursive: true });
  const database = await openPglite({ dataDir: dir, migrate: false, lock: false });
  return {
    database,
    cleanup: () => {
      fs.rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

export async function createTestApp(options: { env?: Record<string, string>; clock?: TestClock } = {}): Promise<TestApp> {
  const parsed = parseConfig({ LOG_LEVEL: 'info', ...options.env }, process.cwd());
  if (!parsed.ok) {
    throw new Error(parsed.problems.join('; '));
  }
  const config: Config = { ...parsed.config, webDistDir: path.join(os.tmpdir(), 'ketapath-no-web') };
  const { database, cleanup, url } = await openTestDatabase();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      cb();
    },
  });
  const logger = createLogger(config.logLevel, sink);
  const clock = options.clock ?? new TestClock();
  const deps: Deps = { config, database, db: database.db, clock, log: logger };
  const app = await buildApp(deps, logger);
  await app.ready();
  return {
    app,
    deps,
    database,
    clock,
    logs,
    databaseUrl: url,
    async close() {
      await app.close();
      await database.close();
      await cleanup();
    },
  };
}
