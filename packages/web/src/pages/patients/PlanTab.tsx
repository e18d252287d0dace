import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { PatientDto, PlanDto, PlanPreviewDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { api } from '../../api/client';
import { patientKeys, useIntake, usePlans } from '../../api/patient-hooks';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FindingCard } from '../../components/SeverityBadge';
import { SignDialog } from '../../components/SignDialog';
import { formatDateTime } from '../../lib/format';
import { ROUTE_LABELS } from '../../lib/routes';
import { PlanBooking } from './PlanBooking';
import { PlanFields, PlanPreview, planRequest, type PlanDefaults, type PlanFormState } from './plan-form';

function tomorrow(tz: string): string {
  const d = new Date(Date.now() + 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

function PlanCard({ plan, session, patientId }: { plan: PlanDto; session: ActiveSession; patientId: string }) {
  return (
    <div className="panel">
      <h2>
        {ROUTE_LABELS[plan.route] ?? plan.route}: version {plan.version} {plan.current ? <span className="badge ok">In force</span> : <span className="badge">Superseded</span>}
      </h2>
      <p className="small muted">
        Signed by {plan.signedByName} on {formatDateTime(plan.signedAt, session.clinic.timeZone)}
        {plan.changeReason !== null && ` · change: ${plan.changeReason}`}
      </p>
      <dl className="kv">
        <dt>Drug</dt>
        <dd>{plan.drug}</dd>
        <dt>Dose</dt>
        <dd>{plan.dose.summary}</dd>
        <dt>Course</dt>
        <dd>
          {plan.schedule.sessions.filter((s) => s.phase === 'induction').length} induction and {plan.schedule.sessions.filter((s) => s.phase === 'maintenance').length} maintenance sessions from {plan.schedule.startDate} at {plan.schedule.sessionTime}
        </dd>
        <dt>Measurements</dt>
        <dd>{plan.measurementPlan.map((m) => m.instrumentId.toUpperCase().replace('_', '-')).join(', ')}</dd>
        <dt>Safety follow-up</dt>
        <dd>{plan.followUps.map((f) => `${f.label} (${f.interval})`).join('; ')}</dd>
      </dl>
      {plan.overrides.map((o) => (
        <p key={o.code} className="small">
          Override {o.code}: “{o.reason}”
        </p>
      ))}
      {plan.findings
        .filter((f) => f.severity !== 'info')
        .map((f) => (
          <FindingCard key={f.code + f.message} f={f} />
        ))}
      {plan.current && can(session, 'schedule.book') && <PlanBooking patientId={patientId} planId={plan.id} timeZone={session.clinic.timeZone} />}
    </div>
  );
}

export function PlanTab({ session, patient }: { session: ActiveSession; patient: PatientDto }) {
  const qc = useQueryClient();
  const plans = usePlans(patient.id);
  const intake = useIntake(patient.id);
  const defaults = useQuery({ queryKey: ['plan-defaults'], queryFn: () => api.get<PlanDefaults>('/api/plans/defaults') });
  const [form, setForm] = useState<PlanFormState | null>(null);
  const [preview, setPreview] = useState<PlanPreviewDto | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [signing, setSigning] = useState(false);
  const current = plans.data?.plans.filter((p) => p.current) ?? [];
  const isPrescriber = can(session, 'plan.sign');

  function start() {
    const d = defaults.data;
    if (d === undefined) {
      return;
    }
    const route = intake.data?.intake?.plannedRoute ?? current[0]?.route ?? 'iv';
    setPreview(null);
    setForm({ route, indication: 'trd', startDate: tomorrow(session.clinic.timeZone), sessionTime: '09:00', mgPerKg: '', durationMinutes: '', stockConcentrationMgPerMl: '', totalVolumeMl: '', doseMg: '', measurementPlan: d.measurementPlan, followUps: d.followUps.filter((f) => f.default).map((f) => f.id), notes: '', changeReason: '', reasons: {} });
  }

  async function workOut() {
    if (form === null) {
      return;
    }
    setError(null);
    try {
      setPreview(await api.post<PlanPreviewDto>(`/api/patients/${patient.id}/plans/preview`, planRequest(form)));
    } catch (err) {
      setError(err);
    }
  }

  const replacing = form !== null && current.some((p) => p.route === form.route);
  return (
    <>
      <ErrorAlert error={plans.error ?? defaults.error} />
      {current.map((p) => (
        <PlanCard key={p.id} plan={p} session={session} patientId={patient.id} />
      ))}
      {current.length === 0 && form === null && <div className="panel">No signed treatment plan yet.</div>}
      {isPrescriber && form === null && (
        <button type="button" onClick={start} disabled={defaults.data === undefined}>
          {current.length === 0 ? 'Write a treatment plan' : 'Change the plan (new version)'}
        </button>
      )}
      {form !== null && defaults.data !== undefined && (
        <form onSubmit={(e) => e.preventDefault()}>
          <PlanFields f={form} set={(f) => { setForm(f); setPreview(null); }} defaults={defaults.data} />
          <section className="panel">
            {replacing && (
              <div className="field">
                <label htmlFor="plan-change">Why does the plan change? (required)</label>
                <textarea id="plan-change" value={form.changeReason} onChange={(e) => setForm({ ...form, changeReason: e.target.value })} />
              </div>
            )}
            <div className="field">
              <label htmlFor="plan-notes">Notes</label>
              <textarea id="plan-notes" value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />
            </div>
            <ErrorAlert error={error} />
            <div className="actions">
              <button type="button" className="secondary" onClick={() => void workOut()}>
                Work out dose and schedule
              </button>
              <button type="button" disabled={preview === null || !preview.ok || preview.outcome === 'blocked'} onClick={() => setSigning(true)}>
                Sign the plan
              </button>
              <button type="button" className="link" onClick={() => setForm(null)}>
                Cancel
              </button>
            </div>
          </section>
          {preview !== null && <PlanPreview preview={preview} reasons={form.reasons} setReason={(k, v) => setForm({ ...form, reasons: { ...form.reasons, [k]: v } })} timeZone={session.clinic.timeZone} />}
        </form>
      )}
      {form !== null && (
        <SignDialog
          open={signing}
          title="Sign the treatment plan"
          statement="The plan is recorded with your name. A later change is a new version with its reason; this one cannot be edited."
          mfa={session.user.mfaEnabled}
          onClose={() => setSigning(false)}
          onSign={async (proof) => {
            const overrides = (preview?.findings ?? []).filter((f) => f.severity === 'override').map((f) => ({ code: f.code, ...(f.field === null ? {} : { field: f.field }), reason: form.reasons[`${f.code}|${f.field ?? ''}`] ?? '' }));
            await api.post(`/api/patients/${patient.id}/plans`, { ...planRequest(form), overrides, ...(form.notes.trim() === '' ? {} : { notes: form.notes }), ...(replacing ? { changeReason: form.changeReason } : {}), ...proof });
            setSigning(false);
            setForm(null);
            setPreview(null);
            await qc.invalidateQueries({ queryKey: patientKeys.all(patient.id) });
          }}
        />
      )}
    </>
  );
}
