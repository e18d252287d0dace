import { useQuery } from '@tanstack/react-query';
import type { PatientDto, PatientFollowUpDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { api } from '../../api/client';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecordResultForm, ReviewForm, StatusBadge } from '../../components/followups/FollowUpForms';
import { formatDate, todayIn } from '../../lib/format';

export function SafetyTab({ session, patient }: { session: ActiveSession; patient: PatientDto }) {
  const tz = session.clinic.timeZone;
  const q = useQuery({ queryKey: ['patient', patient.id, 'follow-ups'], queryFn: () => api.get<PatientFollowUpDto>(`/api/patients/${patient.id}/follow-ups`) });
  const [recording, setRecording] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState<string | null>(null);
  if (q.data === undefined) {
    return q.isError ? <ErrorAlert error={q.error} /> : <p>Loading the safety follow-up…</p>;
  }
  const d = q.data;
  const record = can(session, 'followup.record');
  return (
    <div>
      <h2>Long-term safety follow-up</h2>
      {!d.hasPlan ? (
        <div className="panel">
          <p>No treatment plan yet. Follow-up items start with the plan.</p>
        </div>
      ) : (
        <p className="muted">
          {d.inMaintenance ? 'In maintenance' : `In induction (${d.dosedSessions} of ${d.inductionSessions} induction sessions given)`}. Items and intervals come from the clinic protocol; the worklist lists patients in maintenance.
        </p>
      )}
      {d.openFindings.length > 0 && (
        <section className="panel" aria-labelledby="sf-find">
          <h3 id="sf-find">Findings for the prescriber</h3>
          {d.openFindings.map((f) => (
            <div key={f.id} className="finding finding-warn">
              <div className="finding-head">
                <strong>{f.itemLabel}: concern found</strong> <span className="small muted">on {formatDate(`${f.doneOn}T12:00:00Z`, 'UTC')}, recorded by {f.recordedBy ?? 'unknown'}</span>
              </div>
              {f.summary !== null && <p style={{ margin: '0.3rem 0' }}>{f.summary}</p>}
              {can(session, 'followup.review') &&
                (reviewing === f.id ? (
                  <ReviewForm result={f} onDone={() => setReviewing(null)} />
                ) : (
                  <button type="button" onClick={() => setReviewing(f.id)}>
                    Review
                  </button>
                ))}
            </div>
          ))}
        </section>
      )}
      {d.items.length > 0 && (
        <section className="panel" aria-labelledby="sf-items">
          <h3 id="sf-items">Items</h3>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Check</th>
                  <th scope="col">Status</th>
                  <th scope="col">Due</th>
                  <th scope="col">
                    <span className="sr-only">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((i) => (
                  <tr key={i.id}>
                    <td>
                      {i.label}
                      <div className="small muted">{i.status === 'disabled' ? 'The clinic protocol has no interval for this yet (medical director to set).' : ''}</div>
                    </td>
                    <td>
                      <StatusBadge status={i.status} />
                    </td>
                    <td>{i.dueDate ?? '—'}</td>
                    <td>
                      {record && i.status !== 'not_applicable' && (
                        <button type="button" className="secondary" onClick={() => setRecording(i.id)} aria-label={`Record result: ${i.label}`}>
                          Record result
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {recording !== null && <RecordResultForm patientId={patient.id} item={recording} itemLabel={d.items.find((i) => i.id === recording)?.label ?? recording} today={todayIn(tz)} onDone={() => setRecording(null)} />}
        </section>
      )}
      <section className="panel" aria-labelledby="sf-exp">
        <h3 id="sf-exp">Cumulative ketamine exposure</h3>
        {d.exposure.sessions === 0 ? (
          <p className="muted">No doses given yet.</p>
        ) : (
          <>
            <p>
              <strong>{Math.round(d.exposure.mg).toLocaleString()} mg</strong> over {d.exposure.sessions} doses{d.exposure.firstAt !== null && d.exposure.lastAt !== null && <> ({formatDate(d.exposure.firstAt, tz)} to {formatDate(d.exposure.lastAt, tz)})</>}.
            </p>
            <ul>
              {d.exposure.byRoute.map((r) => (
                <li key={r.route}>
                  {r.label}: {Math.round(r.mg).toLocaleString()} mg in {r.sessions} doses
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="sf-hist">
        <h3 id="sf-hist">Results recorded</h3>
        {d.results.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Check</th>
                  <th scope="col">Result</th>
                  <th scope="col">Recorded by</th>
                  <th scope="col">Prescriber review</th>
                </tr>
              </thead>
              <tbody>
                {d.results.map((r) => (
                  <tr key={r.id}>
                    <td className="nowrap">{r.doneOn}</td>
                    <td>{r.itemLabel}</td>
                    <td>
                      {r.outcome === 'positive' ? <span className="badge danger">Concern</span> : <span className="badge ok">Nothing of concern</span>}
                      {r.summary !== null && <div className="small">{r.summary}</div>}
                    </td>
                    <td>{r.recordedBy ?? '—'}</td>
                    <td>{r.review === null ? (r.outcome === 'positive' ? 'Awaiting review' : '—') : `${r.review.note} (${r.review.by ?? ''})`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
