import type { LedgerContainerDto } from '@ketapath/server/contracts';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExpiryBadge, StatusBadge } from '../../components/ledger/Badges';
import { ContainerDialog, type ContainerAction } from '../../components/ledger/ContainerDialog';
import { DestroyDialog } from '../../components/ledger/DestroyDialog';
import { AdjustDialog, MoveDialog, ReturnDialog, WasteDialog } from '../../components/ledger/MovementDialogs';
import { qty } from '../../lib/ledger-format';
import { LedgerLayout } from './LedgerLayout';
import { useCatalog, useStock } from './queries';

type Action = ContainerAction | 'detail';

/** Stock on hand: every container with its product, lot, expiry, place and balance, and what can be done with it. */
export function StockPage({ session }: { session: ActiveSession }) {
  const [show, setShow] = useState<'in_stock' | 'all'>('in_stock');
  const stock = useStock(show);
  const catalog = useCatalog();
  const [open, setOpen] = useState<{ action: Action; container: LedgerContainerDto } | null>(null);
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const mfa = session.user.mfaEnabled;
  const close = () => setOpen(null);
  const done = (m: string) => {
    setOpen(null);
    setNotice(m);
  };
  const rows = stock.data?.containers ?? [];
  const totals = new Map<string, { name: string; mg: number; units: number; containers: number }>();
  for (const c of rows.filter((r) => r.status === 'in_stock')) {
    const t = totals.get(c.product.id) ?? { name: c.product.name, mg: 0, units: 0, containers: 0 };
    totals.set(c.product.id, { ...t, mg: t.mg + c.balance.mg, units: t.units + (c.balance.units ?? 0), containers: t.containers + 1 });
  }
  return (
    <LedgerLayout
      session={session}
      title="stock on hand"
      intro="Every vial and kit, where it is and what is left. Doses given in a session are taken off automatically."
      actions={
        can(session, 'ledger.receive') ? (
          <Link className="button" to="/controlled-drugs/receive">
            Receive stock
          </Link>
        ) : undefined
      }
    >
      {notice !== null && (
        <div className="alert ok" role="status">
          {notice}
        </div>
      )}
      <ErrorAlert error={stock.error ?? catalog.error} />
      {totals.size > 0 && (
        <div className="grid-2">
          {[...totals.values()].map((t) => (
            <div className="panel" key={t.name}>
              <div className="muted small">{t.name}</div>
              <div className="stat">{Number(t.mg.toFixed(3))} mg</div>
              <div className="small">
                in {t.containers} container{t.containers === 1 ? '' : 's'}
                {t.units > 0 ? ` · ${t.units} devices` : ''}
              </div>
            </div>
          ))}
        </div>
      )}
      <div className="panel">
        <div className="page-head" style={{ marginBottom: '0.5rem' }}>
          <h2 style={{ margin: 0 }}>Containers</h2>
          <label className="check">
            <input type="checkbox" checked={show === 'all'} onChange={(e) => setShow(e.target.checked ? 'all' : 'in_stock')} /> Show empty, returned, destroyed and lost
          </label>
        </div>
        <div className="table-wrap">
          <table className="ledger-table" aria-label="Containers">
            <thead>
              <tr>
                <th>No.</th>
                <th>Product · lot · place</th>
                <th>Expires</th>
                <th className="num">Left</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} className={c.expiry === 'expired' && c.status === 'in_stock' ? 'expired' : undefined}>
                  <td>
                    <strong>#{c.no}</strong>
                  </td>
                  <td>
                    {c.product.name}
                    <div className="small muted">
                      {c.product.code === null ? '' : `${c.product.code} · `}lot {c.lot}
                    </div>
                    <div className="small">{c.location.name}</div>
                  </td>
                  <td className="nowrap">
                    {c.expiryDate}
                    <div>
                      <ExpiryBadge c={c} />
                    </div>
                  </td>
                  <td className="num">
                    <span className="balance">{qty(c.balance, c.product.unitLabel)}</span>
                    <div className="small muted">{c.status === 'in_stock' ? (c.opened ? 'opened' : 'sealed') : <StatusBadge status={c.status} />}</div>
                  </td>
                  <td>
                    <div className="row-actions">
                      {c.status === 'in_stock' && can(session, 'ledger.waste') && (
                        <button type="button" className="secondary small" onClick={() => setOpen({ action: 'waste', container: c })}>
                          Waste
                        </button>
                      )}
                      <button type="button" className="secondary small" aria-label={`More… for container #${c.no}`} onClick={() => setOpen({ action: 'detail', container: c })}>
                        More…
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {rows.length === 0 && !stock.isPending && <p className="muted">Nothing in stock. Use “Receive stock” when a delivery arrives.</p>}
      </div>
      {open?.action === 'detail' && <ContainerDialog container={open.container} session={session} onClose={close} onAction={(action) => setOpen({ action, container: open.container })} />}
      {open?.action === 'waste' && <WasteDialog container={open.container} mfa={mfa} onClose={close} onDone={done} />}
      {open?.action === 'move' && <MoveDialog container={open.container} mfa={mfa} onClose={close} onDone={done} locations={catalog.data?.locations ?? []} />}
      {open?.action === 'return' && <ReturnDialog container={open.container} mfa={mfa} onClose={close} onDone={done} />}
      {open?.action === 'adjust' && <AdjustDialog container={open.container} mfa={mfa} onClose={close} onDone={done} />}
      {open?.action === 'destroy' && catalog.data !== undefined && (
        <DestroyDialog container={open.container} rules={catalog.data.rules} mfa={mfa} timeZone={session.clinic.timeZone} onClose={close} onDone={done} />
      )}
    </LedgerLayout>
  );
}
