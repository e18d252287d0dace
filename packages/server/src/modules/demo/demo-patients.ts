import type { DemoDriver } from './demo-driver';
import { DEMO_INTAKE, type DemoPatient, type Stage } from './demo-data';
import { syntheticSignaturePng } from './signature-png';

const ORDER: Stage[] = ['registered', 'intake_draft', 'intake_submitted', 'approved', 'consent_signed', 'planned', 'booked'];
export const reached = (p: DemoPatient, s: Stage) => p.stage !== 'declined' && ORDER.indexOf(p.stage) >= ORDER.indexOf(s);

/** Take one synthetic patient through the real endpoints up to their stage (registration … plan … booking). */
export async function enrolDemoPatient(d: DemoDriver, p: DemoPatient, i: number, ctx: { today: string; start: string; sign: { password: string } }): Promise<{ id: string; planId?: string }> {
  const { today, start, sign } = ctx;
  const created = await d.call<{ id: string }>('front_desk', 'POST', '/api/patients', {
    legalFirstName: p.first, legalLastName: p.last, dateOfBirth: p.dob, sexAtBirth: p.sex, weightKg: p.weightKg, heightCm: p.heightCm, phone: p.phone,
    escortName: `${['Sam', 'Alex', 'Chris', 'Jamie'][i % 4] ?? 'Sam'} ${p.last}`, escortPhone: `555-02${String(i).padStart(2, '0')}`, allergies: i % 3 === 0 ? ['Penicillin'] : [], confirmNotDuplicate: true,
    ...(p.route === 'esketamine_nasal' && reached(p, 'approved') ? { remsPatientId: `DEMO-REMS-${1000 + i}`, remsEnrolledAt: today } : {}),
  });
  const id = created.id;
  if (p.stage === 'registered') {
    return { id };
  }
  await d.call('nurse', 'PUT', `/api/patients/${id}/intake`, { plannedRoute: p.route, data: { ...DEMO_INTAKE, ...p.intake, cardiovascular: { ...DEMO_INTAKE.cardiovascular, ...(p.intake?.cardiovascular as object | undefined) } } });
  if (p.stage === 'intake_draft') {
    return { id };
  }
  await d.call('nurse', 'POST', `/api/patients/${id}/intake/submit`);
  if (p.stage === 'intake_submitted') {
    return { id };
  }
  if (p.stage === 'declined') {
    await d.call('prescriber', 'POST', `/api/patients/${id}/eligibility/reviews`, { route: p.route, decision: 'declined', notes: 'Aneurysmal vascular disease: esketamine is contraindicated. Discussed alternatives.', ...sign });
    return { id };
  }
  const screen = await d.call<{ screening: { findings: { code: string; field: string | null; severity: string }[]; outcome: string } }>('prescriber', 'GET', `/api/patients/${id}/eligibility/screen`);
  const overrides = screen.screening.findings.filter((f) => f.severity === 'override').map((f) => ({ code: f.code, ...(f.field === null ? {} : { field: f.field }), reason: 'Reviewed with the patient and their psychiatrist; benefit outweighs the risk.' }));
  await d.call('prescriber', 'POST', `/api/patients/${id}/eligibility/reviews`, { route: p.route, decision: overrides.length > 0 ? 'approved_with_override' : 'approved', overrides, ...sign });
  if (!reached(p, 'consent_signed')) {
    return { id };
  }
  const kind = p.route === 'esketamine_nasal' ? 'esketamine_nasal' : p.route === 'iv' ? 'iv_ketamine' : p.route === 'im' ? 'im_ketamine' : 'oral_ketamine';
  const forms = await d.call<{ templates: { kind: string; current: { id: string; contentHash: string } }[] }>('nurse', 'GET', '/api/consent-templates');
  const form = forms.templates.find((t) => t.kind === kind);
  const consent = await d.call<{ id: string }>('nurse', 'POST', `/api/patients/${id}/consents`, { templateVersionId: form?.current.id, contentHash: form?.current.contentHash, signerName: `${p.first} ${p.last}`, signerRelationship: 'patient', signaturePng: syntheticSignaturePng(i), readConfirmed: true });
  if (!reached(p, 'planned')) {
    return { id };
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
  return { id, planId: plan.id };
}
