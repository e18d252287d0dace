/**
 * Demo treatment sessions: patients in treatment, sessions from earlier days (signed notes, a REMS form due
 * and one submitted), and sessions in progress in every chair. Past steps run through the real endpoints on
 * an app whose clock is set back, so every record carries consistent times.
 */
import { addDays, zonedToInstant, type LocalDate } from '@ketapath/clinical';
import { and, eq, gte } from 'drizzle-orm';
import { buildApp } from '../../app';
import { chairs, clinics, treatmentSessions } from '../../db/schema';
import type { Clock, Deps } from '../../http/deps';
import type { App } from '../../http/route';
import { localDateOf, startOfLocalDay } from '../../lib/zoned';
import { checkInDemo, dischargeDemo, nextDeviceDemo, passPredoseDemo, postMonitorReading, startDoseDemo, type Vitals } from './chairside';
import type { DemoPatient } from './demo-data';
import { DemoDriver } from './demo-driver';
import { enrolDemoPatient } from './demo-patients';

/** Synthetic patients in treatment (every name invented). */
export const DEMO_TREATMENT_PATIENTS: readonly DemoPatient[] = [
  { first: 'Noah', last: 'Lindqvist', dob: '1981-03-11', sex: 'male', weightKg: 84, heightCm: 181, phone: '555-0111', route: 'iv', stage: 'planned' },
  { first: 'Amara', last: 'Okafor', dob: '1990-06-19', sex: 'female', weightKg: 66, heightCm: 167, phone: '555-0112', route: 'esketamine_nasal', stage: 'planned' },
  { first: 'Elena', last: 'Petrova', dob: '1972-10-04', sex: 'female', weightKg: 72, heightCm: 170, phone: '555-0113', route: 'iv', stage: 'planned' },
  { first: 'Daniel', last: 'Ferreira', dob: '1987-01-27', sex: 'male', weightKg: 90, heightCm: 185, phone: '555-0114', route: 'iv', stage: 'planned' },
  { first: 'Sofia', last: 'Marchetti', dob: '1995-12-08', sex: 'female', weightKg: 59, heightCm: 162, phone: '555-0115', route: 'esketamine_nasal', stage: 'planned' },
  { first: 'William', last: 'Osei', dob: '1964-08-15', sex: 'male', weightKg: 77, heightCm: 174, phone: '555-0116', route: 'esketamine_nasal', stage: 'planned' },
  { first: 'Mei', last: 'Tanaka', dob: '1984-05-30', sex: 'female', weightKg: 61, heightCm: 158, phone: '555-0117', route: 'iv', stage: 'planned' },
  { first: 'Jonas', last: 'Berg', dob: '1978-09-02', sex: 'male', weightKg: 95, heightCm: 188, phone: '555-0118', route: 'iv', stage: 'planned' },
  { first: 'Layla', last: 'Haddad', dob: '1993-02-23', sex: 'female', weightKg: 63, heightCm: 165, phone: '555-0119', route: 'esketamine_nasal', stage: 'planned' },
  { first: 'Patrick', last: 'Doyle', dob: '1969-11-13', sex: 'male', weightKg: 86, heightCm: 179, phone: '555-0120', route: 'iv', stage: 'planned' },
];

export const BASELINE: Vitals = { systolic: 124, diastolic: 79, heartRate: 72, spo2: 98 };

class SettableClock implements Clock {
  constructor(private t: number) {}
  now(): Date {
    return new Date(this.t);
  }
  set(d: Date): void {
    this.t = d.getTime();
  }
}

export interface DemoContext {
  readonly clinicId: string;
  readonly timeZone: string;
  readonly sign: { password: string };
  readonly nurseId: string;
  readonly chairs: readonly { readonly id: string; readonly name: string }[];
  /** Device token of each chair's monitor (fresh at every start). */
  readonly tokens: ReadonlyMap<string, string>;
  readonly patients: readonly { readonly id: string; readonly planId: string; readonly route: string; readonly weightKg: number }[];
}

