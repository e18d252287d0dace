import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { LedgerEntryDto } from '@ketapath/server/contracts';
import { useState, type SubmitEvent } from 'react';
import { api, qs } from '../../api/client';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field, SelectField } from '../../components/Field';
import { formatDateTime } from '../../lib/format';
import { entryDetail, KIND_LABELS, qty, signedAmount } from '../../lib/ledger-format';
import { LedgerLayout } from './LedgerLayout';
import { useCatalog } from './queries';

export interface RegisterFilters {
  productId: string;
  patientId: string;
  kind: string;
  from: string;
  to: string;
}
const EMPTY: RegisterFilters = { productId: '', patientId: '', kind: '', from: '', to: '' };

/** Find a patient by name or record number and choose them (for the dispensing log). */
function PatientPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['patients', 'pick', q],
    queryFn: () => api.get<{ patients: { id: string; displayName: string; mrn: string; dateOfBirth: string }[] }>(`/api/patients${qs({ q, status: 'all' })}`),
    enabled: q.trim().length >= 2,
  });
  const options = found.data?.patients ?? [];
  return (
    <>
      <Field label="Find a patient (name or record number)" value={q} onChange={(e) => setQ(e.target.value)} />
      <SelectField
        label="Patient"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        options={[{ value: '', label: 'Any patient' }, ...options.map((p) => ({ value: p.id, label: `${p.displayName} (${p.mrn}, born ${p.dateOfBirth})` }))]}
      />
    </>
  );
}

export function RegisterTable({ entries, timeZone }: { entries: LedgerEntryDto[]; timeZone: string }) {
  return (
    <div className="table-wrap">
      <table className="ledger-table" aria-label="Register">
        <thead>
          <tr>
            <th>No. · when</th>
            <th>Entry</th>
            <th className="num">Amount</th>
            <th className="num">Left after</th>
            <th>Patient / details</th>
            <th>By · witness</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className={e.flagged ? 'flagged' : e.kind === 'count' && e.details.discrepancy === true ? 'discrepancy' : undefined}>
              <td className="small nowrap">
                <strong>{e.seq}</strong>
                <div className="muted">{formatDateTime(e.occurredAt, timeZone)}</div>
              </td>
              <td>
                {e.flagged ? <span className="badge danger">Adjustment</span> : <strong>{KIND_LABELS[e.kind] ?? e.kind}</strong>}
                <div className="small">
                  {e.product?.name}
                  {e.container !== null && (
                    <span className="muted">
                      {' '}
                      · #{e.container.no} · lot {e.container.lot}
                    </span>
                  )}
                </div>
              </td>
              <td className="num small">{signedAmount(e)}</td>
              <td className="num small">{e.balance === null ? '' : qty(e.balance, 'device')}</td>
              <td className="small">
                {entryDetail(e)}
                {e.flagged && e.reason !== null && <div>{e.reason}</div>}
              </td>
              <td className="small">
                {e.performedBy.name}
                {e.witnesses.length > 0 && <div className="muted">witness: {e.witnesses.map((w) => w.name).join(', ')}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The register: every entry, filterable by product, patient, kind and period, with exports. */
export function RegisterPage({ session }: { session: ActiveSession }) {
  const catalog = useCatalog();
  const [draft, setDraft] = useState<RegisterFilters>(EMPTY);
  const [filters, setFilters] = useState<RegisterFilters>(EMPTY);
  const entries = useInfiniteQuery({
    queryKey: ['ledger', 'register', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => api.get<{ entries: LedgerEntryDto[]; nextBefore: number | null }>(`/api/ledger/register${qs({ ...filters, limit: 50, before: pageParam })}`),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const rows = entries.data?.pages.flatMap((p) => p.entries) ?? [];
  const apply = (e: SubmitEvent) => {
    e.preventDefault();
    setFilters(draft);
  };
  const query = qs({ ...filters });
  return (
    <LedgerLayout
      session={session}
      title="register"
      intro="Every receipt, dose, waste, move, count and correction, in order. Entries can never be changed or deleted."
      actions={
        can(session, 'ledger.export') ? (
          <div className="actions">
            <a className="button secondary" href={`/api/ledger/register.csv${query}`} download>
              Export CSV
            </a>
            <a className="button secondary" href={`/api/ledger/register.pdf${query}`} download>
              Export PDF
            </a>
          </div>
        ) : undefined
      }
    >
      <form className="panel" onSubmit={apply} aria-label="Filter the register">
        <div className="form-row">
          <SelectField label="Product" value={draft.productId} onChange={(e) => setDraft({ ...draft, productId: e.target.value })} options={[{ value: '', label: 'All products' }, ...(catalog.data?.products ?? []).map((p) => ({ value: p.id, label: p.name }))]} />
          <SelectField
            label="Entry type"
            value={draft.kind}
            onChange={(e) => setDraft({ ...draft, kind: e.target.value })}
            options={[{ value: '', label: 'Everything' }, { value: 'administration', label: 'Doses given (dispensing log)' }, ...Object.entries(KIND_LABELS).filter(([k]) => k !== 'administration').map(([value, label]) => ({ value, label }))]}
          />
          <Field label="From (date)" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          <Field label="To (date)" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <div className="form-row">
          <PatientPicker value={draft.patientId} onChange={(patientId) => setDraft({ ...draft, patientId })} />
        </div>
        <div className="actions">
          <button type="submit">Show</button>
          <button type="button" className="secondary" onClick={() => { setDraft(EMPTY); setFilters(EMPTY); }}>
            Clear
          </button>
        </div>
      </form>
      <ErrorAlert error={entries.error} />
      <div className="panel">
        <RegisterTable entries={rows} timeZone={session.clinic.timeZone} />
        {rows.length === 0 && !entries.isPending && <p className="muted">No entries match.</p>}
        {entries.hasNextPage && (
          <button type="button" className="secondary" onClick={() => void entries.fetchNextPage()} disabled={entries.isFetchingNextPage}>
            {entries.isFetchingNextPage ? 'Loading…' : 'Show older entries'}
          </button>
        )}
      </div>
    </LedgerLayout>
  );
}
