/**
 * Inventory and expiry status (pure, on clinic-local dates).
 */
import { daysBetween, type LocalDate } from '@ketapath/clinical';

/** UI warning window before an expiry or an inventory due date (a clinic convenience, not a regulatory number). */
export const SOON_DAYS = 30;

export type ExpiryState = 'expired' | 'expiring' | 'ok';

/** A container may be used up to and including its expiry date. */
export function expiryState(expiryDate: LocalDate, today: LocalDate): ExpiryState {
  if (expiryDate < today) {
    return 'expired';
  }
  return daysBetween(today, expiryDate) <= SOON_DAYS ? 'expiring' : 'ok';
}

/** `date` plus whole calendar months, clamped to the end of the month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const lastDay = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export type InventoryState = 'initial_missing' | 'ok' | 'due_soon' | 'overdue' | 'interval_unconfirmed';

export interface InventoryStatus {
  readonly state: InventoryState;
  readonly lastInventoryDate: LocalDate | null;
  /** The last day the next full inventory is on time; null when there is none yet or the interval is not confirmed. */
  readonly nextDueDate: LocalDate | null;
}

/** Where the clinic stands with its initial and periodic (e.g. biennial) inventories. */
export function inventoryStatus(input: {
  readonly inventoryDates: readonly LocalDate[];
  readonly intervalMonths: number | null;
  readonly initialRequired: boolean;
  readonly today: LocalDate;
}): InventoryStatus {
  const last = [...input.inventoryDates].sort().at(-1) ?? null;
  if (last === null) {
    return { state: input.initialRequired ? 'initial_missing' : 'ok', lastInventoryDate: null, nextDueDate: null };
  }
  if (input.intervalMonths === null) {
    return { state: 'interval_unconfirmed', lastInventoryDate: last, nextDueDate: null };
  }
  const due = addMonths(last, input.intervalMonths);
  const state: InventoryState = input.today > due ? 'overdue' : daysBetween(input.today, due) <= SOON_DAYS ? 'due_soon' : 'ok';
  return { state, lastInventoryDate: last, nextDueDate: due };
}
