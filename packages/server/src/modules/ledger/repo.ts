import { and, asc, eq, inArray } from 'drizzle-orm';
import { csContainers, csLocations, csProducts, type CsContainerRow, type CsLocationRow, type CsProductRow } from '../../db/schema';
import type { Queryable, Tx } from '../../db/types';
import type { Actor, RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import { AppError } from '../../http/errors';
import { auditedNotFound } from '../../http/not-found';
import type { ContainerState, ContainerStatus } from './rules/movement';
import type { ProductShape, ProductForm, Substance } from './rules/quantity';

export interface LockedContainer {
  readonly row: CsContainerRow;
  readonly product: CsProductRow;
}

export function shapeOf(p: CsProductRow): ProductShape {
  return {
    form: p.form as ProductForm,
    substance: p.substance as Substance,
    strengthUgPerMl: p.strengthUgPerMl,
    containerVolumeUl: p.containerVolumeUl,
    ugPerUnit: p.ugPerUnit,
    unitsPerContainer: p.unitsPerContainer,
    containerUg: p.containerUg,
    unitLabel: p.unitLabel,
  };
}

export function stateOf(c: CsContainerRow): ContainerState {
  return {
    containerNo: c.containerNo,
    status: c.status as ContainerStatus,
    balanceUg: c.balanceUg,
    balanceUnits: c.balanceUnits,
    expiryDate: c.expiryDate,
    locationId: c.locationId,
  };
}

/**
 * Lock containers of the clinic FOR UPDATE, in id order (so concurrent writers never deadlock), with
 * their products. Throws NOT_FOUND (not audited: the caller's transaction rolls back) for any id that is
 * not a container of this clinic; routes check existence first with `ensureContainer`.
 */
export async function lockContainers(tx: Tx, clinicId: string, ids: readonly string[]): Promise<Map<string, LockedContainer>> {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await tx
    .select({ row: csContainers, product: csProducts })
    .from(csContainers)
    .innerJoin(csProducts, eq(csProducts.id, csContainers.productId))
    .where(and(eq(csContainers.clinicId, clinicId), inArray(csContainers.id, unique)))
    .orderBy(asc(csContainers.id))
    .for('update', { of: csContainers });
  const map = new Map(rows.map((r) => [r.row.id, r]));
  for (const id of unique) {
    if (!map.has(id)) {
      throw new AppError('NOT_FOUND', { detail: 'No such container in this clinic.' });
    }
  }
  return map;
}

/** Check (before any transaction) that a container belongs to the actor's clinic; answer an audited 404 otherwise. */
export async function ensureContainer(deps: Deps, actor: Actor, meta: RequestMeta, containerId: string): Promise<CsContainerRow> {
  const [row] = await deps.db.select().from(csContainers).where(and(eq(csContainers.id, containerId), eq(csContainers.clinicId, actor.clinicId)));
  if (row === undefined) {
    throw await auditedNotFound(deps, actor, meta, 'container', containerId);
  }
  return row;
}

export async function ensureContainers(deps: Deps, actor: Actor, meta: RequestMeta, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const rows = unique.length === 0 ? [] : await deps.db.select({ id: csContainers.id }).from(csContainers).where(and(eq(csContainers.clinicId, actor.clinicId), inArray(csContainers.id, unique)));
  const found = new Set(rows.map((r) => r.id));
  const missing = unique.find((id) => !found.has(id));
  if (missing !== undefined) {
    throw await auditedNotFound(deps, actor, meta, 'container', missing);
  }
}

export async function loadLocation(q: Queryable, clinicId: string, id: string): Promise<CsLocationRow | undefined> {
  const [row] = await q.select().from(csLocations).where(and(eq(csLocations.id, id), eq(csLocations.clinicId, clinicId)));
  return row;
}

export async function loadProduct(q: Queryable, clinicId: string, id: string): Promise<CsProductRow | undefined> {
  const [row] = await q.select().from(csProducts).where(and(eq(csProducts.id, id), eq(csProducts.clinicId, clinicId)));
  return row;
}
