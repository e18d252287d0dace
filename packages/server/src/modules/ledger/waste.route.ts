import { z } from 'zod';
import { WitnessInput } from '../../auth/witness';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { ledgerRules } from './rules/jurisdiction';
import { ensureContainer } from './repo';
import { Id, MovementResult, QuantityFields, quantityOf, runMovement, Signature, signAndWitness, Text } from './route-support';

export const wasteRoute = defineRoute({
  method: 'POST',
  url: '/api/ledger/containers/:id/waste',
  access: { action: 'ledger.waste' },
  summary: 'Waste part or all of what is left in a container, witnessed by a second person on the same screen',
  description:
    'Give the amount (mg or mL for liquids, number of devices for kits) or `all: true` for the remainder. The performer signs with their password; the witness types their own email and password (and code if they use two-step sign-in).',
  tags: ['Controlled drugs'],
  schema: {
    params: Id,
    body: z.object({ ...QuantityFields, reason: Text(300, 3, 'Say why it is wasted (e.g. remainder after dose)'), ...Signature, witness: WitnessInput }),
    response: { 201: MovementResult },
  },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    await ensureContainer(deps, me, meta, params.id);
    const ctx = await signAndWitness(deps, me, meta, body, 'ledger.waste', [{ input: body.witness, path: 'body.witness' }]);
    const required = ledgerRules(ctx.clinic.jurisdiction).wasteWitnesses.value;
    if ((ctx.witnesses ?? []).length < required) {
      throw new AppError('RULE_BLOCKED', { detail: `Waste needs ${required} witnesses here.` });
    }
    return runMovement(deps, ctx, params.id, { kind: 'waste', quantity: quantityOf(body) }, { reason: body.reason });
  },
});
