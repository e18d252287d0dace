/**
 * Turn this browser into a wall display of the monitoring board (decision 0010): the staff member's session then
 * answers only the board, is not ended by idleness (only by its absolute limit or by signing out), and cannot
 * open a chart or acknowledge an alert. Audited with who started it.
 */
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { startDisplay } from '../../auth/sessions';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';

export const boardDisplayRoute = defineRoute({
  method: 'POST',
  url: '/api/board/display',
  access: { action: 'board.read' },
  summary: 'Make this browser a wall display of the monitoring board until its session ends',
  description: 'The session then reaches only the board and its live stream (other routes answer DISPLAY_ONLY, audited) and no longer times out when idle; it still ends at its absolute limit or when someone signs out on the screen.',
  tags: ['Monitoring board'],
  schema: { response: { 200: z.object({ displayUntil: z.string() }) } },
  async handler({ deps, actor, req, meta }) {
    const me = actor();
    const s = req.sessionInfo;
    if (s === undefined) {
      throw new AppError('UNAUTHENTICATED');
    }
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      await startDisplay(tx, s.id, now, s.expiresAt);
      await recordAudit(tx, { action: 'board.display_started', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'session', resourceId: s.id, details: { until: s.expiresAt.toISOString() }, meta, at: now });
    });
    return { displayUntil: s.expiresAt.toISOString() };
  },
});
