/** How register entries read in exports (CSV and PDF): plain words, clinic-local times. */
import type { EntryOut } from './presenters';

export const KIND_LABELS: Record<string, string> = {
  receipt: 'Received',
  administration: 'Administered',
  waste: 'Wasted (witnessed)',
  transfer: 'Moved',
  return: 'Returned to supplier',
  destruction: 'Destroyed (witnessed)',
  loss: 'Theft or loss',
  adjustment: 'ADJUSTMENT (flagged)',
  count: 'Count',
  count_resolution: 'Count discrepancy resolved',
};

export const THEFT_LABELS: Record<string, string> = {
  night_break_in: 'Night break-in',
  armed_robbery: 'Armed robbery',
  employee_pilferage: 'Employee pilferage',
  customer_theft: 'Customer theft',
  lost_in_transit: 'Lost in transit',
  other: 'Other',
};

/** "2026-11-20 14:05" in the clinic's time zone. */
export function localStamp(at: Date | string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(at));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

const num = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toFixed(3))));
const signed = (n: number): string => (n > 0 ? `+${num(n)}` : num(n));

export function amountText(e: EntryOut): string {
  if (e.kind === 'count' || e.kind === 'count_resolution' || e.kind === 'transfer') {
    return '';
  }
  const parts = [`${signed(e.amountMg)} mg`];
  if (e.volumeMl !== null) {
    parts.push(`${signed(e.volumeMl)} mL`);
  }
  if (e.units !== null) {
    parts.push(`${signed(e.units)} units`);
  }
  return parts.join(' / ');
}

export function balanceText(e: EntryOut): string {
  if (e.balance === null) {
    return '';
  }
  const parts = [`${num(e.balance.mg)} mg`];
  if (e.balance.ml !== null) {
    parts.push(`${num(e.balance.ml)} mL`);
  }
  if (e.balance.units !== null) {
    parts.push(`${e.balance.units} units`);
  }
  return parts.join(' / ');
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

/** The kind-specific facts of an entry in one line (supplier, patient, method, counted value…). */
export function detailText(e: EntryOut): string {
  const d = e.details;
  switch (e.kind) {
    case 'receipt':
      return [`From ${str(d.supplierName)}, ${str(d.supplierAddress)}`, d.supplierRegistration ? `DEA ${str(d.supplierRegistration)}` : '', `invoice ${str(d.invoiceNumber)}`, d.orderFormNumber ? `order form ${str(d.orderFormNumber)}` : '']
        .filter(Boolean)
        .join('; ');
    case 'administration':
      return e.patient === null ? '' : `${e.patient.name} (${e.patient.mrn})${e.patient.address === null ? '' : `, ${e.patient.address}`}; route ${e.route ?? ''}`;
    case 'transfer':
      return `${e.fromLocation ?? ''} → ${e.toLocation ?? ''}${e.reason === null ? '' : `; ${e.reason}`}`;
    case 'destruction':
      return `Method: ${str(d.method)}; place: ${str(d.place)}; ${d.partial === true ? 'partial' : 'full'} container`;
    case 'return':
      return `To ${str(d.supplierName)}; reference ${str(d.reference)}${e.reason === null ? '' : `; ${e.reason}`}`;
    case 'loss':
      return `Reported: ${THEFT_LABELS[e.reason ?? ''] ?? e.reason ?? ''}`;
    case 'count': {
      const counted = d.countedUl !== null && d.countedUl !== undefined ? `${num(Number(d.countedUl) / 1000)} mL` : `${str(d.countedUnits)} units`;
      const est = d.estimated === true ? ' (estimated)' : '';
      return `Counted ${counted}${est}; ${d.discrepancy === true ? `DISCREPANCY ${signed(Number(d.differenceUg) / 1000)} mg` : 'matches'}`;
    }
    default:
      return e.reason ?? '';
  }
}

export function peopleText(e: EntryOut): string {
  const w = e.witnesses.map((x) => x.name);
  return w.length === 0 ? e.performedBy.name : `${e.performedBy.name}; witness ${w.join(', ')}`;
}

export function productText(e: EntryOut): string {
  if (e.product === null) {
    return '';
  }
  const container = e.container === null ? '' : ` · #${e.container.no} lot ${e.container.lot}`;
  return `${e.product.name}${e.product.code === null ? '' : ` (${e.product.code})`}${container}`;
}
