import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, csLedgerEntries, patientDoseSpans, patientOutcomeSummaries, sessionAlerts, treatmentSessions, vitalReadings } from '../../src/db/schema';
import { runEscalation } from '../../src/modules/treatment';
import type { Agent } from '../agent';
import { clinicWithStaff, TEST_PASSWORD } from '../factories';
import { sseReader } from '../sse';
import { createTestApp, TestClock, type TestApp } from '../harness';
import { receive, stockedClinic } from '../ledger-fixtures';
import { chairPhq9, checkedIn as checkedInAt, goodAnswers, readingAt, type As } from '../session-fixtures';

let t: TestApp;
// Mon 30 Nov 2026, 09:00 in New York.
const START = new Date('2026-11-30T14:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock: new TestClock(START) });
});
afterAll(async () => {
  await t.close();
});

const at = (min: number): string => new Date(START.getTime() + min * 60_000).toISOString();
const reading = (min: number, v: Record<string, number>) => readingAt(START, min, v);

/** Move the clock to `min` minutes after the start in 10-minute steps, with every user's tab keeping its session alive. */
async function tick(as: As, min: number): Promise<void> {
  let now = (t.clock.now().getTime() - START.getTime()) / 60_000;
  while (now < min) {
    now = Math.min(min, now + 10);
    t.clock.set(new Date(START.getTime() + now * 60_000));
    for (const agent of Object.values(as)) {
      await agent.post('/api/auth/keepalive');
    }
  }
}

const checkedIn = (as: As, route: string, patient: Record<string, unknown> = {}) => checkedInAt(as, route, START, patient);
const GOOD_ANSWERS = goodAnswers(START);
const phq9 = (nurse: Agent, sessionId: string) => chairPhq9(nurse, sessionId, START);

