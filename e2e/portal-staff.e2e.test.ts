import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt } from '../packages/server/src/auth/totp';
import { GOOD_INTAKE, PATIENT, planBody, SIGNATURE_PNG } from '../packages/server/test/factories';
import { ApiClient, apiAs, seedClinic, STAFF_PASSWORD, type ClinicFixture } from './fixtures';
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

/** A patient with a signed consent and an approved plan (PHQ-9 before each session), invited to the portal; returns the invitation token. */
async function invitedPatient(first: string, last: string): Promise<{ patientId: string; token: string }> {
  const fd = await apiAs(server.url, clinic.staff.front_desk);
  const nurse = await apiAs(server.url, clinic.staff.nurse);
  const prescriber = await apiAs(server.url, clinic.staff.prescriber);
  const p = await fd.call<{ id: string }>('POST', '/api/patients', { ...PATIENT, legalFirstName: first, legalLastName: last, email: `${first}.${last}@example.test`.toLowerCase(), confirmNotDuplicate: true });
  await nurse.call('PUT', `/api/patients/${p.id}/intake`, { plannedRoute: 'iv', data: GOOD_INTAKE });
  await nurse.call('POST', `/api/patients/${p.id}/intake/submit`);
  await prescriber.call('POST', `/api/patients/${p.id}/eligibility/reviews`, { route: 'iv', decision: 'approved', password: STAFF_PASSWORD });
  const templates = await fd.call<{ templates: { kind: string; current: { id: string; contentHash: string } }[] }>('GET', '/api/consent-templates');
  const t = templates.templates.find((x) => x.kind === 'iv_ketamine');
  const signed = await fd.call<{ id: string }>('POST', `/api/patients/${p.id}/consents`, { templateVersionId: t?.current.id, contentHash: t?.current.contentHash, signerName: `${first} ${last}`, signerRelationship: 'patient', signaturePng: SIGNATURE_PNG, readConfirmed: true });
  await nurse.call('POST', `/api/consents/${signed.id}/countersign`, { password: STAFF_PASSWORD });
  const start = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  await prescriber.call('POST', `/api/patients/${p.id}/plans`, { ...planBody('iv', start), password: STAFF_PASSWORD });
  await fd.call('POST', `/api/patients/${p.id}/portal/invitations`, {});
  const outbox = await clinic.adminApi.call<{ messages: { kind: string; body: string; createdAt: string }[] }>('GET', '/api/outbox');
  const mine = outbox.messages.filter((m) => m.kind === 'portal_invitation' && m.body.includes(first));
  const token = /\/portal\/link\/([A-Za-z0-9_-]+)/.exec(mine[0]?.body ?? '')?.[1] ?? '';
  return { patientId: p.id, token };
}

