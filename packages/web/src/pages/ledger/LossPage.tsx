import { useQuery } from '@tanstack/react-query';
import type { LedgerLossReportDto, LedgerTaskDto } from '@ketapath/server/contracts';
import { useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../../api/client';
import type { ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { Dialog } from '../../components/ledger/Dialog';
import { LossForm } from '../../components/ledger/LossForm';
import { EMPTY_SIGNATURE, MySignature, signatureBody, signatureError } from '../../components/ledger/Signature';
import { formatDate, formatDateTime } from '../../lib/format';
import { THEFT_TYPES } from '../../lib/ledger-format';
import { LedgerLayout } from './LedgerLayout';
import { useCatalog, useLedgerMutation } from './queries';

function TaskState({ t }: { t: LedgerTaskDto }) {
  switch (t.state) {
    case 'overdue':
      return <span className="badge danger">Overdue since {t.dueDate}</span>;
    case 'due_today':
      return <span className="badge warn">Due today</span>;
    case 'open':
      return <span className="badge info">Due by {t.dueDate}</span>;
    case 'no_deadline':
      return <span className="badge warn">Deadline not confirmed: do it now</span>;
    case 'done':
      return <span className="badge ok">Done</span>;
  }
}

function CompleteDialog({ task, mfa, onClose }: { task: LedgerTaskDto; mfa: boolean; onClose: () => void }) {
  const [reference, setReference] = useState('');
  const [sig, setSig] = useState(EMPTY_SIGNATURE);
  const complete = useLedgerMutation(() => api.post(`/api/ledger/tasks/${task.id}/complete`, { reference, ...signatureBody(sig) }), onClose);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    complete.mutate();
  };
  return (
    <Dialog title={`Done: ${task.title}`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Field label="How it was done" hint="e.g. emailed the Field Division on 24 Nov; Form 106 confirmation number" value={reference} onChange={(e) => setReference(e.target.value)} error={complete.error instanceof ApiError ? complete.error.fieldError('reference') : undefined} />
        <MySignature value={sig} onChange={setSig} mfa={mfa} error={complete.error} />
        <ErrorAlert error={signatureError(complete.error)} inlineFields={['reference', 'password', 'totpCode']} />
        <div className="actions">
          <button type="submit" disabled={complete.isPending}>
            Mark done
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Theft and loss: the deadline to-do list first, then the report form and past reports. */
export function LossPage({ session }: { session: ActiveSession }) {
  const tz = session.clinic.timeZone;
  const catalog = useCatalog();
  const reports = useQuery({ queryKey: ['ledger', 'loss-reports'], queryFn: () => api.get<{ reports: LedgerLossReportDto[] }>('/api/ledger/loss-reports') });
  const tasks = useQuery({ queryKey: ['ledger', 'tasks'], queryFn: () => api.get<{ tasks: LedgerTaskDto[] }>('/api/ledger/tasks') });
  const [reporting, setReporting] = useState(false);
  const [completing, setCompleting] = useState<LedgerTaskDto | null>(null);
  const open = tasks.data?.tasks ?? [];
  return (
    <LedgerLayout
      session={session}
      title="theft and loss"
      intro="Report a theft or significant loss as soon as it is discovered; Ketapath tracks what you must send and by when."
      actions={
        !reporting ? (
          <button type="button" className="danger" onClick={() => setReporting(true)}>
            Report a theft or loss
          </button>
        ) : undefined
      }
    >
      {reporting && <LossForm session={session} onDone={() => setReporting(false)} onCancel={() => setReporting(false)} />}
      <div className="panel">
        <h2>To do</h2>
        <p className="small muted">
          {catalog.data?.rules.theftLoss.note} Business days skip Saturdays and Sundays; public holidays are not counted, so check them yourself.
        </p>
        <ErrorAlert error={signatureError(tasks.error)} />
        {open.length === 0 && <p className="muted">Nothing to do.</p>}
        {open.map((t) => (
          <div className="task" key={t.id}>
            <div>
              <strong>{t.title}</strong> <TaskState t={t} />
              <div className="small muted">{t.rule}</div>
            </div>
            <button type="button" className="secondary" onClick={() => setCompleting(t)}>
              Mark done
            </button>
          </div>
        ))}
      </div>
      <div className="panel">
        <h2>Reports</h2>
        <ErrorAlert error={signatureError(reports.error)} />
        {(reports.data?.reports ?? []).length === 0 && <p className="muted">No theft or loss has been reported.</p>}
        {(reports.data?.reports ?? []).map((r) => (
          <details key={r.id} className="task">
            <summary>
              <strong>{THEFT_TYPES.find((x) => x.value === r.theftType)?.label}</strong>, discovered {formatDateTime(r.discoveredAt, tz)} · {r.tasks.filter((t) => t.state === 'done').length} of {r.tasks.length} tasks done
            </summary>
            <p>{r.circumstances}</p>
            <ul className="small">
              {r.theftTypeOther !== null && <li>Type: {r.theftTypeOther}</li>}
              <li>
                Registrant: {r.registrantName}, {r.registrantAddress}
                {r.registrantRegistration !== null && ` (${r.registrantRegistration})`}
              </li>
              <li>Police: {r.policeNotified ? `${r.policeDepartment ?? ''} ${r.policeReportNumber ?? ''}` : 'not notified'}</li>
              {r.securityMeasures !== null && <li>Measures taken: {r.securityMeasures}</li>}
              {r.tasks.map((t) => (
                <li key={t.id}>
                  {t.title}: {t.state === 'done' ? `done ${t.completedAt === null ? '' : formatDate(t.completedAt, tz)} (${t.completionReference ?? ''})` : <TaskState t={t} />}
                </li>
              ))}
            </ul>
          </details>
        ))}
      </div>
      {completing !== null && <CompleteDialog task={completing} mfa={session.user.mfaEnabled} onClose={() => setCompleting(null)} />}
    </LedgerLayout>
  );
}
