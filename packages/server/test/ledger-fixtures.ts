import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Route } from '@ketapath/clinical';
import { eq } from 'drizzle-orm';
import { appointments, appointmentTypes, sessionAdministrations, treatmentSessions } from '../src/db/schema';
import type { Tx } from '../src/db/types';
import type { Actor } from '../src/http/context';
import { recordAdministration } from '../src/modules/ledger/record-administration';
import type { Agent } from './agent';
import { clinicWithStaff, type TestUser } from './factories';
import type { TestApp } from './harness';

export const SIGN = { password: 'Chairside-Tablet-7am-Safe' };

export const SUPPLIER = {
  supplierName: 'Harbour Pharma Wholesale (test)',
  supplierAddress: '1 Dock Road, Portsmouth, NH 03801',
  supplierRegistration: 'RX0000000',
  invoiceNumber: 'INV-1001',
};

export function witness(u: TestUser): { email: string; password: string } {
  return { email: u.email, password: u.password };
}

export function actorOf(u: TestUser): Actor {
  return { userId: u.id, clinicId: u.clinicId, role: u.role, sessionId: randomUUID(), name: u.name, email: u.email };
}

export interface Stocked {
  readonly clinic: Awaited<ReturnType<typeof clinicWithStaff>>;
  readonly safe: string;
  readonly cabinet: string;
  readonly ketamine: string;
  readonly kit56: string;
  readonly kit84: string;
}

/** A clinic with staff, two locations and three products (ketamine 50 mg/mL × 10 mL; esketamine kits of 2 and 3 devices). */
export async function stockedClinic(t: TestApp, overrides: { jurisdiction?: string } = {}): Promise<Stocked> {
  const clinic = await clinicWithStaff(t);
  if (overrides.jurisdiction !== undefined) {
    expect((await clinic.as.admin.patch('/api/clinic', { jurisdiction: overrides.jurisdiction })).status).toBe(200);
  }
  const admin = clinic.as.admin;
  const loc = async (name: string, kind: string) => {
    const res = await admin.post('/api/ledger/locations', { name, kind });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const product = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/ledger/products', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  return {
    clinic,
    safe: await loc('Main safe', 'safe'),
    cabinet: await loc('Room 1 cabinet', 'cabinet'),
    ketamine: await product({ name: 'Ketamine HCl 50 mg/mL (test)', substance: 'ketamine', form: 'liquid', code: 'TEST-KET-50', codeSystem: 'local', strengthMgPerMl: 50, containerVolumeMl: 10 }),
    kit56: await product({ name: 'Spravato 56 mg kit', substance: 'esketamine', form: 'unit', code: '50458-028-02', codeSystem: 'NDC', unitLabel: 'device', mgPerUnit: 28, unitsPerContainer: 2 }),
    kit84: await product({ name: 'Spravato 84 mg kit', substance: 'esketamine', form: 'unit', code: '50458-028-03', codeSystem: 'NDC', unitLabel: 'device', mgPerUnit: 28, unitsPerContainer: 3 }),
  };
}

export function today(t: TestApp): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(t.clock.now());
}

