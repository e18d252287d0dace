import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClinicDto, RemsFormRowDto } from '@ketapath/server/contracts';
import { Fragment, useState, type SubmitEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, qs } from '../../api/client';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { formatDate } from '../../lib/format';
import { RemsFormPreview } from './RemsFormPreview';
import { RemsSubmissionDialog } from './RemsSubmissionDialog';
import './rems.css';

type Listing = { deadlineDays: number; today: string; forms: RemsFormRowDto[] };
const FILTERS = [
  { value: 'open', label: 'To submit' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'submitted', label: 'Submitted' },
  { value: 'all', label: 'All' },
] as const;
const ENDED = new Set(['discharged', 'signed', 'stopped_early']);

/** Print only the open form (the rest of the page is hidden by the print style). */
function printForm(): void {
  document.body.classList.add('print-rems');
  window.print();
  document.body.classList.remove('print-rems');
}

function StatusBadge({ row }: { row: RemsFormRowDto }) {
  switch (row.status) {
    case 'pending':
      return (
        <span className="badge warn">
          <Icon name="clock" size={14} /> Due: {row.daysLeft === 0 ? 'last day today' : `${row.daysLeft} ${row.daysLeft === 1 ? 'day' : 'days'} left`}
        </span>
      );
    case 'overdue':
      return (
        <span className="badge danger">
          <Icon name="alert" size={14} /> Overdue by {-row.daysLeft} {row.daysLeft === -1 ? 'day' : 'days'}
        </span>
      );
    case 'submitted':
      return (
        <span className="badge ok">
          <Icon name="check" size={14} /> Submitted
        </span>
      );
    case 'submitted_late':
      return (
        <span className="badge warn">
          <Icon name="check" size={14} /> Submitted late
        </span>
      );
  }
}

