import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit, recordAuditStandalone } from '../audit/record';
import { authenticateDevice } from '../auth/devices';
import { clearPortalCookie, lookupPatientSession, PORTAL_COOKIE } from '../auth/patient-sessions';
import { lookupSession, revokeSession, SESSION_COOKIE, touchSession } from '../auth/sessions';
import { can } from '../policy/policy';
import type { Access } from './access';
import type { SessionInfo } from './context';
import type { Deps } from './deps';
import { AppError } from './errors';
import { requestMeta, type App } from './route';

export const CSRF_HEADER = 'x-ketapath-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_AFTER_MS = 30_000;

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** Refuse cross-site state-changing requests whose Origin is not this server. */
function checkOrigin(req: FastifyRequest, deps: Deps): void {
  const origin = req.headers.origin;
  if (origin === undefined || origin === '') {
    return;
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError('CSRF_FAILED', { detail: 'Unrecognised Origin header.' });
  }
  const allowed = new Set([new URL(deps.config.publicUrl).host, req.host]);
  if (!allowed.has(originHost)) {
    throw new AppError('CSRF_FAILED', { detail: 'Cross-site request refused.' });
  }
}

/** Portal routes: the patient's own session (portal cookie), CSRF and idle timeout; nothing else is accepted. */
async function authenticatePatient(req: FastifyRequest, reply: FastifyReply, deps: Deps, stateChanging: boolean): Promise<void> {
  const token = req.cookies[PORTAL_COOKIE];
  if (token === undefined || token === '') {
    throw new AppError('UNAUTHENTICATED');
  }
  const now = deps.clock.now();
  const found = await lookupPatientSession(deps.db, token, now);
  if (found.status === 'none') {
    clearPortalCookie(reply, deps.config.cookieSecure);
    throw new AppError('UNAUTHENTICATED');
  }
  if (found.status === 'expired') {
    await deps.db.transaction(async (tx) => {
      await revokeSession(tx, found.sessionId, now, found.reason === 'idle' ? 'idle_timeout' : 'absolute_timeout');
      await recordAudit(tx, { action: 'portal.session_expired', outcome: 'success', clinicId: found.clinicId, actor: { userId: found.accountId, role: 'patient' }, resourceType: 'session', resourceId: found.sessionId, details: { reason: found.reason }, meta: requestMeta(req), at: now });
    });
    clearPortalCookie(reply, deps.config.cookieSecure);
    throw new AppError('SESSION_EXPIRED');
  }
  if (stateChanging && req.headers[CSRF_HEADER] !== found.actor.csrfToken) {
    throw new AppError('CSRF_FAILED');
  }
  req.patient = found.actor;
  if (now.getTime() - found.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await touchSession(deps.db, found.actor.sessionId, now);
  }
}

/** A staff route called with only a patient's portal cookie: refused and audited (a patient is never staff). */
async function refusePatientOnStaffRoute(req: FastifyRequest, deps: Deps): Promise<void> {
  const token = req.cookies[PORTAL_COOKIE];
  if (token === undefined || token === '') {
    return;
  }
  const found = await lookupPatientSession(deps.db, token, deps.clock.now());
  if (found.status === 'ok') {
    await recordAuditStandalone(deps.db, { action: 'access.forbidden', outcome: 'denied', clinicId: found.actor.clinicId, actor: { userId: found.actor.accountId, role: 'patient' }, details: { attempted: 'staff_route', route: req.routeOptions.url ?? '' }, meta: requestMeta(req), at: deps.clock.now() });
    throw new AppError('FORBIDDEN', { detail: 'This page is for clinic staff.' });
  }
}

/**
 * A narrowed staff session reaching past what it is for, or null. Tablet mode (handed to a patient) answers only
 * `tablet` routes, and those under a patient (`/api/patients/:id/…`) only for that patient; a wall display answers
 * only `display` routes (the board).
 */
function narrowedRefusal(req: FastifyRequest, access: Extract<Access, { action: unknown }>, session: SessionInfo): { code: 'TABLET_LOCKED' | 'DISPLAY_ONLY'; details: Record<string, unknown> } | null {
  if (session.display && access.display !== true) {
    return { code: 'DISPLAY_ONLY', details: { wallDisplay: true } };
  }
  if (session.tabletPatientId === null) {
    return null;
  }
  const url = req.routeOptions.url ?? '';
  const id = (req.params as Record<string, unknown> | undefined)?.id;
  const named = url.startsWith('/api/patients/:id') ? (typeof id === 'string' ? id.toLowerCase() : '') : null;
  return access.tablet === true && (named === null || named === session.tabletPatientId) ? null : { code: 'TABLET_LOCKED', details: { tabletMode: true } };
}

