/**
 * Keeps the demo clinic's chairs moving while `npm run demo` runs: each chair's monitor posts a reading every
 * minute (blood pressure every five), now and then a high reading raises an alert, the demo nurse steps
 * sessions on (pre-dose checks, dose, devices, end of infusion, discharge) and checks the next patient in.
 * Everything goes through the real endpoints; alerts are left for a few minutes so visitors see escalation.
 */
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { sessionAlerts, treatmentSessions, vitalReadings } from '../../db/schema';
import type { Deps } from '../../http/deps';
import type { App } from '../../http/route';
import { localDateOf } from '../../lib/zoned';
import { checkInDemo, dischargeDemo, nextDeviceDemo, passPredoseDemo, postMonitorReading, startDoseDemo } from './chairside';
import type { DemoDriver } from './demo-driver';
import { BASELINE, type DemoContext } from './treatment-seed';

const TICK_MS = 20_000;
const READING_EVERY_MS = 60_000;
const BP_EVERY_MS = 5 * 60_000;
/** Roughly one high reading somewhere in the clinic every few minutes. */
const SPIKE_CHANCE_PER_READING = 0.03;
const AUTO_ACK_AFTER_MS = 6 * 60_000;
const ACTIVE = ['checked_in', 'predose_passed', 'dosing', 'monitoring', 'ready_for_discharge'];

const mins = (a: Date, b: Date): number => (a.getTime() - b.getTime()) / 60_000;

/** When discharge was last tried per session (a patient not yet ready is checked again a while later, not every tick). */
const lastDischargeTry = new Map<string, number>();
const RETRY_DISCHARGE_MS = 15 * 60_000;

/** One simulator step (exported for tests). */
export async function demoMonitorStep(app: App, deps: Deps, d: DemoDriver, ctx: DemoContext): Promise<void> {
  const now = deps.clock.now();
  const today = localDateOf(now, ctx.timeZone);
  const sessions = await deps.db.select().from(treatmentSessions).where(and(eq(treatmentSessions.clinicId, ctx.clinicId), inArray(treatmentSessions.state, ACTIVE)));
  for (const s of sessions) {
    const ref = { sessionId: s.id, route: s.route };
    const since = mins(now, s.stateChangedAt);
    const patient = ctx.patients.find((p) => p.id === s.patientId);
    if (s.state === 'checked_in' && since >= 3) {
      await passPredoseDemo(d, s.id, now, BASELINE, patient?.weightKg ?? 75);
      continue;
    }
    if (s.state === 'predose_passed' && since >= 2) {
      await startDoseDemo(d, ref, now, ctx.sign, today);
      continue;
    }
    const started = s.doseStartedAt;
    const view = started === null ? null : await d.call<{ esketamine: { nextDeviceAt: string | null } | null; schedule: { next: { kind: string; status: string } | null } | null }>('nurse', 'GET', `/api/sessions/${s.id}`);
    if (view?.schedule?.next?.kind === 'sedation_dissociation' && view.schedule.next.status === 'due') {
      await d.call('nurse', 'POST', `/api/sessions/${s.id}/assessments`, { instrument: 'moaas', answers: { score: Math.random() < 0.3 ? 4 : 5 }, takenAt: now.toISOString() });
    }
    if (s.state === 'dosing' && started !== null) {
      if (s.route === 'esketamine_nasal') {
        const next = view?.esketamine?.nextDeviceAt;
        if (next !== null && next !== undefined && Date.parse(next) <= now.getTime()) {
          await nextDeviceDemo(d, s.id, now);
        }
      } else if (mins(now, started) >= ((s.dose as { detail?: { durationMinutes?: number } } | null)?.detail?.durationMinutes ?? 40)) {
        await d.call('nurse', 'POST', `/api/sessions/${s.id}/dose/stop`, {});
      }
    }
    if ((s.state === 'monitoring' || s.state === 'ready_for_discharge') && started !== null) {
      const minimum = s.route === 'esketamine_nasal' ? 121 : 40 + 95;
      const tried = lastDischargeTry.get(s.id) ?? 0;
      if (mins(now, started) >= minimum && now.getTime() - tried > RETRY_DISCHARGE_MS) {
        lastDischargeTry.set(s.id, now.getTime());
        if (await dischargeDemo(d, s.id, now)) {
          continue;
        }
      }
    }
    await monitor(app, deps, ctx, s.id, s.chairId, now, s.doseStartedAt !== null);
  }
  await acknowledgeOld(deps, d, ctx, now);
  await fillFreeChairs(deps, d, ctx, sessions.map((s) => s.chairId), now);
}

