import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/audit/verify';
import { rawRows } from '../../src/db/raw';
import { clinicWithStaff, signIn, createStaff } from '../factories';
import { createTestApp, type TestApp } from '../harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('audit trail', () => {
  it('records security events with actor, role, request id, IP and user agent', async () => {
    const { as, users } = await clinicWithStaff(t);
    await as.admin.post('/api/users/invitations', { email: 'aud@clinic.example', name: 'Aud', role: 'nurse' });
    const res = await as.admin.get(`/api/audit?userId=${users.admin.id}&action=user.invited`);
    expect(res.status).toBe(200);
    expect(res.body.events).toHaveLength(1);
    const e = res.body.events[0];
    expect(e).toMatchObject({ action: 'user.invited', outcome: 'success', actor: { id: users.admin.id, role: 'admin', name: users.admin.name }, ip: '10.0.0.1', resourceType: 'invitation' });
    expect(e.requestId).toMatch(/[0-9a-f-]{36}/);
  });

  it('filters by action prefix and date range, pages, and exports CSV', async () => {
    const { as, users } = await clinicWithStaff(t);
    const prefix = await as.admin.get('/api/audit?action=auth.');
    expect(prefix.body.events.length).toBeGreaterThanOrEqual(4);
    expect(prefix.body.events.every((e: { action: string }) => e.action.startsWith('auth.'))).toBe(true);
    const page1 = await as.admin.get('/api/audit?limit=2');
    expect(page1.body.events).toHaveLength(2);
    const page2 = await as.admin.get(`/api/audit?limit=2&before=${page1.body.nextBefore}`);
    expect(page2.body.events[0].id).toBeLessThan(page1.body.events[1].id);
    const future = await as.admin.get('/api/audit?from=2999-01-01');
    expect(future.body.events).toHaveLength(0);
    const today = t.clock.now().toISOString().slice(0, 10);
    const ranged = await as.admin.get(`/api/audit?from=${today}&to=${today}&userId=${users.nurse.id}`);
    expect(ranged.body.events.length).toBeGreaterThanOrEqual(1);
    const csv = await as.admin.get(`/api/audit/export.csv?userId=${users.nurse.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toContain('occurred_at,actor_id');
    expect(lines.slice(1).every((l) => l.includes(users.nurse.id))).toBe(true);
    expect((await as.admin.get('/api/audit?action=audit.exported')).body.events).toHaveLength(1);
    expect((await as.admin.get('/api/audit?from=not-a-date')).status).toBe(400);
  });

  it('rejects UPDATE and DELETE on audit rows at the database', async () => {
    const { clinic } = await clinicWithStaff(t);
    const failure = async (q: ReturnType<typeof sql>): Promise<string> => {
      try {
        await t.deps.db.execute(q);
        return 'no error';
      } catch (err) {
        return (err as { cause?: Error }).cause?.message ?? (err as Error).message;
      }
    };
    expect(await failure(sql`UPDATE audit_events SET action = 'x' WHERE clinic_id = ${clinic.id}`)).toMatch(/append-only/);
    expect(await failure(sql`DELETE FROM audit_events WHERE clinic_id = ${clinic.id}`)).toMatch(/append-only/);
    expect(await failure(sql`TRUNCATE audit_events`)).toMatch(/append-only/);
    expect(await failure(sql`DELETE FROM audit_chain_heads WHERE chain_id = ${clinic.id}`)).toMatch(/cannot be deleted/);
    expect(await failure(sql`UPDATE audit_chain_heads SET last_seq = last_seq + 5 WHERE chain_id = ${clinic.id}`)).toMatch(/advance by one/);
  });

  it('verifies the chain and detects an edited row', async () => {
    const { as, clinic } = await clinicWithStaff(t);
    const ok = await as.admin.get('/api/audit/verify');
    expect(ok.body).toMatchObject({ ok: true, firstBreak: null });
    expect(ok.body.eventsChecked).toBeGreaterThanOrEqual(4);

    // Tamper as a superuser would: bypass the trigger and rewrite one event.
    const [victim] = await rawRows<{ id: number; chain_seq: number }>(t.deps.db, sql`SELECT id::int AS id, chain_seq::int AS chain_seq FROM audit_events WHERE clinic_id = ${clinic.id} ORDER BY chain_seq LIMIT 1 OFFSET 1`);
    await t.deps.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    await t.deps.db.execute(sql`UPDATE audit_events SET ip = '203.0.113.9' WHERE id = ${victim?.id}`);
    await t.deps.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
    const broken = await as.admin.get('/api/audit/verify');
    expect(broken.body.ok).toBe(false);
    expect(broken.body.firstBreak).toMatchObject({ kind: 'hash_mismatch', seq: victim?.chain_seq });
  });

  it('detects a deleted row in the middle and a deleted newest row', async () => {
    const { clinic } = await clinicWithStaff(t);
    await t.deps.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    try {
      await t.deps.db.execute(sql`DELETE FROM audit_events WHERE clinic_id = ${clinic.id} AND chain_seq = 2`);
      expect((await verifyChain(t.deps.db, clinic.id)).firstBreak).toMatchObject({ kind: 'sequence_gap', expectedSeq: 2, foundSeq: 3 });
    } finally {
      await t.deps.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
    }
    const other = await clinicWithStaff(t);
    await t.deps.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    try {
      await t.deps.db.execute(sql`DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events WHERE clinic_id = ${other.clinic.id})`);
      expect((await verifyChain(t.deps.db, other.clinic.id)).firstBreak).toMatchObject({ kind: 'head_mismatch' });
    } finally {
      await t.deps.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
    }
  });

  it('keeps one unbroken chain per clinic under concurrent writes', async () => {
    const { clinic, users } = await clinicWithStaff(t);
    const agents = await Promise.all([signIn(t, users.nurse), signIn(t, users.prescriber), signIn(t, await createStaff(t, { id: clinic.id, name: clinic.name, slug: clinic.slug }, 'front_desk'))]);
    await Promise.all(agents.flatMap((a) => [a.post('/api/auth/logout'), a.get('/api/clinic')]));
    const report = await verifyChain(t.deps.db, clinic.id);
    expect(report.ok).toBe(true);
  });
});
