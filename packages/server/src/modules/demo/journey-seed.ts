import { eq } from 'drizzle-orm';
import { chairs, clinics } from '../../db/schema';
import type { Deps } from '../../http/deps';
import type { App } from '../../http/route';
import { localDateOf } from '../../lib/zoned';
import { DEMO_CHAIRS, DEMO_INTAKE, DEMO_PATIENTS, type DemoPatient, type Stage } from './demo-data';
import { syntheticSignaturePng } from './signature-png';

type Role = 'admin' | 'prescriber' | 'nurse' | 'front_desk';

/** Drives the real HTTP endpoints as the demo staff, so demo data passes every rule real data does. */
class DemoDriver {
  private readonly sessions = new Map<Role, { cookie: string; csrf: string }>();
  constructor(private readonly app: App) {}

  private async login(role: Role): Promise<{ cookie: string; csrf: string }> {
    const known = this.sessions.get(role);
    if (known !== undefined) {
      return known;
    }
    const res = await this.app.inject({ method: 'POST', url: '/api/demo/login', headers: { 'x-ketapath-csrf': 'demo-seed', 'user-agent': 'Ketapath demo seed' }, payload: { role } });
    const cookie = res.cookies.find((c) => c.name === 'kp_session');
    if (res.statusCode !== 200 || cookie === undefined) {
      throw new Error(`demo login failed: ${res.statusCode}`);
    }
    const s = { cookie: `kp_session=${cookie.value}`, csrf: res.json<{ csrfToken: string }>().csrfToken };
    this.sessions.set(role, s);
    return s;
  }

