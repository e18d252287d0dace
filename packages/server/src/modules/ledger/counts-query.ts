import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { csContainers, csCountResolutions, csCounts, csLedgerEntries, csProducts, users } from '../../db/schema';
import type { Queryable } from '../../db/types';
import { Balance, Person } from './presenters';
import { fromThousandths } from './rules/quantity';

export const COUNT_KINDS = ['routine', 'initial_inventory', 'biennial_inventory'] as const;

export const CountOut = z.object({
  id: z.string(),
  kind: z.enum(COUNT_KINDS),
  businessTime: z.enum(['opening', 'close']).nullable(),
  countedAt: z.string(),
  performedBy: Person,
  witness: Person,
  containers: z.number().int(),
  discrepancies: z.number().int(),
  notes: z.string().nullable(),
  status: z.enum(['ok', 'discrepancy', 'resolved']),
  resolution: z.object({ explanation: z.string(), resolvedBy: Person, resolvedAt: z.string() }).nullable(),
});
export type CountOut = z.infer<typeof CountOut>;

export const CountLineOut = z.object({
  entryId: z.string(),
  container: z.object({ id: z.string(), no: z.number().int(), lot: z.string(), expiryDate: z.string() }),
  product: z.object({ id: z.string(), name: z.string(), form: z.string(), unitLabel: z.string().nullable(), code: z.string().nullable() }),
  expected: Balance,
  counted: Balance,
  differenceMg: z.number(),
  discrepancy: z.boolean(),
  estimated: z.boolean(),
});
export type CountLineOut = z.infer<typeof CountLineOut>;

const performer = alias(users, 'performer');
const witness = alias(users, 'witness');
const resolver = alias(users, 'resolver');

/** Counts of the clinic, newest first, with people and resolution. */
export async function listCounts(q: Queryable, clinicId: string, filter: { ids?: readonly string[]; unresolvedOnly?: boolean; kinds?: readonly string[] } = {}, limit = 100): Promise<CountOut[]> {
  const where = [eq(csCounts.clinicId, clinicId)];
  if (filter.ids !== undefined) {
    where.push(inArray(csCounts.id, [...filter.ids]));
  }
  if (filter.kinds !== undefined) {
    where.push(inArray(csCounts.kind, [...filter.kinds]));
  }
  if (filter.unresolvedOnly === true) {
    where.push(sql`${csCounts.discrepancies} > 0`, isNull(csCountResolutions.id));
  }
  const rows = await q
    .select({ c: csCounts, r: csCountResolutions, p: performer.name, w: witness.name, rn: resolver.name })
    .from(csCounts)
    .innerJoin(performer, eq(performer.id, csCounts.performedBy))
    .innerJoin(witness, eq(witness.id, csCounts.witnessId))
    .leftJoin(csCountResolutions, eq(csCountResolutions.countId, csCounts.id))
    .leftJoin(resolver, eq(resolver.id, csCountResolutions.resolvedBy))
    .where(and(...where))
    .orderBy(desc(csCounts.countedAt))
    .limit(limit);
  return rows.map(({ c, r, p, w, rn }) => ({
    id: c.id,
    kind: c.kind as CountOut['kind'],
    businessTime: c.businessTime as CountOut['businessTime'],
    countedAt: c.countedAt.toISOString(),
    performedBy: { id: c.performedBy, name: p },
    witness: { id: c.witnessId, name: w },
    containers: c.containers,
    discrepancies: c.discrepancies,
    notes: c.notes,
    status: c.discrepancies === 0 ? 'ok' : r === null ? 'discrepancy' : 'resolved',
    resolution: r === null ? null : { explanation: r.explanation, resolvedBy: { id: r.resolvedBy, name: rn ?? '' }, resolvedAt: r.resolvedAt.toISOString() },
  }));
}

interface CountDetails {
  expectedUl?: number | null;
  countedUg?: number;
  countedUl?: number | null;
  countedUnits?: number | null;
  differenceUg?: number;
  discrepancy?: boolean;
  estimated?: boolean;
}

const ml = (ul: number | null | undefined): number | null => (ul === null || ul === undefined ? null : fromThousandths(ul));

/** The lines of one count (its `count` entries in the register). */
export async function countLines(q: Queryable, clinicId: string, countId: string): Promise<CountLineOut[]> {
  const rows = await q
    .select({ e: csLedgerEntries, c: csContainers, p: csProducts })
    .from(csLedgerEntries)
    .innerJoin(csContainers, eq(csContainers.id, csLedgerEntries.containerId))
    .innerJoin(csProducts, eq(csProducts.id, csContainers.productId))
    .where(and(eq(csLedgerEntries.clinicId, clinicId), eq(csLedgerEntries.refId, countId), eq(csLedgerEntries.kind, 'count')))
    .orderBy(csContainers.containerNo);
  return rows.map(({ e, c, p }) => {
    const d = e.details as CountDetails;
    return {
      entryId: e.id,
      container: { id: c.id, no: c.containerNo, lot: c.lot, expiryDate: c.expiryDate },
      product: { id: p.id, name: p.name, form: p.form, unitLabel: p.unitLabel, code: p.code },
      expected: { mg: fromThousandths(e.balanceUg ?? 0), ml: ml(d.expectedUl), units: e.balanceUnits },
      counted: { mg: fromThousandths(d.countedUg ?? 0), ml: ml(d.countedUl), units: d.countedUnits ?? null },
      differenceMg: fromThousandths(d.differenceUg ?? 0),
      discrepancy: d.discrepancy === true,
      estimated: d.estimated === true,
    };
  });
}
