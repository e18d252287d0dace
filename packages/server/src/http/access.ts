import type { Action, PortalAction } from '../policy/policy';
import type { SessionStage } from './context';

/**
 * Every route declares its access. `public` routes need no session; `action` routes need an active
 * session whose role may perform the action. `stages` widens an action route to sessions that are
 * still completing sign-in (second factor or enrolment). `device` also lets a registered clinic device
 * (monitor or gateway) call the route with its bearer token instead of a staff session. `portal` routes need
 * a patient's portal session (its own cookie) and act only on that patient's record. While a staff session is
 * handed to a patient (tablet mode), only `tablet` routes answer it, and those naming a patient (`:id`) only
 * for that patient. A session turned into a wall display reaches only `display` routes (the board).
 */
export type Access =
  | { readonly public: true; readonly reason: string }
  | { readonly portal: PortalAction }
  | { readonly action: Action; readonly stages?: readonly SessionStage[]; readonly device?: true; readonly tablet?: true; readonly display?: true };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}
