import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { apiAs, seedClinic, type ApiClient, type ClinicFixture } from './fixtures';
import { newPage, startServer, type TestServer } from './support';

/** A 1×1 PNG standing in for a drawn signature in fixture steps. */
const SIGNATURE_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const INTAKE = {
  diagnosis: { condition: 'mdd', episode: 'recurrent', psychoticFeatures: false },
  antidepressantTrials: [
    { drug: 'sertraline', dose: '150 mg/day', doseAdequate: true, durationWeeks: 10, adherence: 'adequate', improvementPercent: 10, inCurrentEpisode: true },
    { drug: 'venlafaxine', dose: '225 mg/day', doseAdequate: true, durationWeeks: 8, adherence: 'adequate', improvementPercent: 20, inCurrentEpisode: true },
  ],
  psychiatric: { psychosisHistory: false, psychosisCurrent: false, maniaOrBipolarHistory: false },
  substanceUse: { disorder: 'none', ketamineOrPcpMisuse: 'none' },
  cardiovascular: { aneurysmalVascularDisease: false, arteriovenousMalformation: false, intracerebralHaemorrhage: false, cerebrovascularAccident: false, severeCoronaryOrMyocardialDisease: false, otherCardiovascularDisease: false, unstableCardiovascularOrRespiratoryDisease: false, hypertensiveEncephalopathyHistory: false, hypertension: 'none' },
  bloodPressure: { systolic: 122, diastolic: 78 },
  pregnancy: { pregnant: false, breastfeeding: false, preEclampsiaOrEclampsia: false },
  hepatic: { impairment: 'none', baselineLiverTestsDone: true },
  neurological: { raisedIntracranialPressure: false, cerebralTrauma: false, raisedIntraocularPressure: false },
  other: { hypersensitivityToKetamine: false, hyperthyroidism: 'none', ulcerativeOrInterstitialCystitis: false },
  currentMedications: [{ name: 'venlafaxine' }],
};

export interface SessionWorld {
  readonly server: TestServer;
  readonly clinic: ClinicFixture;
  readonly as: Record<'prescriber' | 'nurse' | 'front_desk', ApiClient>;
  /** Move the server's clock to `minutes` after the start of the test (test-only clock file). */
  setMinutes(minutes: number): void;
  stop(): Promise<void>;
}

