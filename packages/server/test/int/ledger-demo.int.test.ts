import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csLedgerEntries } from '../../src/db/schema';
import { rawRows } from '../../src/db/raw';
import { seedDemo } from '../../src/modules/demo/seed';
import { seedLedgerDemo } from '../../src/modules/ledger/demo';
import { clinicWithStaff } from '../factories';
import { verifyLedger } from '../../src/modules/ledger/verify';
import { Agent } from '../agent';
import { createTestApp, type TestApp } from '../harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { KETAPATH_DEMO: 'true' } });
});
afterAll(async () => {
  await t.close();
});

describe('ledger: demo clinic', () => {
  it('has realistic stock and four weeks of history that verifies, seeded once', async () => {
    const { clinicId } = await seedDemo(t.deps);
    const entries = await t.deps.db.select({ id: csLedgerEntries.id }).from(csLedgerEntries).where(eq(csLedgerEntries.clinicId, clinicId));
    expect(entries.length).toBeGreaterThan(80);
    await seedDemo(t.deps);
    const again = await rawRows<{ n: number }>(t.deps.db, sql`SELECT count(*)::int AS n FROM cs_ledger_entries WHERE clinic_id = ${clinicId}`);
    expect(again[0]?.n).toBe(entries.length);
    const report = await verifyLedger(t.deps.db, clinicId);
    expect(report).toMatchObject({ ok: true, balanceMismatches: [] });

    const admin = new Agent(t);
    expect((await admin.post('/api/demo/login', { role: 'admin' })).status).toBe(200);
    const stock = (await admin.get('/api/ledger/stock')).body.containers as { product: { name: string }; expiry: string; balance: { mg: number } }[];
    expect(stock.some((c) => c.expiry === 'expiring' && c.product.name.startsWith('Ketamine'))).toBe(true);
    expect(stock.some((c) => c.product.name.startsWith('Spravato 84'))).toBe(true);
    expect(stock.some((c) => c.product.name.startsWith('Ketamine') && c.balance.mg > 0 && c.balance.mg < 500)).toBe(true);
    const counts = (await admin.get('/api/ledger/counts')).body.counts as { kind: string; status: string }[];
    expect(counts.filter((c) => c.kind === 'routine').length).toBeGreaterThan(15);
    expect(counts.map((c) => c.status)).toContain('resolved');
    expect(counts.at(-1)?.kind).toBe('initial_inventory');
    const alerts = (await admin.get('/api/ledger/alerts')).body;
    expect(alerts.discrepancies).toHaveLength(0);
    expect(alerts.inventory.state).toBe('ok');
    expect((await admin.get('/api/ledger/register?kind=adjustment')).body.entries[0]).toMatchObject({ flagged: true });
    const summary = (await admin.get('/api/ledger/reports/summary')).body.products as { administrations: number }[];
    expect(summary.reduce((s, p) => s + p.administrations, 0)).toBeGreaterThan(15);
  });

  it.each([0, 1, 2, 3, 4, 5, 6])('builds a complete history whatever the weekday (+%s days)', async (shift) => {
    t.clock.set(new Date(Date.UTC(2026, 10, 23 + shift, 14)));
    const { clinic } = await clinicWithStaff(t);
    expect(await seedLedgerDemo(t.deps, clinic.id, 'America/New_York')).toBe(true);
    expect(await seedLedgerDemo(t.deps, clinic.id, 'America/New_York')).toBe(false);
    expect((await verifyLedger(t.deps.db, clinic.id)).ok).toBe(true);
    const kinds = await rawRows<{ kind: string }>(t.deps.db, sql`SELECT DISTINCT kind FROM cs_ledger_entries WHERE clinic_id = ${clinic.id}`);
    expect(kinds.map((k) => k.kind).sort()).toEqual(['adjustment', 'administration', 'count', 'count_resolution', 'receipt', 'transfer', 'waste']);
  });
});
