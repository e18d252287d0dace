import type { LedgerContainerDto } from '@ketapath/server/contracts';

export function ExpiryBadge({ c }: { c: Pick<LedgerContainerDto, 'expiry' | 'expiryDate'> }) {
  if (c.expiry === 'expired') {
    return <span className="badge danger">Expired: do not use</span>;
  }
  return c.expiry === 'expiring' ? <span className="badge warn">Expires soon</span> : null;
}

const STATUS: Record<string, [string, string]> = {
  in_stock: ['In stock', 'ok'],
  empty: ['Empty', ''],
  returned: ['Returned', 'info'],
  destroyed: ['Destroyed', ''],
  lost: ['Lost/stolen', 'danger'],
};

export function StatusBadge({ status }: { status: string }) {
  const [label, tone] = STATUS[status] ?? [status, ''];
  return <span className={`badge ${tone}`}>{label}</span>;
}

export function Unconfirmed() {
  return <span className="badge warn">Not confirmed</span>;
}
