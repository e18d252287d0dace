import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChairs, clinicWithStaff, readyPatient, registerPatient, signIn } from '../factories';
import { createTestApp, TestClock, type TestApp } from '../harness';

let t: TestApp;
beforeAll(async () => {
  // Mon 30 Nov 2026, 08:00 in New York.
  t = await createTestApp({ clock: new TestClock(new Date('2026-11-30T13:00:00Z')) });
});
afterAll(async () => {
  await t.close();
});

describe('scheduling', () => {
  it('books a plan’s induction series in one step, spreading patients over chairs', async () => {
    const { as } = await clinicWithStaff(t);
    const [chair1, chair2] = await addChairs(as.admin, ['Chair 1', 'Chair 2']);
    const res = await as.front_desk.get('/api/scheduling/resources');
    const iv = res.body.types.find((x: { code: string }) => x.code === 'iv_session');
    expect(iv.durationMinutes).toBeGreaterThanOrEqual(iv.minimumMinutes);
    expect(iv.minimumMinutes).toBeGreaterThanOrEqual(40 + 90);
    const a = await readyPatient(as, 'iv', '2026-12-07');
    const b = await readyPatient(as, 'iv', '2026-12-07');
    const preview = await as.front_desk.post(`/api/patients/${a.id}/plans/${a.planId}/booking/preview`, {});
    expect(preview.body.proposals).toHaveLength(6);
    expect(preview.body.proposals.every((p: { conflicts: unknown[] }) => p.conflicts.length === 0)).toBe(true);
    const booked = await as.front_desk.post(`/api/patients/${a.id}/plans/${a.planId}/booking`, {});
    expect(booked.status).toBe(201);
    expect(booked.body.booked).toHaveLength(6);
    expect(booked.body.booked[0]).toMatchObject({ localDate: '2026-12-07', localStart: '09:00', chair: { id: chair1 }, status: 'booked', phase: 'induction', planSessionIndex: 1 });
    const again = await as.front_desk.post(`/api/patients/${a.id}/plans/${a.planId}/booking/preview`, {});
    expect(again.body.proposals.every((p: { alreadyBooked: boolean }) => p.alreadyBooked)).toBe(true);
    const second = await as.front_desk.post(`/api/patients/${b.id}/plans/${b.planId}/booking`, {});
    expect(second.body.booked).toHaveLength(6);
    expect(second.body.booked.every((x: { chair: { id: string } }) => x.chair.id === chair2)).toBe(true);
    const day = await as.nurse.get('/api/appointments?from=2026-12-07T05:00:00Z&to=2026-12-08T05:00:00Z');
    expect(day.body.appointments).toHaveLength(2);
    const byChair = await as.nurse.get(`/api/appointments?from=2026-12-07T05:00:00Z&to=2026-12-14T05:00:00Z&chairId=${chair2}`);
    expect(byChair.body.appointments.every((x: { patient: { id: string } }) => x.patient.id === b.id)).toBe(true);
  });

  it('explains conflicts for a single booking and re-checks spacing when moving a session', async () => {
    const { as, users } = await clinicWithStaff(t);
    const [chair] = await addChairs(as.admin, ['Chair A']);
    const types = (await as.front_desk.get('/api/scheduling/resources')).body.types;
    const esk = types.find((x: { code: string }) => x.code === 'esketamine_session');
    const p1 = await readyPatient(as, 'esketamine_nasal', '2026-12-07');
    await as.front_desk.post(`/api/patients/${p1.id}/plans/${p1.planId}/booking`, { staffId: users.nurse.id });
    const p2 = await registerPatient(as.front_desk);
    const clash = await as.front_desk.post('/api/appointments', { patientId: p2.id, typeId: esk.id, startsAt: '2026-12-07T14:30:00Z', chairId: chair, staffId: users.nurse.id });
    expect(clash.status).toBe(409);
    expect(clash.body.conflicts.map((c: { code: string }) => c.code)).toEqual(['CHAIR_BUSY', 'NURSE_BUSY']);
    expect(clash.body.detail).toContain('taken by');
    const closed = await as.front_desk.post('/api/appointments', { patientId: p2.id, typeId: esk.id, startsAt: '2026-12-06T14:00:00Z', chairId: chair });
    expect(closed.body.conflicts[0].code).toBe('CLINIC_CLOSED');
    const list = await as.front_desk.get(`/api/appointments?from=2026-12-07T00:00:00Z&to=2026-12-12T00:00:00Z&patientId=${p1.id}`);
    const [first, second] = list.body.appointments;
    expect(second.localDate).toBe('2026-12-10');
    const tooClose = await as.front_desk.patch(`/api/appointments/${second.id}`, { startsAt: '2026-12-08T14:00:00Z' });
    expect(tooClose.status).toBe(409);
    expect(tooClose.body.conflicts[0]).toMatchObject({ code: 'SPACING' });
    expect(tooClose.body.detail).toContain('at least 3');
    const moved = await as.front_desk.patch(`/api/appointments/${second.id}`, { startsAt: '2026-12-10T19:00:00Z' });
    expect(moved.body).toMatchObject({ localDate: '2026-12-10', localStart: '14:00' });
    expect(first.id).toBeDefined();
  });

  it('refuses check-in and says exactly what is missing; checks in once everything is in place', async () => {
    const { as } = await clinicWithStaff(t);
    const [chair] = await addChairs(as.admin, ['Chair Z']);
    const types = (await as.front_desk.get('/api/scheduling/resources')).body.types;
    const iv = types.find((x: { code: string }) => x.code === 'iv_session');
    const p = await registerPatient(as.front_desk);
    const appt = await as.front_desk.post('/api/appointments', { patientId: p.id, typeId: iv.id, startsAt: '2026-11-30T15:00:00Z', chairId: chair });
    expect(appt.status).toBe(201);
    const gate = await as.front_desk.get(`/api/appointments/${appt.body.id}/readiness`);
    expect(gate.body.ready).toBe(false);
    expect(gate.body.items.filter((i: { ok: boolean }) => !i.ok).map((i: { code: string }) => i.code)).toEqual(['ELIGIBILITY_NOT_APPROVED', 'CONSENT_NOT_VALID', 'PLAN_NOT_SIGNED']);
    const refused = await as.front_desk.post(`/api/appointments/${appt.body.id}/check-in`);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('No signed consent');

    const ready = await readyPatient(as, 'iv', '2026-12-01');
    const ok = await as.front_desk.post('/api/appointments', { patientId: ready.id, typeId: iv.id, startsAt: '2026-11-30T18:00:00Z', chairId: chair });
    expect((await as.front_desk.get(`/api/appointments/${ok.body.id}/readiness`)).body.ready).toBe(true);
    const checkedIn = await as.front_desk.post(`/api/appointments/${ok.body.id}/check-in`);
    expect(checkedIn.body.status).toBe('checked_in');
  });

  it('cancels with a reason, suggests how to move the course after a no-show, and withdrawal of consent cancels future sessions', async () => {
    t.clock.set(new Date('2026-11-30T13:00:00Z'));
    const { as, users } = await clinicWithStaff(t);
    await addChairs(as.admin, ['Chair 1']);
    const p = await readyPatient(as, 'esketamine_nasal', '2026-12-07');
    const bookRes = await as.front_desk.post(`/api/patients/${p.id}/plans/${p.planId}/booking`, {});
    const booked = bookRes.body.booked;
    expect((await as.front_desk.post(`/api/appointments/${booked[0].id}/cancel`, { reason: '' })).status).toBe(400);
    // The evening of the second session (Thu 10 Dec): the patient did not come.
    t.clock.set(new Date('2026-12-10T22:00:00Z'));
    as.front_desk = await signIn(t, users.front_desk);
    as.nurse = await signIn(t, users.nurse);
    const noShow = await as.front_desk.post(`/api/appointments/${booked[1].id}/no-show`, { reason: 'Did not answer the phone' });
    expect(noShow.body.appointment.status).toBe('no_show');
    expect(noShow.body.rescheduleSuggestion.changes[0]).toMatchObject({ index: 2, from: booked[1].localDate, appointmentId: null });
    const cancelled = await as.front_desk.post(`/api/appointments/${booked[2].id}/cancel`, { reason: 'Patient unwell' });
    expect(cancelled.body.appointment).toMatchObject({ status: 'cancelled', statusReason: 'Patient unwell' });
    const consents = (await as.nurse.get(`/api/patients/${p.id}/consents`)).body.consents;
    const w = await as.front_desk.post(`/api/consents/${consents[0].id}/withdraw`, { reason: 'Does not want further treatment' });
    expect(w.body.appointmentsCancelled).toBe(booked.length - 3);
    const left = await as.front_desk.get(`/api/appointments?from=2026-12-01T00:00:00Z&to=2027-01-30T00:00:00Z&patientId=${p.id}`);
    // Only the past session is left (never attended, never cancelled by the withdrawal).
    expect(left.body.appointments.map((a: { id: string }) => a.id)).toEqual([booked[0].id]);
  });
});
