import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomeSummaryState, patientOutcomeSummaries } from '../../src/db/schema';
import { invalidateOutcomeSummaries } from '../../src/modules/outcomes/summaries';
import { createTestApp, type TestApp } from '../harness';
import { fixedCohort } from '../outcome-cohort';
import { scores } from '../outcome-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** The fixed cohort's data all lies before July 2026: a period ending then is computed from every score (live), one ending today from the summaries. */
const LIVE = 'from=2026-01-01&to=2026-06-30';
const SUMMARY = 'from=2026-01-01';

type Body = Record<string, unknown> & { patients: unknown; rates: { overall: { response: { successes: number; n: number } | null; remission: unknown } }; timeToResponse: unknown; relapse: unknown };
const outcomeParts = (b: Body) => ({ patients: b.patients, rates: b.rates, timeToResponse: b.timeToResponse, relapse: b.relapse });

const state = async (clinicId: string) => (await t.deps.db.select().from(outcomeSummaryState).where(eq(outcomeSummaryState.clinicId, clinicId)))[0];

/** PHQ-9 answers totalling 8. */
const PHQ9_8 = { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, q8: 1, q9: 0 };

describe('outcome summaries', () => {
  it('give the dashboard exactly the figures the live query computes from every score', async () => {
    const { clinic, as } = await fixedCohort(t);
    expect(await state(clinic.id)).toBeUndefined();
    const live = await as.prescriber.get(`/api/outcomes/dashboard?${LIVE}`);
    expect(live.status).toBe(200);
    expect(await state(clinic.id)).toBeDefined(); // any period counts its patients from the dose spans
    const fast = await as.prescriber.get(`/api/outcomes/dashboard?${SUMMARY}`);
    expect(fast.status).toBe(200);
    expect(await state(clinic.id)).toBeDefined();
    // Seven treated patients (P6 was dosed before the period) × three outcome instruments.
    expect(await t.deps.db.select().from(patientOutcomeSummaries).where(eq(patientOutcomeSummaries.clinicId, clinic.id))).toHaveLength(21);
    expect(outcomeParts(fast.body)).toEqual(outcomeParts(live.body));
    expect(fast.body.patients).toEqual({ inCohort: 6, withBaseline: 5, withFollowUp: 4 });
    for (const q of ['&route=esketamine_nasal', '&route=iv', '&instrument=madrs']) {
      const [a, b] = [await as.prescriber.get(`/api/outcomes/dashboard?${LIVE}${q}`), await as.prescriber.get(`/api/outcomes/dashboard?${SUMMARY}${q}`)];
      expect(outcomeParts(b.body), q).toEqual(outcomeParts(a.body));
    }
  });

  it('stay current when a score is filed, without rebuilding the clinic', async () => {
    const { clinic, as, p2 } = await fixedCohort(t);
    const before = await as.prescriber.get(`/api/outcomes/dashboard?${SUMMARY}`);
    expect(before.body.rates.overall.response).toMatchObject({ successes: 2, n: 4 });
    const built = await state(clinic.id);
    // P2 (baseline 18, latest 14) now scores 8: a response (≤ 9), not a remission (< 5).
    const filed = await as.nurse.post(`/api/patients/${p2.id}/questionnaires`, { instrument: 'phq9', answers: PHQ9_8 });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const after = await as.prescriber.get(`/api/outcomes/dashboard?${SUMMARY}`);
    expect(after.body.rates.overall.response).toMatchObject({ successes: 3, n: 4 });
    expect(after.body.rates.overall.remission).toMatchObject({ successes: 2, n: 4 });
    expect(await state(clinic.id)).toEqual(built);
    const [row] = await t.deps.db.select().from(patientOutcomeSummaries).where(and(eq(patientOutcomeSummaries.patientId, p2.id), eq(patientOutcomeSummaries.instrument, 'phq9')));
    expect(row).toMatchObject({ baseline: 18, latest: 8 });
  });

  it('are rebuilt when the clinic changes its outcome rules', async () => {
    const { clinic, as } = await fixedCohort(t);
    expect((await as.prescriber.get(`/api/outcomes/dashboard?${SUMMARY}`)).body.rates.overall.response).toMatchObject({ successes: 2, n: 4 });
    const key = (await state(clinic.id))?.rulesKey;
    // P2 fell 22 % and P3 46 %: both responses once the clinic counts a 20 % fall as one.
    const put = await as.prescriber.request('PUT', '/api/clinic/protocol', { overrides: { 'outcomes.responseReductionPercent': 20, 'outcomes.partialResponseMinReductionPercent': 15 } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const after = await as.prescriber.get(`/api/outcomes/dashboard?${SUMMARY}`);
    expect(after.body.rates.overall.response).toMatchObject({ successes: 4, n: 4 });
    expect((await state(clinic.id))?.rulesKey).not.toBe(key);
    expect(outcomeParts(after.body)).toEqual(outcomeParts((await as.prescriber.get(`/api/outcomes/dashboard?${LIVE}`)).body));
  });

  it('are not used for a period when a patient in it has a score after its end', async () => {
    const { clinic, as, p2 } = await fixedCohort(t);
    // A score dated after the period's end (a device clock ahead, or a controlled clock in a test).
    const later = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await scores(t, { clinicId: clinic.id, patientId: p2.id, instrument: 'phq9', points: [[later, 2]] });
    await invalidateOutcomeSummaries(t.deps.db, clinic.id);
    const res = await as.prescriber.get(`/api/outcomes/dashboard?${SUMMARY}`);
    expect(await state(clinic.id)).toBeDefined();
    const [row] = await t.deps.db.select().from(patientOutcomeSummaries).where(and(eq(patientOutcomeSummaries.patientId, p2.id), eq(patientOutcomeSummaries.instrument, 'phq9')));
    expect(row?.latest).toBe(2);
    // The live query leaves the later score out: P2 is still a non-responder at 14.
    expect(res.body.rates.overall.response).toMatchObject({ successes: 2, n: 4 });
    expect(res.body.rates.overall.remission).toMatchObject({ successes: 2, n: 4 });
  });

  it('count the patients treated in any period from their dose spans, as a pass over the sessions does', async () => {
    const { users, as } = await fixedCohort(t);
    // Doses (local dates): P1 IV 5, 8, 12 Jan; P2 IV 6, 9 Jan; P3 Esk 5 Jan; P4 Esk 10 Jan; P5 IV 7 Jan; P7 IV 8 Jan; P6 IV 15 Dec.
    const cases: [string, number][] = [
      ['from=2026-01-06&to=2026-01-07', 2], // P2, P5: P1's doses lie either side of the period, none in it
      ['from=2026-01-09&to=2026-01-11', 2], // P2, P4 (P1 again either side)
      ['from=2026-01-09&to=2026-01-11&route=esketamine_nasal', 1],
      ['from=2026-01-09&to=2026-01-11&route=iv', 1],
      ['from=2026-01-08&to=2026-01-08', 2], // P1, P7
      ['from=2026-01-12&to=2026-01-12', 1], // P1's last dose
      ['from=2026-01-13&to=2026-06-30', 0],
      ['from=2025-12-01&to=2026-12-31', 7],
      ['from=2025-12-01&to=2026-12-31&route=iv', 5],
    ];
    for (const [q, patients] of cases) {
      const fromSpans = await as.prescriber.get(`/api/outcomes/dashboard?${q}`);
      expect(fromSpans.status).toBe(200);
      expect(fromSpans.body.safety.patients, q).toBe(patients);
      // With a prescriber filter the sessions are counted in one pass over the period's sessions instead.
      const fromSessions = await as.prescriber.get(`/api/outcomes/dashboard?${q}&prescriberId=${users.prescriber.id}`);
      expect(fromSessions.body.safety, q).toEqual(fromSpans.body.safety);
    }
  });
});
