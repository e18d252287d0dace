import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Route } from '@ketapath/clinical';
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

/** Give a dose through the session seam, in its own transaction (as the session's "dose given" will). */
export async function administer(
  t: TestApp,
  user: TestUser,
  input: { containerId: string; patientId: string; amountMg: number; volumeMl?: number; devices?: number; route?: Route; administrationId?: string; now?: Date },
) {
  return t.deps.db.transaction((tx) =>
    recordAdministration(tx, t.deps, {
      clinicId: user.clinicId,
      actor: actorOf(user),
      meta: null,
      now: input.now ?? t.clock.now(),
      containerId: input.containerId,
      patientId: input.patientId,
      sessionId: randomUUID(),
      administrationId: input.administrationId ?? randomUUID(),
      amountMg: input.amountMg,
      ...(input.volumeMl === undefined ? {} : { volumeMl: input.volumeMl }),
      ...(input.devices === undefined ? {} : { devices: input.devices }),
      route: input.route ?? (input.devices === undefined ? 'iv' : 'esketamine_nasal'),
    }),
  );
}

export async function stock(agent: Agent): Promise<Map<string, { balance: { mg: number; ml: number | null; units: number | null }; status: string; no: number }>> {
  const res = await agent.get('/api/ledger/stock?show=all');
  expect(res.status).toBe(200);
  return new Map((res.body.containers as { id: string; balance: { mg: number; ml: number | null; units: number | null }; status: string; no: number }[]).map((c) => [c.id, c]));
}
