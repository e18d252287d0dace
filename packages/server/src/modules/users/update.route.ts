import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { users } from '../../db/schema';
import { conflict } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { Role } from '../auth/schemas';
import { PersonName } from '../clinic/fields';
import { loadClinicUser, otherActiveAdmins } from './load';
import { presentUser, UserOut } from './presenters';

export const updateUserRoute = defineRoute({
  method: 'PATCH',
  url: '/api/users/:id',
  access: { action: 'user.update' },
  summary: "Change a staff member's name or role",
  description: 'The clinic always keeps at least one active administrator.',
  tags: ['Staff'],
  schema: {
    params: z.object({ id: z.uuid() }),
    body: z.object({ name: PersonName.optional(), role: Role.optional() }).refine((b) => b.name !== undefined || b.role !== undefined, {
      message: 'Change the name or the role',
    }),
    response: { 200: UserOut },
  },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const target = await loadClinicUser(deps, me, meta, params.id);
    return deps.db.transaction(async (tx) => {
      if (body.role !== undefined && body.role !== 'admin' && target.role === 'admin' && (await otherActiveAdmins(tx, me.clinicId, target.id)) === 0) {
        throw conflict('The clinic needs at least one active administrator. Make someone else an administrator first.');
      }
      const [updated] = await tx
        .update(users)
        .set({ ...(body.name === undefined ? {} : { name: body.name }), ...(body.role === undefined ? {} : { role: body.role }) })
        .where(eq(users.id, target.id))
        .returning();
      if (body.role !== undefined && body.role !== target.role) {
        await recordAudit(tx, {
          action: 'user.role_changed',
          outcome: 'success',
          clinicId: me.clinicId,
          actor: me,
          resourceType: 'user',
          resourceId: target.id,
          details: { from: target.role, to: body.role },
          meta,
          at: now,
        });
      }
      if (body.name !== undefined && body.name !== target.name) {
        await recordAudit(tx, { action: 'user.renamed', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'user', resourceId: target.id, meta, at: now });
      }
      return presentUser(updated as typeof users.$inferSelect, now);
    });
  },
});
