import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt } from '../packages/server/src/auth/totp';
import { launchBrowser, newPage, screenshot, startServer, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser.close();
  await server.stop();
});

const ADMIN = { name: 'Morgan Admin', email: 'morgan@harbour.example', password: 'Quiet-Harbour-Lamp-2026' };
let adminSecret = '';

/**
 * A code the server has not seen yet: the server accepts the current step and its neighbours but
 * never the same step twice, so take the earliest unused one (waiting only if none is left).
 */
async function freshCode(secret: string, last: { step: number }): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / 30_000);
    const step = Math.max(now, last.step + 1);
    if (step <= now + 1) {
      last.step = step;
      return totpAt(secret, new Date(step * 30_000 + 1000));
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
const used = { step: 0 };
let adminSession: Awaited<ReturnType<typeof newPage>> | undefined;
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

describe('foundation in the browser', () => {
  it('sets up a new clinic and its administrator, with two-step sign-in', async () => {
    const { page, errors, context } = await newPage(browser);
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Set up your clinic' }).waitFor();
    await page.getByLabel('Clinic name').fill('Harbour Ketamine Clinic');
    await page.getByLabel('Time zone').selectOption('America/Chicago');
    await page.getByLabel('Full name').fill(ADMIN.name);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create clinic and administrator' }).click();

    await page.getByRole('heading', { name: 'Turn on two-step sign-in' }).waitFor();
    adminSecret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(adminSecret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('6-digit code from the app').fill(await freshCode(adminSecret, used));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByText('Two-step sign-in is on.').waitFor();
    expect(await page.getByLabel('Recovery codes').locator('span').count()).toBe(10);
    await page.getByLabel('I have saved my recovery codes').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: /Good (morning|afternoon|evening), Morgan/ }).waitFor();
    await screenshot(page, 'home-admin');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signs in with password and a TOTP code', async () => {
    const { page, errors, context } = await newPage(browser);
    await page.goto(server.url);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('wrong-password-here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Email or password is not right').waitFor();
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
    await page.getByLabel('6-digit code').fill('000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('That code is not right').waitFor();
    await page.getByLabel('6-digit code').fill(await freshCode(adminSecret, used));
    await page.getByRole('button', { name: 'Continue' }).click();
    await nav(page).getByRole('link', { name: 'Staff' }).waitFor();
    expect(errors).toEqual([]);
    adminSession = { page, errors, context };
  });

  it('invites a nurse, who accepts the link, chooses a password and signs in', async () => {
    const admin = adminSession;
    if (admin === undefined) {
      throw new Error('needs the signed-in administrator from the previous test');
    }
    await nav(admin.page).getByRole('link', { name: 'Staff' }).click();
    await admin.page.getByRole('heading', { name: 'Invite a staff member' }).waitFor();
    const form = admin.page.getByRole('form', { name: 'Invite a staff member' });
    await form.getByLabel('Full name').fill('Nia Okafor');
    await form.getByLabel('Email').fill('nia@harbour.example');
    await form.getByLabel('Role').selectOption('nurse');
    await form.getByRole('button', { name: 'Create invitation' }).click();
    const link = await admin.page.getByTestId('invite-link').inputValue();
    expect(link).toContain('/invite/');
    await admin.page.getByRole('heading', { name: 'Open invitations' }).waitFor();
    await screenshot(admin.page, 'staff');

    const nurse = await newPage(browser, { width: 1024, height: 768 });
    await nurse.page.goto(link);
    await nurse.page.getByRole('heading', { name: 'Join Harbour Ketamine Clinic' }).waitFor();
    await nurse.page.getByLabel('Choose a password').fill('Morning-Chair-Window-9');
    await nurse.page.getByRole('button', { name: 'Create my account' }).click();
    await nurse.page.getByRole('heading', { name: /Nia/ }).waitFor();
    await screenshot(nurse.page, 'home-nurse-tablet');
    await nurse.page.getByRole('button', { name: 'Sign out' }).click();
    await nurse.page.getByLabel('Email').fill('nia@harbour.example');
    await nurse.page.getByLabel('Password').fill('Morning-Chair-Window-9');
    await nurse.page.getByRole('button', { name: 'Sign in' }).click();
    await nurse.page.getByText('Monitoring nurse at Harbour Ketamine Clinic').waitFor();
    // A nurse has no staff or audit pages.
    expect(await nurse.page.getByRole('link', { name: 'Audit trail' }).count()).toBe(0);
    expect(nurse.errors).toEqual([]);
    await nurse.context.close();

    await admin.page.reload();
    await admin.page.getByRole('cell', { name: /^Nia Okafor/ }).waitFor();
  });

  it('lets the administrator read, filter and verify the audit trail', async () => {
    if (adminSession === undefined) {
      throw new Error('needs the signed-in administrator');
    }
    const { page, errors, context } = adminSession;
    await nav(page).getByRole('link', { name: 'Audit trail' }).click();
    const table = page.getByRole('table', { name: 'Audit events' });
    await table.getByText('Staff invited').first().waitFor();
    await table.getByText('Invitation accepted').first().waitFor();
    await table.getByText('Sign-in failed').first().waitFor();
    await page.getByLabel('Person').selectOption({ label: 'Nia Okafor' });
    await page.getByRole('button', { name: 'Search' }).click();
    await table.getByText('Invitation accepted').waitFor();
    expect(await table.getByText('Staff invited').count()).toBe(0);
    await page.getByRole('button', { name: 'Check the audit trail now' }).click();
    await page.getByText(/Intact\./).waitFor();
    await screenshot(page, 'audit');
    expect(errors).toEqual([]);
    await context.close();
  });
});
