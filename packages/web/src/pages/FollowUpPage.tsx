import { useQuery } from '@tanstack/react-query';
import type { FollowUpWorklistDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { can, type ActiveSession } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { RecordResultForm, ReviewForm, StatusBadge } from '../components/followups/FollowUpForms';
import { todayIn } from '../lib/format';

/** The clinic's long-term safety worklist: due and overdue follow-up of patients in maintenance, and findings to review. */
export function FollowUpPage({ session }: { session: ActiveSession }) {
  const q = useQuery({ queryKey: ['follow-ups'], queryFn: () => api.get<FollowUpWorklistDto>('/api/follow-ups') });
  const [recording, setRecording] = useState<{ patientId: string; item: string; label: string } | null>(null);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const today = todayIn(session.clinic.timeZone);
  return (
    <div>
      <div className="page-head">
        <div>
          <h1>Safety follow-up</h1>
          <p className="muted" style={{ margin: 0 }}>
            Patients in maintenance with checks due or overdue, and results of concern waiting for the prescriber. Intervals come from the clinic protocol.
          </p>
        </div>
      </div>
      {q.data === undefined ? (
        q.isError ? <ErrorAlert error={q.error} /> : <p>Loading the worklist…</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="fu-find">
            <h2 id="fu-find">Findings for the prescriber ({q.data.findings.length})</h2>
            {q.data.findings.length === 0 ? (
              <p className="muted">No results of concern are waiting for review.</p>
            ) : (
              q.data.findings.map((f) => (
                <div key={f.id} className="finding finding-warn">
                  <div className="finding-head">
                    <strong>
                      <Link to={`/patients/${f.patientId}/safety`}>{f.patientName}</Link>
                    </strong>{' '}
                    <span className="mono small">{f.mrn}</span> · {f.itemLabel} on {f.doneOn}: concern found
                  </div>
                  {f.summary !== null && <p style={{ margin: '0.3rem 0' }}>{f.summary}</p>}
                  <div className="small muted">Recorded by {f.recordedBy ?? 'unknown'}</div>
                  {can(session, 'followup.review') &&
                    (reviewing === f.id ? (
                      <ReviewForm result={f} onDone={() => setReviewing(null)} />
                    ) : (
                      <button type="button" aria-label={`Review ${f.itemLabel} for ${f.patientName}`} onClick={() => setReviewing(f.id)}>
                        Review
                      </button>
                    ))}
                </div>
              ))
            )}
          </section>
          <section className="panel" aria-labelledby="fu-due">
            <h2 id="fu-due">Due and overdue ({q.data.patients.length} patients)</h2>
            {q.data.patients.length === 0 ? (
              <p className="muted">Nothing is due. Patients in maintenance are up to date with every check the protocol sets.</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Patient</th>
                      <th scope="col">Route</th>
                      <th scope="col">Doses · total ketamine</th>
                      <th scope="col">Checks due</th>
                    </tr>
                  </thead>
                  <tbody>
                    {q.data.patients.map((p) => (
                      <tr key={p.patientId}>
                        <td>
                          <Link to={`/patients/${p.patientId}/safety`}>{p.name}</Link>
                          <div className="mono small">{p.mrn}</div>
                        </td>
                        <td>{p.routeLabel}</td>
                        <td className="nowrap">
                          {p.dosedSessions} · {p.exposureMg === null ? '—' : `${Math.round(p.exposureMg).toLocaleString()} mg`}
                        </td>
                        <td>
                          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                            {p.items.map((i) => (
                              <li key={i.id} style={{ marginBottom: 6 }}>
                                <StatusBadge status={i.status} /> {i.label}
                                {i.dueDate !== null && i.status === 'overdue' && <span className="small muted"> (due {i.dueDate})</span>}{' '}
                                {can(session, 'followup.record') && (
                                  <button type="button" className="secondary" aria-label={`Record result: ${i.label} for ${p.name}`} onClick={() => setRecording({ patientId: p.patientId, item: i.id, label: `${i.label} for ${p.name}` })}>
                                    Record result
                                  </button>
                                )}
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {recording !== null && <RecordResultForm patientId={recording.patientId} item={recording.item} itemLabel={recording.label} today={today} onDone={() => setRecording(null)} />}
          </section>
        </>
      )}
    </div>
  );
}
