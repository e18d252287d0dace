import type { RemsSubmissionInDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { useSessionAction } from '../../api/session-hooks';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field, SelectField } from '../../components/Field';
import { FindingCard } from '../../components/SeverityBadge';
import { clock } from '../../lib/clock';
import { toLocalInput, type Session } from '../../lib/session-format';

/** Esketamine: the REMS Patient Monitoring Form filled from the session, as PDF, and its submission. */
export function RemsPanel({ s, me, tz }: { s: Session; me: ActiveSession; tz: string }) {
  const r = s.rems;
  const [sub, setSub] = useState<RemsSubmissionInDto>({ submittedOn: toLocalInput(clock.nowIso(), tz).slice(0, 10), method: 'online', confirmationNumber: '' });
  const submit = useSessionAction<RemsSubmissionInDto>(s.id, 'post', '/rems-form/submission');
  if (r === null) {
    return null;
  }
  const sections = [...new Set(r.fields.map((f) => f.section))];
  return (
    <section className="panel" aria-labelledby="rems-h">
      <h2 id="rems-h">REMS Patient Monitoring Form</h2>
      <p className={`outcome ${r.complete ? 'outcome-no_blocking_findings' : 'outcome-needs_override'}`}>{r.complete ? '✓ Every required field is filled from the record.' : '! Some required fields are empty (marked “Missing”).'}</p>
      {r.findings.map((f) => (
        <FindingCard key={`${f.code}|${f.field ?? ''}`} f={f} />
      ))}
      {sections.map((sec) => (
        <div key={sec}>
          <h3>{sec}</h3>
          <dl className="kv small">
            {r.fields
              .filter((f) => f.section === sec)
              .map((f) => (
                <div key={f.id} style={{ display: 'contents' }}>
                  <dt>{f.label}</dt>
                  <dd>{f.value ?? (f.required ? <span className="badge danger">Missing</span> : '—')}</dd>
                </div>
              ))}
          </dl>
        </div>
      ))}
      <div className="actions">
        <a className="button secondary" href={`/api/sessions/${s.id}/rems-form.pdf`} download={`rems-monitoring-form-${s.id}.pdf`}>
          Download the form (PDF)
        </a>
      </div>
      {r.submission !== null ? (
        <p className="alert ok">
          <strong>Submitted on {r.submission.submittedOn} ({r.submission.method}).</strong>
          Confirmation number: {r.submission.confirmationNumber ?? 'none given'} · recorded by {r.submission.by ?? '—'}
        </p>
      ) : (
        can(me, 'rems.submit') && (
          <div className="rems-submit">
            <h3>Record the submission</h3>
            <div className="form-row">
              <Field label="Submitted on" type="date" value={sub.submittedOn} onChange={(e) => setSub({ ...sub, submittedOn: e.target.value })} />
              <SelectField label="How" value={sub.method} onChange={(e) => setSub({ ...sub, method: e.target.value as 'online' | 'fax' })} options={[{ value: 'online', label: 'Online' }, { value: 'fax', label: 'Fax' }]} />
              <Field label="Confirmation number" value={sub.confirmationNumber ?? ''} onChange={(e) => setSub({ ...sub, confirmationNumber: e.target.value })} />
            </div>
            <ErrorAlert error={submit.error} />
            <button type="button" disabled={submit.isPending} onClick={() => submit.mutate(sub)}>
              Record submission
            </button>
          </div>
        )
      )}
    </section>
  );
}
