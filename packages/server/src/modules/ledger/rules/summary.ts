/**
 * Reconciliation summary per product for a period (pure): opening balance + receipts − administrations −
 * waste − returns − destruction − losses ± adjustments = closing balance. Transfers and counts move nothing.
 */
import type { MovementKind } from './movement';

export interface KindTotal {
  readonly productId: string;
  readonly kind: string;
  /** Sum of signed mass deltas (µg). */
  readonly ug: number;
  readonly entries: number;
}

export interface ProductSummary {
  readonly productId: string;
  readonly openingUg: number;
  readonly receivedUg: number;
  readonly administeredUg: number;
  readonly administrations: number;
  readonly wastedUg: number;
  readonly returnedUg: number;
  readonly destroyedUg: number;
  readonly lostUg: number;
  /** Net of all adjustments (signed). */
  readonly adjustedUg: number;
  readonly adjustments: number;
  readonly closingUg: number;
}

const OUT_KINDS: readonly MovementKind[] = ['administration', 'waste', 'return', 'destruction', 'loss'];

export function summarise(productIds: readonly string[], opening: ReadonlyMap<string, number>, totals: readonly KindTotal[]): ProductSummary[] {
  return productIds.map((productId) => {
    const mine = totals.filter((t) => t.productId === productId);
    const ug = (kind: string) => mine.filter((t) => t.kind === kind).reduce((s, t) => s + t.ug, 0);
    const n = (kind: string) => mine.filter((t) => t.kind === kind).reduce((s, t) => s + t.entries, 0);
    const open = opening.get(productId) ?? 0;
    const net = ug('receipt') + OUT_KINDS.reduce((s, k) => s + ug(k), 0) + ug('adjustment');
    return {
      productId,
      openingUg: open,
      receivedUg: ug('receipt'),
      administeredUg: -ug('administration'),
      administrations: n('administration'),
      wastedUg: -ug('waste'),
      returnedUg: -ug('return'),
      destroyedUg: -ug('destruction'),
      lostUg: -ug('loss'),
      adjustedUg: ug('adjustment'),
      adjustments: n('adjustment'),
      closingUg: open + net,
    };
  });
}
