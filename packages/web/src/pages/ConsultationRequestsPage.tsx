import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConsultationDto, ConsultationSummaryDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { api } from '../api/client';
import { can, type ActiveSession } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { SelectField } from '../components/Field';
import { formatDateTime } from '../lib/format';

type Status = 'new' | 'handled' | 'all';

function RequestDetail({ id, session, onClose }: { id: string; session: ActiveSession; onClose: () => void }) {
  const qc = useQueryClient();
  const tz = session.clinic.timeZone;
  const one = useQuery({ queryKey: ['consultation', id], queryFn: () => api.get<ConsultationDto>(`/api/consultation-requests/${id}`) });
  const handle = useMutation({
    mutationFn: () => api.post<ConsultationDto>(`/api/consultation-requests/${id}/handled`),
    onSuccess: async (r) => {
      qc.setQueryData(['consultation', id], r);
      await qc.invalidateQueries({ queryKey: ['consultations'] });
    },
  });
  const r = one.data;
  if (r === undefined) {
    return <ErrorAlert error={one.error} />;
  }
  return (
    <section className="panel" aria-labelledby="req-h">
      <h2 id="req-h">Request from {r.name}</h2>
      <ErrorAlert error={handle.error} />
      <dl className="grid-2" style={{ margin: 0 }}>
        <div>
          <dt className="small muted">Received</dt>
          <dd style={{ margin: 0 }}>{formatDateTime(r.receivedAt, tz)}</dd>
        </div>
        <div>
          <dt className="small muted">Contact ({r.preferredContact === 'email' ? 'prefers email' : 'prefers a phone call'})</dt>
          <dd style={{ margin: 0 }}>
            <strong>{r.contact}</strong>
          </dd>
        </div>
      </dl>
      {r.message !== null && (
        <>
          <h3>Message</h3>
          <p style={{ whiteSpace: 'pre-wrap' }}>{r.message}</p>
        </>
      )}
      {r.selfCheck === null ? (
        <p className="muted">They chose not to share their self-check.</p>
      ) : (
        <>
          {r.selfCheck.items.some((i) => i.urgent) && (
            <div className="alert error" role="alert">
              <strong>They ticked “thoughts of ending my life or harming myself”.</strong>Contact them today and follow the clinic’s suicide-risk procedure.
            </div>
          )}
          <h3>Health points they want to discuss</h3>
          {r.selfCheck.items.length === 0 ? <p className="muted">None ticked.</p> : <ul>{r.selfCheck.items.map((i) => <li key={i.id}>{i.label}</li>)}</ul>}
          <h3>Questions they want answered</h3>
          <ul>
            {r.selfCheck.questions.map((q) => (
              <li key={q.id}>{q.question}</li>
            ))}
            {r.selfCheck.ownQuestions
              .split('\n')
              .filter((l) => l.trim() !== '')
              .map((l, i) => (
                <li key={`own-${i}`}>{l}</li>
              ))}
          </ul>
        </>
      )}
      <p className="small muted">They agreed: “{r.consentText}”</p>
      <div className="actions">
        {r.status === 'new' && can(session, 'consultation.handle') && (
          <button type="button" onClick={() => handle.mutate()} disabled={handle.isPending}>
            Mark as handled
          </button>
        )}
        {r.status === 'handled' && r.handledAt !== null && <span className="badge ok">Handled {formatDateTime(r.handledAt, tz)}</span>}
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}

export function ConsultationRequestsPage({ session }: { session: ActiveSession }) {
  const [status, setStatus] = useState<Status>('new');
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['consultations', status], queryFn: () => api.get<{ requests: ConsultationSummaryDto[] }>(`/api/consultation-requests?status=${status}`) });
  const tz = session.clinic.timeZone;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Consultation requests</h1>
          <p className="muted">Sent by visitors from the self-check on your public page. This is personal health information: every opening is recorded in the audit trail.</p>
        </div>
      </div>
      {open !== null && <RequestDetail id={open} session={session} onClose={() => setOpen(null)} />}
      <div className="panel">
        <div style={{ maxWidth: 260 }}>
          <SelectField
            label="Show"
            value={status}
            onChange={(e) => setStatus(e.target.value as Status)}
            options={[
              { value: 'new', label: 'New requests' },
              { value: 'handled', label: 'Handled requests' },
              { value: 'all', label: 'All requests' },
            ]}
          />
        </div>
        <ErrorAlert error={list.error} />
        {list.data !== undefined && list.data.requests.length === 0 && <p className="muted">No requests here.</p>}
        {list.data !== undefined && list.data.requests.length > 0 && (
          <div className="table-wrap">
            <table aria-label="Consultation requests">
              <thead>
                <tr>
                  <th>Received</th>
                  <th>Name</th>
                  <th>Contact by</th>
                  <th>Status</th>
                  <th>
                    <span className="sr-only">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.requests.map((r) => (
                  <tr key={r.id}>
                    <td className="small">{formatDateTime(r.receivedAt, tz)}</td>
                    <td>
                      <strong>{r.name}</strong>
                      {r.sharedSelfCheck && <div className="small muted">Shared their self-check</div>}
                    </td>
                    <td>{r.preferredContact === 'email' ? 'Email' : 'Phone'}</td>
                    <td>{r.status === 'new' ? <span className="badge warn">New</span> : <span className="badge ok">Handled</span>}</td>
                    <td>
                      <button type="button" className="secondary small" onClick={() => setOpen(r.id)}>
                        Open request from {r.name}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
