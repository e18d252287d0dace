import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicWithStaff, registerPatient, signIn } from '../factories';
import { createTestApp, TestClock, type TestApp } from '../harness';

let t: TestApp;
const START = new Date('2026-11-30T12:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock: new TestClock(START) });
});
afterAll(async () => {
  await t.close();
});

describe('wall display of the monitoring board', () => {
  it('shows only the board, stays signed in through idleness until the session’s absolute limit, and is audited', async () => {
    t.clock.set(START);
    const { as, users } = await clinicWithStaff(t);
    const p = await registerPatient(as.front_desk);
    const before = (await as.nurse.get('/api/auth/session')).body;
    expect(before.display).toBe(false);

    const started = await as.nurse.post('/api/board/display');
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.displayUntil).toBe(before.expiresAt);
    const session = (await as.nurse.get('/api/auth/session')).body;
    expect(session.display).toBe(true);
    expect(session.idleTimeoutSeconds).toBeGreaterThan(before.idleTimeoutSeconds);

    // The board answers; nothing else does: not a chart, not the patient list, not acknowledging an alert.
    expect((await as.nurse.get('/api/board')).status).toBe(200);
    for (const [method, url] of [['GET', `/api/patients/${p.id}`], ['GET', '/api/patients'], ['POST', '/api/alerts/00000000-0000-4000-8000-000000000000/acknowledge'], ['POST', '/api/board/display']] as const) {
      const res = await as.nurse.request(method, url);
      expect(res.status, url).toBe(403);
      expect(res.body.code, url).toBe('DISPLAY_ONLY');
    }
    const refused = (await as.admin.get('/api/audit?action=access.forbidden')).body.events as { details?: Record<string, unknown> }[];
    expect(refused.some((e) => e.details?.wallDisplay === true)).toBe(true);
    const startedEvents = (await as.admin.get('/api/audit?action=board.display_started')).body.events as { actor?: { userId?: string } | null }[];
    expect(startedEvents).toHaveLength(1);

    // Hours without a keep-alive: a staff session would have ended at its idle limit; the display is still signed in.
    t.clock.set(new Date(START.getTime() + 5 * 3_600_000));
    expect((await as.nurse.get('/api/board')).status).toBe(200);
    // The absolute limit still ends it.
    t.clock.set(new Date(Date.parse(before.expiresAt) + 1_000));
    const ended = await as.nurse.get('/api/board');
    expect(ended.status).toBe(401);
    expect(ended.body.code).toBe('SESSION_EXPIRED');

    // The display belongs to that browser's session, not to the staff member.
    t.clock.set(START);
    const elsewhere = await signIn(t, users.nurse);
    expect((await elsewhere.get(`/api/patients/${p.id}`)).status).toBe(200);
  });

  it('ends when someone signs out on the screen', async () => {
    t.clock.set(START);
    const { as } = await clinicWithStaff(t);
    expect((await as.front_desk.post('/api/board/display')).status).toBe(200);
    expect((await as.front_desk.post('/api/auth/logout')).status).toBe(204);
    expect((await as.front_desk.get('/api/board')).status).toBe(401);
  });
});
