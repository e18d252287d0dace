import { useState } from 'react';
import { useSessionAlertAck } from './hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ageText } from '../../lib/clock';
import { SEVERITY_CLASS, SEVERITY_TEXT, timeOf, type Alert, type Session } from '../../lib/session-format';
import { useNow } from './useNow';

const ESCALATION = ['', 'Escalated: not acknowledged in time', 'Escalated: prescriber on duty told'];

function OpenAlert({ a, s, tz }: { a: Alert; s: Session; tz: string }) {
  const [note, setNote] = useState('');
  const ack = useSessionAlertAck(s.id);
  const reading = s.readings.find((r) => r.id === a.readingId);
  return (
    <li className={`alert-card alert-${SEVERITY_CLASS[a.severity]} ${a.escalationLevel > 0 ? 'alert-escalated' : ''}`}>
      <div className="alert-title">
        <span className={`badge ${SEVERITY_CLASS[a.severity]}`}>⚠ {SEVERITY_TEXT[a.severity]}</span> <strong>{a.message}</strong>
      </div>
      {a.escalationLevel > 0 && <div className="alert-escalation">▲ {ESCALATION[a.escalationLevel] ?? 'Escalated'}</div>}
      <dl className="kv small">
        <dt>Reading</dt>
        <dd>
          {a.value ?? '—'}
          {reading !== undefined && <> (taken {timeOf(reading.takenAt, tz)}, {ageText(reading.takenAt)})</>}
        </dd>
        <dt>Threshold</dt>
        <dd>{a.limit ?? '—'}</dd>
        <dt>What to do</dt>
        <dd>
          <strong>{a.action ?? 'Assess the patient and inform the prescriber.'}</strong>
        </dd>
        <dt>Raised</dt>
        <dd>
          {timeOf(a.raisedAt, tz)} ({ageText(a.raisedAt)}) · rule {a.code}
        </dd>
        <dt>Source</dt>
        <dd>{a.source.citation}</dd>
      </dl>
      <div className="ack-row">
        <label htmlFor={`ack-${a.id}`} className="small">
          What was done (optional)
        </label>
        <input id={`ack-${a.id}`} value={note} onChange={(e) => setNote(e.target.value)} placeholder="e.g. infusion paused, BP rechecked" />
        <button type="button" className="big" disabled={ack.isPending} onClick={() => ack.mutate({ id: a.id, note })}>
          Acknowledge alert
        </button>
      </div>
      <ErrorAlert error={ack.error} />
    </li>
  );
}

/** Open alerts first and large (severity in words and colour); acknowledged ones below, with who and when. */
export function AlertsPanel({ s, tz }: { s: Session; tz: string }) {
  useNow(30_000);
  const open = s.alerts.filter((a) => a.acknowledged === null && a.severity !== 'info');
  const done = s.alerts.filter((a) => a.acknowledged !== null || a.severity === 'info');
  if (s.alerts.length === 0) {
    return null;
  }
  return (
    <section className={`panel ${open.length > 0 ? 'panel-alarm' : ''}`} aria-labelledby="alerts-h">
      <h2 id="alerts-h">{open.length > 0 ? `⚠ ${open.length} alert${open.length === 1 ? '' : 's'} to acknowledge` : 'Alerts'}</h2>
      {open.length > 0 && (
        <ul className="alert-list" aria-live="assertive">
          {open.map((a) => (
            <OpenAlert key={a.id} a={a} s={s} tz={tz} />
          ))}
        </ul>
      )}
      {done.length > 0 && (
        <details open={open.length === 0}>
          <summary>{done.length} acknowledged or informational</summary>
          <ul className="plain-list small">
            {done.map((a) => (
              <li key={a.id}>
                <span className={`badge ${SEVERITY_CLASS[a.severity]}`}>{SEVERITY_TEXT[a.severity]}</span> {a.message} ({a.value ?? '—'}; limit {a.limit ?? '—'}) — raised {timeOf(a.raisedAt, tz)}
                {a.acknowledged !== null && (
                  <>
                    ; <strong>acknowledged by {a.acknowledged.by ?? 'unknown'}</strong> at {timeOf(a.acknowledged.at, tz)}
                    {a.acknowledged.note !== null && a.acknowledged.note !== '' && <>: “{a.acknowledged.note}”</>}
                  </>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
