import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, seedClinic, type ClinicFixture } from './fixtures';
import { launchBrowser, newPage, screenshot, startServer, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let clinic: ClinicFixture;
let patientUrl = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  clinic = await seedClinic(server.url);
  // A time zone where it is late morning now, open every day: the check-in test can book a session
  // that starts in a few minutes whatever the time of day the suite runs.
  const offset = new Date().getUTCHours() - 11;
  const zone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '+' : '-'}${Math.abs(offset)}`;
  await clinic.adminApi.call('PATCH', '/api/clinic', { timeZone: zone, openingDays: [0, 1, 2, 3, 4, 5, 6] });
  await clinic.adminApi.call('POST', '/api/scheduling/chairs', { name: 'Chair 1', kind: 'chair' });
  await clinic.adminApi.call('POST', '/api/scheduling/chairs', { name: 'Chair 2', kind: 'chair' });
});
afterAll(async () => {
  await browser.close();
  await server.stop();
});

const TABLET = { width: 1024, height: 768 };

async function signInAs(role: 'prescriber' | 'nurse' | 'front_desk'): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { page, errors, context } = await newPage(browser, TABLET);
  await page.goto(patientUrl === '' ? server.url : patientUrl);
  await page.getByLabel('Email').fill(clinic.staff[role].email);
  await page.getByLabel('Password').fill(clinic.staff[role].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return { page, errors, close: () => context.close() };
}

async function answerAll(page: Page, sectionName: string, answer: 'No' | 'Yes' | 'None'): Promise<void> {
  const section = page.getByRole('region', { name: sectionName });
  const groups = section.locator('fieldset.tri');
  const n = await groups.count();
  for (let i = 0; i < n; i++) {
    const option = groups.nth(i).locator('label.tri-option', { hasText: new RegExp(`^${answer}$`) });
    if ((await option.count()) > 0) {
      await option.first().click();
    }
  }
}

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Patient record' }).getByRole('link', { name }).click();
}

async function sign(page: Page, password: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Your password').fill(password);
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('patient journey in the browser', () => {
  it('front desk registers a patient', async () => {
    const fd = await signInAs('front_desk');
    await fd.page.getByRole('link', { name: 'Patients' }).click();
    await fd.page.getByRole('link', { name: 'Register a patient' }).click();
    await fd.page.getByLabel('Legal first name').fill('Jordan');
    await fd.page.getByLabel('Legal last name').fill('Rivers');
    await fd.page.getByLabel('Date of birth').fill('1985-04-12');
    await fd.page.getByLabel('Sex assigned at birth').selectOption('female');
    await fd.page.getByLabel('Weight (kg)').fill('72');
    await fd.page.getByLabel('Height (cm)').fill('168');
    await fd.page.getByLabel('Escort name').fill('Sam Rivers');
    await fd.page.getByRole('button', { name: 'Register patient' }).click();
    await fd.page.getByRole('heading', { name: 'Jordan Rivers' }).waitFor();
    patientUrl = fd.page.url();
    expect(patientUrl).toMatch(/\/patients\/[0-9a-f-]{36}$/);
    await screenshot(fd.page, 'chart-overview-frontdesk');
    expect(fd.errors).toEqual([]);
    await fd.close();
  });

  it('a nurse fills the intake and submits it', async () => {
    const n = await signInAs('nurse');
    await tab(n.page, 'Intake');
    await n.page.getByLabel('Route').selectOption('iv');
    const dx = n.page.getByRole('region', { name: 'Diagnosis' });
    await dx.getByText('Major depressive disorder').click();
    await dx.getByText('Recurrent').click();
    await dx.locator('fieldset.tri', { hasText: 'Psychotic features' }).getByText('No', { exact: true }).click();
    const trials = n.page.getByRole('region', { name: 'Antidepressant trials' });
    for (const [i, drug] of ['sertraline', 'venlafaxine'].entries()) {
      await trials.getByRole('button', { name: 'Add a trial' }).click();
      await trials.getByLabel(`Medicine (trial ${i + 1})`).fill(drug);
      const t = trials.locator('.trial').nth(i);
      await t.getByLabel('Weeks taken').fill('10');
      await t.getByLabel('Improvement (%)').fill('10');
      await t.locator('fieldset', { hasText: 'Was the dose adequate?' }).getByText('Yes', { exact: true }).click();
      await t.locator('fieldset', { hasText: 'Taken as prescribed?' }).getByText('Yes', { exact: true }).click();
      await t.locator('fieldset', { hasText: 'In the current episode?' }).getByText('Yes', { exact: true }).click();
    }
    await answerAll(n.page, 'Psychiatric and substance history', 'No');
    const hist = n.page.getByRole('region', { name: 'Psychiatric and substance history' });
    await hist.locator('fieldset', { hasText: 'Ever had psychosis' }).getByText('Yes', { exact: true }).click();
    await hist.locator('fieldset', { hasText: 'Substance use disorder' }).getByText('Never').click();
    await hist.locator('fieldset', { hasText: 'Ketamine or PCP misuse' }).getByText('Never').click();
    await answerAll(n.page, 'Heart, blood vessels and blood pressure', 'No');
    await n.page.getByRole('region', { name: 'Heart, blood vessels and blood pressure' }).locator('fieldset', { hasText: 'High blood pressure' }).getByText('None', { exact: true }).click();
    await n.page.getByLabel('Blood pressure today: systolic').fill('124');
    await n.page.getByLabel('Diastolic').fill('80');
    await answerAll(n.page, 'Pregnancy, liver, brain, eyes and bladder', 'No');
    const other = n.page.getByRole('region', { name: 'Pregnancy, liver, brain, eyes and bladder' });
    await other.locator('fieldset', { hasText: 'Liver impairment' }).getByText('None', { exact: true }).click();
    await other.locator('fieldset', { hasText: 'Overactive thyroid' }).getByText('None', { exact: true }).click();
    await other.locator('fieldset', { hasText: 'Baseline liver tests' }).getByText('Yes', { exact: true }).click();
    await screenshot(n.page, 'intake');
    await n.page.getByRole('button', { name: 'Save and submit for review' }).click();
    await n.page.getByText('Submitted for the prescriber’s review.').waitFor();
    expect(n.errors).toEqual([]);
    await n.close();
  });

  it('the prescriber approves with an override reason, signed with her password', async () => {
    const p = await signInAs('prescriber');
    await tab(p.page, 'Eligibility');
    await p.page.getByText('Some findings need the prescriber’s written reason to proceed.').waitFor();
    await p.page.getByText('Criteria met').waitFor();
    const card = p.page.locator('.finding-override', { hasText: 'psychosis' }).first();
    await card.getByLabel('Your reason to proceed despite this').fill('Single brief episode in 2009 after cannabis; psychiatrist review on file.');
    for (const other of await p.page.locator('.finding-override').all()) {
      const box = other.getByLabel('Your reason to proceed despite this');
      if ((await box.inputValue()) === '') {
        await box.fill('Reviewed with the patient; benefit outweighs risk.');
      }
    }
    await screenshot(p.page, 'eligibility');
    await p.page.getByRole('button', { name: 'Sign decision' }).click();
    await sign(p.page, clinic.staff.prescriber.password);
    await p.page.getByText('Decision signed and recorded.').waitFor();
    await p.page.getByText('In force').waitFor();
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('the patient signs the consent on the tablet and the nurse countersigns', async () => {
    const n = await signInAs('nurse');
    await tab(n.page, 'Consent');
    await n.page.getByRole('row', { name: /IV ketamine/ }).getByRole('link', { name: 'Sign on this device' }).click();
    const doc = n.page.getByRole('article');
    await doc.waitFor();
    await doc.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await n.page.getByLabel(/I have read the whole form/).check();
    await n.page.getByLabel('Type your full name').fill('Jordan Rivers');
    const pad = n.page.locator('canvas.signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (box === null) {
      throw new Error('no signature pad');
    }
    await n.page.mouse.move(box.x + 30, box.y + 120);
    await n.page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await n.page.mouse.move(box.x + 30 + i * 25, box.y + 120 - Math.sin(i) * 40);
    }
    await n.page.mouse.up();
    await screenshot(n.page, 'consent-sign');
    await n.page.getByRole('button', { name: 'Sign the consent' }).click();
    await n.page.getByText('Thank you. The form is signed.').waitFor();
    await n.page.getByRole('button', { name: 'Countersign as staff' }).click();
    await sign(n.page, clinic.staff.nurse.password);
    await n.page.getByRole('row', { name: /IV ketamine/ }).getByText('Valid').waitFor();
    expect(n.errors).toEqual([]);
    await n.close();
  });

  it('the prescriber signs the plan and books the induction series', async () => {
    const p = await signInAs('prescriber');
    await tab(p.page, 'Treatment plan');
    await p.page.getByRole('button', { name: 'Write a treatment plan' }).click();
    await p.page.getByLabel('Vial concentration (mg/mL)').fill('10');
    await p.page.getByRole('button', { name: 'Work out dose and schedule' }).click();
    await p.page.getByText('36 mg (0.5 mg/kg) over 40 min').waitFor();
    await p.page.getByText('6 planned sessions').waitFor();
    await screenshot(p.page, 'plan-preview');
    await p.page.getByRole('button', { name: 'Sign the plan' }).click();
    await sign(p.page, clinic.staff.prescriber.password);
    await p.page.getByText('version 1').first().waitFor();
    await p.page.getByRole('button', { name: /^Book \d+ sessions?$/ }).click();
    await p.page.getByText(/6 sessions? booked|Booked 6/).waitFor();
    await screenshot(p.page, 'plan-booked');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('the check-in gate refuses a patient without consent and says what is missing', async () => {
    const fdApi = await apiAs(server.url, clinic.staff.front_desk);
    const other = await fdApi.call<{ id: string }>('POST', '/api/patients', { legalFirstName: 'Alex', legalLastName: 'Stone', dateOfBirth: '1979-09-09', sexAtBirth: 'male', weightKg: 80, confirmNotDuplicate: true });
    const res = await fdApi.call<{ types: { id: string; code: string }[]; chairs: { id: string }[] }>('GET', '/api/scheduling/resources');
    const type = res.types.find((t) => t.code === 'iv_session');
    await fdApi.call('POST', '/api/appointments', { patientId: other.id, typeId: type?.id, startsAt: new Date(Date.now() + 10 * 60_000).toISOString(), chairId: res.chairs[1]?.id });
    patientUrl = `${server.url}/patients/${other.id}`;
    const fd = await signInAs('front_desk');
    await tab(fd.page, 'Appointments');
    await fd.page.getByText('No signed consent for this treatment.').waitFor();
    await fd.page.getByRole('button', { name: 'Check in' }).click();
    await fd.page.getByText(/Cannot check in/).waitFor();
    await screenshot(fd.page, 'gate-refused');
    expect(fd.errors).toEqual([]);
    await fd.close();
  });
});
