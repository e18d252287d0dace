import { randomUUID } from 'node:crypto';
import { isRacemic, type Route } from '@ketapath/clinical';
import { sessionTransitions, treatmentSessions } from '../../db/schema';
import type { Tx } from '../../db/types';
import type { Actor, RequestMeta } from '../../http/context';
import { recordAudit } from '../../audit/record';
import { currentPlan } from '../plans/facts';
import type { AppointmentRow } from './repo';
import { notifyBoard } from './board-notify';

/** Open the treatment session of a treatment appointment being checked in (same transaction as the check-in). */
export async function openSessionAtCheckIn(tx: Tx, a: AppointmentRow, actor: Actor, meta: RequestMeta, now: Date): Promise<string> {
  const route = a.route as Route;
  const plan = a.planId === null ? await currentPlan(tx, a.patientId, route) : undefined;
  const id = randomUUID();
  await tx.insert(treatmentSessions).values({
    id,
    clinicId: a.clinicId,
    patientId: a.patientId,
    appointmentId: a.id,
    planId: a.planId ?? plan?.id ?? null,
    route,
    drug: isRacemic(route) ? 'racemic ketamine hydrochloride' : 'esketamine nasal spray (Spravato)',
    chairId: a.chairId,
    nurseId: a.staffId,
    state: 'checked_in',
    stateChangedAt: now,
    checkedInAt: now,
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(sessionTransitions).values({ id: randomUUID(), clinicId: a.clinicId, sessionId: id, fromState: 'scheduled', toState: 'checked_in', reason: null, at: now, byUserId: actor.userId });
  await recordAudit(tx, { action: 'session.opened', outcome: 'success', clinicId: a.clinicId, actor, resourceType: 'treatment_session', resourceId: id, patientId: a.patientId, details: { appointmentId: a.id, route }, meta, at: now });
  await notifyBoard(tx, { k: 'session', c: a.clinicId, s: id });
  return id;
}
