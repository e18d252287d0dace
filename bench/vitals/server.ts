/**
 * The server side of the vitals benchmark, run as a child process by `bench/vitals/run.ts` (never on its
 * own). It starts the real app exactly as `packages/server/src/main.ts` does (database + migrations, the
 * Fastify app, the escalation worker, listening on a real port), in demo mode so staff can sign in with one
 * click, then prepares the chairs through the real endpoints:
 *   chair → monitor device token (POST /api/devices) → patient enrolled (intake, eligibility, consent,
 *   plan) → check-in → pre-dose reading, PHQ-9 and checklist → dose started from the controlled-drug stock.
 * Setup goes through `app.inject` (the same routes, without sockets) only to save time; the measured
 * traffic comes over HTTP from the parent process.
 *
 * It also runs the raw INSERT baseline on request, on the same database and pool as the app.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../packages/server/src/app';
import { parseConfig } from '../../packages/server/src/config/config';
import { openDatabase } from '../../packages/server/src/db/open';
import { clinics, vitalReadings } from '../../packages/server/src/db/schema';
import type { Deps } from '../../packages/server/src/http/deps';
import { systemClock } from '../../packages/server/src/http/deps';
import { createLogger } from '../../packages/server/src/http/logger';
import { checkInDemo, passPredoseDemo, startDoseDemo } from '../../packages/server/src/modules/demo/chairside';
import { DemoDriver } from '../../packages/server/src/modules/demo/demo-driver';
import { enrolDemoPatient } from '../../packages/server/src/modules/demo/demo-patients';
import { seedDemo } from '../../packages/server/src/modules/demo/seed';
import { BASELINE } from '../../packages/server/src/modules/demo/treatment-seed';
import { startEscalationWorker } from '../../packages/server/src/modules/treatment';
import { localDateOf } from '../../packages/server/src/lib/zoned';
import type { FromServer, ToServer, Chair } from './protocol';

const send = (m: FromServer): void => {
  process.send?.(m);
};

const FIRST = ['Avery', 'Blake', 'Casey', 'Devon', 'Emery', 'Finley', 'Harper', 'Jules', 'Kai', 'Logan', 'Morgan', 'Quinn', 'Riley', 'Rowan', 'Sage', 'Tatum'];

async function main(): Promise<void> {
  const chairsWanted = Number(process.env.BENCH_CHAIRS ?? '50');
  const setupConcurrency = Number(process.env.BENCH_SETUP_CONCURRENCY ?? '4');
  const parsed = parseConfig({ ...process.env, KETAPATH_DEMO: 'true', PORT: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }, process.cwd());
  if (!parsed.ok) {
    throw new Error(parsed.problems.join('; '));
  }
  const config = parsed.config;
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, (err) => {
    logger.error({ errType: err.name }, 'database connection error');
  });
  const deps: Deps = { config, database, db: database.db, clock: systemClock, log: logger };
  const app = await buildApp(deps, logger);
  const stopEscalation = startEscalationWorker(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  const started = performance.now();
  const { clinicId } = await seedDemo(deps);
  const [clinic] = await deps.db.select().from(clinics).where(eq(clinics.id, clinicId));
  if (clinic === undefined) {
    throw new Error('demo clinic missing');
  }
  const sign = { password: clinic.demoPassword ?? '' };
  const today = localDateOf(deps.clock.now(), clinic.timeZone);
  const d = new DemoDriver(app);
  const resources = await d.call<{ staff: { userId: string; role: string }[] }>('admin', 'GET', '/api/scheduling/resources');
  const nurseId = resources.staff.find((s) => s.role === 'nurse')?.userId ?? '';

  // Chairs kept from an earlier run (--keep): their sessions are still dosing, their tokens still valid.
  const reuse = process.env.BENCH_REUSE_CHAIRS;
  const prepared: Chair[] = reuse === undefined ? [] : (JSON.parse(fs.readFileSync(reuse, 'utf8')) as { chairs: Chair[] }).chairs.slice(0, chairsWanted);
  let next = prepared.length;
  const worker = async (): Promise<void> => {
    while (next < chairsWanted) {
      const i = next++;
      prepared.push(await prepareChair(d, deps, { i, clinicId, nurseId, sign, today }));
      if (prepared.length % 25 === 0) {
        send({ type: 'progress', prepared: prepared.length });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, setupConcurrency) }, worker));

  // Board clients sign in as the front desk (each its own staff session).
  const boardCookies: string[] = [];
  for (let i = 0; i < Number(process.env.BENCH_BOARDS ?? '3'); i++) {
    const res = await app.inject({ method: 'POST', url: '/api/demo/login', headers: { 'x-ketapath-csrf': 'bench', 'user-agent': 'Ketapath vitals benchmark' }, payload: { role: 'front_desk' } });
    const cookie = res.cookies.find((c) => c.name === 'kp_session');
    if (cookie === undefined) {
      throw new Error(`board sign-in failed: ${res.statusCode}`);
    }
    boardCookies.push(`kp_session=${cookie.value}`);
  }
  send({ type: 'ready', port, chairs: prepared, boardCookies, setupSeconds: (performance.now() - started) / 1000, kind: database.kind });

  process.on('message', (m: ToServer) => {
    if (m.type === 'rss') {
      send({ type: 'rss', rss: process.memoryUsage().rss });
    } else if (m.type === 'raw') {
      void rawInserts(deps, clinicId, prepared.slice(0, m.concurrency), m.seconds).then((r) => {
        send({ type: 'raw', ...r });
      });
    } else {
      stopEscalation();
      void app
        .close()
        .then(() => database.close())
        .then(() => process.exit(0));
    }
  });
}

let doseLock: Promise<unknown> = Promise.resolve();
const patients = new Map<number, Promise<{ id: string; planId?: string }>>();

/** One chair: its monitor's token, and a patient enrolled, checked in and dosed through the real endpoints. */
async function prepareChair(d: DemoDriver, deps: Deps, ctx: { i: number; clinicId: string; nurseId: string; sign: { password: string }; today: string }): Promise<Chair> {
  const { i } = ctx;
  const chair = await d.call<{ id: string }>('admin', 'POST', '/api/scheduling/chairs', { name: `Bench chair ${i + 1}`, kind: 'chair', sortOrder: 100 + i });
  const device = await d.call<{ token: string; device: { id: string } }>('admin', 'POST', '/api/devices', { name: `Bench monitor ${i + 1}`, chairId: chair.id });
  const t0 = performance.now();
  // With BENCH_SHARE_PATIENTS=k, k chairs share one enrolled patient (a setup shortcut: readings are per session).
  const share = Math.max(1, Number(process.env.BENCH_SHARE_PATIENTS ?? '1'));
  const key = Math.floor(i / share);
  let enrolled = patients.get(key);
  if (enrolled === undefined) {
    enrolled = enrolDemoPatient(
      d,
      { first: FIRST[key % FIRST.length] ?? 'Avery', last: `Bench${key + 1}`, dob: '1980-01-15', sex: key % 2 === 0 ? 'female' : 'male', weightKg: 60 + (key % 30), heightCm: 170, phone: `555-03${String(key % 100).padStart(2, '0')}`, route: 'iv', stage: 'planned' },
      key,
      { today: ctx.today, start: ctx.today, sign: ctx.sign },
    );
    patients.set(key, enrolled);
  }
  const p = await enrolled;
  if (p.planId === undefined) {
    throw new Error('bench patient has no plan');
  }
  const t1 = performance.now();
  const at = deps.clock.now();
  const ref = await checkInDemo(d, deps, ctx.clinicId, { patientId: p.id, planId: p.planId, route: 'iv', chairId: chair.id, nurseId: ctx.nurseId, at: new Date(at.getTime() - 10 * 60_000) });
  await passPredoseDemo(d, ref.sessionId, new Date(at.getTime() - 5 * 60_000), BASELINE, 60 + (i % 30));
  const t2 = performance.now();
  // Doses draw on the shared controlled-drug stock: one at a time, so parallel setup never races for a vial.
  const dosed = doseLock.then(() => startDoseDemo(d, ref, new Date(at.getTime() - 60_000), ctx.sign, ctx.today));
  doseLock = dosed.then(
    () => undefined,
    () => undefined,
  );
  await dosed;
  if (process.env.BENCH_TIMING !== undefined) {
    process.stderr.write(`chair ${String(i)}: enrol ${(t1 - t0).toFixed(0)} ms, check-in + pre-dose ${(t2 - t1).toFixed(0)} ms, dose ${(performance.now() - t2).toFixed(0)} ms\n`);
  }
  return { sessionId: ref.sessionId, token: device.token, deviceId: device.device.id };
}

