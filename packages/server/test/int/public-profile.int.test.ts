import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, consultationRequests, publicFormSubmissions } from '../../src/db/schema';
import { localDateOf } from '../../src/lib/zoned';
import { Agent } from '../agent';
import { clinicWithStaff, signIn } from '../factories';
import { createTestApp, type TestApp } from '../harness';
import { profileBody, publish } from '../public-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LOG_LEVEL: 'trace' } });
});
afterAll(async () => {
  await t.close();
});

const request = { name: 'Zebulon Quackenbush', contact: 'zeb.quack@example.test', preferredContact: 'email', message: 'Mornings are best. Sunflower-Velvet', consent: true };

function visitor(ip: string): Agent {
  const a = new Agent(t);
  a.ip = ip;
  return a;
}

describe('public profile settings (staff API)', () => {
  it('starts unpublished with the clinic\'s currency, and only an administrator may change it', async () => {
    const { as } = await clinicWithStaff(t);
    const res = await as.prescriber.get('/api/public-profile');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ published: false, acceptsConsultationRequests: false, publishOutcomes: false, content: { currency: 'USD', team: [], routesOffered: [] }, protocolReadable: true });
    expect(res.body.unconfirmedSettings).toBeGreaterThan(10);
    expect(res.body.sections.team).toEqual({ publish: true, verifiedOn: null, label: 'Who we are' });
    expect(res.body.publicPath).toMatch(/^\/c\/clinic-/);
    expect((await as.prescriber.request('PUT', '/api/public-profile', profileBody())).status).toBe(403);
  });

  it('saves the profile, stamps checked sections with today\'s clinic date, and audits field names only', async () => {
    const { as, clinic, users } = await clinicWithStaff(t);
    const saved = await publish(as.admin, { verify: ['team', 'costs'] });
    const today = localDateOf(t.clock.now(), 'America/New_York');
    expect(saved.sections.team.verifiedOn).toBe(today);
    expect(saved.sections.costs.verifiedOn).toBe(today);
    expect(saved.sections.safety.verifiedOn).toBeNull();
    expect(saved.content.prices[0]).toEqual({ route: 'iv', perSessionMinor: 45000, perCourseMinor: 250000, included: 'Monitoring and a follow-up call.' });
    t.clock.advance(3 * 24 * 60 * 60_000);
    const again = await publish(await signIn(t, users.admin), { verify: ['safety'] });
    expect(again.sections.team.verifiedOn).toBe(today);
    expect(again.sections.safety.verifiedOn).toBe(localDateOf(t.clock.now(), 'America/New_York'));
    const events = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, clinic.id), eq(auditEvents.action, 'public_profile.updated')));
    expect(events).toHaveLength(2);
    expect(events[0]?.details).toMatchObject({ published: true, verified: ['team', 'costs'] });
    expect((events[0]?.details as { fields: string[] }).fields).toEqual(expect.arrayContaining(['published', 'content.team', 'content.prices']));
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain('Ada Quill');
  });

  it('rejects inconsistent content with field paths', async () => {
    const { as } = await clinicWithStaff(t);
    const res = await as.admin.request('PUT', '/api/public-profile', profileBody({}, { routesOffered: ['iv'], website: 'javascript:alert(1)', hours: [{ days: ['Mo'], opens: '17:00', closes: '09:00' }] }));
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.content.prices.1.route', 'body.content.website', 'body.content.hours.0.closes']));
    const money = await as.admin.request('PUT', '/api/public-profile', profileBody({}, { prices: [{ route: 'iv', perSessionMinor: 450.5, perCourseMinor: null, included: null }] }));
    expect(money.status).toBe(400);
  });
});

