import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt } from '../../src/auth/totp';
import { auditEvents, sessions } from '../../src/db/schema';
import { Agent } from '../agent';
import { createClinic, createStaff, signIn } from '../factories';
import { createTestApp, type TestApp } from '../harness';

// One database per file; every test builds its own clinic and staff.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function actions(clinicId: string | null): Promise<string[]> {
  const rows = await t.deps.db.select().from(auditEvents).orderBy(auditEvents.id);
  return rows.filter((r) => clinicId === null || r.clinicId === clinicId).map((r) => r.action);
}

describe('password sign-in', () => {
  it('signs in, audits it, and signs out (revoking the session)', async () => {
    const clinic = await createClinic(t);
    const nurse = await createStaff(t, clinic, 'nurse');
    const agent = await signIn(t, nurse);
    const me = await agent.get('/api/auth/session');
    expect(me.body).toMatchObject({ authenticated: true, stage: 'active', user: { role: 'nurse' } });
    expect(me.body.abilities).toContain('clinic.read');
    expect(me.body.abilities).not.toContain('user.invite');
    const cookieBefore = agent.cookie;
    expect((await agent.post('/api/auth/logout')).status).toBe(204);
    agent.cookie = cookieBefore;
    expect((await agent.get('/api/clinic')).body.code).toBe('UNAUTHENTICATED');
    expect(await actions(clinic.id)).toEqual(['auth.login', 'auth.logout']);
  });

  it('answers wrong password and unknown email the same way, and audits both', async () => {
    const clinic = await createClinic(t);
    const nurse = await createStaff(t, clinic, 'nurse');
    const wrong = await new Agent(t).post('/api/auth/login', { email: nurse.email, password: 'not-the-password-at-all' });
    const unknown = await new Agent(t).post('/api/auth/login', { email: 'nobody@example.test', password: 'not-the-password-at-all' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
    const rows = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.login_failed'));
    expect(rows.map((r) => r.details)).toEqual(expect.arrayContaining([{ reason: 'wrong_password' }, { reason: 'unknown_account' }]));
  });

  it('locks the account after 5 failures, refuses the right password while locked, and an admin can unlock', async () => {
    const clinic = await createClinic(t);
    const admin = await createStaff(t, clinic, 'admin');
    const nurse = await createStaff(t, clinic, 'nurse');
    for (let i = 0; i < 5; i++) {
      await new Agent(t).post('/api/auth/login', { email: nurse.email, password: 'wrong-password-xyz' });
    }
    const locked = await new Agent(t).post('/api/auth/login', { email: nurse.email, password: nurse.password });
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(await actions(clinic.id)).toContain('auth.lockout');

    const adminAgent = await signIn(t, admin);
    const list = await adminAgent.get('/api/users');
    expect(list.body.users.find((u: { id: string }) => u.id === nurse.id).lockedUntil).not.toBeNull();
    expect((await adminAgent.post(`/api/users/${nurse.id}/unlock`)).status).toBe(200);
    expect((await new Agent(t).post('/api/auth/login', { email: nurse.email, password: nurse.password })).status).toBe(200);
  });

  it('clears the lock by itself after the lock time', async () => {
    const clinic = await createClinic(t);
    const nurse = await createStaff(t, clinic, 'nurse');
    for (let i = 0; i < 5; i++) {
      await new Agent(t).post('/api/auth/login', { email: nurse.email, password: 'wrong-password-xyz' });
    }
    expect((await new Agent(t).post('/api/auth/login', { email: nurse.email, password: nurse.password })).status).toBe(423);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await new Agent(t).post('/api/auth/login', { email: nurse.email, password: nurse.password })).status).toBe(200);
  });

  it('throttles an IP address after too many failures', async () => {
    const own = await createTestApp({ env: { LOGIN_MAX_FAILURES_PER_IP: '3' } });
    try {
      const a = new Agent(own);
      for (let i = 0; i < 3; i++) {
        expect((await a.post('/api/auth/login', { email: `x${i}@example.test`, password: 'whatever-123456' })).status).toBe(401);
      }
      const res = await a.post('/api/auth/login', { email: 'x@example.test', password: 'whatever-123456' });
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('RATE_LIMITED');
      const other = new Agent(own);
      other.ip = '10.0.0.2';
      expect((await other.post('/api/auth/login', { email: 'x@example.test', password: 'whatever-123456' })).status).toBe(401);
    } finally {
      await own.close();
    }
  });
});