async function monitor(app: App, deps: Deps, ctx: DemoContext, sessionId: string, chairId: string | null, now: Date, dosed: boolean): Promise<void> {
  const token = chairId === null ? undefined : ctx.tokens.get(chairId);
  if (token === undefined) {
    return;
  }
  const [last] = await deps.db.select({ takenAt: vitalReadings.takenAt }).from(vitalReadings).where(eq(vitalReadings.sessionId, sessionId)).orderBy(desc(vitalReadings.takenAt)).limit(1);
  if (last !== undefined && now.getTime() - last.takenAt.getTime() < READING_EVERY_MS) {
    return;
  }
  const [lastBp] = await deps.db.select({ takenAt: vitalReadings.takenAt }).from(vitalReadings).where(and(eq(vitalReadings.sessionId, sessionId), isNotNull(vitalReadings.systolic))).orderBy(desc(vitalReadings.takenAt)).limit(1);
  const bpDue = lastBp === undefined || now.getTime() - lastBp.takenAt.getTime() >= BP_EVERY_MS || Math.random() < 0.2;
  const spike = dosed && Math.random() < SPIKE_CHANCE_PER_READING;
  const jitter = (n: number): number => Math.round((Math.random() - 0.5) * n);
  await postMonitorReading(app, token, sessionId, now, {
    ...(bpDue || spike ? { systolic: spike ? 183 + jitter(8) : 128 + (dosed ? 10 : 0) + jitter(10), diastolic: spike ? 102 + jitter(4) : 80 + jitter(6) } : {}),
    heartRate: 74 + jitter(10),
    spo2: 97 + jitter(2) > 99 ? 99 : 97 + jitter(2),
  });
}

/** The demo nurse acknowledges alerts nobody has answered for a while (after they have escalated on the board). */
async function acknowledgeOld(deps: Deps, d: DemoDriver, ctx: DemoContext, now: Date): Promise<void> {
  const open = await deps.db.select({ id: sessionAlerts.id, raisedAt: sessionAlerts.raisedAt, acknowledgedAt: sessionAlerts.acknowledgedAt }).from(sessionAlerts).where(eq(sessionAlerts.clinicId, ctx.clinicId));
  for (const a of open.filter((x) => x.acknowledgedAt === null && now.getTime() - x.raisedAt.getTime() > AUTO_ACK_AFTER_MS)) {
    await d.call('nurse', 'POST', `/api/alerts/${a.id}/acknowledge`, { note: 'Rechecked at the chair; settling (demo).' });
  }
}

async function fillFreeChairs(deps: Deps, d: DemoDriver, ctx: DemoContext, busy: readonly (string | null)[], now: Date): Promise<void> {
  const free = ctx.chairs.filter((c) => !busy.includes(c.id));
  if (free.length === 0) {
    return;
  }
  const today = localDateOf(now, ctx.timeZone);
  const recent = await deps.db.select({ patientId: treatmentSessions.patientId, at: treatmentSessions.checkedInAt }).from(treatmentSessions).where(eq(treatmentSessions.clinicId, ctx.clinicId));
  const treatedToday = new Set(recent.filter((r) => localDateOf(r.at, ctx.timeZone) === today).map((r) => r.patientId));
  const waiting = ctx.patients.filter((p) => !treatedToday.has(p.id));
  const [chair] = free;
  const [next] = waiting;
  if (chair !== undefined && next !== undefined) {
    await checkInDemo(d, deps, ctx.clinicId, { patientId: next.id, planId: next.planId, route: next.route, chairId: chair.id, nurseId: ctx.nurseId, at: now });
  }
}

/** Run the simulator until the returned function is called. One step at a time; errors are logged, never thrown. */
export function startDemoMonitors(app: App, deps: Deps, d: DemoDriver, ctx: DemoContext): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) {
      return;
    }
    running = true;
    demoMonitorStep(app, deps, d, ctx)
      .catch((err: unknown) => deps.log.warn({ err: err instanceof Error ? err.message.slice(0, 300) : String(err) }, 'demo monitor step failed'))
      .finally(() => {
        running = false;
      });
  }, TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