/** Receive `containers` of one product; answers the new container ids. */
export async function receive(t: TestApp, agent: Agent, s: Stocked, productId: string, containers = 1, expiryDate = '2099-12-31'): Promise<string[]> {
  const res = await agent.post('/api/ledger/receipts', {
    ...SUPPLIER,
    receivedOn: today(t),
    items: [{ productId, lot: 'LOT-A1', expiryDate, containers, locationId: s.safe }],
    ...SIGN,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body.containers as { id: string }[]).map((c) => c.id);
}

export async function registerPatient(agent: Agent, first = 'Test'): Promise<string> {
  const res = await agent.post('/api/patients', {
    legalFirstName: first,
    legalLastName: `Patient${randomUUID().slice(0, 6)}`,
    dateOfBirth: '1980-01-01',
    sexAtBirth: 'female',
    address: '12 Elm Street, Springfield',
    allergies: [],
    medications: [],
    confirmNotDuplicate: true,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/**
 * The treatment-session rows a charted dose hangs from (appointment, session, administration), written in
 * the dose's own transaction like the session screen does, so the register's links point at real records.
 */
export async function chartedDose(tx: Tx, input: { clinicId: string; patientId: string; userId: string; route: Route; administrationId: string; amountMg: number; at: Date }): Promise<string> {
  const [existing] = await tx.select({ sessionId: sessionAdministrations.sessionId }).from(sessionAdministrations).where(eq(sessionAdministrations.id, input.administrationId));
  if (existing !== undefined) {
    return existing.sessionId;
  }
  let [type] = await tx.select({ id: appointmentTypes.id }).from(appointmentTypes).where(eq(appointmentTypes.clinicId, input.clinicId)).limit(1);
  if (type === undefined) {
    type = { id: randomUUID() };
    await tx.insert(appointmentTypes).values({ id: type.id, clinicId: input.clinicId, code: 'treatment', name: 'Treatment session', route: input.route, durationMinutes: 150, needsChair: true, needsNurse: true });
  }
  const appointmentId = randomUUID();
  const sessionId = randomUUID();
  await tx.insert(appointments).values({ id: appointmentId, clinicId: input.clinicId, patientId: input.patientId, typeId: type.id, route: input.route, startsAt: input.at, endsAt: new Date(input.at.getTime() + 7_200_000), status: 'checked_in', createdAt: input.at, updatedAt: input.at });
  await tx.insert(treatmentSessions).values({ id: sessionId, clinicId: input.clinicId, patientId: input.patientId, appointmentId, route: input.route, drug: input.route === 'esketamine_nasal' ? 'esketamine' : 'ketamine', state: 'dosing', stateChangedAt: input.at, checkedInAt: input.at, doseStartedAt: input.at, createdAt: input.at, updatedAt: input.at });
  await tx.insert(sessionAdministrations).values({ id: input.administrationId, clinicId: input.clinicId, sessionId, drug: 'ketamine (test)', route: input.route, doseMg: input.amountMg > 0 ? input.amountMg : 1, startedAt: input.at, givenBy: input.userId, recordedAt: input.at });
  return sessionId;
}

/** Give a dose through the session seam, in its own transaction (as the session's "dose given" does). */
export async function administer(
  t: TestApp,
  user: TestUser,
  input: { containerId: string; patientId: string; amountMg: number; volumeMl?: number; devices?: number; route?: Route; administrationId?: string; now?: Date },
) {
  const route = input.route ?? (input.devices === undefined ? 'iv' : 'esketamine_nasal');
  const administrationId = input.administrationId ?? randomUUID();
  const now = input.now ?? t.clock.now();
  return t.deps.db.transaction(async (tx) =>
    recordAdministration(tx, t.deps, {
      clinicId: user.clinicId,
      actor: actorOf(user),
      meta: null,
      now,
      containerId: input.containerId,
      patientId: input.patientId,
      sessionId: await chartedDose(tx, { clinicId: user.clinicId, patientId: input.patientId, userId: user.id, route, administrationId, amountMg: input.amountMg, at: now }),
      administrationId,
      amountMg: input.amountMg,
      ...(input.volumeMl === undefined ? {} : { volumeMl: input.volumeMl }),
      ...(input.devices === undefined ? {} : { devices: input.devices }),
      route,
    }),
  );
}

export async function stock(agent: Agent): Promise<Map<string, { balance: { mg: number; ml: number | null; units: number | null }; status: string; no: number }>> {
  const res = await agent.get('/api/ledger/stock?show=all');
  expect(res.status).toBe(200);
  return new Map((res.body.containers as { id: string; balance: { mg: number; ml: number | null; units: number | null }; status: string; no: number }[]).map((c) => [c.id, c]));
}
