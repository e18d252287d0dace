import type { AdverseEventInDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { useSessionAction } from '../../api/session-hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field, SelectField } from '../../components/Field';
import { TextAreaField } from '../../components/TextAreaField';
import { clock } from '../../lib/clock';
import { fromLocalInput, timeOf, toLocalInput, type Session } from '../../lib/session-format';

const SEVERITIES = [
  { value: 'mild', label: 'Mild' },
  { value: 'moderate', label: 'Moderate' },
  { value: 'severe', label: 'Severe' },
  { value: 'life_threatening', label: 'Life-threatening' },
];
const OUTCOMES = [
  { value: 'resolved', label: 'Resolved' },
  { value: 'resolving', label: 'Resolving' },
  { value: 'ongoing_at_discharge', label: 'Ongoing at discharge' },
  { value: 'transferred_for_care', label: 'Transferred for care' },
  { value: 'unknown', label: 'Unknown' },
];

/** Adverse events from the reference list; emergencies show the response to give. */
export function AdverseEventsPanel({ s, tz, canRecord }: { s: Session; tz: string; canRecord: boolean }) {
  const blank = (): AdverseEventInDto => ({ term: '', severity: 'mild', onsetAt: clock.nowIso(), outcome: 'resolved' });
  const [open, setOpen] = useState(false);
  const [e, setE] = useState<AdverseEventInDto>(blank);
  const record = useSessionAction<AdverseEventInDto>(s.id, 'post', '/adverse-events');
  const term = s.adverseEventTerms.find((t) => t.id === e.term);
  return (
    <section className="panel" aria-labelledby="ae-h">
      <h2 id="ae-h">Adverse and emergency events</h2>
      {s.adverseEvents.length === 0 ? (
        <p className="muted">None recorded.</p>
      ) : (
        <ul className="plain-list">
          {s.adverseEvents.map((a) => (
            <li key={a.id} className={a.emergency ? 'ae-emergency' : ''}>
              {a.emergency && <span className="badge danger">Emergency</span>} <strong>{a.label}</strong>
              {a.otherText !== null && <> ({a.otherText})</>} — {a.severity.replace('_', '-')}, onset {timeOf(a.onsetAt, tz)}, outcome {OUTCOMES.find((o) => o.value === a.outcome)?.label ?? a.outcome}
              {a.actionTaken !== null && <div className="small">Action taken: {a.actionTaken}</div>}
              {a.responseGiven !== null && <div className="small">Response given: {a.responseGiven}</div>}
              <div className="small muted">Recorded by {a.recordedBy ?? '—'} at {timeOf(a.recordedAt, tz)}</div>
            </li>
          ))}
        </ul>
      )}
      {canRecord && !open && (
        <button type="button" className="secondary big" onClick={() => { setE(blank()); setOpen(true); }}>
          Record an event
        </button>
      )}
      {canRecord && open && (
        <div className="ae-form">
          <SelectField label="Event" value={e.term} onChange={(x) => setE({ ...e, term: x.target.value })} options={[{ value: '', label: 'Choose from the list…' }, ...s.adverseEventTerms.map((t) => ({ value: t.id, label: t.emergency ? `EMERGENCY — ${t.label}` : t.label }))]} />
          {term?.emergency === true && term.response !== null && (
            <div className="alert error" role="alert">
              <strong>Emergency response</strong>
              {term.response}
            </div>
          )}
          {e.term === 'other' && <Field label="Describe the event" value={e.otherText ?? ''} onChange={(x) => setE({ ...e, otherText: x.target.value })} />}
          <div className="form-row">
            <SelectField label="Severity" value={e.severity} onChange={(x) => setE({ ...e, severity: x.target.value as AdverseEventInDto['severity'] })} options={SEVERITIES} />
            <Field label="Onset" type="datetime-local" value={toLocalInput(e.onsetAt, tz)} onChange={(x) => setE({ ...e, onsetAt: x.target.value === '' ? clock.nowIso() : fromLocalInput(x.target.value, tz) })} />
            <SelectField label="Outcome" value={e.outcome} onChange={(x) => setE({ ...e, outcome: x.target.value as AdverseEventInDto['outcome'] })} options={OUTCOMES} />
          </div>
          <TextAreaField label="Action taken" rows={2} value={e.actionTaken ?? ''} onChange={(x) => setE({ ...e, actionTaken: x.target.value })} />
          {term?.emergency === true && <TextAreaField label="Emergency response given" rows={2} value={e.responseGiven ?? ''} onChange={(x) => setE({ ...e, responseGiven: x.target.value })} />}
          <ErrorAlert error={record.error} />
          <div className="actions">
            <button type="button" className="big" disabled={e.term === '' || record.isPending} onClick={() => record.mutate(e, { onSuccess: () => setOpen(false) })}>
              Record event
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
