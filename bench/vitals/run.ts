/**
 * Vitals ingest benchmark (see bench/README.md).
 *
 *   npm run bench:vitals                                   # both databases, 50/200/500 chairs, 20 s each
 *   npm run bench:vitals -- --db=postgres --chairs=500 --seconds=30 --interval=2 --boards=3
 *
 * For each database it starts the real server in a child process (server.ts), prepares max(chairs) dosed IV
 * sessions with a monitor token each, then for each N: (1) N monitors post one reading every --interval
 * seconds for --seconds while --boards board clients listen on the SSE stream; (2) N monitors post back to
 * back for --max-seconds (the API's ingest capacity); (3) the raw INSERT baseline: the same rows inserted
 * by N concurrent writers, one row per transaction, on the server's own connection pool, for --max-seconds.
 * PostgreSQL: a fresh database is created on --pg (default postgres://postgres@127.0.0.1:5432) and dropped.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { AlertClock, drive, openBoard, percentile, postReading } from './load';
import type { Chair, FromServer, ToServer } from './protocol';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Client ids are unique per run, so a kept database (--keep) never answers a reading as a duplicate. */
const RUN = Date.now().toString(36);

function arg(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit === undefined ? fallback : hit.slice(name.length + 3);
}

const opts = {
  dbs: arg('db', 'pglite,postgres').split(','),
  chairs: arg('chairs', '50,200,500').split(',').map(Number),
  seconds: Number(arg('seconds', '20')),
  maxSeconds: Number(arg('max-seconds', '10')),
  intervalMs: Number(arg('interval', '2')) * 1000,
  boards: Number(arg('boards', '3')),
  hypertensiveEvery: Number(arg('hypertensive-every', '5')),
  pg: arg('pg', process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432'),
  json: arg('json', ''),
  keep: arg('keep', ''),
  sharePatients: Number(arg('share-patients', '1')),
};

interface Row {
  db: string;
  chairs: number;
  offered: number;
  accepted: number;
  p50: number;
  p99: number;
  errors: number;
  errorCodes: Record<string, number>;
  alerts: number;
  alertsMissing: number;
  alertP50: number;
  alertP99: number;
  rssMb: number;
  maxApi: number;
  maxP99: number;
  maxErrors: number;
  raw: number;
  ratio: number;
}

class Server {
  private readonly waiters: ((m: FromServer) => boolean)[] = [];
  /** Rejects when the child exits, so a waiting benchmark ends (and drops its database) instead of hanging. */
  readonly exited: Promise<never>;
  constructor(readonly child: ChildProcess) {
    child.on('message', (m: FromServer) => {
      if (m.type === 'progress') {
        process.stdout.write(`  … ${m.prepared} chairs ready\n`);
      }
      if (m.type === 'failed') {
        process.stderr.write(`server failed: ${m.message}\n`);
      }
      const i = this.waiters.findIndex((w) => w(m));
      if (i >= 0) {
        this.waiters.splice(i, 1);
      }
    });
    this.exited = new Promise((_resolve, reject) => {
      child.on('exit', (code) => {
        reject(new Error(`server exited (${String(code)})`));
      });
    });
    this.exited.catch(() => undefined);
  }

  next<T extends FromServer['type']>(type: T, request?: ToServer): Promise<Extract<FromServer, { type: T }>> {
    return Promise.race([this.exited, this.reply(type, request)]);
  }

  private reply<T extends FromServer['type']>(type: T, request?: ToServer): Promise<Extract<FromServer, { type: T }>> {
    return new Promise((resolve) => {
      this.waiters.push((m) => {
        if (m.type !== type) {
          return false;
        }
        resolve(m as Extract<FromServer, { type: T }>);
        return true;
      });
      if (request !== undefined) {
        this.child.send(request);
      }
    });
  }
}

/** A kept database (--keep): where it is and its prepared chairs, so the next run skips the setup. */
interface Kept {
  readonly env: Record<string, string>;
  readonly chairs: readonly Chair[];
}

function keptFile(db: string): string | undefined {
  return opts.keep === '' ? undefined : path.join(opts.keep, `${db}.json`);
}

async function withDatabase<T>(db: string, fn: (env: Record<string, string>, kept: string | undefined) => Promise<T>): Promise<T> {
  const file = keptFile(db);
  if (file !== undefined && fs.existsSync(file)) {
    const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as Kept;
    return fn(kept.env, file);
  }
  if (db === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketapath-bench-'));
    try {
      return await fn({ DATA_DIR: dir }, undefined);
    } finally {
      if (file === undefined) {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  const name = `ketapath_bench_${String(process.pid)}_${String(Date.now())}`;
  const admin = new pg.Client({ connectionString: `${opts.pg}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    return await fn({ DATABASE_URL: `${opts.pg}/${name}`, DATA_DIR: os.tmpdir() }, undefined);
  } finally {
    if (file === undefined) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    await admin.end();
  }
}

async function benchDatabase(db: string): Promise<Row[]> {
  return withDatabase(db, async (env, kept) => {
    const most = Math.max(...opts.chairs);
    process.stdout.write(`\n${db}: preparing ${most} chairs (patients enrolled, checked in and dosed through the API)…\n`);
    const child = fork(path.join(here, 'server.ts'), [], { execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`])], env: { ...process.env, ...env, BENCH_CHAIRS: String(most), BENCH_BOARDS: String(opts.boards), BENCH_SHARE_PATIENTS: String(opts.sharePatients), ...(kept === undefined ? {} : { BENCH_REUSE_CHAIRS: kept }) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const server = new Server(child);
    const ready = await server.next('ready');
    const file = keptFile(db);
    if (file !== undefined && kept === undefined) {
      fs.mkdirSync(opts.keep, { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ env, chairs: ready.chairs } satisfies Kept));
    }
    process.stdout.write(`${db}: ready in ${ready.setupSeconds.toFixed(0)} s (server pid ${String(child.pid)})\n`);
    const rows: Row[] = [];
    for (const n of opts.chairs) {
      const chairs = ready.chairs.slice(0, n);
      const clock = new AlertClock(opts.boards);
      const boards = await Promise.all(ready.boardCookies.map((c) => openBoard(ready.port, c, clock)));
      // Warm-up: one reading per chair (token lookups, connections), not measured.
      await Promise.all(chairs.map((c, i) => postReading(ready.port, c, `warm-${String(n)}-${String(i)}-${String(Date.now())}`, false)));
      let rss = 0;
      const sampler = setInterval(() => {
        server.next('rss', { type: 'rss' }).then(
          (m) => (rss = Math.max(rss, m.rss)),
          () => undefined,
        );
      }, 500);
      process.stdout.write(`${db} ${String(n)} chairs: paced, one reading per chair every ${String(opts.intervalMs / 1000)} s for ${String(opts.seconds)} s…\n`);
      const paced = await drive(ready.port, chairs, { seconds: opts.seconds, intervalMs: opts.intervalMs, hypertensiveEvery: opts.hypertensiveEvery, tag: `${RUN}-p${String(n)}`, clock });
      await new Promise((r) => setTimeout(r, 1000));
      const alertLat = [...clock.latencies];
      const missing = clock.missing();
      clock.reset();
      let max = { accepted: 0, seconds: 1, latencies: [] as readonly number[], errors: 0 };
      let raw = { inserted: 0, errors: 0, seconds: 1 };
      if (opts.maxSeconds > 0) {
        process.stdout.write(`${db} ${String(n)} chairs: back to back for ${String(opts.maxSeconds)} s, then raw INSERTs…\n`);
        max = await drive(ready.port, chairs, { seconds: opts.maxSeconds, intervalMs: 0, hypertensiveEvery: opts.hypertensiveEvery, tag: `${RUN}-m${String(n)}`, clock });
        raw = await server.next('raw', { type: 'raw', concurrency: n, seconds: opts.maxSeconds });
      }
      clearInterval(sampler);
      for (const close of boards) {
        close();
      }
      const maxApi = max.accepted / max.seconds;
      const rawRate = raw.inserted / raw.seconds;
      rows.push({
        db,
        chairs: n,
        offered: paced.posted / paced.seconds,
        accepted: paced.accepted / paced.seconds,
        p50: percentile(paced.latencies, 50),
        p99: percentile(paced.latencies, 99),
        errors: paced.errors,
        errorCodes: paced.errorCodes,
        alerts: alertLat.length,
        alertsMissing: missing,
        alertP50: percentile(alertLat, 50),
        alertP99: percentile(alertLat, 99),
        rssMb: rss / 2 ** 20,
        maxApi,
        maxP99: percentile(max.latencies, 99),
        maxErrors: max.errors + raw.errors,
        raw: rawRate,
        ratio: rawRate > 0 ? maxApi / rawRate : Number.NaN,
      });
      printTable(rows.slice(-1));
    }
    await new Promise<void>((resolve) => {
      child.once('exit', () => {
        resolve();
      });
      child.send({ type: 'stop' } satisfies ToServer);
    });
    return rows;
  });
}

const f = (v: number, digits = 0): string => (Number.isNaN(v) ? '–' : v.toFixed(digits));

function printTable(rows: readonly Row[]): void {
  const head = ['db', 'chairs', 'offered/s', 'accepted/s', 'p50 ms', 'p99 ms', 'errors', 'alerts', 'alert p50', 'alert p99', 'RSS MB', 'max API/s', 'max p99', 'raw INSERT/s', 'API÷raw'];
  const body = rows.map((r) => [r.db, String(r.chairs), f(r.offered, 1), f(r.accepted, 1), f(r.p50, 1), f(r.p99, 1), `${String(r.errors)}${r.errors > 0 ? ` ${JSON.stringify(r.errorCodes)}` : ''}`, `${String(r.alerts)}${r.alertsMissing > 0 ? ` (${String(r.alertsMissing)} missed)` : ''}`, f(r.alertP50, 1), f(r.alertP99, 1), f(r.rssMb), f(r.maxApi), f(r.maxP99, 1), f(r.raw), f(r.ratio, 2)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padStart(widths[i] ?? 0)).join(' | ')} |`;
  process.stdout.write(`${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${body.map(line).join('\n')}\n`);
}

async function main(): Promise<void> {
  const all: Row[] = [];
  for (const db of opts.dbs) {
    all.push(...(await benchDatabase(db)));
  }
  process.stdout.write(`\nVitals ingest: ${String(os.cpus().length)} CPUs, paced ${String(opts.seconds)} s at one reading per chair every ${String(opts.intervalMs / 1000)} s (every ${String(opts.hypertensiveEvery)}th hypertensive), ${String(opts.boards)} board clients; max and raw over ${String(opts.maxSeconds)} s\n`);
  printTable(all);
  if (opts.json !== '') {
    fs.writeFileSync(opts.json, JSON.stringify({ opts, rows: all }, null, 2));
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
