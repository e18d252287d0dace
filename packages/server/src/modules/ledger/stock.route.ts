import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAuditStandalone } from '../../audit/record';
import { csContainers, csLocations, csProducts } from '../../db/schema';
import { defineRoute } from '../../http/route';
import { localDateOf } from '../../lib/zoned';
import { loadClinic } from '../clinic/load';
import { ContainerOut, EntryOut, presentContainer } from './presenters';
import { patientIdsOf, searchRegister } from './register-query';
import { ensureContainer } from './repo';
import { Id } from './route-support';

const STATUS_SETS = {
  in_stock: ['in_stock'],
  on_hand: ['in_stock', 'empty'],
  all: ['in_stock', 'empty', 'returned', 'destroyed', 'lost'],
} as const;

export const stockRoute = defineRoute({
  method: 'GET',
  url: '/api/ledger/stock',
  access: { action: 'ledger.read' },
  summary: 'Stock on hand: every container with product, lot, expiry, location and balance',
  description: '`show`: in_stock (default), on_hand (also empty containers), or all (also returned, destroyed and lost).',
  tags: ['Controlled drugs'],
  schema: {
    querystring: z.object({ show: z.enum(['in_stock', 'on_hand', 'all']).default('in_stock') }),
    response: { 200: z.object({ containers: z.array(ContainerOut), today: z.string() }) },
  },
  async handler({ query, deps, actor }) {
    const me = actor();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const today = localDateOf(deps.clock.now(), clinic.timeZone);
    const rows = await deps.db
      .select({ c: csContainers, p: csProducts, l: csLocations })
      .from(csContainers)
      .innerJoin(csProducts, eq(csProducts.id, csContainers.productId))
      .innerJoin(csLocations, eq(csLocations.id, csContainers.locationId))
      .where(and(eq(csContainers.clinicId, me.clinicId), inArray(csContainers.status, [...STATUS_SETS[query.show]])))
      .orderBy(asc(csContainers.expiryDate), asc(csContainers.containerNo))
      .limit(2000);
    return { containers: rows.map((r) => presentContainer(r.c, r.p, r.l, today)), today };
  },
});

export const containerRoute = defineRoute({
  method: 'GET',
  url: '/api/ledger/containers/:id',
  access: { action: 'ledger.read' },
  summary: 'One container and every register entry about it (audited: it names patients)',
  tags: ['Controlled drugs'],
  schema: { params: Id, response: { 200: z.object({ container: ContainerOut, entries: z.array(EntryOut) }) } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    await ensureContainer(deps, me, meta, params.id);
    const clinic = await loadClinic(deps.db, me.clinicId);
    const [row] = await deps.db
      .select({ c: csContainers, p: csProducts, l: csLocations })
      .from(csContainers)
      .innerJoin(csProducts, eq(csProducts.id, csContainers.productId))
      .innerJoin(csLocations, eq(csLocations.id, csContainers.locationId))
      .where(and(eq(csContainers.id, params.id), eq(csContainers.clinicId, me.clinicId)));
    if (row === undefined) {
      throw new Error('container vanished');
    }
    const entries = await searchRegister(deps.db, me.clinicId, clinic.timeZone, { containerId: params.id, kind: undefined }, { limit: 1000 });
    await recordAuditStandalone(deps.db, {
      action: 'ledger.container_read',
      outcome: 'success',
      clinicId: me.clinicId,
      actor: me,
      resourceType: 'cs_container',
      resourceId: params.id,
      details: { entries: entries.length, patientIds: patientIdsOf(entries) },
      meta,
      at: deps.clock.now(),
    });
    return { container: presentContainer(row.c, row.p, row.l, localDateOf(deps.clock.now(), clinic.timeZone)), entries };
  },
});

export const stockRoutes = [stockRoute, containerRoute];