async function signInAdmin(page: Page): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('Email').fill(clinic.admin.email);
  await page.getByLabel('Password').fill(clinic.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
  // The enrolment used the current step; the server accepts the next one once.
  await page.getByLabel('6-digit code').fill(totpAt(clinic.admin.totpSecret, new Date(Date.now() + 30_000)));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

describe('on-call list settings', () => {
  it('the administrator orders the on-call list and sets the crisis line; the next risk alert goes to the new first person', async () => {
    const desk = await newPage(browser);
    await signInAdmin(desk.page);
    await desk.page.goto(`${server.url}/settings`);
    await desk.page.getByRole('link', { name: /On-call list and crisis line/ }).click();
    await desk.page.getByRole('heading', { name: 'On-call list and crisis line' }).waitFor();
    await desk.page.getByText('Nobody is on call').waitFor();
    expect(await desk.page.getByTestId('crisis-shown').textContent()).toContain('988');
    await desk.page.getByText('Not confirmed').waitFor();

    // Add the prescriber, then the nurse; move the nurse to the top.
    const add = desk.page.getByLabel('Add a clinician');
    await add.selectOption({ label: `${clinic.staff.prescriber.name} (Prescriber)` });
    await desk.page.getByRole('button', { name: 'Add to the end' }).click();
    await add.selectOption({ label: `${clinic.staff.nurse.name} (Monitoring nurse)` });
    await desk.page.getByRole('button', { name: 'Add to the end' }).click();
    const options = await add.locator('option').allTextContents();
    expect(options.some((o) => o.includes(clinic.staff.front_desk.name))).toBe(false);
    await desk.page.getByRole('button', { name: `Move ${clinic.staff.nurse.name} up` }).click();
    const order = desk.page.getByRole('list', { name: 'On-call order' }).locator('li strong');
    expect(await order.allTextContents()).toEqual([clinic.staff.nurse.name, clinic.staff.prescriber.name]);
    await desk.page.getByLabel('Name of the line').fill('Lakeside Crisis Team');
    await desk.page.getByLabel('Phone number').fill('(555) 010-4477');
    await desk.page.getByRole('button', { name: 'Save on-call list and crisis line' }).click();
    await desk.page.getByText(`Saved. New alerts go first to ${clinic.staff.nurse.name}.`).waitFor();
    await screenshot(desk.page, 'settings-on-call');

    // Saved on the server, and still there after a reload.
    const saved = await clinic.adminApi.call<{ onCall: { name: string }[]; crisisLineNumber: string }>('GET', '/api/clinic/safety-contacts');
    expect(saved.onCall.map((o) => o.name)).toEqual([clinic.staff.nurse.name, clinic.staff.prescriber.name]);
    expect(saved.crisisLineNumber).toBe('(555) 010-4477');
    await desk.page.reload();
    await order.first().waitFor();
    expect(await order.allTextContents()).toEqual([clinic.staff.nurse.name, clinic.staff.prescriber.name]);
    expect(desk.errors).toEqual([]);
    await desk.context.close();

    // A patient answers PHQ-9 item 9 above 0 in the portal: the alert is with the nurse (first in the new order).
    const { patientId, token } = await invitedPatient('Avery', 'Stone');
    const patient = new ApiClient(server.url);
    await patient.call('POST', `/api/portal/links/${token}/accept`, { password: 'Quiet-River-Morning-42' });
    const sent = await patient.call<{ clinicAlerted: boolean; crisisLine: { name: string; number: string } }>('POST', '/api/portal/questionnaires', {
      instrument: 'phq9',
      answers: { q1: 2, q2: 2, q3: 1, q4: 2, q5: 1, q6: 1, q7: 1, q8: 0, q9: 1 },
    });
    expect(sent.clinicAlerted).toBe(true);
    expect(sent.crisisLine).toMatchObject({ name: 'Lakeside Crisis Team', number: '(555) 010-4477' });
    const nurse = await apiAs(server.url, clinic.staff.nurse);
    const alerts = await nurse.call<{ alerts: { patientId: string; mine: boolean; withName: string }[] }>('GET', '/api/risk-alerts');
    expect(alerts.alerts.find((a) => a.patientId === patientId)).toMatchObject({ mine: true, withName: clinic.staff.nurse.name });
  });
});

describe('hand the tablet to the patient', () => {
  it('locks the tablet to the questionnaires (after a reload, in a new tab, at the API) until the staff member enters their password', async () => {
    const { patientId } = await invitedPatient('Jamie', 'Rivers');
    const tab = await newPage(browser, { width: 1024, height: 768 });
    const page = tab.page;
    await page.goto(server.url);
    await page.getByLabel('Email').fill(clinic.staff.nurse.email);
    await page.getByLabel('Password').fill(clinic.staff.nurse.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.goto(`${server.url}/patients/${patientId}/questionnaires`);
    await page.getByRole('button', { name: 'Hand the tablet to the patient' }).click();
    const tablet = page.getByRole('dialog', { name: 'Questionnaires for the patient' });
    await tablet.getByRole('heading', { name: /PHQ-9|Patient Health Questionnaire/ }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);

    // Reloading or typing another address does not open the chart.
    await page.reload();
    await tablet.waitFor();
    await page.goto(`${server.url}/patients`);
    await tablet.waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    // The lock is the server's, not the tab's: a new tab opens on the questionnaires too, and the API refuses the chart.
    const other = await tab.context.newPage();
    await other.goto(`${server.url}/patients`);
    await other.getByRole('dialog', { name: 'Questionnaires for the patient' }).waitFor();
    expect(await other.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(await other.evaluate(async () => (await fetch('/api/patients')).status)).toBe(403);
    await other.close();

    // Leaving needs the password: "Keep going" stays, a wrong password stays.
    await page.getByRole('button', { name: 'Hand back to staff' }).click();
    const unlock = page.getByRole('dialog', { name: 'Staff: take the tablet back' });
    await unlock.waitFor();
    await screenshot(page, 'tablet-hand-back');
    await unlock.getByRole('button', { name: 'Keep going' }).click();
    await unlock.waitFor({ state: 'hidden' });
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Hand back to staff' }).click();
    await unlock.getByLabel('Your password').fill('not-the-password');
    await unlock.getByRole('button', { name: 'Return to staff view' }).click();
    await unlock.getByText('Password not right.').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await unlock.getByLabel('Your password').fill(clinic.staff.nurse.password);
    await unlock.getByRole('button', { name: 'Return to staff view' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await tablet.count()).toBe(0);
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await tablet.count()).toBe(0);

    const audit = await clinic.adminApi.call<{ events: { action: string; outcome: string }[] }>('GET', `/api/audit?patientId=${patientId}`);
    expect(audit.events.some((e) => e.action === 'questionnaire.tablet_returned' && e.outcome === 'success')).toBe(true);
    expect(tab.errors).toEqual([]);
    await tab.context.close();
  });
});

describe('re-consent in the portal', () => {
  it('after a material change the patient reads what changed and signs the new version from the portal home', async () => {
    const { patientId, token } = await invitedPatient('Rowan', 'Hale');
    const prescriber = await apiAs(server.url, clinic.staff.prescriber);
    const templates = await prescriber.call<{ templates: { kind: string; current: { content: { sections: unknown[] } } }[] }>('GET', '/api/consent-templates');
    const current = templates.templates.find((x) => x.kind === 'iv_ketamine')?.current;
    await prescriber.call('POST', '/api/consent-templates/iv_ketamine/versions', {
      content: { ...current?.content, sections: [...(current?.content.sections ?? []), { heading: 'A newly reported risk', paragraphs: ['Tell us at once about any bladder pain.'] }] },
      material: true,
      changeSummary: 'Added a newly reported risk',
    });

    const { page, errors, context } = await newPage(browser, { width: 390, height: 844 });
    const accepted = await page.request.post(`${server.url}/api/portal/links/${token}/accept`, { headers: { 'x-ketapath-csrf': 'portal', origin: server.url }, data: { password: 'Quiet-River-Morning-42' } });
    expect(accepted.status()).toBeLessThan(300);
    await page.goto(`${server.url}/portal`);
    await page.getByText('The form has changed: please read and sign the new version').waitFor();
    await page.getByRole('link', { name: 'Read and sign the new version' }).click();
    await page.getByText('Added a newly reported risk').waitFor();
    await page.getByRole('heading', { name: 'A newly reported risk' }).waitFor();
    await page.getByLabel('I have read the whole form').check();
    await page.getByLabel('Your full name').fill('Rowan Hale');
    const pad = page.locator('canvas.signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (box === null) {
      throw new Error('no signature pad');
    }
    await page.mouse.move(box.x + 20, box.y + 60);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(box.x + 20 + i * 25, box.y + 60 - Math.sin(i) * 30);
    }
    await page.mouse.up();
    await screenshot(page, 'portal-reconsent');
    await page.getByRole('button', { name: 'Sign the new version' }).click();
    await page.getByText('Your clinician will add their signature at your next visit.').waitFor();

    const desk = await apiAs(server.url, clinic.staff.front_desk);
    const list = await desk.call<{ consents: { version: number; status: string }[] }>('GET', `/api/patients/${patientId}/consents`);
    expect(list.consents.some((c) => c.version === 2 && c.status === 'awaiting_countersignature')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
