import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../agent';
import { snapshotDomain } from '../db-snapshot';
import { createClinic, createStaff, signIn } from '../factories';
import { createTestApp, type TestApp } from '../harness';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp({ env: { KETAPATH_DEMO: 'true', LOGIN_MAX_FAILURES_PER_IP: '100000' } });
  // An admin with two-step sign-in, so even body-less POSTs (MFA enrolment) have nothing valid to do.
  admin = await signIn(t, await createStaff(t, await createClinic(t), 'admin', { mfa: true }));
});
afterAll(async () => {
  await t.close();
});

// Body-less routes that legitimately succeed for a signed-in user without changing domain data, and the
// board's event stream, which never ends by design (sessions.int.test.ts reads it over real HTTP).
const SKIP = new Set(['POST /api/auth/logout', 'POST /api/auth/keepalive', 'GET /api/board/stream']);

const segment = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('0', '-1', '%00', '..', '%2e%2e%2f', "'; DROP TABLE users;--", 'a'.repeat(300), '🙂', 'null'),
);
const scalar = fc.oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('', ' ', '<script>', '9'.repeat(400)));
const hostileBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom('email', 'password', 'name', 'role', 'code', 'recoveryCode', 'timeZone', 'jurisdiction', 'clinicName', 'adminEmail', 'adminPassword', 'adminName', 'mfaRequiredRoles', 'staffIdleMinutes', 'newPassword', 'currentPassword', '__proto__', 'constructor'), scalar),
  fc.string({ maxLength: 200 }).map((s) => ({ raw: s })),
);
const query = fc.dictionary(fc.constantFrom('limit', 'before', 'from', 'to', 'userId', 'patientId', 'action', 'x'), fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('-5', '1e309', '99999999999999999999', '2026-13-45')), { maxKeys: 4 });
const contentType = fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x');

function fillPath(url: string, values: string[]): string {
  let i = 0;
  return url.replace(/:[A-Za-z]+/g, () => encodeURIComponent(values[i++ % values.length] ?? 'x'));
}

describe('hostile input', () => {
  it('never answers 5xx and never changes domain data, for anonymous and signed-in callers', async () => {
    const routes = t.app.routeTable.filter(
      (r) => (r.url.startsWith('/api/') || r.url.startsWith('/health/')) && !r.url.startsWith('/api/docs') && r.method !== 'HEAD' && !SKIP.has(`${r.method} ${r.url}`),
    );
    const before = await snapshotDomain(t.deps.db);
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.array(segment, { minLength: 1, maxLength: 3 }),
        query,
        hostileBody,
        contentType,
        fc.boolean(),
        async (route, params, q, body, type, signedIn) => {
          const url = `${fillPath(route.url, params)}?${new URLSearchParams(q).toString()}`;
          const payload = type.startsWith('application/json') ? JSON.stringify(body) : typeof body === 'string' ? body : JSON.stringify(body).slice(0, 100);
          const headers: Record<string, string> = { 'content-type': type, 'x-ketapath-csrf': signedIn ? (admin.csrf ?? '') : randomUUID() };
          if (signedIn && admin.cookie !== undefined) {
            headers.cookie = admin.cookie;
          }
          const res = await t.app.inject({ method: route.method as 'POST', url, headers, ...(route.method === 'GET' ? {} : { payload }) });
          requests++;
          if (res.statusCode >= 500) {
            throw new Error(`${route.method} ${url} → ${res.statusCode} ${res.body}`);
          }
          if (route.method !== 'GET') {
            expect(res.statusCode, `${route.method} ${url}`).toBeGreaterThanOrEqual(400);
          }
          if (res.statusCode >= 400) {
            expect(res.headers['content-type']).toContain('application/problem+json');
          }
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 600), ...(process.env.FUZZ_RUNS === undefined ? { seed: 20261121 } : {}) },
    );
    expect(requests).toBe(Number(process.env.FUZZ_RUNS ?? 600));
    expect(await snapshotDomain(t.deps.db)).toEqual(before);
  });

  it('answers malformed JSON, oversized bodies and odd methods with 4xx problems', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', 'x-ketapath-csrf': 'x' }, payload: '{"email":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'MALFORMED_REQUEST', status: 400 });
    const big = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', 'x-ketapath-csrf': 'x' }, payload: JSON.stringify({ email: 'a'.repeat(2_000_000) }) });
    expect(big.statusCode).toBe(413);
    const method = await t.app.inject({ method: 'DELETE', url: '/api/clinic' });
    expect(method.statusCode).toBe(404);
    expect(method.headers['content-type']).toContain('application/problem+json');
  });
});
