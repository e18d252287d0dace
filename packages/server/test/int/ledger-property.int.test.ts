import { addDays } from '@ketapath/clinical';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/db/raw';
import { AppError } from '../../src/http/errors';
import { writeMovement, type MovementRequest, type WriteContext } from '../../src/modules/ledger/movements';
import { verifyLedger } from '../../src/modules/ledger/verify';
import { createTestApp, type TestApp } from '../harness';
import { actorOf, administer, receive, registerPatient, stockedClinic, today, type Stocked } from '../ledger-fixtures';

let t: TestApp;
let s: Stocked;
let patient: string;
beforeAll(async () => {
  t = await createTestApp();
  s = await stockedClinic(t);
  patient = await registerPatient(s.clinic.as.front_desk);
});
afterAll(async () => {
  await t.close();
});

const KINDS = ['administration', 'waste', 'loss', 'adjust_add', 'adjust_remove', 'transfer', 'destruction', 'return'] as const;
type Kind = (typeof KINDS)[number];
interface Op {
  readonly target: number;
  readonly kind: Kind;
  /** mg for the vials, devices for the kit. */
  readonly amount: number;
  readonly bad: 'none' | 'decimals' | 'zero';
  readonly toCabinet: boolean;
}

const op: fc.Arbitrary<Op> = fc.record({
  target: fc.integer({ min: 0, max: 2 }),
  kind: fc.constantFrom(...KINDS, 'administration', 'waste', 'administration'),
  amount: fc.integer({ min: 1, max: 300 }),
  bad: fc.constantFrom('none', 'none', 'none', 'none', 'decimals', 'zero'),
  toCabinet: fc.boolean(),
});

interface Model {
  id: string;
  kit: boolean;
  ug: number;
  units: number | null;
  full: number;
  status: string;
  cabinet: boolean;
  expired: boolean;
}

/** The oracle: what the rules should do, written independently of the implementation. */
function expectOutcome(m: Model, o: Op): { valid: boolean; ug: number; units: number | null; status: string; cabinet: boolean } {
  const fail = { valid: false, ug: m.ug, units: m.units, status: m.status, cabinet: m.cabinet };
  if (['returned', 'destroyed', 'lost'].includes(m.status)) {
    return fail;
  }
  if (m.status === 'empty' && o.kind !== 'adjust_add') {
    return fail;
  }
  if (o.kind === 'transfer') {
    return o.toCabinet === m.cabinet ? fail : { ...fail, valid: true, cabinet: o.toCabinet };
  }
  if (o.kind === 'destruction' || o.kind === 'return') {
    return { valid: true, ug: 0, units: m.kit ? 0 : null, status: o.kind === 'destruction' ? 'destroyed' : 'returned', cabinet: m.cabinet };
  }
  if (o.bad !== 'none') {
    return fail;
  }
  const devices = m.kit ? o.amount % 5 : 0;
  if (m.kit && devices === 0) {
    return fail;
  }
  const q = m.kit ? devices * 28_000 : o.amount * 1000;
  if (o.kind === 'administration' && m.expired) {
    return fail;
  }
  const sign = o.kind === 'adjust_add' ? 1 : -1;
  const ug = m.ug + sign * q;
  if (ug < 0 || ug > m.full) {
    return fail;
  }
  const status = ug === 0 ? (o.kind === 'loss' ? 'lost' : 'empty') : 'in_stock';
  return { valid: true, ug, units: m.kit ? ug / 28_000 : null, status, cabinet: m.cabinet };
}

function request(m: Model, o: Op): MovementRequest {
  const amount = o.bad === 'zero' ? 0 : o.bad === 'decimals' ? o.amount + 0.0005 : o.amount;
  const quantity = m.kit ? { units: o.bad === 'none' ? amount % 5 : amount } : { amountMg: amount };
  switch (o.kind) {
    case 'transfer':
      return { kind: 'transfer', toLocationId: o.toCabinet ? s.cabinet : s.safe };
    case 'destruction':
    case 'return':
      return { kind: o.kind };
    case 'adjust_add':
    case 'adjust_remove':
      return { kind: 'adjustment', direction: o.kind === 'adjust_add' ? 'add' : 'remove', quantity };
    case 'administration':
    case 'waste':
    case 'loss':
      return { kind: o.kind, quantity } as MovementRequest;
  }
}

async function snapshot(): Promise<string> {
  const rows = await rawRows<{ v: string }>(
    t.deps.db,
    sql`SELECT concat_ws('|',
      (SELECT string_agg(concat_ws(',', id, balance_ug, balance_units, status, location_id, updated_at), ';' ORDER BY id) FROM cs_containers WHERE clinic_id = ${s.clinic.clinic.id}),
      (SELECT count(*) FROM cs_ledger_entries WHERE clinic_id = ${s.clinic.clinic.id}),
      (SELECT last_seq FROM cs_chain_heads WHERE chain_id = ${s.clinic.clinic.id})) AS v`,
  );
  return rows[0]?.v ?? '';
}

