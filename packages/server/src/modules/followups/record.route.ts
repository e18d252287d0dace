import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { followUpResults, followUpReviews } from '../../db/schema';
import { AppError } from '../../http/errors';
import { auditedNotFound } from '../../http/not-found';
import { defineRoute } from '../../http/route';
import { localDateOf } from '../../lib/zoned';
import { loadClinic } from '../clinic/load';
import { loadPatient } from '../patients/repo';
import { loadResults } from './results';
import { RecordResultIn, ResultOut, ReviewIn } from './schemas';

export const recordFollowUpRoute = defineRoute({
  method: 'POST',
  url: '/api/patients/:id/follow-ups',
  access: { action: 'followup.record' },
  summary: 'Record a follow-up result (a positive screen or abnormal result becomes a finding for the prescriber)',
  description: 'Results are never changed: a correction is a new result naming the one it replaces (`replacesId`).',
  tags: ['Follow-up'],
  schema: { params: z.object({ id: z.uuid() }), body: RecordResultIn, response: { 201: ResultOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const p = await loadPatient(deps, me, meta, params.id);
    const clinic = await loadClinic(deps.db, me.clinicId);
    const now = deps.clock.now();
    if (body.doneOn > localDateOf(now, clinic.timeZone)) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.doneOn', message: 'The date cannot be in the future.' }] });
    }
    if (body.replacesId !== undefined) {
      const [old] = await deps.db.select({ id: followUpResults.id }).from(followUpResults).where(and(eq(followUpResults.id, body.replacesId), eq(followUpResults.patientId, p.id)));
      if (old === undefined) {
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.replacesId', message: 'That result is not in this patient’s record.' }] });
      }
    }
    const id = randomUUID();
    await deps.db.transaction(async (tx) => {
      await tx.insert(followUpResults).values({ id, clinicId: me.clinicId, patientId: p.id, item: body.item, doneOn: body.doneOn, outcome: body.outcome, summary: body.summary ?? null, replacesId: body.replacesId ?? null, recordedBy: me.userId, recordedAt: now });
      await recordAudit(tx, { action: 'followup.recorded', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'follow_up_result', resourceId: id, patientId: p.id, details: { item: body.item, outcome: body.outcome }, meta, at: now });
    });
    const [row] = (await loadResults(deps.db, me.clinicId, { patientId: p.id })).filter((r) => r.id === id);
    if (row === undefined) {
      throw new Error('recorded follow-up result not found');
    }
    return row;
  },
});

export const reviewFollowUpRoute = defineRoute({
  method: 'POST',
  url: '/api/follow-ups/results/:id/review',
  access: { action: 'followup.review' },
  summary: 'The prescriber records what was decided about a positive follow-up result (closes the finding)',
  tags: ['Follow-up'],
  schema: { params: z.object({ id: z.uuid() }), body: ReviewIn, response: { 200: ResultOut } },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const [r] = await deps.db.select().from(followUpResults).where(and(eq(followUpResults.id, params.id), eq(followUpResults.clinicId, me.clinicId)));
    if (r === undefined) {
      throw await auditedNotFound(deps, me, meta, 'follow_up_result', params.id);
    }
    if (r.outcome !== 'positive') {
      throw new AppError('CONFLICT', { detail: 'Only a positive result needs a prescriber review.' });
    }
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      const [done] = await tx.select({ id: followUpReviews.id }).from(followUpReviews).where(eq(followUpReviews.resultId, r.id)).for('update');
      if (done !== undefined) {
        throw new AppError('CONFLICT', { detail: 'This result has already been reviewed.' });
      }
      await tx.insert(followUpReviews).values({ id: randomUUID(), clinicId: me.clinicId, resultId: r.id, note: body.note, reviewedBy: me.userId, reviewedAt: now });
      await recordAudit(tx, { action: 'followup.reviewed', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'follow_up_result', resourceId: r.id, patientId: r.patientId, details: { item: r.item }, meta, at: now });
    });
    const [row] = (await loadResults(deps.db, me.clinicId, { patientId: r.patientId })).filter((x) => x.id === r.id);
    if (row === undefined) {
      throw new Error('reviewed follow-up result not found');
    }
    return row;
  },
});
