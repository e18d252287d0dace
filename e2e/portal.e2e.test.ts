import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_INTAKE, PATIENT, planBody, SIGNATURE_PNG } from '../packages/server/test/factories';
import { apiAs, seedClinic, STAFF_PASSWORD, type ClinicFixture } from './fixtures';
import { launchBrowser, newPage, screenshot, startServer, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let clinic: ClinicFixture;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  clinic = await seedClinic(server.url, 'Lakeside Ketamine Clinic');
});
afterAll(async () => {
  await browser.close();
  await server.stop();
});

const PHONE = { width: 390, height: 844 };

/** A patient with an approved plan (PHQ-9 before each session), invited to the portal; returns the invitation token. */
async function invitedPatient(): Promise<{ patientId: string; token: string }> {
  const fd = await apiAs(server.url, clinic.staff.front_desk);
  const nurse = await apiAs(server.url, clinic.staff.nurse);
  const prescriber = await apiAs(server.url, clinic.staff.prescriber);
  const p = await fd.call<{ id: string }>('POST', '/api/patients', { ...PATIENT, legalFirstName: 'Robin', legalLastName: 'Meadows', email: 'robin.meadows@example.test', confirmNotDuplicate: true });
  await nurse.call('PUT', `/api/patients/${p.id}/intake`, { plannedRoute: 'iv', data: GOOD_INTAKE });
  await nurse.call('POST', `/api/patients/${p.id}/intake/submit`);
  await prescriber.call('POST', `/api/patients/${p.id}/eligibility/reviews`, { route: 'iv', decision: 'approved', password: STAFF_PASSWORD });
  const templates = await fd.call<{ templates: { kind: string; current: { id: string; contentHash: string } }[] }>('GET', '/api/consent-templates');
  const t = templates.templates.find((x) => x.kind === 'iv_ketamine');
  const signed = await fd.call<{ id: string }>('POST', `/api/patients/${p.id}/consents`, { templateVersionId: t?.current.id, contentHash: t?.current.contentHash, signerName: 'Robin Meadows', signerRelationship: 'patient', signaturePng: SIGNATURE_PNG, readConfirmed: true });
  await nurse.call('POST', `/api/consents/${signed.id}/countersign`, { password: STAFF_PASSWORD });
  const start = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  await prescriber.call('POST', `/api/patients/${p.id}/plans`, { ...planBody('iv', start), password: STAFF_PASSWORD });
  const me = await prescriber.call<{ user: { id: string } }>('GET', '/api/auth/session');
  await clinic.adminApi.call('PUT', '/api/clinic/safety-contacts', { onCallUserIds: [me.user.id], crisisLineName: null, crisisLineNumber: null });
  await fd.call('POST', `/api/patients/${p.id}/portal/invitations`, {});
  const outbox = await clinic.adminApi.call<{ messages: { kind: string; body: string }[] }>('GET', '/api/outbox');
  const token = /\/portal\/link\/([A-Za-z0-9_-]+)/.exec(outbox.messages.find((m) => m.kind === 'portal_invitation')?.body ?? '')?.[1] ?? '';
  return { patientId: p.id, token };
}

describe('patient portal and suicide-risk escalation', () => {
  it('a patient accepts an invitation, completes a PHQ-9 with item 9 above 0, sees crisis resources; the on-call clinician sees and acknowledges the alert; the chart shows the score', async () => {
    const { patientId, token } = await invitedPatient();
    expect(token.length).toBeGreaterThan(20);

    // The patient, on a phone.
    const phone = await newPage(browser, PHONE);
    await phone.page.goto(`${server.url}/portal/link/${token}`);
    await phone.page.getByRole('heading', { name: 'Welcome, Robin' }).waitFor();
    await phone.page.getByLabel('Choose a password').fill('Quiet-River-Morning-42');
    await phone.page.getByRole('button', { name: 'Save password and open my portal' }).click();
    await phone.page.getByRole('heading', { name: 'Hello, Robin' }).waitFor();
    await screenshot(phone.page, 'portal-home-phone');
    await phone.page.getByRole('link', { name: /Start .*PHQ-9/ }).click();
    const items = phone.page.locator('fieldset.qitem');
    await items.first().waitFor();
    for (let i = 0; i < 9; i++) {
      await items.nth(i).locator('label.qopt', { hasText: i === 8 ? 'Several days' : 'More than half the days' }).first().click();
    }
    if ((await items.count()) > 9) {
      await items.nth(9).locator('label.qopt', { hasText: 'Somewhat difficult' }).click();
    }
    await screenshot(phone.page, 'portal-questionnaire-phone');
    await phone.page.getByRole('button', { name: 'Send my answers' }).click();
    const crisis = phone.page.getByRole('alert').filter({ hasText: 'help is available now' });
    await crisis.waitFor();
    expect(await crisis.textContent()).toContain('988');
    expect(await crisis.textContent()).toContain('We have let your care team know');
    await screenshot(phone.page, 'portal-crisis-phone');
    expect(phone.errors).toEqual([]);
    await phone.context.close();

    // The on-call prescriber, at a desk.
    const desk = await newPage(browser);
    await desk.page.goto(server.url);
    await desk.page.getByLabel('Email').fill(clinic.staff.prescriber.email);
    await desk.page.getByLabel('Password').fill(clinic.staff.prescriber.password);
    await desk.page.getByRole('button', { name: 'Sign in' }).click();
    const banner = desk.page.locator('.risk-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('With you');
    await screenshot(desk.page, 'staff-risk-banner');
    await banner.getByRole('link', { name: 'Open and acknowledge' }).click();
    await desk.page.getByRole('heading', { name: 'Suicide-risk alerts' }).waitFor();
    await desk.page.getByLabel('Contact made (who, how, when)').fill('Phoned Robin at once; spoke with them for 15 minutes.');
    await desk.page.getByLabel('Action taken').fill('Safety plan reviewed; C-SSRS before the next dose; crisis line given.');
    await desk.page.getByRole('button', { name: 'Acknowledge alert' }).click();
    await desk.page.getByText('Phoned Robin at once').waitFor();
    await desk.page.locator('.risk-banner').waitFor({ state: 'detached' });
    const results = desk.page.getByRole('region', { name: 'Results' });
    await results.getByRole('cell', { name: /PHQ-9/ }).first().waitFor();
    const row = await results.locator('tbody tr').first().textContent();
    expect(row).toContain('17/27');
    expect(row).toContain('Patient portal');
    expect(desk.page.url()).toContain(`/patients/${patientId}/questionnaires`);
    await screenshot(desk.page, 'staff-questionnaires-tab');
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });
});
