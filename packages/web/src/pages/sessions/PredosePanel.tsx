import type { PredosePassDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { useSessionAction } from '../../api/session-hooks';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { TriState } from '../../components/TriState';
import { fromLocalInput, toLocalInput, type Session } from '../../lib/session-format';
import { ChecklistItem, findingKeyOf } from './ChecklistItem';

type Answers = Omit<PredosePassDto, 'overrides' | 'cosign'>;
const MEDS = [
  { key: 'benzodiazepines', label: 'Benzodiazepines' },
  { key: 'nonBenzodiazepineSedativeHypnotics', label: 'Other sleeping tablets (sedative-hypnotics)' },
  { key: 'psychostimulants', label: 'Stimulants' },
  { key: 'maois', label: 'MAO inhibitors' },
  { key: 'opioids', label: 'Opioids' },
] as const;
type Meds = NonNullable<Answers['concomitantMedications']>;

function TimeField({ label, value, tz, onChange, hint }: { label: string; value: string | null | undefined; tz: string; onChange: (iso: string | undefined) => void; hint?: string }) {
  return <Field label={label} hint={hint} type="datetime-local" value={value === null || value === undefined ? '' : toLocalInput(value, tz)} onChange={(e) => onChange(e.target.value === '' ? undefined : fromLocalInput(e.target.value, tz))} />;
}

/** The pre-dose checklist: the nurse's answers, the clinical core's verdict per item, explanations, and prescriber overrides. */
export function PredosePanel({ s, me, tz }: { s: Session; me: ActiveSession; tz: string }) {
  const saved = s.predose.answers as Answers;
  const [a, setA] = useState<Answers>({ ...saved, explanations: { ...(saved.explanations ?? {}) } });
  const [meds, setMeds] = useState<Meds | null>(saved.concomitantMedications ?? null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [cosign, setCosign] = useState({ email: '', password: '' });
  const save = useSessionAction<Answers>(s.id, 'put', '/predose');
  const pass = useSessionAction<PredosePassDto>(s.id, 'post', '/predose/pass');
  const prescriber = can(me, 'session.override');
  const esk = s.route === 'esketamine_nasal';
  const set = (patch: Partial<Answers>) => setA({ ...a, ...patch });
  const body = (): Answers => ({ ...a, ...(meds === null ? {} : { concomitantMedications: meds }) });
  const overrideFindings = s.predose.items.flatMap((i) => i.findings.filter((f) => f.severity === 'override'));
  const blocked = s.predose.outcome === 'blocked';
  const overrides = overrideFindings.map((f) => ({ code: f.code, field: f.field, reason: reasons[findingKeyOf(f)] ?? '' }));
  const needsCosign = overrideFindings.length > 0 && !prescriber;
  const missingReason = overrides.some((o) => o.reason.trim().length < 10);

  return (
    <section className="panel" aria-labelledby="pre-h">
      <h2 id="pre-h">Pre-dose checks</h2>
      <p className="small muted">Answer what you checked with the patient, then press “Check again”. Each item below is decided by the clinical rules; the source of every rule is shown.</p>
      <div className="form-row">
        <Field label="Today's weight (kg)" inputMode="decimal" value={a.weightKg ?? ''} onChange={(e) => set({ weightKg: e.target.value === '' ? undefined : Number(e.target.value) })} hint="The dose is recomputed from it." />
        <TimeField label="Last food" tz={tz} value={a.lastFoodAt} onChange={(v) => set({ lastFoodAt: v ?? null })} />
        <TimeField label="Last liquids" tz={tz} value={a.lastLiquidsAt} onChange={(v) => set({ lastLiquidsAt: v ?? null })} />
        {esk && <TimeField label="Nasal steroid or decongestant today" hint="Leave empty if none today." tz={tz} value={a.nasalMedicationAt} onChange={(v) => set({ nasalMedicationAt: v ?? null })} />}
      </div>
      <div className="grid-2">
        <TriState label="Ride home with a responsible adult confirmed" value={a.escortConfirmed} onChange={(v) => set({ escortConfirmed: v })} hint={s.patient.escortName === null ? 'No escort on the record.' : `Escort on record: ${s.patient.escortName}${s.patient.escortPhone === null ? '' : `, ${s.patient.escortPhone}`}`} />
        <TriState label="Patient agrees: no driving until the next day after sleep" value={a.noDrivingAcknowledged} onChange={(v) => set({ noDrivingAcknowledged: v })} />
        <TriState label="Pregnant" value={a.pregnant} onChange={(v) => set({ pregnant: v })} />
        <TriState label="Baseline liver tests on file" value={a.baselineLiverTestsDone} onChange={(v) => set({ baselineLiverTestsDone: v })} />
        <TriState label="Prescriber on site" value={a.prescriberOnSite} onChange={(v) => set({ prescriberOnSite: v })} />
        <TriState label="Pulse oximeter available" value={a.pulseOximeterOnSite} onChange={(v) => set({ pulseOximeterOnSite: v })} />
      </div>
      <fieldset className="tri">
        <legend>Medicines taken today (tick any that apply)</legend>
        <div className="checks">
          {MEDS.map((m) => (
            <label key={m.key} className="check">
              <input type="checkbox" checked={meds?.[m.key] ?? false} onChange={(e) => setMeds({ benzodiazepines: false, nonBenzodiazepineSedativeHypnotics: false, psychostimulants: false, maois: false, opioids: false, ...meds, [m.key]: e.target.checked })} />
              {m.label}
            </label>
          ))}
          <label className="check">
            <input type="checkbox" checked={meds !== null && MEDS.every((m) => !meds[m.key])} onChange={(e) => setMeds(e.target.checked ? { benzodiazepines: false, nonBenzodiazepineSedativeHypnotics: false, psychostimulants: false, maois: false, opioids: false } : null)} />
            None of these (checked)
          </label>
        </div>
      </fieldset>
      <div className="actions">
        <button type="button" className="secondary big" disabled={save.isPending} onClick={() => save.mutate(body())}>
          {save.isPending ? 'Checking…' : 'Save and check again'}
        </button>
      </div>
      <ErrorAlert error={save.error} />

      <h3>Checklist</h3>
      <p className={`outcome outcome-${s.predose.outcome}`} role="status">
        {s.predose.outcome === 'blocked' && '✕ Blocked: the items marked “Stops treatment” must be resolved before the dose.'}
        {s.predose.outcome === 'needs_override' && '! A prescriber must give a reason to go ahead for the items marked “Needs prescriber reason”.'}
        {s.predose.outcome === 'no_blocking_findings' && '✓ Nothing stops the dose.'}
      </p>
      <ul className="checklist">
        {s.predose.items.map((i) => (
          <ChecklistItem
            key={i.id}
            item={i}
            explanation={a.explanations?.[i.id] ?? ''}
            onExplain={(text) => set({ explanations: { ...a.explanations, [i.id]: text } })}
            reasons={reasons}
            onReason={(k, text) => setReasons({ ...reasons, [k]: text })}
          />
        ))}
      </ul>
      {needsCosign && (
        <fieldset className="cosign">
          <legend>Prescriber confirms the overrides on this tablet</legend>
          <div className="form-row">
            <Field label="Prescriber's email" type="email" autoComplete="off" value={cosign.email} onChange={(e) => setCosign({ ...cosign, email: e.target.value })} />
            <Field label="Prescriber's password" type="password" autoComplete="off" value={cosign.password} onChange={(e) => setCosign({ ...cosign, password: e.target.value })} />
          </div>
        </fieldset>
      )}
      <ErrorAlert error={pass.error} />
      <div className="actions">
        <button
          type="button"
          className="big"
          disabled={blocked || pass.isPending || (overrideFindings.length > 0 && missingReason) || (needsCosign && (cosign.email === '' || cosign.password === ''))}
          onClick={() => pass.mutate({ ...body(), overrides, ...(needsCosign ? { cosign } : {}) })}
        >
          Pre-dose checks passed — go on to the dose
        </button>
        {blocked && <span className="small text-danger">Not possible while an item stops treatment.</span>}
        {!blocked && overrideFindings.length > 0 && missingReason && <span className="small">Write a reason (10 characters or more) for each override.</span>}
      </div>
    </section>
  );
}
