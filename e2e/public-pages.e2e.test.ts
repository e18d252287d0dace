import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, horizontalOverflow, PUBLIC_PAGES } from './public-support';
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

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 860 };

describe('public pages in the browser', () => {
  it('shows the demo clinic’s transparency page, generated from its protocol, with structured data', async () => {
    const { page, errors, context } = await newPage(browser, DESKTOP);
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') {
        consoleErrors.push(m.text());
      }
    });
    const res = await page.goto(`${server.url}/c/demo-riverside`);
    expect(res?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: /Riverside Ketamine Clinic/ }).waitFor();
    for (const name of ['Who we are', 'Treatments we offer', 'Safety', 'Costs']) {
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    await page.getByText('Demo clinic: everything on this page is made up').waitFor();
    await page.getByText('6 sessions (2 a week) × $450.00 = $2,700.00').waitFor();
    await page.getByText('At least 120 minutes from the first spray').waitFor();
    expect(await page.getByText('Last checked by the clinic:').count()).toBe(4);
    // The demo clinic publishes its outcomes (opt-in), computed live with small-number suppression.
    await page.getByRole('heading', { level: 2, name: 'Outcomes' }).waitFor();
    const ld = await page.locator('script[type="application/ld+json"]').textContent();
    expect(JSON.parse(ld ?? '{}')).toMatchObject({ '@type': 'MedicalClinic', availableService: [{ '@type': 'MedicalTherapy' }, { '@type': 'MedicalTherapy' }] });
    await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Costs' }).click();
    expect(page.url()).toContain('#costs');
    await page.getByRole('link', { name: 'Prepare for a consultation' }).click();
    await page.getByRole('heading', { name: 'Ask Riverside Ketamine Clinic (DEMO: synthetic data) for a consultation' }).waitFor();
    expect(errors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('lets a visitor choose their country on an education page, without JavaScript', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${server.url}/learn/legal-status`);
    await page.getByRole('heading', { name: 'In the United States' }).waitFor();
    await page.getByText('call 988').first().waitFor();
    await page.getByLabel('Your country').selectOption('UK');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('heading', { name: 'In the United Kingdom' }).waitFor();
    expect(await page.getByText('988').count()).toBe(0);
    expect(page.url()).toContain('country=UK');
    await page.getByRole('link', { name: /Next: Costs and insurance/ }).click();
    expect(page.url()).toContain('/learn/costs?country=UK');
    await page.getByRole('heading', { name: 'Sources' }).waitFor();
    await context.close();
  });

  it('has no accessibility violations (axe) on any public page, on phone and desktop', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const { page, errors, context } = await newPage(browser, viewport);
      for (const p of PUBLIC_PAGES) {
        await page.goto(`${server.url}${p.path}`);
        await page.waitForLoadState('load');
        const violations = await axeViolations(page);
        expect(violations, `${p.path} at ${viewport.width}px: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
        await screenshot(page, `public-${p.name}-${viewport === PHONE ? 'phone' : 'desktop'}`);
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('stays readable at 200% zoom: no horizontal scrolling at 640 px', async () => {
    const { page, context } = await newPage(browser, { width: 640, height: 800 });
    for (const p of PUBLIC_PAGES) {
      await page.goto(`${server.url}${p.path}`);
      expect(await horizontalOverflow(page), p.path).toBeLessThanOrEqual(0);
    }
    // The same at a real 200% zoom of a 1280 px window (device scale factor 2).
    const zoomed = await browser.newContext({ viewport: { width: 640, height: 430 }, deviceScaleFactor: 2 });
    const z = await zoomed.newPage();
    await z.goto(`${server.url}/c/demo-riverside`);
    expect(await horizontalOverflow(z)).toBeLessThanOrEqual(0);
    await screenshot(z, 'public-clinic-zoom-200');
    await zoomed.close();
    await context.close();
  });
});
