import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../src/db/schema';
import { deliverOutbox } from '../../src/modules/messages/deliver';
import { smtpTransport } from '../../src/modules/messages/transport';
import { addChairs, clinicWithStaff, readyPatient, registerPatient } from '../factories';
import { createTestApp, TestClock, type TestApp } from '../harness';
import { PHQ9 } from '../portal-fixtures';

let t: TestApp;
const START = new Date('2026-11-30T14:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock: new TestClock(START) });
});
afterAll(async () => {
  await t.close();
});
const at = (min: number): string => new Date(START.getTime() + min * 60_000).toISOString();

describe('pre-dose checklist sees questionnaires from the portal, tablet and staff entry', () => {
  it('blocks the dose after a PHQ-9 item-9 flag until a C-SSRS is completed after it', async () => {
    t.clock.set(START);
    const { as } = await clinicWithStaff(t);
    const [chair] = await addChairs(as.admin, [`Chair ${randomUUID().slice(0, 4)}`]);
    const p = await readyPatient(as, 'iv', '2026-11-30');
    const types = (await as.front_desk.get('/api/scheduling/resources')).body.types;
    const type = types.find((x: { code: string }) => x.code === 'iv_session');
    const appt = await as.front_desk.post('/api/appointments', { patientId: p.id, typeId: type.id, startsAt: at(0), chairId: chair });
    const ci = await as.front_desk.post(`/api/appointments/${appt.body.id}/check-in`);
    const sessionId: string = ci.body.session.id;

    // A PHQ-9 with item 9 = 2, entered for the patient (not at the chair).
    t.clock.set(new Date(START.getTime() + 60_000));
    const phq = await as.nurse.post(`/api/patients/${p.id}/questionnaires`, { instrument: 'phq9', answers: PHQ9(2) });
    expect(phq.status, JSON.stringify(phq.body)).toBe(201);
    expect(phq.body.riskAlertRaised).toBe(true);
    const suicide = (s: { predose: { items: { id: string; status: string; findings: { code: string }[] }[] } }) => s.predose.items.find((i) => i.id === 'suicide_screen');
    let s = (await as.nurse.get(`/api/sessions/${sessionId}`)).body;
    expect(suicide(s)).toMatchObject({ status: 'failed', findings: [{ code: 'CSSRS_REQUIRED_BEFORE_DOSING' }] });
    expect(s.allowedNext).toContain('predose_passed');
    const blocked = await as.nurse.post(`/api/sessions/${sessionId}/predose/pass`, {});
    expect(blocked.status).not.toBe(200);

    // The C-SSRS on the clinic tablet (low risk) clears the suicide screen item.
    t.clock.set(new Date(START.getTime() + 2 * 60_000));
    const cssrs = await as.nurse.post(`/api/patients/${p.id}/questionnaires`, { instrument: 'cssrs_screener', answers: { q1: true, q2: false, q6: false } });
    expect(cssrs.status, JSON.stringify(cssrs.body)).toBe(201);
    expect(cssrs.body).toMatchObject({ showCrisisResources: true, riskAlertRaised: false });
    s = (await as.nurse.get(`/api/sessions/${sessionId}`)).body;
    expect(suicide(s)?.status).toBe('ok');
  });
});

describe('outbox delivery over SMTP', () => {
  it('delivers the invitation to a local SMTP receiver on loopback and marks it sent; a refused message is retried', async () => {
    const received: { from: string; to: string[]; data: string }[] = [];
    let refuse = true;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, cb) {
        if (refuse && address.address.startsWith('refused')) {
          cb(new Error('mailbox unavailable'));
          return;
        }
        cb();
      },
      onData(stream, session, cb) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((r) => r.address), data });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
    try {
      t.clock.set(START);
      const { as } = await clinicWithStaff(t);
      const p = await registerPatient(as.front_desk);
      const q = await registerPatient(as.front_desk, { legalFirstName: 'Other' });
      const to = `patient.${randomUUID().slice(0, 8)}@example.test`;
      const refusedTo = `refused.${randomUUID().slice(0, 8)}@example.test`;
      expect((await as.front_desk.post(`/api/patients/${p.id}/portal/invitations`, { email: to })).status).toBe(201);
      expect((await as.front_desk.post(`/api/patients/${q.id}/portal/invitations`, { email: refusedTo })).status).toBe(201);
      const outbox = (await as.admin.get('/api/outbox')).body;
      expect(outbox.smtpConfigured).toBe(false);
      expect(outbox.messages.map((m: { to: string; status: string }) => [m.to, m.status]).sort()).toEqual([[refusedTo, 'pending'], [to, 'pending']].sort());

      expect(await deliverOutbox(t.deps, transport)).toBe(1);
      expect(received).toHaveLength(1);
      expect(received[0]?.to).toEqual([to]);
      expect(received[0]?.data).toContain('Subject: ');
      expect(received[0]?.data.replace(/=\r\n/g, '').replace(/=3D/g, '=')).toMatch(/\/portal\/link\/[A-Za-z0-9_-]{40,}/);
      const [sent] = await t.deps.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, to));
      expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
      const [failed] = await t.deps.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, refusedTo));
      expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
      expect(t.logs.join('\n')).not.toContain(refusedTo);

      // Not retried before its time; delivered once the receiver accepts it.
      expect(await deliverOutbox(t.deps, transport)).toBe(0);
      refuse = false;
      t.clock.advance(2 * 60_000);
      expect(await deliverOutbox(t.deps, transport)).toBe(1);
      expect(received.map((r) => r.to[0])).toEqual([to, refusedTo]);
    } finally {
      transport.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
