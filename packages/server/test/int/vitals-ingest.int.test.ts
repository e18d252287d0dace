import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/audit/verify';
import { auditEvents, clinicDevices, sessionAlerts, vitalReadings } from '../../src/db/schema';
import { addChairs, clinicWithStaff, readyPatient } from '../factories';
import { createTestApp, TestClock, type TestApp } from '../harness';

let t: TestApp;
// Mon 30 Nov 2026, 09:00 in New York.
const START = new Date('2026-11-30T14:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock: new TestClock(START) });
});
afterAll(async () => {
  await t.close();
});

type As = Awaited<ReturnType<typeof clinicWithStaff>>['as'];

async function checkedIn(as: As): Promise<string> {
  const [chair] = await addChairs(as.admin, [`Chair ${randomUUID().slice(0, 4)}`]);
  const p = await readyPatient(as, 'iv', '2026-11-30');
  const types = (await as.front_desk.get('/api/scheduling/resources')).body.types;
  const type = types.find((x: { code: string }) => x.code === 'iv_session');
  const appt = await as.front_desk.post('/api/appointments', { patientId: p.id, typeId: type.id, startsAt: START.toISOString(), chairId: chair });
  expect(appt.status, JSON.stringify(appt.body)).toBe(201);
  const ci = await as.front_desk.post(`/api/appointments/${appt.body.id}/check-in`);
  expect(ci.status, JSON.stringify(ci.body)).toBe(200);
  return ci.body.session.id;
}

