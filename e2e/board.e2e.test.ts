import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedClinic, type ClinicFixture } from './fixtures';
import { axeViolations } from './public-support';
import { dosedSession, readyPatient, staffApis, type Staff } from './session-fixtures';
import { launchBrowser, newPage, screenshot, startServer, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let clinic: ClinicFixture;
let staff: Staff;
let chairs: string[] = [];
let today = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  clinic = await seedClinic(server.url);
  // A time zone where it is late morning now, open every day, so a session can start now whatever the hour.
  const offset = new Date().getUTCHours() - 11;
  const zone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '+' : '-'}${Math.abs(offset)}`;
  today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  await clinic.adminApi.call('PATCH', '/api/clinic', { timeZone: zone, openingDays: [0, 1, 2, 3, 4, 5, 6], remsCertifiedOn: today });
  for (const name of ['Chair 1', 'Chair 2', 'Chair 3']) {
    chairs.push((await clinic.adminApi.call<{ id: string }>('POST', '/api/scheduling/chairs', { name, kind: 'chair' })).id);
  }
  chairs = chairs.filter(Boolean);
  staff = await staffApis(server.url, clinic);
}, 120_000);
afterAll(async () => {
  await browser.close();
  await server.stop();
});

async function signIn(viewport: { width: number; height: number }, fakeClock = false): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { page, errors, context } = await newPage(browser, viewport);
  if (fakeClock) {
    // Time flows normally; the test can jump it forward.
    await page.clock.install();
  }
  await page.goto(server.url);
  await page.getByLabel('Email').fill(clinic.staff.nurse.email);
  await page.getByLabel('Password').fill(clinic.staff.nurse.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return { page, errors, close: () => context.close() };
}

type SessionView = { alerts: { id: string; code: string; acknowledged: { by: string | null; note: string | null } | null }[] };

describe('monitoring board in the browser', () => {
  it('shows a monitor’s hypertensive reading live on the chair’s tile and records the acknowledgement by name', async () => {
    const patientId = await readyPatient(staff, 'iv', { first: 'Jordan', last: 'Rivers' }, today);
    const sessionId = await dosedSession(staff, patientId, 'iv', chairs[0] ?? '');
    const device = await clinic.adminApi.call<{ token: string }>('POST', '/api/devices', { name: 'Chair 1 monitor', chairId: chairs[0] });

    const n = await signIn({ width: 1440, height: 900 }, true);
    await n.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitoring board' }).click();
    const tile = n.page.locator(`article[data-session="${sessionId}"]`);
    await tile.waitFor();
    await n.page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await expect(tile.getByRole('heading', { name: 'JR' }).count()).resolves.toBe(1);
    await tile.getByText('Dose started').waitFor();

    // The chair's monitor posts with its device token; the tile shows it without a reload (the fallback poll is 20 s away).
    const posted = await fetch(`${server.url}/api/sessions/${sessionId}/vitals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ readings: [{ clientId: `mon-${randomUUID()}`, takenAt: new Date().toISOString(), systolic: 192, diastolic: 104, heartRate: 96, spo2: 97 }] }),
    });
    expect(posted.status).toBe(200);
    const alert = tile.locator('.tile-alert', { hasText: 'hypertensive urgency' });
    await alert.waitFor({ timeout: 8_000 });
    await expect(alert.innerText()).resolves.toMatch(/BP 192\/104 is in the hypertensive urgency range \(above 180\/120\)/);
    await expect(alert.innerText()).resolves.toMatch(/New alert/);
    await expect(tile.locator('.vital').first().innerText()).resolves.toMatch(/192\/104/);
    await screenshot(n.page, 'board-alert');
    expect(await axeViolations(n.page)).toEqual([]);

    // Acknowledge from the tile, as the signed-in nurse, after confirming.
    await alert.getByRole('button', { name: 'Acknowledge' }).click();
    const dialog = n.page.getByRole('dialog');
    await dialog.getByText('You acknowledge as Sam Okafor').waitFor();
    await dialog.getByLabel('What you did (optional)').fill('Infusion paused, BP rechecked');
    await dialog.getByRole('button', { name: 'Acknowledge alert' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const done = tile.locator('.tile-alert.alert-acknowledged', { hasText: 'hypertensive urgency' });
    await done.waitFor({ timeout: 8_000 });
    await done.getByText('by Sam Okafor').waitFor({ timeout: 8_000 });
    await screenshot(n.page, 'board-acknowledged');

    // The stream goes silent (a dead connection that never reported an error) and new ones are refused:
    // the board says so, then comes back live by itself once the server answers again.
    await n.page.route('**/api/board/stream', (route) => route.abort());
    await n.page.clock.fastForward('01:30');
    await n.page.getByRole('status').filter({ hasText: 'Reconnecting' }).waitFor({ timeout: 10_000 });
    await n.page.getByRole('alert').filter({ hasText: 'Connection to the server lost' }).waitFor();
    await screenshot(n.page, 'board-reconnecting');
    await n.page.unroute('**/api/board/stream');
    await n.page.clock.fastForward('00:40');
    await n.page.getByRole('status').filter({ hasText: 'Live' }).waitFor({ timeout: 20_000 });
    await tile.locator('.tile-alert.alert-acknowledged').waitFor();

    const view = await staff.prescriber.call<SessionView>('GET', `/api/sessions/${sessionId}`);
    const urgent = view.alerts.find((a) => a.code === 'VITALS_BP_HYPERTENSIVE_URGENCY');
    expect(urgent?.acknowledged).toMatchObject({ by: 'Sam Okafor', note: 'Infusion paused, BP rechecked' });
    expect(n.errors).toEqual([]);
    await n.close();
  }, 120_000);

  it('brings a monitor’s reading and its alert to the open session screen at once, without waiting for a poll', async () => {
    const patientId = await readyPatient(staff, 'iv', { first: 'Casey', last: 'Moreno' }, today);
    const sessionId = await dosedSession(staff, patientId, 'iv', chairs[2] ?? '');
    const device = await clinic.adminApi.call<{ token: string }>('POST', '/api/devices', { name: 'Chair 3 monitor', chairId: chairs[2] });
    const n = await signIn({ width: 1280, height: 900 });
    await n.page.goto(`${server.url}/sessions/${sessionId}`);
    await n.page.getByRole('heading', { name: /Casey Moreno/ }).first().waitFor();
    // Let the screen's own first fetches settle, then the monitor posts.
    await n.page.waitForTimeout(1_500);
    const posted = await fetch(`${server.url}/api/sessions/${sessionId}/vitals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ readings: [{ clientId: `mon-${randomUUID()}`, takenAt: new Date().toISOString(), systolic: 194, diastolic: 106, heartRate: 90, spo2: 97 }] }),
    });
    expect(posted.status).toBe(200);
    // The poll is 60 s away while the stream is open: only the stream can bring it this fast.
    await n.page.locator('.alert-card', { hasText: 'hypertensive urgency' }).first().waitFor({ timeout: 6_000 });
    await n.page.getByText('194/106').first().waitFor({ timeout: 2_000 });
    await screenshot(n.page, 'session-live-alert');
    expect(n.errors).toEqual([]);
    await n.close();
  }, 90_000);

  it('lists an esketamine session’s REMS form as due, shows its content and records the submission', async () => {
    const patientId = await readyPatient(staff, 'esketamine_nasal', { first: 'Amara', last: 'Lind' }, today);
    const sessionId = await dosedSession(staff, patientId, 'esketamine_nasal', chairs[1] ?? '');
    await staff.nurse.call('POST', `/api/sessions/${sessionId}/state`, { to: 'stopped_early', reason: 'Patient asked to stop after the first device' });

    const n = await signIn({ width: 1440, height: 900 });
    await n.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'REMS forms' }).click();
    await n.page.getByText(/certified in the SPRAVATO REMS on/).waitFor();
    const row = n.page.locator(`tr[data-session="${sessionId}"]`);
    await row.waitFor();
    await row.getByText('Due: 7 days left').waitFor();
    await row.getByRole('button', { name: 'Show form' }).click();
    const preview = n.page.locator('.rems-preview');
    await preview.getByText('SPR-1').waitFor();
    await preview.getByText('Amara').first().waitFor();
    await screenshot(n.page, 'rems-due');
    expect(await axeViolations(n.page)).toEqual([]);

    await row.getByRole('button', { name: 'Record submission' }).click();
    const dialog = n.page.getByRole('dialog');
    await expect(dialog.getByLabel('Date submitted').inputValue()).resolves.toBe(today);
    await dialog.getByLabel('Confirmation number').fill('PMF-778812');
    await dialog.getByRole('button', { name: 'Record submission' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'detached' });
    await n.page.getByRole('button', { name: 'Submitted', exact: true }).click();
    await n.page.locator(`tr[data-session="${sessionId}"]`).getByText('Confirmation PMF-778812').waitFor();
    await screenshot(n.page, 'rems-submitted');

    const submitted = await staff.nurse.call<{ forms: { sessionId: string; status: string; confirmationNumber: string | null }[] }>('GET', '/api/rems/monitoring-forms?status=submitted');
    expect(submitted.forms.find((f) => f.sessionId === sessionId)).toMatchObject({ status: 'submitted', confirmationNumber: 'PMF-778812' });
    expect(n.errors).toEqual([]);
    await n.close();
  }, 120_000);

  it('keeps a wall screen on the board without signing out when idle, showing only the board until someone signs out', async () => {
    const chair = (await clinic.adminApi.call<{ id: string }>('POST', '/api/scheduling/chairs', { name: 'Chair 4', kind: 'chair' })).id;
    const patientId = await readyPatient(staff, 'iv', { first: 'Wren', last: 'Halloway' }, today);
    const sessionId = await dosedSession(staff, patientId, 'iv', chair);

    const n = await signIn({ width: 1920, height: 1080 });
    await n.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitoring board' }).click();
    await n.page.getByRole('button', { name: 'Wall mode' }).click();
    await n.page.getByRole('button', { name: 'Keep on this screen' }).click();
    const dialog = n.page.getByRole('dialog');
    await dialog.getByText('It shows only the board').waitFor();
    await dialog.getByRole('button', { name: 'Use as wall display' }).click();
    await n.page.getByText(/Wall display, signed in by/).waitFor();
    const tile = n.page.locator(`article[data-session="${sessionId}"]`);
    await tile.waitFor();
    expect(await n.page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(await tile.getByRole('link').count()).toBe(0);
    await screenshot(n.page, 'board-wall-display');
    expect(await axeViolations(n.page)).toEqual([]);

    // Any address in any tab shows the board; the server refuses everything else from this browser.
    await n.page.goto(`${server.url}/patients/${patientId}`);
    await n.page.getByText(/Wall display, signed in by/).waitFor();
    const chart = await n.page.evaluate(async (id) => (await fetch(`/api/patients/${id}`)).json() as Promise<{ code: string }>, patientId);
    expect(chart.code).toBe('DISPLAY_ONLY');

    await n.page.getByRole('button', { name: 'Sign out' }).click();
    await n.page.getByLabel('Email').waitFor();
    expect(n.errors).toEqual([]);
    await n.close();
  }, 90_000);
});
