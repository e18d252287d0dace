/** A treatment session through the real API: checked in to a chair, and (for `dosedSession`) past pre-dose and dosed. */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Agent } from './agent';
import { addChairs, readyPatient, type clinicWithStaff } from './factories';

export type As = Awaited<ReturnType<typeof clinicWithStaff>>['as'];

const minutes = (start: Date, min: number): string => new Date(start.getTime() + min * 60_000).toISOString();

/** A vital-sign reading `min` minutes after `start`, with a fresh client id. */
export const readingAt = (start: Date, min: number, v: Record<string, number>) => ({ clientId: `r-${randomUUID()}`, takenAt: minutes(start, min), ...v });

/** A patient checked in to a treatment appointment of `route` starting at `start`, returning the session id. */
export async function checkedIn(as: As, route: string, start: Date, patient: Record<string, unknown> = {}): Promise<{ sessionId: string; patientId: string }> {
  const [chair] = await addChairs(as.admin, [`Chair ${randomUUID().slice(0, 4)}`]);
  const p = await readyPatient(as, route, start.toISOString().slice(0, 10), patient);
  const types = (await as.front_desk.get('/api/scheduling/resources')).body.types;
  const type = types.find((x: { code: string }) => x.code === (route === 'iv' ? 'iv_session' : 'esketamine_session'));
  const appt = await as.front_desk.post('/api/appointments', { patientId: p.id, typeId: type.id, startsAt: minutes(start, 0), chairId: chair });
  expect(appt.status, JSON.stringify(appt.body)).toBe(201);
  const ci = await as.front_desk.post(`/api/appointments/${appt.body.id}/check-in`);
  expect(ci.status, JSON.stringify(ci.body)).toBe(200);
  expect(ci.body.session.state).toBe('checked_in');
  return { sessionId: ci.body.session.id, patientId: p.id };
}

/** Pre-dose answers that pass every check (times relative to `start`). */
export const goodAnswers = (start: Date) => ({
  lastFoodAt: minutes(start, -180),
  lastLiquidsAt: minutes(start, -60),
  nasalMedicationAt: null,
  escortConfirmed: true,
  noDrivingAcknowledged: true,
  pregnant: false,
  baselineLiverTestsDone: true,
  prescriberOnSite: true,
  pulseOximeterOnSite: true,
  concomitantMedications: { benzodiazepines: false, nonBenzodiazepineSedativeHypnotics: false, psychostimulants: false, maois: false, opioids: false },
  weightKg: 72,
});

/** A PHQ-9 (total 3) at the chair, 5 minutes before `start`. */
export async function chairPhq9(nurse: Agent, sessionId: string, start: Date): Promise<void> {
  const r = await nurse.post(`/api/sessions/${sessionId}/assessments`, { instrument: 'phq9', answers: { q1: 1, q2: 1, q3: 0, q4: 1, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0 }, takenAt: minutes(start, -5) });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

/** An IV session checked in, past its pre-dose checklist and dosed at `start` (the clock must read `start`). */
export async function dosedViaApi(as: As, start: Date): Promise<{ sessionId: string; patientId: string }> {
  const s = await checkedIn(as, 'iv', start);
  const pre = await as.nurse.post(`/api/sessions/${s.sessionId}/vitals`, { readings: [readingAt(start, -4, { systolic: 128, diastolic: 82, heartRate: 72, spo2: 98 })] });
  expect(pre.status, JSON.stringify(pre.body)).toBe(200);
  await chairPhq9(as.nurse, s.sessionId, start);
  const passed = await as.nurse.post(`/api/sessions/${s.sessionId}/predose/pass`, goodAnswers(start));
  expect(passed.status, JSON.stringify(passed.body)).toBe(200);
  const started = await as.nurse.post(`/api/sessions/${s.sessionId}/dose/start`, { administration: { lot: 'K123', expiry: '2027-06-30' } });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  return s;
}
