/** Raising a suicide-risk alert, in the transaction that files the questionnaire that triggered it. */
import { randomUUID } from 'node:crypto';
import type { RiskSignalCode } from '@ketapath/clinical';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../audit/record';
import { clinics, riskAlerts, staffNotices, users } from '../../db/schema';
import type { Queryable, Tx } from '../../db/types';
import { prescribersOnDuty } from '../treatment/escalation';

export const RISK_LABELS: Record<RiskSignalCode, string> = {
  PHQ9_ITEM9_POSITIVE: 'PHQ-9 item 9 positive (thoughts of death or self-harm)',
  CSSRS_MODERATE_RISK: 'C-SSRS moderate suicide risk',
  CSSRS_HIGH_RISK: 'C-SSRS high suicide risk',
};

/** The clinic's on-call list (active clinicians only, in order); empty when none is set. */
export async function onCallList(q: Queryable, clinicId: string): Promise<{ id: string; name: string }[]> {
  const [clinic] = await q.select({ ids: clinics.onCallUserIds }).from(clinics).where(eq(clinics.id, clinicId));
  const ids = clinic?.ids ?? [];
  if (ids.length === 0) {
    return [];
  }
  const people = await q.select({ id: users.id, name: users.name }).from(users).where(and(inArray(users.id, ids), eq(users.clinicId, clinicId), eq(users.status, 'active')));
  return ids.flatMap((id) => people.filter((p) => p.id === id));
}

/** Tell people about a risk alert (the bell); once per person per alert. */
export async function noticeRiskAlert(tx: Tx, a: { id: string; clinicId: string; patientId: string; code: RiskSignalCode }, people: readonly { id: string }[], patientLabel: string, now: Date): Promise<void> {
  if (people.length === 0) {
    return;
  }
  await tx
    .insert(staffNotices)
    .values(people.map((p) => ({ id: randomUUID(), clinicId: a.clinicId, userId: p.id, kind: 'risk_alert', title: `Suicide-risk alert: ${patientLabel}`, body: `${RISK_LABELS[a.code]}. Contact the patient and record what you did.`, link: `/patients/${a.patientId}/questionnaires`, alertId: a.id, createdAt: now })))
    .onConflictDoNothing();
}

/**
 * Raise the alert to the first person on call. With no on-call list the prescribers on duty are told, so an
 * alert can never go to nobody.
 */
export async function raiseRiskAlert(
  tx: Tx,
  input: { clinicId: string; patientId: string; responseId: string; code: RiskSignalCode; severity: 'warn' | 'stop'; patientLabel: string; timeZone: string; now: Date },
): Promise<string> {
  const id = randomUUID();
  const onCall = await onCallList(tx, input.clinicId);
  const first = onCall[0];
  const told = first === undefined ? await prescribersOnDuty(tx, input.clinicId, input.timeZone, input.now) : [first];
  await tx.insert(riskAlerts).values({ id, clinicId: input.clinicId, patientId: input.patientId, responseId: input.responseId, code: input.code, severity: input.severity, raisedAt: input.now, onCallIndex: 0, assignedUserId: first?.id ?? null });
  await noticeRiskAlert(tx, { id, clinicId: input.clinicId, patientId: input.patientId, code: input.code }, told, input.patientLabel, input.now);
  await recordAudit(tx, { action: 'risk_alert.raised', outcome: 'success', clinicId: input.clinicId, actor: null, resourceType: 'risk_alert', resourceId: id, patientId: input.patientId, details: { code: input.code, notified: told.map((p) => p.id), onCallListLength: onCall.length }, meta: null, at: input.now });
  return id;
}