describe('treatment session (IV)', () => {
  it('runs from check-in to a signed note, with a hypertensive reading raising an alert that is acknowledged', async () => {
    t.clock.set(START);
    const { as, users } = await clinicWithStaff(t);
    const { sessionId, patientId } = await checkedIn(as, 'iv');
    let s = (await as.nurse.get(`/api/sessions/${sessionId}`)).body;
    expect(s.state).toBe('checked_in');
    expect(s.allowedNext).toEqual(['predose_passed', 'cancelled', 'stopped_early']);
    expect(s.predose.outcome).toBe('blocked');
    expect(s.predose.items.find((i: { id: string }) => i.id === 'blood_pressure').needs).toBe('stop');

    // Pre-dose reading from the tablet, then the questionnaire; the checklist clears.
    const pre = await as.nurse.post(`/api/sessions/${sessionId}/vitals`, { readings: [reading(-4, { systolic: 128, diastolic: 82, heartRate: 72, spo2: 98 })] });
    expect(pre.status, JSON.stringify(pre.body)).toBe(200);
    expect(pre.body.readings[0]).toMatchObject({ duplicate: false, worst: null });
    await phq9(as.nurse, sessionId);
    const saved = await as.nurse.request('PUT', `/api/sessions/${sessionId}/predose`, GOOD_ANSWERS);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.predose.outcome).toBe('no_blocking_findings');

    const dosingTooEarly = await as.nurse.post(`/api/sessions/${sessionId}/dose/start`, { administration: { lot: 'K123', expiry: '2027-06-30' } });
    expect(dosingTooEarly.status, JSON.stringify(dosingTooEarly.body)).toBe(409);
    const passed = await as.nurse.post(`/api/sessions/${sessionId}/predose/pass`, GOOD_ANSWERS);
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    expect(passed.body.state).toBe('predose_passed');

    // The nurse may not change the planned dose; the planned dose is recomputed from today's weight.
    const changed = await as.nurse.post(`/api/sessions/${sessionId}/dose/start`, { dose: { mgPerKg: 0.6 }, changeReason: 'Titration after review', administration: { lot: 'K123', expiry: '2027-06-30' } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(403);
    expect((await as.prescriber.get('/api/outcomes/dashboard')).body.patients.inCohort).toBe(0); // builds the clinic's outcome summaries
    const started = await as.nurse.post(`/api/sessions/${sessionId}/dose/start`, { administration: { lot: 'K123', expiry: '2027-06-30' } });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    s = started.body;
    expect(s.state).toBe('dosing');
    // The first dose puts the patient in the outcome summaries at once, with the questionnaire before it as baseline.
    const summary = await t.deps.db.select().from(patientOutcomeSummaries).where(and(eq(patientOutcomeSummaries.patientId, patientId), eq(patientOutcomeSummaries.instrument, 'phq9')));
    expect(summary).toMatchObject([{ route: 'iv', baseline: 3, latest: null }]);
    const dashboard = (await as.prescriber.get('/api/outcomes/dashboard')).body;
    expect(dashboard.patients).toMatchObject({ inCohort: 1, withBaseline: 1 });
    expect(dashboard.safety).toMatchObject({ sessions: 1, patients: 1 }); // and in the dose spans the patients treated are counted from
    expect(await t.deps.db.select({ route: patientDoseSpans.route }).from(patientDoseSpans).where(eq(patientDoseSpans.patientId, patientId))).toEqual([{ route: 'iv' }]);
    const chart = (await as.nurse.get(`/api/patients/${patientId}/questionnaires`)).body;
    expect(chart.responses).toEqual([expect.objectContaining({ instrumentId: 'phq9', source: 'session', total: 3 })]);
    expect(s.dose.weightKg).toBe(72);
    expect(s.dose.doseMg).toBe(36);
    expect(s.dose.working.join(' ')).toContain('72');
    expect(s.administrations[0]).toMatchObject({ lot: 'K123', doseMg: 36, concentrationMgPerMl: 10 });
    expect(s.schedule.items.length).toBeGreaterThan(3);

    // A monitor posts through its device token; a retry of the same batch stores nothing twice.
    const dev = await as.admin.post('/api/devices', { name: 'Chair monitor 1' });
    expect(dev.status, JSON.stringify(dev.body)).toBe(201);
    expect(dev.body.token).toMatch(/^kpd_/);
    const batch = { readings: [reading(5, { systolic: 150, diastolic: 90, heartRate: 80, spo2: 97 }), reading(10, { systolic: 192, diastolic: 104, heartRate: 88, spo2: 97 })] };
    await tick(as, 11);
    const post = (body: unknown) => t.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/vitals`, headers: { authorization: `Bearer ${dev.body.token}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const first = await post(batch);
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.readings.map((r: { duplicate: boolean }) => r.duplicate)).toEqual([false, false]);
    expect(body.alerts.map((a: { code: string }) => a.code)).toEqual(expect.arrayContaining(['VITALS_BP_HYPERTENSIVE_URGENCY']));
    const retry = await post(batch);
    expect(retry.json().readings.map((r: { duplicate: boolean }) => r.duplicate)).toEqual([true, true]);
    expect(retry.json().alerts).toEqual([]);
    expect(await t.deps.db.select().from(vitalReadings).where(eq(vitalReadings.sessionId, sessionId))).toHaveLength(3);
    expect((await t.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/vitals`, headers: { authorization: 'Bearer kpd_nope', 'content-type': 'application/json' }, payload: JSON.stringify(batch) })).statusCode).toBe(401);

    // The board shows the tile with the open alert; nobody acknowledges, so it escalates.
    const board = (await as.front_desk.get('/api/board')).body;
    const tile = board.tiles.find((x: { sessionId: string }) => x.sessionId === sessionId);
    expect(tile.latest).toMatchObject({ systolic: 192, diastolic: 104 });
    expect(tile.alerts.length).toBeGreaterThan(0);
    expect(tile.initials).toBe('JR');
    await tick(as, 16);
    expect(await runEscalation(t.deps)).toBeGreaterThan(0);
    const alerts = await t.deps.db.select().from(sessionAlerts).where(eq(sessionAlerts.sessionId, sessionId));
    expect(alerts.every((a) => a.escalationLevel === 2)).toBe(true);
    const notices = (await as.prescriber.get('/api/notices')).body;
    expect(notices.unread).toBeGreaterThan(0);
    expect(notices.notices[0].link).toBe(`/sessions/${sessionId}`);
    expect(await runEscalation(t.deps)).toBe(0);

    for (const a of alerts) {
      const ack = await as.nurse.post(`/api/alerts/${a.id}/acknowledge`, { note: 'Infusion paused, BP rechecked' });
      expect(ack.status, JSON.stringify(ack.body)).toBe(200);
      expect(ack.body.acknowledged.by).toBe(users.nurse.name);
    }
    expect((await as.nurse.post(`/api/alerts/${alerts[0]?.id}/acknowledge`, {})).status).toBe(409);
    expect((await as.prescriber.get('/api/notices')).body.unread).toBe(0);

    // Infusion ends at 40 min; observations; discharge refused until ready.
    await tick(as, 40);
    s = (await as.nurse.post(`/api/sessions/${sessionId}/dose/stop`, {})).body;
    expect(s.state).toBe('monitoring');
    await as.nurse.post(`/api/sessions/${sessionId}/vitals`, { readings: [reading(40, { systolic: 140, diastolic: 85, heartRate: 76, spo2: 98 })] });
    await as.nurse.post(`/api/sessions/${sessionId}/assessments`, { instrument: 'moaas', answers: { score: 5 }, takenAt: at(40) });
    const early = await as.nurse.post(`/api/sessions/${sessionId}/discharge`, { escortPresent: true, instructionsGiven: true, clinicianConfirmedStable: true, respiratoryDepressionResolved: true, dissociationResolved: true });
    expect(early.status, JSON.stringify(early.body)).toBe(422);
    expect(early.body.findings.map((f: { code: string }) => f.code)).toContain('DISCHARGE_SCORE_MISSING');

    await tick(as, 130);
    await as.nurse.post(`/api/sessions/${sessionId}/vitals`, { readings: [reading(129, { systolic: 126, diastolic: 80, heartRate: 70, spo2: 98 })] });
    await as.nurse.post(`/api/sessions/${sessionId}/assessments`, { instrument: 'padss', answers: { vital_signs: 2, activity_mental_status: 2, pain_nausea_vomiting: 2, surgical_bleeding: 2, intake_output: 2 }, takenAt: at(129) });
    const answers = { escortPresent: true, instructionsGiven: true, clinicianConfirmedStable: true, respiratoryDepressionResolved: true, dissociationResolved: true };
    const check = await as.nurse.request('PUT', `/api/sessions/${sessionId}/discharge`, answers);
    expect(check.body.discharge.reasons).toEqual([]);
    expect(check.body.state).toBe('ready_for_discharge');
    const discharged = await as.nurse.post(`/api/sessions/${sessionId}/discharge`, answers);
    expect(discharged.status, JSON.stringify(discharged.body)).toBe(200);
    expect(discharged.body.state).toBe('discharged');
    expect(discharged.body.note.sections.map((x: { title: string }) => x.title)).toContain('Alerts');

    // Sign with re-authentication; the record is locked; corrections are amendments.
    expect((await as.nurse.post(`/api/sessions/${sessionId}/sign`, { password: TEST_PASSWORD })).status).toBe(403);
    expect((await as.prescriber.post(`/api/sessions/${sessionId}/sign`, { password: 'wrong' })).status).toBe(401);
    const signed = await as.prescriber.post(`/api/sessions/${sessionId}/sign`, { password: TEST_PASSWORD });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.state).toBe('signed');
    expect(signed.body.signed.signature).toBe('password');
    expect((await as.nurse.post(`/api/sessions/${sessionId}/vitals`, { readings: [reading(131, { heartRate: 70 })] })).status).toBe(409);
    await expect(t.deps.db.update(treatmentSessions).set({ stateReason: 'tamper' }).where(eq(treatmentSessions.id, sessionId))).rejects.toThrow();
    const amended = await as.nurse.post(`/api/sessions/${sessionId}/amendments`, { reason: 'Lot number mistyped', changes: [{ field: 'Lot number', before: 'K123', after: 'K132' }], password: TEST_PASSWORD });
    expect(amended.status, JSON.stringify(amended.body)).toBe(200);
    expect(amended.body.amendments[0]).toMatchObject({ reason: 'Lot number mistyped', changes: [{ field: 'Lot number', before: 'K123', after: 'K132' }] });
    expect(amended.body.note.sections[0].lines.join(' ')).toContain('session 1');

    const actions = (await t.deps.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.resourceId, sessionId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['session.opened', 'session.state_changed', 'vitals.recorded', 'session.signed']));
    const instructions = (await as.nurse.get(`/api/sessions/${sessionId}/discharge-instructions`)).body;
    expect(instructions.sections[0].lines[0]).toMatch(/Do not drive/);
  });

  it('walks only the allowed steps: cancelling needs a reason; a closed session goes nowhere', async () => {
    t.clock.set(START);
    const { as } = await clinicWithStaff(t);
    const { sessionId } = await checkedIn(as, 'iv');
    const noReason = await as.nurse.post(`/api/sessions/${sessionId}/state`, { to: 'cancelled' });
    expect(noReason.status, JSON.stringify(noReason.body)).toBe(422);
    expect(noReason.body.findings[0].code).toBe('SESSION_REASON_REQUIRED');
    expect((await as.nurse.post(`/api/sessions/${sessionId}/state`, { to: 'monitoring' })).body.findings[0].code).toBe('SESSION_TRANSITION_NOT_ALLOWED');
    const cancelled = await as.nurse.post(`/api/sessions/${sessionId}/state`, { to: 'cancelled', reason: 'Patient felt unwell on arrival' });
    expect(cancelled.body.state).toBe('cancelled');
    expect(cancelled.body.allowedNext).toEqual([]);
    expect((await as.nurse.post(`/api/sessions/${sessionId}/state`, { to: 'stopped_early', reason: 'x y z' })).status).toBe(422);
    expect((await as.nurse.post(`/api/sessions/${sessionId}/vitals`, { readings: [reading(1, { heartRate: 70 })] })).status).toBe(409);
  });

  it('overrides at pre-dose need a reason and a prescriber confirming on the tablet', async () => {
    t.clock.set(START);
    const { as, users } = await clinicWithStaff(t);
    const { sessionId } = await checkedIn(as, 'iv');
    await as.nurse.post(`/api/sessions/${sessionId}/vitals`, { readings: [reading(-4, { systolic: 130, diastolic: 80, heartRate: 70, spo2: 98 })] });
    await phq9(as.nurse, sessionId);
    const noEscort = { ...GOOD_ANSWERS, escortConfirmed: false };
    const refused = await as.nurse.post(`/api/sessions/${sessionId}/predose/pass`, noEscort);
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(refused.body.errors[0].code).toBe('ESCORT_NOT_CONFIRMED');
    const withReason = { ...noEscort, overrides: [{ code: 'ESCORT_NOT_CONFIRMED', field: 'escortConfirmed', reason: 'Escort arriving at 11:00, confirmed by phone' }] };
    const needsCosign = await as.nurse.post(`/api/sessions/${sessionId}/predose/pass`, withReason);
    expect(needsCosign.body.errors[0].path).toBe('body.cosign');
    const nurseCosign = await as.nurse.post(`/api/sessions/${sessionId}/predose/pass`, { ...withReason, cosign: { email: users.nurse.email, password: TEST_PASSWORD } });
    expect(nurseCosign.status, JSON.stringify(nurseCosign.body)).toBe(400);
    const ok = await as.nurse.post(`/api/sessions/${sessionId}/predose/pass`, { ...withReason, cosign: { email: users.prescriber.email, password: TEST_PASSWORD } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.predose.cosignedBy).toBe(users.prescriber.name);
    expect(ok.body.predose.overrides[0].reason).toContain('Escort arriving');
  });
});

describe('treatment session and the controlled-drug register', () => {
  it('requires the vial when the register is kept in Ketapath, and writes the dose to it in the same step', async () => {
    t.clock.set(START);
    const stocked = await stockedClinic(t);
    const as = stocked.clinic.as;
    const [vial] = await receive(t, as.nurse, stocked, stocked.ketamine);
    const { sessionId } = await checkedIn(as, 'iv');
    await as.nurse.post(`/api/sessions/${sessionId}/vitals`, { readings: [reading(-4, { systolic: 128, diastolic: 82, heartRate: 72, spo2: 98 })] });
    await phq9(as.nurse, sessionId);
    expect((await as.nurse.post(`/api/sessions/${sessionId}/predose/pass`, GOOD_ANSWERS)).status).toBe(200);
    const noVial = await as.nurse.post(`/api/sessions/${sessionId}/dose/start`, { administration: { lot: 'K1', expiry: '2027-01-01' } });
    expect(noVial.status).toBe(400);
    expect(noVial.body.errors[0].path).toBe('body.administration.containerId');
    const started = await as.nurse.post(`/api/sessions/${sessionId}/dose/start`, { administration: { containerId: vial } });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.administrations[0]).toMatchObject({ containerId: vial, concentrationMgPerMl: 50, lot: 'LOT-A1', doseMg: 35, volumeMl: 0.7 }); // 0.5 mg/kg × 72 kg, drawn as a measurable volume of 50 mg/mL stock
    expect(started.body.dose.working.join(' ')).toContain('50');
    const [entry] = await t.deps.db.select().from(csLedgerEntries).where(eq(csLedgerEntries.sessionId, sessionId));
    expect(entry).toMatchObject({ kind: 'administration', administrationId: started.body.administrations[0].id, deltaUg: -35_000 });
  });
});

describe('treatment session (esketamine)', () => {
  it('gives three devices five minutes apart and fills the REMS Patient Monitoring Form', async () => {
    t.clock.set(START);
    const { as } = await clinicWithStaff(t);
    await as.admin.patch('/api/clinic', { remsCertifiedOn: '2026-01-15' });
    const { sessionId } = await checkedIn(as, 'esketamine_nasal', { remsEnrolledAt: '2026-11-01', remsPatientId: 'R-1' });
    await as.nurse.post(`/api/sessions/${sessionId}/vitals`, { readings: [reading(-5, { systolic: 124, diastolic: 78, heartRate: 70, spo2: 98 })] });
    await phq9(as.nurse, sessionId);
    expect((await as.nurse.post(`/api/sessions/${sessionId}/predose/pass`, GOOD_ANSWERS)).status).toBe(200);
    const eightyFour = await as.prescriber.post(`/api/sessions/${sessionId}/dose/start`, { dose: { doseMg: 84 }, changeReason: 'Prescriber review', administration: { lot: 'SPR-1', expiry: '2027-03-31' } });
    expect(eightyFour.status, JSON.stringify(eightyFour.body)).toBe(400);
    expect(eightyFour.body.errors[0].code).toBe('ESK_FIRST_DOSE_ABOVE_START');
    let s = (await as.nurse.post(`/api/sessions/${sessionId}/dose/start`, { administration: { lot: 'SPR-1', expiry: '2027-03-31' } })).body;
    expect(s.esketamine).toMatchObject({ devicesPlanned: 2, devicesGiven: 1, spacingMinutes: 5 });
    await tick(as, 3);
    const tooSoon = await as.nurse.post(`/api/sessions/${sessionId}/devices`, {});
    expect(tooSoon.status, JSON.stringify(tooSoon.body)).toBe(422);
    expect(tooSoon.body.findings[0].code).toBe('ESK_DEVICE_SPACING_SHORT');
    await tick(as, 5);
    s = (await as.nurse.post(`/api/sessions/${sessionId}/devices`, {})).body;
    expect(s.state).toBe('monitoring');
    expect(s.administrations.map((a: { deviceNumber: number }) => a.deviceNumber)).toEqual([1, 2]);
    await tick(as, 41);
    await as.nurse.post(`/api/sessions/${sessionId}/vitals`, { readings: [reading(40, { systolic: 138, diastolic: 86, heartRate: 75, spo2: 97 })] });
    await as.nurse.post(`/api/sessions/${sessionId}/assessments`, { instrument: 'moaas', answers: { score: 4 }, takenAt: at(40) });
    await tick(as, 121);
    await as.nurse.post(`/api/sessions/${sessionId}/vitals`, { readings: [reading(119, { systolic: 126, diastolic: 80, heartRate: 70, spo2: 98 })] });
    await as.nurse.post(`/api/sessions/${sessionId}/assessments`, { instrument: 'moaas', answers: { score: 5 }, takenAt: at(119) });
    await as.nurse.post(`/api/sessions/${sessionId}/assessments`, { instrument: 'padss', answers: { vital_signs: 2, activity_mental_status: 2, pain_nausea_vomiting: 2, surgical_bleeding: 2, intake_output: 2 }, takenAt: at(120) });
    const answers = { escortPresent: true, instructionsGiven: true, clinicianConfirmedStable: true, respiratoryDepressionResolved: true, dissociationResolved: true, readyToLeaveMinutes: 75 };
    const d = await as.nurse.post(`/api/sessions/${sessionId}/discharge`, answers);
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    const rems = d.body.rems;
    const field = (id: string) => rems.fields.find((f: { id: string }) => f.id === id)?.value;
    expect(field('dose')).toBe('56 mg');
    expect(field('lot')).toBe('SPR-1');
    expect(field('duration')).toBe('121');
    expect(field('bpPredose')).toContain('124/78');
    expect(field('bpPostDose')).toContain('138/86');
    expect(field('bpBeforeEnd')).toContain('126/80');
    expect(field('sedation')).toBe('Yes');
    expect(field('firstTreatment')).toBe('Yes');
    // The clinic has not entered its phone and address (public page settings): the form says what is missing.
    expect(rems.complete).toBe(false);
    expect(rems.fields.filter((f: { required: boolean; value: unknown }) => f.required && f.value === null).map((f: { id: string }) => f.id)).toEqual(['hcpPhone', 'settingAddress']);
    expect(rems.findings.map((f: { code: string }) => f.code)).toEqual(['REMS_PMF_FIELD_MISSING']);
    const due = (await as.nurse.get('/api/rems/monitoring-forms')).body;
    expect(due.forms.find((f: { sessionId: string }) => f.sessionId === sessionId)).toMatchObject({ status: 'pending', deadline: '2026-12-07', daysLeft: 7, sessionState: 'discharged' });
    const pdf = await as.nurse.get(`/api/sessions/${sessionId}/rems-form.pdf`);
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(200);
    expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const sub = await as.nurse.post(`/api/sessions/${sessionId}/rems-form/submission`, { submittedOn: '2026-11-30', method: 'online', confirmationNumber: 'PMF-778812' });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    expect(sub.body.rems.submission).toMatchObject({ confirmationNumber: 'PMF-778812' });
    expect((await as.nurse.get('/api/rems/monitoring-forms?status=submitted')).body.forms.find((f: { sessionId: string }) => f.sessionId === sessionId).confirmationNumber).toBe('PMF-778812');
  });
});

describe('monitoring board stream', () => {
  it('streams a snapshot, then each new reading and its alert, over real HTTP (Server-Sent Events)', async () => {
    t.clock.set(START);
    const { as } = await clinicWithStaff(t);
    const { sessionId } = await checkedIn(as, 'iv');
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const abort = new AbortController();
    try {
      const res = await fetch(`${address}/api/board/stream`, { headers: { cookie: as.front_desk.cookie ?? '' }, signal: abort.signal });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const { next } = sseReader(res);
      const snap = await next('snapshot');
      expect((snap.tiles as { sessionId: string }[]).map((x) => x.sessionId)).toContain(sessionId);
      await as.nurse.post(`/api/sessions/${sessionId}/vitals`, { readings: [reading(-1, { systolic: 185, diastolic: 95, heartRate: 90, spo2: 97 })] });
      const ev = await next('vitals');
      expect(ev.s).toBe(sessionId);
      expect((ev.readings as { systolic: number }[])[0]?.systolic).toBe(185);
      expect((ev.alerts as { code: string }[]).length).toBeGreaterThan(0);
    } finally {
      abort.abort();
      await t.app.close().catch(() => undefined);
    }
  });
});
