import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { ensureContainer } from './repo';
import { Id, MovementResult, OptionalText, runMovement, Signature, signAndWitness } from './route-support';

export const transferRoute = defineRoute({
  method: 'POST',
  url: '/api/ledger/containers/:id/transfer',
  access: { action: 'ledger.transfer' },
  summary: 'Move a container to another storage location (signed)',
  tags: ['Controlled drugs'],
  schema: {
    params: Id,
    body: z.object({ toLocationId: z.uuid(), reason: OptionalText(300), ...Signature }),
    response: { 201: MovementResult },
  },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    await ensureContainer(deps, me, meta, params.id);
    const ctx = await signAndWitness(deps, me, meta, body, 'ledger.transfer');
    return runMovement(deps, ctx, params.id, { kind: 'transfer', toLocationId: body.toLocationId }, { reason: body.reason });
  },
});
