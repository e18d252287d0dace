import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { LedgerDate } from './route-support';
import { csContainers, csLedgerEntries, csLocations, csProducts, patients } from '../../db/schema';
import type { Queryable } from '../../db/types';
import { addDays } from '@ketapath/clinical';
import { startOfLocalDay } from '../../lib/zoned';
import { formatMrn } from '../patients/presenters';
import { type EntryOut } from './presenters';
import { shapeOf } from './repo';
import { fromThousandths, volumeOf } from './rules/quantity';

export const ENTRY_KINDS = ['receipt', 'administration', 'waste', 'transfer', 'return', 'destruction', 'loss', 'adjustment', 'count', 'count_resolution'] as const;

/** Register filters: product, patient, container, kinds and a period of whole clinic-local days. */
export const RegisterFilter = z.object({
  productId: z.uuid().optional(),
  patientId: z.uuid().optional(),
  containerId: z.uuid().optional(),
  kind: z
    .string()
    .max(200)
    .optional()
    .transform((s) => (s === undefined || s === '' ? undefined : s.split(',')))
    .pipe(z.array(z.enum(ENTRY_KINDS)).max(ENTRY_KINDS.length).optional()),
  from: LedgerDate.optional(),
  to: LedgerDate.optional(),
});
export type RegisterFilter = z.infer<typeof RegisterFilter>;

const fromLoc = alias(csLocations, 'from_loc');
const toLoc = alias(csLocations, 'to_loc');

export function registerWhere(clinicId: string, timeZone: string, f: RegisterFilter): SQL {
  const where: SQL[] = [eq(csLedgerEntries.clinicId, clinicId)];
  if (f.productId !== undefined) {
    where.push(eq(csLedgerEntries.productId, f.productId));
  }
  if (f.patientId !== undefined) {
    where.push(eq(csLedgerEntries.patientId, f.patientId));
  }
  if (f.containerId !== undefined) {
    where.push(eq(csLedgerEntries.containerId, f.containerId));
  }
  if (f.kind !== undefined && f.kind.length > 0) {
    where.push(inArray(csLedgerEntries.kind, f.kind));
  }
  if (f.from !== undefined) {
    where.push(gte(csLedgerEntries.occurredAt, startOfLocalDay(f.from, timeZone)));
  }
  if (f.to !== undefined) {
    where.push(lt(csLedgerEntries.occurredAt, startOfLocalDay(addDays(f.to, 1), timeZone)));
  }
  return and(...where) as SQL;
}

/** Register entries, newest first (by chain sequence), each with its product, container, patient and places. */
export async function searchRegister(q: Queryable, clinicId: string, timeZone: string, f: RegisterFilter, page: { limit: number; beforeSeq?: number | undefined; oldestFirst?: boolean }): Promise<EntryOut[]> {
  const where = page.beforeSeq === undefined ? registerWhere(clinicId, timeZone, f) : (and(registerWhere(clinicId, timeZone, f), lt(csLedgerEntries.chainSeq, page.beforeSeq)) as SQL);
  const rows = await q
    .select({ e: csLedgerEntries, p: csProducts, c: csContainers, pt: patients, from: fromLoc.name, to: toLoc.name })
    .from(csLedgerEntries)
    .leftJoin(csProducts, eq(csProducts.id, csLedgerEntries.productId))
    .leftJoin(csContainers, eq(csContainers.id, csLedgerEntries.containerId))
    .leftJoin(patients, eq(patients.id, csLedgerEntries.patientId))
    .leftJoin(fromLoc, eq(fromLoc.id, csLedgerEntries.fromLocationId))
    .leftJoin(toLoc, eq(toLoc.id, csLedgerEntries.toLocationId))
    .where(where)
    .orderBy(page.oldestFirst === true ? csLedgerEntries.chainSeq : desc(csLedgerEntries.chainSeq))
    .limit(page.limit);
  return rows.map(({ e, p, c, pt, from, to }) => {
    const shape = p === null ? null : shapeOf(p);
    const ml = (ug: number | null) => (ug === null || shape === null ? null : volumeOf(shape, ug));
    const balanceMl = ml(e.balanceUg);
    const witnesses = [
      ...(e.witness1Name === null ? [] : [{ id: e.witness1Id, name: e.witness1Name }]),
      ...(e.witness2Name === null ? [] : [{ id: e.witness2Id, name: e.witness2Name }]),
    ];
    return {
      id: e.id,
      seq: e.chainSeq,
      kind: e.kind,
      occurredAt: e.occurredAt.toISOString(),
      recordedAt: e.recordedAt.toISOString(),
      container: c === null ? null : { id: c.id, no: c.containerNo, lot: c.lot },
      product: p === null ? null : { id: p.id, name: p.name, code: p.code },
      amountMg: fromThousandths(e.deltaUg),
      volumeMl: e.deltaUl === null ? null : fromThousandths(e.deltaUl),
      units: e.deltaUnits,
      balance: e.balanceUg === null ? null : { mg: fromThousandths(e.balanceUg), ml: balanceMl === null ? null : fromThousandths(balanceMl), units: e.balanceUnits },
      fromLocation: from,
      toLocation: to,
      patient: pt === null ? null : { id: pt.id, name: `${pt.legalFirstName} ${pt.legalLastName}`, mrn: formatMrn(pt.mrn), address: pt.address },
      sessionId: e.sessionId,
      administrationId: e.administrationId,
      route: e.route,
      performedBy: { id: e.performedBy, name: e.performedByName },
      signedWith: e.signedWith,
      witnesses,
      reason: e.reason,
      ref: e.refType === null || e.refId === null ? null : { type: e.refType, id: e.refId },
      details: (e.details ?? {}) as Record<string, unknown>,
      flagged: e.flagged,
      hash: e.hash,
    };
  });
}

/** Distinct patients in a list of entries (for the audit event of a register read). */
export function patientIdsOf(entries: readonly EntryOut[]): string[] {
  return [...new Set(entries.flatMap((e) => (e.patient === null ? [] : [e.patient.id])))];
}
