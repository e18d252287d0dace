import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record';
import { csContainers, csCountResolutions, csCounts } from '../../db/schema';
import type { Tx } from '../../db/types';
import { AppError } from '../../http/errors';
import { ChainWriter, NO_LINKS } from './chain-writer';
import { listCounts, type CountOut } from './counts-query';
import { violationError, type Signer, type WriteContext } from './movements';
import { lockContainers, shapeOf } from './repo';
import { evaluateCount, type CountLineInput } from './rules/count';
import type { ContainerStatus } from './rules/movement';

export interface CountInput {
  readonly kind: CountOut['kind'];
  readonly businessTime: 'opening' | 'close' | null;
  readonly notes: string | null;
  readonly lines: readonly CountLineInput[];
}

/**
 * Write a count by two people in the caller's transaction: lock every container in stock (and any
 * listed), refuse while an earlier discrepancy is unexplained, compare, and write one `count` entry per
 * container. Returns the count id.
 */
export async function writeCount(tx: Tx, ctx: WriteContext, witness: Signer, input: CountInput): Promise<string> {
  const countId = randomUUID();
  const inStock = async () => (await tx.select({ id: csContainers.id }).from(csContainers).where(and(eq(csContainers.clinicId, ctx.clinicId), eq(csContainers.status, 'in_stock')))).map((r) => r.id);
  const locked = await lockContainers(tx, ctx.clinicId, [...(await inStock()), ...input.lines.map((l) => l.containerId)]).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'NOT_FOUND' ? new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.lines', message: 'A listed container is not in this clinic.' }] }) : err;
  });
  const chain = await ChainWriter.open(tx, ctx.clinicId);
  const [open] = await listCounts(tx, ctx.clinicId, { unresolvedOnly: true }, 1);
  if (open !== undefined) {
    throw new AppError('STATE_TRANSITION_INVALID', {
      detail: `The count of ${open.countedAt.slice(0, 10)} found ${open.discrepancies} discrepanc${open.discrepancies === 1 ? 'y' : 'ies'} that an administrator has not resolved yet. Resolve it before the next count.`,
      extra: { unresolvedCountId: open.id },
    });
  }
  // Re-read under the chain lock: stock received meanwhile must be counted too.
  if ((await inStock()).some((id) => !locked.has(id))) {
    throw new AppError('CONFLICT', { detail: 'Stock arrived while you were counting. Reload and count again.' });
  }
  const candidates = [...locked.values()].map((c) => ({ id: c.row.id, containerNo: c.row.containerNo, status: c.row.status as ContainerStatus, balanceUg: c.row.balanceUg, balanceUnits: c.row.balanceUnits, product: shapeOf(c.product) }));
  const result = evaluateCount(candidates, input.lines);
  if (!result.ok) {
    throw violationError(result.violation);
  }
  await tx.insert(csCounts).values({
    id: countId,
    clinicId: ctx.clinicId,
    kind: input.kind,
    businessTime: input.kind === 'routine' ? null : input.businessTime,
    countedAt: ctx.now,
    performedBy: ctx.actor.userId,
    witnessId: witness.userId,
    containers: result.value.lines.length,
    discrepancies: result.value.discrepancies,
    notes: input.notes,
  });
  for (const line of result.value.lines) {
    await chain.append({
      ...NO_LINKS,
      kind: 'count',
      occurredAt: ctx.now,
      recordedAt: ctx.now,
      containerId: line.containerId,
      productId: locked.get(line.containerId)?.product.id ?? null,
      deltaUg: 0,
      balanceUg: line.expectedUg,
      balanceUnits: line.expectedUnits,
      refType: 'count',
      refId: countId,
      performedBy: ctx.actor.userId,
      performedByName: ctx.actor.name,
      signedWith: ctx.signedWith,
      witness1Id: witness.userId,
      witness1Name: witness.name,
      details: {
        countKind: input.kind,
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
    clinicId: ctx.clinicId,
    actor: ctx.actor,
    resourceType: 'cs_count',
    resourceId: countId,
    details: { kind: input.kind, containers: result.value.lines.length, discrepancies: result.value.discrepancies, witnessIds: [witness.userId] },
    meta: ctx.meta,
    at: ctx.now,
  });
  return countId;
}

/** Close a count's discrepancies with an explanation (written to the register). */
export async function writeResolution(tx: Tx, ctx: WriteContext, countId: string, explanation: string): Promise<void> {
  const chain = await ChainWriter.open(tx, ctx.clinicId);
  const [count] = await listCounts(tx, ctx.clinicId, { ids: [countId] }, 1);
  if (count?.status !== 'discrepancy') {
    throw new AppError('CONFLICT', { detail: 'This count has no open discrepancy (someone may have resolved it just now).' });
  }
  await tx.insert(csCountResolutions).values({ id: randomUUID(), clinicId: ctx.clinicId, countId, explanation, resolvedBy: ctx.actor.userId, resolvedAt: ctx.now });
  await chain.append({
    ...NO_LINKS,
    kind: 'count_resolution',
    deltaUg: 0,
    occurredAt: ctx.now,
    recordedAt: ctx.now,
    refType: 'count',
    refId: countId,
    performedBy: ctx.actor.userId,
    performedByName: ctx.actor.name,
    signedWith: ctx.signedWith,
    reason: explanation,
    details: { discrepancies: count.discrepancies },
  });
  await recordAudit(tx, { action: 'ledger.count_resolved', outcome: 'success', clinicId: ctx.clinicId, actor: ctx.actor, resourceType: 'cs_count', resourceId: countId, details: { discrepancies: count.discrepancies }, meta: ctx.meta, at: ctx.now });
}
