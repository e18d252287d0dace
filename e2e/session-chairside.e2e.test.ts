import fs from 'node:fs';
import type { Browser } from 'playwright-core';
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

const WIDE_TABLET = { width: 1280, height: 800 };
const GOOD_ANSWERS = (now: number) => ({
  lastFoodAt: new Date(now - 240 * 60_000).toISOString(),
  lastLiquidsAt: new Date(now - 150 * 60_000).toISOString(),
  nasalMedicationAt: null,
  escortConfirmed: true,
  noDrivingAcknowledged: true,
  pregnant: false,
  baselineLiverTestsDone: true,
  prescriberOnSite: true,
  pulseOximeterOnSite: true,
  concomitantMedications: { benzodiazepines: false, nonBenzodiazepineSedativeHypnotics: false, psychostimulants: false, maois: false, opioids: false },
  weightKg: 72,
});
const PHQ9 = { instrument: 'phq9', answers: { q1: 1, q2: 1, q3: 0, q4: 1, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0 } };

async function checkIn(appointmentId: string): Promise<string> {
  const a = await w.as.front_desk.call<{ session: { id: string } }>('POST', `/api/appointments/${appointmentId}/check-in`);
  return a.session.id;
}

interface ReadingRow { clientId: string; takenAt: string; systolic: number | null }

describe('esketamine session at the chair', () => {
  it('gives three devices at least five minutes apart with a visible countdown, and produces the REMS form as PDF', async () => {
    w.setMinutes(0);
    const { patientId, appointmentId } = await bookedPatient(w, 'esketamine_nasal', 'Robin', 'Vale', 'Chair 2');
    const id = await checkIn(appointmentId);
    const serverNow = Date.parse((await w.as.nurse.call<{ serverTime: string }>('GET', `/api/sessions/${id}`)).serverTime);
    await w.as.nurse.call('POST', `/api/sessions/${id}/vitals`, { readings: [{ clientId: `pre-${id}`, takenAt: new Date(serverNow - 60_000).toISOString(), systolic: 124, diastolic: 78, heartRate: 70, spo2: 98 }] });
    await w.as.nurse.call('POST', `/api/sessions/${id}/assessments`, PHQ9);
    await w.as.nurse.call('POST', `/api/sessions/${id}/predose/pass`, GOOD_ANSWERS(serverNow));

    // The prescriber opens the session from the patient's Sessions tab and starts 84 mg (three devices), with reasons.
    const p = await signIn(browser, w, 'prescriber', `${w.server.url}/patients/${patientId}/sessions`, WIDE_TABLET);
    const page = p.page;
    await page.getByRole('link', { name: 'Open session' }).click();
    const dose = page.getByRole('region', { name: 'Dose' });
    await dose.getByText('Change the dose from the plan (prescriber)').click();
    await dose.getByLabel('Dose', { exact: true }).selectOption('84');
    await dose.getByLabel('Reason for the change').fill('Prescriber review: tolerated well elsewhere');
    await dose.getByLabel('Prescriber’s reason to go ahead').fill('Transferred patient, 84 mg tolerated at previous clinic');
    await dose.getByText(/84 mg = 3 device/).first().waitFor();
    await dose.getByLabel('Lot number').fill('SPR-1');
    await dose.getByLabel('Expiry date').fill('2027-03-31');
    await shots(page, 'session-esk-1-dose-1280');
    await dose.getByRole('button', { name: /Record device 1 given/ }).click();

    // Device 2 waits for the countdown; the server refuses it earlier too.
    await dose.getByText(/until device 2 may be given/).waitFor();
    expect(await dose.getByRole('button', { name: 'Record device 2 given now' }).isDisabled()).toBe(true);
    await shots(page, 'session-esk-2-countdown-1280');
    for (const [minute, n] of [[5, 2], [10, 3]] as const) {
      w.setMinutes(minute);
      await page.reload();
      await dose.getByText(`Device ${n} may be given now.`).waitFor();
      await dose.getByRole('button', { name: `Record device ${n} given now` }).click();
      await dose.getByText(`✓ Given`).nth(n - 1).waitFor();
    }
    await page.getByTestId('session-state').getByText('Monitoring').waitFor();
    await shots(page, 'session-esk-3-devices-1280');

    // Observation to the end (through the API), then the form from the screen.
    const at = (m: number) => new Date(serverNow + m * 60_000).toISOString();
    w.setMinutes(41);
    await w.as.nurse.call('POST', `/api/sessions/${id}/vitals`, { readings: [{ clientId: `r40-${id}`, takenAt: at(40), systolic: 138, diastolic: 86, heartRate: 75, spo2: 97 }] });
    await w.as.nurse.call('POST', `/api/sessions/${id}/assessments`, { instrument: 'moaas', answers: { score: 4 }, takenAt: at(40) });
    w.setMinutes(121);
    await w.as.nurse.call('POST', `/api/sessions/${id}/vitals`, { readings: [{ clientId: `r119-${id}`, takenAt: at(119), systolic: 126, diastolic: 80, heartRate: 70, spo2: 98 }] });
    await w.as.nurse.call('POST', `/api/sessions/${id}/assessments`, { instrument: 'moaas', answers: { score: 5 }, takenAt: at(119) });
    await w.as.nurse.call('POST', `/api/sessions/${id}/assessments`, { instrument: 'padss', answers: { vital_signs: 2, activity_mental_status: 2, pain_nausea_vomiting: 2, surgical_bleeding: 2, intake_output: 2 }, takenAt: at(120) });
    await w.as.nurse.call('POST', `/api/sessions/${id}/discharge`, { escortPresent: true, instructionsGiven: true, clinicianConfirmedStable: true, respiratoryDepressionResolved: true, dissociationResolved: true, readyToLeaveMinutes: 75 });
    await page.reload();
    const rems = page.getByRole('region', { name: 'REMS Patient Monitoring Form' });
    await rems.getByText('84 mg').first().waitFor();
    await rems.getByText('SPR-1').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), rems.getByRole('link', { name: 'Download the form (PDF)' }).click()]);
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await rems.getByLabel('Confirmation number').fill('PMF-778812');
    await rems.getByRole('button', { name: 'Record submission' }).click();
    await rems.getByText(/Confirmation number: PMF-778812/).waitFor();
    await shots(page, 'session-esk-4-rems-1280');
    const s = await w.as.nurse.call<{ administrations: { deviceNumber: number; startedAt: string }[] }>('GET', `/api/sessions/${id}`);
    const times = s.administrations.map((a) => Date.parse(a.startedAt));
    expect(s.administrations.map((a) => a.deviceNumber)).toEqual([1, 2, 3]);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(5 * 60_000);
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(5 * 60_000);
    expect(p.errors).toEqual([]);
    await p.close();
  });
});

