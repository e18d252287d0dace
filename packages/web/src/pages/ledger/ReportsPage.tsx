import { useMutation, useQuery } from '@tanstack/react-query';
import type { LedgerCountDto, LedgerRulesDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { api, qs } from '../../api/client';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { Unconfirmed } from '../../components/ledger/Badges';
import { formatDate, formatDateTime } from '../../lib/format';
import { LedgerLayout } from './LedgerLayout';
import { useAlerts } from './queries';

interface SummaryRow {
  product: { id: string; name: string; code: string | null };
  openingMg: number;
  receivedMg: number;
  administeredMg: number;
  administrations: number;
  wastedMg: number;
  returnedMg: number;
  destroyedMg: number;
  lostMg: number;
  adjustedMg: number;
  adjustments: number;
  closingMg: number;
}

interface VerifyResult {
  ok: boolean;
  entriesChecked: number;
  containersChecked: number;
  firstBreak: { kind: string; seq?: number } | null;
  balanceMismatches: { containerId: string }[];
  checkedAt: string;
}

const n = (x: number) => String(Number(x.toFixed(3)));

function Rules({ rules }: { rules: LedgerRulesDto }) {
  const rows: [string, { confirmed: boolean; note: string }][] = [
    ['Keeping records', rules.retentionYears],
    ['Full inventory', rules.inventoryIntervalMonths],
    ['Initial inventory', rules.initialInventoryRequired],
    ['Waste', rules.wasteWitnesses],
    ['Destruction', rules.destructionWitnesses],
    ['Theft or loss', rules.theftLoss],
  ];
  return (
    <div className="panel">
      <h2>Rules for {rules.jurisdictionName}</h2>
      <p className="small">{rules.schedule}</p>
      <ul className="rule-list">
        {rows.map(([label, r]) => (
          <li key={label}>
            <strong>{label}:</strong> {r.note} {!r.confirmed && <Unconfirmed />}
          </li>
        ))}
      </ul>
      <p className="small muted">Source: {rules.source}</p>
    </div>
  );
}

/** Reconciliation by period, exports for inspectors, inventory reports, the tamper check and the jurisdiction's rules. */
export function ReportsPage({ session }: { session: ActiveSession }) {
  const tz = session.clinic.timeZone;
  const [period, setPeriod] = useState({ from: '', to: '' });
  const summary = useQuery({ queryKey: ['ledger', 'summary', period], queryFn: () => api.get<{ products: SummaryRow[] }>(`/api/ledger/reports/summary${qs(period)}`) });
  const inventories = useQuery({ queryKey: ['ledger', 'counts', 'inventory'], queryFn: () => api.get<{ counts: LedgerCountDto[] }>('/api/ledger/counts?kind=inventory') });
  const alerts = useAlerts();
  const verify = useMutation({ mutationFn: () => api.get<VerifyResult>('/api/ledger/verify') });
  const exports = can(session, 'ledger.export');
  const p = qs(period);
  const sep = p === '' ? '?' : '&';
  return (
    <LedgerLayout session={session} title="reports" intro="What came in and went out, for any period; exports for inspectors; inventories; and a check that no record was altered.">
      <div className="panel">
        <h2>Reconciliation</h2>
        <div className="form-row">
          <Field label="From (date)" type="date" value={period.from} onChange={(e) => setPeriod({ ...period, from: e.target.value })} />
          <Field label="To (date)" type="date" value={period.to} onChange={(e) => setPeriod({ ...period, to: e.target.value })} />
        </div>
        <ErrorAlert error={summary.error} />
        <div className="table-wrap">
          <table className="ledger-table" aria-label="Reconciliation">
            <thead>
              <tr>
                <th>Product</th>
                <th className="num">At start</th>
                <th className="num">Received</th>
                <th className="num">Given</th>
                <th className="num">Wasted</th>
                <th className="num">Returned · destroyed</th>
                <th className="num">Lost</th>
                <th className="num">Adjusted</th>
                <th className="num">At end</th>
              </tr>
            </thead>
            <tbody>
              {(summary.data?.products ?? []).map((r) => (
                <tr key={r.product.id} className={r.adjustments > 0 ? 'flagged' : undefined}>
                  <td>{r.product.name}</td>
                  <td className="num">{n(r.openingMg)} mg</td>
                  <td className="num">{n(r.receivedMg)} mg</td>
                  <td className="num">
                    {n(r.administeredMg)} mg<div className="small muted">{r.administrations} dose{r.administrations === 1 ? '' : 's'}</div>
                  </td>
                  <td className="num">{n(r.wastedMg)} mg</td>
                  <td className="num">
                    {n(r.returnedMg)} · {n(r.destroyedMg)} mg
                  </td>
                  <td className="num">{n(r.lostMg)} mg</td>
                  <td className="num">{r.adjustments > 0 ? <span className="badge danger">{n(r.adjustedMg)} mg in {r.adjustments}</span> : '0'}</td>
                  <td className="num">
                    <strong>{n(r.closingMg)} mg</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {exports && (
          <div className="actions">
            <a className="button secondary" href={`/api/ledger/register.csv${p}`} download>
              Full register (CSV)
            </a>
            <a className="button secondary" href={`/api/ledger/register.pdf${p}`} download>
              Full register (PDF)
            </a>
            <a className="button secondary" href={`/api/ledger/register.csv${p}${sep}kind=administration`} download>
              Dispensing log (CSV)
            </a>
            <a className="button secondary" href={`/api/ledger/register.pdf${p}${sep}kind=administration`} download>
              Dispensing log (PDF)
            </a>
          </div>
        )}
        <p className="small muted">For one patient or product, filter the register and export from there.</p>
      </div>
      <div className="grid-2">
        <div className="panel">
          <h2>Inventories</h2>
          {alerts.data !== undefined && (
            <p>
              {alerts.data.inventory.lastInventoryDate === null ? 'No inventory yet.' : `Last full inventory: ${alerts.data.inventory.lastInventoryDate}.`}{' '}
              {alerts.data.inventory.nextDueDate !== null && `Next due by ${alerts.data.inventory.nextDueDate}.`}
              {alerts.data.inventory.state === 'interval_unconfirmed' && <Unconfirmed />}
            </p>
          )}
          <ul>
            {(inventories.data?.counts ?? []).map((c) => (
              <li key={c.id}>
                {c.kind === 'initial_inventory' ? 'Initial' : 'Biennial'} inventory, {formatDate(c.countedAt, tz)} ({c.businessTime === 'opening' ? 'opening' : 'close'} of business)
                {exports && (
                  <>
                    {' '}
                    · <a href={`/api/ledger/counts/${c.id}/report`}>PDF</a> · <a href={`/api/ledger/counts/${c.id}/report?format=csv`}>CSV</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
        {can(session, 'ledger.verify') && (
          <div className="panel">
            <h2>Tamper check</h2>
            <p className="small muted">Every entry is sealed with a fingerprint of itself and of the entry before it. The check recomputes the whole register and re-adds every container’s movements.</p>
            <button type="button" className="secondary" onClick={() => verify.mutate()} disabled={verify.isPending}>
              {verify.isPending ? 'Checking…' : 'Check the register now'}
            </button>
            <ErrorAlert error={verify.error} />
            {verify.data !== undefined &&
              (verify.data.ok ? (
                <div className="alert ok" role="status" style={{ marginTop: '1rem' }}>
                  <strong>Intact.</strong> {verify.data.entriesChecked} entries and {verify.data.containersChecked} container balances checked at {formatDateTime(verify.data.checkedAt, tz)}.
                </div>
              ) : (
                <div className="alert error" role="alert" style={{ marginTop: '1rem' }}>
                  <strong>The register has been altered.</strong>
                  {verify.data.firstBreak !== null ? `First broken entry: #${verify.data.firstBreak.seq ?? '?'} (${verify.data.firstBreak.kind}).` : `${verify.data.balanceMismatches.length} container balance(s) differ from their movements.`} Report this to your
                  security officer.
                </div>
              ))}
          </div>
        )}
      </div>
      {alerts.data !== undefined && <Rules rules={alerts.data.rules} />}
    </LedgerLayout>
  );
}
