import { randomUUID } from 'node:crypto';
import { checkTransition, isSessionState, type SessionState } from '@ketapath/clinical';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record';
import { sessionTransitions, treatmentSessions } from '../../db/schema';
import type { Tx } from '../../db/types';
import type { Actor, RequestMeta } from '../../http/context';
import { AppError } from '../../http/errors';
import { presentFinding } from '../../lib/findings';
import { notifyBoard } from './board-notify';
import type { SessionRow } from './repo';

export interface TransitionInput {
  readonly to: SessionState;
  readonly reason?: string | undefined;
  readonly actor: Actor;
  readonly meta: RequestMeta;
  readonly now: Date;
  /** Extra columns written with the state (dose times, discharge, signature). */
  readonly set?: Partial<typeof treatmentSessions.$inferInsert>;
  readonly details?: Readonly<Record<string, string | number | boolean | null>>;
}

/**
 * Move a locked session to its next state: the clinical core says whether the step is allowed; the
 * state, its history row, the audit event and the board notice commit together.
 */
export async function applyTransition(tx: Tx, session: SessionRow, input: TransitionInput): Promise<SessionRow> {
  const from = isSessionState(session.state) ? session.state : 'scheduled';
  const findings = checkTransition(from, input.to, input.reason);
  if (findings.length > 0) {
    throw new AppError('STATE_TRANSITION_INVALID', { detail: findings.map((f) => f.message).join(' '), extra: { findings: findings.map(presentFinding) } });
  }
  const reason = input.reason?.trim() === '' ? null : (input.reason?.trim() ?? null);
  const [row] = await tx
    .update(treatmentSessions)
    .set({ ...input.set, state: input.to, stateReason: reason, stateChangedAt: input.now, updatedAt: input.now })
    .where(eq(treatmentSessions.id, session.id))
    .returning();
  await tx.insert(sessionTransitions).values({ id: randomUUID(), clinicId: session.clinicId, sessionId: session.id, fromState: from, toState: input.to, reason, at: input.now, byUserId: input.actor.userId });
  await recordAudit(tx, {
    action: 'session.state_changed',
    outcome: 'success',
    clinicId: session.clinicId,
    actor: input.actor,
    resourceType: 'treatment_session',
    resourceId: session.id,
    patientId: session.patientId,
    details: { from, to: input.to, ...input.details },
    meta: input.meta,
    at: input.now,
  });
  await notifyBoard(tx, { k: 'session', c: session.clinicId, s: session.id });
  return row as SessionRow;
}
