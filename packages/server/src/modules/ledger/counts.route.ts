import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { WitnessInput } from '../../auth/witness';
import { csContainers, csCounts } from '../../db/schema';
import { AppError } from '../../http/errors';
import { auditedNotFound } from '../../http/not-found';
import { defineRoute } from '../../http/route';
import { ChainWriter, NO_LINKS } from './chain-writer';
import { COUNT_KINDS, countLines, CountLineOut, CountOut, listCounts } from './counts-query';
import { violationError } from './movements';
import { lockContainers, shapeOf } from './repo';
import { Id, OptionalText, Signature, signAndWitness } from './route-support';
import { evaluateCount } from './rules/count';
import type { ContainerStatus } from './rules/movement';

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
    const countId = randomUUID();
    await deps.db.transaction(async (tx) => {
      const inStock = await tx
        .select({ id: csContainers.id })
        .from(csContainers)
        .where(and(eq(csContainers.clinicId, me.clinicId), eq(csContainers.status, 'in_stock')));
      const locked = await lockContainers(tx, me.clinicId, [...inStock.map((r) => r.id), ...body.lines.map((l) => l.containerId)]).catch((err: unknown) => {
        throw err instanceof AppError && err.code === 'NOT_FOUND' ? new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.lines', message: 'A listed container is not in this clinic.' }] }) : err;
      });
      const chain = await ChainWriter.open(tx, me.clinicId);
      const [open] = await listCounts(tx, me.clinicId, { unresolvedOnly: true }, 1);
      if (open !== undefined) {
        throw new AppError('STATE_TRANSITION_INVALID', {
          detail: `The count of ${open.countedAt.slice(0, 10)} found ${open.discrepancies} discrepanc${open.discrepancies === 1 ? 'y' : 'ies'} that an administrator has not resolved yet. Resolve it before the next count.`,
          extra: { unresolvedCountId: open.id },
        });
      }
      // Re-read after the chain lock: a container received meanwhile must be counted too.
      const nowInStock = await tx.select({ id: csContainers.id }).from(csContainers).where(and(eq(csContainers.clinicId, me.clinicId), inArray(csContainers.status, ['in_stock'])));
      const candidates = [...locked.values()].map((c) => ({ id: c.row.id, containerNo: c.row.containerNo, status: c.row.status as ContainerStatus, balanceUg: c.row.balanceUg, balanceUnits: c.row.balanceUnits, product: shapeOf(c.product) }));
      if (nowInStock.some((r) => !locked.has(r.id))) {
        throw new AppError('CONFLICT', { detail: 'Stock arrived while you were counting. Reload and count again.' });
      }
      const result = evaluateCount(candidates, body.lines);
      if (!result.ok) {
        throw violationError(result.violation);
      }
      await tx.insert(csCounts).values({
        id: countId,
        clinicId: me.clinicId,
        kind: body.kind,
        businessTime: body.kind === 'routine' ? null : (body.businessTime ?? null),
        countedAt: ctx.now,
        performedBy: me.userId,
        witnessId: witness.userId,
        containers: result.value.lines.length,
        discrepancies: result.value.discrepancies,
        notes: body.notes,
      });
      for (const line of result.value.lines) {
        const c = locked.get(line.containerId);
        await chain.append({
          ...NO_LINKS,
          kind: 'count',
          occurredAt: ctx.now,
          recordedAt: ctx.now,
          containerId: line.containerId,
          productId: c?.product.id ?? null,
          deltaUg: 0,
          balanceUg: line.expectedUg,
          balanceUnits: line.expectedUnits,
          refType: 'count',
          refId: countId,
          performedBy: me.userId,
          performedByName: me.name,
          signedWith: ctx.signedWith,
          witness1Id: witness.userId,
          witness1Name: witness.name,
          details: {
            countKind: body.kind,
            expectedUl: line.expectedUl,
            countedUg: line.countedUg,
            countedUl: line.countedUl,
            countedUnits: line.countedUnits,
            differenceUg: line.differenceUg,
            discrepancy: line.discrepancy,
            estimated: line.estimated,
          },
        });
      }
      await recordAudit(tx, {
        action: 'ledger.count_recorded',
        outcome: 'success',
        clinicId: me.clinicId,
        actor: me,
        resourceType: 'cs_count',
        resourceId: countId,
        details: { kind: body.kind, containers: result.value.lines.length, discrepancies: result.value.discrepancies, witnessIds: [witness.userId] },
        meta,
        at: ctx.now,
      });
    });
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
