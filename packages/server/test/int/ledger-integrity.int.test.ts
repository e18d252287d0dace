import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/db/raw';
import { verifyLedger } from '../../src/modules/ledger/verify';
import { createStaff, signIn } from '../factories';
import { createTestApp, TEST_DB_KIND, type TestApp } from '../harness';
import { administer, receive, registerPatient, SIGN, stock, stockedClinic, witness } from '../ledger-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function failure(q: ReturnType<typeof sql>): Promise<string> {
  try {
    await t.deps.db.execute(q);
    return 'no error';
  } catch (err) {
    return (err as { cause?: Error }).cause?.message ?? (err as Error).message;
  }
}

async function withTriggerOff(table: string, trigger: string, q: ReturnType<typeof sql>): Promise<void> {
  await t.deps.db.execute(sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`));
  try {
    await t.deps.db.execute(q);
  } finally {
    await t.deps.db.execute(sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`));
  }
}

describe('ledger: tamper evidence', () => {
  it('forbids changing or deleting records at the database', async () => {
    const s = await stockedClinic(t);
    const [vial] = await receive(t, s.clinic.as.nurse, s, s.ketamine);
    const count = await s.clinic.as.nurse.post('/api/ledger/counts', { lines: [{ containerId: vial, countedMl: 10 }], ...SIGN, witness: witness(s.clinic.users.admin) });
    expect(count.status).toBe(201);
    const c = s.clinic.clinic.id;
    expect(await failure(sql`UPDATE cs_ledger_entries SET delta_ug = 1 WHERE clinic_id = ${c}`)).toMatch(/append-only/);
    expect(await failure(sql`DELETE FROM cs_ledger_entries WHERE clinic_id = ${c}`)).toMatch(/append-only/);
    expect(await failure(sql`TRUNCATE cs_ledger_entries CASCADE`)).toMatch(/append-only/);
    expect(await failure(sql`DELETE FROM cs_containers WHERE clinic_id = ${c}`)).toMatch(/cannot be deleted/);
    expect(await failure(sql`UPDATE cs_containers SET lot = 'X' WHERE clinic_id = ${c}`)).toMatch(/cannot be altered/);
    expect(await failure(sql`UPDATE cs_containers SET balance_ug = -1 WHERE clinic_id = ${c}`)).toMatch(/cs_containers_balance_check/);
    expect(await failure(sql`UPDATE cs_products SET container_ug = 1 WHERE clinic_id = ${c}`)).toMatch(/cannot be altered/);
    expect(await failure(sql`DELETE FROM cs_counts WHERE clinic_id = ${c}`)).toMatch(/append-only/);
    expect(await failure(sql`DELETE FROM cs_receipts WHERE clinic_id = ${c}`)).toMatch(/append-only/);
    expect(await failure(sql`DELETE FROM cs_chain_heads WHERE chain_id = ${c}`)).toMatch(/cannot be deleted/);
    expect(await failure(sql`UPDATE cs_chain_heads SET last_seq = last_seq + 3 WHERE chain_id = ${c}`)).toMatch(/advance by one/);
  });

  it('verifies the chain and every balance, and finds an edited entry, a removed entry and a doctored balance', async () => {
    const s = await stockedClinic(t);
    const { as, users: u } = s.clinic;
    const [vial] = await receive(t, as.nurse, s, s.ketamine, 2);
    const patient = await registerPatient(as.front_desk);
    await administer(t, u.nurse, { containerId: vial!, patientId: patient, amountMg: 50 });
    await administer(t, u.nurse, { containerId: vial!, patientId: patient, amountMg: 25 });
    const ok = await as.admin.get('/api/ledger/verify');
    expect(ok.body).toMatchObject({ ok: true, entriesChecked: 4, containersChecked: 2, firstBreak: null, balanceMismatches: [] });
    expect((await as.nurse.get('/api/ledger/verify')).status).toBe(403);
    const c = s.clinic.clinic.id;

    await withTriggerOff('cs_containers', 'cs_containers_guard', sql`UPDATE cs_containers SET balance_ug = balance_ug + 1000 WHERE id = ${vial}`);
    const cache = await as.admin.get('/api/ledger/verify');
    expect(cache.body).toMatchObject({ ok: false, firstBreak: null, balanceMismatches: [{ containerId: vial, ledgerUg: 425_000, cachedUg: 426_000 }] });
    await withTriggerOff('cs_containers', 'cs_containers_guard', sql`UPDATE cs_containers SET balance_ug = balance_ug - 1000 WHERE id = ${vial}`);

    await withTriggerOff('cs_ledger_entries', 'cs_ledger_entries_append_only', sql`UPDATE cs_ledger_entries SET delta_ug = -40000, balance_ug = 460000 WHERE clinic_id = ${c} AND chain_seq = 3`);
    expect((await as.admin.get('/api/ledger/verify')).body.firstBreak).toMatchObject({ kind: 'hash_mismatch', seq: 3 });

    const other = await stockedClinic(t);
    await receive(t, other.clinic.as.nurse, other, other.kit56, 2);
    await withTriggerOff('cs_ledger_entries', 'cs_ledger_entries_append_only', sql`DELETE FROM cs_ledger_entries WHERE clinic_id = ${other.clinic.clinic.id} AND chain_seq = 2`);
    expect((await verifyLedger(t.deps.db, other.clinic.clinic.id)).firstBreak).toMatchObject({ kind: 'head_mismatch' });
    const events = await rawRows<{ n: number }>(t.deps.db, sql`SELECT count(*)::int AS n FROM audit_events WHERE clinic_id = ${c} AND action = 'ledger.verified' AND outcome = 'failure'`);
    expect(events[0]?.n).toBe(2);
  });

  it.runIf(TEST_DB_KIND === 'postgres')('npm run ledger:verify exits 1 and names the broken ledger', async () => {
    const s = await stockedClinic(t);
    await receive(t, s.clinic.as.nurse, s, s.kit84, 1);
    const root = path.resolve(import.meta.dirname, '../../../..');
    const run = () => spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'packages/server/src/cli/ledger-verify.ts')], { env: { ...process.env, DATABASE_URL: t.databaseUrl ?? '' }, encoding: 'utf8', cwd: root });
    const good = run();
    // Other tests in this file tamper with their own clinics, so only this clinic's line is checked here.
    expect(good.stdout, good.stderr).toContain(`ok      ledger ${s.clinic.clinic.id}`);
    await withTriggerOff('cs_ledger_entries', 'cs_ledger_entries_append_only', sql`UPDATE cs_ledger_entries SET performed_by_name = 'Someone else' WHERE clinic_id = ${s.clinic.clinic.id}`);
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`BROKEN  ledger ${s.clinic.clinic.id}`);
  });
});

