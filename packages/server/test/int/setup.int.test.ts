import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { totpAt } from '../../src/auth/totp';
import { Agent } from '../agent';
import { createTestApp, type TestApp } from '../harness';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const setupBody = {
  clinicName: 'Harbour Ketamine Clinic',
  timeZone: 'America/Chicago',
  jurisdiction: 'US',
  adminName: 'Morgan Admin',
  adminEmail: 'Morgan@Harbour.example',
  adminPassword: 'Quiet-Harbour-Lamp-2026',
};

describe('first-run setup', () => {
  it('reports that setup is needed, creates clinic and admin, then refuses a second setup', async () => {
    const browser = new Agent(t);
    expect((await browser.get('/api/auth/session')).body).toEqual({ authenticated: false, needsSetup: true, demo: false, demoPassword: null });

    const res = await browser.post('/api/setup', setupBody);
    expect(res.status).toBe(201);
    // Admins must use two-step sign-in by default: the new session is limited to enrolment.
    expect(res.body.stage).toBe('mfa_enrolment');

    const session = await browser.get('/api/auth/session');
    expect(session.body).toMatchObject({
      authenticated: true,
      stage: 'mfa_enrolment',
      user: { name: 'Morgan Admin', email: 'morgan@harbour.example', role: 'admin', mfaEnabled: false },
      clinic: { name: 'Harbour Ketamine Clinic', slug: 'harbour-ketamine-clinic', timeZone: 'America/Chicago', jurisdiction: 'US' },
      abilities: [],
    });
    expect((await browser.get('/api/users')).body.code).toBe('MFA_ENROLMENT_REQUIRED');

    const again = await new Agent(t).post('/api/setup', { ...setupBody, adminEmail: 'other@harbour.example' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_SET_UP');
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('completes enrolment and reaches the staff list', async () => {
    const browser = new Agent(t);
    await browser.post('/api/setup', setupBody);
    const start = await browser.post('/api/auth/mfa/enrolment');
    expect(start.status).toBe(200);
    expect(start.body.qrSvg).toContain('<svg');
    expect(start.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const confirm = await browser.post('/api/auth/mfa/enrolment/confirm', { code: totpAt(start.body.secret, t.clock.now()) });
    expect(confirm.status).toBe(200);
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    expect(confirm.body.stage).toBe('active');
    const list = await browser.get('/api/users');
    expect(list.status).toBe(200);
    expect(list.body.users).toHaveLength(1);
    expect(list.body.users[0]).toMatchObject({ role: 'admin', mfaEnabled: true });
  });

  it('rejects a weak password and bad fields with every problem at once', async () => {
    const res = await new Agent(t).post('/api/setup', { ...setupBody, adminPassword: 'password1234', timeZone: 'Mars/Olympus', jurisdiction: 'XX' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['body.jurisdiction', 'body.timeZone']);
    const weak = await new Agent(t).post('/api/setup', { ...setupBody, adminPassword: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0]).toMatchObject({ path: 'body.adminPassword', code: 'PASSWORD_COMMON' });
    const short = await new Agent(t).post('/api/setup', { ...setupBody, adminPassword: 'Sh0rt-pass' });
    expect(short.body.errors[0]).toMatchObject({ code: 'PASSWORD_TOO_SHORT' });
  });
});
