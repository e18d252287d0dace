import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { sessionAlerts, staffNotices, treatmentSessions } from '../../db/schema';
import { conflict } from '../../http/errors';
import { auditedNotFound } from '../../http/not-found';
import { defineRoute } from '../../http/route';
import { notifyBoard } from './board-notify';
import { AlertOut, presentAlert } from './presenters';
import { Acknowledge } from './schemas';

export const acknowledgeAlertRoute = defineRoute({
  method: 'POST',
  url: '/api/alerts/:id/acknowledge',
  access: { action: 'alert.acknowledge' },
  summary: 'Acknowledge an alert by name (stops its escalation)',
  tags: ['Treatment sessions'],
  schema: { params: z.object({ id: z.uuid() }), body: Acknowledge, response: { 200: AlertOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const [found] = await deps.db
      .select({ a: sessionAlerts, patientId: treatmentSessions.patientId })
      .from(sessionAlerts)
      .innerJoin(treatmentSessions, eq(treatmentSessions.id, sessionAlerts.sessionId))
      .where(and(eq(sessionAlerts.id, params.id), eq(sessionAlerts.clinicId, me.clinicId)));
    if (found === undefined) {
      throw await auditedNotFound(deps, me, meta, 'alert', params.id);
    }
    const row = await deps.db.transaction(async (tx) => {
      const [u] = await tx
        .update(sessionAlerts)
        .set({ acknowledgedAt: now, acknowledgedBy: me.userId, acknowledgeNote: body.note === undefined || body.note === '' ? null : body.note })
        .where(and(eq(sessionAlerts.id, params.id), isNull(sessionAlerts.acknowledgedAt)))
        .returning();
      if (u === undefined) {
        throw conflict('This alert was already acknowledged.');
      }
      await tx.update(staffNotices).set({ readAt: now }).where(and(eq(staffNotices.alertId, u.id), isNull(staffNotices.readAt)));
      await recordAudit(tx, {
        action: 'alert.acknowledged',
        outcome: 'success',
        clinicId: me.clinicId,
        actor: me,
        resourceType: 'session_alert',
        resourceId: u.id,
        patientId: found.patientId,
        details: { code: u.code, severity: u.severity, escalationLevel: u.escalationLevel, secondsOpen: Math.round((now.getTime() - u.raisedAt.getTime()) / 1000) },
        meta,
        at: now,
      });
      await notifyBoard(tx, { k: 'alert', c: u.clinicId, s: u.sessionId, alerts: [{ id: u.id, code: u.code, severity: u.severity, message: u.message, raisedAt: u.raisedAt.toISOString(), escalationLevel: u.escalationLevel, acknowledgedAt: now.toISOString() }] });
      return u;
    });
    return presentAlert(row, new Map([[me.userId, me.name]]));
  },
});