/** The setting's certification date in the REMS (shown to everyone; set by an administrator). */
function Certification({ session }: { session: ActiveSession }) {
  const qc = useQueryClient();
  const clinic = useQuery({ queryKey: ['clinic'], queryFn: () => api.get<ClinicDto>('/api/clinic') });
  const [editing, setEditing] = useState(false);
  const [date, setDate] = useState('');
  const save = useMutation({
    mutationFn: (remsCertifiedOn: string | null) => api.patch<ClinicDto>('/api/clinic', { remsCertifiedOn }),
    onSuccess: (c) => {
      qc.setQueryData(['clinic'], c);
      setEditing(false);
    },
  });
  const admin = can(session, 'clinic.update');
  const on = clinic.data?.remsCertifiedOn ?? null;
  function submit(e: SubmitEvent) {
    e.preventDefault();
    save.mutate(date === '' ? null : date);
  }
  return (
    <section className="panel" aria-labelledby="cert-h">
      <h2 id="cert-h">Treatment setting certification</h2>
      <ErrorAlert error={clinic.error ?? save.error} />
      {clinic.isPending ? (
        <p>Loading…</p>
      ) : on === null ? (
        <div className="alert warn">
          <strong>No REMS certification date recorded.</strong>
          Esketamine (Spravato) may only be given in a healthcare setting certified in the SPRAVATO REMS; the pre-dose checklist flags it until a date is entered.
        </div>
      ) : (
        <p>
          <Icon name="check" /> This setting was certified in the SPRAVATO REMS on <strong>{formatDate(`${on}T12:00:00Z`, 'UTC')}</strong>.
        </p>
      )}
      {admin && !editing && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDate(on ?? '');
            setEditing(true);
          }}
        >
          {on === null ? 'Enter the certification date' : 'Change the certification date'}
        </button>
      )}
      {admin && editing && (
        <form onSubmit={submit} className="cert-form">
          <Field label="Date the setting was certified" type="date" value={date} max={new Date().toISOString().slice(0, 10)} hint="Leave empty if the setting is not (or no longer) certified." onChange={(e) => setDate(e.target.value)} />
          <div className="actions">
            <button type="submit" disabled={save.isPending}>
              Save date
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

export function RemsPage({ session }: { session: ActiveSession }) {
  const [params, setParams] = useSearchParams();
  const status = FILTERS.find((f) => f.value === params.get('status'))?.value ?? 'open';
  const list = useQuery({ queryKey: ['rems', status], queryFn: () => api.get<Listing>(`/api/rems/monitoring-forms${qs({ status })}`) });
  const [preview, setPreview] = useState<string | null>(null);
  const [recording, setRecording] = useState<RemsFormRowDto | null>(null);
  const canSubmit = can(session, 'rems.submit');
  const forms = list.data?.forms ?? [];
  return (
    <>
      <div className="page-head">
        <div>
          <h1>REMS Patient Monitoring Forms</h1>
          <p className="muted">One form per esketamine (Spravato) session, filled from the session record. Submit each within {list.data?.deadlineDays ?? 7} days of the session, then record the confirmation number here.</p>
        </div>
      </div>
      <Certification session={session} />
      <section className="panel" aria-labelledby="forms-h">
        <h2 id="forms-h">Forms</h2>
        <div className="segmented" role="group" aria-label="Show forms">
          {FILTERS.map((f) => (
            <button key={f.value} type="button" className={status === f.value ? '' : 'secondary'} aria-pressed={status === f.value} onClick={() => setParams(f.value === 'open' ? {} : { status: f.value }, { replace: true })}>
              {f.label}
            </button>
          ))}
        </div>
        <ErrorAlert error={list.error} />
        {list.isPending ? (
          <p>Loading…</p>
        ) : forms.length === 0 ? (
          <p className="empty-state">{status === 'open' ? 'No forms to submit: every esketamine session’s form has been submitted.' : status === 'overdue' ? 'No overdue forms.' : 'No forms here yet.'}</p>
        ) : (
          <div className="table-wrap">
            <table className="rems-table">
              <thead>
                <tr>
                  <th>Patient</th>
                  <th>Session</th>
                  <th>Submit by</th>
                  <th>Status</th>
                  <th>Actions</th>
                </tr>
              </thead>
              <tbody>
                {forms.map((f) => (
                  <Fragment key={f.sessionId}>
                    <tr data-session={f.sessionId}>
                      <td>
                        <strong>{f.patient.displayName}</strong>
                        <div className="small muted">{f.patient.mrn}</div>
                      </td>
                      <td>{formatDate(`${f.sessionDate}T12:00:00Z`, 'UTC')}</td>
                      <td>{formatDate(`${f.deadline}T12:00:00Z`, 'UTC')}</td>
                      <td>
                        <StatusBadge row={f} />
                        {f.confirmationNumber !== null && <div className="small">Confirmation {f.confirmationNumber}</div>}
                        {!ENDED.has(f.sessionState) && f.status !== 'submitted' && f.status !== 'submitted_late' && <div className="small muted">Session still in progress</div>}
                      </td>
                      <td>
                        <div className="actions rems-actions">
                          <button type="button" className="secondary small" aria-expanded={preview === f.sessionId} onClick={() => setPreview(preview === f.sessionId ? null : f.sessionId)}>
                            {preview === f.sessionId ? 'Hide form' : 'Show form'}
                          </button>
                          <a className="button secondary small" href={`/api/sessions/${f.sessionId}/rems-form.pdf`} download>
                            <Icon name="download" size={16} /> PDF
                          </a>
                          {canSubmit && (f.status === 'pending' || f.status === 'overdue') && ENDED.has(f.sessionState) && (
                            <button type="button" className="small" onClick={() => setRecording(f)}>
                              Record submission
                            </button>
                          )}
                        </div>
                      </td>
                    </tr>
                    {preview === f.sessionId && (
                      <tr className="rems-preview-row">
                        <td colSpan={5}>
                          <h3 className="print-only">
                            SPRAVATO REMS Patient Monitoring Form: {f.patient.displayName} ({f.patient.mrn}), session of {f.sessionDate}
                          </h3>
                          <RemsFormPreview sessionId={f.sessionId} />
                          <div className="actions">
                            <a className="button secondary" href={`/api/sessions/${f.sessionId}/rems-form.pdf`} download>
                              <Icon name="download" /> Download PDF
                            </a>
                            <button type="button" className="secondary" onClick={printForm}>
                              <Icon name="print" /> Print this form
                            </button>
                          </div>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {recording !== null && list.data !== undefined && <RemsSubmissionDialog row={recording} today={list.data.today} onClose={() => setRecording(null)} />}
    </>
  );
}