/** Refuse and audit a narrowed session's request beyond its routes: someone is trying to reach past the questionnaires or the board. */
async function refuseNarrowed(req: FastifyRequest, deps: Deps, access: Extract<Access, { action: unknown }>, session: SessionInfo): Promise<void> {
  const refusal = narrowedRefusal(req, access, session);
  if (refusal === null) {
    return;
  }
  await recordAuditStandalone(deps.db, {
    action: 'access.forbidden',
    outcome: 'denied',
    clinicId: session.clinicId,
    actor: { userId: session.userId, role: session.role },
    ...(session.tabletPatientId === null ? {} : { patientId: session.tabletPatientId }),
    details: { attempted: access.action, route: req.routeOptions.url ?? '', ...refusal.details },
    meta: requestMeta(req),
    at: deps.clock.now(),
  });
  throw new AppError(refusal.code);
}

/**
 * The central gate: every route's declared access is enforced here before validation or the handler.
 * Authenticate (session cookie, or a device token on `device` routes) → check sign-in stage → CSRF →
 * authorize (role × action). Device requests carry no cookie, so CSRF does not apply to them.
 */
export function installAuthHook(app: App, deps: Deps): void {
  app.addHook('onRequest', async (req, reply) => {
    const access: Access | undefined = req.routeOptions.config.access;
    if (access === undefined) {
      return;
    }
    const stateChanging = !SAFE_METHODS.has(req.method);
    if (stateChanging) {
      checkOrigin(req, deps);
    }
    const token = req.cookies[SESSION_COOKIE];
    const now = deps.clock.now();
    const bearer = req.headers.authorization;
    if ('action' in access && access.device === true && typeof bearer === 'string' && bearer.startsWith('Bearer ')) {
      req.device = await authenticateDevice(deps, bearer.slice(7).trim(), requestMeta(req));
      return;
    }
    if ('portal' in access) {
      await authenticatePatient(req, reply, deps, stateChanging);
      return;
    }
    if ('public' in access) {
      if (stateChanging && typeof req.headers[CSRF_HEADER] !== 'string') {
        throw new AppError('CSRF_FAILED', { detail: `Send the ${CSRF_HEADER} header.` });
      }
      if (token !== undefined && token !== '') {
        const found = await lookupSession(deps.db, token, now);
        if (found.status === 'ok') {
          req.sessionInfo = found.session;
        }
      }
      return;
    }
    if (token === undefined || token === '') {
      await refusePatientOnStaffRoute(req, deps);
      throw new AppError('UNAUTHENTICATED');
    }
    const found = await lookupSession(deps.db, token, now);
    if (found.status === 'none') {
      clearSessionCookie(reply, deps.config.cookieSecure);
      throw new AppError('UNAUTHENTICATED');
    }
    if (found.status === 'expired') {
      await deps.db.transaction(async (tx) => {
        await revokeSession(tx, found.sessionId, now, found.reason === 'idle' ? 'idle_timeout' : 'absolute_timeout');
      });
      await recordAuditStandalone(deps.db, {
        action: 'auth.session_expired',
        outcome: 'success',
        clinicId: found.clinicId,
        actor: null,
        resourceType: 'session',
        resourceId: found.sessionId,
        details: { reason: found.reason, userId: found.userId },
        meta: requestMeta(req),
        at: now,
      });
      clearSessionCookie(reply, deps.config.cookieSecure);
      throw new AppError('SESSION_EXPIRED');
    }
    const session = found.session;
    const stages = access.stages ?? ['active'];
    if (!stages.includes(session.stage)) {
      throw new AppError(session.stage === 'mfa_pending' ? 'MFA_REQUIRED' : 'MFA_ENROLMENT_REQUIRED');
    }
    if (stateChanging && req.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError('CSRF_FAILED');
    }
    if (!can(session.role, access.action)) {
      await recordAuditStandalone(deps.db, {
        action: 'access.forbidden',
        outcome: 'denied',
        clinicId: session.clinicId,
        actor: { userId: session.userId, role: session.role },
        details: { attempted: access.action, route: req.routeOptions.url ?? '' },
        meta: requestMeta(req),
        at: now,
      });
      throw new AppError('FORBIDDEN');
    }
    await refuseNarrowed(req, deps, access, session);
    req.sessionInfo = session;
    if (session.stage === 'active') {
      req.actor = {
        userId: session.userId,
        clinicId: session.clinicId,
        role: session.role,
        sessionId: session.id,
        name: session.name,
        email: session.email,
      };
    }
    if (now.getTime() - found.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      await touchSession(deps.db, session.id, now);
    }
  });
}
