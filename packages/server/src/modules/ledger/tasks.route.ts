import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { csTasks } from '../../db/schema';
import { AppError } from '../../http/errors';
import { auditedNotFound } from '../../http/not-found';
import { defineRoute } from '../../http/route';
import { localDateOf } from '../../lib/zoned';
import { loadClinic } from '../clinic/load';
import { Id, Signature, signAndWitness, Text } from './route-support';
import { presentTask, TaskOut } from './tasks-presenter';

const ORDER = { overdue: 0, due_today: 1, no_deadline: 2, open: 3, done: 4 } as const;

export const listTasksRoute = defineRoute({
  method: 'GET',
  url: '/api/ledger/tasks',
  access: { action: 'ledger.report_loss' },
  summary: 'To-do list of theft/loss deadlines: overdue first, then due today, then the rest',
  tags: ['Controlled drugs'],
  schema: {
    querystring: z.object({ show: z.enum(['open', 'all']).default('open') }),
    response: { 200: z.object({ tasks: z.array(TaskOut), today: z.string() }) },
  },
  async handler({ query, deps, actor }) {
    const me = actor();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const today = localDateOf(deps.clock.now(), clinic.timeZone);
    const rows = await deps.db
      .select()
      .from(csTasks)
      .where(query.show === 'open' ? and(eq(csTasks.clinicId, me.clinicId), isNull(csTasks.completedAt)) : eq(csTasks.clinicId, me.clinicId))
      .orderBy(asc(csTasks.dueDate), asc(csTasks.createdAt))
      .limit(500);
    const tasks = rows.map((t) => presentTask(t, today)).sort((a, b) => ORDER[a.state] - ORDER[b.state]);
    return { tasks, today };
  },
});

export const completeTaskRoute = defineRoute({
  method: 'POST',
  url: '/api/ledger/tasks/:id/complete',
  access: { action: 'ledger.report_loss' },
  summary: 'Mark a theft/loss deadline task done, with how it was done (signed)',
  tags: ['Controlled drugs'],
  schema: {
    params: Id,
    body: z.object({ reference: Text(300, 3, 'Say how it was done (e.g. email to the Field Division, Form 106 confirmation number)'), ...Signature }),
    response: { 200: TaskOut },
  },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const [task] = await deps.db.select().from(csTasks).where(and(eq(csTasks.id, params.id), eq(csTasks.clinicId, me.clinicId)));
    if (task === undefined) {
      throw await auditedNotFound(deps, me, meta, 'cs_task', params.id);
    }
    if (task.completedAt !== null) {
      throw new AppError('STATE_TRANSITION_INVALID', { detail: 'This task is already done.' });
    }
    const ctx = await signAndWitness(deps, me, meta, body, 'ledger.task');
    return deps.db.transaction(async (tx) => {
      const [row] = await tx
        .update(csTasks)
        .set({ completedAt: ctx.now, completedBy: me.userId, completionReference: body.reference })
        .where(and(eq(csTasks.id, task.id), isNull(csTasks.completedAt)))
        .returning();
      if (row === undefined) {
        throw new AppError('CONFLICT', { detail: 'Someone else completed this task just now.' });
      }
      await recordAudit(tx, { action: 'ledger.task_completed', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'cs_task', resourceId: task.id, details: { kind: task.kind, late: row.dueDate !== null && ctx.today > row.dueDate }, meta, at: ctx.now });
      return presentTask(row, ctx.today);
    });
  },
});
