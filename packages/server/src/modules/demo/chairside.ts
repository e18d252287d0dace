/**
 * Chairside steps for the demo clinic, driven through the real endpoints (check-in, pre-dose checks, dose
 * from the controlled-drug stock, readings from each chair's monitor, scores, discharge). Used both to seed
 * sessions in progress and by the monitor simulator that keeps them moving.
 */
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { appointments, appointmentTypes } from '../../db/schema';
import type { Deps } from '../../http/deps';
import type { App } from '../../http/route';
import type { DemoDriver } from './demo-driver';

export interface DemoSessionRef {
  readonly sessionId: string;
  readonly route: string;
}

export interface Vitals {
  readonly systolic?: number;
  readonly diastolic?: number;
  readonly heartRate: number;
  readonly spo2: number;
}

const minutes = (n: number): number => n * 60_000;

/** Book a treatment appointment starting at `at` (written directly: demo times may fall outside opening hours) and check the patient in. */
export async function checkInDemo(d: DemoDriver, deps: Deps, clinicId: string, input: { patientId: string; planId: string; route: string; chairId: string; nurseId: string; at: Date }): Promise<DemoSessionRef> {
  const code = input.route === 'esketamine_nasal' ? 'esketamine_session' : 'iv_session';
  const [type] = await deps.db.select().from(appointmentTypes).where(and(eq(appointmentTypes.clinicId, clinicId), eq(appointmentTypes.code, code)));
  if (type === undefined) {
    throw new Error(`demo clinic has no ${code} visit type`);
  }
  const [{ n } = { n: 0 }] = await deps.db.select({ n: count() }).from(appointments).where(eq(appointments.planId, input.planId));
  const id = randomUUID();
  await deps.db.insert(appointments).values({
    id,
    clinicId,
    patientId: input.patientId,
    typeId: type.id,
    route: input.route,
    chairId: input.chairId,
    staffId: input.nurseId,
    startsAt: input.at,
    endsAt: new Date(input.at.getTime() + minutes(type.durationMinutes)),
    status: 'booked',
    planId: input.planId,
    planSessionIndex: n + 1,
    phase: 'induction',
    createdAt: input.at,
    updatedAt: input.at,
  });
  const checked = await d.call<{ session: { id: string } }>('front_desk', 'POST', `/api/appointments/${id}/check-in`);
  return { sessionId: checked.session.id, route: input.route };
}

