import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChairs, clinicWithStaff, readyPatient } from '../factories';
import { createTestApp, TestClock, type TestApp } from '../harness';

let t: TestApp;
const START = new Date('2026-11-30T14:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock: new TestClock(START) });
});
afterAll(async () => {
  await t.close();
});

describe('dose preview at the chair', () => {
  it("shows the dose recomputed from today's weight with its working, and the findings a change would raise, recording nothing", async () => {
    const { as } = await clinicWithStaff(t);
    const [chair] = await addChairs(as.admin, [`Chair ${randomUUID().slice(0, 4)}`]);
    const p = await readyPatient(as, 'iv', '2026-11-30');
    const types = (await as.front_desk.get('/api/scheduling/resources')).body.types;
    const type = types.find((x: { code: string }) => x.code === 'iv_session');
    const appt = await as.front_desk.post('/api/appointments', { patientId: p.id, typeId: type.id, startsAt: START.toISOString(), chairId: chair });
    const sessionId = (await as.front_desk.post(`/api/appointments/${appt.body.id}/check-in`)).body.session.id;

    const planned = await as.nurse.get(`/api/sessions/${sessionId}/dose/preview?weightKg=72`);
    expect(planned.status, JSON.stringify(planned.body)).toBe(200);
    expect(planned.body).toMatchObject({ ok: true, weightKg: 72, changedFromPlan: false });
    expect(planned.body.detail.doseMg).toBe(36);
    expect(planned.body.working.join(' ')).toContain('72');

    const changed = await as.nurse.get(`/api/sessions/${sessionId}/dose/preview?weightKg=72&mgPerKg=0.75`);
    expect(changed.body.changedFromPlan).toBe(true);
    expect(changed.body.detail.doseMg).toBe(54);

    expect((await as.front_desk.get(`/api/sessions/${sessionId}/dose/preview`)).status).toBe(403);
    const s = (await as.nurse.get(`/api/sessions/${sessionId}`)).body;
    expect(s.dose).toBeNull();
    expect(s.state).toBe('checked_in');
  });
});
