import { z } from 'zod';
import { Reauth, verifyReauth } from '../../auth/reauth';
import { verifyWitness, type WitnessInput } from '../../auth/witness';
import type { Actor, RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import { AppError } from '../../http/errors';
import { localDateOf } from '../../lib/zoned';
import { loadClinic, type ClinicRow } from '../clinic/load';
import { writeMovement, type MovementExtras, type MovementRequest, type Signer, type WriteContext } from './movements';
import { EntryBriefOut, presentEntryBrief, type EntryBrief } from './presenters';
import { loadProduct } from './repo';
import type { QuantityInput } from './rules/quantity';

export const Id = z.object({ id: z.uuid() });

/** A calendar date (YYYY-MM-DD) within a sane range, so date arithmetic never leaves the calendar. */
export const LedgerDate = z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2999-12-31', { message: 'Choose a date between 1900 and 2999' });

/** The performer's signature fields, spread into every write body (CONTRIBUTING: signatures take Reauth fields). */
export const Signature = Reauth.shape;

export const Text = (max: number, min = 1, message = 'Fill this in') => z.string().trim().min(min, message).max(max);
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s === undefined || s === null || s === '' ? null : s));

/** A positive amount typed by a person (the rules check decimals and units). */
export const Amount = z.number().positive().max(1_000_000).optional();

export interface SignedContext extends WriteContext {
  readonly clinic: ClinicRow;
}

/**
 * Verify the performer's signature and then each witness (all different people, all of this clinic),
 * and build the write context. Runs before the write transaction: failures are audited on their own.
 */
export async function signAndWitness(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  body: Reauth,
  purpose: string,
  witnesses: readonly { readonly input: WitnessInput; readonly path: string }[] = [],
): Promise<SignedContext> {
  const signedWith = await verifyReauth(deps, actor, meta, { password: body.password, ...(body.totpCode === undefined ? {} : { totpCode: body.totpCode }) }, purpose);
  const signers: Signer[] = [];
  for (const w of witnesses) {
    const v = await verifyWitness(deps, actor, meta, w.input, purpose, w.path);
    if (signers.some((s) => s.userId === v.userId)) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: `${w.path}.email`, message: 'Each witness must be a different person.' }] });
    }
    signers.push({ userId: v.userId, name: v.name, method: v.method });
  }
  const clinic = await loadClinic(deps.db, actor.clinicId);
  const now = deps.clock.now();
  return { clinic, clinicId: actor.clinicId, actor, meta, now, today: localDateOf(now, clinic.timeZone), signedWith, witnesses: signers };
}

/** Shared answer for a single-container write: what moved and what is left. */
export const MovementResult = EntryBriefOut;

/** One movement on one container in its own transaction (after the route has checked the container and the signatures). */
export async function runMovement(deps: Deps, ctx: SignedContext, containerId: string, req: MovementRequest, extras: MovementExtras = {}): Promise<EntryBrief> {
  return deps.db.transaction(async (tx) => {
    const entry = await writeMovement(tx, ctx, containerId, req, extras);
    const product = entry.productId === null ? undefined : await loadProduct(tx, ctx.clinicId, entry.productId);
    return presentEntryBrief(entry, product ?? null);
  });
}

/** Quantity fields of a body (mg, mL, units, or everything left). */
export const QuantityFields = {
  amountMg: Amount,
  volumeMl: Amount,
  units: z.number().int().positive().max(10_000).optional(),
  all: z.boolean().optional(),
};

export function quantityOf(b: { amountMg?: number | undefined; volumeMl?: number | undefined; units?: number | undefined; all?: boolean | undefined }): QuantityInput {
  return { amountMg: b.amountMg, volumeMl: b.volumeMl, units: b.units, all: b.all };
}