describe('consultation requests', () => {
  it('accepts a request only with consent and the CSRF header, for a clinic that takes them', async () => {
    const { as, clinic } = await clinicWithStaff(t);
    const url = `/api/public/clinics/${clinic.slug}/consultation-requests`;
    const v = visitor('203.0.113.10');
    expect((await v.post(url, request)).status).toBe(404);
    await publish(as.admin);
    const noCsrf = await t.app.inject({ method: 'POST', url, payload: request, remoteAddress: '203.0.113.10' });
    expect(noCsrf.statusCode).toBe(403);
    expect((await v.post(url, { ...request, consent: false })).status).toBe(400);
    const badContact = await v.post(url, { ...request, contact: 'not an email' });
    expect(badContact.status).toBe(400);
    expect(badContact.body.errors[0].path).toBe('body.contact');
    expect((await v.post(url, { ...request, selfCheck: { items: ['not-an-item'], questions: [], ownQuestions: '' } })).status).toBe(400);
    const ok = await v.post(url, { ...request, selfCheck: { items: ['blood-pressure', 'suicidal-thoughts'], questions: ['cost'], ownQuestions: 'Can my partner come?' } });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ received: true, clinicName: clinic.name });
    const [row] = await t.deps.db.select().from(consultationRequests).where(eq(consultationRequests.clinicId, clinic.id));
    expect(row).toMatchObject({ name: request.name, contact: request.contact, status: 'new', consentText: `I agree that ${clinic.name} may keep these details to contact me about a consultation.` });
    const [received] = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, clinic.id), eq(auditEvents.action, 'consultation.received')));
    expect(received?.details).toEqual({ sharedSelfCheck: true, preferredContact: 'email' });
    expect(JSON.stringify(received)).not.toContain('Zebulon');
  });

  it('throttles each address across clinics, through the database', async () => {
    const a = await clinicWithStaff(t);
    const b = await clinicWithStaff(t);
    await publish(a.as.admin);
    await publish(b.as.admin);
    const v = visitor('198.51.100.77');
    for (let i = 0; i < 3; i++) {
      expect((await v.post(`/api/public/clinics/${a.clinic.slug}/consultation-requests`, request)).status).toBe(201);
    }
    for (let i = 0; i < 2; i++) {
      expect((await v.post(`/api/public/clinics/${b.clinic.slug}/consultation-requests`, request)).status).toBe(201);
    }
    const limited = await v.post(`/api/public/clinics/${b.clinic.slug}/consultation-requests`, request);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('3600');
    expect((await visitor('198.51.100.78').post(`/api/public/clinics/${b.clinic.slug}/consultation-requests`, request)).status).toBe(201);
    const keys = await t.deps.db.select().from(publicFormSubmissions);
    expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k.ipKey))).toBe(true);
    t.clock.advance(61 * 60_000);
    expect((await v.post(`/api/public/clinics/${b.clinic.slug}/consultation-requests`, request)).status).toBe(201);
  });

  it('lets intake staff list, open and close requests, auditing every read; nurses and other clinics cannot', async () => {
    const { as, clinic, users } = await clinicWithStaff(t);
    const other = await clinicWithStaff(t);
    await publish(as.admin);
    await visitor('192.0.2.5').post(`/api/public/clinics/${clinic.slug}/consultation-requests`, { ...request, selfCheck: { items: ['suicidal-thoughts'], questions: ['cost'], ownQuestions: '' } });
    await visitor('192.0.2.6').post(`/api/public/clinics/${clinic.slug}/consultation-requests`, { ...request, name: 'Second Person', preferredContact: 'phone', contact: '+1 555 0100 22', message: '' });
    const list = await as.front_desk.get('/api/consultation-requests');
    expect(list.status).toBe(200);
    expect(list.body.requests.map((r: { name: string }) => r.name).sort()).toEqual(['Second Person', 'Zebulon Quackenbush']);
    expect(list.body.requests[0]).not.toHaveProperty('contact');
    expect((await as.nurse.get('/api/consultation-requests')).status).toBe(403);
    const id = list.body.requests.find((r: { name: string }) => r.name === request.name).id;
    const one = await as.prescriber.get(`/api/consultation-requests/${id}`);
    expect(one.body).toMatchObject({ contact: request.contact, message: request.message, selfCheck: { items: [{ id: 'suicidal-thoughts', urgent: true }], questions: [{ id: 'cost', question: expect.stringContaining('full course cost') }] } });
    expect((await other.as.admin.get(`/api/consultation-requests/${id}`)).status).toBe(404);
    expect((await other.as.admin.post(`/api/consultation-requests/${id}/handled`)).status).toBe(404);
    expect((await other.as.admin.get('/api/consultation-requests?status=all')).body.requests).toHaveLength(0);
    const handled = await as.front_desk.post(`/api/consultation-requests/${id}/handled`);
    expect(handled.body).toMatchObject({ status: 'handled', handledBy: users.front_desk.id });
    expect((await as.front_desk.post(`/api/consultation-requests/${id}/handled`)).body.handledAt).toBe(handled.body.handledAt);
    expect((await as.admin.get('/api/consultation-requests')).body.requests).toHaveLength(1);
    expect((await as.admin.get('/api/consultation-requests?status=handled')).body.requests[0].id).toBe(id);
    const actions = (await t.deps.db.select().from(auditEvents).where(eq(auditEvents.clinicId, clinic.id))).map((e) => e.action);
    expect(actions.filter((a) => a === 'consultation.listed')).toHaveLength(3);
    expect(actions).toEqual(expect.arrayContaining(['consultation.read', 'consultation.handled']));
  });

  it('never writes request values to the application log', async () => {
    const { as, clinic } = await clinicWithStaff(t);
    await publish(as.admin);
    await visitor('192.0.2.99').post(`/api/public/clinics/${clinic.slug}/consultation-requests`, request);
    await visitor('192.0.2.99').post(`/api/public/clinics/${clinic.slug}/consultation-requests`, { ...request, consent: false });
    const list = await as.admin.get('/api/consultation-requests');
    await as.admin.get(`/api/consultation-requests/${list.body.requests[0].id}`);
    const all = t.logs.join('\n');
    for (const marker of ['Zebulon', 'Quackenbush', 'zeb.quack@example.test', 'Sunflower-Velvet']) {
      expect(all, marker).not.toContain(marker);
    }
    expect(all).toContain('"route":"/api/public/clinics/:slug/consultation-requests"');
  });
});
