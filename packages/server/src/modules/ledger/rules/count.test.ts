import { describe, expect, it } from 'vitest';
import { evaluateCount, type CountableContainer } from './count';
import type { ProductShape } from './quantity';

const VIAL: ProductShape = { form: 'liquid', substance: 'ketamine', strengthUgPerMl: 50_000, containerVolumeUl: 10_000, ugPerUnit: null, unitsPerContainer: null, containerUg: 500_000, unitLabel: null };
const KIT: ProductShape = { form: 'unit', substance: 'esketamine', strengthUgPerMl: null, containerVolumeUl: null, ugPerUnit: 28_000, unitsPerContainer: 2, containerUg: 56_000, unitLabel: 'device' };
const c = (id: string, no: number, over: Partial<CountableContainer> = {}): CountableContainer => ({ id, containerNo: no, status: 'in_stock', balanceUg: 465_000, balanceUnits: null, product: VIAL, ...over });
const stock = [c('a', 1), c('b', 2, { product: KIT, balanceUg: 56_000, balanceUnits: 2 }), c('e', 3, { status: 'empty', balanceUg: 0 }), c('d', 4, { status: 'destroyed', balanceUg: 0 })];

describe('stock counts', () => {
  it('matches when what is there equals the register', () => {
    const r = evaluateCount(stock, [{ containerId: 'a', countedMl: 9.3 }, { containerId: 'b', countedUnits: 2 }]);
    expect(r).toMatchObject({ ok: true, value: { discrepancies: 0 } });
  });

  it.each([
    ['a low volume', { containerId: 'a', countedMl: 9.1, estimated: true }, { discrepancy: true, differenceUg: -10_000, countedUg: 455_000, expectedUl: 9300, estimated: true }],
    ['a missing device', { containerId: 'b', countedUnits: 1 }, { discrepancy: true, differenceUg: -28_000 }],
    ['0.001 mL over', { containerId: 'a', countedMl: 9.301 }, { discrepancy: true, differenceUg: 50 }],
  ])('flags %s', (_l, line, expected) => {
    const others = [{ containerId: 'a', countedMl: 9.3 }, { containerId: 'b', countedUnits: 2 }].filter((x) => x.containerId !== line.containerId);
    const r = evaluateCount(stock, [...others, line]);
    expect(r.ok && r.value.discrepancies).toBe(1);
    expect(r.ok && r.value.lines.find((l) => l.containerId === line.containerId)).toMatchObject(expected);
  });

  it.each([
    ['a container left out', [{ containerId: 'a', countedMl: 9.3 }], 'lines', /missing: #2/],
    ['a container twice', [{ containerId: 'a', countedMl: 9.3 }, { containerId: 'a', countedMl: 9.3 }, { containerId: 'b', countedUnits: 2 }], 'lines.1.containerId', /listed twice/],
    ['a destroyed container', [{ containerId: 'd', countedMl: 0 }], 'lines.0.containerId', /not in stock/],
    ['an unknown container', [{ containerId: 'zz', countedMl: 0 }], 'lines.0.containerId', /not in stock/],
    ['devices for a vial', [{ containerId: 'a', countedUnits: 9 }], 'lines.0.countedMl', /volume left in mL/],
    ['part of a device', [{ containerId: 'a', countedMl: 9.3 }, { containerId: 'b', countedUnits: 1.5 }], 'lines.1.countedUnits', /whole number/],
  ])('refuses %s', (_l, lines, field, message) => {
    expect(evaluateCount(stock, lines)).toMatchObject({ ok: false, violation: { code: 'VALIDATION_FAILED', field, message: expect.stringMatching(message) } });
  });

  it('allows counting an empty container, and an empty count when nothing is in stock', () => {
    expect(evaluateCount(stock, [{ containerId: 'a', countedMl: 9.3 }, { containerId: 'b', countedUnits: 2 }, { containerId: 'e', countedMl: 0 }])).toMatchObject({ ok: true, value: { discrepancies: 0 } });
    expect(evaluateCount([], [])).toMatchObject({ ok: true, value: { lines: [], discrepancies: 0 } });
  });
});
