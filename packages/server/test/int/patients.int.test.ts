import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema';
import { clinicWithStaff } from '../factories';
import { createTestApp, type TestApp } from '../harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const maria = {
  legalFirstName: 'María',
  legalLastName: 'García',
  preferredName: 'Mari',
  dateOfBirth: '1984-06-02',
  sexAtBirth: 'female',
  phone: '+1 (555) 010-0200',
  email: 'maria.garcia@example.test',
  emergencyContactName: 'Luis García',
  emergencyContactPhone: '555-010-0300',
  escortName: 'Luis García',
  allergies: ['Penicillin'],
  medications: [{ name: 'sertraline', dose: '100 mg', frequency: 'daily' }],
  weightKg: 72.5,
  heightCm: 165,
};

describe('patients', () => {
  it('registers a patient with record number, measurements and an audit event', async () => {
    const { as, clinic } = await clinicWithStaff(t);
    const res = await as.front_desk.post('/api/patients', maria);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ mrn: 'KP-000001', displayName: 'Mari García', legalName: 'María García', latestWeightKg: { value: 72.5 }, latestHeightCm: { value: 165 }, allergies: ['Penicillin'] });
    const second = await as.front_desk.post('/api/patients', { ...maria, legalFirstName: 'Ana', legalLastName: 'Ruiz', dateOfBirth: '1990-01-01', phone: null, email: null });
    expect(second.body.mrn).toBe('KP-000002');
    const events = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, clinic.id), eq(auditEvents.patientId, res.body.id)));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['patient.registered', 'patient.measurement_recorded']));
  });

  it('warns about a likely duplicate and registers only after confirmation', async () => {
    const { as } = await clinicWithStaff(t);
    await as.front_desk.post('/api/patients', maria);
    const dup = await as.front_desk.post('/api/patients', { ...maria, legalFirstName: 'Maria', legalLastName: 'Garcia', phone: null, email: null, weightKg: undefined });
    expect(dup.status).toBe(409);
    expect(dup.body.reason).toBe('LIKELY_DUPLICATE');
    expect(dup.body.duplicates[0]).toMatchObject({ mrn: 'KP-000001', reasons: expect.arrayContaining(['same date of birth', 'same name']) });
    const forced = await as.front_desk.post('/api/patients', { ...maria, legalFirstName: 'Maria', legalLastName: 'Garcia', phone: null, email: null, confirmNotDuplicate: true });
    expect(forced.status).toBe(201);
  });

  it('finds patients by name part, record number, date of birth and phone', async () => {
    const { as } = await clinicWithStaff(t);
    const a = (await as.front_desk.post('/api/patients', maria)).body;
    await as.front_desk.post('/api/patients', { ...maria, legalFirstName: 'Peter', legalLastName: 'Novak', preferredName: null, dateOfBirth: '1970-03-03', phone: '555-999-1234', email: null });
    const byName = await as.nurse.get('/api/patients?q=garc');
    expect(byName.body.patients.map((p: { id: string }) => p.id)).toEqual([a.id]);
    expect((await as.nurse.get('/api/patients?q=mari%20garc')).body.patients).toHaveLength(1);
    expect((await as.nurse.get(`/api/patients?q=${a.mrn}`)).body.patients[0].id).toBe(a.id);
    expect((await as.nurse.get('/api/patients?q=1')).body.patients.map((p: { id: string }) => p.id)).toContain(a.id);
    expect((await as.nurse.get('/api/patients?dob=1970-03-03')).body.patients[0].displayName).toBe('Peter Novak');
    expect((await as.nurse.get('/api/patients?phone=9991234')).body.patients[0].displayName).toBe('Peter Novak');
    expect((await as.nurse.get('/api/patients?q=%25')).body.patients).toHaveLength(0);
  });

  it('audits every read, keeps weight history, and records which fields changed', async () => {
    const { as, clinic } = await clinicWithStaff(t);
    const p = (await as.front_desk.post('/api/patients', maria)).body;
    expect((await as.nurse.get(`/api/patients/${p.id}`)).status).toBe(200);
    t.clock.advance(10 * 60_000);
    expect((await as.nurse.post(`/api/patients/${p.id}/measurements`, { kind: 'weight_kg', value: 74 })).status).toBe(201);
    expect((await as.nurse.post(`/api/patients/${p.id}/measurements`, { kind: 'weight_kg', value: 740 })).status).toBe(400);
    const record = await as.nurse.get(`/api/patients/${p.id}`);
    expect(record.body.latestWeightKg.value).toBe(74);
    const history = await as.nurse.get(`/api/patients/${p.id}/measurements`);
    expect(history.body.measurements.filter((m: { kind: string }) => m.kind === 'weight_kg').map((m: { value: number }) => m.value)).toEqual([74, 72.5]);
    const upd = await as.front_desk.patch(`/api/patients/${p.id}`, { phone: '555 222 3333', insurance: 'Aetna PPO, member W123' });
    expect(upd.body.phone).toBe('555 222 3333');
    const reads = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, clinic.id), eq(auditEvents.patientId, p.id), eq(auditEvents.action, 'patient.read')));
    expect(reads.length).toBeGreaterThanOrEqual(3);
    const [update] = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, p.id), eq(auditEvents.action, 'patient.updated')));
    expect(update?.details).toEqual({ fields: ['phone', 'insurance'] });
  });

  it('rejects impossible dates of birth and never shows another clinic\'s patients', async () => {
    const a = await clinicWithStaff(t);
    const b = await clinicWithStaff(t);
    const future = await a.as.front_desk.post('/api/patients', { ...maria, dateOfBirth: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].path).toBe('body.dateOfBirth');
    const p = (await a.as.front_desk.post('/api/patients', maria)).body;
    expect((await b.as.nurse.get(`/api/patients/${p.id}`)).status).toBe(404);
    expect((await b.as.nurse.patch(`/api/patients/${p.id}`, { phone: '1' })).status).toBe(404);
    expect((await b.as.nurse.post(`/api/patients/${p.id}/measurements`, { kind: 'weight_kg', value: 70 })).status).toBe(404);
    expect((await b.as.nurse.get('/api/patients?q=garc')).body.patients).toHaveLength(0);
    const denied = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, b.clinic.id), eq(auditEvents.action, 'access.not_found')));
    expect(denied).toHaveLength(3);
  });
});
