import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditEventDto, InvitationDto, UserDto } from '@ketapath/server/contracts';
import { useState, type SubmitEvent } from 'react';
import { api, qs } from '../api/client';
import type { ActiveSession } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field, SelectField } from '../components/Field';
import { AUDIT_ACTION_SUGGESTIONS, AUDIT_LABELS } from '../lib/audit-labels';
import { formatDateTime } from '../lib/format';

interface Filters {
  userId: string;
  patientId: string;
  action: string;
  from: string;
  to: string;
}
const EMPTY: Filters = { userId: '', patientId: '', action: '', from: '', to: '' };

interface VerifyResult {
  ok: boolean;
  eventsChecked: number;
  firstBreak: { kind: string; seq?: number; eventId?: number } | null;
  checkedAt: string;
}

const BREAK_TEXT: Record<string, string> = {
  hash_mismatch: 'a record was changed after it was written',
  sequence_gap: 'a record is missing (deleted)',
  prev_hash_mismatch: 'records were re-linked or reordered',
  head_mismatch: 'the newest records were removed',
};

function VerifyPanel({ timeZone }: { timeZone: string }) {
  const verify = useMutation({ mutationFn: () => api.get<VerifyResult>('/api/audit/verify') });
  return (
    <div className="panel">
      <h2>Tamper check</h2>
      <p className="muted small">Every record is sealed with a fingerprint of itself and of the record before it. The check recomputes the whole chain.</p>
      <button type="button" className="secondary" onClick={() => verify.mutate()} disabled={verify.isPending}>
        {verify.isPending ? 'Checking…' : 'Check the audit trail now'}
      </button>
      <ErrorAlert error={verify.error} />
      {verify.data !== undefined &&
        (verify.data.ok ? (
          <div className="alert ok" role="status" style={{ marginTop: '1rem' }}>
            <strong>Intact.</strong> {verify.data.eventsChecked} records checked at {formatDateTime(verify.data.checkedAt, timeZone)}; none was changed, removed or reordered.
          </div>
        ) : (
          <div className="alert error" role="alert" style={{ marginTop: '1rem' }}>
            <strong>Broken at record #{verify.data.firstBreak?.seq ?? '?'}:</strong> {BREAK_TEXT[verify.data.firstBreak?.kind ?? ''] ?? verify.data.firstBreak?.kind}. Report this to your security officer.
          </div>
        ))}
    </div>
  );
}

export function AuditPage({ session }: { session: ActiveSession }) {
  const tz = session.clinic.timeZone;
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const staff = useQuery({ queryKey: ['users'], queryFn: () => api.get<{ users: UserDto[]; invitations: InvitationDto[] }>('/api/users') });
  const events = useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => api.get<{ events: AuditEventDto[]; nextBefore: number | null }>(`/api/audit${qs({ ...filters, limit: 50, before: pageParam })}`),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];

  function apply(e: SubmitEvent) {
    e.preventDefault();
    setFilters(draft);
  }

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Audit trail</h1>
          <p className="muted">Every sign-in, change and look at patient records, who did it, when and from where. Records can never be edited or deleted.</p>
        </div>
        <a className="button secondary" href={`/api/audit/export.csv${qs({ ...filters })}`} download>
          Export CSV
        </a>
      </div>
      <form className="panel" onSubmit={apply} aria-label="Filter the audit trail">
        <div className="form-row">
          <SelectField
            label="Person"
            value={draft.userId}
            onChange={(e) => setDraft({ ...draft, userId: e.target.value })}
            options={[{ value: '', label: 'Anyone' }, ...(staff.data?.users ?? []).map((u) => ({ value: u.id, label: u.name }))]}
          />
          <Field label="Action" list="audit-actions" placeholder="e.g. auth." hint="Ends with a dot: every action in that group." value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} />
          <Field label="Patient record id" placeholder="Patient id" value={draft.patientId} onChange={(e) => setDraft({ ...draft, patientId: e.target.value.trim() })} />
          <Field label="From (date)" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          <Field label="To (date)" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <datalist id="audit-actions">
          {AUDIT_ACTION_SUGGESTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <div className="actions">
          <button type="submit">Search</button>
          <button type="button" className="secondary" onClick={() => { setDraft(EMPTY); setFilters(EMPTY); }}>
            Clear
          </button>
        </div>
      </form>
      <ErrorAlert error={events.error} />
      <div className="panel">
        <div className="table-wrap">
          <table aria-label="Audit events">
            <thead>
              <tr>
                <th>When ({tz})</th>
                <th>Who</th>
                <th>What</th>
                <th>Record</th>
                <th>From</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap small">{formatDateTime(e.occurredAt, tz)}</td>
                  <td>
                    {e.actor === null ? <span className="muted">System / unknown</span> : e.actor.name ?? e.actor.id}
                    {e.actor?.role !== undefined && e.actor.role !== null && <div className="small muted">{e.actor.role}</div>}
                  </td>
                  <td>
                    {AUDIT_LABELS[e.action] ?? e.action}{' '}
                    {e.outcome !== 'success' && <span className={`badge ${e.outcome === 'denied' ? 'danger' : 'warn'}`}>{e.outcome}</span>}
                    <div className="small muted mono">{e.action}</div>
                  </td>
                  <td className="small">
                    {e.resourceType !== null && <div>{e.resourceType}</div>}
                    {e.patientId !== null && <div>patient {e.patientId.slice(0, 8)}</div>}
                  </td>
                  <td className="small">
                    {e.ip}
                    <div className="muted" title={e.userAgent ?? ''}>{(e.userAgent ?? '').slice(0, 28)}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {rows.length === 0 && !events.isPending && <p className="muted">No records match these filters.</p>}
        {events.hasNextPage && (
          <button type="button" className="secondary" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
            {events.isFetchingNextPage ? 'Loading…' : 'Show older records'}
          </button>
        )}
      </div>
      <VerifyPanel timeZone={tz} />
    </>
  );
}
