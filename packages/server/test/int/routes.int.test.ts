import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, HANDLER_CHECKED_ACTIONS, isAction, POLICY, PORTAL_ACTIONS } from '../../src/policy/policy';
import { STAFF_ROLES } from '../../src/policy/roles';
import { clinicWithStaff } from '../factories';
import { createTestApp, type TestApp } from '../harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { KETAPATH_DEMO: 'true' } });
});
afterAll(async () => {
  await t.close();
});

/** Routes reachable without a session. Adding one here is a deliberate, reviewed decision. */
const PUBLIC_ROUTES = new Set([
  'GET /health/live',
  'GET /health/ready',
  'POST /api/setup',
  'POST /api/auth/login',
  'GET /api/auth/session',
  'GET /api/invitations/:token',
  'POST /api/invitations/:token/accept',
  'POST /api/demo/login',
  'POST /api/demo/portal-login',
  'GET /api/openapi.json',
  'POST /api/public/clinics/:slug/consultation-requests',
  // Patient portal: the one-time link is the credential; signing in needs no session.
  'GET /api/portal/links/:token',
  'POST /api/portal/links/:token/accept',
  'POST /api/portal/login',
  'POST /api/portal/sign-in-link',
  'GET /api/portal/session',
  // Server-rendered pages (HTML, text, XML), hidden from the OpenAPI document.
  'GET /learn',
  'GET /learn/self-check',
  'GET /learn/choosing-a-clinic',
  'GET /learn/:topic',
  'GET /learn/*',
  'GET /c/:slug',
  'GET /c/*',
  'GET /public-assets/:name',
  'GET /robots.txt',
  'GET /sitemap.xml',
]);

/** Every route the application registers itself: the JSON API, health checks and server-rendered pages. */
function apiRoutes(): typeof t.app.routeTable {
  return t.app.routeTable.filter((r) => !r.url.startsWith('/api/docs') && r.method !== 'HEAD');
}

function fill(url: string): string {
  return url.replace(/:token/g, 'a'.repeat(43)).replace(/:[A-Za-z]+/g, () => randomUUID());
}

describe('route registry', () => {
  it('gives every route an access decision: public (listed) or an action in the policy table', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(15);
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      expect(r.access, `${key} declares no access`).toBeDefined();
      if (r.access !== undefined && 'public' in r.access) {
        expect(PUBLIC_ROUTES.has(key), `${key} is public but not in the reviewed list`).toBe(true);
      } else if (r.access !== undefined && 'portal' in r.access) {
        expect(PORTAL_ACTIONS.includes(r.access.portal), `${key} has unknown portal action`).toBe(true);
        expect(r.url.startsWith('/api/portal/'), `${key}: portal routes live under /api/portal/`).toBe(true);
      } else if (r.access !== undefined) {
        expect(isAction(r.access.action), `${key} has unknown action`).toBe(true);
      }
    }
  });

  it('keeps server-rendered pages out of the OpenAPI document, and every API route in it', () => {
    for (const r of apiRoutes()) {
      const isApi = r.url.startsWith('/api/') || r.url.startsWith('/health/');
      if (!isApi) {
        expect(r.hidden, `${r.method} ${r.url} is a page and must be hidden from the API document`).toBe(true);
      }
    }
  });

  it('documents every route in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json<{ paths: Record<string, Record<string, unknown>> }>();
    for (const r of apiRoutes().filter((x) => !x.hidden)) {
      const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url} missing from OpenAPI`).toBeDefined();
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('every policy action is used by at least one route', () => {
    const used = new Set([...apiRoutes().flatMap((r) => (r.access !== undefined && 'action' in r.access ? [r.access.action] : [])), ...HANDLER_CHECKED_ACTIONS]);
    for (const action of Object.keys(POLICY)) {
      expect(used.has(action as never), `${action} is in the policy table but no route uses it`).toBe(true);
    }
  });

  it('refuses every role that the policy table does not allow (403), and lets allowed roles past the gate', { timeout: 120_000 }, async () => {
    const { as } = await clinicWithStaff(t);
    for (const r of apiRoutes()) {
      if (r.access === undefined || 'public' in r.access) {
        continue;
      }
      if ('portal' in r.access) {
        // A staff session is never a patient: every portal route answers 401 to every role.
        for (const role of STAFF_ROLES) {
          const res = await as[role].request(r.method, fill(r.url), r.method === 'GET' ? undefined : {});
          expect(res.status, `${role} ${r.method} ${r.url}`).toBe(401);
        }
        continue;
      }
      const action = r.access.action;
      const stages = r.access.stages ?? ['active'];
      if (!stages.includes('active')) {
        continue;
      }
      for (const role of STAFF_ROLES) {
        // Logout would end the test session; check its gate only for roles it refuses.
        if (r.url === '/api/auth/logout' && can(role, action)) {
          continue;
        }
        // Becoming a wall display would leave the test session only the board (wall-display.int.test.ts).
        if (r.url === '/api/board/display' && can(role, action)) {
          continue;
        }
        // An event stream never ends; allowed roles are checked over real HTTP in sessions.int.test.ts.
        if (r.url === '/api/board/stream' && can(role, action)) {
          continue;
        }
        const res = await as[role].request(r.method, fill(r.url), r.method === 'GET' ? undefined : {});
        if (can(role, action)) {
          expect(res.status, `${role} ${r.method} ${r.url}`).not.toBe(403);
          expect(res.status, `${role} ${r.method} ${r.url}`).not.toBe(401);
        } else {
          expect(res.status, `${role} ${r.method} ${r.url}`).toBe(403);
          expect(res.body.code).toBe('FORBIDDEN');
        }
      }
    }
  });

  it('answers 401 to every non-public route without a session', async () => {
    for (const r of apiRoutes()) {
      if (r.access === undefined || 'public' in r.access) {
        continue;
      }
      const res = await t.app.inject({ method: r.method as 'GET', url: fill(r.url), headers: { 'x-ketapath-csrf': 'x' } });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
