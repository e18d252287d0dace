import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import {
  adverseEvents,
  appointments,
  chairs,
  remsFormSubmissions,
  sessionAdministrations,
  sessionAlerts,
  sessionAmendments,
  sessionAssessments,
  sessionTransitions,
  treatmentPlans,
  treatmentSessions,
  users,
  vitalReadings,
} from '../../db/schema';
import type { Queryable, Tx } from '../../db/types';
import type { Actor, RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import { auditedNotFound } from '../../http/not-found';
import { loadClinic, type ClinicRow } from '../clinic/load';
import { loadPatient, type PatientRow } from '../patients/repo';

export type SessionRow = typeof treatmentSessions.$inferSelect;
export type ReadingRow = typeof vitalReadings.$inferSelect;
export type AlertRow = typeof sessionAlerts.$inferSelect;
export type AdministrationRow = typeof sessionAdministrations.$inferSelect;
export type AssessmentRow = typeof sessionAssessments.$inferSelect;
export type AdverseEventRow = typeof adverseEvents.$inferSelect;
export type TransitionRow = typeof sessionTransitions.$inferSelect;
export type AmendmentRow = typeof sessionAmendments.$inferSelect;
export type RemsSubmissionRow = typeof remsFormSubmissions.$inferSelect;
export type PlanRow = typeof treatmentPlans.$inferSelect;
export type AppointmentRow = typeof appointments.$inferSelect;

/** A session of the actor's clinic, or 404 (audited). */
export async function loadSession(deps: Deps, actor: Actor, meta: RequestMeta, id: string, q: Queryable = deps.db): Promise<SessionRow> {
  const [row] = await q.select().from(treatmentSessions).where(and(eq(treatmentSessions.id, id), eq(treatmentSessions.clinicId, actor.clinicId)));
  if (row === undefined) {
    throw await auditedNotFound(deps, actor, meta, 'treatment_session', id);
  }
  return row;
}

/** Re-read the session row locked for this transaction (serialises concurrent steps on one session). */
export async function lockSession(tx: Tx, id: string): Promise<SessionRow> {
  const [row] = await tx.select().from(treatmentSessions).where(eq(treatmentSessions.id, id)).for('update');
  if (row === undefined) {
    throw new Error(`session ${id} vanished`);
  }
  return row;
}

/** Everything the session screen, the note and the REMS form are built from. */
export interface SessionBundle {
  readonly session: SessionRow;
  readonly clinic: ClinicRow;
  readonly patient: PatientRow;
  readonly appointment: AppointmentRow;
  readonly plan: PlanRow | null;
  readonly chair: { readonly id: string; readonly name: string } | null;
  readonly readings: readonly ReadingRow[];
  readonly alerts: readonly AlertRow[];
  readonly administrations: readonly AdministrationRow[];
  readonly assessments: readonly AssessmentRow[];
  readonly adverseEvents: readonly AdverseEventRow[];
  readonly transitions: readonly TransitionRow[];
  readonly amendments: readonly AmendmentRow[];
  readonly remsSubmission: RemsSubmissionRow | null;
  /** Names of every user the record mentions. */
  readonly names: ReadonlyMap<string, string>;
  /** Earlier sessions of the same patient and route that reached dosing (for session numbering and REMS "first treatment"). */
  readonly earlierDosedSessions: number;
}

export async function loadBundle(deps: Deps, actor: Actor, meta: RequestMeta, session: SessionRow, q: Queryable = deps.db): Promise<SessionBundle> {
  const sid = session.id;
  const [clinic, patient, [appointment], plan, chair, readings, alerts, administrations, assessments, aes, transitions, amendments, [rems], earlier] = await Promise.all([
    loadClinic(q, session.clinicId),
    loadPatient(deps, actor, meta, session.patientId, q),
    q.select().from(appointments).where(eq(appointments.id, session.appointmentId)),
    session.planId === null ? Promise.resolve([]) : q.select().from(treatmentPlans).where(eq(treatmentPlans.id, session.planId)),
    session.chairId === null ? Promise.resolve([]) : q.select({ id: chairs.id, name: chairs.name }).from(chairs).where(eq(chairs.id, session.chairId)),
    q.select().from(vitalReadings).where(eq(vitalReadings.sessionId, sid)).orderBy(asc(vitalReadings.takenAt)),
    q.select().from(sessionAlerts).where(eq(sessionAlerts.sessionId, sid)).orderBy(asc(sessionAlerts.raisedAt)),
    q.select().from(sessionAdministrations).where(eq(sessionAdministrations.sessionId, sid)).orderBy(asc(sessionAdministrations.startedAt)),
    q.select().from(sessionAssessments).where(eq(sessionAssessments.sessionId, sid)).orderBy(asc(sessionAssessments.takenAt)),
    q.select().from(adverseEvents).where(eq(adverseEvents.sessionId, sid)).orderBy(asc(adverseEvents.onsetAt)),
    q.select().from(sessionTransitions).where(eq(sessionTransitions.sessionId, sid)).orderBy(asc(sessionTransitions.at)),
    q.select().from(sessionAmendments).where(eq(sessionAmendments.sessionId, sid)).orderBy(asc(sessionAmendments.amendedAt)),
    q.select().from(remsFormSubmissions).where(eq(remsFormSubmissions.sessionId, sid)),
    q
      .select({ id: treatmentSessions.id, started: treatmentSessions.doseStartedAt })
      .from(treatmentSessions)
      .where(and(eq(treatmentSessions.patientId, session.patientId), eq(treatmentSessions.route, session.route))),
  ]);
  const ids = new Set<string>();
  const add = (id: string | null | undefined): void => {
    if (id !== null && id !== undefined) {
      ids.add(id);
    }
  };
  add(session.nurseId);
  add(session.predosePassedBy);
  add(session.dischargedBy);
  add(session.signedBy);
  readings.forEach((r) => {
    add(r.enteredBy);
    add(r.voidedBy);
  });
  alerts.forEach((a) => add(a.acknowledgedBy));
  administrations.forEach((a) => add(a.givenBy));
  assessments.forEach((a) => add(a.recordedBy));
  aes.forEach((a) => add(a.recordedBy));
  transitions.forEach((t) => add(t.byUserId));
  amendments.forEach((a) => add(a.amendedBy));
  add(rems?.submittedBy);
  const predoseCosigner = (session.predose as { cosignedBy?: string } | null)?.cosignedBy;
  add(predoseCosigner);
  const dischargeOverride = (session.discharge as { override?: { by?: string } } | null)?.override?.by;
  add(dischargeOverride);
  const people = ids.size === 0 ? [] : await q.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...ids]));
  if (appointment === undefined) {
    throw new Error(`appointment of session ${sid} missing`);
  }
  const startedAt = session.doseStartedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return {
    session,
    clinic,
    patient,
    appointment,
    plan: plan[0] ?? null,
    chair: chair[0] ?? null,
    readings,
    alerts,
    administrations,
    assessments,
    adverseEvents: aes,
    transitions,
    amendments,
    remsSubmission: rems ?? null,
    names: new Map(people.map((p) => [p.id, p.name])),
    earlierDosedSessions: earlier.filter((e) => e.id !== sid && e.started !== null && e.started.getTime() < startedAt).length,
  };
}

/** Unacknowledged alerts of a session that need a person (not `info`). */
export async function openAlerts(q: Queryable, sessionId: string): Promise<AlertRow[]> {
  const rows = await q
    .select()
    .from(sessionAlerts)
    .where(and(eq(sessionAlerts.sessionId, sessionId), isNull(sessionAlerts.acknowledgedAt)))
    .orderBy(desc(sessionAlerts.raisedAt));
  return rows.filter((r) => r.severity !== 'info');
}
