import type { LedgerContainerDto, LedgerEntryDto } from '@ketapath/server/contracts';

export const KIND_LABELS: Record<string, string> = {
  receipt: 'Received',
  administration: 'Given to patient',
  waste: 'Wasted',
  transfer: 'Moved',
  return: 'Returned to supplier',
  destruction: 'Destroyed',
  loss: 'Theft or loss',
  adjustment: 'Adjustment',
  count: 'Count',
  count_resolution: 'Discrepancy explained',
};

export const THEFT_TYPES: readonly { value: string; label: string }[] = [
  { value: 'night_break_in', label: 'Night break-in' },
  { value: 'armed_robbery', label: 'Armed robbery' },
  { value: 'employee_pilferage', label: 'Employee pilferage' },
  { value: 'customer_theft', label: 'Customer (patient/visitor) theft' },
  { value: 'lost_in_transit', label: 'Lost in transit' },
  { value: 'other', label: 'Other (explain)' },
];

export const ROUTE_WORDS: Record<string, string> = { iv: 'IV', im: 'IM', oral: 'oral', sublingual: 'sublingual', esketamine_nasal: 'nasal spray' };

const n = (x: number): string => String(Number(x.toFixed(3)));

interface Qty {
  readonly mg: number;
  readonly ml: number | null;
  readonly units: number | null;
}

/** "465 mg · 9.3 mL" or "2 devices · 56 mg". */
export function qty(b: Qty, unitLabel: string | null = 'device'): string {
  if (b.units !== null) {
    const word = unitLabel === 'dev.' ? 'dev.' : `${unitLabel ?? 'unit'}${b.units === 1 ? '' : 's'}`;
    return `${b.units} ${word} · ${n(b.mg)} mg`;
  }
  return b.ml === null ? `${n(b.mg)} mg` : `${n(b.mg)} mg · ${n(b.ml)} mL`;
}

export function signedAmount(e: LedgerEntryDto): string {
  if (e.kind === 'count' || e.kind === 'count_resolution' || e.kind === 'transfer') {
    return '';
  }
  const sign = (x: number) => (x > 0 ? `+${n(x)}` : n(x));
  const parts = [`${sign(e.amountMg)} mg`];
  if (e.volumeMl !== null) {
    parts.push(`${sign(e.volumeMl)} mL`);
  }
  if (e.units !== null) {
    parts.push(`${sign(e.units)} dev.`);
  }
  return parts.join(' · ');
}

const s = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** The facts that matter for this kind of entry, in a line. */
export function entryDetail(e: LedgerEntryDto): string {
  const d = e.details;
  switch (e.kind) {
    case 'receipt':
      return `From ${s(d.supplierName)} · invoice ${s(d.invoiceNumber)}${d.supplierRegistration ? ` · DEA ${s(d.supplierRegistration)}` : ''}`;
    case 'administration':
      return e.patient === null ? '' : `${e.patient.name} (${e.patient.mrn}) · ${ROUTE_WORDS[e.route ?? ''] ?? e.route ?? ''}`;
    case 'transfer':
      return `${e.fromLocation ?? ''} → ${e.toLocation ?? ''}`;
    case 'destruction':
      return `${s(d.method)} · ${s(d.place)}`;
    case 'return':
      return `To ${s(d.supplierName)} · ref. ${s(d.reference)}`;
    case 'loss':
      return THEFT_TYPES.find((t) => t.value === e.reason)?.label ?? e.reason ?? '';
    case 'count': {
      const counted = d.countedUl !== null && d.countedUl !== undefined ? `${n(Number(d.countedUl) / 1000)} mL` : `${s(d.countedUnits)} dev.`;
      return `Counted ${counted}${d.estimated === true ? ' (estimate)' : ''}${d.discrepancy === true ? ` · DISCREPANCY ${n(Number(d.differenceUg) / 1000)} mg` : ' · matches'}`;
    }
    default:
      return e.reason ?? '';
  }
}

export function containerLabel(c: LedgerContainerDto): string {
  return `#${c.no} ${c.product.name} · lot ${c.lot}`;
}

/** A wall-clock time typed in the clinic's time zone ("2026-11-20T09:30") as an ISO instant with offset. */
export function zonedToIso(local: string, timeZone: string): string {
  const naive = Date.parse(`${local}:00Z`);
  const offsetAt = (ms: number): number => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(ms));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? '0');
    return (Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - Math.floor(ms / 60_000) * 60_000) / 60_000;
  };
  let guess = naive - offsetAt(naive) * 60_000;
  guess = naive - offsetAt(guess) * 60_000;
  return new Date(guess).toISOString();
}

/** Today's date (YYYY-MM-DD) and the current wall time in the clinic's time zone. */
export function clinicNow(timeZone: string): { date: string; local: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date());
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  return { date, local: `${date}T${get('hour')}:${get('minute')}` };
}
