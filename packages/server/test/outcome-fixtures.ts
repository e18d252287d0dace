/**
 * Rows for outcome and follow-up tests: dosed sessions (with their appointment and administration), filed
 * questionnaire responses, adverse events and blood-pressure alerts, written straight to the database so a
 * small cohort with exactly known dates and scores can be built quickly.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { adverseEvents, appointments, appointmentTypes, questionnaireResponses, sessionAdministrations, sessionAlerts, treatmentSessions } from '../src/db/schema';
import type { TestApp } from './harness';

export interface SessionInput {
  readonly clinicId: string;
  readonly patientId: string;
  readonly planId: string | null;
  readonly userId: string;
  readonly route: string;
  readonly at: string;
  readonly doseMg?: number;
}

/** A dosed, discharged session at `at` (ISO); returns its id. */
export async function dosedSession(t: TestApp, s: SessionInput): Promise<string> {
  const at = new Date(s.at);
  return t.deps.db.transaction(async (tx) => {
    let [type] = await tx.select({ id: appointmentTypes.id }).from(appointmentTypes).where(eq(appointmentTypes.clinicId, s.clinicId)).limit(1);
    if (type === undefined) {
      type = { id: randomUUID() };
      await tx.insert(appointmentTypes).values({ id: type.id, clinicId: s.clinicId, code: 'treatment', name: 'Treatment session', route: s.route, durationMinutes: 150, needsChair: true, needsNurse: true });
    }
    const appointmentId = randomUUID();
    const sessionId = randomUUID();
    await tx.insert(appointments).values({ id: appointmentId, clinicId: s.clinicId, patientId: s.patientId, typeId: type.id, route: s.route, startsAt: at, endsAt: new Date(at.getTime() + 7_200_000), status: 'checked_in', createdAt: at, updatedAt: at });
    await tx.insert(treatmentSessions).values({ id: sessionId, clinicId: s.clinicId, patientId: s.patientId, appointmentId, planId: s.planId, route: s.route, drug: s.route === 'esketamine_nasal' ? 'esketamine' : 'ketamine', state: 'discharged', stateChangedAt: at, checkedInAt: at, doseStartedAt: at, dischargedAt: new Date(at.getTime() + 7_200_000), createdAt: at, updatedAt: at });
    await tx.insert(sessionAdministrations).values({ id: randomUUID(), clinicId: s.clinicId, sessionId, drug: 'ketamine (test)', route: s.route, doseMg: s.doseMg ?? 40, startedAt: at, givenBy: s.userId, recordedAt: at });
    return sessionId;
  });
}

/** Filed questionnaire responses: `[iso, total]` pairs. */
export async function scores(t: TestApp, input: { clinicId: string; patientId: string; instrument: string; points: readonly (readonly [string, number])[] }): Promise<void> {
  if (input.points.length === 0) {
    return;
  }
  await t.deps.db.insert(questionnaireResponses).values(
    input.points.map(([at, total]) => ({
      id: randomUUID(),
      clinicId: input.clinicId,
      patientId: input.patientId,
      instrument: input.instrument,
      instrumentVersion: 'test',
      answers: {},
      result: { total },
      total,
      completedAt: new Date(at),
      source: 'clinician',
      createdAt: new Date(at),
    })),
  );
}

export async function adverseEvent(t: TestApp, input: { clinicId: string; patientId: string; sessionId: string; userId: string; term: string; at: string }): Promise<void> {
  const at = new Date(input.at);
  await t.deps.db.insert(adverseEvents).values({ id: randomUUID(), clinicId: input.clinicId, sessionId: input.sessionId, patientId: input.patientId, term: input.term, emergency: false, severity: 'mild', onsetAt: at, outcome: 'resolved', recordedBy: input.userId, recordedAt: at });
}

export async function bpAlert(t: TestApp, input: { clinicId: string; sessionId: string; code: string; at: string }): Promise<void> {
  await t.deps.db.insert(sessionAlerts).values({ id: randomUUID(), clinicId: input.clinicId, sessionId: input.sessionId, code: input.code, severity: 'warn', message: 'BP alert (test)', field: 'systolic', source: { citation: 'test' }, raisedAt: new Date(input.at) });
}
