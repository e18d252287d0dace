import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookedPatient, enterVitals, sessionWorld, shots, signIn, type SessionWorld } from './session-support';
import { launchBrowser } from './support';

let w: SessionWorld;
let browser: Browser;
beforeAll(async () => {
  [w, browser] = await Promise.all([sessionWorld(), launchBrowser()]);
});
afterAll(async () => {
  await browser.close();
  await w.stop();
});

const TABLET = { width: 1024, height: 768 };

/** Score an instrument on the session screen by choosing, for every item, the option with `score`. */
async function score(page: Page, choice: string, optionScore: number): Promise<void> {
  const panel = page.getByRole('region', { name: 'Sedation, dissociation and scores' });
  await panel.getByLabel('Record a score').selectOption({ label: choice });
  const form = panel.locator('.instrument');
  await form.locator('fieldset').first().waitFor();
  const groups = form.locator('fieldset');
  for (let i = 0; i < (await groups.count()); i++) {
    await groups.nth(i).locator('label.tri-option', { hasText: new RegExp(`^${optionScore} — `) }).click();
  }
  await form.getByRole('button', { name: /^Record / }).click();
  await form.waitFor({ state: 'detached' });
}

async function tri(page: Page, region: string, legend: string, answer: 'Yes' | 'No'): Promise<void> {
  await page.getByRole('region', { name: region }).locator('fieldset.tri', { hasText: legend }).getByText(answer, { exact: true }).click();
}

