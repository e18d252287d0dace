import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { revokeSession } from '../../auth/sessions';
import { clearSessionCookie } from '../../http/auth-hook';
import type { SessionInfo } from '../../http/context';
import { defineRoute } from '../../http/route';

export const logoutRoute = defineRoute({
  method: 'POST',
  url: '/api/auth/logout',
  access: { action: 'self.read', stages: ['active', 'mfa_pending', 'mfa_enrolment'], tablet: true, display: true },
  summary: 'Sign out (revokes the session)',
  tags: ['Authentication'],
  schema: { response: { 204: z.null() } },
  async handler({ deps, meta, req, reply }) {
    const s = req.sessionInfo as SessionInfo;
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      await revokeSession(tx, s.id, now, 'logout');
      await recordAudit(tx, {
        action: 'auth.logout',
        outcome: 'success',
        clinicId: s.clinicId,
        actor: { userId: s.userId, role: s.role },
        resourceType: 'session',
        resourceId: s.id,
        meta,
        at: now,
      });
    });
    clearSessionCookie(reply, deps.config.cookieSecure);
    return null;
  },
});
