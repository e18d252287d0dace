import { z } from 'zod';
import { WitnessInput } from '../../auth/witness';
import { AppError } from '../../http/errors';
import { auditedNotFound } from '../../http/not-found';
import { defineRoute } from '../../http/route';
import { writeCount } from './counts';
import { COUNT_KINDS, countLines, CountLineOut, CountOut, listCounts } from './counts-query';
import { Id, OptionalText, Signature, signAndWitness } from './route-support';

const Line = z.object({
  containerId: z.uuid(),
  countedMl: z.number().min(0).max(100_000).optional(),
  countedUnits: z.number().int().min(0).max(100_000).optional(),
  estimated: z.boolean().optional(),
});

export const recordCountRoute = defineRoute({
  method: 'POST',
  url: '/api/ledger/counts',
  access: { action: 'ledger.count' },
  summary: 'Record a stock count by two people (end of day, or an initial/biennial inventory)',
  description:
    'List every container in stock with what is physically there: mL left for liquids (an estimate is allowed for an opened container; mark it), the number of devices for kits. The second counter types their own email and password. Any difference is a discrepancy: an administrator must explain it before the next count.',
  tags: ['Controlled drugs'],
  schema: {
    body: z.object({
      kind: z.enum(COUNT_KINDS).default('routine'),
      businessTime: z.enum(['opening', 'close']).nullish(),
      notes: OptionalText(1000),
      lines: z.array(Line).max(1000),
      ...Signature,
      witness: WitnessInput,
    }),
    response: { 201: z.object({ count: CountOut, lines: z.array(CountLineOut) }) },
  },
  async handler({ body, deps, actor, meta }) {
    const me = actor();
    if (body.kind !== 'routine' && (body.businessTime === null || body.businessTime === undefined)) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.businessTime', message: 'Say whether the inventory was taken at opening or close of business.' }] });
    }
    const ctx = await signAndWitness(deps, me, meta, body, 'ledger.count', [{ input: body.witness, path: 'body.witness' }]);
    const witness = ctx.witnesses?.[0];
    if (witness === undefined) {
      throw new AppError('RULE_BLOCKED', { detail: 'A count needs a second counter.' });
    }
    const countId = await deps.db.transaction((tx) => writeCount(tx, ctx, witness, { kind: body.kind, businessTime: body.businessTime ?? null, notes: body.notes, lines: body.lines }));
    const [count] = await listCounts(deps.db, me.clinicId, { ids: [countId] }, 1);
    if (count === undefined) {
      throw new Error('count vanished');
    }
    return { count, lines: await countLines(deps.db, me.clinicId, countId) };
  },
});

export const listCountsRoute = defineRoute({
  method: 'GET',
  url: '/api/ledger/counts',
  access: { action: 'ledger.read' },
  summary: 'Stock counts and inventories, newest first, with their discrepancies and resolutions',
  tags: ['Controlled drugs'],
  schema: {
    querystring: z.object({ kind: z.enum([...COUNT_KINDS, 'inventory']).optional() }),
    response: { 200: z.object({ counts: z.array(CountOut) }) },
  },
  async handler({ query, deps, actor }) {
    const me = actor();
    const kinds = query.kind === undefined ? undefined : query.kind === 'inventory' ? ['initial_inventory', 'biennial_inventory'] : [query.kind];
    return { counts: await listCounts(deps.db, me.clinicId, kinds === undefined ? {} : { kinds }, 200) };
  },
});

export const getCountRoute = defineRoute({
  method: 'GET',
  url: '/api/ledger/counts/:id',
  access: { action: 'ledger.read' },
  summary: 'One count with counted against expected for every container',
  tags: ['Controlled drugs'],
  schema: { params: Id, response: { 200: z.object({ count: CountOut, lines: z.array(CountLineOut) }) } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const [count] = await listCounts(deps.db, me.clinicId, { ids: [params.id] }, 1);
    if (count === undefined) {
      throw await auditedNotFound(deps, me, meta, 'cs_count', params.id);
    }
    return { count, lines: await countLines(deps.db, me.clinicId, params.id) };
  },
});
