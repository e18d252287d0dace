import { eq } from 'drizzle-orm';
import type { Route } from '@ketapath/clinical';
import { recordAudit } from '../../audit/record';
import { csContainers, type CsLedgerEntryRow } from '../../db/schema';
import type { Tx } from '../../db/types';
import type { Actor, RequestMeta } from '../../http/context';
import { AppError } from '../../http/errors';
import { ChainWriter, NO_LINKS } from './chain-writer';
import { loadLocation, lockContainers, shapeOf, stateOf, type LockedContainer } from './repo';
import { planMovement, type Move } from './rules/movement';
import { resolveQuantity, type QuantityInput, type RuleViolation } from './rules/quantity';

/** Someone who signed an entry (the performer, or a witness). */
export interface Signer {
  readonly userId: string;
  readonly name: string;
  readonly method: string;
}

/** Who writes, when, and with which signatures. */
export interface WriteContext {
  readonly clinicId: string;
  readonly actor: Actor;
  readonly meta: RequestMeta | null;
  readonly now: Date;
  /** The clinic-local date today (expiry checks). */
  readonly today: string;
  /** How the performer signed: 'password', 'password+totp', or the record that carries the signature ('session'). */
  readonly signedWith: string;
  readonly witnesses?: readonly Signer[];
}

export type MovementRequest =
  | { readonly kind: 'administration'; readonly quantity: QuantityInput; readonly route: Route; readonly patientId: string; readonly sessionId: string | null; readonly administrationId: string | null }
  | { readonly kind: 'waste' | 'loss'; readonly quantity: QuantityInput }
  | { readonly kind: 'adjustment'; readonly quantity: QuantityInput; readonly direction: 'add' | 'remove' }
  | { readonly kind: 'destruction' | 'return' }
  | { readonly kind: 'transfer'; readonly toLocationId: string };

export interface MovementExtras {
  readonly reason?: string | null;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly refType?: string;
  readonly refId?: string;
  readonly occurredAt?: Date;
}

/** Turn a rule violation into the one error taxonomy, pointing at the request field when there is one. */
export function violationError(v: RuleViolation, fieldPrefix = 'body'): AppError {
  return new AppError(v.code, v.field === undefined ? { detail: v.message } : { detail: v.message, fields: [{ path: `${fieldPrefix}.${v.field}`, message: v.message }] });
}

async function toMove(tx: Tx, clinicId: string, locked: LockedContainer, req: MovementRequest): Promise<Move> {
  const balance = { ug: locked.row.balanceUg, units: locked.row.balanceUnits };
  const quantity = (input: QuantityInput) => {
    const r = resolveQuantity(shapeOf(locked.product), balance, input);
    if (!r.ok) {
      throw violationError(r.violation);
    }
    return r.value;
  };
  switch (req.kind) {
    case 'administration':
      return { kind: 'administration', quantity: quantity(req.quantity), route: req.route };
    case 'waste':
    case 'loss':
      return { kind: req.kind, quantity: quantity(req.quantity) };
    case 'adjustment':
      return { kind: 'adjustment', quantity: quantity(req.quantity), direction: req.direction };
    case 'destruction':
    case 'return':
      return { kind: req.kind };
    case 'transfer': {
      const to = await loadLocation(tx, clinicId, req.toLocationId);
      if (to === undefined) {
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.toLocationId', message: 'Choose a storage location of this clinic.' }] });
      }
      return { kind: 'transfer', toLocationId: to.id, toLocationActive: to.active };
    }
  }
}

/**
 * Validate one movement against a container already locked by this transaction, append it to the
 * chain, update the container's cached balance, and audit it. Throws (and so rolls the caller's
 * transaction back) when the movement is not allowed.
 */
export async function applyMovement(tx: Tx, chain: ChainWriter, ctx: WriteContext, locked: LockedContainer, req: MovementRequest, extras: MovementExtras = {}): Promise<CsLedgerEntryRow> {
  const move = await toMove(tx, ctx.clinicId, locked, req);
  const plan = planMovement(shapeOf(locked.product), stateOf(locked.row), move, ctx.today);
  if (!plan.ok) {
    throw violationError(plan.violation);
  }
  const p = plan.value;
  const [w1, w2] = ctx.witnesses ?? [];
  const admin = req.kind === 'administration' ? req : null;
  const entry = await chain.append({
    ...NO_LINKS,
    kind: req.kind,
    occurredAt: extras.occurredAt ?? ctx.now,
    recordedAt: ctx.now,
    containerId: locked.row.id,
    productId: locked.product.id,
    deltaUg: p.deltaUg,
    deltaUl: p.deltaUl,
    deltaUnits: p.deltaUnits,
    balanceUg: p.balanceUg,
    balanceUnits: p.balanceUnits,
    fromLocationId: p.fromLocationId,
    toLocationId: p.toLocationId,
    patientId: admin?.patientId ?? null,
    sessionId: admin?.sessionId ?? null,
    administrationId: admin?.administrationId ?? null,
    route: admin?.route ?? null,
    refType: extras.refType ?? null,
    refId: extras.refId ?? null,
    performedBy: ctx.actor.userId,
    performedByName: ctx.actor.name,
    signedWith: ctx.signedWith,
    witness1Id: w1?.userId ?? null,
    witness1Name: w1?.name ?? null,
    witness2Id: w2?.userId ?? null,
    witness2Name: w2?.name ?? null,
    reason: extras.reason ?? null,
    details: { ...extras.details, ...(w1 === undefined ? {} : { witnessMethods: [w1.method, ...(w2 === undefined ? [] : [w2.method])] }) },
    flagged: req.kind === 'adjustment',
  });
  await tx
    .update(csContainers)
    .set({ balanceUg: p.balanceUg, balanceUnits: p.balanceUnits, status: p.status, locationId: p.toLocationId ?? locked.row.locationId, updatedAt: ctx.now })
    .where(eq(csContainers.id, locked.row.id));
  await recordAudit(tx, {
    action: `ledger.${req.kind}_recorded`,
    outcome: 'success',
    clinicId: ctx.clinicId,
    actor: ctx.actor,
    resourceType: 'cs_container',
    resourceId: locked.row.id,
    ...(admin === null ? {} : { patientId: admin.patientId }),
    details: { entryId: entry.id, chainSeq: entry.chainSeq, kind: req.kind, witnessIds: (ctx.witnesses ?? []).map((w) => w.userId) },
    meta: ctx.meta,
    at: ctx.now,
  });
  return entry;
}

/** One movement on one container, in the caller's transaction: lock → chain → apply. */
export async function writeMovement(tx: Tx, ctx: WriteContext, containerId: string, req: MovementRequest, extras: MovementExtras = {}): Promise<CsLedgerEntryRow> {
  const locked = (await lockContainers(tx, ctx.clinicId, [containerId])).get(containerId);
  if (locked === undefined) {
    throw new AppError('NOT_FOUND', { detail: 'No such container in this clinic.' });
  }
  const chain = await ChainWriter.open(tx, ctx.clinicId);
  return applyMovement(tx, chain, ctx, locked, req, extras);
}
