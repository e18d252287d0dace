import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, csLedgerEntries, users } from '../../src/db/schema';
import { totpAt } from '../../src/auth/totp';
import { clinicWithStaff, createStaff } from '../factories';
import { createTestApp, type TestApp } from '../harness';
import { administer, receive, registerPatient, SIGN, stock, stockedClinic, SUPPLIER, today, witness } from '../ledger-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('ledger: products, locations and receipts', () => {
  it('sets up products with exact quantities and refuses impossible ones', async () => {
    const s = await stockedClinic(t);
    const cat = await s.clinic.as.nurse.get('/api/ledger/catalog');
    expect(cat.status).toBe(200);
    const ket = cat.body.products.find((p: { id: string }) => p.id === s.ketamine);
    expect(ket).toMatchObject({ form: 'liquid', strengthMgPerMl: 50, containerVolumeMl: 10, containerMg: 500 });
    expect(cat.body.products.find((p: { id: string }) => p.id === s.kit84)).toMatchObject({ unitsPerContainer: 3, mgPerUnit: 28, containerMg: 84, code: '50458-028-03' });
    expect(cat.body.rules).toMatchObject({ jurisdiction: 'US', retentionYears: { value: 2, confirmed: true }, destructionWitnesses: { value: 2, confirmed: true }, wasteWitnesses: { value: 1, confirmed: false } });
    expect(cat.body.rules.wasteWitnesses.note).toMatch(/confirm with your medical director\/pharmacist/);
    const bad = await s.clinic.as.admin.post('/api/ledger/products', { name: 'Spravato odd', substance: 'esketamine', form: 'unit', unitLabel: 'device', mgPerUnit: 30, unitsPerContainer: 4 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.mgPerUnit', 'body.unitsPerContainer']));
    expect((await s.clinic.as.admin.post('/api/ledger/products', { name: 'No strength', substance: 'ketamine', form: 'liquid' })).status).toBe(400);
    expect((await s.clinic.as.admin.post('/api/ledger/products', { name: 'Bad NDC', substance: 'ketamine', form: 'liquid', strengthMgPerMl: 10, containerVolumeMl: 20, code: '12', codeSystem: 'NDC' })).status).toBe(400);
    expect((await s.clinic.as.nurse.post('/api/ledger/products', { name: 'x' })).status).toBe(403);
    expect((await s.clinic.as.front_desk.get('/api/ledger/stock')).status).toBe(403);
  });

  it('receives stock as signed containers with full balances, and needs the supplier DEA number in the US', async () => {
    const s = await stockedClinic(t);
    const nurse = s.clinic.as.nurse;
    const noDea = await nurse.post('/api/ledger/receipts', { ...SUPPLIER, supplierRegistration: null, receivedOn: today(t), items: [{ productId: s.ketamine, lot: 'L1', expiryDate: '2099-01-01', containers: 2, locationId: s.safe }], ...SIGN });
    expect(noDea.status).toBe(400);
    expect(noDea.body.errors[0].path).toBe('body.supplierRegistration');
    const wrongPassword = await nurse.post('/api/ledger/receipts', { ...SUPPLIER, receivedOn: today(t), items: [{ productId: s.ketamine, lot: 'L1', expiryDate: '2099-01-01', containers: 2, locationId: s.safe }], password: 'nope' });
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body.code).toBe('REAUTH_FAILED');
    const expired = await nurse.post('/api/ledger/receipts', { ...SUPPLIER, receivedOn: today(t), items: [{ productId: s.ketamine, lot: 'L1', expiryDate: '2001-01-01', containers: 1, locationId: s.safe }], ...SIGN });
    expect(expired.status).toBe(400);
    const ok = await nurse.post('/api/ledger/receipts', {
      ...SUPPLIER,
      receivedOn: today(t),
      items: [
        { productId: s.ketamine, lot: 'K-778', expiryDate: '2099-01-01', containers: 2, locationId: s.safe },
        { productId: s.kit56, lot: 'S-12', expiryDate: '2099-01-01', containers: 1, locationId: s.cabinet },
      ],
      ...SIGN,
    });
    expect(ok.status).toBe(201);
    expect(ok.body.containers.map((c: { no: number }) => c.no)).toEqual([1, 2, 3]);
    expect(ok.body.containers[0]).toMatchObject({ lot: 'K-778', balance: { mg: 500, ml: 10, units: null }, status: 'in_stock', opened: false, location: { name: 'Main safe' } });
    expect(ok.body.containers[2]).toMatchObject({ balance: { mg: 56, ml: null, units: 2 }, location: { name: 'Room 1 cabinet' } });
    const reg = await s.clinic.as.prescriber.get('/api/ledger/register?kind=receipt');
    expect(reg.body.entries).toHaveLength(3);
    expect(reg.body.entries[0]).toMatchObject({ kind: 'receipt', amountMg: 56, units: 2, performedBy: { name: s.clinic.users.nurse.name }, signedWith: 'password', details: { supplierRegistration: 'RX0000000', invoiceNumber: 'INV-1001' } });
    const events = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.clinic.id), eq(auditEvents.action, 'ledger.receipt_recorded')));
    expect(events).toHaveLength(1);
  });
});

