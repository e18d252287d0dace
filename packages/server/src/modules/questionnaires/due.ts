/** What a patient has due now: the latest signed plan's measurement plan against their course and responses. */
import { dueQuestionnaires, isInstrumentId, type CompletedMeasurement, type DueQuestionnaire, type MeasurementPlanItem, type MeasurementSession } from '@ketapath/clinical';
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { appointments, questionnaireResponses, sessionAssessments, treatmentPlans, treatmentSessions } from '../../db/schema';
import type { Queryable } from '../../db/types';
import type { ClinicRow } from '../clinic/load';
import { clinicProtocol } from '../protocol/load';

interface PlanSchedule {
  readonly sessions?: readonly { readonly startsAt: string; readonly phase: 'induction' | 'maintenance' }[];
}

/** Every completed questionnaire of a patient (portal, tablet, staff entry and the chair), for due slots. */
async function completedOf(q: Queryable, patientId: string): Promise<CompletedMeasurement[]> {
  const filed = await q.select({ instrumentId: questionnaireResponses.instrument, completedAt: questionnaireResponses.completedAt, dueKey: questionnaireResponses.dueKey }).from(questionnaireResponses).where(eq(questionnaireResponses.patientId, patientId));
  const atChair = await q
    .select({ instrumentId: sessionAssessments.instrument, completedAt: sessionAssessments.takenAt })
    .from(sessionAssessments)
    .innerJoin(treatmentSessions, eq(treatmentSessions.id, sessionAssessments.sessionId))
    .where(eq(treatmentSessions.patientId, patientId));
  return [
    ...filed.map((r) => ({ instrumentId: r.instrumentId, completedAt: r.completedAt.toISOString(), dueKey: r.dueKey })),
    ...atChair.map((r) => ({ instrumentId: r.instrumentId, completedAt: r.completedAt.toISOString() })),
  ];
}

/** The course's sessions: booked appointments of the plan when there are any, else the plan's own schedule. */
async function sessionsOf(q: Queryable, plan: typeof treatmentPlans.$inferSelect): Promise<MeasurementSession[]> {
  const booked = await q
    .select({ startsAt: appointments.startsAt, phase: appointments.phase })
    .from(appointments)
    .where(and(eq(appointments.patientId, plan.patientId), isNotNull(appointments.planId), inArray(appointments.status, ['booked', 'checked_in', 'completed'])));
  if (booked.length > 0) {
    return booked.map((a) => ({ startsAt: a.startsAt.toISOString(), phase: a.phase === 'maintenance' ? 'maintenance' : 'induction' }));
  }
  return ((plan.schedule as PlanSchedule).sessions ?? []).map((s) => ({ startsAt: s.startsAt, phase: s.phase }));
}

export async function loadDue(q: Queryable, clinic: ClinicRow, patientId: string, now: Date): Promise<DueQuestionnaire[]> {
  const [plan] = await q.select().from(treatmentPlans).where(eq(treatmentPlans.patientId, patientId)).orderBy(desc(treatmentPlans.signedAt)).limit(1);
  if (plan === undefined) {
    return [];
  }
  const items = (plan.measurementPlan as MeasurementPlanItem[]).filter((i) => isInstrumentId(i.instrumentId));
  return dueQuestionnaires({
    plan: items,
    planStartedAt: plan.signedAt.toISOString(),
    sessions: await sessionsOf(q, plan),
    completed: await completedOf(q, patientId),
    now: now.toISOString(),
    timeZone: clinic.timeZone,
    protocol: clinicProtocol(clinic).protocol,
  });
}

/** The due key to file a response under: the one asked for if it is due for that instrument now, else null. */
export function acceptedDueKey(due: readonly DueQuestionnaire[], instrument: string, asked: string | null | undefined): string | null {
  const d = due.find((x) => x.instrumentId === instrument);
  if (d === undefined) {
    return null;
  }
  return asked !== undefined && asked !== null && d.keys.includes(asked) ? asked : d.dueKey;
}
