import { recordAuditStandalone } from '../audit/record';
import type { Actor, RequestMeta } from './context';
import type { Deps } from './deps';
import { notFound, type AppError } from './errors';

/**
 * A lookup scoped to the actor's clinic found nothing: the resource does not exist, or it belongs to
 * another clinic. Either way the answer is 404, and the attempt is audited.
 */
export async function auditedNotFound(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  resourceType: string,
  resourceId: string,
): Promise<AppError> {
  await recordAuditStandalone(deps.db, {
    action: 'access.not_found',
    outcome: 'denied',
    clinicId: actor.clinicId,
    actor,
    resourceType,
    resourceId,
    meta,
    at: deps.clock.now(),
  });
  return notFound(resourceType);
}
