/**
 * Escalation of unacknowledged suicide-risk alerts down the clinic's on-call list (imperative shell around
 * `riskAlertStep`). Every app server runs it; the conditional UPDATE makes each step happen once.
 */
import { riskAlertStep, type RiskSignalCode } from '@ketapath/clinical';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { recordAudit } from '../../audit/record';
import { clinics, patients, riskAlerts } from '../../db/schema';
import type { Deps } from '../../http/deps';
import { formatMrn } from '../patients/presenters';
import { clinicProtocol } from '../protocol/load';
import { initialsOf } from '../treatment/view';
import { noticeRiskAlert, onCallList } from './raise';

/** One pass: move every alert whose wait is over to the next person on call. Returns how many moved. */
export async function runRiskEscalation(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const rows = await deps.db
    .select({ a: riskAlerts, clinic: clinics, first: patients.legalFirstName, preferred: patients.preferredName, last: patients.legalLastName, mrn: patients.mrn })
    .from(riskAlerts)
    .innerJoin(clinics, eq(clinics.id, riskAlerts.clinicId))
    .innerJoin(patients, eq(patients.id, riskAlerts.patientId))
    .where(isNull(riskAlerts.acknowledgedAt))
    .limit(1000);
  let moved = 0;
  for (const r of rows) {
    let protocol;
    try {
      protocol = clinicProtocol(r.clinic).protocol;
    } catch {
      continue;
    }
    const onCall = await onCallList(deps.db, r.a.clinicId);
    const step = riskAlertStep({ raisedAt: r.a.raisedAt.toISOString() }, onCall.length, now.toISOString(), protocol);
    const next = onCall[step.onCallIndex];
    if (step.onCallIndex <= r.a.onCallIndex || next === undefined) {
      continue;
    }
    await deps.db.transaction(async (tx) => {
      const [u] = await tx
        .update(riskAlerts)
        .set({ onCallIndex: step.onCallIndex, assignedUserId: next.id, escalatedAt: now })
        .where(and(eq(riskAlerts.id, r.a.id), lt(riskAlerts.onCallIndex, step.onCallIndex), isNull(riskAlerts.acknowledgedAt)))
        .returning();
      if (u === undefined) {
        return;
      }
      moved += 1;
      const label = `${initialsOf(r.preferred ?? r.first, r.last)} (MRN ${formatMrn(r.mrn)})`;
      await noticeRiskAlert(tx, { id: u.id, clinicId: u.clinicId, patientId: u.patientId, code: u.code as RiskSignalCode }, [next], label, now);
      await recordAudit(tx, { action: 'risk_alert.escalated', outcome: 'success', clinicId: u.clinicId, actor: null, resourceType: 'risk_alert', resourceId: u.id, patientId: u.patientId, details: { onCallIndex: step.onCallIndex, to: next.id, from: r.a.assignedUserId }, meta: null, at: now });
    });
  }
  return moved;
}

/** Run `runRiskEscalation` every few seconds until stopped (started by main.ts). */
export function startRiskEscalationWorker(deps: Deps, everyMs = 15_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) {
      return;
    }
    running = true;
    runRiskEscalation(deps)
      .catch((err: unknown) => deps.log.error({ errType: err instanceof Error ? err.name : 'unknown' }, 'risk alert escalation pass failed'))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
