import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicWithStaff, registerPatient, signIn, TEST_PASSWORD } from '../factories';
import { createTestApp, type TestApp } from '../harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('hand the tablet to the patient', () => {
  it('locks the staff session to that patient’s questionnaires until the staff member’s password takes it back', async () => {
    const { as, users } = await clinicWithStaff(t);
    const p1 = await registerPatient(as.front_desk);
    const p2 = await registerPatient(as.front_desk, { legalFirstName: 'Avery' });

    const handed = await as.nurse.post(`/api/patients/${p1.id}/tablet/hand-over`);
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect((await as.nurse.get('/api/auth/session')).body.tabletPatientId).toBe(p1.id);

    // The patient's questionnaires, the forms' definitions and staying signed in still answer…
    expect((await as.nurse.get(`/api/patients/${p1.id}/tablet`)).status).toBe(200);
    expect((await as.nurse.get('/api/instruments/phq9')).status).toBe(200);
    expect((await as.nurse.post('/api/auth/keepalive')).status).toBe(200);
    // …nothing else does: not the chart, not the patient list, not another patient's tablet view.
    for (const [method, url] of [['GET', `/api/patients/${p1.id}`], ['GET', '/api/patients'], ['GET', `/api/patients/${p2.id}/tablet`], ['GET', `/api/patients/${p1.id}/questionnaires`], ['POST', `/api/patients/${p2.id}/tablet/hand-over`]] as const) {
      const res = await as.nurse.request(method, url);
      expect(res.status, url).toBe(403);
      expect(res.body.code, url).toBe('TABLET_LOCKED');
    }

    // A wrong password keeps the lock; the right one lifts it. Both are audited.
    const wrong = await as.nurse.post(`/api/patients/${p1.id}/tablet/exit`, { password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect((await as.nurse.get(`/api/patients/${p1.id}`)).status).toBe(403);
    const back = await as.nurse.post(`/api/patients/${p1.id}/tablet/exit`, { password: TEST_PASSWORD });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect((await as.nurse.get(`/api/patients/${p1.id}`)).status).toBe(200);
    expect((await as.nurse.get('/api/auth/session')).body.tabletPatientId).toBeNull();

    const audit = (await as.admin.get(`/api/audit?patientId=${p1.id}`)).body.events as { action: string; outcome: string; details?: Record<string, unknown> }[];
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['questionnaire.tablet_handed_over', 'questionnaire.tablet_returned']));
    const refused = (await as.admin.get('/api/audit?action=access.forbidden')).body.events as { details?: Record<string, unknown> }[];
    expect(refused.some((e) => e.details?.tabletMode === true)).toBe(true);

    // The lock belongs to the handed-over browser's session, not to the staff member.
    await as.nurse.post(`/api/patients/${p1.id}/tablet/hand-over`);
    const elsewhere = await signIn(t, users.nurse);
    expect((await elsewhere.get(`/api/patients/${p1.id}`)).status).toBe(200);
    expect((await as.nurse.get(`/api/patients/${p1.id}`)).status).toBe(403);
  });
});