describe('ledger: administration through the session seam', () => {
  it('draws doses from a vial and from kits, updating balances exactly, and refuses what the rules forbid', async () => {
    const s = await stockedClinic(t);
    const nurse = s.clinic.users.nurse;
    const patient = await registerPatient(s.clinic.as.front_desk);
    const [vial] = await receive(t, s.clinic.as.nurse, s, s.ketamine);
    const [kit] = await receive(t, s.clinic.as.nurse, s, s.kit84);
    const dose = await administer(t, nurse, { containerId: vial!, patientId: patient, amountMg: 35.7 });
    expect(dose).toMatchObject({ kind: 'administration', amountMg: -35.7, volumeMl: -0.714, balance: { mg: 464.3, ml: 9.286 } });
    await administer(t, nurse, { containerId: vial!, patientId: patient, amountMg: 40, volumeMl: 0.8 });
    expect((await stock(s.clinic.as.nurse)).get(vial!)?.balance).toEqual({ mg: 424.3, ml: 8.486, units: null });
    expect(await administer(t, nurse, { containerId: kit!, patientId: patient, amountMg: 56, devices: 2 })).toMatchObject({ units: -2, balance: { mg: 28, units: 1 } });

    const refused = async (p: Promise<unknown>, code: string, detail: RegExp) => {
      await expect(p).rejects.toMatchObject({ code, message: expect.stringMatching(detail) });
    };
    await refused(administer(t, nurse, { containerId: vial!, patientId: patient, amountMg: 500 }), 'RULE_BLOCKED', /holds only 424.3 mg/);
    await refused(administer(t, nurse, { containerId: kit!, patientId: patient, amountMg: 56, devices: 2 }), 'RULE_BLOCKED', /holds only 1 device/);
    await refused(administer(t, nurse, { containerId: kit!, patientId: patient, amountMg: 20 }), 'VALIDATION_FAILED', /not a whole number of devices/);
    await refused(administer(t, nurse, { containerId: vial!, patientId: patient, amountMg: 10, volumeMl: 0.5 }), 'VALIDATION_FAILED', /does not match/);
    await refused(administer(t, nurse, { containerId: vial!, patientId: patient, amountMg: 10, route: 'esketamine_nasal' }), 'RULE_BLOCKED', /route/);
    await refused(administer(t, nurse, { containerId: kit!, patientId: patient, amountMg: 28, devices: 1, route: 'iv' }), 'RULE_BLOCKED', /route/);
    const other = await clinicWithStaff(t);
    const stranger = await registerPatient(other.as.front_desk);
    await refused(administer(t, nurse, { containerId: vial!, patientId: stranger, amountMg: 1 }), 'NOT_FOUND', /patient/);
    await refused(administer(t, other.users.nurse, { containerId: vial!, patientId: stranger, amountMg: 1 }), 'NOT_FOUND', /container/);

    const once = '6f1f6f66-4a45-4c9c-9f11-5d1c8f0a0001';
    await administer(t, nurse, { containerId: vial!, patientId: patient, amountMg: 5, administrationId: once });
    await refused(administer(t, nurse, { containerId: vial!, patientId: patient, amountMg: 5, administrationId: once }), 'CONFLICT', /already in the register/);

    const entries = await t.deps.db.select().from(csLedgerEntries).where(and(eq(csLedgerEntries.containerId, vial!), eq(csLedgerEntries.kind, 'administration')));
    expect(entries).toHaveLength(3);
    expect(entries.every((e) => e.patientId === patient && e.sessionId !== null && e.administrationId !== null && e.performedBy === nurse.id)).toBe(true);
    const audit = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, patient), eq(auditEvents.action, 'ledger.administration_recorded')));
    expect(audit).toHaveLength(4);
    const log = await s.clinic.as.prescriber.get(`/api/ledger/register?kind=administration&patientId=${patient}`);
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    expect(log.body.entries).toHaveLength(4);
    expect(log.body.entries[0].patient).toMatchObject({ id: patient, address: '12 Elm Street, Springfield' });
    const reads = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, patient), eq(auditEvents.action, 'ledger.register_read')));
    expect(reads).toHaveLength(1);

    const [old] = await receive(t, s.clinic.as.nurse, s, s.ketamine, 1, today(t));
    await administer(t, nurse, { containerId: old!, patientId: patient, amountMg: 10 });
    t.clock.advance(2 * 24 * 3600_000);
    await refused(administer(t, nurse, { containerId: old!, patientId: patient, amountMg: 10 }), 'RULE_BLOCKED', /expired on/);
  });
});