describe('no reading is lost', () => {
  it('keeps readings entered without a network across a reload and sends each exactly once when it returns', async () => {
    w.setMinutes(0);
    const { appointmentId } = await bookedPatient(w, 'iv', 'Alex', 'Stone', 'Chair 3');
    const id = await checkIn(appointmentId);
    const n = await signIn(browser, w, 'nurse', `${w.server.url}/sessions/${id}`, WIDE_TABLET);
    const page = n.page;
    const pending = page.getByRole('status', { name: 'Readings waiting to be sent' });

    // No network at all: the reading stays on the tablet.
    await page.context().setOffline(true);
    await enterVitals(page, { systolic: 131, diastolic: 81, heartRate: 71, spo2: 98 });
    await pending.getByText('1 reading is saved on this tablet').waitFor();
    await page.getByText('⏳ Not sent yet').first().waitFor();
    // The page loads again but the server cannot be reached for readings.
    // (The route is in place before the network returns, so the outbox's "online" flush cannot get through.)
    await page.route('**/api/sessions/*/vitals', (r) => r.abort('internetdisconnected'));
    await page.context().setOffline(false);
    await enterVitals(page, { systolic: 135, diastolic: 84, heartRate: 74, spo2: 97 });
    await pending.getByText('2 readings are saved on this tablet').waitFor();
    const queued = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open('ketapath-chairside'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error ?? new Error('IndexedDB')); });
      return new Promise<{ clientId: string; takenAt: string }[]>((res) => { const r = db.transaction('pending-readings').objectStore('pending-readings').getAll(); r.onsuccess = () => res((r.result as { reading: { clientId: string; takenAt: string } }[]).map((x) => x.reading)); });
    });
    expect(queued).toHaveLength(2);
    await page.reload();
    await pending.getByText('2 readings are saved on this tablet').waitFor();
    await shots(page, 'session-offline-1-pending-1280');

    // The server stores the batch but the answer is lost: the tablet still thinks they are unsent.
    await page.unroute('**/api/sessions/*/vitals');
    let stored = 0;
    await page.route('**/api/sessions/*/vitals', async (r) => {
      const res = await r.fetch();
      stored += res.ok() ? 1 : 0;
      await r.abort('connectionreset');
    });
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => stored, { timeout: 15_000 }).toBeGreaterThan(0);
    await pending.getByText('2 readings are saved on this tablet').waitFor();

    // The network is back: the outbox resends, the server recognises both, and the queue empties.
    await page.unroute('**/api/sessions/*/vitals');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await pending.waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByRole('cell', { name: '135/84 mmHg' }).waitFor();
    await shots(page, 'session-offline-2-sent-1280');

    const s = await w.as.nurse.call<{ readings: ReadingRow[] }>('GET', `/api/sessions/${id}`);
    expect(s.readings.map((r) => r.clientId).sort()).toEqual(queued.map((q) => q.clientId).sort());
    expect(s.readings.map((r) => r.takenAt).sort()).toEqual(queued.map((q) => new Date(q.takenAt).toISOString()).sort());
    expect(s.readings.map((r) => r.systolic).sort()).toEqual([131, 135]);
    expect(n.errors).toEqual([]);
    await n.close();
  });
});