describe('ledger: exports', () => {
  it('exports the register and the dispensing log as CSV and deterministic PDF, audited with the patients named', async () => {
    const s = await stockedClinic(t);
    const { as, users: u } = s.clinic;
    const [vial] = await receive(t, as.nurse, s, s.ketamine);
    const patient = await registerPatient(as.front_desk, 'Ana');
    await administer(t, u.nurse, { containerId: vial!, patientId: patient, amountMg: 30 });
    await as.admin.post(`/api/ledger/containers/${vial}/adjust`, { direction: 'remove', volumeMl: 0.1, reason: 'Spill while drawing up, not recorded', ...SIGN });
    const csv = await as.nurse.get('/api/ledger/register.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain('register-');
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toMatch(/^entry_no,occurred_at,recorded_at,time_zone,entry,flagged/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('Received');
    expect(lines[2]).toContain('Administered');
    expect(lines[2]).toContain('Ana ');
    expect(lines[2]).toContain('12 Elm Street');
    expect(lines[3]).toContain('ADJUSTMENT (flagged),yes');
    const log = await as.nurse.get(`/api/ledger/register.csv?kind=administration&patientId=${patient}`);
    expect((log.body as string).trim().split('\r\n')).toHaveLength(2);
    expect(log.headers['content-disposition']).toContain('dispensing-log-');
    const pdf = await as.nurse.get('/api/ledger/register.pdf?kind=administration');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const again = await as.nurse.get('/api/ledger/register.pdf?kind=administration');
    expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.compare(pdf.raw.rawPayload, again.raw.rawPayload)).toBe(0);
    expect((await as.front_desk.get('/api/ledger/register.pdf')).status).toBe(403);
    const exported = await rawRows<{ n: number }>(t.deps.db, sql`SELECT count(*)::int AS n FROM audit_events WHERE clinic_id = ${s.clinic.clinic.id} AND action = 'ledger.exported' AND details->'patientIds' ? ${patient}`);
    expect(exported[0]?.n).toBe(4);
    const summary = await as.nurse.get('/api/ledger/reports/summary');
    expect(summary.body.products).toEqual([expect.objectContaining({ openingMg: 0, receivedMg: 500, administeredMg: 30, administrations: 1, adjustedMg: -5, adjustments: 1, closingMg: 465 })]);
  });
});

describe('ledger: odd filters', () => {
  it('answers 4xx, never 5xx, for extreme or malformed filters on every read and export', async () => {
    const s = await stockedClinic(t);
    for (const q of ['from=0000-01-01&to=9999-12-31', 'from=9999-12-31', 'to=0001-01-01', 'kind=count,waste', 'kind=', 'kind=nope', 'limit=0', 'before=0', 'patientId=x']) {
      for (const u of ['/api/ledger/register', '/api/ledger/register.csv', '/api/ledger/register.pdf', '/api/ledger/reports/summary']) {
        const r = await s.clinic.as.admin.get(`${u}?${q}`);
        expect(r.status, `${u}?${q}`).toBeLessThan(500);
      }
    }
  });
});

describe('ledger: concurrency', () => {
  it('never lets parallel draws take more than a vial holds (row lock), through the session seam', async () => {
    const s = await stockedClinic(t);
    const [vial] = await receive(t, s.clinic.as.nurse, s, s.ketamine);
    const patient = await registerPatient(s.clinic.as.front_desk);
    const nurses = [s.clinic.users.nurse, await createStaff(t, s.clinic.clinic, 'nurse')];
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => administer(t, nurses[i % 2]!, { containerId: vial!, patientId: patient, amountMg: 120 })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.map((r) => (r.reason as { code: string }).code)).toEqual(['RULE_BLOCKED', 'RULE_BLOCKED', 'RULE_BLOCKED', 'RULE_BLOCKED']);
    expect((await stock(s.clinic.as.nurse)).get(vial!)?.balance.mg).toBe(20);
    expect((await verifyLedger(t.deps.db, s.clinic.clinic.id)).ok).toBe(true);
  });

  it('two nurses wasting from the same vial at the same moment over HTTP: one succeeds, the other is refused', async () => {
    const s = await stockedClinic(t);
    const [vial] = await receive(t, s.clinic.as.nurse, s, s.ketamine);
    const second = await createStaff(t, s.clinic.clinic, 'nurse');
    const agents = [s.clinic.as.nurse, await signIn(t, second)];
    const body = (w: Parameters<typeof witness>[0]) => ({ volumeMl: 6, reason: 'Drawn up, not given', ...SIGN, witness: witness(w) });
    const [a, b] = await Promise.all([agents[0]!.post(`/api/ledger/containers/${vial}/waste`, body(s.clinic.users.prescriber)), agents[1]!.post(`/api/ledger/containers/${vial}/waste`, body(s.clinic.users.admin))]);
    expect([a.status, b.status].sort()).toEqual([201, 422]);
    expect([a, b].find((r) => r.status === 422)?.body.detail).toMatch(/holds only 200 mg/);
    expect((await stock(s.clinic.as.nurse)).get(vial!)?.balance).toMatchObject({ mg: 200, ml: 4 });
    expect((await verifyLedger(t.deps.db, s.clinic.clinic.id)).ok).toBe(true);
  });
});
