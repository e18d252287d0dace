import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { usePendingReadings } from '../../api/outbox';
import { sessionKeys } from '../../api/session-hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ageText } from '../../lib/clock';
import { bpText, SEVERITY_TEXT, SYMPTOMS, timeOf, unitText, type Reading, type Session } from '../../lib/session-format';

const symptomLabel = (id: string): string => SYMPTOMS.find((x) => x.id === id)?.label ?? id;

function FlagCell({ r }: { r: Reading }) {
  if (r.voided !== null) {
    return <span className="badge">Voided</span>;
  }
  if (r.worst === null) {
    return <span className="badge ok">✓ In range</span>;
  }
  return <span className={`badge ${r.worst === 'warn' || r.worst === 'info' ? 'warn' : 'danger'}`}>⚠ {SEVERITY_TEXT[r.worst]}</span>;
}

/** Every reading, newest first, with its source and age; voided readings stay visible with the reason. */
export function Flowsheet({ s, tz, canVoid }: { s: Session; tz: string; canVoid: boolean }) {
  const qc = useQueryClient();
  const pending = usePendingReadings(s.id);
  const [voiding, setVoiding] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const rows = [...s.readings].reverse();
  async function doVoid(id: string) {
    setError(null);
    try {
      await api.post(`/api/sessions/${s.id}/vitals/${id}/void`, { reason });
      setVoiding(null);
      setReason('');
      await qc.invalidateQueries({ queryKey: sessionKeys.one(s.id) });
    } catch (e) {
      setError(e);
    }
  }
  return (
    <div className="table-wrap">
      <table className="flowsheet">
        <caption className="sr-only">Vital signs flowsheet, newest first</caption>
        <thead>
          <tr>
            <th>Time</th>
            <th>Blood pressure</th>
            <th>Heart rate</th>
            <th>SpO₂</th>
            <th>Breathing</th>
            <th>Status</th>
            <th>By</th>
          </tr>
        </thead>
        <tbody>
          {pending.map((p) => (
            <tr key={p.reading.clientId} className="row-pending">
              <td>
                {timeOf(p.reading.takenAt, tz)}
                <div className="small muted">{ageText(p.reading.takenAt)}</div>
              </td>
              <td>{p.reading.systolic === undefined ? '—' : `${p.reading.systolic}/${p.reading.diastolic ?? '—'} mmHg`}</td>
              <td>{p.reading.heartRate === undefined ? '—' : `${p.reading.heartRate} /min`}</td>
              <td>{p.reading.spo2 === undefined ? '—' : `${p.reading.spo2} %`}</td>
              <td>{p.reading.respiratoryRate === undefined ? '—' : `${p.reading.respiratoryRate} /min`}</td>
              <td>
                <span className="badge warn">⏳ Not sent yet</span>
              </td>
              <td className="small">This tablet</td>
            </tr>
          ))}
          {rows.length === 0 && pending.length === 0 && (
            <tr>
              <td colSpan={7} className="muted">
                No readings yet.
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={r.id} className={r.voided === null ? (r.worst === null || r.worst === 'info' ? '' : 'row-flag') : 'row-voided'}>
              <td>
                {timeOf(r.takenAt, tz)}
                <div className="small muted">{ageText(r.takenAt)}</div>
              </td>
              <td>{bpText(r)}</td>
              <td>{unitText(r.heartRate, '/min')}</td>
              <td>{unitText(r.spo2, '%')}</td>
              <td>
                {unitText(r.respiratoryRate, '/min')}
                {r.symptoms.length > 0 && <div className="small">{r.symptoms.map(symptomLabel).join(', ')}</div>}
              </td>
              <td>
                <FlagCell r={r} />
                {r.voided !== null && <div className="small">{r.voided.reason} — {r.voided.by ?? 'unknown'}</div>}
              </td>
              <td className="small">
                {r.source === 'device' ? 'Monitor' : (r.enteredBy ?? '—')}
                {canVoid && r.voided === null && voiding !== r.id && (
                  <div>
                    <button type="button" className="link" onClick={() => setVoiding(r.id)}>
                      Void…
                    </button>
                  </div>
                )}
                {voiding === r.id && (
                  <div className="void-form">
                    <label className="small" htmlFor={`void-${r.id}`}>Why is this reading wrong?</label>
                    <input id={`void-${r.id}`} value={reason} onChange={(e) => setReason(e.target.value)} />
                    <ErrorAlert error={error} />
                    <div className="actions">
                      <button type="button" className="small danger" disabled={reason.trim().length < 3} onClick={() => void doVoid(r.id)}>
                        Void reading
                      </button>
                      <button type="button" className="small secondary" onClick={() => setVoiding(null)}>
                        Keep
                      </button>
                    </div>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
