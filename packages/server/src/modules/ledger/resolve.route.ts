import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { csCountResolutions } from '../../db/schema';
import { AppError } from '../../http/errors';
import { auditedNotFound } from '../../http/not-found';
import { defineRoute } from '../../http/route';
import { ChainWriter, NO_LINKS } from './chain-writer';
import { countLines, CountLineOut, CountOut, listCounts } from './counts-query';
import { Id, Signature, signAndWitness, Text } from './route-support';

export const resolveCountRoute = defineRoute({
  method: 'POST',
  url: '/api/ledger/counts/:id/resolve',
  access: { action: 'ledger.resolve' },
  summary: 'Explain and close the discrepancies of a count (administrator; signed)',
  description:
    'The explanation is written to the register. If stock is really missing, also record an adjustment (administrator) or a theft/loss report; resolving does not change any balance.',
  tags: ['Controlled drugs'],
  schema: {
    params: Id,
    body: z.object({ explanation: Text(4000, 10, 'Explain what caused the difference (at least 10 characters)'), ...Signature }),
    response: { 200: z.object({ count: CountOut, lines: z.array(CountLineOut) }) },
  },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    const [found] = await listCounts(deps.db, me.clinicId, { ids: [params.id] }, 1);
    if (found === undefined) {
      throw await auditedNotFound(deps, me, meta, 'cs_count', params.id);
    }
    if (found.status !== 'discrepancy') {
      throw new AppError('STATE_TRANSITION_INVALID', { detail: found.status === 'ok' ? 'This count had no discrepancy.' : 'This count is already resolved.' });
    }
    const ctx = await signAndWitness(deps, me, meta, body, 'ledger.resolve');
    await deps.db.transaction(async (tx) => {
      const chain = await ChainWriter.open(tx, me.clinicId);
      const [again] = await listCounts(tx, me.clinicId, { ids: [params.id] }, 1);
      if (again?.status !== 'discrepancy') {
        throw new AppError('CONFLICT', { detail: 'Someone else resolved this count just now.' });
      }
      await tx.insert(csCountResolutions).values({ id: randomUUID(), clinicId: me.clinicId, countId: params.id, explanation: body.explanation, resolvedBy: me.userId, resolvedAt: ctx.now });
      await chain.append({
        ...NO_LINKS,
        kind: 'count_resolution',
        deltaUg: 0,
        occurredAt: ctx.now,
        recordedAt: ctx.now,
        refType: 'count',
        refId: params.id,
        performedBy: me.userId,
        performedByName: me.name,
        signedWith: ctx.signedWith,
        reason: body.explanation,
        details: { discrepancies: found.discrepancies },
      });
      await recordAudit(tx, { action: 'ledger.count_resolved', outcome: 'success', clinicId: me.clinicId, actor: me, resourceType: 'cs_count', resourceId: params.id, details: { discrepancies: found.discrepancies }, meta, at: ctx.now });
    });
    const [count] = await listCounts(deps.db, me.clinicId, { ids: [params.id] }, 1);
    if (count === undefined) {
      throw new Error('count vanished');
    }
    return { count, lines: await countLines(deps.db, me.clinicId, params.id) };
  },
});
