import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../src/db/pglite';
import { runMigrationsLocked } from '../src/db/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
    postgresTemplate: string | null;
  }
}

/**
 * Build one migrated database per test run; each test file then gets its own copy
 * (a copied PGlite data directory, or CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ketapath-tpl-'));
  const templateDir = path.join(root, 'pglite');
  const db = await openPglite({ dataDir: templateDir, migrate: true, lock: false });
  await db.close();
  project.provide('pgliteTemplateDir', templateDir);

  let pgTemplate: string | null = null;
  const url = process.env.DATABASE_URL;
  if (process.env.KP_TEST_DB === 'postgres') {
    if (url === undefined) {
      throw new Error('KP_TEST_DB=postgres needs DATABASE_URL');
    }
    pgTemplate = `kp_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${pgTemplate}`);
    await admin.end();
    const pool = new pg.Pool({ connectionString: withDatabase(url, pgTemplate), max: 2 });
    await runMigrationsLocked(pool);
    await pool.end();
  }
  project.provide('postgresTemplate', pgTemplate);

  return async () => {
    fs.rmSync(root, { recursive: true, force: true });
    if (pgTemplate !== null && url !== undefined) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${pgTemplate} WITH (FORCE)`);
      await admin.end();
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