  async call<T = Record<string, unknown>>(role: Role, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown): Promise<T> {
    const s = await this.login(role);
    const res = await this.app.inject({ method, url, headers: { cookie: s.cookie, 'x-ketapath-csrf': s.csrf, 'user-agent': 'Ketapath demo seed' }, ...(payload === undefined ? {} : { payload: payload as object }) });
    if (res.statusCode >= 400) {
      throw new Error(`demo seed ${method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
    }
    return (res.body === '' ? {} : res.json()) as T;
  }
}

const ORDER: Stage[] = ['registered', 'intake_draft', 'intake_submitted', 'approved', 'consent_signed', 'planned', 'booked'];
const reached = (p: DemoPatient, s: Stage) => p.stage !== 'declined' && ORDER.indexOf(p.stage) >= ORDER.indexOf(s);

/** Give the demo clinic chairs, working hours and patients at every stage of the journey (once). */
export async function seedDemoJourney(app: App, deps: Deps, clinicId: string): Promise<void> {
  // The journey's chairs mark it as seeded (the ledger demo adds its own synthetic patients first).
  const [existing] = await deps.db.select({ id: chairs.id }).from(chairs).where(eq(chairs.clinicId, clinicId)).limit(1);
  if (existing !== undefined) {
    return;
  }
  const [clinic] = await deps.db.select().from(clinics).where(eq(clinics.id, clinicId));
  const password = clinic?.demoPassword ?? '';
  const d = new DemoDriver(app);
  const sign = { password };
  for (const [i, name] of DEMO_CHAIRS.entries()) {
    await d.call('admin', 'POST', '/api/scheduling/chairs', { name, kind: name.includes('room') ? 'room' : 'chair', sortOrder: i });
  }
  const res = await d.call<{ staff: { userId: string; role: string }[] }>('admin', 'GET', '/api/scheduling/resources');
  for (const s of res.staff.filter((x) => x.role === 'nurse' || x.role === 'prescriber')) {
    await d.call('admin', 'PUT', `/api/scheduling/staff/${s.userId}/hours`, { hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startsAt: '07:30', endsAt: '18:00' })) });
  }
  const today = localDateOf(deps.clock.now(), clinic?.timeZone ?? 'UTC');
  const start = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  for (const [i, p] of DEMO_PATIENTS.entries()) {
    const created = await d.call<{ id: string }>('front_desk', 'POST', '/api/patients', {
      legalFirstName: p.first, legalLastName: p.last, dateOfBirth: p.dob, sexAtBirth: p.sex, weightKg: p.weightKg, heightCm: p.heightCm, phone: p.phone,
      escortName: `${['Sam', 'Alex', 'Chris', 'Jamie'][i % 4] ?? 'Sam'} ${p.last}`, escortPhone: `555-02${String(i).padStart(2, '0')}`, allergies: i % 3 === 0 ? ['Penicillin'] : [], confirmNotDuplicate: true,
      ...(p.route === 'esketamine_nasal' && reached(p, 'approved') ? { remsPatientId: `DEMO-REMS-${1000 + i}`, remsEnrolledAt: today } : {}),
    });
    const id = created.id;
    if (p.stage === 'registered') {
      continue;
    }
    await d.call('nurse', 'PUT', `/api/patients/${id}/intake`, { plannedRoute: p.route, data: { ...DEMO_INTAKE, ...p.intake, cardiovascular: { ...DEMO_INTAKE.cardiovascular, ...(p.intake?.cardiovascular as object | undefined) } } });
    if (p.stage === 'intake_draft') {
      continue;
    }
    await d.call('nurse', 'POST', `/api/patients/${id}/intake/submit`);
    if (p.stage === 'intake_submitted') {
      continue;
    }
    if (p.stage === 'declined') {
      await d.call('prescriber', 'POST', `/api/patients/${id}/eligibility/reviews`, { route: p.route, decision: 'declined', notes: 'Aneurysmal vascular disease: esketamine is contraindicated. Discussed alternatives.', ...sign });
      continue;
    }
    const screen = await d.call<{ screening: { findings: { code: string; field: string | null; severity: string }[]; outcome: string } }>('prescriber', 'GET', `/api/patients/${id}/eligibility/screen`);
    const overrides = screen.screening.findings.filter((f) => f.severity === 'override').map((f) => ({ code: f.code, ...(f.field === null ? {} : { field: f.field }), reason: 'Reviewed with the patient and their psychiatrist; benefit outweighs the risk.' }));
    await d.call('prescriber', 'POST', `/api/patients/${id}/eligibility/reviews`, { route: p.route, decision: overrides.length > 0 ? 'approved_with_override' : 'approved', overrides, ...sign });
    if (!reached(p, 'consent_signed')) {
      continue;
    }
    const kind = p.route === 'esketamine_nasal' ? 'esketamine_nasal' : p.route === 'iv' ? 'iv_ketamine' : p.route === 'im' ? 'im_ketamine' : 'oral_ketamine';
    const forms = await d.call<{ templates: { kind: string; current: { id: string; contentHash: string } }[] }>('nurse', 'GET', '/api/consent-templates');
    const form = forms.templates.find((t) => t.kind === kind);
    const consent = await d.call<{ id: string }>('nurse', 'POST', `/api/patients/${id}/consents`, { templateVersionId: form?.current.id, contentHash: form?.current.contentHash, signerName: `${p.first} ${p.last}`, signerRelationship: 'patient', signaturePng: syntheticSignaturePng(i), readConfirmed: true });
    if (!reached(p, 'planned')) {
      continue;
    }
    await d.call('nurse', 'POST', `/api/consents/${consent.id}/countersign`, sign);
    const plan = await d.call<{ id: string }>('prescriber', 'POST', `/api/patients/${id}/plans`, {
      route: p.route, startDate: start, sessionTime: i % 2 === 0 ? '08:30' : '11:00', dose: p.route === 'iv' ? { stockConcentrationMgPerMl: 10 } : {},
      measurementPlan: [{ instrumentId: 'phq9', timings: ['at_baseline', 'before_each_session', 'weekly_during_induction', 'monthly_during_maintenance'] }, { instrumentId: 'gad7', timings: ['at_baseline', 'weekly_during_induction'] }, { instrumentId: 'urinary_screen', timings: ['before_each_session'] }],
      followUps: ['urinary_screen', 'liver_tests', 'cognition', 'misuse_screen', 'bp_review', 'induction_review'], ...sign,
    });
    if (p.stage === 'booked') {
      await d.call('front_desk', 'POST', `/api/patients/${id}/plans/${plan.id}/booking`, { sessions: 'induction' });
    }
  }
}