/**
 * The baseline: the same vital_readings rows the API writes (same columns, ON CONFLICT on the client id),
 * each in its own transaction, from `chairs.length` concurrent writers on the app's own pool, for `seconds`.
 */
async function rawInserts(deps: Deps, clinicId: string, chairs: readonly Chair[], seconds: number): Promise<{ inserted: number; errors: number; seconds: number }> {
  let inserted = 0;
  let errors = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const writer = async (c: Chair, w: number): Promise<void> => {
    let seq = 0;
    while (performance.now() < end) {
      const now = new Date();
      try {
        await deps.db.transaction(async (tx) => {
          await tx
            .insert(vitalReadings)
            .values({ id: randomUUID(), clinicId, sessionId: c.sessionId, clientId: `raw-${w}-${seq++}-${randomUUID()}`, takenAt: now, receivedAt: now, systolic: 124, diastolic: 79, heartRate: 72, spo2: 98, respiratoryRate: null, symptoms: null, source: 'device', deviceId: c.deviceId, enteredBy: null, worst: null })
            .onConflictDoNothing({ target: [vitalReadings.sessionId, vitalReadings.clientId] })
            .returning({ id: vitalReadings.id });
        });
        inserted++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(chairs.map((c, w) => writer(c, w)));
  return { inserted, errors, seconds: (performance.now() - start) / 1000 };
}

main().catch((err: unknown) => {
  const e = err as Error;
  send({ type: 'failed', message: `${e.name}: ${e.message}\n${e.stack ?? ''}` });
  process.exit(1);
});
