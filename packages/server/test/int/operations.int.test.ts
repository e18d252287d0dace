import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedMigrationCount } from '../../src/db/migrations';
import { runMigrationsLocked } from '../../src/db/postgres';
import { clinicWithStaff } from '../factories';
import { withDatabase } from '../global-setup';
import { createTestApp, TEST_DB_KIND, type TestApp } from '../harness';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const MAIN = path.join(ROOT, 'packages/server/src/main.ts');

function runNode(args: string[], env: Record<string, string>, timeoutMs = 60_000): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8', timeout: timeoutMs, cwd: ROOT });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe.runIf(TEST_DB_KIND === 'pglite')('embedded database operations', () => {
  it('refuses a second process on the same data directory with a clear message', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketapath-lock-'));
    const env = { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' };
    const first = spawn(process.execPath, [TSX, MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('first server did not start')), 60_000);
        first.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('is running at')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const second = runNode([TSX, MAIN], { DATABASE_URL: '', DATA_DIR: dataDir, PORT: '0' });
      expect(second.code).toBe(2);
      expect(second.out).toContain('is in use by another Ketapath process');
    } finally {
      first.kill('SIGTERM');
      await new Promise((r) => first.once('exit', r));
    }
    // After a clean stop the lock is released and a new process may open the directory.
    const again = runNode([TSX, path.join(ROOT, 'packages/server/src/cli/audit-verify.ts')], { DATABASE_URL: '', DATA_DIR: dataDir });
    expect(again.code).toBe(0);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('stops with every configuration problem listed', () => {
    const r = runNode([TSX, MAIN], { PORT: 'abc', DATABASE_URL: 'mysql://x', SESSION_IDLE_MINUTES: '-1' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('PORT');
    expect(r.out).toContain('DATABASE_URL');
    expect(r.out).toContain('SESSION_IDLE_MINUTES');
  });
});

describe.runIf(TEST_DB_KIND === 'postgres')('PostgreSQL operations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('applies migrations exactly once when several servers start together (advisory lock)', async () => {
    const base = process.env.DATABASE_URL ?? '';
    const name = `kp_mig_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: withDatabase(base, name), max: 2 }));
      await Promise.all(pools.map((p) => runMigrationsLocked(p)));
      const check = pools[0] as pg.Pool;
      const rows = await check.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
      expect(rows.rows[0]?.n).toBe(shippedMigrationCount());
      await Promise.all(pools.map((p) => p.end()));
      // Pool.end() resolves before every socket has closed; dropping WITH (FORCE) while one is still closing
      // makes the server send that client a FATAL it no longer listens for (an uncaught error). Wait for them.
      for (let i = 0; i < 100; i++) {
        const open = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (open.rows[0]?.n === 0) {
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      // pool.end() resolves before the sockets close: wait for the backends to go, or DROP … FORCE
      // terminates a closing client, whose error then surfaces as an unhandled error.
      for (let i = 0; i < 50; i++) {
        const open = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if ((open.rows[0]?.n ?? 0) === 0) {
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('backs up with pg_dump and restores into an empty database that verifies clean', async () => {
    const { clinic } = await clinicWithStaff(t);
    const url = t.databaseUrl ?? '';
    const dump = path.join(os.tmpdir(), `ketapath-${randomUUID()}.dump`);
    const backup = spawnSync(path.join(ROOT, 'scripts/backup.sh'), [url, dump], { encoding: 'utf8' });
    expect(backup.status, backup.stderr).toBe(0);
    const base = process.env.DATABASE_URL ?? '';
    const target = `kp_restore_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${target}`);
    try {
      const restore = spawnSync(path.join(ROOT, 'scripts/restore.sh'), [dump, withDatabase(base, target)], { encoding: 'utf8', cwd: ROOT });
      expect(restore.status, `${restore.stdout}${restore.stderr}`).toBe(0);
      expect(restore.stdout).toContain('audit chains intact');
      const copy = new pg.Client({ connectionString: withDatabase(base, target) });
      await copy.connect();
      const users = await copy.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE clinic_id = $1', [clinic.id]);
      expect(users.rows[0]?.n).toBe(4);
      // The restored copy keeps its protection: the audit trail is still append-only.
      await expect(copy.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
      await copy.end();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
      await admin.end();
      fs.rmSync(dump, { force: true });
    }
  });

  it('audit:verify exits 1 and names the broken chain after tampering', async () => {
    const { clinic } = await clinicWithStaff(t);
    await t.deps.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    await t.deps.db.execute(sql`UPDATE audit_events SET action = 'auth.logout' WHERE clinic_id = ${clinic.id} AND chain_seq = 1`);
    await t.deps.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
    const r = runNode([TSX, path.join(ROOT, 'packages/server/src/cli/audit-verify.ts')], { DATABASE_URL: t.databaseUrl ?? '' });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`BROKEN  chain ${clinic.id}`);
  });
});
