import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { ensureContainer } from './repo';
import { Id, MovementResult, OptionalText, runMovement, Signature, signAndWitness, Text } from './route-support';

export const returnRoute = defineRoute({
  method: 'POST',
  url: '/api/ledger/containers/:id/return',
  access: { action: 'ledger.return' },
  summary: 'Return a container to the supplier (administrator; signed)',
  description: 'Everything left in the container leaves the clinic; the container is closed for good.',
  tags: ['Controlled drugs'],
  schema: {
    params: Id,
    body: z.object({
      supplierName: Text(160, 2, 'Enter who it goes back to'),
      reference: Text(80, 1, 'Enter the return authorisation or delivery note number'),
      reason: OptionalText(300),
      ...Signature,
    }),
    response: { 201: MovementResult },
  },
  async handler({ params, body, deps, actor, meta }) {
    const me = actor();
    await ensureContainer(deps, me, meta, params.id);
    const ctx = await signAndWitness(deps, me, meta, body, 'ledger.return');
    return runMovement(deps, ctx, params.id, { kind: 'return' }, { reason: body.reason, details: { supplierName: body.supplierName, reference: body.reference } });
  },
});
