import { randomUUID } from 'node:crypto';
import { GOOD_INTAKE, planBody, SIGNATURE_PNG } from '../packages/server/test/factories';
import { apiAs, type ApiClient, type ClinicFixture } from './fixtures';

export interface Staff {
  readonly front_desk: ApiClient;
  readonly nurse: ApiClient;
  readonly prescriber: ApiClient;
  readonly password: string;
}

export async function staffApis(url: string, clinic: ClinicFixture): Promise<Staff> {
  const [front_desk, nurse, prescriber] = await Promise.all([apiAs(url, clinic.staff.front_desk), apiAs(url, clinic.staff.nurse), apiAs(url, clinic.staff.prescriber)]);
  return { front_desk, nurse, prescriber, password: clinic.staff.prescriber.password };
}

const minutesFromNow = (m: number): string => new Date(Date.now() + m * 60_000).toISOString();

/** A patient ready for treatment through the real endpoints: registered, eligible, consented, with a signed plan. */
export async function readyPatient(s: Staff, route: 'iv' | 'esketamine_nasal', name: { first: string; last: string }, today: string): Promise<string> {
  const p = await s.front_desk.call<{ id: string }>('POST', '/api/patients', {
    legalFirstName: name.first,
    legalLastName: name.last,
    dateOfBirth: '1985-04-12',
    sexAtBirth: 'female',
    weightKg: 72,
    heightCm: 168,
    escortName: 'Sam Escort',
    escortPhone: '555-010-4478',
    confirmNotDuplicate: true,
    ...(route === 'esketamine_nasal' ? { remsEnrolledAt: today, remsPatientId: `R-${randomUUID().slice(0, 6)}` } : {}),
  });
  await s.nurse.call('PUT', `/api/patients/${p.id}/intake`, { plannedRoute: route, data: GOOD_INTAKE });
  await s.nurse.call('POST', `/api/patients/${p.id}/intake/submit`);
  await s.prescriber.call('POST', `/api/patients/${p.id}/eligibility/reviews`, { route, decision: 'approved', password: s.password });
  const templates = await s.front_desk.call<{ templates: { kind: string; current: { id: string; contentHash: string } }[] }>('GET', '/api/consent-templates');
  const t = templates.templates.find((x) => x.kind === (route === 'iv' ? 'iv_ketamine' : 'esketamine_nasal'));
  const consent = await s.front_desk.call<{ id: string }>('POST', `/api/patients/${p.id}/consents`, { templateVersionId: t?.current.id, contentHash: t?.current.contentHash, signerName: `${name.first} ${name.last}`, signerRelationship: 'patient', signaturePng: SIGNATURE_PNG, readConfirmed: true });
  await s.nurse.call('POST', `/api/consents/${consent.id}/countersign`, { password: s.password });
  await s.prescriber.call('POST', `/api/patients/${p.id}/plans`, { ...planBody(route, today), password: s.password });
  return p.id;
}

/** Book a treatment starting now in `chairId`, check the patient in, pass the pre-dose checks and start the dose. */
export async function dosedSession(s: Staff, patientId: string, route: 'iv' | 'esketamine_nasal', chairId: string): Promise<string> {
  const res = await s.front_desk.call<{ types: { id: string; code: string }[] }>('GET', '/api/scheduling/resources');
  const type = res.types.find((x) => x.code === (route === 'iv' ? 'iv_session' : 'esketamine_session'));
  const appt = await s.front_desk.call<{ id: string }>('POST', '/api/appointments', { patientId, typeId: type?.id, startsAt: minutesFromNow(2), chairId });
  const ci = await s.front_desk.call<{ session: { id: string } }>('POST', `/api/appointments/${appt.id}/check-in`);
  const id = ci.session.id;
  await s.nurse.call('POST', `/api/sessions/${id}/vitals`, { readings: [{ clientId: `pre-${randomUUID()}`, takenAt: minutesFromNow(-1), systolic: 126, diastolic: 80, heartRate: 72, spo2: 98 }] });
  await s.nurse.call('POST', `/api/sessions/${id}/assessments`, { instrument: 'phq9', answers: { q1: 1, q2: 1, q3: 0, q4: 1, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0 }, takenAt: minutesFromNow(-1) });
  await s.nurse.call('POST', `/api/sessions/${id}/predose/pass`, {
    lastFoodAt: minutesFromNow(-240),
    lastLiquidsAt: minutesFromNow(-90),
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
  await s.nurse.call('POST', `/api/sessions/${id}/dose/start`, { administration: { lot: route === 'iv' ? 'K123' : 'SPR-1', expiry: '2030-06-30' } });
  return id;
}
