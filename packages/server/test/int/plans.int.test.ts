import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveEligibility, clinicWithStaff, planBody, registerPatient, TEST_PASSWORD } from '../factories';
import { createTestApp, type TestApp } from '../harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: undefined });
});
afterAll(async () => {
  await t.close();
});

describe('treatment plans', () => {
  it('computes an IV dose from today’s weight with its working, and an induction calendar on opening days', async () => {
    const { as } = await clinicWithStaff(t);
    const p = await registerPatient(as.front_desk, { weightKg: 80 });
    const noStock = await as.prescriber.post(`/api/patients/${p.id}/plans/preview`, { ...planBody('iv', '2026-12-07'), dose: {} });
    expect(noStock.body.missing[0]).toContain('stock concentration');
    const res = await as.prescriber.post(`/api/patients/${p.id}/plans/preview`, planBody('iv', '2026-12-07'));
    expect(res.status).toBe(200);
    expect(res.body.dose.summary).toBe('40 mg (0.5 mg/kg) over 40 min at 6 mL/h');
    expect(res.body.dose.working.join(' ')).toContain('80');
    expect(res.body.sessions).toHaveLength(6);
    expect(res.body.sessions.every((s: { phase: string }) => s.phase === 'induction')).toBe(true);
    const weekdays = res.body.sessions.map((s: { localDate: string }) => new Date(`${s.localDate}T12:00:00Z`).getUTCDay());
    expect(weekdays.every((d: number) => d >= 1 && d <= 5)).toBe(true);
    expect(res.body.sessions[0]).toMatchObject({ localDate: '2026-12-07', localTime: '09:00', startsAt: '2026-12-07T14:00:00.000Z' });
  });

  it('refuses to sign a plan before eligibility is approved, then signs v1 and v2 with a reason', async () => {
    const { as } = await clinicWithStaff(t);
    const p = await registerPatient(as.front_desk, { dateOfBirth: '1950-01-01' });
    const early = await as.prescriber.post(`/api/patients/${p.id}/plans`, { ...planBody('esketamine_nasal', '2026-12-07'), password: TEST_PASSWORD });
    expect(early.status).toBe(422);
    expect(early.body.rule).toBe('ELIGIBILITY_NOT_APPROVED');
    await approveEligibility(as, p.id, 'esketamine_nasal');
    expect((await as.nurse.post(`/api/patients/${p.id}/plans`, { ...planBody('esketamine_nasal', '2026-12-07'), password: TEST_PASSWORD })).status).toBe(403);
    const v1 = await as.prescriber.post(`/api/patients/${p.id}/plans`, { ...planBody('esketamine_nasal', '2026-12-07'), password: TEST_PASSWORD });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ version: 1, drug: 'esketamine nasal spray (Spravato)', current: true });
    // A 76-year-old starts at the older-adult dose from the protocol (28 mg = 1 device).
    expect(v1.body.dose.summary).toMatch(/^28 mg = 1 device/);
    expect(v1.body.schedule.sessions.filter((s: { phase: string }) => s.phase === 'induction')).toHaveLength(8);
    expect(v1.body.followUps.map((f: { id: string }) => f.id)).toEqual(['urinary_screen', 'bp_review']);
    const noReason = await as.prescriber.post(`/api/patients/${p.id}/plans`, { ...planBody('esketamine_nasal', '2026-12-08'), password: TEST_PASSWORD });
    expect(noReason.body.errors[0].path).toBe('body.changeReason');
    const v2 = await as.prescriber.post(`/api/patients/${p.id}/plans`, { ...planBody('esketamine_nasal', '2026-12-08'), changeReason: 'Patient asked to start a day later.', password: TEST_PASSWORD });
    expect(v2.body).toMatchObject({ version: 2, changeReason: 'Patient asked to start a day later.' });
    const list = await as.nurse.get(`/api/patients/${p.id}/plans`);
    expect(list.body.plans.map((x: { version: number; current: boolean }) => [x.version, x.current])).toEqual([[2, true], [1, false]]);
  });

  it('asks for the prescriber’s reason when the dose is outside the trial range', async () => {
    const { as } = await clinicWithStaff(t);
    const p = await registerPatient(as.front_desk, { weightKg: 70 });
    await approveEligibility(as, p.id, 'iv');
    const high = planBody('iv', '2026-12-07', { dose: { stockConcentrationMgPerMl: 10, mgPerKg: 1.2 } });
    const pre = await as.prescriber.post(`/api/patients/${p.id}/plans/preview`, high);
    expect(pre.body.outcome).toBe('needs_override');
    const f = pre.body.findings.find((x: { severity: string }) => x.severity === 'override');
    expect(f).toMatchObject({ code: 'IV_DOSE_ABOVE_RCT_RANGE', value: 1.2, limit: 1 });
    expect((await as.prescriber.post(`/api/patients/${p.id}/plans`, { ...high, password: TEST_PASSWORD })).status).toBe(400);
    const ok = await as.prescriber.post(`/api/patients/${p.id}/plans`, { ...high, overrides: [{ code: f.code, field: f.field, reason: 'Partial response at 1.0 mg/kg; discussed with patient.' }], password: TEST_PASSWORD });
    expect(ok.status).toBe(201);
    expect(ok.body.overrides[0].code).toBe('IV_DOSE_ABOVE_RCT_RANGE');
  });
});
