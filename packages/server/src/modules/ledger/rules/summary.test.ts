import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarise } from './summary';

describe('reconciliation summary', () => {
  it('adds up a period', () => {
    const [row] = summarise(['p'], new Map([['p', 100_000]]), [
      { productId: 'p', kind: 'receipt', ug: 1_000_000, entries: 2 },
      { productId: 'p', kind: 'administration', ug: -70_000, entries: 2 },
      { productId: 'p', kind: 'waste', ug: -5000, entries: 1 },
      { productId: 'p', kind: 'adjustment', ug: -1000, entries: 1 },
      { productId: 'p', kind: 'transfer', ug: 0, entries: 3 },
    ]);
    expect(row).toMatchObject({ openingUg: 100_000, receivedUg: 1_000_000, administeredUg: 70_000, administrations: 2, wastedUg: 5000, adjustedUg: -1000, adjustments: 1, closingUg: 1_024_000 });
  });

  it('closing = opening + every movement in the period', () => {
    const kinds = ['receipt', 'administration', 'waste', 'return', 'destruction', 'loss', 'adjustment', 'transfer'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.array(fc.record({ kind: fc.constantFrom(...kinds), ug: fc.integer({ min: -1e6, max: 1e6 }) })), (opening, moves) => {
        const totals = moves.map((m) => ({ productId: 'p', kind: m.kind, ug: m.kind === 'transfer' ? 0 : m.ug, entries: 1 }));
        const [row] = summarise(['p'], new Map([['p', opening]]), totals);
        expect(row?.closingUg).toBe(opening + totals.reduce((s, t) => s + t.ug, 0));
      }),
    );
  });
});
