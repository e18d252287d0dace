import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, outboxMessages, questionnaireResponses, riskAlerts, staffNotices } from '../../src/db/schema';
import { queueReminders } from '../../src/modules/messages/reminders';
import { runRiskEscalation } from '../../src/modules/risk/escalation';
import { clinicWithStaff, createStaff, readyPatient, registerPatient, signIn } from '../factories';
import { createTestApp, TestClock, type TestApp } from '../harness';
import { invitedPatient, linkFromOutbox, PHQ9, PortalAgent } from '../portal-fixtures';

let t: TestApp;
// Mon 30 Nov 2026, 09:00 in New York; the plan's first session is on Tue 1 Dec.
const START = new Date('2026-11-30T14:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock: new TestClock(START) });
});
afterAll(async () => {
  await t.close();
});

const email = () => `patient.${randomUUID().slice(0, 8)}@example.test`;

describe('patient portal: invitation, questionnaires and suicide-risk escalation', () => {
  it('invites, files a PHQ-9 with item 9 above 0, shows crisis resources and walks the alert down the on-call list until acknowledged', async () => {
    t.clock.set(START);
    const { as, users, clinic } = await clinicWithStaff(t);
    const nurse2 = await createStaff(t, clinic, 'nurse', { name: 'Second On-Call' });
    const set = await as.admin.request('PUT', '/api/clinic/safety-contacts', { onCallUserIds: [users.prescriber.id, nurse2.id], crisisLineName: null, crisisLineNumber: null });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.onCall.map((o: { userId: string }) => o.userId)).toEqual([users.prescriber.id, nurse2.id]);
    expect(set.body.jurisdictionDefault).toEqual({ name: '988 Suicide & Crisis Lifeline', number: '988' });

    const p = await readyPatient(as, 'iv', '2026-12-01');
    const address = email();
    const patient = await invitedPatient(t, as.front_desk, p.id, address);
    const account = (await as.front_desk.get(`/api/patients/${p.id}/portal`)).body;
    expect(account).toMatchObject({ status: 'active', email: address, invitation: { status: 'used' } });

    // Home: the PHQ-9 due before the first session, from the plan's measurement plan.
    const home = await patient.get('/api/portal/home');
    expect(home.status, JSON.stringify(home.body)).toBe(200);
    expect(home.body.due.map((d: { instrumentId: string }) => d.instrumentId)).toEqual(['phq9']);
    expect(home.body.due[0].dueKey).toBe('phq9:session:2026-12-01');
    expect(home.body.crisisLine).toEqual({ name: '988 Suicide & Crisis Lifeline', number: '988', source: 'jurisdiction' });
    const form = await patient.get('/api/portal/instruments/phq9');
    expect(form.body.items.filter((i: { scored: boolean }) => i.scored)).toHaveLength(9);

    // Invalid answers are refused with field paths; then item 9 = 1.
    const bad = await patient.post('/api/portal/questionnaires', { instrument: 'phq9', answers: { q1: 9 } });
    expect(bad.status).toBe(400);
    const sent = await patient.post('/api/portal/questionnaires', { instrument: 'phq9', answers: PHQ9(1), dueKey: 'phq9:session:2026-12-01' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({ showCrisisResources: true, clinicAlerted: true, crisisLine: { number: '988' }, due: [] });
    const again = await patient.post('/api/portal/questionnaires', { instrument: 'phq9', answers: PHQ9(0) });
    expect(again.status).toBe(409);

    const [filed] = await t.deps.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.patientId, p.id));
    expect(filed).toMatchObject({ instrument: 'phq9', total: 11, flagged: 1, source: 'portal', dueKey: 'phq9:session:2026-12-01', enteredBy: null });

    // The alert is with the first person on call: their bell and the clinic's open list.
    const open = (await as.prescriber.get('/api/risk-alerts')).body.alerts;
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ patientId: p.id, code: 'PHQ9_ITEM9_POSITIVE', mine: true, withUserId: users.prescriber.id, instrument: 'phq9' });
    expect(open[0].nextEscalationAt).toBe(new Date(START.getTime() + 15 * 60_000).toISOString());
    expect((await as.prescriber.get('/api/notices')).body.notices[0]).toMatchObject({ kind: 'risk_alert', link: `/patients/${p.id}/questionnaires` });
    expect((await as.front_desk.get('/api/risk-alerts')).status).toBe(403);

    // Nobody acknowledges: after 15 min (protocol default, unconfirmed) it moves to the second person; once.
    t.clock.advance(14 * 60_000);
    expect(await runRiskEscalation(t.deps)).toBe(0);
    t.clock.advance(60_000);
    expect(await runRiskEscalation(t.deps)).toBe(1);
    expect(await runRiskEscalation(t.deps)).toBe(0);
    const nurse2Agent = await signIn(t, nurse2);
    const mine = (await nurse2Agent.get('/api/risk-alerts')).body.alerts;
    expect(mine[0]).toMatchObject({ mine: true, withName: 'Second On-Call' });
    t.clock.advance(60 * 60_000);
    expect(await runRiskEscalation(t.deps)).toBe(0); // the list is exhausted; it stays with the last person
    const nurse2Again = await signIn(t, nurse2);

    // Acknowledgement needs the contact and the action; the chart shows the whole trail.
    expect((await nurse2Again.post(`/api/risk-alerts/${open[0].id}/acknowledge`, { contactMade: '', actionTaken: 'x' })).status).toBe(400);
    const ack = await nurse2Again.post(`/api/risk-alerts/${open[0].id}/acknowledge`, { contactMade: 'Phoned the patient at 09:20; spoke with them.', actionTaken: 'Safety plan reviewed; C-SSRS booked for today before any dose.' });
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    expect((await nurse2Again.post(`/api/risk-alerts/${open[0].id}/acknowledge`, { contactMade: 'again', actionTaken: 'again' })).status).toBe(409);
    const staff = { nurse: await signIn(t, users.nurse), prescriber: await signIn(t, users.prescriber) };
    const chart = (await staff.nurse.get(`/api/patients/${p.id}/risk-alerts`)).body.alerts[0];
    expect(chart).toMatchObject({ acknowledgedBy: 'Second On-Call', contactMade: 'Phoned the patient at 09:20; spoke with them.', nextEscalationAt: null });
    expect(chart.trail.map((e: { action: string }) => e.action)).toEqual(['risk_alert.raised', 'risk_alert.escalated', 'risk_alert.acknowledged']);
    expect((await staff.prescriber.get('/api/risk-alerts')).body.alerts).toHaveLength(0);

    // The chart's questionnaire tab shows the score, band and flag.
    const q = (await staff.nurse.get(`/api/patients/${p.id}/questionnaires`)).body;
    expect(q.responses[0]).toMatchObject({ instrumentId: 'phq9', total: 11, maxScore: 27, band: 'Moderate', source: 'portal' });
    expect(q.responses[0].flags.map((f: { code: string }) => f.code)).toEqual(['PHQ9_ITEM9_POSITIVE']);
    const progress = (await (await invitedPatient(t, await signIn(t, users.front_desk), p.id, address)).get('/api/portal/progress')).body;
    expect(progress.series[0]).toMatchObject({ instrumentId: 'phq9', points: [{ total: 11 }] });
  });

  it('staff enter a questionnaire on the patient’s behalf and a clinic tablet accepts only what is due', async () => {
    t.clock.set(START);
    const { as } = await clinicWithStaff(t);
    const p = await readyPatient(as, 'iv', '2026-12-01');
    const tablet = await as.front_desk.get(`/api/patients/${p.id}/tablet`);
    expect(tablet.body.due.map((d: { instrumentId: string }) => d.instrumentId)).toEqual(['phq9']);
    expect((await as.front_desk.post(`/api/patients/${p.id}/tablet/questionnaires`, { instrument: 'gad7', answers: { q1: 0 } })).status).toBe(409);
    const done = await as.front_desk.post(`/api/patients/${p.id}/tablet/questionnaires`, { instrument: 'phq9', answers: PHQ9(0) });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body).toEqual({ showCrisisResources: false, crisisLine: { name: '988 Suicide & Crisis Lifeline', number: '988', source: 'jurisdiction' }, due: [] });
    expect((await as.front_desk.post(`/api/patients/${p.id}/questionnaires`, { instrument: 'gad7', answers: { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1 } })).status).toBe(403);
    const entered = await as.nurse.post(`/api/patients/${p.id}/questionnaires`, { instrument: 'gad7', answers: { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1 } });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    expect(entered.body.response).toMatchObject({ instrumentId: 'gad7', total: 7, source: 'clinician' });
    const sources = (await as.nurse.get(`/api/patients/${p.id}/questionnaires`)).body.responses.map((r: { source: string }) => r.source);
    expect(sources.sort()).toEqual(['clinician', 'tablet']);
  });
});

