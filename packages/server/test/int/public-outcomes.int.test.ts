import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOutcomeHistory } from '../../src/modules/demo/outcomes-history';
import { clinicWithStaff, readyPatient } from '../factories';
import { createTestApp, type TestApp } from '../harness';
import { dosedSession, scores } from '../outcome-fixtures';
import { publish } from '../public-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'https://ketapath.example' } });
});
afterAll(async () => {
  await t.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url });
const section = (body: string): string => /<section id="outcomes"[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';

describe('transparency page: opt-in outcomes section', () => {
  it('publishes live aggregates with the method and its limits when the clinic opts in, and names no patient', async () => {
    const { as, clinic } = await clinicWithStaff(t);
    await seedDemoOutcomeHistory(t.deps, clinic.id);
    await publish(as.admin, { publishOutcomes: false });
    expect(section((await get(`/c/${clinic.slug}`)).body)).toBe('');
    await publish(as.admin, { publishOutcomes: true });
    const res = await get(`/c/${clinic.slug}`);
    expect(res.statusCode).toBe(200);
    const s = section(res.body);
    expect(s).toContain('<h2 id="outcomes-h">Outcomes</h2>');
    // The figures the dashboard gives for the same 12 months, as shown to staff.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(t.clock.now());
    const dash = (await as.prescriber.get(`/api/outcomes/dashboard?to=${today}`)).body;
    const r = dash.rates.overall.response;
    expect(r.successes).toBeGreaterThanOrEqual(11);
    expect(s).toContain(`(${r.successes} of ${r.n} patients)`);
    expect(s).toContain(`${Math.round(r.proportion * 100)}%`);
    expect(s).toContain(dash.safety.sessions.toLocaleString('en-US'));
    expect(s).toMatch(/What these figures cannot tell you/);
    expect(s).toMatch(/fewer than 11 patients is not shown/);
    expect(res.body).not.toMatch(/Fairley|Holm-|Abbott-/);
  });

  it('withholds every figure of a clinic with fewer than 11 patients, and says why', async () => {
    const { as, clinic, users } = await clinicWithStaff(t);
    for (let i = 0; i < 3; i++) {
      const p = await readyPatient(as, 'iv', '2026-01-05');
      const day = Date.parse('2026-09-01T14:00:00Z') + i * 86_400_000;
      await dosedSession(t, { clinicId: clinic.id, patientId: p.id, planId: p.planId, userId: users.nurse.id, route: 'iv', at: new Date(day).toISOString() });
      await scores(t, { clinicId: clinic.id, patientId: p.id, instrument: 'phq9', points: [[new Date(day - 86_400_000).toISOString(), 20], [new Date(day + 14 * 86_400_000).toISOString(), 6]] });
    }
    await publish(as.admin, { publishOutcomes: true });
    const s = section((await get(`/c/${clinic.slug}`)).body);
    expect(s).toContain('Not shown: fewer than 11 patients.');
    expect(s).not.toMatch(/of 3 patients|>3<|100%/);
    expect(s).not.toMatch(/per 100 sessions<\/strong>/);
  });
});