/** A session walked to `until`, with check-in `ago` minutes before `now`; readings every 5 minutes from the chair's monitor. */
async function walk(app: App, deps: Deps, d: DemoDriver, clock: SettableClock, ctx: DemoContext, input: { patient: DemoContext['patients'][number]; chairId: string; checkInAt: Date; until: 'checked_in' | 'dosing' | 'monitoring' | 'alert' | 'discharged' | 'signed' | 'rems_submitted'; now: Date }): Promise<void> {
  const at = (m: number): Date => new Date(input.checkInAt.getTime() + m * 60_000);
  const today = localDateOf(input.checkInAt, ctx.timeZone);
  clock.set(at(0));
  const ref = await checkInDemo(d, deps, ctx.clinicId, { patientId: input.patient.id, planId: input.patient.planId, route: input.patient.route, chairId: input.chairId, nurseId: ctx.nurseId, at: at(0) });
  if (input.until === 'checked_in') {
    return;
  }
  clock.set(at(4));
  await passPredoseDemo(d, ref.sessionId, at(3), BASELINE, input.patient.weightKg);
  clock.set(at(7));
  const devices = await startDoseDemo(d, ref, at(7), ctx.sign, today);
  const token = ctx.tokens.get(input.chairId) ?? '';
  const esk = ref.route === 'esketamine_nasal';
  const doseEnd = esk ? 7 + 5 * Math.max(devices - 1, 0) : 47;
  const end = input.until === 'dosing' || input.until === 'monitoring' || input.until === 'alert' ? (input.now.getTime() - input.checkInAt.getTime()) / 60_000 : esk ? 7 + 121 : 47 + 62;
  let device = 1;
  for (let m = 10; m <= end; m += 5) {
    clock.set(at(m));
    if (esk && device < devices && m >= 7 + 5 * device) {
      await nextDeviceDemo(d, ref.sessionId, at(7 + 5 * device));
      device += 1;
    }
    if (!esk && m >= doseEnd && m - 5 < doseEnd) {
      await d.call('nurse', 'POST', `/api/sessions/${ref.sessionId}/dose/stop`, { stoppedAt: at(doseEnd).toISOString() });
      await d.call('nurse', 'POST', `/api/sessions/${ref.sessionId}/assessments`, { instrument: 'moaas', answers: { score: 4 }, takenAt: at(doseEnd).toISOString() });
    }
    const rise = m < doseEnd + 30 ? 14 : 4;
    await postMonitorReading(app, token, ref.sessionId, at(m), { systolic: 124 + rise + (m % 7), diastolic: 80 + Math.round(rise / 2), heartRate: 74 + (m % 5), spo2: 97 + (m % 2) });
  }
  if (input.until === 'alert') {
    clock.set(input.now);
    await postMonitorReading(app, token, ref.sessionId, new Date(input.now.getTime() - 60_000), { systolic: 184, diastolic: 103, heartRate: 96, spo2: 97 });
  }
  if (input.until === 'dosing' || input.until === 'monitoring' || input.until === 'alert') {
    return;
  }
  clock.set(at(end));
  await dischargeDemo(d, ref.sessionId, at(end));
  if (input.until === 'signed' || input.until === 'rems_submitted') {
    clock.set(at(end + 20));
    await d.call('prescriber', 'POST', `/api/sessions/${ref.sessionId}/sign`, ctx.sign);
  }
  if (input.until === 'rems_submitted') {
    await d.call('nurse', 'POST', `/api/sessions/${ref.sessionId}/rems-form/submission`, { submittedOn: today, method: 'online', confirmationNumber: `PMF-DEMO-${today.replace(/-/g, '')}` });
  }
}

const localTime = (date: LocalDate, time: string, tz: string): Date => new Date(zonedToInstant(date, time, tz)?.ms ?? Date.parse(`${date}T${time}:00Z`));

