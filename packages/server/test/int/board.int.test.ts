import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChairs, clinicWithStaff, readyPatient } from '../factories';
import { sseReader } from '../sse';
import { createTestApp, TestClock, type TestApp } from '../harness';
import { dosedViaApi } from '../session-fixtures';

let t: TestApp;
// Mon 30 Nov 2026, 09:00 in New York.
const START = new Date('2026-11-30T14:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock: new TestClock(START) });
});
afterAll(async () => {
  await t.close();
});

/** The app on a real port (once per file: the board stream needs real HTTP). */
let address: string | undefined;
const listening = async (): Promise<string> => (address ??= await t.app.listen({ port: 0, host: '127.0.0.1' }));

const at = (min: number): string => new Date(START.getTime() + min * 60_000).toISOString();

type Tile = { sessionId: string; alerts: { id: string; code: string; acknowledgedAt: string | null; acknowledgedBy?: string | null; limit?: string | null; action?: string | null }[] };

describe('monitoring board: acknowledged alerts', () => {
  it('keeps an acknowledged alert on its tile with who acknowledged it, live (tile event) and in the snapshot, then drops it', async () => {
    t.clock.set(START);
    const { as, users } = await clinicWithStaff(t);
    const [chair] = await addChairs(as.admin, ['Chair A']);
    const p = await readyPatient(as, 'iv', '2026-11-30');
    const types = (await as.front_desk.get('/api/scheduling/resources')).body.types;
    const type = types.find((x: { code: string }) => x.code === 'iv_session');
    const appt = await as.front_desk.post('/api/appointments', { patientId: p.id, typeId: type.id, startsAt: at(0), chairId: chair });
    expect(appt.status, JSON.stringify(appt.body)).toBe(201);
    const sessionId = (await as.front_desk.post(`/api/appointments/${appt.body.id}/check-in`)).body.session.id as string;

    const address = await listening();
    const abort = new AbortController();
    try {
      const res = await fetch(`${address}/api/board/stream`, { headers: { cookie: as.front_desk.cookie ?? '' }, signal: abort.signal });
      const { next } = sseReader(res);
      await next('snapshot');
      const posted = await as.nurse.post(`/api/sessions/${sessionId}/vitals`, { readings: [{ clientId: `r-${randomUUID()}`, takenAt: at(0), systolic: 192, diastolic: 104, heartRate: 88, spo2: 97 }] });
      expect(posted.status, JSON.stringify(posted.body)).toBe(200);
      const urgent = (posted.body.alerts as { id: string; code: string }[]).find((a) => a.code === 'VITALS_BP_HYPERTENSIVE_URGENCY');
      expect(urgent).toBeDefined();
      await next('vitals');

      // The snapshot carries the limit crossed and what to do.
      const before = ((await as.front_desk.get('/api/board')).body.tiles as Tile[]).find((x) => x.sessionId === sessionId);
      const open = before?.alerts.find((a) => a.id === urgent?.id);
      expect(open).toMatchObject({ acknowledgedAt: null, acknowledgedBy: null, limit: '180/120' });
      expect(open?.action).toMatch(/Pause the infusion/);

      const ack = await as.nurse.post(`/api/alerts/${urgent?.id}/acknowledge`, {});
      expect(ack.status, JSON.stringify(ack.body)).toBe(200);
      const ackEvent = await next('alert');
      expect((ackEvent.alerts as { acknowledgedAt: string | null }[])[0]?.acknowledgedAt).not.toBeNull();
      const tile = (await next('tile')) as unknown as Tile;
      expect(tile.sessionId).toBe(sessionId);
      expect(tile.alerts.find((a) => a.id === urgent?.id)).toMatchObject({ acknowledgedBy: users.nurse.name });

      t.clock.set(new Date(START.getTime() + 11 * 60_000));
      await as.front_desk.post('/api/auth/keepalive');
      const later = ((await as.front_desk.get('/api/board')).body.tiles as Tile[]).find((x) => x.sessionId === sessionId);
      expect(later?.alerts.find((a) => a.id === urgent?.id)).toBeUndefined();
    } finally {
      abort.abort();
    }
  });

  it('moves a tile\'s "next due" on as soon as a reading fulfils it, and not for readings between checks', async () => {
    t.clock.set(START);
    const { as } = await clinicWithStaff(t);
    const { sessionId } = await dosedViaApi(as, START);
    const address = await listening();
    const abort = new AbortController();
    try {
      const res = await fetch(`${address}/api/board/stream`, { headers: { cookie: as.front_desk.cookie ?? '' }, signal: abort.signal });
      const { nextEvent } = sseReader(res);
      type DueTile = { sessionId: string; nextDue: { label: string; dueAt: string } | null; readingWindow: { from: string | null; to: string | null } | null };
      const snap = await nextEvent();
      expect(snap.event).toBe('snapshot');
      const tile = (snap.data.tiles as DueTile[]).find((x) => x.sessionId === sessionId);
      // The pre-dose reading fulfilled the first check; the next is during the infusion, its window opening halfway there.
      expect(tile?.nextDue?.label).toMatch(/during infusion/);
      const dueAt = Date.parse(tile?.nextDue?.dueAt ?? '');
      const from = Date.parse(tile?.readingWindow?.from ?? '');
      expect(from).toBeGreaterThan(START.getTime() + 60_000);
      expect(from).toBeLessThan(dueAt);

      // A reading before the window only travels as its delta.
      const post = (atMs: number) => as.nurse.post(`/api/sessions/${sessionId}/vitals`, { readings: [{ clientId: `r-${randomUUID()}`, takenAt: new Date(atMs).toISOString(), systolic: 130, diastolic: 80, heartRate: 75, spo2: 98 }] });
      t.clock.set(new Date(START.getTime() + 60_000));
      expect((await post(START.getTime() + 60_000)).status).toBe(200);
      expect((await nextEvent()).event).toBe('vitals');
      await new Promise((r) => setTimeout(r, 400));
      // The reading at the due time fulfils the check: the tile comes at once with the following one.
      t.clock.set(new Date(dueAt));
      await as.front_desk.post('/api/auth/keepalive');
      expect((await post(dueAt)).status).toBe(200);
      expect((await nextEvent()).event).toBe('vitals');
      const moved = await nextEvent();
      expect(moved.event).toBe('tile');
      const after = moved.data as unknown as DueTile;
      expect(after.sessionId).toBe(sessionId);
      expect(Date.parse(after.nextDue?.dueAt ?? '')).toBeGreaterThan(dueAt);
      expect(Date.parse(after.readingWindow?.from ?? '')).toBeGreaterThan(dueAt);
    } finally {
      abort.abort();
    }
  });
});
