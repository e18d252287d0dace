/**
 * A year of synthetic history for the demo clinic, so the outcome charts, the outcome dashboard, the safety
 * follow-up worklist and the public outcomes section have something to show out of the box. Everything is
 * invented (names, scores, doses) from a fixed seed and written with bulk inserts (a few statements), not
 * through the endpoints: sessions are written unsigned with their doses, events and alerts, then signed in one
 * update, as the signed-session lock requires. Runs once per demo database.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  adverseEvents,
  appointments,
  appointmentTypes,
  eligibilityReviews,
  followUpResults,
  followUpReviews,
  intakes,
  patients,
  questionnaireResponses,
  remsFormSubmissions,
  sessionAdministrations,
  sessionAlerts,
  treatmentPlans,
  treatmentSessions,
  users,
} from '../../db/schema';
import type { Tx } from '../../db/types';
import type { Deps } from '../../http/deps';
import { localDateOf } from '../../lib/zoned';
import { ensureOutcomeSummaries, invalidateOutcomeSummaries } from '../outcomes/summaries';
import { loadClinic } from '../clinic/load';
import { clinicProtocol } from '../protocol/load';

export const HISTORY_MARK = 'Demo history (synthetic)';
const DAY = 86_400_000;
const FIRST = ['Ava', 'Ben', 'Chloe', 'Diego', 'Erin', 'Farah', 'Gus', 'Hana', 'Ivan', 'Jade', 'Kofi', 'Lena', 'Milo', 'Nia', 'Omar', 'Pia', 'Quinn', 'Rosa', 'Seth', 'Tara', 'Uma', 'Vik', 'Wren', 'Yara'];
const LAST = ['Abbott', 'Brook', 'Castell', 'Dunmore', 'Ellery', 'Fairley', 'Garrow', 'Holm', 'Ingram', 'Jessop', 'Kerrow', 'Lund'];
const AE_TERMS = ['nausea', 'dissociation', 'dizziness', 'headache', 'nausea', 'somnolence'];

/** Deterministic pseudo-random numbers (mulberry32), so every demo shows the same history. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

async function insertChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 800) {
    await write(rows.slice(i, i + 800));
  }
}

/** Give the demo clinic a year of treated patients (once). */
export async function seedDemoOutcomeHistory(deps: Deps, clinicId: string): Promise<void> {
  const [done] = await deps.db.select({ id: patients.id }).from(patients).where(and(eq(patients.clinicId, clinicId), eq(patients.referringClinician, HISTORY_MARK))).limit(1);
  if (done !== undefined) {
    return;
  }
  const staff = await deps.db.select({ id: users.id, role: users.role }).from(users).where(eq(users.clinicId, clinicId));
  const prescriber = staff.find((u) => u.role === 'prescriber')?.id;
  const nurse = staff.find((u) => u.role === 'nurse')?.id;
  const types = new Map((await deps.db.select({ id: appointmentTypes.id, code: appointmentTypes.code }).from(appointmentTypes).where(eq(appointmentTypes.clinicId, clinicId))).map((x) => [x.code, x.id]));
  const [clinic] = await deps.db.execute(sql`SELECT time_zone FROM clinics WHERE id = ${clinicId}`).then((r) => (r as { rows: { time_zone: string }[] }).rows);
  if (prescriber === undefined || nurse === undefined || !['iv_session', 'esketamine_session', 'oral_session'].every((c) => types.has(c))) {
    return;
  }
  const tz = clinic?.time_zone ?? 'UTC';
  const now = deps.clock.now().getTime();
  const rand = rng(20261121);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const clamp = (v: number, max: number): number => Math.max(0, Math.min(max, Math.round(v)));

  const R = {
    patients: [] as Row<typeof patients>[],
    intakes: [] as Row<typeof intakes>[],
    reviews: [] as Row<typeof eligibilityReviews>[],
    plans: [] as Row<typeof treatmentPlans>[],
    appts: [] as Row<typeof appointments>[],
    sessions: [] as Row<typeof treatmentSessions>[],
    doses: [] as Row<typeof sessionAdministrations>[],
    aes: [] as Row<typeof adverseEvents>[],
    alerts: [] as Row<typeof sessionAlerts>[],
    rems: [] as Row<typeof remsFormSubmissions>[],
    scores: [] as Row<typeof questionnaireResponses>[],
    results: [] as Row<typeof followUpResults>[],
    reviewsFu: [] as Row<typeof followUpReviews>[],
  };
  const [maxMrn] = await deps.db.execute(sql`SELECT coalesce(max(mrn), 0)::int AS m FROM patients WHERE clinic_id = ${clinicId}`).then((r) => (r as { rows: { m: number }[] }).rows);
  let mrn = (maxMrn?.m ?? 0) + 100;
  const score = (patientId: string, instrument: string, at: number, total: number, source: string) => {
    R.scores.push({ id: randomUUID(), clinicId, patientId, instrument, instrumentVersion: 'demo', answers: {}, result: { total, synthetic: true }, total, flagged: 0, completedAt: new Date(at), source, createdAt: new Date(at) });
  };
  for (let i = 0; i < 48; i++) {
    const route = i % 8 < 4 ? 'iv' : i % 8 < 7 ? 'esketamine_nasal' : 'oral';
    const pid = randomUUID();
    const t0 = now - int(40, 360) * DAY + 14 * 3_600_000;
    const created = new Date(t0 - 21 * DAY);
    R.patients.push({ id: pid, clinicId, mrn: mrn++, legalFirstName: FIRST[i % FIRST.length] ?? 'Sam', legalLastName: `${LAST[i % LAST.length] ?? 'Demo'}-${String(i + 1).padStart(2, '0')}`, dateOfBirth: `${int(1960, 2001)}-0${int(1, 9)}-1${int(0, 9)}`, sexAtBirth: i % 2 === 0 ? 'female' : 'male', referringClinician: HISTORY_MARK, createdAt: created, updatedAt: created });
    const intakeId = randomUUID();
    R.intakes.push({ id: intakeId, clinicId, patientId: pid, status: 'submitted', plannedRoute: route, data: { synthetic: true }, createdAt: created, updatedAt: created, submittedAt: created, submittedBy: nurse });
    const reviewId = randomUUID();
    const decided = new Date(t0 - 14 * DAY);
    R.reviews.push({ id: reviewId, clinicId, patientId: pid, intakeId, route, jurisdiction: 'US', intakeSnapshot: { synthetic: true }, protocolSnapshot: {}, screening: { findings: [] }, decision: 'approved', overrides: [], decidedBy: prescriber, decidedAt: decided, signatureMethod: 'password' });
    const induction = route === 'esketamine_nasal' ? 8 : route === 'iv' ? 6 : 12;
    const gap = 3.5;
    const planId = randomUUID();
    const planned = Array.from({ length: induction }, (_, k) => ({ index: k + 1, phase: 'induction', week: Math.floor((k * gap) / 7) + 1, localDate: localDateOf(new Date(t0 + k * gap * DAY), tz), localTime: '09:00', startsAt: new Date(t0 + k * gap * DAY).toISOString(), plannedDose: {} }));
    R.plans.push({ id: planId, clinicId, patientId: pid, version: 1, route, drug: route === 'esketamine_nasal' ? 'esketamine nasal spray (Spravato)' : 'racemic ketamine hydrochloride', indication: 'trd', eligibilityReviewId: reviewId, protocolSnapshot: {}, dosePlan: { summary: 'synthetic demo history' }, schedule: { sessions: planned }, measurementPlan: [], followUpPlan: ['urinary_screen', 'liver_tests', 'cognition', 'misuse_screen', 'bp_review'].map((id) => ({ id })), overrides: [], signedBy: prescriber, signedAt: decided, signatureMethod: 'password' });
    // Course: twice weekly in induction, then every 2–4 weeks; some stop after induction.
    const kind = rand();
    const responder = kind < 0.55;
    const partial = !responder && kind < 0.75;
    const relapses = responder && rand() < 0.2;
    const stopsAfterInduction = !responder && rand() < 0.5;
    const times: number[] = [];
    for (let k = 0; k < induction; k++) {
      times.push(t0 + Math.round(k * gap) * DAY);
    }
    let t = (times.at(-1) ?? t0) + int(14, 28) * DAY;
    while (!stopsAfterInduction && t < now - DAY) {
      times.push(t);
      t += int(14, 28) * DAY;
    }
    const weight = int(58, 102);
    const phqBase = int(14, 24);
    const madrsBase = int(26, 40);
    const target = responder ? 0.12 + rand() * 0.25 : partial ? 0.6 : 0.9;
    const relapseAt = relapses ? t0 + int(90, 200) * DAY : Infinity;
    const level = (at: number): number => {
      const weeks = Math.max(0, (at - t0) / (7 * DAY));
      const f = target + (1 - target) * Math.exp(-weeks / 1.5);
      return at >= relapseAt ? Math.min(1, f + 0.6) : f;
    };
    score(pid, 'phq9', t0 - 2 * DAY, phqBase, 'portal');
    score(pid, 'gad7', t0 - 2 * DAY, int(9, 18), 'portal');
    score(pid, 'madrs', t0 - DAY, madrsBase, 'clinician');
    score(pid, 'misuse_check', t0 - DAY, 0, 'clinician');
    let lastBp = -Infinity;
    times.forEach((at, k) => {
      const sid = randomUUID();
      const aid = randomUUID();
      R.appts.push({ id: aid, clinicId, patientId: pid, typeId: types.get(route === 'esketamine_nasal' ? 'esketamine_session' : `${route}_session`) ?? '', route, startsAt: new Date(at), endsAt: new Date(at + 2 * 3_600_000), status: 'completed', createdAt: new Date(at - 7 * DAY), updatedAt: new Date(at) });
      R.sessions.push({ id: sid, clinicId, patientId: pid, appointmentId: aid, planId, route, drug: route === 'esketamine_nasal' ? 'esketamine' : 'ketamine', nurseId: nurse, state: 'signed', stateChangedAt: new Date(at + 2.5 * 3_600_000), checkedInAt: new Date(at - 600_000), doseStartedAt: new Date(at), doseEndedAt: new Date(at + 40 * 60_000), dischargedAt: new Date(at + 2 * 3_600_000), dischargedBy: nurse, createdAt: new Date(at - 600_000), updatedAt: new Date(at + 2 * 3_600_000) });
      const mg = route === 'esketamine_nasal' ? (k < 2 ? 56 : 84) : route === 'iv' ? Math.round(weight * 0.5) : 100;
      R.doses.push({ id: randomUUID(), clinicId, sessionId: sid, drug: route === 'esketamine_nasal' ? 'esketamine' : 'ketamine', route, doseMg: mg, startedAt: new Date(at), stoppedAt: new Date(at + 40 * 60_000), givenBy: nurse, recordedAt: new Date(at) });
      if (route === 'esketamine_nasal') {
        const day = localDateOf(new Date(at), tz);
        R.rems.push({ sessionId: sid, clinicId, content: { synthetic: true }, submittedOn: day, method: 'online', confirmationNumber: `PMF-DEMO-${day.replace(/-/g, '')}-${i}`, submittedBy: nurse, recordedAt: new Date(at + 3 * 3_600_000) });
      }
      if (rand() < 0.12) {
        R.aes.push({ id: randomUUID(), clinicId, sessionId: sid, patientId: pid, term: pick(AE_TERMS), emergency: false, severity: 'mild', onsetAt: new Date(at + 20 * 60_000), outcome: 'resolved', recordedBy: nurse, recordedAt: new Date(at + 30 * 60_000) });
      }
      if (rand() < 0.09) {
        const code = rand() < 0.7 ? 'VITALS_BP_RISE_FROM_BASELINE' : 'VITALS_BP_ABOVE_PAUSE_LIMIT';
        R.alerts.push({ id: randomUUID(), clinicId, sessionId: sid, code, severity: code === 'VITALS_BP_RISE_FROM_BASELINE' ? 'warn' : 'override', message: 'Blood pressure alert (synthetic demo history)', field: 'systolic', source: { citation: 'synthetic demo history' }, raisedAt: new Date(at + 25 * 60_000), acknowledgedAt: new Date(at + 26 * 60_000), acknowledgedBy: nurse, acknowledgeNote: 'Rechecked; settled.' });
      }
      const phq = clamp(phqBase * level(at) + (rand() - 0.5) * 3, 27);
      score(pid, 'phq9', at - 3_600_000, phq, k % 3 === 0 ? 'portal' : 'tablet');
      // A few patients missed the urinary screen at their latest sessions (so the worklist has work in it).
      if (!(i % 6 === 1 && k >= times.length - 2)) {
        score(pid, 'urinary_screen', at - 3_000_000, 0, 'tablet');
      }
      if (k === induction - 1 || (k >= induction && k % 2 === 0) || (relapses && at >= relapseAt)) {
        score(pid, 'madrs', at - 3_300_000, clamp(madrsBase * level(at) + (rand() - 0.5) * 4, 60), 'clinician');
      }
      if (k % 4 === 0) {
        score(pid, 'gad7', at - 3_600_000, clamp(14 * level(at) + (rand() - 0.5) * 3, 21), 'portal');
      }
      if (k >= induction && at - lastBp > 80 * DAY) {
        lastBp = at;
        const positive = rand() < 0.1;
        const rid = randomUUID();
        R.results.push({ id: rid, clinicId, patientId: pid, item: 'bp_review', doneOn: localDateOf(new Date(at), tz), outcome: positive ? 'positive' : 'negative', summary: positive ? 'Resting BP 148/94 on two readings' : 'Resting BP within the usual range', recordedBy: nurse, recordedAt: new Date(at) });
        if (positive && now - at > 30 * DAY) {
          R.reviewsFu.push({ id: randomUUID(), clinicId, resultId: rid, note: 'Discussed with the GP; continue with closer monitoring.', reviewedBy: prescriber, reviewedAt: new Date(at + 2 * DAY) });
        }
      }
    });
    if (route !== 'esketamine_nasal' && i % 16 !== 3) {
      R.results.push({ id: randomUUID(), clinicId, patientId: pid, item: 'liver_tests', doneOn: localDateOf(new Date(t0 - 10 * DAY), tz), outcome: 'negative', summary: 'ALT, AST, ALP and GGT within range', recordedBy: nurse, recordedAt: new Date(t0 - 10 * DAY) });
    }
    if (i === 5 || i === 17) {
      const at = times.at(-1) ?? t0;
      R.results.push({ id: randomUUID(), clinicId, patientId: pid, item: i === 5 ? 'urinary_screen' : 'misuse_screen', doneOn: localDateOf(new Date(at), tz), outcome: 'positive', summary: i === 5 ? 'New urgency and frequency over the last two weeks' : 'Asked for an extra session; reports cravings between sessions', recordedBy: nurse, recordedAt: new Date(at) });
    }
  }
  await deps.db.transaction(async (tx: Tx) => {
    await insertChunks(R.patients, (c) => tx.insert(patients).values(c));
    await insertChunks(R.intakes, (c) => tx.insert(intakes).values(c));
    await insertChunks(R.reviews, (c) => tx.insert(eligibilityReviews).values(c));
    await insertChunks(R.plans, (c) => tx.insert(treatmentPlans).values(c));
    await insertChunks(R.appts, (c) => tx.insert(appointments).values(c));
    const signed = R.sessions.map((s) => ({ ...s, state: 'discharged' }));
    await insertChunks(signed, (c) => tx.insert(treatmentSessions).values(c));
    await insertChunks(R.doses, (c) => tx.insert(sessionAdministrations).values(c));
    await insertChunks(R.aes, (c) => tx.insert(adverseEvents).values(c));
    await insertChunks(R.alerts, (c) => tx.insert(sessionAlerts).values(c));
    await insertChunks(R.rems, (c) => tx.insert(remsFormSubmissions).values(c));
    await insertChunks(R.scores, (c) => tx.insert(questionnaireResponses).values(c));
    await insertChunks(R.results, (c) => tx.insert(followUpResults).values(c));
    await insertChunks(R.reviewsFu, (c) => tx.insert(followUpReviews).values(c));
    await invalidateOutcomeSummaries(tx, clinicId);
    const ids = R.sessions.map((s) => s.id);
    for (let k = 0; k < ids.length; k += 800) {
      await tx
        .update(treatmentSessions)
        .set({ state: 'signed', signedBy: prescriber, signedAt: sql`${treatmentSessions.dischargedAt} + interval '30 minutes'`, signatureMethod: 'password', note: { synthetic: true } })
        .where(inArray(treatmentSessions.id, ids.slice(k, k + 800)));
    }
  });
  // Build the demo clinic's outcome summaries now, so its first dashboard or public page does not wait for them.
  await ensureOutcomeSummaries(deps.db, clinicId, clinicProtocol(await loadClinic(deps.db, clinicId)).protocol, deps.clock.now());
}
