import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicWithStaff, createStaff } from '../factories';
import { createTestApp, type TestApp } from '../harness';
import { d, fixedCohort as cohortIn } from '../outcome-cohort';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const fixedCohort = () => cohortIn(t);

const PERIOD = 'from=2026-01-01&to=2026-06-30';

describe('clinic outcome dashboard', () => {
  it('matches hand-computed rates, intervals, survival curves and safety figures for a fixed cohort', async () => {
    const { as } = await fixedCohort();
    const res = await as.prescriber.get(`/api/outcomes/dashboard?${PERIOD}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const b = res.body;
    expect(b.patients).toEqual({ inCohort: 6, withBaseline: 5, withFollowUp: 4 });
    // 2 of 4 respond (P1, P4) and 2 of 4 remit (P1, P4); Wilson 95 % for 2/4 = [0.1500, 0.8500].
    expect(b.rates.overall.response).toMatchObject({ successes: 2, n: 4, proportion: 0.5 });
    expect(b.rates.overall.response.lower).toBeCloseTo(0.15, 3);
    expect(b.rates.overall.response.upper).toBeCloseTo(0.85, 3);
    expect(b.rates.overall.remission).toMatchObject({ successes: 2, n: 4 });
    const byRoute = Object.fromEntries(b.rates.byRoute.map((g: { key: string; patients: number; response: { successes: number } }) => [g.key, [g.patients, g.response.successes]]));
    expect(byRoute).toEqual({ iv: [2, 1], esketamine_nasal: [2, 1] });
    expect(b.rates.byProtocol.map((g: { label: string }) => g.label)).toEqual(['Esketamine nasal spray for treatment-resistant depression', 'IV racemic ketamine for treatment-resistant depression']);
    // Time to response: events at days 10, 14, 28; P2 censored at day 35 (first dose 6 Jan) → S = 0.75, 0.5, 0.25; median 14.
    expect(b.timeToResponse.steps.map((s: { time: number; events: number; censored: number }) => [s.time, s.events, s.censored])).toEqual([[10, 1, 0], [14, 1, 0], [28, 1, 0], [35, 0, 1]]);
    expect(b.timeToResponse.steps.map((s: { survival: number }) => s.survival)).toEqual([0.75, 0.5, 0.25, 0.25]);
    expect(b.timeToResponse.medianDays).toBe(14);
    // Relapse: P4 censored day 0, P1 censored day 13, P3 relapses day 17.
    expect(b.relapse.steps.map((s: { time: number; events: number; censored: number; survival: number }) => [s.time, s.events, s.censored, s.survival])).toEqual([[0, 0, 1, 1], [13, 0, 1, 1], [17, 1, 0, 0]]);
    expect(b.relapse).toMatchObject({ patients: 3, events: 1, medianDays: 17, instrument: 'MADRS' });
    // Safety: 9 dosed sessions in the period (7 IV, 2 esketamine); 3 adverse events (2 nausea); BP alerts in 2 sessions.
    expect(b.safety.sessions).toBe(9);
    expect(b.safety.patients).toBe(6);
    expect(b.safety.adverseEvents.any).toMatchObject({ events: 3, sessions: 9 });
    expect(b.safety.adverseEvents.any.rate).toBeCloseTo(33.333, 2);
    expect(b.safety.adverseEvents.byTerm[0]).toMatchObject({ term: 'nausea', label: 'Nausea' });
    expect(b.safety.adverseEvents.byTerm[0].rate.rate).toBeCloseTo(22.222, 2);
    expect(b.safety.adverseEvents.sessionsWithEvent).toMatchObject({ successes: 2, n: 9 });
    expect(b.safety.bloodPressure.any).toMatchObject({ successes: 2, n: 9 });
    expect(b.safety.bloodPressure.byCode.find((x: { code: string }) => x.code === 'VITALS_BP_ABOVE_PAUSE_LIMIT').rate.successes).toBe(1);
    expect(b.safety.weeks.reduce((s: number, w: { sessions: number }) => s + w.sessions, 0)).toBe(9);
    expect(b.safety.weeks).toEqual([{ weekStart: '2026-01-05', sessions: 8 }, { weekStart: '2026-01-12', sessions: 1 }]);
  });

  it('filters by route and prescriber, exports CSV, and is only for clinical staff of the clinic', async () => {
    const { clinic, users, as } = await fixedCohort();
    const esk = await as.nurse.get(`/api/outcomes/dashboard?${PERIOD}&route=esketamine_nasal`);
    expect(esk.body.patients.inCohort).toBe(2);
    expect(esk.body.safety.sessions).toBe(2);
    const mine = await as.admin.get(`/api/outcomes/dashboard?${PERIOD}&prescriberId=${users.prescriber.id}`);
    expect(mine.body.patients.inCohort).toBe(6);
    // Every session's plan is this prescriber's: the one-pass count with plans gives the index counts' figures.
    expect(mine.body.safety).toEqual((await as.admin.get(`/api/outcomes/dashboard?${PERIOD}`)).body.safety);
    const other = await createStaff(t, clinic, 'prescriber');
    const theirs = await as.admin.get(`/api/outcomes/dashboard?${PERIOD}&prescriberId=${other.id}`);
    expect(theirs.body.patients.inCohort).toBe(0);
    expect(theirs.body.rates.overall.response).toBeNull();
    const csv = await as.prescriber.get(`/api/outcomes/dashboard.csv?${PERIOD}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('overall,All patients,response rate,50.0,2,4,15.0,85.0,%');
    expect(csv.body).toContain('adverse events,Nausea,per 100 sessions,22.22,2,9');
    expect((await as.front_desk.get(`/api/outcomes/dashboard?${PERIOD}`)).status).toBe(403);
    const stranger = await clinicWithStaff(t);
    const foreign = await stranger.as.prescriber.get(`/api/outcomes/dashboard?${PERIOD}`);
    expect(foreign.body.patients.inCohort).toBe(0);
    expect((await stranger.as.prescriber.get(`/api/outcomes/dashboard?${PERIOD}&prescriberId=${users.prescriber.id}`)).status).toBe(400);
    expect((await as.prescriber.get('/api/outcomes/dashboard?from=2026-03-01&to=2026-01-01')).status).toBe(400);
  });
});

describe('patient outcome chart', () => {
  it('gives each instrument’s series with baseline, lines and status from the clinical core, audited; 404 across clinics', async () => {
    const { as, p1, p3 } = await fixedCohort();
    const r1 = await as.nurse.get(`/api/patients/${p1.id}/outcomes`);
    expect(r1.status).toBe(200);
    const phq = r1.body.series.find((s: { id: string }) => s.id === 'phq9');
    expect(phq).toMatchObject({ name: 'PHQ-9', scoreMax: 27, baseline: { total: 20 }, responseLine: 10, remissionLine: { score: 5, comparison: 'below' }, timeToResponseDays: 14, relapse: null });
    expect(phq.status).toMatchObject({ current: 4, percentChange: -80, category: 'remission' });
    expect(r1.body.sessions).toHaveLength(3);
    expect(r1.body.doses).toHaveLength(3);
    expect(r1.body.firstDoseAt).toBe(d('2026-01-05'));
    const r3 = await as.prescriber.get(`/api/patients/${p3.id}/outcomes`);
    expect(r3.body.series.map((s: { id: string }) => s.id)).toEqual(['phq9', 'madrs']);
    expect(r3.body.series[0].relapse.at).toBe(d('2026-02-01'));
    expect(r3.body.series[0].status.category).toBe('partial_response');
    expect((await as.front_desk.get(`/api/patients/${p1.id}/outcomes`)).status).toBe(403);
    const stranger = await clinicWithStaff(t);
    expect((await stranger.as.prescriber.get(`/api/patients/${p1.id}/outcomes`)).status).toBe(404);
    const audit = await as.admin.get(`/api/audit?patientId=${p1.id}`);
    expect(JSON.stringify(audit.body)).toContain('outcomes');
  });
});