/** Enrol the treatment patients (once) and seed past and in-progress sessions (once a day). */
export async function seedDemoTreatment(deps: Deps, base: Omit<DemoContext, 'patients'>): Promise<DemoContext['patients']> {
  const now = deps.clock.now();
  const clock = new SettableClock(now.getTime());
  const past = await buildApp({ ...deps, clock }, deps.log);
  try {
    const d = new DemoDriver(past);
    const today = localDateOf(now, base.timeZone);
    // Enrolled (approved, consented, planned) two weeks ago, before any of their sessions.
    clock.set(new Date(now.getTime() - 14 * 86_400_000));
    const patients = await enrolTreatmentPatients(d, deps, base.clinicId, addDays(today, -14), base.sign);
    const [already] = await deps.db
      .select({ id: treatmentSessions.id })
      .from(treatmentSessions)
      .where(and(eq(treatmentSessions.clinicId, base.clinicId), gte(treatmentSessions.checkedInAt, startOfLocalDay(today, base.timeZone))))
      .limit(1);
    if (already !== undefined || patients.length < 7 || base.chairs.length < 4) {
      return patients;
    }
    const ctx: DemoContext = { ...base, patients };
    const [c1, c2, c3, c4] = base.chairs as [DemoContext['chairs'][number], DemoContext['chairs'][number], DemoContext['chairs'][number], DemoContext['chairs'][number]];
    const byRoute = (route: string, n: number) => patients.filter((p) => p.route === route)[n] as DemoContext['patients'][number];
    const ago = (m: number): Date => new Date(now.getTime() - m * 60_000);
    await walk(past, deps, d, clock, ctx, { patient: byRoute('esketamine_nasal', 2), chairId: c2.id, checkInAt: localTime(addDays(today, -3), '10:00', base.timeZone), until: 'rems_submitted', now });
    await walk(past, deps, d, clock, ctx, { patient: byRoute('iv', 3), chairId: c1.id, checkInAt: localTime(addDays(today, -1), '09:00', base.timeZone), until: 'signed', now });
    await walk(past, deps, d, clock, ctx, { patient: byRoute('esketamine_nasal', 1), chairId: c2.id, checkInAt: localTime(addDays(today, -1), '10:00', base.timeZone), until: 'discharged', now });
    await walk(past, deps, d, clock, ctx, { patient: byRoute('iv', 1), chairId: c3.id, checkInAt: ago(66), until: 'alert', now });
    await walk(past, deps, d, clock, ctx, { patient: byRoute('esketamine_nasal', 0), chairId: c2.id, checkInAt: ago(57), until: 'monitoring', now });
    await walk(past, deps, d, clock, ctx, { patient: byRoute('iv', 0), chairId: c1.id, checkInAt: ago(32), until: 'dosing', now });
    clock.set(now);
    await walk(past, deps, d, clock, ctx, { patient: byRoute('iv', 2), chairId: c4.id, checkInAt: ago(2), until: 'checked_in', now });
    return patients;
  } finally {
    await past.close();
  }
}

async function enrolTreatmentPatients(d: DemoDriver, deps: Deps, clinicId: string, today: string, sign: { password: string }): Promise<DemoContext['patients']> {
  const rows = await deps.db.query.patients.findMany({ where: (p, { eq: e }) => e(p.clinicId, clinicId) });
  const plans = await deps.db.query.treatmentPlans.findMany({ where: (p, { eq: e }) => e(p.clinicId, clinicId) });
  const out: { id: string; planId: string; route: string; weightKg: number }[] = [];
  for (const [i, p] of DEMO_TREATMENT_PATIENTS.entries()) {
    const row = rows.find((r) => r.legalFirstName === p.first && r.legalLastName === p.last);
    const enrolled = row === undefined ? await enrolDemoPatient(d, p, 20 + i, { today, start: today, sign }) : { id: row.id, planId: plans.find((x) => x.patientId === row.id)?.id };
    if (enrolled.planId !== undefined) {
      out.push({ id: enrolled.id, planId: enrolled.planId, route: p.route, weightKg: p.weightKg });
    }
  }
  return out;
}

/** Chairs, the monitoring nurse and fresh monitor tokens of the demo clinic. */
export async function demoContext(d: DemoDriver, deps: Deps, clinicId: string): Promise<Omit<DemoContext, 'patients'>> {
  const [clinic] = await deps.db.select().from(clinics).where(eq(clinics.id, clinicId));
  const chairRows = await deps.db.select({ id: chairs.id, name: chairs.name, sortOrder: chairs.sortOrder }).from(chairs).where(eq(chairs.clinicId, clinicId));
  if (clinic !== undefined && clinic.remsCertifiedOn === null) {
    await d.call('admin', 'PATCH', '/api/clinic', { remsCertifiedOn: localDateOf(new Date(clinic.createdAt), clinic.timeZone) });
  }
  const resources = await d.call<{ staff: { userId: string; role: string }[] }>('admin', 'GET', '/api/scheduling/resources');
  const nurseId = resources.staff.find((s) => s.role === 'nurse')?.userId ?? '';
  const devices = await d.call<{ devices: { id: string; revokedAt: string | null }[] }>('admin', 'GET', '/api/devices');
  for (const dev of devices.devices.filter((x) => x.revokedAt === null)) {
    await d.call('admin', 'POST', `/api/devices/${dev.id}/revoke`);
  }
  const tokens = new Map<string, string>();
  const sorted = [...chairRows].sort((a, b) => a.sortOrder - b.sortOrder);
  for (const c of sorted) {
    const reg = await d.call<{ token: string }>('admin', 'POST', '/api/devices', { name: `Monitor — ${c.name} (demo)`, chairId: c.id });
    tokens.set(c.id, reg.token);
  }
  return { clinicId, timeZone: clinic?.timeZone ?? 'UTC', sign: { password: clinic?.demoPassword ?? '' }, nurseId, chairs: sorted.map((c) => ({ id: c.id, name: c.name })), tokens };
}