describe('patient isolation', () => {
  it('a patient reaches only their own record: no staff endpoint, no other patient, no reused link', async () => {
    t.clock.set(START);
    const { as, users } = await clinicWithStaff(t);
    const mine = await registerPatient(as.front_desk, { legalFirstName: 'Ada' });
    const other = await registerPatient(as.front_desk, { legalFirstName: 'Bea' });
    const address = email();
    const patient = await invitedPatient(t, as.front_desk, mine.id, address);

    for (const url of [`/api/patients/${other.id}`, `/api/patients/${mine.id}`, `/api/patients/${mine.id}/questionnaires`, '/api/patients', '/api/risk-alerts', '/api/outbox', '/api/notices']) {
      const res = await patient.get(url);
      expect([401, 403], url).toContain(res.status);
    }
    // Even a forged staff cookie holding the patient's token is not a staff session.
    const forged = await patient.request('GET', `/api/patients/${other.id}`, undefined, `kp_session=${(patient.cookie ?? '').split('=')[1] ?? ''}`);
    expect(forged.status).toBe(401);
    const denied = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'access.forbidden'), eq(auditEvents.actorRole, 'patient')));
    expect(denied.length).toBeGreaterThan(0);

    // Portal answers carry only the signed-in patient; a body naming another patient changes nothing.
    const home = await patient.get('/api/portal/home');
    expect(home.body.firstName).toBe('Ada');
    const sneaky = await patient.post('/api/portal/questionnaires', { instrument: 'phq9', answers: PHQ9(0), patientId: other.id });
    expect(sneaky.status).toBe(409); // nothing is due for Ada (no plan), and Bea is never reachable
    expect(await t.deps.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.patientId, other.id))).toHaveLength(0);

    // CSRF: a state change without the session's token is refused.
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/portal/logout', headers: { cookie: patient.cookie ?? '', 'x-ketapath-csrf': 'wrong' } });
    expect(noCsrf.statusCode).toBe(403);

    // The invitation link works once.
    const token = await linkFromOutbox(t, address);
    expect((await new PortalAgent(t).get(`/api/portal/links/${token}`)).status).toBe(410);

    // A sign-in link: same answer for unknown addresses; one-time; expires after 15 minutes.
    const unknown = await new PortalAgent(t).post('/api/portal/sign-in-link', { email: 'nobody@example.test' });
    expect(unknown.status).toBe(202);
    expect((await new PortalAgent(t).post('/api/portal/sign-in-link', { email: address })).status).toBe(202);
    const signIn1 = await linkFromOutbox(t, address);
    t.clock.advance(16 * 60_000);
    expect((await new PortalAgent(t).post(`/api/portal/links/${signIn1}/accept`, {})).status).toBe(410);
    await new PortalAgent(t).post('/api/portal/sign-in-link', { email: address });
    const signIn2 = await linkFromOutbox(t, address);
    const fresh = new PortalAgent(t);
    expect((await fresh.post(`/api/portal/links/${signIn2}/accept`, {})).status).toBe(201);
    expect((await fresh.get('/api/portal/home')).status).toBe(200);

    // Shorter idle timeout than staff: 10 minutes by default.
    t.clock.advance(11 * 60_000);
    const idle = await fresh.get('/api/portal/home');
    expect(idle.status).toBe(401);
    expect(idle.body.code).toBe('SESSION_EXPIRED');

    // Revoking portal access signs the patient out everywhere.
    const pw = new PortalAgent(t);
    expect((await pw.post('/api/portal/login', { email: address, password: 'Quiet-River-Morning-42' })).status).toBe(200);
    expect((await (await signIn(t, users.front_desk)).post(`/api/patients/${mine.id}/portal/revoke`)).body.status).toBe('disabled');
    expect((await pw.get('/api/portal/home')).status).toBe(401);
    expect((await new PortalAgent(t).post('/api/portal/login', { email: address, password: 'Quiet-River-Morning-42' })).status).toBe(401);
  });

  it('staff of another clinic cannot invite or read a patient’s portal account or alerts (404, audited)', async () => {
    const a = await clinicWithStaff(t);
    const b = await clinicWithStaff(t);
    const p = await registerPatient(a.as.front_desk);
    expect((await b.as.front_desk.post(`/api/patients/${p.id}/portal/invitations`, { email: email() })).status).toBe(404);
    expect((await b.as.nurse.get(`/api/patients/${p.id}/risk-alerts`)).status).toBe(404);
    expect((await b.as.nurse.get(`/api/patients/${p.id}/questionnaires`)).status).toBe(404);
  });
});

describe('reminders', () => {
  it('queues one reminder per due slot for patients with an active portal account', async () => {
    t.clock.set(START);
    const { as } = await clinicWithStaff(t);
    const p = await readyPatient(as, 'iv', '2026-12-01');
    const address = email();
    await invitedPatient(t, as.front_desk, p.id, address);
    await queueReminders(t.deps);
    await queueReminders(t.deps);
    const msgs = await t.deps.db.select().from(outboxMessages).where(and(eq(outboxMessages.toAddress, address), eq(outboxMessages.kind, 'questionnaire_reminder')));
    expect(msgs).toHaveLength(1);
    expect(msgs[0]?.dedupeKey).toBe(`reminder:${p.id}:phq9:session:2026-12-01`);
    expect(msgs[0]?.body).toContain('PHQ-9');
    expect(await t.deps.db.select().from(staffNotices).where(eq(staffNotices.kind, 'nothing'))).toHaveLength(0);
    expect(riskAlerts).toBeDefined();
  });
});
