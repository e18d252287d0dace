import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { clinics, users } from '../../db/schema';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { Role, SignInResult } from '../auth/schemas';
import { openSession } from '../auth/sign-in';
import { demoPortalLoginRoute } from './portal-demo';
import { DEMO_CLINIC_SLUG } from './seed';

/** Registered only when the server runs in demo mode (npm run demo), and only for the demo clinic. */
export const demoLoginRoute = defineRoute({
  method: 'POST',
  url: '/api/demo/login',
  access: { public: true, reason: 'Demo mode only: one-click sign-in to the synthetic demo clinic.' },
  summary: 'Demo mode: sign in to the demo clinic as a role',
  tags: ['Demo'],
  schema: { body: z.object({ role: Role }), response: { 200: SignInResult } },
  async handler({ body, deps, meta, reply }) {
    const now = deps.clock.now();
    const [row] = await deps.db
      .select({ user: users })
      .from(users)
      .innerJoin(clinics, eq(clinics.id, users.clinicId))
      .where(and(eq(clinics.slug, DEMO_CLINIC_SLUG), eq(clinics.isDemo, true), eq(users.role, body.role), eq(users.status, 'active')))
      .limit(1);
    if (row === undefined) {
      throw new AppError('NOT_FOUND', { detail: 'No demo user for that role.' });
    }
    const user = row.user;
    return deps.db.transaction(async (tx) => {
      const session = await openSession(tx, deps, reply, user, 'active', meta);
      await recordAudit(tx, {
        action: 'auth.login',
        outcome: 'success',
        clinicId: user.clinicId,
        actor: { userId: user.id, role: body.role },
        resourceType: 'session',
        resourceId: session.sessionId,
        details: { stage: 'active', via: 'demo' },
        meta,
        at: now,
      });
      return { stage: 'active' as const, csrfToken: session.csrfToken };
    });
  },
});

export const demoRoutes = [demoLoginRoute, demoPortalLoginRoute];
