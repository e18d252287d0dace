import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema';
import { Agent } from '../agent';
import { clinicWithStaff, createClinic, createStaff, signIn } from '../factories';
import { createTestApp, type TestApp } from '../harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

function tokenOf(url: string): string {
  return url.split('/invite/')[1] ?? '';
}

describe('invitations', () => {
  it('invites a nurse who accepts with her own password and signs in', async () => {
    const { as, clinic } = await clinicWithStaff(t);
    const inv = await as.admin.post('/api/users/invitations', { email: 'New.Nurse@Clinic.example', name: 'Nia Nurse', role: 'nurse' });
    expect(inv.status).toBe(201);
    expect(inv.body.invitation).toMatchObject({ email: 'new.nurse@clinic.example', role: 'nurse', status: 'pending' });
    const token = tokenOf(inv.body.inviteUrl);
    const view = await new Agent(t).get(`/api/invitations/${token}`);
    expect(view.body).toMatchObject({ clinicName: clinic.name, name: 'Nia Nurse', role: 'nurse' });

    const invitee = new Agent(t);
    const weak = await invitee.post(`/api/invitations/${token}/accept`, { name: 'Nia Nurse', password: 'nianurse2026' });
    expect(weak.status).toBe(400);
    const accepted = await invitee.post(`/api/invitations/${token}/accept`, { name: 'Nia Nurse', password: 'Morning-Chair-Window-9' });
    expect(accepted.status).toBe(201);
    expect(accepted.body.stage).toBe('active');
    expect((await invitee.get('/api/auth/session')).body.user).toMatchObject({ role: 'nurse', email: 'new.nurse@clinic.example' });
    expect((await new Agent(t).post(`/api/invitations/${token}/accept`, { name: 'X', password: 'Morning-Chair-Window-9' })).status).toBe(410);
    const login = await new Agent(t).post('/api/auth/login', { email: 'new.nurse@clinic.example', password: 'Morning-Chair-Window-9' });
    expect(login.status).toBe(200);
    const trail = await t.deps.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.clinicId, clinic.id));
    expect(trail.map((r) => r.action)).toEqual(expect.arrayContaining(['user.invited', 'user.invitation_accepted']));
  });

  it('expires invitations after 7 days and lets the admin revoke them', async () => {
    const { as } = await clinicWithStaff(t);
    const a = await as.admin.post('/api/users/invitations', { email: 'late@clinic.example', name: 'Late', role: 'front_desk' });
    const b = await as.admin.post('/api/users/invitations', { email: 'revoked@clinic.example', name: 'Rev', role: 'front_desk' });
    expect((await as.admin.post(`/api/users/invitations/${b.body.invitation.id}/revoke`)).status).toBe(204);
    expect((await new Agent(t).get(`/api/invitations/${tokenOf(b.body.inviteUrl)}`)).status).toBe(410);
    t.clock.advance(7 * 86_400_000 + 1000);
    const gone = await new Agent(t).get(`/api/invitations/${tokenOf(a.body.inviteUrl)}`);
    expect(gone.status).toBe(410);
    expect(gone.body.code).toBe('GONE');
  });

  it('refuses to invite an email that already has an account', async () => {
    const { as, users } = await clinicWithStaff(t);
    const res = await as.admin.post('/api/users/invitations', { email: users.nurse.email, name: 'Dup', role: 'nurse' });
    expect(res.status).toBe(409);
  });
});

describe('staff administration', () => {
  it('changes roles but always keeps an active administrator', async () => {
    const { as, users } = await clinicWithStaff(t);
    const demote = await as.admin.patch(`/api/users/${users.admin.id}`, { role: 'nurse' });
    expect(demote.status).toBe(409);
    const promote = await as.admin.patch(`/api/users/${users.nurse.id}`, { role: 'prescriber' });
    expect(promote.body).toMatchObject({ role: 'prescriber' });
    // The new role applies at once, without signing in again.
    expect((await as.nurse.get('/api/auth/session')).body.user.role).toBe('prescriber');
    const rows = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'user.role_changed'), eq(auditEvents.resourceId, users.nurse.id)));
    expect(rows[0]?.details).toEqual({ from: 'nurse', to: 'prescriber' });
  });

  it('deactivation signs the person out everywhere and stops sign-in; reactivation restores it', async () => {
    const { as, users } = await clinicWithStaff(t);
    expect((await as.admin.post(`/api/users/${users.admin.id}/deactivate`)).status).toBe(409);
    expect((await as.admin.post(`/api/users/${users.front_desk.id}/deactivate`)).body.status).toBe('deactivated');
    expect((await as.front_desk.get('/api/clinic')).status).toBe(401);
    expect((await new Agent(t).post('/api/auth/login', { email: users.front_desk.email, password: users.front_desk.password })).status).toBe(401);
    await as.admin.post(`/api/users/${users.front_desk.id}/reactivate`);
    expect((await new Agent(t).post('/api/auth/login', { email: users.front_desk.email, password: users.front_desk.password })).status).toBe(200);
  });

  it('only admins may administer staff', async () => {
    const { as, users } = await clinicWithStaff(t);
    for (const role of ['prescriber', 'nurse', 'front_desk'] as const) {
      expect((await as[role].get('/api/users')).status).toBe(403);
      expect((await as[role].post('/api/users/invitations', { email: 'x@y.example', name: 'X', role: 'admin' })).status).toBe(403);
      expect((await as[role].patch(`/api/users/${users[role].id}`, { role: 'admin' })).status).toBe(403);
    }
  });
});

describe('clinic isolation', () => {
  it("answers 404 for another clinic's staff and audits the attempt", async () => {
    const a = await clinicWithStaff(t);
    const otherClinic = await createClinic(t);
    const stranger = await createStaff(t, otherClinic, 'nurse');
    for (const path of ['deactivate', 'unlock', 'reset-mfa']) {
      const res = await a.as.admin.post(`/api/users/${stranger.id}/${path}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect((await a.as.admin.patch(`/api/users/${stranger.id}`, { role: 'admin' })).status).toBe(404);
    const list = await a.as.admin.get('/api/users');
    expect(list.body.users.map((u: { id: string }) => u.id)).not.toContain(stranger.id);
    const denied = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.clinicId, a.clinic.id), eq(auditEvents.action, 'access.not_found')));
    expect(denied).toHaveLength(4);
    expect(denied.every((d) => d.outcome === 'denied' && d.resourceId === stranger.id)).toBe(true);
    // The other clinic's admin sees nothing of the first clinic either.
    const otherAdmin = await signIn(t, await createStaff(t, otherClinic, 'admin'));
    const audit = await otherAdmin.get('/api/audit');
    expect(audit.body.events.every((e: { actor: { id: string } | null }) => e.actor?.id !== a.users.admin.id)).toBe(true);
  });
});
