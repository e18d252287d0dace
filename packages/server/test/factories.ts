import { randomUUID } from 'node:crypto';
import { hashPassword } from '../src/auth/passwords';
import { generateTotpSecret, totpAt } from '../src/auth/totp';
import { clinics, users } from '../src/db/schema';
import { provisionClinic } from '../src/modules/clinic/provision';
import type { StaffRole } from '../src/policy/roles';
import { Agent } from './agent';
import type { TestApp } from './harness';

export const TEST_PASSWORD = 'Chairside-Tablet-7am-Safe';
let hashed: Promise<string> | undefined;

export interface TestClinic {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
}

export async function createClinic(t: TestApp, overrides: Partial<typeof clinics.$inferInsert> = {}): Promise<TestClinic> {
  const id = randomUUID();
  const name = overrides.name ?? `Clinic ${id.slice(0, 8)}`;
  const row = {
    id,
    name,
    slug: `clinic-${id.slice(0, 8)}`,
    timeZone: 'America/New_York',
    jurisdiction: 'US',
    mfaRequiredRoles: [] as string[],
    createdAt: t.clock.now(),
    ...overrides,
  };
  await t.deps.db.transaction(async (tx) => {
    await tx.insert(clinics).values(row);
    await provisionClinic(tx, id, t.clock.now());
  });
  return { id, name: row.name, slug: row.slug };
}

export interface TestUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly clinicId: string;
  readonly password: string;
  readonly mfaSecret: string | null;
}

export async function createStaff(
  t: TestApp,
  clinic: TestClinic,
  role: StaffRole,
  options: { mfa?: boolean; name?: string } = {},
): Promise<TestUser> {
  const id = randomUUID();
  hashed ??= hashPassword(TEST_PASSWORD);
  const mfaSecret = options.mfa === true ? generateTotpSecret() : null;
  const user = {
    id,
    clinicId: clinic.id,
    email: `${role}.${id.slice(0, 8)}@example.test`,
    name: options.name ?? `Test ${role} ${id.slice(0, 4)}`,
    role,
    status: 'active',
    passwordHash: await hashed,
    mfaSecret,
    mfaEnabledAt: mfaSecret === null ? null : t.clock.now(),
    createdAt: t.clock.now(),
  };
  await t.deps.db.insert(users).values(user);
  return { id, email: user.email, name: user.name, role, clinicId: clinic.id, password: TEST_PASSWORD, mfaSecret };
}

