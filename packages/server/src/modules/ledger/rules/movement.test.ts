import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planMovement, routeFits, type ContainerState, type Move } from './movement';
import type { ProductShape } from './quantity';

const VIAL: ProductShape = { form: 'liquid', substance: 'ketamine', strengthUgPerMl: 50_000, containerVolumeUl: 10_000, ugPerUnit: null, unitsPerContainer: null, containerUg: 500_000, unitLabel: null };
const KIT: ProductShape = { form: 'unit', substance: 'esketamine', strengthUgPerMl: null, containerVolumeUl: null, ugPerUnit: 28_000, unitsPerContainer: 3, containerUg: 84_000, unitLabel: 'device' };
const TODAY = '2026-11-20';
const state = (over: Partial<ContainerState> = {}): ContainerState => ({ containerNo: 7, status: 'in_stock', balanceUg: 300_000, balanceUnits: null, expiryDate: '2027-01-01', locationId: 'safe', ...over });
const q = (mg: number) => ({ ug: mg * 1000, ul: mg * 20, units: null });

describe('planning a movement', () => {
  it.each<[string, ContainerState, Move, { balanceUg: number; status: string }]>([
    ['a dose', state(), { kind: 'administration', quantity: q(35), route: 'iv' }, { balanceUg: 265_000, status: 'in_stock' }],
    ['the last of the vial', state(), { kind: 'administration', quantity: q(300), route: 'im' }, { balanceUg: 0, status: 'empty' }],
    ['a dose on the expiry date itself', state({ expiryDate: TODAY }), { kind: 'administration', quantity: q(10), route: 'iv' }, { balanceUg: 290_000, status: 'in_stock' }],
    ['waste from an expired vial', state({ expiryDate: '2026-01-01' }), { kind: 'waste', quantity: q(300) }, { balanceUg: 0, status: 'empty' }],
    ['a loss of everything', state(), { kind: 'loss', quantity: q(300) }, { balanceUg: 0, status: 'lost' }],
    ['destruction', state(), { kind: 'destruction' }, { balanceUg: 0, status: 'destroyed' }],
    ['a return', state(), { kind: 'return' }, { balanceUg: 0, status: 'returned' }],
    ['an adjustment up on an empty vial', state({ status: 'empty', balanceUg: 0 }), { kind: 'adjustment', quantity: q(5), direction: 'add' }, { balanceUg: 5000, status: 'in_stock' }],
    ['a move', state(), { kind: 'transfer', toLocationId: 'cabinet', toLocationActive: true }, { balanceUg: 300_000, status: 'in_stock' }],
  ])('allows %s', (_l, s, move, expected) => {
    const r = planMovement(VIAL, s, move, TODAY);
    expect(r).toMatchObject({ ok: true, value: expected });
  });

  it.each<[string, ContainerState, Move, string, RegExp]>([
    ['more than is left', state(), { kind: 'administration', quantity: q(301), route: 'iv' }, 'RULE_BLOCKED', /holds only 300 mg \(6 mL\); 301 mg \(6.02 mL\) cannot be taken/],
    ['a dose from an expired vial', state({ expiryDate: '2026-11-19' }), { kind: 'administration', quantity: q(1), route: 'iv' }, 'RULE_BLOCKED', /expired on 2026-11-19/],
    ['nasal racemic ketamine', state(), { kind: 'administration', quantity: q(1), route: 'esketamine_nasal' }, 'RULE_BLOCKED', /route/],
    ['anything on a destroyed vial', state({ status: 'destroyed', balanceUg: 0 }), { kind: 'adjustment', quantity: q(1), direction: 'add' }, 'STATE_TRANSITION_INVALID', /was destroyed/],
    ['waste from an empty vial', state({ status: 'empty', balanceUg: 0 }), { kind: 'waste', quantity: q(1) }, 'STATE_TRANSITION_INVALID', /is empty/],
    ['an adjustment above a full vial', state({ balanceUg: 499_000 }), { kind: 'adjustment', quantity: q(2), direction: 'add' }, 'RULE_BLOCKED', /more than a full container/],
    ['a move to where it is', state(), { kind: 'transfer', toLocationId: 'safe', toLocationActive: true }, 'VALIDATION_FAILED', /already there/],
    ['a move to a closed location', state(), { kind: 'transfer', toLocationId: 'old', toLocationActive: false }, 'VALIDATION_FAILED', /no longer in use/],
    ['a zero amount', state(), { kind: 'waste', quantity: q(0) }, 'VALIDATION_FAILED', /above zero/],
  ])('refuses %s', (_l, s, move, code, message) => {
    const r = planMovement(VIAL, s, move, TODAY);
    expect(r).toMatchObject({ ok: false, violation: { code, message: expect.stringMatching(message) } });
  });

  it('counts devices in kits and refuses a device that is not there', () => {
    const kit = state({ balanceUg: 84_000, balanceUnits: 3 });
    expect(planMovement(KIT, kit, { kind: 'administration', quantity: { ug: 56_000, ul: null, units: 2 }, route: 'esketamine_nasal' }, TODAY)).toMatchObject({ ok: true, value: { balanceUg: 28_000, balanceUnits: 1, deltaUnits: -2 } });
    expect(planMovement(KIT, state({ balanceUg: 28_000, balanceUnits: 1 }), { kind: 'administration', quantity: { ug: 56_000, ul: null, units: 2 }, route: 'esketamine_nasal' }, TODAY)).toMatchObject({ ok: false, violation: { message: expect.stringMatching(/holds only 1 device/) } });
    expect(routeFits(KIT, 'iv')).toBe(false);
  });

  it('never goes negative or above a full container, and every balance is the sum of its deltas', () => {
    const move = fc.oneof(
      fc.record({ kind: fc.constantFrom('administration', 'waste', 'loss'), mg: fc.integer({ min: -5, max: 200 }) }),
      fc.record({ kind: fc.constant('adjustment'), mg: fc.integer({ min: -50, max: 50 }) }),
      fc.record({ kind: fc.constantFrom('destruction', 'return', 'transfer'), mg: fc.constant(0) }),
    );
    fc.assert(
      fc.property(fc.array(move, { maxLength: 40 }), (moves) => {
        let s = state({ balanceUg: 500_000 });
        let sum = 500_000;
        for (const m of moves) {
          const planned: Move =
            m.kind === 'adjustment'
              ? { kind: 'adjustment', quantity: q(Math.abs(m.mg)), direction: m.mg >= 0 ? 'add' : 'remove' }
              : m.kind === 'destruction' || m.kind === 'return'
                ? { kind: m.kind }
                : m.kind === 'transfer'
                  ? { kind: 'transfer', toLocationId: s.locationId === 'safe' ? 'cabinet' : 'safe', toLocationActive: true }
                  : { kind: m.kind as 'waste', quantity: q(m.mg) };
          const r = planMovement(VIAL, s, planned, TODAY);
          if (r.ok) {
            sum += r.value.deltaUg;
            expect(r.value.balanceUg).toBe(sum);
            expect(r.value.balanceUg).toBeGreaterThanOrEqual(0);
            expect(r.value.balanceUg).toBeLessThanOrEqual(500_000);
            s = { ...s, balanceUg: r.value.balanceUg, status: r.value.status, locationId: r.value.toLocationId ?? s.locationId };
          } else {
            expect(r.violation.message.length).toBeGreaterThan(10);
          }
        }
      }),
    );
  });
});