/** datetime-local value `minutesAgo` before the server's now, in the clinic's zone. */
async function localInput(page: Page, minutesAgo: number): Promise<string> {
  return page.evaluate(async (m) => {
    const clinic = (await (await fetch('/api/auth/session')).json()) as { clinic: { timeZone: string } };
    const session = (await (await fetch(location.pathname.replace('/sessions/', '/api/sessions/'))).json()) as { serverTime: string };
    const d = new Date(Date.parse(session.serverTime) - m * 60_000);
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: clinic.clinic.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(d).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}`;
  }, minutesAgo);
}

describe('IV ketamine session at the chair', () => {
  it('runs from check-in to a signed note, with a hypertensive reading raising an alert that is acknowledged', async () => {
    const { patientId } = await bookedPatient(w, 'iv', 'Jordan', 'Rivers', 'Chair 1');
    const n = await signIn(browser, w, 'nurse', `${w.server.url}/patients/${patientId}/appointments`, TABLET);
    const page = n.page;
    await page.getByRole('button', { name: 'Check in' }).click();
    await page.getByRole('link', { name: 'Open session' }).click();
    await page.getByRole('heading', { name: 'Jordan Rivers' }).waitFor();
    expect(await page.getByTestId('session-state').textContent()).toContain('Checked in');
    await page.getByText('✕ Blocked').waitFor();
    await shots(page, 'session-iv-1-checked-in-1024');

    // Pre-dose: blood pressure, PHQ-9, the nurse's answers; the checklist clears.
    await enterVitals(page, { systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14 });
    await page.getByRole('cell', { name: '128/82 mmHg' }).waitFor();
    await score(page, 'Depression — PHQ-9 (before the dose)', 0);
    const pre = 'Pre-dose checks';
    await page.getByLabel("Today's weight (kg)").fill('72');
    await page.getByLabel('Last food').fill(await localInput(page, 240));
    await page.getByLabel('Last liquids').fill(await localInput(page, 150));
    await tri(page, pre, 'Ride home', 'Yes');
    await tri(page, pre, 'no driving', 'Yes');
    await tri(page, pre, 'Pregnant', 'No');
    await tri(page, pre, 'Baseline liver tests', 'Yes');
    await tri(page, pre, 'Prescriber on site', 'Yes');
    await tri(page, pre, 'Pulse oximeter', 'Yes');
    await page.getByText('None of these (checked)').click();
    await page.getByRole('button', { name: 'Save and check again' }).click();
    await page.getByText('✓ Nothing stops the dose.').waitFor();
    await shots(page, 'session-iv-2-predose-clear-1024');
    await page.getByRole('button', { name: /Pre-dose checks passed/ }).click();

    // Dose: recomputed from today's weight, with its working; the administration record.
    const dose = page.getByRole('region', { name: 'Dose' });
    await dose.getByText(/36 mg \(0\.5 mg\/kg\) over 40 min/).waitFor();
    await dose.getByLabel('Lot number').fill('K123');
    await dose.getByLabel('Expiry date').fill('2027-06-30');
    await shots(page, 'session-iv-3-dose-1024');
    await dose.getByRole('button', { name: 'Start the infusion' }).click();
    await page.getByTestId('session-state').getByText('Dosing').waitFor();

    // Five minutes in: a hypertensive reading raises an alert, acknowledged by the nurse by name.
    w.setMinutes(5);
    await page.reload();
    await page.getByText('Since dose').waitFor();
    await enterVitals(page, { systolic: 192, diastolic: 104, heartRate: 88, spo2: 97, respiratoryRate: 16 });
    const alarm = page.getByRole('region', { name: /alerts? to acknowledge/ });
    await alarm.waitFor();
    await alarm.getByText(/Threshold/).first().waitFor();
    await shots(page, 'session-iv-4-alert-1024');
    const ackButtons = page.getByRole('button', { name: 'Acknowledge alert' });
    let left = await ackButtons.count();
    expect(left).toBeGreaterThan(0);
    while (left > 0) {
      await page.getByLabel('What was done (optional)').first().fill('Infusion paused, BP rechecked');
      await ackButtons.first().click();
      const before = left;
      await expect.poll(() => ackButtons.count()).toBeLessThan(before);
      left = await ackButtons.count();
    }
    await page.getByRole('region', { name: 'Alerts' }).getByText(/acknowledged by Sam Okafor/).first().waitFor();

    // Infusion ends at 40 minutes; sedation score.
    w.setMinutes(40);
    await page.reload();
    await page.getByRole('button', { name: 'Infusion ended' }).click();
    await page.getByTestId('session-state').getByText('Monitoring').waitFor();
    await enterVitals(page, { systolic: 140, diastolic: 85, heartRate: 76, spo2: 98, respiratoryRate: 14 });
    await page.getByRole('cell', { name: '140/85 mmHg' }).waitFor();
    await score(page, 'Sedation — MOAA/S', 5);
    await shots(page, 'session-iv-5-monitoring-1024');

    // At 130 minutes: last observations, discharge readiness, discharge.
    w.setMinutes(130);
    await page.reload();
    await page.getByRole('button', { name: /^Same as last/ }).waitFor();
    await enterVitals(page, { systolic: 126, diastolic: 80, heartRate: 70, spo2: 98, respiratoryRate: 14 });
    await page.getByRole('cell', { name: '126/80 mmHg' }).waitFor();
    await score(page, 'Discharge score — PADSS', 2);
    const dis = 'Discharge';
    await tri(page, dis, 'Escort present', 'Yes');
    await tri(page, dis, 'instructions given', 'Yes');
    await tri(page, dis, 'stable', 'Yes');
    await tri(page, dis, 'Dissociation resolved', 'Yes');
    await tri(page, dis, 'Breathing normal', 'Yes');
    await page.getByRole('button', { name: 'Save and check readiness' }).click();
    await page.getByText('✓ Ready for discharge by the clinical rules.').waitFor();
    await shots(page, 'session-iv-6-ready-1024');
    await page.getByRole('button', { name: 'Record discharge' }).click();
    await page.getByText(/Discharged at/).waitFor();
    await page.getByText('Session note (not signed yet)').waitFor();
    await shots(page, 'session-iv-7-discharged-1024');
    expect(n.errors).toEqual([]);
    const sessionUrl = page.url();
    await n.close();

    // The prescriber signs the note (re-authentication); it is locked.
    const p = await signIn(browser, w, 'prescriber', sessionUrl, TABLET);
    await p.page.getByRole('button', { name: 'Sign the note' }).click();
    const dialog = p.page.getByRole('dialog');
    await dialog.getByLabel('Your password').fill(w.clinic.staff.prescriber.password);
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
    await p.page.getByText(/Signed by Dr Priya Shah/).waitFor();
    await shots(p.page, 'session-iv-8-signed-1024');
    expect(p.errors).toEqual([]);

    const id = sessionUrl.split('/sessions/')[1] ?? '';
    const s = await w.as.nurse.call<{ state: string; alerts: { code: string; acknowledged: { by: string } | null }[]; readings: unknown[] }>('GET', `/api/sessions/${id}`);
    expect(s.state).toBe('signed');
    expect(s.alerts.map((a) => a.code)).toContain('VITALS_BP_HYPERTENSIVE_URGENCY');
    expect(s.alerts.every((a) => a.acknowledged?.by === 'Sam Okafor' || a.acknowledged === null)).toBe(true);
    expect(s.readings).toHaveLength(4);
    await p.close();
  });
});
