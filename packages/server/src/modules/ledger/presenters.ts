import { z } from 'zod';
import type { CsContainerRow, CsLedgerEntryRow, CsLocationRow, CsProductRow } from '../../db/schema';
import { shapeOf } from './repo';
import { expiryState } from './rules/inventory';
import { fromThousandths, volumeOf } from './rules/quantity';

const mg = (ug: number): number => fromThousandths(ug);
const orNull = (n: number | null): number | null => (n === null ? null : fromThousandths(n));

export const ProductOut = z.object({
  id: z.string(),
  name: z.string(),
  substance: z.enum(['ketamine', 'esketamine', 'other']),
  form: z.enum(['liquid', 'unit']),
  code: z.string().nullable(),
  codeSystem: z.string().nullable(),
  strengthMgPerMl: z.number().nullable(),
  containerVolumeMl: z.number().nullable(),
  unitLabel: z.string().nullable(),
  mgPerUnit: z.number().nullable(),
  unitsPerContainer: z.number().int().nullable(),
  containerMg: z.number(),
  description: z.string(),
  active: z.boolean(),
});
export type ProductOut = z.infer<typeof ProductOut>;

export function describeProduct(p: CsProductRow): string {
  if (p.form === 'liquid') {
    return `${orNull(p.strengthUgPerMl) ?? '?'} mg/mL, ${orNull(p.containerVolumeUl) ?? '?'} mL per container (${mg(p.containerUg)} mg)`;
  }
  return `${p.unitsPerContainer ?? '?'} ${p.unitLabel ?? 'unit'}s of ${orNull(p.ugPerUnit) ?? '?'} mg per container (${mg(p.containerUg)} mg)`;
}

export function presentProduct(p: CsProductRow): ProductOut {
  return {
    id: p.id,
    name: p.name,
    substance: p.substance as ProductOut['substance'],
    form: p.form as ProductOut['form'],
    code: p.code,
    codeSystem: p.codeSystem,
    strengthMgPerMl: orNull(p.strengthUgPerMl),
    containerVolumeMl: orNull(p.containerVolumeUl),
    unitLabel: p.unitLabel,
    mgPerUnit: orNull(p.ugPerUnit),
    unitsPerContainer: p.unitsPerContainer,
    containerMg: mg(p.containerUg),
    description: describeProduct(p),
    active: p.active,
  };
}

export const LocationOut = z.object({ id: z.string(), name: z.string(), kind: z.enum(['safe', 'cabinet', 'other']), active: z.boolean() });
export type LocationOut = z.infer<typeof LocationOut>;

export function presentLocation(l: CsLocationRow): LocationOut {
  return { id: l.id, name: l.name, kind: l.kind as LocationOut['kind'], active: l.active };
}

export const Balance = z.object({ mg: z.number(), ml: z.number().nullable(), units: z.number().int().nullable() });

export const ContainerOut = z.object({
  id: z.string(),
  no: z.number().int(),
  product: z.object({ id: z.string(), name: z.string(), form: z.enum(['liquid', 'unit']), substance: z.string(), code: z.string().nullable(), unitLabel: z.string().nullable() }),
  lot: z.string(),
  expiryDate: z.string(),
  expiry: z.enum(['expired', 'expiring', 'ok']),
  location: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(['in_stock', 'empty', 'returned', 'destroyed', 'lost']),
  balance: Balance,
  full: Balance,
  opened: z.boolean(),
});
export type ContainerOut = z.infer<typeof ContainerOut>;

export function presentContainer(c: CsContainerRow, p: CsProductRow, location: Pick<CsLocationRow, 'id' | 'name'>, today: string): ContainerOut {
  const shape = shapeOf(p);
  return {
    id: c.id,
    no: c.containerNo,
    product: { id: p.id, name: p.name, form: p.form as 'liquid' | 'unit', substance: p.substance, code: p.code, unitLabel: p.unitLabel },
    lot: c.lot,
    expiryDate: c.expiryDate,
    expiry: expiryState(c.expiryDate, today),
    location: { id: location.id, name: location.name },
    status: c.status as ContainerOut['status'],
    balance: { mg: mg(c.balanceUg), ml: orNull(volumeOf(shape, c.balanceUg)), units: c.balanceUnits },
    full: { mg: mg(p.containerUg), ml: orNull(p.containerVolumeUl), units: p.unitsPerContainer },
    opened: c.balanceUg < p.containerUg,
  };
}

export const EntryBriefOut = z.object({
  entryId: z.string(),
  seq: z.number().int(),
  kind: z.string(),
  containerId: z.string().nullable(),
  amountMg: z.number(),
  volumeMl: z.number().nullable(),
  units: z.number().int().nullable(),
  balance: Balance.nullable(),
});
export type EntryBrief = z.infer<typeof EntryBriefOut>;

/** A short answer for a write: what moved and what is left. */
export function presentEntryBrief(e: CsLedgerEntryRow, p: CsProductRow | null): EntryBrief {
  const shape = p === null ? null : shapeOf(p);
  return {
    entryId: e.id,
    seq: e.chainSeq,
    kind: e.kind,
    containerId: e.containerId,
    amountMg: mg(e.deltaUg),
    volumeMl: orNull(e.deltaUl),
    units: e.deltaUnits,
    balance: e.balanceUg === null ? null : { mg: mg(e.balanceUg), ml: shape === null ? null : orNull(volumeOf(shape, e.balanceUg)), units: e.balanceUnits },
  };
}

export const Person = z.object({ id: z.string().nullable(), name: z.string() });

export const EntryOut = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  container: z.object({ id: z.string(), no: z.number().int(), lot: z.string() }).nullable(),
  product: z.object({ id: z.string(), name: z.string(), code: z.string().nullable() }).nullable(),
  amountMg: z.number(),
  volumeMl: z.number().nullable(),
  units: z.number().int().nullable(),
  balance: Balance.nullable(),
  fromLocation: z.string().nullable(),
  toLocation: z.string().nullable(),
  patient: z.object({ id: z.string(), name: z.string(), mrn: z.string(), address: z.string().nullable() }).nullable(),
  sessionId: z.string().nullable(),
  administrationId: z.string().nullable(),
  route: z.string().nullable(),
  performedBy: Person,
  signedWith: z.string(),
  witnesses: z.array(Person),
  reason: z.string().nullable(),
  ref: z.object({ type: z.string(), id: z.string() }).nullable(),
  details: z.record(z.string(), z.unknown()),
  flagged: z.boolean(),
  hash: z.string(),
});
export type EntryOut = z.infer<typeof EntryOut>;
