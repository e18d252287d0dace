import { randomUUID } from 'node:crypto';
import type { Route } from '@ketapath/clinical';
import { and, eq } from 'drizzle-orm';
import { csContainers, csProducts, sessionAdministrations } from '../../db/schema';
import type { Queryable, Tx } from '../../db/types';
import type { Actor, RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import { AppError } from '../../http/errors';
import { recordAdministration } from '../ledger/record-administration';
import type { SessionRow } from './repo';

export interface AdministrationInput {
  readonly containerId?: string | undefined;
  readonly concentrationMgPerMl?: number | undefined;
  readonly lot?: string | undefined;
  readonly expiry?: string | undefined;
  readonly volumeMl?: number | undefined;
  readonly doseMg: number;
  readonly deviceNumber: number | null;
  readonly startedAt: Date;
  readonly stoppedAt: Date | null;
}

const SUBSTANCE: Readonly<Record<string, string>> = { esketamine_nasal: 'esketamine' };

/**
 * Whether this clinic keeps its controlled-drug register in Ketapath for the session's drug (any container
 * in stock): then every dose must name the container it is drawn from, so it is never typed twice.
 */
export async function ledgerInUse(q: Queryable, clinicId: string, route: string): Promise<boolean> {
  const substance = SUBSTANCE[route] ?? 'ketamine';
  const [row] = await q
    .select({ id: csContainers.id })
    .from(csContainers)
    .innerJoin(csProducts, eq(csProducts.id, csContainers.productId))
    .where(and(eq(csContainers.clinicId, clinicId), eq(csProducts.substance, substance), eq(csContainers.status, 'in_stock')))
    .limit(1);
  return row !== undefined;
}

/** A container's strength in mg/mL (liquids), or null for unit products and unknown containers. */
export async function containerStrength(q: Queryable, clinicId: string, containerId: string): Promise<number | null> {
  const [c] = await q
    .select({ strength: csProducts.strengthUgPerMl })
    .from(csContainers)
    .innerJoin(csProducts, eq(csProducts.id, csContainers.productId))
    .where(and(eq(csContainers.id, containerId), eq(csContainers.clinicId, clinicId)));
  return c?.strength === null || c?.strength === undefined ? null : c.strength / 1000;
}

/**
 * Record what was given, in the caller's transaction: the session's administration row and, when a
 * container is named, the register entry (which checks expiry, route and what the container holds).
 */
export async function writeAdministration(tx: Tx, deps: Deps, session: SessionRow, actor: Actor, meta: RequestMeta, now: Date, input: AdministrationInput): Promise<string> {
  const id = randomUUID();
  let drug = session.drug;
  let concentration = input.concentrationMgPerMl ?? null;
  let lot = input.lot ?? null;
  let expiry = input.expiry ?? null;
  if (input.containerId !== undefined) {
    const [c] = await tx
      .select({ lot: csContainers.lot, expiry: csContainers.expiryDate, name: csProducts.name, strength: csProducts.strengthUgPerMl })
      .from(csContainers)
      .innerJoin(csProducts, eq(csProducts.id, csContainers.productId))
      .where(and(eq(csContainers.id, input.containerId), eq(csContainers.clinicId, session.clinicId)));
    if (c === undefined) {
      throw new AppError('NOT_FOUND', { detail: 'No such controlled-drug container in this clinic.' });
    }
    drug = c.name;
    concentration = c.strength === null ? concentration : c.strength / 1000;
    lot = c.lot;
    expiry = c.expiry;
  }
  await tx.insert(sessionAdministrations).values({
    id,
    clinicId: session.clinicId,
    sessionId: session.id,
    drug,
    route: session.route,
    concentrationMgPerMl: concentration,
    lot,
    expiry,
    doseMg: input.doseMg,
    volumeMl: input.volumeMl ?? null,
    deviceNumber: input.deviceNumber,
    startedAt: input.startedAt,
    stoppedAt: input.stoppedAt,
    containerId: input.containerId ?? null,
    givenBy: actor.userId,
    recordedAt: now,
  });
  if (input.containerId !== undefined) {
    await recordAdministration(tx, deps, {
      clinicId: session.clinicId,
      actor,
      meta,
      now,
      containerId: input.containerId,
      patientId: session.patientId,
      sessionId: session.id,
      administrationId: id,
      amountMg: input.doseMg,
      ...(input.volumeMl === undefined || input.deviceNumber !== null ? {} : { volumeMl: input.volumeMl }),
      ...(input.deviceNumber === null ? {} : { devices: 1 }),
      route: session.route as Route,
      occurredAt: input.startedAt,
    });
  }
  return id;
}
