import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';

interface OpenAlert {
  readonly id: string;
  readonly patientId: string;
  readonly patientName: string;
  readonly mrn: string;
  readonly label: string;
  readonly mine: boolean;
  readonly withName: string | null;
}

/** Open suicide-risk alerts, on every page for clinical staff; loudest when the alert is with me. */
export function RiskBanner() {
  const q = useQuery({ queryKey: ['risk-alerts', 'open'], queryFn: () => api.get<{ alerts: OpenAlert[] }>('/api/risk-alerts'), refetchInterval: 20_000 });
  const alerts = q.data?.alerts ?? [];
  if (alerts.length === 0) {
    return null;
  }
  return (
    <div className="risk-banner" role="alert" aria-live="assertive">
      <strong>{alerts.length === 1 ? 'Open suicide-risk alert' : `${alerts.length} open suicide-risk alerts`}</strong>
      <ul>
        {alerts.map((a) => (
          <li key={a.id}>
            {a.mine && <span className="badge danger">With you</span>} {a.patientName} ({a.mrn}): {a.label}
            {!a.mine && a.withName !== null && <span className="small"> · with {a.withName}</span>}{' '}
            <Link to={`/patients/${a.patientId}/questionnaires`}>Open and acknowledge</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
