import { isInstrumentId, type CompletedQuestionnaire, type InstrumentResult, type MonitoringFormRecord } from '@ketapath/clinical';
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { consents, questionnaireResponses, remsFormSubmissions, sessionAssessments, treatmentSessions } from '../../db/schema';
import type { Queryable } from '../../db/types';
import { localDateOf } from '../../lib/zoned';
import { latestMaterialVersions } from '../consents/repo';
import { consentStatus } from '../consents/status';
import { consentKindForRoute } from '../consents/templates';
import { currentReview } from '../plans/facts';

const GATING_INSTRUMENTS = ['phq9', 'cssrs_screener', 'gad7', 'qids_sr16', 'urinary_screen', 'misuse_check'];

/**
 * Questionnaires that gate dosing (newest first): the patient's session records and every questionnaire filed
 * from the portal, a clinic tablet or staff entry — so a PHQ-9 item-9 flag from home blocks the dose until a
 * C-SSRS has been done after it.
 */
export async function patientQuestionnaires(q: Queryable, patientId: string): Promise<CompletedQuestionnaire[]> {
  const filed = await q
    .select({ instrument: questionnaireResponses.instrument, takenAt: questionnaireResponses.completedAt, result: questionnaireResponses.result })
    .from(questionnaireResponses)
    .where(and(eq(questionnaireResponses.patientId, patientId), inArray(questionnaireResponses.instrument, GATING_INSTRUMENTS)))
    .orderBy(desc(questionnaireResponses.completedAt))
    .limit(50);
  const rows = await q
    .select({ instrument: sessionAssessments.instrument, takenAt: sessionAssessments.takenAt, result: sessionAssessments.result })
    .from(sessionAssessments)
    .innerJoin(treatmentSessions, eq(treatmentSessions.id, sessionAssessments.sessionId))
    .where(and(eq(treatmentSessions.patientId, patientId), inArray(sessionAssessments.instrument, GATING_INSTRUMENTS)))
    .orderBy(desc(sessionAssessments.takenAt))
    .limit(50);
  return [...rows, ...filed].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime()).flatMap((r) => (isInstrumentId(r.instrument) ? [{ instrumentId: r.instrument, completedAt: r.takenAt.toISOString(), result: r.result as InstrumentResult }] : []));
}

export interface ConsentFact {
  readonly signedAt: string;
  readonly withdrawn: boolean;
  readonly status: string;
}

export async function consentFact(q: Queryable, clinicId: string, patientId: string, route: string): Promise<ConsentFact | null> {
  const kind = consentKindForRoute(route);
  const [c] = await q.select().from(consents).where(and(eq(consents.patientId, patientId), eq(consents.kind, kind))).orderBy(desc(consents.signedAt)).limit(1);
  if (c === undefined) {
    return null;
  }
  const status = consentStatus(c, (await latestMaterialVersions(q, clinicId)).get(kind) ?? 0);
  return { signedAt: c.signedAt.toISOString(), withdrawn: status === 'withdrawn', status };
}

export async function eligibilityApproved(q: Queryable, patientId: string, route: string): Promise<boolean> {
  const review = await currentReview(q, patientId, route);
  return review !== undefined && review.decision !== 'declined';
}

/** REMS Patient Monitoring Form records of a patient's (or a clinic's) dosed esketamine sessions. */
export async function monitoringFormRecords(q: Queryable, where: { clinicId: string; patientId?: string }, timeZone: string): Promise<(MonitoringFormRecord & { readonly confirmationNumber: string | null })[]> {
  const rows = await q
    .select({ id: treatmentSessions.id, started: treatmentSessions.doseStartedAt, submittedOn: remsFormSubmissions.submittedOn, confirmation: remsFormSubmissions.confirmationNumber })
    .from(treatmentSessions)
    .leftJoin(remsFormSubmissions, eq(remsFormSubmissions.sessionId, treatmentSessions.id))
    .where(
      and(
        eq(treatmentSessions.clinicId, where.clinicId),
        eq(treatmentSessions.route, 'esketamine_nasal'),
        isNotNull(treatmentSessions.doseStartedAt),
        ...(where.patientId === undefined ? [] : [eq(treatmentSessions.patientId, where.patientId)]),
      ),
    )
    .orderBy(desc(treatmentSessions.doseStartedAt));
  return rows.map((r) => ({
    sessionId: r.id,
    sessionDate: localDateOf(r.started ?? new Date(0), timeZone),
    ...(r.submittedOn === null ? {} : { submittedOn: r.submittedOn }),
    confirmationNumber: r.confirmation,
  }));
}
