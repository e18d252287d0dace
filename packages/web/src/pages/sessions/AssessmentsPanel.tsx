import type { AssessmentInDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { useSessionAction } from '../../api/session-hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/Field';
import { clock } from '../../lib/clock';
import { timeOf, type Session } from '../../lib/session-format';
import { useInstrument } from './hooks';

const CHOICES: readonly { value: AssessmentInDto['instrument']; label: string }[] = [
  { value: 'moaas', label: 'Sedation — MOAA/S' },
  { value: 'cadss', label: 'Dissociation — CADSS' },
  { value: 'padss', label: 'Discharge score — PADSS' },
  { value: 'aldrete', label: 'Recovery score — Aldrete' },
  { value: 'phq9', label: 'Depression — PHQ-9 (before the dose)' },
  { value: 'cssrs_screener', label: 'Suicide-risk screen — C-SSRS (before the dose)' },
];

function InstrumentForm({ s, instrument, onDone }: { s: Session; instrument: AssessmentInDto['instrument']; onDone: () => void }) {
  const def = useInstrument(instrument);
  const [answers, setAnswers] = useState<Record<string, number | boolean>>({});
  const record = useSessionAction<AssessmentInDto>(s.id, 'post', '/assessments');
  if (def.data === undefined) {
    return def.isError ? <ErrorAlert error={def.error} /> : <p>Loading the form…</p>;
  }
  const d = def.data;
  const required = d.items.filter((i) => i.required && i.showIf === null);
  const complete = required.every((i) => answers[i.id] !== undefined);
  return (
    <div className="instrument">
      <h3>{d.title}</h3>
      {d.instructions !== null && <p className="small">{d.instructions}</p>}
      {d.items.map((i) => (
        <fieldset key={i.id} className="tri">
          <legend>{i.text ?? i.name}</legend>
          <div className="tri-options">
            {(i.yesNo ? [{ label: 'Yes', score: 1 }, { label: 'No', score: 0 }] : i.options).map((o) => {
              const value: number | boolean = i.yesNo ? o.score === 1 : o.score;
              return (
                <label key={o.label} className={`tri-option ${answers[i.id] === value ? 'on' : ''}`}>
                  <input type="radio" name={`${instrument}-${i.id}`} checked={answers[i.id] === value} onChange={() => setAnswers({ ...answers, [i.id]: value })} />
                  {i.yesNo ? o.label : `${o.score} — ${o.label}`}
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
      <p className="small muted">Source: {d.source}</p>
      <ErrorAlert error={record.error} />
      <div className="actions">
        <button type="button" className="big" disabled={!complete || record.isPending} onClick={() => record.mutate({ instrument, answers, takenAt: clock.nowIso() }, { onSuccess: onDone })}>
          Record {d.title}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** Sedation, dissociation and discharge scores at the protocol's times; the due list comes from the server's schedule. */
export function AssessmentsPanel({ s, tz, canRecord }: { s: Session; tz: string; canRecord: boolean }) {
  const [instrument, setInstrument] = useState<AssessmentInDto['instrument'] | ''>('');
  const due = (s.schedule?.items ?? []).filter((i) => i.kind !== 'vitals' && i.status !== 'done');
  return (
    <section className="panel" aria-labelledby="assess-h">
      <h2 id="assess-h">Sedation, dissociation and scores</h2>
      {due.length > 0 && (
        <ul className="plain-list">
          {due.map((i) => (
            <li key={i.id}>
              <span className={`badge ${i.status === 'missed' || i.minutesPastDue > 0 ? 'danger' : i.status === 'due' ? 'warn' : ''}`}>{i.status === 'missed' ? 'Missed' : i.minutesPastDue > 0 ? `${i.minutesPastDue} min late` : i.status === 'due' ? 'Due now' : 'Later'}</span> {i.label} — at {timeOf(i.dueAt, tz)}
            </li>
          ))}
        </ul>
      )}
      {s.assessments.length > 0 && (
        <table>
          <caption className="sr-only">Scores recorded</caption>
          <thead>
            <tr>
              <th>Time</th>
              <th>Score</th>
              <th>Result</th>
              <th>By</th>
            </tr>
          </thead>
          <tbody>
            {s.assessments.map((a) => (
              <tr key={a.id}>
                <td>{timeOf(a.takenAt, tz)}</td>
                <td>{CHOICES.find((c) => c.value === a.instrument)?.label ?? a.instrument}</td>
                <td>
                  <strong>{a.total}</strong>
                  {a.band !== null && <> — {a.band}</>}
                  {a.flags.map((f) => (
                    <div key={f.code} className="small text-danger">
                      ⚠ {f.message}
                    </div>
                  ))}
                </td>
                <td className="small">{a.recordedBy ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canRecord &&
        (instrument === '' ? (
          <div className="form-row">
            <SelectField label="Record a score" value="" onChange={(e) => setInstrument(e.target.value as AssessmentInDto['instrument'])} options={[{ value: '', label: 'Choose…' }, ...CHOICES]} />
          </div>
        ) : (
          <InstrumentForm s={s} instrument={instrument} onDone={() => setInstrument('')} />
        ))}
    </section>
  );
}
