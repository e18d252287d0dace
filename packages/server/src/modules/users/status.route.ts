import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { revokeUserSessions } from '../../auth/sessions';
import { recoveryCodes, users } from '../../db/schema';
import type { Tx } from '../../db/types';
import type { Action } from '../../policy/policy';
import { conflict } from '../../http/errors';
import { defineRoute, type RouteDef } from '../../http/route';
import { loadClinicUser, otherActiveAdmins } from './load';
import { presentUser, UserOut } from './presenters';

type Target = typeof users.$inferSelect;

interface StatusAction {
  readonly path: string;
  readonly action: Action;
  readonly audit: string;
  readonly summary: string;
  readonly description: string;
  readonly apply: (tx: Tx, target: Target, ctx: { now: Date; actorId: string; clinicId: string }) => Promise<void>;
}

const ACTIONS: readonly StatusAction[] = [
  {
    path: 'deactivate',
    action: 'user.deactivate',
    audit: 'user.deactivated',
    summary: 'Deactivate a staff account (signs it out everywhere)',
    description: 'You cannot deactivate yourself or the last active administrator. Records are kept.',
    async apply(tx, target, { now, actorId, clinicId }) {
      if (target.id === actorId) {
        throw conflict('You cannot deactivate your own account.');
      }
      if (target.role === 'admin' && (await otherActiveAdmins(tx, clinicId, target.id)) === 0) {
        throw conflict('The clinic needs at least one active administrator.');
      }
      await tx.update(users).set({ status: 'deactivated' }).where(eq(users.id, target.id));
      await revokeUserSessions(tx, target.id, now, 'deactivated');
    },
  },
  {
    path: 'reactivate',
    action: 'user.deactivate',
    audit: 'user.reactivated',
    summary: 'Reactivate a deactivated staff account',
    description: 'The person signs in with their existing password.',
    async apply(tx, target) {
      await tx.update(users).set({ status: 'active', failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, target.id));
    },
  },
  {
    path: 'unlock',
    action: 'user.unlock',
    audit: 'user.unlocked',
    summary: 'Unlock an account locked after failed sign-ins',
    description: 'Clears the failure count and the lock.',
    async apply(tx, target) {
      await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, target.id));
    },
  },
  {
    path: 'reset-mfa',
    action: 'user.reset_mfa',
    audit: 'user.mfa_reset',
    summary: "Reset a staff member's two-step sign-in (lost phone)",
    description: 'Removes the authenticator and recovery codes and signs the person out; they enrol again at next sign-in.',
    async apply(tx, target, { now }) {
      await tx
        .update(users)
        .set({ mfaSecret: null, mfaPendingSecret: null, mfaEnabledAt: null, mfaLastStep: null })
        .where(eq(users.id, target.id));
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, target.id));
      await revokeUserSessions(tx, target.id, now, 'mfa_reset');
    },
  },
];

export const userStatusRoutes: RouteDef[] = ACTIONS.map((a) =>
  defineRoute({
    method: 'POST',
    url: `/api/users/:id/${a.path}`,
    access: { action: a.action },
    summary: a.summary,
    description: a.description,
    tags: ['Staff'],
    schema: { params: z.object({ id: z.uuid() }), response: { 200: UserOut } },
    async handler({ params, deps, actor, meta }) {
      const me = actor();
      const now = deps.clock.now();
      const target = await loadClinicUser(deps, me, meta, params.id);
      return deps.db.transaction(async (tx) => {
        await a.apply(tx, target, { now, actorId: me.userId, clinicId: me.clinicId });
        await recordAudit(tx, { action: a.audit, outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'user', resourceId: target.id, meta, at: now });
        const [updated] = await tx.select().from(users).where(eq(users.id, target.id));
        return presentUser(updated as Target, now);
      });
    },
  }),
);