describe('session lifetime', () => {
  it('ends a session after the idle timeout, and audits it', async () => {
    const clinic = await createClinic(t);
    const agent = await signIn(t, await createStaff(t, clinic, 'nurse'));
    t.clock.advance(14 * 60_000);
    expect((await agent.get('/api/clinic')).status).toBe(200);
    t.clock.advance(14 * 60_000);
    expect((await agent.get('/api/clinic')).status).toBe(200);
    t.clock.advance(15 * 60_000 + 1);
    const res = await agent.get('/api/clinic');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('SESSION_EXPIRED');
    expect(await actions(clinic.id)).toContain('auth.session_expired');
  });

  it('ends a session at the absolute timeout even when active', async () => {
    const clinic = await createClinic(t);
    const agent = await signIn(t, await createStaff(t, clinic, 'nurse'));
    for (let i = 0; i < 12 * 6; i++) {
      t.clock.advance(10 * 60_000);
      const res = await agent.get('/api/clinic');
      if (res.status !== 200) {
        expect(res.body.code).toBe('SESSION_EXPIRED');
        expect(i).toBe(12 * 6 - 1);
        return;
      }
    }
    throw new Error('session outlived the absolute timeout');
  });

  it('uses the clinic idle timeout when set', async () => {
    const clinic = await createClinic(t, { staffIdleMinutes: 5 });
    const agent = await signIn(t, await createStaff(t, clinic, 'nurse'));
    t.clock.advance(5 * 60_000 + 1);
    expect((await agent.get('/api/clinic')).body.code).toBe('SESSION_EXPIRED');
  });

  it('revokes other sessions on password change, keeps the current one, and enforces the policy', async () => {
    const clinic = await createClinic(t);
    const nurse = await createStaff(t, clinic, 'nurse');
    const tablet = await signIn(t, nurse);
    const desk = await signIn(t, nurse);
    const weak = await desk.post('/api/auth/password', { currentPassword: nurse.password, newPassword: 'qwerty123456' });
    expect(weak.status).toBe(400);
    const wrong = await desk.post('/api/auth/password', { currentPassword: 'nope-nope-nope', newPassword: 'Brand-New-Lantern-42' });
    expect(wrong.body.code).toBe('REAUTH_FAILED');
    expect((await desk.post('/api/auth/password', { currentPassword: nurse.password, newPassword: 'Brand-New-Lantern-42' })).status).toBe(204);
    expect((await desk.get('/api/clinic')).status).toBe(200);
    expect((await tablet.get('/api/clinic')).status).toBe(401);
    expect((await new Agent(t).post('/api/auth/login', { email: nurse.email, password: 'Brand-New-Lantern-42' })).status).toBe(200);
    expect(await actions(clinic.id)).toContain('auth.password_changed');
  });

  it('stores only a hash of the session token', async () => {
    const clinic = await createClinic(t);
    const agent = await signIn(t, await createStaff(t, clinic, 'nurse'));
    const token = agent.cookie?.split('=')[1] ?? '';
    const rows = await t.deps.db.select().from(sessions);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the session CSRF token or from another origin', async () => {
    const clinic = await createClinic(t);
    const agent = await signIn(t, await createStaff(t, clinic, 'admin'));
    const noToken = await agent.request('POST', '/api/users/invitations', { email: 'a@b.example', name: 'A', role: 'nurse' }, { 'x-ketapath-csrf': 'forged' });
    expect(noToken.status).toBe(403);
    expect(noToken.body.code).toBe('CSRF_FAILED');
    const crossSite = await agent.request('POST', '/api/users/invitations', { email: 'a@b.example', name: 'A', role: 'nurse' }, { origin: 'https://evil.example' });
    expect(crossSite.body.code).toBe('CSRF_FAILED');
    const ok = await agent.request('POST', '/api/users/invitations', { email: 'a@b.example', name: 'A', role: 'nurse' }, { origin: 'http://localhost:3000' });
    expect(ok.status).toBe(201);
  });

  it('requires the CSRF header even on public state-changing routes', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.example', password: 'x' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('two-step sign-in (TOTP)', () => {
  it('requires the code, refuses a wrong or replayed code, accepts a recovery code once', async () => {
    const clinic = await createClinic(t);
    const prescriber = await createStaff(t, clinic, 'prescriber', { mfa: true });
    const secret = prescriber.mfaSecret as string;
    const agent = new Agent(t);
    const login = await agent.post('/api/auth/login', { email: prescriber.email, password: prescriber.password });
    expect(login.body.stage).toBe('mfa_pending');
    expect((await agent.get('/api/clinic')).body.code).toBe('MFA_REQUIRED');
    expect((await agent.post('/api/auth/mfa/verify', { code: '000000' })).body.code).toBe('MFA_INVALID');
    const code = totpAt(secret, t.clock.now());
    const pendingCookie = agent.cookie;
    expect((await agent.post('/api/auth/mfa/verify', { code })).status).toBe(200);
    expect(agent.cookie).not.toBe(pendingCookie);
    expect((await agent.get('/api/clinic')).status).toBe(200);

    const second = new Agent(t);
    await second.post('/api/auth/login', { email: prescriber.email, password: prescriber.password });
    expect((await second.post('/api/auth/mfa/verify', { code })).body.code).toBe('MFA_INVALID');

    // Enrol recovery codes through the real flow: reset by admin, then re-enrol.
    const admin = await signIn(t, await createStaff(t, clinic, 'admin'));
    expect((await admin.post(`/api/users/${prescriber.id}/reset-mfa`)).status).toBe(200);
    expect((await agent.get('/api/clinic')).status).toBe(401);
    const again = new Agent(t);
    await again.post('/api/auth/login', { email: prescriber.email, password: prescriber.password });
    expect((await again.get('/api/auth/session')).body.stage).toBe('active');
    const start = await again.post('/api/auth/mfa/enrolment');
    const confirm = await again.post('/api/auth/mfa/enrolment/confirm', { code: totpAt(start.body.secret, t.clock.now()) });
    const recovery = confirm.body.recoveryCodes[0] as string;
    await again.post('/api/auth/logout');
    const lost = new Agent(t);
    await lost.post('/api/auth/login', { email: prescriber.email, password: prescriber.password });
    expect((await lost.post('/api/auth/mfa/verify', { recoveryCode: recovery.toLowerCase() })).status).toBe(200);
    const reuse = new Agent(t);
    await reuse.post('/api/auth/login', { email: prescriber.email, password: prescriber.password });
    expect((await reuse.post('/api/auth/mfa/verify', { recoveryCode: recovery })).body.code).toBe('MFA_INVALID');
    expect(await actions(clinic.id)).toEqual(expect.arrayContaining(['auth.mfa_verified', 'auth.mfa_failed', 'user.mfa_reset', 'auth.mfa_enrolled']));
  });

  it('makes the roles the clinic chose enrol before doing anything else', async () => {
    const clinic = await createClinic(t, { mfaRequiredRoles: ['admin', 'prescriber'] });
    const prescriber = await createStaff(t, clinic, 'prescriber');
    const nurse = await createStaff(t, clinic, 'nurse');
    const p = new Agent(t);
    expect((await p.post('/api/auth/login', { email: prescriber.email, password: prescriber.password })).body.stage).toBe('mfa_enrolment');
    expect((await p.get('/api/clinic')).body.code).toBe('MFA_ENROLMENT_REQUIRED');
    const n = new Agent(t);
    expect((await n.post('/api/auth/login', { email: nurse.email, password: nurse.password })).body.stage).toBe('active');
  });

  it('locks the account after repeated wrong codes', async () => {
    const clinic = await createClinic(t);
    const prescriber = await createStaff(t, clinic, 'prescriber', { mfa: true });
    const agent = new Agent(t);
    await agent.post('/api/auth/login', { email: prescriber.email, password: prescriber.password });
    let last = 0;
    for (let i = 0; i < 5; i++) {
      last = (await agent.post('/api/auth/mfa/verify', { code: '123456' })).status;
    }
    expect(last).toBe(423);
    expect((await new Agent(t).post('/api/auth/login', { email: prescriber.email, password: prescriber.password })).status).toBe(423);
  });
});
