import type { DischargeInDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSessionAction } from '../../api/session-hooks';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { FindingCard } from '../../components/SeverityBadge';
import { TextAreaField } from '../../components/TextAreaField';
import { TriState } from '../../components/TriState';
import { timeOf, type Session } from '../../lib/session-format';

type Answers = Omit<DischargeInDto, 'overrideReason'>;

/** Discharge readiness as the clinical rules see it; "discharged" only when ready, or by a prescriber's override with a reason. */
export function DischargePanel({ s, me, tz }: { s: Session; me: ActiveSession; tz: string }) {
  const d = s.discharge;
  const [a, setA] = useState<Answers>(() => ({ ...(d?.answers ?? {}) }));
  const [overrideReason, setOverrideReason] = useState('');
  const check = useSessionAction<Answers>(s.id, 'put', '/discharge');
  const discharge = useSessionAction<DischargeInDto>(s.id, 'post', '/discharge');
  if (d === null) {
    return null;
  }
  const prescriber = can(me, 'session.override');
  const set = (patch: Partial<Answers>) => setA({ ...a, ...patch });
  const done = d.dischargedAt !== null;
  return (
    <section className="panel" aria-labelledby="dis-h">
      <h2 id="dis-h">Discharge</h2>
      {done ? (
        <p className="alert ok">
          <strong>Discharged at {timeOf(d.dischargedAt ?? '', tz)} by {d.dischargedBy ?? '—'}.</strong>
          {d.override !== null && <>Prescriber override by {d.override.by ?? '—'}: {d.override.reason}</>}
        </p>
      ) : (
        <>
          <p className={`outcome ${d.ready ? 'outcome-no_blocking_findings' : 'outcome-blocked'}`} role="status">
            {d.ready ? '✓ Ready for discharge by the clinical rules.' : `✕ Not ready for discharge yet (${d.reasons.length} reason${d.reasons.length === 1 ? '' : 's'} below).`}
            {d.minutesObserved !== null && <> Observed for {d.minutesObserved} min.</>}
            {d.earliestDischargeAt !== null && <> Earliest discharge: {timeOf(d.earliestDischargeAt, tz)}.</>}
          </p>
          {d.reasons.map((f) => (
            <FindingCard key={`${f.code}|${f.field ?? ''}`} f={f} />
          ))}
          <div className="grid-2">
            <TriState label="Escort present to take the patient home" value={a.escortPresent} onChange={(v) => set({ escortPresent: v })} />
            <TriState label="Discharge instructions given" value={a.instructionsGiven} onChange={(v) => set({ instructionsGiven: v })} />
            <TriState label="Clinician confirms the patient is stable" value={a.clinicianConfirmedStable} onChange={(v) => set({ clinicianConfirmedStable: v })} />
            <TriState label="Dissociation resolved" value={a.dissociationResolved} onChange={(v) => set({ dissociationResolved: v })} />
            <TriState label="Breathing normal (no respiratory depression)" value={a.respiratoryDepressionResolved} onChange={(v) => set({ respiratoryDepressionResolved: v })} />
            {s.route === 'esketamine_nasal' && <Field label="Ready to leave after (minutes from the first device)" hint="For the REMS form: when the patient would have been ready without the 2-hour rule." inputMode="numeric" value={a.readyToLeaveMinutes ?? ''} onChange={(e) => set({ readyToLeaveMinutes: e.target.value === '' ? undefined : Number(e.target.value) })} />}
          </div>
          <ErrorAlert error={check.error ?? discharge.error} />
          <div className="actions">
            <button type="button" className="secondary big" disabled={check.isPending} onClick={() => check.mutate(a)}>
              Save and check readiness
            </button>
            <button type="button" className="big" disabled={!d.ready || discharge.isPending} onClick={() => discharge.mutate(a)}>
              Record discharge
            </button>
            <Link className="button secondary" to={`/sessions/${s.id}/instructions`}>
              Print discharge instructions
            </Link>
          </div>
          {!d.ready && prescriber && (
            <details className="override">
              <summary>Discharge despite the reasons above (prescriber override)</summary>
              <TextAreaField label="Reason for discharging now" rows={2} value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} />
              <button type="button" className="danger" disabled={overrideReason.trim().length < 10 || discharge.isPending} onClick={() => discharge.mutate({ ...a, overrideReason })}>
                Discharge with override
              </button>
            </details>
          )}
        </>
      )}
    </section>
  );
}