/** The real server with a test clock it reads from a file, a clinic open now, staff signed in through the API. */
export async function sessionWorld(): Promise<SessionWorld> {
  const clockFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kp-clock-')), 'offset-ms');
  fs.writeFileSync(clockFile, '0');
  // Idle sign-out follows the server clock, which these tests move by hours.
  const server = await startServer({ env: { KP_TEST_CLOCK_FILE: clockFile, SESSION_IDLE_MINUTES: '1440' } });
  const clinic = await seedClinic(server.url);
  const offset = new Date().getUTCHours() - 11;
  const zone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '+' : '-'}${Math.abs(offset)}`;
  await clinic.adminApi.call('PATCH', '/api/clinic', { timeZone: zone, openingDays: [0, 1, 2, 3, 4, 5, 6], remsCertifiedOn: '2026-01-15' });
  const as = {
    prescriber: await apiAs(server.url, clinic.staff.prescriber),
    nurse: await apiAs(server.url, clinic.staff.nurse),
    front_desk: await apiAs(server.url, clinic.staff.front_desk),
  };
  return {
    server,
    clinic,
    as,
    setMinutes: (m) => fs.writeFileSync(clockFile, String(Math.round(m * 60_000))),
    stop: () => server.stop(),
  };
}

/** A patient with approved eligibility, valid consent and a signed plan for `route`, booked into a chair now. */
export async function bookedPatient(w: SessionWorld, route: 'iv' | 'esketamine_nasal', first: string, last: string, chairName: string): Promise<{ patientId: string; appointmentId: string }> {
  const esk = route === 'esketamine_nasal';
  const p = await w.as.front_desk.call<{ id: string }>('POST', '/api/patients', {
    legalFirstName: first,
    legalLastName: last,
    dateOfBirth: '1985-04-12',
    sexAtBirth: 'female',
    escortName: 'Sam Rivers',
    escortPhone: '555-010-4478',
    weightKg: 72,
    heightCm: 168,
    confirmNotDuplicate: true,
    ...(esk ? { remsEnrolledAt: '2026-01-20', remsPatientId: 'R-7781' } : {}),
  });
  await w.as.nurse.call('PUT', `/api/patients/${p.id}/intake`, { plannedRoute: route, data: INTAKE });
  await w.as.nurse.call('POST', `/api/patients/${p.id}/intake/submit`);
  await w.as.prescriber.call('POST', `/api/patients/${p.id}/eligibility/reviews`, { route, decision: 'approved', password: w.clinic.staff.prescriber.password });
  const templates = await w.as.front_desk.call<{ templates: { kind: string; current: { id: string; contentHash: string } }[] }>('GET', '/api/consent-templates');
  const t = templates.templates.find((x) => x.kind === (esk ? 'esketamine_nasal' : 'iv_ketamine'));
  const signed = await w.as.front_desk.call<{ id: string }>('POST', `/api/patients/${p.id}/consents`, { templateVersionId: t?.current.id, contentHash: t?.current.contentHash, signerName: `${first} ${last}`, signerRelationship: 'patient', signaturePng: SIGNATURE_PNG, readConfirmed: true });
  await w.as.nurse.call('POST', `/api/consents/${signed.id}/countersign`, { password: w.clinic.staff.nurse.password });
  const today = new Date().toISOString().slice(0, 10);
  await w.as.prescriber.call('POST', `/api/patients/${p.id}/plans`, {
    route,
    startDate: today,
    sessionTime: '09:00',
    dose: esk ? {} : { stockConcentrationMgPerMl: 10 },
    measurementPlan: [{ instrumentId: 'phq9', timings: ['before_each_session'] }],
    followUps: ['urinary_screen', 'bp_review'],
    password: w.clinic.staff.prescriber.password,
  });
  const chair = await w.clinic.adminApi.call<{ id: string }>('POST', '/api/scheduling/chairs', { name: chairName, kind: 'chair' });
  const res = await w.as.front_desk.call<{ types: { id: string; code: string }[] }>('GET', '/api/scheduling/resources');
  const type = res.types.find((x) => x.code === (esk ? 'esketamine_session' : 'iv_session'));
  const appt = await w.as.front_desk.call<{ id: string }>('POST', '/api/appointments', { patientId: p.id, typeId: type?.id, startsAt: new Date(Date.now() + 5 * 60_000).toISOString(), chairId: chair.id });
  return { patientId: p.id, appointmentId: appt.id };
}

export async function signIn(browser: Browser, w: SessionWorld, role: 'prescriber' | 'nurse' | 'front_desk', url: string, viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { page, errors, context } = await newPage(browser, viewport);
  await page.goto(url);
  await page.getByLabel('Email').fill(w.clinic.staff[role].email);
  await page.getByLabel('Password').fill(w.clinic.staff[role].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return { page, errors, close: () => context.close() };
}

/** Enter one set of vital signs on the session screen (clearing the pre-filled values first). */
export async function enterVitals(page: Page, v: { systolic?: number; diastolic?: number; heartRate?: number; spo2?: number; respiratoryRate?: number }): Promise<void> {
  const panel = page.getByRole('region', { name: 'Record vital signs' });
  const labels = { systolic: 'Systolic', diastolic: 'Diastolic', heartRate: 'Heart rate', spo2: 'SpO₂', respiratoryRate: 'Breathing rate' } as const;
  for (const [k, label] of Object.entries(labels) as [keyof typeof labels, string][]) {
    const value = v[k];
    await panel.getByLabel(label, { exact: true }).fill(value === undefined ? '' : String(value));
  }
  await panel.getByRole('button', { name: 'Record reading' }).click();
}

/** With KP_SCREENSHOTS set: the screen as the tablet shows it (top of the page), then every panel on its own, to look at. */
export async function shots(page: Page, name: string): Promise<void> {
  const dir = process.env.KP_SCREENSHOTS;
  if (dir === undefined) {
    return;
  }
  fs.mkdirSync(dir, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
  const panels = page.locator('.chairside section.panel');
  for (let i = 0; i < (await panels.count()); i++) {
    const label = ((await panels.nth(i).locator('h2').first().textContent()) ?? `panel-${i}`).replace(/[^A-Za-z0-9]+/g, '-').slice(0, 30);
    await panels.nth(i).screenshot({ path: path.join(dir, `${name}--${i}-${label}.png`) });
  }
}
