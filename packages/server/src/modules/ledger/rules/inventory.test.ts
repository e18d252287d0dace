import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, expiryState, inventoryStatus } from './inventory';

describe('expiry', () => {
  it.each([
    ['2026-11-19', 'expired'],
    ['2026-11-20', 'expiring'],
    ['2026-12-20', 'expiring'],
    ['2026-12-21', 'ok'],
  ])('expiry %s seen on 2026-11-20 is %s', (expiry, state) => {
    expect(expiryState(expiry, '2026-11-20')).toBe(state);
  });
});

describe('inventory due dates', () => {
  it.each([
    ['2026-11-20', 24, '2028-11-20'],
    ['2024-02-29', 24, '2026-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2027-12-15', 1, '2028-01-15'],
    ['2026-03-31', 11, '2027-02-28'],
  ])('%s + %s months = %s', (d, m, expected) => {
    expect(addMonths(d, m)).toBe(expected);
  });

  it('adding months never produces an invalid date and keeps the day where it exists', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 48 }), (offset, m) => {
        const d = new Date(Date.UTC(2020, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const r = addMonths(d, m);
        expect(new Date(`${r}T00:00:00Z`).toISOString().slice(0, 10)).toBe(r);
        expect(Number(r.slice(8))).toBeLessThanOrEqual(Number(d.slice(8)));
      }),
    );
  });

  it.each([
    [[], 24, true, 'initial_missing', null],
    [[], 24, false, 'ok', null],
    [['2025-01-10'], 24, true, 'ok', '2027-01-10'],
    [['2024-12-01', '2025-01-10'], 24, true, 'ok', '2027-01-10'],
    [['2024-11-30'], 24, true, 'due_soon', '2026-11-30'],
    [['2024-11-01'], 24, true, 'overdue', '2026-11-01'],
    [['2025-01-10'], null, true, 'interval_unconfirmed', null],
  ] as const)('inventories %o every %s months → %s', (dates, interval, initial, state, due) => {
    expect(inventoryStatus({ inventoryDates: dates, intervalMonths: interval, initialRequired: initial, today: '2026-11-20' })).toMatchObject({ state, nextDueDate: due });
  });
});
