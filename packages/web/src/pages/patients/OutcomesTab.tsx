import { useQuery } from '@tanstack/react-query';
import type { PatientDto, PatientOutcomesDto } from '@ketapath/server/contracts';
import { useMemo } from 'react';
import { api } from '../../api/client';
import type { ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScoreChart } from '../../components/outcomes/ScoreChart';
import { formatDate, RESPONSE_SOURCE_LABELS } from '../../lib/format';

type Series = PatientOutcomesDto['series'][number];

const CATEGORY: Record<NonNullable<Series['status']>['category'], { label: string; cls: string }> = {
  remission: { label: 'Remission', cls: 'ok' },
  response: { label: 'Response', cls: 'ok' },
  partial_response: { label: 'Partial response', cls: 'info' },
  no_response: { label: 'No response yet', cls: 'warn' },
};

function Summary({ s, tz }: { s: Series; tz: string }) {
  const st = s.status;
  return (
    <dl className="kv outcome-summary">
      <dt>Baseline</dt>
      <dd>{s.baseline === null ? 'No score before the first dose' : `${s.baseline.total} on ${formatDate(s.baseline.at, tz)}`}</dd>
      <dt>Latest</dt>
      <dd>{st === null ? 'No score since the first dose' : st.current}</dd>
      <dt>Change</dt>
      <dd>{st === null || st.percentChange === null ? '—' : `${st.percentChange > 0 ? '+' : ''}${Math.round(st.percentChange)}%`}</dd>
      <dt>Status</dt>
      <dd>{st === null ? '—' : <span className={`badge ${CATEGORY[st.category].cls}`}>{CATEGORY[st.category].label}</span>}</dd>
      <dt>Time to response</dt>
      <dd>{s.timeToResponseDays === null ? 'Not reached' : `${s.timeToResponseDays} days after the first dose`}</dd>
      {s.relapse !== null && (
        <>
          <dt>Relapse</dt>
          <dd>
            <span className="badge danger">Relapse</span> from {formatDate(s.relapse.at, tz)} ({s.relapse.reason})
          </dd>
        </>
      )}
    </dl>
  );
}

export function OutcomesTab({ session, patient }: { session: ActiveSession; patient: PatientDto }) {
  const tz = session.clinic.timeZone;
  const q = useQuery({ queryKey: ['patient', patient.id, 'outcomes'], queryFn: () => api.get<PatientOutcomesDto>(`/api/patients/${patient.id}/outcomes`) });
  const sessions = useMemo(() => (q.data?.sessions ?? []).map((s) => s.at), [q.data]);
  const doses = useMemo(() => (q.data?.doses ?? []).map((d) => d.at), [q.data]);
  if (q.data === undefined) {
    return q.isError ? <ErrorAlert error={q.error} /> : <p>Loading outcomes…</p>;
  }
  const d = q.data;
  return (
    <div className="outcomes-tab">
      <div className="page-head">
        <div>
          <h2 style={{ margin: 0 }}>Outcomes</h2>
          <p className="muted small" style={{ margin: 0 }}>
            {d.firstDoseAt === null ? 'No dose given yet.' : `First dose ${formatDate(d.firstDoseAt, tz)} · ${d.sessions.length} sessions · ${d.doses.length} doses`}. Response: a fall of at least {d.rules.responsePercent}% from baseline. Relapse: {d.rules.relapse}.
          </p>
        </div>
        <button type="button" className="no-print" onClick={() => window.print()}>
          Print for a referral letter
        </button>
      </div>
      <div className="print-only">
        <strong>{patient.displayName}</strong> · {patient.mrn} · born {patient.dateOfBirth} · {session.clinic.name} · printed {formatDate(new Date().toISOString(), tz)}
      </div>
      {d.series.length === 0 ? (
        <div className="panel">
          <p>No questionnaire scores yet. Scores appear here once the patient completes a questionnaire (in the portal, on a clinic tablet or entered by staff).</p>
        </div>
      ) : (
        d.series.map((s) => (
          <section key={s.id} className="panel outcome-panel" aria-labelledby={`oc-${s.id}`}>
            <h3 id={`oc-${s.id}`}>{s.title}</h3>
            <div className="outcome-grid">
              <ScoreChart s={s} sessions={sessions} doses={doses} responsePercent={d.rules.responsePercent} />
              <Summary s={s} tz={tz} />
            </div>
            <p className="small muted legend">
              <span className="key key-session" aria-hidden="true" /> session <span className="key key-dose" aria-hidden="true" /> dose given · lower scores are better
            </p>
            <details className="no-print">
              <summary>Show the scores as a table</summary>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">Score</th>
                      <th scope="col">Entered</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.points.map((p) => (
                      <tr key={p.at}>
                        <td>{formatDate(p.at, tz)}</td>
                        <td>{p.total}</td>
                        <td>{RESPONSE_SOURCE_LABELS[p.source] ?? p.source}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </section>
        ))
      )}
    </div>
  );
}
