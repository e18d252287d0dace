import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../agent';
import { clinicWithStaff } from '../factories';
import { createTestApp, type TestApp } from '../harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LOG_LEVEL: 'trace' } });
});
afterAll(async () => {
  await t.close();
});

const MARKERS = ['Zebulon', 'Quackenbush', '1961-04-12', '555-0199', 'zeb.quack@example.test', 'Sunflower-Velvet-Anchor-77'];

describe('application logs', () => {
  it('never contain values from request bodies, queries, cookies or headers (patient fields included)', async () => {
    const { as } = await clinicWithStaff(t);
    await new Agent(t).post('/api/auth/login', { email: MARKERS[4] ?? '', password: MARKERS[5] ?? '' });
    await as.admin.request('GET', `/api/audit?action=${MARKERS[0]}&patientName=${MARKERS[1]}&dob=${MARKERS[2]}`);
    await as.admin.request('POST', '/api/users/invitations', { email: MARKERS[4] ?? '', name: `${MARKERS[0]} ${MARKERS[1]}`, role: 'nurse', phone: MARKERS[3] ?? '', dateOfBirth: MARKERS[2] ?? '' });
    await as.admin.request('PATCH', '/api/clinic', { name: `${MARKERS[0]}` }, { 'x-patient-name': MARKERS[1] ?? '' });
    await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', 'x-ketapath-csrf': 'x' }, payload: `{"email":"${MARKERS[4] ?? ''}",` });

    const all = t.logs.join('\n');
    expect(t.logs.length).toBeGreaterThan(10);
    for (const m of MARKERS) {
      expect(all, `log leaked ${m}`).not.toContain(m);
    }
    expect(all).not.toContain(as.admin.cookie?.split('=')[1] ?? 'no-cookie');
    // Requests are still traceable by id and route pattern.
    expect(all).toContain('"route":"/api/users/invitations"');
  });
});