/** Sign in through the real HTTP endpoints (password, then TOTP when enrolled). */
export async function signIn(t: TestApp, user: TestUser): Promise<Agent> {
  const agent = new Agent(t);
  const res = await agent.post('/api/auth/login', { email: user.email, password: user.password });
  if (res.status !== 200) {
    throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  if (res.body.stage === 'mfa_pending' && user.mfaSecret !== null) {
    t.clock.advance(30_000);
    const mfa = await agent.post('/api/auth/mfa/verify', { code: totpAt(user.mfaSecret, t.clock.now()) });
    if (mfa.status !== 200) {
      throw new Error(`mfa failed: ${mfa.status} ${JSON.stringify(mfa.body)}`);
    }
  }
  return agent;
}

/** A clinic with one user per role, each signed in. */
export async function clinicWithStaff(t: TestApp): Promise<{
  clinic: TestClinic;
  users: Record<StaffRole, TestUser>;
  as: Record<StaffRole, Agent>;
}> {
  const clinic = await createClinic(t);
  const roles: StaffRole[] = ['admin', 'prescriber', 'nurse', 'front_desk'];
  const users = {} as Record<StaffRole, TestUser>;
  const as = {} as Record<StaffRole, Agent>;
  for (const role of roles) {
    users[role] = await createStaff(t, clinic, role);
    as[role] = await signIn(t, users[role]);
  }
  return { clinic, users, as };
}

/** A 1×1 PNG, standing in for a drawn signature in API tests (browser tests draw a real one). */
export const SIGNATURE_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export const PATIENT = {
  legalFirstName: 'Jordan',
  legalLastName: 'Rivers',
  dateOfBirth: '1985-04-12',
  sexAtBirth: 'female',
  phone: '555-010-4477',
  escortName: 'Sam Rivers',
  escortPhone: '555-010-4478',
  weightKg: 70,
  heightCm: 168,
};

/** Register a patient through the API (each call a distinct person). */
export async function registerPatient(agent: Agent, overrides: Record<string, unknown> = {}): Promise<{ id: string; mrn: string }> {
  const unique = Math.random().toString(36).slice(2, 8);
  const res = await agent.post('/api/patients', { ...PATIENT, legalLastName: `Rivers-${unique}`, phone: null, confirmNotDuplicate: true, ...overrides });
  if (res.status !== 201) {
    throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

/** Sign and countersign the current consent of a kind for a patient. */
export async function giveConsent(as: { front_desk: Agent; nurse: Agent }, patientId: string, kind: string): Promise<string> {
  const templates = await as.front_desk.get('/api/consent-templates');
  const t = templates.body.templates.find((x: { kind: string }) => x.kind === kind);
  const signed = await as.front_desk.post(`/api/patients/${patientId}/consents`, {
    templateVersionId: t.current.id,
    contentHash: t.current.contentHash,
    signerName: 'Jordan Rivers',
    signerRelationship: 'patient',
    signaturePng: SIGNATURE_PNG,
    readConfirmed: true,
  });
  if (signed.status !== 201) {
    throw new Error(`sign failed: ${signed.status} ${JSON.stringify(signed.body)}`);
  }
  const cs = await as.nurse.post(`/api/consents/${signed.body.id}/countersign`, { password: TEST_PASSWORD });
  if (cs.status !== 200) {
    throw new Error(`countersign failed: ${cs.status} ${JSON.stringify(cs.body)}`);
  }
  return signed.body.id;
}

/** A complete intake of a typical treatment-resistant candidate with nothing that blocks treatment. */
export const GOOD_INTAKE = {
  diagnosis: { condition: 'mdd', episode: 'recurrent', psychoticFeatures: false },
  antidepressantTrials: [
    { drug: 'sertraline', dose: '150 mg/day', doseAdequate: true, durationWeeks: 10, adherence: 'adequate', improvementPercent: 10, inCurrentEpisode: true },
    { drug: 'venlafaxine', dose: '225 mg/day', doseAdequate: true, durationWeeks: 8, adherence: 'adequate', improvementPercent: 20, inCurrentEpisode: true },
  ],
  psychiatric: { psychosisHistory: false, psychosisCurrent: false, maniaOrBipolarHistory: false },
  substanceUse: { disorder: 'none', ketamineOrPcpMisuse: 'none' },
  cardiovascular: {
    aneurysmalVascularDisease: false,
    arteriovenousMalformation: false,
    intracerebralHaemorrhage: false,
    cerebrovascularAccident: false,
    severeCoronaryOrMyocardialDisease: false,
    otherCardiovascularDisease: false,
    unstableCardiovascularOrRespiratoryDisease: false,
    hypertensiveEncephalopathyHistory: false,
    hypertension: 'none',
  },
  bloodPressure: { systolic: 122, diastolic: 78 },
  pregnancy: { pregnant: false, breastfeeding: false, preEclampsiaOrEclampsia: false },
  hepatic: { impairment: 'none', baselineLiverTestsDone: true },
  neurological: { raisedIntracranialPressure: false, cerebralTrauma: false, raisedIntraocularPressure: false },
  other: { hypersensitivityToKetamine: false, hyperthyroidism: 'none', ulcerativeOrInterstitialCystitis: false },
  currentMedications: [{ name: 'venlafaxine' }],
};

/** Intake submitted and eligibility approved for a route (no overrides needed with GOOD_INTAKE). */
export async function approveEligibility(as: { nurse: Agent; prescriber: Agent }, patientId: string, route: string): Promise<void> {
  await as.nurse.request('PUT', `/api/patients/${patientId}/intake`, { plannedRoute: route, data: GOOD_INTAKE });
  await as.nurse.post(`/api/patients/${patientId}/intake/submit`);
  const r = await as.prescriber.post(`/api/patients/${patientId}/eligibility/reviews`, { route, decision: 'approved', password: TEST_PASSWORD });
  if (r.status !== 201) {
    throw new Error(`approval failed: ${r.status} ${JSON.stringify(r.body)}`);
  }
}

export function planBody(route: string, startDate: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    route,
    startDate,
    sessionTime: '09:00',
    dose: route === 'iv' ? { stockConcentrationMgPerMl: 10 } : route === 'im' ? { stockConcentrationMgPerMl: 50 } : {},
    measurementPlan: [{ instrumentId: 'phq9', timings: ['before_each_session'] }],
    followUps: ['urinary_screen', 'bp_review'],
    ...extra,
  };
}

/** Chairs for a clinic (through the API, as an administrator would). */
export async function addChairs(admin: Agent, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, name] of names.entries()) {
    const r = await admin.post('/api/scheduling/chairs', { name, kind: 'chair', sortOrder: i });
    ids.push(r.body.id);
  }
  return ids;
}

/** A patient ready for treatment on a route: eligibility approved, consent valid and plan signed. */
export async function readyPatient(as: Record<'front_desk' | 'nurse' | 'prescriber', Agent>, route: string, startDate: string, patient: Record<string, unknown> = {}): Promise<{ id: string; planId: string }> {
  const p = await registerPatient(as.front_desk, patient);
  await approveEligibility(as, p.id, route);
  await giveConsent(as, p.id, route === 'esketamine_nasal' ? 'esketamine_nasal' : route === 'im' ? 'im_ketamine' : route === 'iv' ? 'iv_ketamine' : 'oral_ketamine');
  const plan = await as.prescriber.post(`/api/patients/${p.id}/plans`, { ...planBody(route, startDate), password: TEST_PASSWORD });
  if (plan.status !== 201) {
    throw new Error(`plan failed: ${plan.status} ${JSON.stringify(plan.body)}`);
  }
  return { id: p.id, planId: plan.body.id };
}
