import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { LedgerEntryDto } from '@ketapath/server/contracts';
import { useState, type SubmitEvent } from 'react';
import { api, qs } from '../../api/client';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field, SelectField } from '../../components/Field';
import { RegisterTable } from '../../components/ledger/RegisterTable';
import { KIND_LABELS } from '../../lib/ledger-format';
import { LedgerLayout } from './LedgerLayout';
import { useCatalog } from './queries';

export interface RegisterFilters {
  productId: string;
  patientId: string;
  kind: string;
  from: string;
  to: string;
}
const MOVEMENTS = 'receipt,administration,waste,transfer,return,destruction,loss,adjustment,count_resolution';
const EMPTY: RegisterFilters = { productId: '', patientId: '', kind: MOVEMENTS, from: '', to: '' };

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
      <details className="panel" open={Object.entries(filters).some(([k, v]) => v !== EMPTY[k as keyof RegisterFilters])}>
        <summary>
          <strong>Filter</strong> <span className="muted small">by product, entry type, dates or patient (e.g. a patient’s dispensing log)</span>
        </summary>
      <form onSubmit={apply} aria-label="Filter the register" style={{ marginTop: '1rem' }}>
        <div className="form-row">
          <SelectField label="Product" value={draft.productId} onChange={(e) => setDraft({ ...draft, productId: e.target.value })} options={[{ value: '', label: 'All products' }, ...(catalog.data?.products ?? []).map((p) => ({ value: p.id, label: p.name }))]} />
          <SelectField
            label="Entry type"
            value={draft.kind}
            onChange={(e) => setDraft({ ...draft, kind: e.target.value })}
            options={[{ value: MOVEMENTS, label: 'Everything but counts' }, { value: '', label: 'Everything, with each count line' }, { value: 'administration', label: 'Doses given (dispensing log)' }, ...Object.entries(KIND_LABELS).filter(([k]) => k !== 'administration').map(([value, label]) => ({ value, label }))]}
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
      </details>
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