describe('ledger: witnessed waste and other movements', () => {
  it('wastes with a second person who re-authenticates, counts their failures towards lockout, and empties the container', async () => {
    const s = await stockedClinic(t);
    const [vial] = await receive(t, s.clinic.as.nurse, s, s.ketamine);
    const url = `/api/ledger/containers/${vial}/waste`;
    const nurse = s.clinic.as.nurse;
    const p = s.clinic.users.prescriber;
    expect((await nurse.post(url, { volumeMl: 1, reason: 'Drawn up, not given', ...SIGN, witness: witness(s.clinic.users.nurse) })).body.errors[0]).toMatchObject({ path: 'body.witness.email', message: expect.stringMatching(/someone else/) });
    expect((await nurse.post(url, { volumeMl: 1, reason: 'Drawn up, not given', ...SIGN, witness: witness(s.clinic.users.front_desk) })).body.errors[0].message).toMatch(/nurse, prescriber or clinic administrator/);
    const other = await clinicWithStaff(t);
    const foreign = await nurse.post(url, { volumeMl: 1, reason: 'x wasted', ...SIGN, witness: witness(other.users.nurse) });
    expect(foreign.status).toBe(401);
    for (let i = 0; i < 5; i++) {
      const res = await nurse.post(url, { volumeMl: 1, reason: 'Drawn up, not given', ...SIGN, witness: { email: p.email, password: 'wrong-password' } });
      expect(res.status).toBe(401);
      expect(res.body.errors[0].path).toBe('body.witness.password');
    }
    const [locked] = await t.deps.db.select().from(users).where(eq(users.id, p.id));
    expect(locked?.lockedUntil).not.toBeNull();
    expect((await nurse.post(url, { volumeMl: 1, reason: 'Drawn up, not given', ...SIGN, witness: witness(p) })).status).toBe(423);
    const failures = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.clinic.id), eq(auditEvents.action, 'auth.witness_failed')));
    expect(failures.length).toBe(6);

    const admin = s.clinic.users.admin;
    const wasted = await nurse.post(url, { volumeMl: 1.5, reason: 'Drawn up, not given', ...SIGN, witness: witness(admin) });
    expect(wasted.status).toBe(201);
    expect(wasted.body).toMatchObject({ kind: 'waste', amountMg: -75, volumeMl: -1.5, balance: { mg: 425, ml: 8.5 } });
    const rest = await nurse.post(url, { all: true, reason: 'Remainder after the last dose', ...SIGN, witness: witness(admin) });
    expect(rest.body).toMatchObject({ amountMg: -425, balance: { mg: 0 } });
    expect((await stock(nurse)).get(vial!)?.status).toBe('empty');
    expect((await nurse.post(url, { all: true, reason: 'again', ...SIGN, witness: witness(admin) })).status).toBe(422);
    const [entry] = (await s.clinic.as.admin.get(`/api/ledger/register?containerId=${vial}&kind=waste`)).body.entries;
    expect(entry).toMatchObject({ witnesses: [{ id: admin.id, name: admin.name }], reason: 'Remainder after the last dose' });
  });

  it('asks a witness who uses two-step sign-in for their current code, and accepts each code once', async () => {
    const s = await stockedClinic(t);
    const [vial] = await receive(t, s.clinic.as.nurse, s, s.ketamine);
    const secure = await createStaff(t, s.clinic.clinic, 'prescriber', { mfa: true });
    const url = `/api/ledger/containers/${vial}/waste`;
    const body = (totpCode?: string) => ({ volumeMl: 0.5, reason: 'Drawn up, not given', ...SIGN, witness: { ...witness(secure), ...(totpCode === undefined ? {} : { totpCode }) } });
    const noCode = await s.clinic.as.nurse.post(url, body());
    expect(noCode.status).toBe(401);
    expect(noCode.body).toMatchObject({ needsTotp: true, errors: [{ path: 'body.witness.totpCode', message: expect.stringMatching(/6-digit code/) }] });
    expect((await s.clinic.as.nurse.post(url, body('000000'))).status).toBe(401);
    t.clock.advance(30_000);
    const code = totpAt(secure.mfaSecret!, t.clock.now());
    expect((await s.clinic.as.nurse.post(url, body(code))).status).toBe(201);
    expect((await s.clinic.as.nurse.post(url, body(code))).status).toBe(401);
    const [entry] = (await s.clinic.as.nurse.get(`/api/ledger/register?kind=waste&containerId=${vial}`)).body.entries;
    expect(entry).toMatchObject({ witnesses: [{ id: secure.id }], details: { witnessMethods: ['password+totp'] } });
  });

  it('moves, returns, adjusts (flagged, admin only) and destroys with two witnesses', async () => {
    const s = await stockedClinic(t);
    const [a, b, c] = await receive(t, s.clinic.as.nurse, s, s.ketamine, 3);
    const { as, users: u } = s.clinic;
    expect((await as.nurse.post(`/api/ledger/containers/${a}/transfer`, { toLocationId: s.cabinet, ...SIGN })).status).toBe(201);
    expect((await stock(as.nurse)).get(a!)).toMatchObject({ status: 'in_stock' });
    expect((await as.nurse.post(`/api/ledger/containers/${a}/transfer`, { toLocationId: s.cabinet, ...SIGN })).status).toBe(400);
    expect((await as.nurse.post(`/api/ledger/containers/${b}/return`, { supplierName: 'Harbour', reference: 'RA-1', ...SIGN })).status).toBe(403);
    expect((await as.admin.post(`/api/ledger/containers/${b}/return`, { supplierName: 'Harbour', reference: 'RA-1', ...SIGN })).body).toMatchObject({ kind: 'return', amountMg: -500, balance: { mg: 0 } });
    expect((await as.admin.post(`/api/ledger/containers/${b}/transfer`, { toLocationId: s.cabinet, ...SIGN })).status).toBe(422);

    expect((await as.nurse.post(`/api/ledger/containers/${a}/adjust`, { direction: 'remove', volumeMl: 0.2, reason: 'Spilled while drawing up', ...SIGN })).status).toBe(403);
    expect((await as.admin.post(`/api/ledger/containers/${a}/adjust`, { direction: 'remove', volumeMl: 0.2, reason: 'short', ...SIGN })).status).toBe(400);
    expect((await as.admin.post(`/api/ledger/containers/${a}/adjust`, { direction: 'add', volumeMl: 0.2, reason: 'Would overfill the vial', ...SIGN })).status).toBe(422);
    const adj = await as.admin.post(`/api/ledger/containers/${a}/adjust`, { direction: 'remove', volumeMl: 0.2, reason: 'Spilled while drawing up, not recorded at the time', ...SIGN });
    expect(adj.body).toMatchObject({ kind: 'adjustment', amountMg: -10, balance: { mg: 490 } });
    const [flagged] = (await as.nurse.get('/api/ledger/register?kind=adjustment')).body.entries;
    expect(flagged).toMatchObject({ flagged: true, reason: 'Spilled while drawing up, not recorded at the time' });

    const one = await as.admin.post('/api/ledger/destructions', { containerIds: [c], method: 'Drug waste system (test)', place: 'Clinic', ...SIGN, witnesses: [witness(u.nurse)] });
    expect(one.status).toBe(422);
    expect(one.body.detail).toMatch(/needs 2 witnesses/);
    const same = await as.admin.post('/api/ledger/destructions', { containerIds: [c], method: 'Drug waste system (test)', place: 'Clinic', ...SIGN, witnesses: [witness(u.nurse), witness(u.nurse)] });
    expect(same.status).toBe(400);
    const destroyed = await as.admin.post('/api/ledger/destructions', { containerIds: [c, a], method: 'Drug waste system (test)', place: 'Clinic treatment room', ...SIGN, witnesses: [witness(u.nurse), witness(u.prescriber)] });
    expect(destroyed.status).toBe(201);
    expect(destroyed.body.entries.map((e: { amountMg: number }) => e.amountMg).sort((x: number, y: number) => x - y)).toEqual([-500, -490]);
    const after = await stock(as.nurse);
    expect([after.get(a!)?.status, after.get(c!)?.status]).toEqual(['destroyed', 'destroyed']);
    const [d] = (await as.nurse.get(`/api/ledger/register?kind=destruction&containerId=${a}`)).body.entries;
    expect(d).toMatchObject({ witnesses: [{ name: u.nurse.name }, { name: u.prescriber.name }], details: { method: 'Drug waste system (test)', place: 'Clinic treatment room', partial: true } });
  });

  it('answers 404 (audited) for another clinic’s container, and needs two witnesses for destruction where the rule is unconfirmed', async () => {
    const s = await stockedClinic(t, { jurisdiction: 'UK' });
    const other = await stockedClinic(t);
    const [theirs] = await receive(t, other.clinic.as.nurse, other, other.ketamine);
    const res = await s.clinic.as.nurse.post(`/api/ledger/containers/${theirs}/waste`, { all: true, reason: 'not mine', ...SIGN, witness: witness(s.clinic.users.admin) });
    expect(res.status).toBe(404);
    expect((await s.clinic.as.nurse.get(`/api/ledger/containers/${theirs}`)).status).toBe(404);
    const denied = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.clinic.id), eq(auditEvents.action, 'access.not_found')));
    expect(denied).toHaveLength(2);
    const rules = (await s.clinic.as.nurse.get('/api/ledger/catalog')).body.rules;
    expect(rules).toMatchObject({ jurisdiction: 'UK', retentionYears: { value: null, confirmed: false }, destructionWitnesses: { value: 2, confirmed: false }, theftLoss: { confirmed: false } });
    const ukNoDea = await s.clinic.as.nurse.post('/api/ledger/receipts', { ...SUPPLIER, supplierRegistration: null, receivedOn: today(t), items: [{ productId: s.ketamine, lot: 'UK1', expiryDate: '2099-01-01', containers: 1, locationId: s.safe }], ...SIGN });
    expect(ukNoDea.status).toBe(201);
    const extra = await createStaff(t, s.clinic.clinic, 'nurse');
    const one = await s.clinic.as.admin.post('/api/ledger/destructions', { containerIds: [ukNoDea.body.containers[0].id], method: 'Denaturing kit', place: 'Clinic', ...SIGN, witnesses: [witness(extra)] });
    expect(one.status).toBe(422);
  });
});