/** Every container's cached balance against the sum of its movements. */
async function balancesEqualMovements(): Promise<void> {
  const rows = await rawRows<{ id: string; cached: number; summed: number; cached_units: number | null; summed_units: number | null }>(
    t.deps.db,
    sql`SELECT c.id, c.balance_ug::int AS cached, coalesce(sum(e.delta_ug), 0)::int AS summed, c.balance_units AS cached_units, sum(e.delta_units)::int AS summed_units
        FROM cs_containers c LEFT JOIN cs_ledger_entries e ON e.container_id = c.id
        WHERE c.clinic_id = ${s.clinic.clinic.id} GROUP BY c.id`,
  );
  for (const r of rows) {
    expect(r.summed, `container ${r.id}`).toBe(r.cached);
    expect(r.summed_units, `container ${r.id} units`).toBe(r.cached_units);
  }
}

describe('ledger: property', () => {
  it('rejects every invalid transaction with a clear error and no change, and keeps every balance equal to the sum of its movements', async () => {
    let valid = 0;
    let invalid = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 18 }), async (ops) => {
        const day = today(t);
        const [vial] = await receive(t, s.clinic.as.nurse, s, s.ketamine, 1);
        const [kit] = await receive(t, s.clinic.as.nurse, s, s.kit84, 1);
        const [expiring] = await receive(t, s.clinic.as.nurse, s, s.ketamine, 1, day);
        const models: Model[] = [
          { id: vial!, kit: false, ug: 500_000, units: null, full: 500_000, status: 'in_stock', cabinet: false, expired: false },
          { id: kit!, kit: true, ug: 84_000, units: 3, full: 84_000, status: 'in_stock', cabinet: false, expired: false },
          { id: expiring!, kit: false, ug: 500_000, units: null, full: 500_000, status: 'in_stock', cabinet: false, expired: true },
        ];
        // Tomorrow, so the third vial (expiring today) is expired.
        const ctx: WriteContext = { clinicId: s.clinic.clinic.id, actor: actorOf(s.clinic.users.admin), meta: null, now: t.clock.now(), today: addDays(day, 1), signedWith: 'password' };
        for (const o of ops) {
          const m = models[o.target]!;
          const expected = expectOutcome(m, o);
          const before = await snapshot();
          const req = request(m, o);
          let error: unknown = null;
          try {
            if (req.kind === 'administration') {
              await administer(t, s.clinic.users.nurse, { now: new Date(`${addDays(day, 1)}T17:00:00Z`), containerId: m.id, patientId: patient, amountMg: m.kit ? (req.quantity.units ?? 0) * 28 : (req.quantity.amountMg ?? 0), ...(m.kit ? { devices: req.quantity.units ?? 0 } : {}) });
            } else {
              await t.deps.db.transaction((tx) => writeMovement(tx, ctx, m.id, req, { reason: 'property test' }));
            }
          } catch (err) {
            error = err;
          }
          if (expected.valid) {
            expect(error, `${JSON.stringify(o)} on ${JSON.stringify(m)}`).toBeNull();
            Object.assign(m, { ug: expected.ug, units: expected.units, status: expected.status, cabinet: expected.cabinet });
            valid++;
          } else {
            expect(error, `${JSON.stringify(o)} on ${JSON.stringify(m)} should be refused`).toBeInstanceOf(AppError);
            const e = error as AppError;
            expect(['VALIDATION_FAILED', 'RULE_BLOCKED', 'STATE_TRANSITION_INVALID']).toContain(e.code);
            expect(e.message.length).toBeGreaterThan(10);
            expect(await snapshot()).toBe(before);
            invalid++;
          }
          await balancesEqualMovements();
        }
        const rows = await rawRows<{ id: string; ug: number; status: string }>(t.deps.db, sql`SELECT id, balance_ug::int AS ug, status FROM cs_containers WHERE id IN (${vial}, ${kit}, ${expiring})`);
        for (const m of models) {
          expect(rows.find((r) => r.id === m.id)).toMatchObject({ ug: m.ug, status: m.status });
        }
      }),
      { numRuns: Number(process.env.LEDGER_PROPERTY_RUNS ?? 60), ...(process.env.LEDGER_PROPERTY_RUNS === undefined ? { seed: 7_2026 } : {}) },
    );
    expect(valid).toBeGreaterThan(20);
    expect(invalid).toBeGreaterThan(20);
    expect((await verifyLedger(t.deps.db, s.clinic.clinic.id)).ok).toBe(true);
  }, 240_000);
});
