import type { Tx } from '../../db/types';
import type { Actor, RequestMeta } from '../../http/context';

export interface WithdrawalContext {
  readonly clinicId: string;
  readonly patientId: string;
  readonly kind: string;
  readonly actor: Actor;
  readonly meta: RequestMeta;
  readonly now: Date;
}

type Hook = (tx: Tx, ctx: WithdrawalContext) => Promise<number>;
const hooks: Hook[] = [];

/**
 * Other modules react to a withdrawal inside the same transaction (scheduling cancels future
 * sessions). Registration happens at module load, so consents need not import scheduling.
 */
export function registerWithdrawalHook(hook: Hook): void {
  hooks.push(hook);
}

export async function onConsentWithdrawn(tx: Tx, ctx: WithdrawalContext): Promise<number> {
  let total = 0;
  for (const hook of hooks) {
    total += await hook(tx, ctx);
  }
  return total;
}
