import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinics } from '../../src/db/schema';
import { localDateOf } from '../../src/lib/zoned';
import { clinicWithStaff, readyPatient } from '../factories';
import { createTestApp, type TestApp } from '../harness';
import { dosedSession, scores } from '../outcome-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const daysAgo = (n: number): string => new Date(t.clock.now().getTime() - n * 86_400_000).toISOString();

/** A clinic whose protocol sets a BP-review interval (test value), with one IV patient past induction (6 dosed sessions) and one still in induction. */
async function clinicWithMaintenance() {
  const c = await clinicWithStaff(t);
  await t.deps.db.update(clinics).set({ protocolOverrides: { followUp: { bpReviewIntervalDays: 30 } } }).where(eq(clinics.id, c.clinic.id));
  const start = localDateOf(new Date(daysAgo(40)), 'America/New_York');
  const maint = await readyPatient(c.as, 'iv', start);
  const induction = await readyPatient(c.as, 'iv', start);
  for (let i = 0; i < 6; i++) {
    await dosedSession(t, { clinicId: c.clinic.id, patientId: maint.id, planId: maint.planId, userId: c.users.nurse.id, route: 'iv', at: daysAgo(40 - i * 3), doseMg: 35 });
  }
  await dosedSession(t, { clinicId: c.clinic.id, patientId: induction.id, planId: induction.planId, userId: c.users.nurse.id, route: 'iv', at: daysAgo(3) });
  return { ...c, maint, induction };
}

describe('long-term safety follow-up', () => {
  it('lists due items of patients in maintenance, records results, and turns a positive screen into a finding the prescriber closes', async () => {
    const { as, maint, induction } = await clinicWithMaintenance();
    const list = await as.nurse.get('/api/follow-ups');
    expect(list.status).toBe(200);
    expect(list.body.patients.map((p: { patientId: string }) => p.patientId)).toEqual([maint.id]);
    const items = Object.fromEntries(list.body.patients[0].items.map((i: { id: string; status: string }) => [i.id, i.status]));
    expect(items).toEqual({ urinary_screen: 'due', bp_review: 'due' });
    expect(list.body.patients[0]).toMatchObject({ dosedSessions: 6, exposureMg: 210 });

    const chart = await as.nurse.get(`/api/patients/${maint.id}/follow-ups`);
    expect(chart.body).toMatchObject({ hasPlan: true, inMaintenance: true, dosedSessions: 6, inductionSessions: 6, exposure: { mg: 210, sessions: 6 } });
    expect((await as.nurse.get(`/api/patients/${induction.id}/follow-ups`)).body.inMaintenance).toBe(false);

    const today = localDateOf(t.clock.now(), 'America/New_York');
    const ok = await as.nurse.post(`/api/patients/${maint.id}/follow-ups`, { item: 'urinary_screen', doneOn: today, outcome: 'negative' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const bp = await as.nurse.post(`/api/patients/${maint.id}/follow-ups`, { item: 'bp_review', doneOn: today, outcome: 'positive', summary: 'Resting BP 152/96 on two readings' });
    expect(bp.body).toMatchObject({ outcome: 'positive', itemLabel: 'Blood-pressure review', review: null });
    expect((await as.nurse.post(`/api/patients/${maint.id}/follow-ups`, { item: 'cognition', doneOn: '2999-01-01', outcome: 'negative' })).status).toBe(400);

    const after = await as.nurse.get('/api/follow-ups');
    expect(after.body.patients).toEqual([]);
    expect(after.body.findings.map((f: { id: string }) => f.id)).toEqual([bp.body.id]);
    expect((await as.nurse.get(`/api/patients/${maint.id}/follow-ups`)).body.openFindings).toHaveLength(1);

    expect((await as.nurse.post(`/api/follow-ups/results/${bp.body.id}/review`, { note: 'Seen' })).status).toBe(403);
    const reviewed = await as.prescriber.post(`/api/follow-ups/results/${bp.body.id}/review`, { note: 'Referred to GP for BP management; continue sessions with closer monitoring.' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.review.note).toContain('Referred');
    expect((await as.prescriber.post(`/api/follow-ups/results/${bp.body.id}/review`, { note: 'again' })).status).toBe(409);
    expect((await as.nurse.get('/api/follow-ups')).body.findings).toEqual([]);

    await expect(t.deps.db.execute(sql`UPDATE follow_up_results SET outcome = 'negative' WHERE id = ${bp.body.id}`)).rejects.toThrow();
    await expect(t.deps.db.execute(sql`DELETE FROM follow_up_reviews`)).rejects.toThrow();
  });

  it('counts a filed urinary-symptom questionnaire as the screen; refuses front desk and other clinics', async () => {
    const { clinic, as, maint } = await clinicWithMaintenance();
    await scores(t, { clinicId: clinic.id, patientId: maint.id, instrument: 'urinary_screen', points: [[t.clock.now().toISOString(), 0]] });
    const items = (await as.nurse.get(`/api/patients/${maint.id}/follow-ups`)).body.items;
    expect(items.find((i: { id: string }) => i.id === 'urinary_screen').status).toBe('not_due');
    expect((await as.front_desk.get('/api/follow-ups')).status).toBe(403);
    const stranger = await clinicWithStaff(t);
    expect((await stranger.as.nurse.get(`/api/patients/${maint.id}/follow-ups`)).status).toBe(404);
    expect((await stranger.as.nurse.post(`/api/patients/${maint.id}/follow-ups`, { item: 'cognition', doneOn: '2026-01-01', outcome: 'negative' })).status).toBe(404);
    expect((await stranger.as.nurse.get('/api/follow-ups')).body.patients).toEqual([]);
  });
});
