import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../packages/server/src/app';
import { hashPassword } from '../packages/server/src/auth/passwords';
import { parseConfig } from '../packages/server/src/config/config';
import { openPglite } from '../packages/server/src/db/pglite';
import { clinics, csContainers, patients, users } from '../packages/server/src/db/schema';
import type { Database } from '../packages/server/src/db/types';
import { systemClock, type Deps } from '../packages/server/src/http/deps';
import { createLogger } from '../packages/server/src/http/logger';
import type { App } from '../packages/server/src/http/route';
import { recordAdministration } from '../packages/server/src/modules/ledger/record-administration';
import { chartedDose } from '../packages/server/test/ledger-fixtures';
import { launchBrowser, newPage, screenshot } from './support';

/**
 * The controlled-drug ledger in the browser. The server runs in this process (the production web build,
 * real HTTP, an embedded database) so that the "dose given in a session" step can call the session seam
 * (`recordAdministration`) exactly as the treatment-session screen will, and the ledger screens must then
 * show the dose without anyone typing it.
 */
let app: App;
let deps: Deps;
let database: Database;
let url = '';
let browser: Browser;
let dataDir = '';
const clinicId = randomUUID();
const PASSWORD = 'Quiet-Harbour-Lamp-2026';
const STAFF = {
  admin: { id: randomUUID(), name: 'Alex Admin', email: 'alex@harbour.example', role: 'admin' },
  nurse: { id: randomUUID(), name: 'Nia Okafor', email: 'nia@harbour.example', role: 'nurse' },
  prescriber: { id: randomUUID(), name: 'Dr Priya Shah', email: 'priya@harbour.example', role: 'prescriber' },
} as const;
const patientId = randomUUID();

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketapath-ledger-e2e-'));
  database = await openPglite({ dataDir, migrate: true, lock: false });
  const parsed = parseConfig({ LOG_LEVEL: 'warn' }, process.cwd());
  if (!parsed.ok) {
    throw new Error(parsed.problems.join('; '));
  }
  const logger = createLogger('warn');
  deps = { config: parsed.config, database, db: database.db, clock: systemClock, log: logger };
  app = await buildApp(deps, logger);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  const now = new Date();
  await deps.db.insert(clinics).values({ id: clinicId, name: 'Harbour Ketamine Clinic', slug: 'harbour', timeZone: 'America/Chicago', jurisdiction: 'US', mfaRequiredRoles: [], createdAt: now });
  const hash = await hashPassword(PASSWORD);
  for (const s of Object.values(STAFF)) {
    await deps.db.insert(users).values({ ...s, clinicId, status: 'active', passwordHash: hash, createdAt: now });
  }
  await deps.db.insert(patients).values({ id: patientId, clinicId, mrn: 1, legalFirstName: 'Maria', legalLastName: 'García', dateOfBirth: '1984-06-02', sexAtBirth: 'female', address: '5 Bay Street, Harbour Town', createdAt: now, updatedAt: now });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(who: keyof typeof STAFF): Promise<Awaited<ReturnType<typeof newPage>>> {
  const session = await newPage(browser, { width: 1024, height: 768 });
  await session.page.goto(url);
  await session.page.getByLabel('Email').fill(STAFF[who].email);
  await session.page.getByLabel('Password').fill(PASSWORD);
  await session.page.getByRole('button', { name: 'Sign in' }).click();
  await session.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Controlled drugs' }).click();
  await session.page.getByRole('heading', { name: /Controlled drugs/ }).waitFor();
  return session;
}

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Controlled drugs' }).getByRole('link', { name });
const row = (page: Page, no: number) => page.getByRole('table', { name: 'Containers' }).getByRole('row').filter({ hasText: `#${no}` });
let admin: Awaited<ReturnType<typeof newPage>>;
let nurse: Awaited<ReturnType<typeof newPage>>;

