import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema';
import { clinicWithStaff, GOOD_INTAKE, registerPatient, TEST_PASSWORD } from '../factories';
import { createTestApp, type TestApp } from '../harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('intake and eligibility review', () => {
  it('saves drafts, submits, screens with the clinical core, and records a signed approval', async () => {
    const { as, clinic } = await clinicWithStaff(t);
    const p = await registerPatient(as.front_desk);
    expect((await as.nurse.get(`/api/patients/${p.id}/intake`)).body.intake).toBeNull();
    const draft = await as.nurse.request('PUT', `/api/patients/${p.id}/intake`, { plannedRoute: null, data: { diagnosis: { condition: 'mdd' } } });
    expect(draft.body).toMatchObject({ status: 'draft', plannedRoute: null });
    const early = await as.nurse.post(`/api/patients/${p.id}/intake/submit`);
    expect(early.status).toBe(400);
    expect(early.body.errors[0].path).toBe('body.plannedRoute');
    await as.nurse.request('PUT', `/api/patients/${p.id}/intake`, { plannedRoute: 'iv', data: GOOD_INTAKE });
    // The front desk may register and schedule, but not read or edit clinical history.
    expect((await as.front_desk.get(`/api/patients/${p.id}/intake`)).status).toBe(403);
    const screen = await as.prescriber.get(`/api/patients/${p.id}/eligibility/screen`);
    expect(screen.body.route).toBe('iv');
    expect(screen.body.screening.outcome).toBe('no_blocking_findings');
    expect(screen.body.screening.treatmentResistance.meetsTrd).toBe(true);
    const offLabel = screen.body.screening.findings.find((f: { code: string }) => f.code === 'RACEMIC_OFF_LABEL');
    expect(offLabel).toMatchObject({ severity: 'info', source: { citation: expect.any(String) } });

    const notSubmitted = await as.prescriber.post(`/api/patients/${p.id}/eligibility/reviews`, { route: 'iv', decision: 'approved', password: TEST_PASSWORD });
    expect(notSubmitted.status).toBe(409);
    await as.nurse.post(`/api/patients/${p.id}/intake/submit`);
    expect((await as.nurse.post(`/api/patients/${p.id}/eligibility/reviews`, { route: 'iv', decision: 'approved', password: TEST_PASSWORD })).status).toBe(403);
    const badPw = await as.prescriber.post(`/api/patients/${p.id}/eligibility/reviews`, { route: 'iv', decision: 'approved', password: 'not-my-password' });
    expect(badPw.body.code).toBe('REAUTH_FAILED');
    const ok = await as.prescriber.post(`/api/patients/${p.id}/eligibility/reviews`, { route: 'iv', decision: 'approved', password: TEST_PASSWORD });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ decision: 'approved', current: true, signatureMethod: 'password' });
    const events = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, clinic.id), eq(auditEvents.patientId, p.id)));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['intake.saved', 'intake.submitted', 'eligibility.decided']));
  });

  it('requires a written reason for every override finding, and supersedes an earlier decision', async () => {
    const { as } = await clinicWithStaff(t);
    const p = await registerPatient(as.front_desk);
    await as.nurse.request('PUT', `/api/patients/${p.id}/intake`, { plannedRoute: 'iv', data: { ...GOOD_INTAKE, psychiatric: { psychosisHistory: true, psychosisCurrent: false, maniaOrBipolarHistory: false } } });
    await as.nurse.post(`/api/patients/${p.id}/intake/submit`);
    const screen = await as.prescriber.get(`/api/patients/${p.id}/eligibility/screen`);
    expect(screen.body.screening.outcome).toBe('needs_override');
    const needs = screen.body.screening.findings.filter((f: { severity: string }) => f.severity === 'override');
    expect(needs.map((f: { code: string }) => f.code)).toContain('PSYCHOSIS_HISTORY');
    const plain = await as.prescriber.post(`/api/patients/${p.id}/eligibility/reviews`, { route: 'iv', decision: 'approved', password: TEST_PASSWORD });
    expect(plain.body.errors[0].code).toBe('OVERRIDE_REQUIRED');
    const noReason = await as.prescriber.post(`/api/patients/${p.id}/eligibility/reviews`, { route: 'iv', decision: 'approved_with_override', overrides: [], password: TEST_PASSWORD });
    expect(noReason.status).toBe(400);
    const overrides = needs.map((f: { code: string; field: string | null }) => ({ code: f.code, ...(f.field === null ? {} : { field: f.field }), reason: 'Single brief episode 15 years ago; psychiatrist review on file.' }));
    const first = await as.prescriber.post(`/api/patients/${p.id}/eligibility/reviews`, { route: 'iv', decision: 'approved_with_override', overrides, password: TEST_PASSWORD });
    expect(first.status).toBe(201);
    expect(first.body.overrides[0].reason).toContain('psychiatrist review');
    const second = await as.prescriber.post(`/api/patients/${p.id}/eligibility/reviews`, { route: 'iv', decision: 'declined', notes: 'New information: recent psychotic symptoms.', password: TEST_PASSWORD });
    expect(second.status).toBe(201);
    const list = await as.nurse.get(`/api/patients/${p.id}/eligibility/reviews`);
    expect(list.body.reviews.map((r: { decision: string; current: boolean }) => [r.decision, r.current])).toEqual([['declined', true], ['approved_with_override', false]]);
    const fail = await t.deps.db.execute(sql`UPDATE eligibility_reviews SET decision = 'approved' WHERE patient_id = ${p.id}`).then(() => 'ok', (e: unknown) => (e as { cause?: Error }).cause?.message ?? String(e));
    expect(fail).toMatch(/append-only/);
  });

  it('blocks approval of esketamine for a patient with an aneurysm, whatever the reason', async () => {
    const { as } = await clinicWithStaff(t);
    const p = await registerPatient(as.front_desk);
    await as.nurse.request('PUT', `/api/patients/${p.id}/intake`, { plannedRoute: 'esketamine_nasal', data: { ...GOOD_INTAKE, cardiovascular: { ...GOOD_INTAKE.cardiovascular, aneurysmalVascularDisease: true } } });
    await as.nurse.post(`/api/patients/${p.id}/intake/submit`);
    const screen = await as.prescriber.get(`/api/patients/${p.id}/eligibility/screen`);
    expect(screen.body.screening.outcome).toBe('blocked');
    expect(screen.body.screening.findings.find((f: { code: string }) => f.code === 'CI_ANEURYSMAL_VASCULAR_DISEASE')).toMatchObject({ severity: 'block', rule: expect.any(String) });
    const attempt = await as.prescriber.post(`/api/patients/${p.id}/eligibility/reviews`, { route: 'esketamine_nasal', decision: 'approved_with_override', overrides: [{ code: 'CI_ANEURYSMAL_VASCULAR_DISEASE', reason: 'I really think it is fine here.' }], password: TEST_PASSWORD });
    expect(attempt.body.errors[0].code).toBe('BLOCKED');
  });

  it('uses the clinic protocol: a stricter setting changes the screening', async () => {
    const { as } = await clinicWithStaff(t);
    const protocol = await as.nurse.get('/api/clinic/protocol');
    const setting = protocol.body.settings.find((s: { key: string }) => s.key === 'trd.minFailedTrials');
    expect(setting).toMatchObject({ value: 2, setByClinic: false });
    expect(protocol.body.needsConfirmation).toBeGreaterThan(10);
    expect((await as.nurse.request('PUT', '/api/clinic/protocol', { overrides: {} })).status).toBe(403);
    const bad = await as.prescriber.request('PUT', '/api/clinic/protocol', { overrides: { 'trd.minFailedTrials': -3, 'no.such': 1 } });
    expect(bad.status).toBe(400);
    const saved = await as.prescriber.request('PUT', '/api/clinic/protocol', { overrides: { 'trd.minFailedTrials': 3 } });
    expect(saved.body.settings.find((s: { key: string }) => s.key === 'trd.minFailedTrials')).toMatchObject({ value: 3, setByClinic: true });
    const p = await registerPatient(as.front_desk);
    await as.nurse.request('PUT', `/api/patients/${p.id}/intake`, { plannedRoute: 'esketamine_nasal', data: GOOD_INTAKE });
    const screen = await as.prescriber.get(`/api/patients/${p.id}/eligibility/screen`);
    expect(screen.body.screening.treatmentResistance.meetsTrd).toBe(false);
    expect(screen.body.screening.findings.map((f: { code: string }) => f.code)).toContain('TRD_CRITERIA_NOT_MET');
  });
});
