import { z } from 'zod';
import { AppError } from '../../http/errors';
import { auditedNotFound } from '../../http/not-found';
import { defineRoute } from '../../http/route';
import { writeResolution } from './counts';
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
    await deps.db.transaction((tx) => writeResolution(tx, ctx, params.id, body.explanation));
    const [count] = await listCounts(deps.db, me.clinicId, { ids: [params.id] }, 1);
    if (count === undefined) {
      throw new Error('count vanished');
    }
    return { count, lines: await countLines(deps.db, me.clinicId, params.id) };
  },
});