describe('controlled-drug ledger in the browser', () => {
  it('lets the administrator set up products and a storage place', async () => {
    admin = await signIn('admin');
    const { page } = admin;
    await page.getByText('No initial inventory yet').waitFor();
    await tab(page, 'Set-up').click();
    await page.getByRole('form', { name: 'Add a storage place' }).getByLabel('Name').fill('Main safe');
    await page.getByRole('button', { name: 'Add place' }).click();
    await page.getByRole('table', { name: 'Storage places' }).getByText('Main safe').waitFor();
    await page.getByRole('button', { name: 'Add Spravato 56 mg kit (2 devices)' }).click();
    await page.getByRole('table', { name: 'Products' }).getByText('Spravato 56 mg kit (2 nasal devices)').waitFor();
    const form = page.getByRole('form', { name: 'Add a product' });
    await form.getByLabel('Product name').fill('Ketamine HCl 50 mg/mL, 10 mL vial');
    await form.getByLabel('NDC or product code').fill('KET-50-10');
    await form.getByLabel('Code type').selectOption('local');
    await form.getByLabel('Strength (mg per mL)').fill('50');
    await form.getByLabel('Volume of one vial (mL)').fill('10');
    await form.getByRole('button', { name: 'Add product' }).click();
    await page.getByRole('table', { name: 'Products' }).getByText('50 mg/mL, 10 mL per container (500 mg)').waitFor();
    await screenshot(page, 'ledger-setup');
    expect(admin.errors).toEqual([]);
  });

  it('receives stock (nurse, signed)', async () => {
    nurse = await signIn('nurse');
    const { page } = nurse;
    expect(await tab(page, 'Set-up').count()).toBe(0);
    await page.getByRole('link', { name: 'Receive stock' }).click();
    const form = page.getByRole('form', { name: 'Receive stock' });
    await form.getByLabel('Supplier', { exact: true }).fill('Gulf Medical Wholesale');
    await form.getByLabel('Supplier DEA registration number').fill('RG0000000');
    await form.getByLabel('Supplier address').fill('200 Port Avenue, Harbour Town');
    await form.getByLabel('Invoice or delivery note number').fill('INV-5531');
    const first = form.getByRole('group', { name: 'Product 1' });
    await first.getByLabel('Product').selectOption({ label: 'Ketamine HCl 50 mg/mL, 10 mL vial (KET-50-10)' });
    await first.getByLabel('Lot number').fill('K-778');
    await first.getByLabel('Expiry date').fill('2030-06-30');
    await first.getByLabel('How many (vials/kits)').fill('2');
    await form.getByRole('button', { name: 'Add another product' }).click();
    const second = form.getByRole('group', { name: 'Product 2' });
    await second.getByLabel('Product').selectOption({ label: 'Spravato 56 mg kit (2 nasal devices) (50458-028-02)' });
    await second.getByLabel('Lot number').fill('S-12');
    await second.getByLabel('Expiry date').fill('2030-01-31');
    await second.getByLabel('How many (vials/kits)').fill('1');
    await form.getByLabel('Your password').fill(PASSWORD);
    await screenshot(page, 'ledger-receive');
    await form.getByRole('button', { name: 'Receive stock' }).click();
    await page.getByText('Stock received: containers #1, #2, #3').waitFor();
    await row(page, 1).getByText('500 mg · 10 mL').waitFor();
    await row(page, 3).getByText('2 devices · 56 mg').waitFor();
    expect(nurse.errors).toEqual([]);
  });

  it('takes a dose given in a session off the vial by itself (session seam)', async () => {
    const [vial] = await deps.db.select().from(csContainers).where(and(eq(csContainers.containerNo, 1), eq(csContainers.clinicId, clinicId)));
    const actor = { userId: STAFF.nurse.id, clinicId, role: 'nurse' as const, sessionId: randomUUID(), name: STAFF.nurse.name, email: STAFF.nurse.email };
    // What the treatment session's "dose given" calls, in the session's own transaction (the session browser test drives it from the chair).
    const administrationId = randomUUID();
    const now = new Date();
    await deps.db.transaction(async (tx) => {
      const sessionId = await chartedDose(tx, { clinicId, patientId, userId: STAFF.nurse.id, route: 'iv', administrationId, amountMg: 35, at: now });
      return recordAdministration(tx, deps, { clinicId, actor, meta: null, now, containerId: vial?.id ?? '', patientId, sessionId, administrationId, amountMg: 35, volumeMl: 0.7, route: 'iv' });
    });
    const { page } = nurse;
    await page.reload();
    await row(page, 1).getByText('465 mg · 9.3 mL').waitFor();
    await row(page, 1).getByText('opened').waitFor();
    await screenshot(page, 'ledger-stock');
    await tab(page, 'Register').click();
    const register = page.getByRole('table', { name: 'Register' });
    await register.getByText('Maria García (KP-000001) · IV').waitFor();
    await register.getByText('-35 mg · -0.7 mL').waitFor();
    await screenshot(page, 'ledger-register');
  });

  it('wastes the remainder with a witness who signs on the same screen', async () => {
    const { page } = nurse;
    await tab(page, 'Stock').click();
    await row(page, 1).getByRole('button', { name: 'Waste', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Waste with a witness' });
    await dialog.getByText('465 mg · 9.3 mL left').waitFor();
    await dialog.getByLabel('Everything that is left').check();
    await dialog.getByLabel('Your password').fill(PASSWORD);
    await dialog.getByLabel('Witness email').fill(STAFF.prescriber.email);
    await dialog.getByLabel('Witness password').fill('not-the-password');
    await dialog.getByRole('button', { name: 'Record waste' }).click();
    await dialog.getByText('Witness email or password not right.').waitFor();
    await dialog.getByLabel('Witness password').fill(PASSWORD);
    await screenshot(page, 'ledger-waste-dialog');
    await dialog.getByRole('button', { name: 'Record waste' }).click();
    await page.getByText('Waste recorded. Container #1 now holds 0 mg · 0 mL.').waitFor();
    expect(await row(page, 1).count()).toBe(0);
    expect(nurse.errors).toEqual([]);
  });

  it('runs the end-of-day count by two people; a discrepancy is flagged and the administrator explains it', async () => {
    const { page } = nurse;
    await tab(page, 'Counts').click();
    await page.getByRole('button', { name: 'Start a count' }).click();
    const form = page.getByRole('form', { name: 'Count the stock' });
    await form.getByLabel('Container #2 counted (mL)').fill('10');
    await form.getByLabel('Container #3 counted (devices)').fill('1');
    await form.getByLabel('Your password').fill(PASSWORD);
    await form.getByLabel('Second counter email').fill(STAFF.prescriber.email);
    await form.getByLabel('Second counter password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Save the count' }).click();
    const lines = page.getByRole('table', { name: 'Counted against the register' });
    await lines.getByText('Discrepancy -28 mg').waitFor();
    await page.getByText('Count discrepancy not explained yet').waitFor();
    await screenshot(page, 'ledger-count-discrepancy');
    await page.getByText('The last discrepancy must be explained first.').waitFor();
    expect(await page.getByRole('button', { name: 'Start a count' }).isDisabled()).toBe(true);

    const a = admin.page;
    await tab(a, 'Counts').click();
    await a.getByRole('link', { name: 'Open the count' }).click();
    const resolve = a.getByRole('form', { name: 'Explain the discrepancy' });
    await resolve.getByLabel('Explanation').fill('Second device found in the treatment-room cabinet; recounted with the nurse: 2 devices.');
    await resolve.getByLabel('Your password').fill(PASSWORD);
    await resolve.getByRole('button', { name: 'Save the explanation' }).click();
    await a.getByText('Explained by Alex Admin').waitFor();
    expect(await a.getByText('Count discrepancy not explained yet').count()).toBe(0);
    await screenshot(a, 'ledger-count-resolved');
    await page.reload();
    await page.getByRole('table', { name: 'Counts' }).getByText('Discrepancy explained').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Start a count' }).isEnabled()).toBe(true);
    expect(admin.errors).toEqual([]);
  });

  it('shows reports, exports and an intact tamper check', async () => {
    const { page } = admin;
    await tab(page, 'Reports').click();
    const rec = page.getByRole('table', { name: 'Reconciliation' });
    await rec.getByText('35 mg').waitFor();
    await page.getByRole('button', { name: 'Check the register now' }).click();
    await page.getByText(/Intact\. \d+ entries/).waitFor();
    const csv = await page.request.get(`${url}/api/ledger/register.csv?kind=administration`);
    expect(await csv.text()).toContain('Maria García');
    await screenshot(page, 'ledger-reports');
    await tab(page, 'Stock').click();
    await page.getByRole('button', { name: 'More… for container #2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Container #2' });
    await dialog.getByRole('table', { name: 'Register' }).getByText('Received').waitFor();
    await dialog.getByRole('button', { name: 'Destroy' }).waitFor();
    await screenshot(page, 'ledger-container');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await tab(page, 'Theft & loss').click();
    await page.getByRole('button', { name: 'Report a theft or loss' }).click();
    await page.getByRole('form', { name: 'Report a theft or loss' }).waitFor();
    await screenshot(page, 'ledger-loss-form');
    expect(admin.errors).toEqual([]);
    await admin.context.close();
    await nurse.context.close();
  });
});
