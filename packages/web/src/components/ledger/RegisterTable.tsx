import type { LedgerEntryDto } from '@ketapath/server/contracts';
import { formatDate, formatDateTime } from '../../lib/format';
import { entryDetail, KIND_LABELS, qty, signedAmount } from '../../lib/ledger-format';

/** Register entries, newest first; adjustments shaded and labelled, count discrepancies highlighted. */
export function RegisterTable({ entries, timeZone }: { entries: LedgerEntryDto[]; timeZone: string }) {
  return (
    <div className="table-wrap">
      <table className="ledger-table register" aria-label="Register">
        <thead>
          <tr>
            <th>No. · when</th>
            <th>Entry</th>
            <th className="num">Amount · left after</th>
            <th>Patient / details</th>
            <th>By · witness</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className={e.flagged ? 'flagged' : e.kind === 'count' && e.details.discrepancy === true ? 'discrepancy' : undefined}>
              <td className="small">
                <strong>{e.seq}</strong>
                <div className="muted nowrap">{formatDate(e.occurredAt, timeZone)}</div>
                <div className="muted">{formatDateTime(e.occurredAt, timeZone).split(', ')[1]}</div>
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
              <td className="num small">
                {signedAmount(e)}
                {e.balance !== null && <div className="muted nowrap">{qty(e.balance, 'dev.')} left</div>}
              </td>
              <td className="small">
                {entryDetail(e)}
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
