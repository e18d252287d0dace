import { useQuery } from '@tanstack/react-query';
import type { LedgerCountDto, LedgerCountLineDto } from '@ketapath/server/contracts';
import { useState, type SubmitEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CountForm } from '../../components/ledger/CountForm';
import { EMPTY_SIGNATURE, MySignature, signatureBody, signatureError } from '../../components/ledger/Signature';
import { formatDate, formatDateTime } from '../../lib/format';
import { qty } from '../../lib/ledger-format';
import { LedgerLayout } from './LedgerLayout';
import { useAlerts, useLedgerMutation } from './queries';

const KIND_WORDS: Record<string, string> = { routine: 'End-of-day count', initial_inventory: 'Initial inventory', biennial_inventory: 'Biennial inventory' };
type Detail = { count: LedgerCountDto; lines: LedgerCountLineDto[] };

function CountLines({ lines }: { lines: LedgerCountLineDto[] }) {
  return (
    <div className="table-wrap">
      <table className="ledger-table" aria-label="Counted against the register">
        <thead>
          <tr>
            <th>No.</th>
            <th>Product</th>
            <th className="num">Register</th>
            <th className="num">Counted</th>
            <th>Result</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.entryId} className={l.discrepancy ? 'discrepancy' : undefined}>
              <td>#{l.container.no}</td>
              <td>
                {l.product.name}
                <div className="small muted">lot {l.container.lot}</div>
              </td>
              <td className="num">{qty(l.expected, l.product.unitLabel)}</td>
              <td className="num">
                {qty(l.counted, l.product.unitLabel)}
                {l.estimated && <div className="small muted">estimate</div>}
              </td>
              <td>{l.discrepancy ? <span className="badge danger">Discrepancy {l.differenceMg > 0 ? '+' : ''}{l.differenceMg} mg</span> : <span className="badge ok">Matches</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ResolveForm({ count, mfa }: { count: LedgerCountDto; mfa: boolean }) {
  const [explanation, setExplanation] = useState('');
  const [sig, setSig] = useState(EMPTY_SIGNATURE);
  const resolve = useLedgerMutation(() => api.post(`/api/ledger/counts/${count.id}/resolve`, { explanation, ...signatureBody(sig) }));
  const err = resolve.error instanceof ApiError ? resolve.error.fieldError('explanation') : undefined;
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    resolve.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Explain the discrepancy">
      <h3>Explain the discrepancy</h3>
      <p className="small muted">Say what caused the difference. If stock is really missing, also record an adjustment or a theft/loss report: explaining does not change any balance.</p>
      <div className="field">
        <label htmlFor={`explain-${count.id}`}>Explanation</label>
        <textarea id={`explain-${count.id}`} value={explanation} onChange={(e) => setExplanation(e.target.value)} aria-invalid={err !== undefined} />
        {err !== undefined && <span className="error">{err}</span>}
      </div>
      <MySignature value={sig} onChange={setSig} mfa={mfa} error={resolve.error} />
      <ErrorAlert error={signatureError(resolve.error)} inlineFields={['explanation', 'password', 'totpCode']} />
      <button type="submit" disabled={resolve.isPending}>
        Save the explanation
      </button>
    </form>
  );
}

function CountDetail({ id, session }: { id: string; session: ActiveSession }) {
  const detail = useQuery({ queryKey: ['ledger', 'count', id], queryFn: () => api.get<Detail>(`/api/ledger/counts/${id}`) });
  if (detail.data === undefined) {
    return <ErrorAlert error={signatureError(detail.error)} />;
  }
  const { count, lines } = detail.data;
  return (
    <div className="panel" aria-label="Count details">
      <h2>
        {KIND_WORDS[count.kind]} of {formatDateTime(count.countedAt, session.clinic.timeZone)}
      </h2>
      <p>
        Counted by {count.performedBy.name}, with {count.witness.name}
        {count.businessTime !== null && ` · taken at ${count.businessTime === 'opening' ? 'opening' : 'close'} of business`}.{' '}
        {can(session, 'ledger.export') && (
          <>
            <a href={`/api/ledger/counts/${count.id}/report`} download>
              PDF
            </a>{' '}
            ·{' '}
            <a href={`/api/ledger/counts/${count.id}/report?format=csv`} download>
              CSV
            </a>
          </>
        )}
      </p>
      {count.status === 'discrepancy' && (
        <div className="alert error" role="alert">
          <strong>
            {count.discrepancies} container{count.discrepancies === 1 ? '' : 's'} did not match the register.
          </strong>
          {can(session, 'ledger.resolve') ? 'Explain the difference below before the next count.' : 'An administrator must explain the difference before the next count.'}
        </div>
      )}
      {count.resolution !== null && (
        <div className="alert info">
          <strong>Explained by {count.resolution.resolvedBy.name}</strong>
          {count.resolution.explanation}
        </div>
      )}
      <CountLines lines={lines} />
      {count.status === 'discrepancy' && can(session, 'ledger.resolve') && <ResolveForm count={count} mfa={session.user.mfaEnabled} />}
    </div>
  );
}

export function CountsPage({ session }: { session: ActiveSession }) {
  const counts = useQuery({ queryKey: ['ledger', 'counts'], queryFn: () => api.get<{ counts: LedgerCountDto[] }>('/api/ledger/counts') });
  const [params, setParams] = useSearchParams();
  const [counting, setCounting] = useState(false);
  const blocked = (useAlerts().data?.discrepancies.length ?? 0) > 0;
  const openId = params.get('open');
  const show = (id: string | null) => setParams(id === null ? {} : { open: id });
  const tz = session.clinic.timeZone;
  return (
    <LedgerLayout
      session={session}
      title="counts"
      intro="Two people count every container (for example at the end of the day). Any difference must be explained by an administrator before the next count."
      actions={
        can(session, 'ledger.count') && !counting ? (
          <div>
            <button type="button" disabled={blocked} aria-describedby={blocked ? 'count-blocked' : undefined} onClick={() => { setCounting(true); show(null); }}>
              Start a count
            </button>
            {blocked && (
              <p id="count-blocked" className="small muted">
                The last discrepancy must be explained first.
              </p>
            )}
          </div>
        ) : undefined
      }
    >
      {counting && (
        <CountForm
          mfa={session.user.mfaEnabled}
          onCancel={() => setCounting(false)}
          onSaved={(r) => {
            setCounting(false);
            show(r.count.id);
          }}
        />
      )}
      {openId !== null && <CountDetail id={openId} session={session} />}
      <div className="panel">
        <h2>Counts and inventories</h2>
        <ErrorAlert error={signatureError(counts.error)} />
        <div className="table-wrap">
          <table className="ledger-table" aria-label="Counts">
            <thead>
              <tr>
                <th>When</th>
                <th>Type</th>
                <th>Counted by</th>
                <th>Result</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {(counts.data?.counts ?? []).map((c) => (
                <tr key={c.id} className={c.status === 'discrepancy' ? 'discrepancy' : undefined}>
                  <td>
                    <span className="nowrap">{formatDate(c.countedAt, tz)}</span>
                    <div className="small muted">{formatDateTime(c.countedAt, tz).split(', ')[1]}</div>
                  </td>
                  <td>{KIND_WORDS[c.kind]}</td>
                  <td className="small">
                    {c.performedBy.name}
                    <div className="muted">with {c.witness.name}</div>
                  </td>
                  <td>
                    {c.status === 'ok' && <span className="badge ok">All matched</span>}
                    {c.status === 'discrepancy' && <span className="badge danger">Discrepancy: explain</span>}
                    {c.status === 'resolved' && <span className="badge info">Discrepancy explained</span>}
                    <div className="small muted">
                      {c.containers} container{c.containers === 1 ? '' : 's'}
                    </div>
                  </td>
                  <td>
                    <button type="button" className="secondary small" onClick={() => show(c.id)}>
                      View
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {counts.data?.counts.length === 0 && <p className="muted">No counts yet.</p>}
      </div>
    </LedgerLayout>
  );
}
