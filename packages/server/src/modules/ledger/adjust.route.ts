import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { ensureContainer } from './repo';
import { Id, MovementResult, QuantityFields, quantityOf, runMovement, Signature, signAndWitness, Text } from './route-support';

export const adjustRoute = defineRoute({
  method: 'POST',
  url: '/api/ledger/containers/:id/adjust',
  access: { action: 'ledger.adjust' },
  summary: 'Correct a container’s balance (administrator only, with a reason; flagged in every report)',
  description: 'Use only when the physical stock and the register disagree and no other entry explains it. Theft or significant loss must be reported as such instead.',
  tags: ['Controlled drugs'],
  schema: {
    params: Id,
    body: z.object({
      direction: z.enum(['add', 'remove']),
      amountMg: QuantityFields.amountMg,
      volumeMl: QuantityFields.volumeMl,
      units: QuantityFields.units,
      reason: Text(1000, 10, 'Explain the correction (at least 10 characters)'),
      ...Signature,
    }),
    response: { 201: MovementResult },
  },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    await ensureContainer(deps, me, meta, params.id);
    const ctx = await signAndWitness(deps, me, meta, body, 'ledger.adjustment');
    return runMovement(deps, ctx, params.id, { kind: 'adjustment', direction: body.direction, quantity: quantityOf(body) }, { reason: body.reason });
  },
});
