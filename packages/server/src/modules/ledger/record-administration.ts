/**
 * THE seam between treatment sessions and the controlled-substance ledger.
 *
 * The session's "dose given" calls `recordAdministration` inside its own transaction, so the dose and
 * the ledger entry commit (or roll back) together and a dose is never typed twice. The container row is
 * locked FOR UPDATE, so two nurses drawing from the same vial at once can never take more than it holds.
 * A dose drawn from two containers is two calls with the same `administrationId`; calling twice for the
 * same administration and container is refused (unique index), which makes retries safe.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Route } from '@ketapath/clinical';
import { clinics, csLedgerEntries, patients } from '../../db/schema';
import type { Tx } from '../../db/types';
import type { Actor, RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import { AppError } from '../../http/errors';
import { localDateOf } from '../../lib/zoned';
import { ChainWriter } from './chain-writer';
import { applyMovement } from './movements';
import { presentEntryBrief, type EntryBrief } from './presenters';
import { lockContainers } from './repo';

export interface RecordAdministrationInput {
  readonly clinicId: string;
  /** The person who gave the dose (the signed-in nurse or prescriber). */
  readonly actor: Actor;
  readonly meta: RequestMeta | null;
  readonly now: Date;
  readonly containerId: string;
  readonly patientId: string;
  /** The treatment session and its administration record (written first, in the same transaction). */
  readonly sessionId: string;
  readonly administrationId: string;
  /** The dose drawn from this container, in mg. */
  readonly amountMg: number;
  /** The volume drawn (liquids); checked against the dose and the product's strength. */
  readonly volumeMl?: number;
  /** Devices used (esketamine); checked against the dose (28 mg per device). */
  readonly devices?: number;
  readonly route: Route;
  /** When the dose was drawn, if not `now`. */
  readonly occurredAt?: Date;
  /** How the administration was signed; the session's own signature by default. */
  readonly signedWith?: string;
}

export type RecordAdministrationResult = EntryBrief;

/**
 * Validate and write the administration in the caller's transaction. Throws AppError (RULE_BLOCKED for an
 * expired container, a wrong route or more than the container holds; VALIDATION_FAILED for amounts that do
 * not add up; NOT_FOUND for a container or patient outside the clinic; CONFLICT when already recorded).
 */
export async function recordAdministration(tx: Tx, _deps: Pick<Deps, 'clock'>, input: RecordAdministrationInput): Promise<RecordAdministrationResult> {
  const bad = (['containerId', 'patientId', 'sessionId', 'administrationId'] as const).filter((k) => !z.uuid().safeParse(input[k]).success);
  if (bad.length > 0) {
    throw new AppError('VALIDATION_FAILED', { fields: bad.map((k) => ({ path: k, message: 'Not a valid id.' })) });
  }
  const locked = (await lockContainers(tx, input.clinicId, [input.containerId])).get(input.containerId);
  if (locked === undefined) {
    throw new AppError('NOT_FOUND', { detail: 'No such container in this clinic.' });
  }
  const [patient] = await tx.select({ id: patients.id }).from(patients).where(and(eq(patients.id, input.patientId), eq(patients.clinicId, input.clinicId)));
  if (patient === undefined) {
    throw new AppError('NOT_FOUND', { detail: 'No such patient in this clinic.' });
  }
  const [already] = await tx
    .select({ id: csLedgerEntries.id })
    .from(csLedgerEntries)
    .where(and(eq(csLedgerEntries.administrationId, input.administrationId), eq(csLedgerEntries.containerId, input.containerId)));
  if (already !== undefined) {
    throw new AppError('CONFLICT', { detail: 'This administration is already in the register for this container.', extra: { entryId: already.id } });
  }
  const [clinic] = await tx.select({ timeZone: clinics.timeZone }).from(clinics).where(eq(clinics.id, input.clinicId));
  if (clinic === undefined) {
    throw new AppError('NOT_FOUND', { detail: 'No such clinic.' });
  }
  const chain = await ChainWriter.open(tx, input.clinicId);
  const entry = await applyMovement(
    tx,
    chain,
    { clinicId: input.clinicId, actor: input.actor, meta: input.meta, now: input.now, today: localDateOf(input.occurredAt ?? input.now, clinic.timeZone), signedWith: input.signedWith ?? 'session' },
    locked,
    {
      kind: 'administration',
      quantity: { amountMg: input.amountMg, volumeMl: input.volumeMl, units: input.devices },
      route: input.route,
      patientId: patient.id,
      sessionId: input.sessionId,
      administrationId: input.administrationId,
    },
    input.occurredAt === undefined ? {} : { occurredAt: input.occurredAt },
  );
  return presentEntryBrief(entry, locked.product);
}
