import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, startServer, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
});
afterAll(async () => {
  await browser.close();
  await server.stop();
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function signInAs(page: Page, role: string): Promise<void> {
  await page.goto(server.url);
  await page.getByRole('button', { name: role }).click();
  await nav(page).waitFor();
}

describe('self-check', () => {
  it('builds consultation notes, shows crisis help when needed, prints the notes, and never says “eligible”', async () => {
    const { page, errors, context } = await newPage(browser, { width: 390, height: 844 });
    await page.goto(`${server.url}/learn/self-check?country=US`);
    await page.getByRole('heading', { name: 'Self-check before a consultation' }).waitFor();
    await page.getByText('This is not a test.').waitFor();
    await page.getByLabel('I have high blood pressure, or I am not sure it is under control.').check();
    await page.getByLabel('I am pregnant, might be pregnant, plan to be, or am breastfeeding.').check();
    await page.getByLabel('What does a full course cost, and what does the price include?').uncheck();
    await page.getByLabel('Your own questions (optional)').fill('Can my partner stay with me?');
    const notes = page.getByRole('region', { name: 'Your notes for the consultation' });
    await notes.getByText('I have high blood pressure, or I am not sure it is under control.').waitFor();
    await notes.getByText('Can my partner stay with me?').waitFor();
    expect(await notes.getByText('What does a full course cost').count()).toBe(0);
    const urgent = page.locator('#urgent-note');
    expect(await urgent.isVisible()).toBe(false);
    await page.getByLabel('I have thoughts of ending my life or harming myself.').check();
    await urgent.getByText('call 988').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'call 988' }).count()).toBe(1);
    expect((await page.locator('main').innerText()).toLowerCase()).not.toContain('eligib');
    await screenshot(page, 'public-self-check-filled-phone');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#self-check').isVisible()).toBe(false);
    expect(await notes.isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Site' }).isVisible()).toBe(false);
    await screenshot(page, 'public-self-check-print');
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works as a printable paper checklist without JavaScript', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/learn/self-check?clinic=demo-riverside`);
    await page.getByLabel('I have liver disease.').check();
    await page.getByText('Sending needs JavaScript').waitFor();
    expect(await page.locator('#consult-form').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#self-check').isVisible()).toBe(true);
    await context.close();
  });

  it('sends a consultation request to the demo clinic, which the front desk handles in the web app', async () => {
    const visitor = await newPage(browser, { width: 390, height: 844 });
    const page = visitor.page;
    await page.goto(`${server.url}/c/demo-riverside`);
    await page.getByRole('link', { name: 'Prepare for a consultation' }).click();
    await page.getByLabel('I have thoughts of ending my life or harming myself.').check();
    await page.getByLabel('I take sleeping pills, benzodiazepines, opioids, stimulants or an MAOI antidepressant.').check();
    const form = page.locator('#consult-form');
    await form.getByLabel('Your name').fill('Robin Example');
    await form.getByLabel('Phone number or email address').fill('robin@example.test');
    await form.getByLabel('Email', { exact: true }).check();
    await form.getByLabel('Message (optional)').fill('Weekday mornings suit me.');
    await form.getByRole('button', { name: /Send request/ }).click();
    await form.getByText('Tick the box to agree that the clinic may keep your details.').waitFor();
    await form.getByLabel('Also send the points and questions I ticked above').check();
    await form.getByLabel(/I agree that Riverside Ketamine Clinic/).check();
    await form.getByRole('button', { name: /Send request/ }).click();
    await page.getByText('Thank you. Riverside Ketamine Clinic (DEMO: synthetic data) has your request and will contact you by email.').waitFor();
    await screenshot(page, 'public-self-check-sent-phone');
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();

    const staff = await newPage(browser);
    await signInAs(staff.page, 'Front desk');
    await nav(staff.page).getByRole('link', { name: 'Consultation requests' }).click();
    await staff.page.getByRole('button', { name: 'Open request from Robin Example' }).click();
    await staff.page.getByText('robin@example.test').waitFor();
    await staff.page.getByText('They ticked “thoughts of ending my life or harming myself”.').waitFor();
    await staff.page.getByText('Weekday mornings suit me.').waitFor();
    await screenshot(staff.page, 'staff-consultation-request');
    await staff.page.getByRole('button', { name: 'Mark as handled' }).click();
    await staff.page.locator('.badge.ok', { hasText: /^Handled / }).waitFor();
    await staff.page.getByText('No requests here.').waitFor();
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });
});

describe('checklist for choosing a clinic', () => {
  it('compares clinics side by side, keeps the answers in this browser, and prints', async () => {
    const { page, errors, context } = await newPage(browser, { width: 1280, height: 860 });
    await page.goto(`${server.url}/learn/choosing-a-clinic`);
    await page.getByRole('heading', { level: 1, name: 'Checklist for choosing a clinic' }).waitFor();
    await page.getByLabel('Clinic 1 name').fill('Riverside');
    await page.getByLabel('Clinic 2 name').fill('Hilltop');
    const q = page.locator('#q-bp-before');
    await q.getByText('Why it matters:').waitFor();
    await q.getByLabel('Answer from Riverside').selectOption('yes');
    await q.getByLabel('Answer from Hilltop').selectOption('no');
    await page.locator('#q-observation').getByLabel('Answer from Riverside').selectOption('yes');
    await page.locator('#q-cost').getByLabel('Answer from Hilltop').selectOption('unsure');
    await page.getByLabel('Notes on Hilltop').fill('Could not say who monitors.');
    const totals = page.getByRole('table', { name: 'Answers for each clinic' });
    await expect.poll(async () => totals.getByRole('row', { name: /Riverside/ }).innerText()).toMatch(/Riverside\s+2\s+0\s+0\s+0\s+13/);
    expect(await totals.getByRole('row', { name: /Hilltop/ }).innerText()).toMatch(/Hilltop\s+0\s+0\s+1\s+1\s+13/);
    expect(await page.getByLabel('Clinic 4 name').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Add another clinic' }).click();
    await page.getByLabel('Clinic 4 name').fill('Lakeside');
    await page.reload();
    expect(await page.getByLabel('Clinic 2 name').inputValue()).toBe('Hilltop');
    expect(await page.getByLabel('Clinic 4 name').inputValue()).toBe('Lakeside');
    expect(await page.locator('#q-bp-before').getByLabel('Answer from Hilltop').inputValue()).toBe('no');
    expect(await page.getByLabel('Notes on Hilltop').inputValue()).toBe('Could not say who monitors.');
    await screenshot(page, 'public-choosing-a-clinic-filled-desktop');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print the comparison' }).isVisible()).toBe(false);
    expect(await totals.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Clear my answers' }).click();
    expect(await page.getByLabel('Clinic 1 name').inputValue()).toBe('');
    await page.reload();
    expect(await page.getByLabel('Clinic 1 name').inputValue()).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('public page settings (staff)', () => {
  it('lets the administrator change a price, preview and publish it', async () => {
    const { page, errors, context } = await newPage(browser);
    await signInAs(page, 'Clinic administrator');
    await nav(page).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: /Public page/ }).click();
    await page.getByRole('heading', { name: 'Public page' }).waitFor();
    const costs = page.getByRole('region', { name: 'Costs' });
    await costs.getByLabel('Price per session (USD)').first().fill('480');
    await costs.getByLabel('I have checked that “Costs” is accurate today').check();
    await page.getByRole('button', { name: 'Save public page' }).click();
    await page.getByText(/Saved\. Your page is public at/).waitFor();
    await screenshot(page, 'staff-public-page');
    const preview = context.waitForEvent('page');
    await page.getByRole('link', { name: 'Preview' }).click();
    const tab = await preview;
    await tab.getByText('Preview: only signed-in staff see this page here.').waitFor();
    await tab.getByText('6 sessions (2 a week) × $480.00 = $2,880.00').waitFor();
    const pub = await browser.newContext();
    const visitor = await pub.newPage();
    await visitor.goto(`${server.url}/c/demo-riverside`);
    await visitor.getByText('$2,880.00').waitFor();
    await pub.close();
    expect(errors).toEqual([]);
    await context.close();
  });
});
