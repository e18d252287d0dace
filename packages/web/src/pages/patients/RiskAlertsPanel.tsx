import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

export interface RiskAlertDto {
  readonly id: string;
  readonly patientId: string;
  readonly patientName: string;
  readonly mrn: string;
  readonly label: string;
  readonly severity: 'warn' | 'stop';
  readonly raisedAt: string;
  readonly withName: string | null;
  readonly mine: boolean;
  readonly nextEscalationAt: string | null;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
  readonly contactMade: string | null;
  readonly actionTaken: string | null;
  readonly trail: readonly { at: string; action: string; who: string | null }[];
}

const TRAIL: Record<string, string> = { 'risk_alert.raised': 'Raised', 'risk_alert.escalated': 'Moved to the next person on call', 'risk_alert.acknowledged': 'Acknowledged' };
const time = (iso: string) => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });

function AckForm({ alert, canAck }: { alert: RiskAlertDto; canAck: boolean }) {
  const qc = useQueryClient();
  const [contactMade, setContact] = useState('');
  const [actionTaken, setAction] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (!canAck) {
    return null;
  }
  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api.post(`/api/risk-alerts/${alert.id}/acknowledge`, { contactMade, actionTaken });
      await qc.invalidateQueries({ queryKey: ['risk-alerts'] });
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="form-row" style={{ flexDirection: 'column', alignItems: 'stretch' }}>
      <div className="field">
        <label htmlFor={`c-${alert.id}`}>Contact made (who, how, when)</label>
        <textarea id={`c-${alert.id}`} rows={2} required value={contactMade} onChange={(e) => setContact(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`a-${alert.id}`}>Action taken</label>
        <textarea id={`a-${alert.id}`} rows={2} required value={actionTaken} onChange={(e) => setAction(e.target.value)} />
      </div>
      <ErrorAlert error={error} />
      <button type="submit">Acknowledge alert</button>
    </form>
  );
}

export function RiskAlertsPanel({ patientId, canAck }: { patientId: string; canAck: boolean }) {
  const q = useQuery({ queryKey: ['risk-alerts', patientId], queryFn: () => api.get<{ alerts: RiskAlertDto[] }>(`/api/patients/${patientId}/risk-alerts`) });
  if (q.isError) {
    return <ErrorAlert error={q.error} />;
  }
  const alerts = q.data?.alerts ?? [];
  if (alerts.length === 0) {
    return null;
  }
  return (
    <section className="panel" aria-labelledby="risk-h">
      <h2 id="risk-h">Suicide-risk alerts</h2>
      {alerts.map((a) => (
        <div key={a.id} className={`finding-block ${a.acknowledgedAt === null ? 'finding-warn' : ''}`} style={{ marginBottom: 12 }}>
          <div className="finding-head">
            <span className={`badge ${a.acknowledgedAt === null ? 'danger' : ''}`}>{a.acknowledgedAt === null ? 'Open' : 'Acknowledged'}</span> <strong>{a.label}</strong> · {time(a.raisedAt)}
          </div>
          {a.acknowledgedAt === null ? (
            <p className="small">
              With {a.withName ?? 'the prescribers on duty'}
              {a.nextEscalationAt !== null && <> · moves to the next person on call at {time(a.nextEscalationAt)}</>}
            </p>
          ) : (
            <p className="small">
              {a.acknowledgedBy}: <strong>Contact:</strong> {a.contactMade} <strong>Action:</strong> {a.actionTaken}
            </p>
          )}
          <ol className="small muted">
            {a.trail.map((e) => (
              <li key={`${e.at}${e.action}`}>
                {time(e.at)}: {TRAIL[e.action] ?? e.action}
                {e.who !== null && <> ({e.who})</>}
              </li>
            ))}
          </ol>
          {a.acknowledgedAt === null && <AckForm alert={a} canAck={canAck} />}
        </div>
      ))}
    </section>
  );
}