/** A monitor reading posted with the chair's device token, as a gateway would. */
export async function postMonitorReading(app: App, token: string, sessionId: string, at: Date, v: Vitals): Promise<number> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/sessions/${sessionId}/vitals`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'user-agent': 'Ketapath demo monitor' },
    payload: JSON.stringify({ readings: [{ clientId: `demo-${randomUUID()}`, takenAt: at.toISOString(), ...v }] }),
  });
  return res.statusCode;
}

const PREDOSE = (at: Date) => ({
  lastFoodAt: new Date(at.getTime() - minutes(180)).toISOString(),
  lastLiquidsAt: new Date(at.getTime() - minutes(45)).toISOString(),
  nasalMedicationAt: null,
  escortConfirmed: true,
  noDrivingAcknowledged: true,
  pregnant: false,
  baselineLiverTestsDone: true,
  prescriberOnSite: true,
  pulseOximeterOnSite: true,
  concomitantMedications: { benzodiazepines: false, nonBenzodiazepineSedativeHypnotics: false, psychostimulants: false, maois: false, opioids: false },
});

/** Pre-dose reading, PHQ-9 and the checklist, at `at`. */
export async function passPredoseDemo(d: DemoDriver, sessionId: string, at: Date, baseline: Vitals, weightKg: number): Promise<void> {
  await d.call('nurse', 'POST', `/api/sessions/${sessionId}/vitals`, { readings: [{ clientId: `demo-${randomUUID()}`, takenAt: at.toISOString(), ...baseline }] });
  await d.call('nurse', 'POST', `/api/sessions/${sessionId}/assessments`, { instrument: 'phq9', answers: { q1: 2, q2: 2, q3: 1, q4: 2, q5: 1, q6: 1, q7: 1, q8: 0, q9: 0 }, takenAt: at.toISOString() });
  await d.call('nurse', 'POST', `/api/sessions/${sessionId}/predose/pass`, { ...PREDOSE(at), weightKg });
}

interface StockRow {
  readonly id: string;
  readonly product: { readonly substance: string; readonly form: string };
  readonly balance: { readonly mg: number; readonly units: number | null };
  readonly full: { readonly units: number | null };
  readonly expiry: string;
}

/** A container for the dose (a kit of exactly the devices needed, or a vial holding enough), receiving stock when none is left. */
export async function containerFor(d: DemoDriver, route: string, needMg: number, sign: { password: string }, today: string): Promise<string> {
  const pick = async (): Promise<string | undefined> => {
    const stock = await d.call<{ containers: StockRow[] }>('nurse', 'GET', '/api/ledger/stock');
    const usable = stock.containers.filter((c) => c.expiry !== 'expired');
    if (route === 'esketamine_nasal') {
      const devices = Math.round(needMg / 28);
      return usable.find((c) => c.product.substance === 'esketamine' && c.full.units === devices && c.balance.units === devices)?.id;
    }
    return usable.filter((c) => c.product.substance === 'ketamine' && c.balance.mg >= needMg).sort((a, b) => a.balance.mg - b.balance.mg)[0]?.id;
  };
  const found = await pick();
  if (found !== undefined) {
    return found;
  }
  const catalog = await d.call<{ products: { id: string; substance: string; unitsPerContainer: number | null; active: boolean }[]; locations: { id: string }[] }>('nurse', 'GET', '/api/ledger/catalog');
  const devices = Math.round(needMg / 28);
  const product = catalog.products.find((p) => p.active && (route === 'esketamine_nasal' ? p.substance === 'esketamine' && p.unitsPerContainer === devices : p.substance === 'ketamine'));
  const location = catalog.locations[0];
  if (product === undefined || location === undefined) {
    throw new Error('demo clinic has no controlled-drug product for this route');
  }
  const expiry = `${String(Number(today.slice(0, 4)) + 1)}${today.slice(4)}`;
  await d.call('nurse', 'POST', '/api/ledger/receipts', {
    receivedOn: today,
    supplierName: 'Demo Pharma Wholesale (synthetic)',
    supplierAddress: '1 Example Way, Riverside (demo)',
    supplierRegistration: 'DEMO-NOT-A-REAL-NUMBER',
    invoiceNumber: `DEMO-${randomUUID().slice(0, 8).toUpperCase()}`,
    items: [{ productId: product.id, lot: `DEMO-${today.replace(/-/g, '')}`, expiryDate: expiry, containers: route === 'esketamine_nasal' ? 4 : 3, locationId: location.id }],
    ...sign,
  });
  const again = await pick();
  if (again === undefined) {
    throw new Error('demo stock could not be replenished');
  }
  return again;
}

/** Start the dose at `at` from the demo stock; answers the planned number of esketamine devices. */
export async function startDoseDemo(d: DemoDriver, ref: DemoSessionRef, at: Date, sign: { password: string }, today: string): Promise<number> {
  const view = await d.call<{ plan: { planned: { mg: number | null } } | null; esketamine: { devicesPlanned: number } | null }>('nurse', 'GET', `/api/sessions/${ref.sessionId}`);
  const needMg = ref.route === 'esketamine_nasal' ? (view.plan?.planned.mg ?? 56) : 60;
  const containerId = await containerFor(d, ref.route, needMg, sign, today);
  const started = await d.call<{ esketamine: { devicesPlanned: number } | null }>('nurse', 'POST', `/api/sessions/${ref.sessionId}/dose/start`, { administration: { containerId, startedAt: at.toISOString() } });
  return started.esketamine?.devicesPlanned ?? 0;
}

/** Record the next esketamine device from the kit already opened for this session. */
export async function nextDeviceDemo(d: DemoDriver, sessionId: string, at: Date): Promise<void> {
  const view = await d.call<{ administrations: { containerId: string | null }[] }>('nurse', 'GET', `/api/sessions/${sessionId}`);
  const containerId = view.administrations[0]?.containerId ?? undefined;
  await d.call('nurse', 'POST', `/api/sessions/${sessionId}/devices`, { givenAt: at.toISOString(), ...(containerId === undefined ? {} : { containerId }) });
}

/** Sedation and discharge scores, then the discharge check and discharge. */
export async function dischargeDemo(d: DemoDriver, sessionId: string, at: Date): Promise<boolean> {
  await d.call('nurse', 'POST', `/api/sessions/${sessionId}/assessments`, { instrument: 'moaas', answers: { score: 5 }, takenAt: at.toISOString() });
  await d.call('nurse', 'POST', `/api/sessions/${sessionId}/assessments`, { instrument: 'padss', answers: { vital_signs: 2, activity_mental_status: 2, pain_nausea_vomiting: 2, surgical_bleeding: 2, intake_output: 2 }, takenAt: at.toISOString() });
  const answers = { escortPresent: true, instructionsGiven: true, clinicianConfirmedStable: true, respiratoryDepressionResolved: true, dissociationResolved: true, readyToLeaveMinutes: 90 };
  const check = await d.call<{ discharge: { ready: boolean } | null }>('nurse', 'PUT', `/api/sessions/${sessionId}/discharge`, answers);
  if (check.discharge?.ready !== true) {
    return false;
  }
  await d.call('nurse', 'POST', `/api/sessions/${sessionId}/discharge`, answers);
  return true;
}
