/**
 * Filing a completed questionnaire (portal, clinic tablet, staff entry, at the chair): score with the clinical core, append to
 * `questionnaire_responses`, raise a suicide-risk alert when the result calls for one — all in one transaction
 * with its audit event.
 */
import { randomUUID } from 'node:crypto';
import { INSTRUMENTS, scoreInstrument, suicideRiskSignal, type InstrumentId, type InstrumentResult, type RiskSignal } from '@ketapath/clinical';
import { recordAudit } from '../../audit/record';
import { questionnaireResponses, type patients } from '../../db/schema';
import type { Tx } from '../../db/types';
import type { RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import { AppError, conflict } from '../../http/errors';
import { formatMrn } from '../patients/presenters';
import { clinicProtocol } from '../protocol/load';
import type { ClinicRow } from '../clinic/load';
import { raiseRiskAlert } from '../risk/raise';
import { initialsOf } from '../treatment/view';
import { refreshPatientOutcomes } from '../outcomes/summaries';

export type ResponseSource = 'portal' | 'tablet' | 'clinician' | 'session';

export interface FileInput {
  readonly clinic: ClinicRow;
  readonly patient: Pick<typeof patients.$inferSelect, 'id' | 'legalFirstName' | 'legalLastName' | 'preferredName' | 'mrn'>;
  readonly instrument: InstrumentId;
  readonly answers: Record<string, unknown>;
  readonly source: ResponseSource;
  /** The due slot this answers (checked against what is due by the caller), or null. */
  readonly dueKey: string | null;
  /** The treatment session it was taken in (a questionnaire scored at the chair). */
  readonly sessionId?: string;
  readonly completedAt: Date;
  readonly enteredBy: string | null;
  readonly actor: { userId: string; role: string };
  readonly meta: RequestMeta;
}

export interface Filed {
  readonly id: string;
  readonly result: InstrumentResult;
  readonly signal: RiskSignal;
  readonly riskAlertId: string | null;
}

/** Score and file one response in the caller's transaction. Invalid answers are a VALIDATION_FAILED problem. */
export async function fileResponse(tx: Tx, deps: Deps, input: FileInput): Promise<Filed> {
  const { protocol } = clinicProtocol(input.clinic);
  const scored = scoreInstrument(input.instrument, input.answers, { protocol });
  if (!scored.ok) {
    throw new AppError('VALIDATION_FAILED', { fields: scored.issues.map((i) => ({ path: `body.answers.${i.itemId}`, message: i.message, code: i.code })) });
  }
  const result = scored.result;
  const now = deps.clock.now();
  const id = randomUUID();
  const inserted = await tx
    .insert(questionnaireResponses)
    .values({
      id,
      clinicId: input.clinic.id,
      patientId: input.patient.id,
      instrument: input.instrument,
      instrumentVersion: INSTRUMENTS[input.instrument].version,
      answers: input.answers,
      result,
      total: result.total ?? 0,
      flagged: result.flags.length,
      completedAt: input.completedAt,
      source: input.source,
      dueKey: input.dueKey,
      sessionId: input.sessionId ?? null,
      enteredBy: input.enteredBy,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: questionnaireResponses.id });
  if (inserted.length === 0) {
    throw conflict('This questionnaire was already completed. Refresh to see what is still due.');
  }
  await refreshPatientOutcomes(tx, input.clinic.id, input.patient.id, protocol);
  const signal = suicideRiskSignal(result);
  await recordAudit(tx, {
    action: 'questionnaire.filed',
    outcome: 'success',
    clinicId: input.clinic.id,
    actor: input.actor,
    resourceType: 'questionnaire_response',
    resourceId: id,
    patientId: input.patient.id,
    details: { instrument: input.instrument, source: input.source, flags: result.flags.map((f) => f.code), dueKey: input.dueKey },
    meta: input.meta,
    at: now,
  });
  let riskAlertId: string | null = null;
  if (signal.alert !== null && signal.severity !== null) {
    const label = `${initialsOf(input.patient.preferredName ?? input.patient.legalFirstName, input.patient.legalLastName)} (MRN ${formatMrn(input.patient.mrn)})`;
    riskAlertId = await raiseRiskAlert(tx, { clinicId: input.clinic.id, patientId: input.patient.id, responseId: id, code: signal.alert, severity: signal.severity, patientLabel: label, timeZone: input.clinic.timeZone, now });
  }
  return { id, result, signal, riskAlertId };
}