describe('vital-sign ingest under concurrent monitors', () => {
  it('stores each reading once, audits every request, and keeps the chain whole when requests share a transaction', async () => {
    const { as, clinic } = await clinicWithStaff(t);
    const sessions = [await checkedIn(as), await checkedIn(as), await checkedIn(as)];
    const dev = await as.admin.post('/api/devices', { name: 'Gateway' });
    expect(dev.status, JSON.stringify(dev.body)).toBe(201);
    const post = (sessionId: string, clientId: string, v: Record<string, number>) =>
      t.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/vitals`, headers: { authorization: `Bearer ${dev.body.token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ readings: [{ clientId, takenAt: new Date(START.getTime() - 60_000).toISOString(), ...v }] }) });
    const normal = { systolic: 124, diastolic: 79, heartRate: 72, spo2: 98 };
    const high = { systolic: 192, diastolic: 104, heartRate: 88, spo2: 97 };
    // 3 sessions × 8 readings (every 4th hypertensive), and each reading sent twice at the same moment.
    const sends = sessions.flatMap((s) => Array.from({ length: 8 }, (_, i) => ({ s, clientId: `m-${s.slice(0, 8)}-${i}`, v: i % 4 === 0 ? high : normal })));
    const answers = await Promise.all([...sends, ...sends].map((x) => post(x.s, x.clientId, x.v)));
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));

    // Exactly one of the two copies of each reading was stored; the other is answered as a duplicate.
    const byClient = new Map<string, boolean[]>();
    for (const a of answers) {
      const r = a.json<{ readings: { clientId: string; duplicate: boolean }[] }>().readings[0];
      expect(r).toBeDefined();
      byClient.set(r?.clientId ?? '', [...(byClient.get(r?.clientId ?? '') ?? []), r?.duplicate ?? true]);
    }
    expect([...byClient.values()].every((d) => d.filter((x) => !x).length === 1 && d.length === 2)).toBe(true);
    const stored = await t.deps.db.select().from(vitalReadings).where(inArray(vitalReadings.sessionId, sessions));
    expect(stored).toHaveLength(24);

    // Each hypertensive reading raised its alert once, and the alert was answered to the request that stored it.
    const alerts = await t.deps.db.select().from(sessionAlerts).where(and(inArray(sessionAlerts.sessionId, sessions), eq(sessionAlerts.code, 'VITALS_BP_HYPERTENSIVE_URGENCY')));
    expect(alerts).toHaveLength(6);
    const answeredAlerts = answers.flatMap((a) => a.json<{ alerts: { code: string }[] }>().alerts).filter((a) => a.code === 'VITALS_BP_HYPERTENSIVE_URGENCY');
    expect(answeredAlerts).toHaveLength(6);

    // One audit event per request that stored a reading, each naming its session and patient; the chain verifies.
    const audited = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, clinic.id), eq(auditEvents.action, 'vitals.recorded')));
    expect(audited).toHaveLength(24);
    expect(new Set(audited.map((e) => e.resourceId))).toEqual(new Set(sessions));
    expect(audited.every((e) => e.patientId !== null && (e.details as { readings: number }).readings === 1)).toBe(true);
    expect(new Set(audited.map((e) => e.requestId)).size).toBe(24);
    const report = await verifyChain(t.deps.db, clinic.id);
    expect(report.ok, JSON.stringify(report)).toBe(true);
  });

  it('answers a session that no longer takes readings without failing the other monitors', async () => {
    const { as } = await clinicWithStaff(t);
    const open = await checkedIn(as);
    const cancelled = await checkedIn(as);
    const stop = await as.nurse.post(`/api/sessions/${cancelled}/state`, { to: 'cancelled', reason: 'Patient unwell on arrival' });
    expect(stop.status, JSON.stringify(stop.body)).toBe(200);
    const dev = await as.admin.post('/api/devices', { name: 'Gateway 2' });
    const post = (sessionId: string, i: number) =>
      t.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/vitals`, headers: { authorization: `Bearer ${dev.body.token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ readings: [{ clientId: `c-${sessionId.slice(0, 8)}-${i}`, takenAt: new Date(START.getTime() - 60_000).toISOString(), systolic: 120, diastolic: 80, heartRate: 70, spo2: 98 }] }) });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => post(i % 2 === 0 ? open : cancelled, i)));
    expect(answers.filter((_, i) => i % 2 === 0).map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((_, i) => i % 2 === 1).map((a) => a.statusCode)).toEqual([409, 409, 409, 409, 409]);
    expect(await t.deps.db.select().from(vitalReadings).where(eq(vitalReadings.sessionId, open))).toHaveLength(5);
  });

  it('stores every field of a batch as sent: missing values, symptoms and the alerts they raise', async () => {
    const { as } = await clinicWithStaff(t);
    const session = await checkedIn(as);
    const dev = await as.admin.post('/api/devices', { name: 'Gateway 3' });
    const at = (m: number) => new Date(START.getTime() - m * 60_000).toISOString();
    const readings = [
      { clientId: `f-${session.slice(0, 8)}-1`, takenAt: at(3), heartRate: 71, spo2: 97 },
      { clientId: `f-${session.slice(0, 8)}-2`, takenAt: at(2), systolic: 131, diastolic: 84, respiratoryRate: 16, symptoms: ['chest_pain', 'severe_headache'] },
    ];
    const r = await t.app.inject({ method: 'POST', url: `/api/sessions/${session}/vitals`, headers: { authorization: `Bearer ${dev.body.token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ readings }) });
    expect(r.statusCode, r.body).toBe(200);
    const stored = await t.deps.db.select().from(vitalReadings).where(eq(vitalReadings.sessionId, session));
    const byClient = new Map(stored.map((x) => [x.clientId, x]));
    expect(byClient.get(readings[0]?.clientId ?? '')).toMatchObject({ takenAt: new Date(at(3)), systolic: null, diastolic: null, heartRate: 71, spo2: 97, respiratoryRate: null, symptoms: null, source: 'device', deviceId: dev.body.device.id, enteredBy: null, voidedAt: null });
    expect(byClient.get(readings[1]?.clientId ?? '')).toMatchObject({ takenAt: new Date(at(2)), systolic: 131, diastolic: 84, heartRate: null, spo2: null, respiratoryRate: 16, symptoms: ['chest_pain', 'severe_headache'] });
    const alerts = await t.deps.db.select().from(sessionAlerts).where(eq(sessionAlerts.sessionId, session));
    const answered = r.json<{ alerts: { id: string; code: string }[] }>().alerts;
    expect(alerts.length).toBeGreaterThan(0);
    expect(new Set(alerts.map((a) => a.id))).toEqual(new Set(answered.map((a) => a.id)));
    expect(alerts.every((a) => a.readingId === byClient.get(readings[1]?.clientId ?? '')?.id && typeof a.source === 'object' && a.source !== null && a.escalationLevel === 0)).toBe(true);
  });

  it('refuses an unknown or revoked device token, audits the refusal, and records when a device was last seen', async () => {
    const { as, clinic } = await clinicWithStaff(t);
    const session = await checkedIn(as);
    const dev = await as.admin.post('/api/devices', { name: 'Gateway 4' });
    const post = (token: string, i: number) =>
      t.app.inject({ method: 'POST', url: `/api/sessions/${session}/vitals`, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ readings: [{ clientId: `d-${session.slice(0, 8)}-${i}`, takenAt: new Date(START.getTime() - 60_000).toISOString(), heartRate: 70 }] }) });
    expect((await post(dev.body.token, 1)).statusCode).toBe(200);
    const seen = await t.deps.db.select().from(clinicDevices).where(eq(clinicDevices.id, dev.body.device.id));
    expect(seen[0]?.lastSeenAt?.getTime()).toBe(START.getTime());
    expect((await post('kpd_not-a-token-of-this-clinic', 2)).statusCode).toBe(401);
    const revoke = await as.admin.post(`/api/devices/${dev.body.device.id}/revoke`, {});
    expect(revoke.status, JSON.stringify(revoke.body)).toBe(204);
    expect((await post(dev.body.token, 3)).statusCode).toBe(401);
    const refused = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, clinic.id), eq(auditEvents.action, 'device.auth_failed')));
    expect(refused.map((e) => [e.resourceId, e.details])).toEqual([[dev.body.device.id, { revoked: true }]]);
  });
});
