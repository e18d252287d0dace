import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, clinics } from '../../src/db/schema';
import { seedDemo } from '../../src/modules/demo/seed';
import { Agent } from '../agent';
import { clinicWithStaff } from '../factories';
import { createTestApp, type TestApp } from '../harness';
import { jsonLdOf, publish } from '../public-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'https://ketapath.example' } });
});
afterAll(async () => {
  await t.close();
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('clinic transparency page', () => {
  it('is not public until the clinic publishes it; then it is generated from its settings', async () => {
    const { as, clinic } = await clinicWithStaff(t);
    const before = await get(`/c/${clinic.slug}`);
    expect(before.statusCode).toBe(404);
    expect(before.headers['content-type']).toContain('text/html');
    expect(before.body).toContain('noindex');

    await publish(as.admin);
    const res = await get(`/c/${clinic.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    for (const heading of ['Who we are', 'Treatments we offer', 'Safety', 'Costs', 'Who the clinic may treat', 'Consent', 'Course of treatment', 'Readings that trigger action', 'Emergency equipment', 'Controlled drugs']) {
      expect(res.body, heading).toContain(heading);
    }
    expect(res.body).toContain('Dr Ada Quill');
    expect(res.body).toContain('6 sessions (2 a week) × $450.00 = <strong>$2,700.00</strong>');
    expect(res.body).toContain('At least 120 minutes from the first spray');
    expect(res.body).toContain('Follows published guidance');
    expect(res.body).toMatch(/Heart rate above 110 or below 50 beats a minute: dosing pauses and the prescriber is told\. <span class="tag dflt">Suggested default, not yet confirmed by the clinic<\/span>/);
    expect(res.body).toMatch(/At least 120 minutes from the first spray[^<]*<span class="tag enf">Follows published guidance<\/span>/);
    expect(res.body).toContain('hash-chained');
    expect(res.body).toContain(`Last checked by the clinic: `);
    expect(res.body).toContain('call 988');
    expect(res.body).not.toMatch(/<script(?![^>]*(type="application\/ld\+json"|src=))/);
  });

  it('publishes schema.org MedicalClinic and MedicalTherapy data, from published sections only', async () => {
    const { as, clinic } = await clinicWithStaff(t);
    await publish(as.admin);
    const ld = jsonLdOf((await get(`/c/${clinic.slug}`)).body);
    expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'MedicalClinic', name: clinic.name, url: `https://ketapath.example/c/${clinic.slug}`, telephone: '+1 555-0142' });
    expect(ld.address).toMatchObject({ '@type': 'PostalAddress', addressLocality: 'Testville' });
    expect(ld.availableService.map((s: any) => s['@type'])).toEqual(['MedicalTherapy', 'MedicalTherapy']);
    expect(ld.availableService[1].drug).toMatchObject({ '@type': 'Drug', name: 'Esketamine' });
    expect(ld.hasOfferCatalog.itemListElement).toEqual([expect.objectContaining({ '@type': 'Offer', price: '450.00', priceCurrency: 'USD' })]);
    expect(ld.openingHoursSpecification[0].dayOfWeek).toEqual(['https://schema.org/Monday', 'https://schema.org/Tuesday', 'https://schema.org/Wednesday']);

    await publish(as.admin, { sections: { team: { publish: false }, treatments: { publish: true }, safety: { publish: true }, costs: { publish: false } } });
    const res = await get(`/c/${clinic.slug}`);
    expect(res.body).not.toContain('id="costs"');
    expect(res.body).not.toContain('id="team"');
    expect(res.body).not.toContain('Dr Ada Quill');
    expect(res.body).not.toContain('$450.00');
    const hidden = jsonLdOf(res.body);
    expect(hidden.hasOfferCatalog).toBeUndefined();
    expect(hidden.telephone).toBeUndefined();
    expect(hidden.employee).toBeUndefined();
  });

  it('never shows an outcomes section, even with the opt-in switched on', async () => {
    const { as, clinic } = await clinicWithStaff(t);
    await publish(as.admin, { publishOutcomes: true });
    const res = await get(`/c/${clinic.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/outcome|remission|response rate/i);
  });

  it('reflects the clinic protocol, says who set each value, and withholds generated rules it cannot read', async () => {
    const { as, clinic } = await clinicWithStaff(t);
    await publish(as.admin);
    await t.deps.db.update(clinics).set({ protocolOverrides: { observation: { esketamineMinMinutes: 150 }, vitals: { respiratoryRateBelow: 8 } } }).where(eq(clinics.id, clinic.id));
    const res = await get(`/c/${clinic.slug}`);
    expect(res.body).toContain('At least 150 minutes from the first spray');
    expect(res.body).toMatch(/150 minutes from the first spray[^<]*<span class="tag clinic">Set by the clinic’s medical director<\/span>/);
    expect(res.body).toContain('Published figure: esketamine minimum observation from first device 120 min.');
    expect(res.body).toContain('Breathing rate below 8 a minute');

    await t.deps.db.update(clinics).set({ protocolOverrides: { observation: { esketamineMinMinutes: 'soon' } } }).where(eq(clinics.id, clinic.id));
    const broken = await get(`/c/${clinic.slug}`);
    expect(broken.statusCode).toBe(200);
    expect(broken.body).toContain('protocol settings could not be read');
    expect(broken.body).not.toContain('Readings that trigger action');
  });

  it('escapes everything the clinic enters and never shows patient data', async () => {
    const { as, clinic } = await clinicWithStaff(t);
    await as.front_desk.post('/api/patients', { legalFirstName: 'Zebulon', legalLastName: 'Quackenbush', dateOfBirth: '1961-04-12', sexAtBirth: 'male' });
    await publish(as.admin, {}, { team: [{ name: '<script>alert(1)</script>', role: 'Nurse "x"', licence: null, credentials: null, affiliations: null }], emergencyProcedures: '</p><img src=x onerror=alert(1)>' });
    const res = await get(`/c/${clinic.slug}`);
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.body).not.toContain('<img src=x');
    expect(jsonLdOf(res.body).employee[0].name).toBe('<script>alert(1)</script>');
    expect(res.body).not.toContain('Zebulon');
    expect(res.body).not.toContain('Quackenbush');
    expect(res.body).not.toContain('1961-04-12');
  });

  it('gives the demo clinic a complete, clearly synthetic page', async () => {
    await seedDemo(t.deps);
    const res = await get('/c/demo-riverside');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Demo clinic: everything on this page is made up');
    expect(res.body).toContain('Dr Priya Shah (demo)');
    expect(res.body).toContain('$2,700.00');
    expect(res.body).toContain('Prepare for a consultation');
    expect(res.body).toContain('555-0100');
  });
});

describe('staff preview', () => {
  it('shows the admin their own page before it is published, marked and not indexable', async () => {
    const { as, clinic } = await clinicWithStaff(t);
    await publish(as.admin, { published: false, sections: { team: { publish: true }, treatments: { publish: true }, safety: { publish: true }, costs: { publish: false } } });
    expect((await get(`/c/${clinic.slug}`)).statusCode).toBe(404);
    const res = await as.nurse.get(`/c/${clinic.slug}/preview`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('Preview: only signed-in staff see this page here. Hidden from the public: Costs.');
    expect(res.body).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await new Agent(t).get(`/c/${clinic.slug}/preview`)).status).toBe(401);
  });

  it('does not preview another clinic, and audits the attempt', async () => {
    const a = await clinicWithStaff(t);
    const b = await clinicWithStaff(t);
    await publish(a.as.admin, { published: false });
    const res = await b.as.admin.get(`/c/${a.clinic.slug}/preview`);
    expect(res.status).toBe(404);
    const denied = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, b.clinic.id), eq(auditEvents.action, 'access.not_found')));
    expect(denied.map((d) => d.resourceType)).toContain('public_page');
  });
});

describe('education pages', () => {
  it('serves the index and every topic, with sources and dates, and 404 for unknown topics', async () => {
    const index = await get('/learn');
    expect(index.statusCode).toBe(200);
    const topics = [...index.body.matchAll(/href="\/learn\/([a-z-]+)"/g)].map((m) => m[1]);
    expect(topics).toEqual(expect.arrayContaining(['how-it-works', 'candidates', 'routes', 'session', 'side-effects', 'long-term-safety', 'legal-status', 'costs', 'self-check', 'choosing-a-clinic']));
    for (const slug of new Set(topics)) {
      const res = await get(`/learn/${slug}`);
      expect(res.statusCode, slug).toBe(200);
      expect(res.body, slug).toContain('<h2 id="sources-h">Sources</h2>');
      expect(res.body, slug).toMatch(/checked against the Ketapath clinical reference on \d{1,2} \w{3} \d{4}/);
      expect(res.body, slug).toMatch(/<link rel="canonical" href="https:\/\/ketapath\.example\/learn\//);
    }
    const missing = await get('/learn/not-a-topic');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('text/html');
  });

  it('chooses the visitor\'s country from ?country= or the browser, and shows crisis lines only where known', async () => {
    const us = await get('/learn/legal-status', { 'accept-language': 'en-US,en;q=0.9' });
    expect(us.headers.vary).toContain('Accept-Language');
    expect(us.body).toContain('In the United States');
    expect(us.body).toContain('Schedule III');
    expect(us.body).toContain('call 988');
    expect(us.body).toContain('Chosen from your browser’s language settings.');
    const uk = await get('/learn/legal-status?country=GB', { 'accept-language': 'en-US' });
    expect(uk.body).toContain('In the United Kingdom');
    expect(uk.body).toContain('NICE');
    expect(uk.body).not.toContain('988');
    expect(uk.body).toContain('call your local emergency number in the United Kingdom');
    expect(uk.body).toContain('href="/learn/costs?country=UK"');
    const none = await get('/learn/legal-status');
    expect(none.body).toContain('Choose your country above');
    expect(none.body).not.toContain('988');
  });

  it('offers to send the self-check only to a published clinic that takes requests', async () => {
    const { as, clinic } = await clinicWithStaff(t);
    const generic = await get('/learn/self-check');
    expect(generic.body).not.toContain('consult-form');
    expect(generic.body).toMatch(/<script src="\/public-assets\/public\.js\?v=[0-9a-f]{12}" defer><\/script>/);
    expect((await get(`/learn/self-check?clinic=${clinic.slug}`)).body).toContain('That clinic does not take requests through Ketapath');
    await publish(as.admin);
    const res = await get(`/learn/self-check?clinic=${clinic.slug}`);
    expect(res.body).toContain(`data-endpoint="/api/public/clinics/${clinic.slug}/consultation-requests"`);
    expect(res.body).toContain('noindex');
    await publish(as.admin, { acceptsConsultationRequests: false });
    expect((await get(`/learn/self-check?clinic=${clinic.slug}`)).body).not.toContain('consult-form');
  });

  it('serves its script and icon with long caching, robots.txt and a sitemap of published pages', async () => {
    const page = await get('/learn/choosing-a-clinic');
    const src = /src="(\/public-assets\/public\.js\?v=[0-9a-f]+)"/.exec(page.body)?.[1] ?? '';
    const js = await get(src);
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('text/javascript');
    expect(js.headers['cache-control']).toContain('immutable');
    expect((await get('/public-assets/favicon.svg')).headers['content-type']).toBe('image/svg+xml');
    expect((await get('/public-assets/..%2fpages.route.ts')).statusCode).toBe(404);
    expect((await get('/public-assets/toString')).statusCode).toBe(404);
    const robots = await get('/robots.txt');
    expect(robots.body).toContain('Disallow: /api/');
    expect(robots.body).toContain('Sitemap: https://ketapath.example/sitemap.xml');
    const { as, clinic } = await clinicWithStaff(t);
    const hidden = await clinicWithStaff(t);
    await publish(as.admin);
    await publish(hidden.as.admin, { published: false });
    const sitemap = await get('/sitemap.xml');
    expect(sitemap.headers['content-type']).toContain('application/xml');
    expect(sitemap.body).toContain(`<loc>https://ketapath.example/c/${clinic.slug}</loc>`);
    expect(sitemap.body).not.toContain(hidden.clinic.slug);
    expect(sitemap.body).toContain('<loc>https://ketapath.example/learn/side-effects</loc>');
    expect((await t.app.inject({ method: 'HEAD', url: '/learn' })).statusCode).toBe(200);
  });

  it('redirects a trailing slash and answers other addresses with the public "not found" page', async () => {
    expect((await get('/learn/')).headers.location).toBe('/learn');
    expect((await get('/learn/costs/')).headers.location).toBe('/learn/costs');
    expect((await get('/c/demo-riverside/')).headers.location).toBe('/c/demo-riverside');
    for (const url of ['/learn/costs/more', '/c/', '/c/x/y/z']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toContain('Page not found');
    }
  });

  it('never fails on odd addresses and values', async () => {
    for (const url of ['/c/%00', `/c/${'a'.repeat(180)}`, '/c/..%2f..%2fetc', '/c/Demo-Riverside', '/learn/%F0%9F%99%82', '/learn/self-check?clinic=%27%3B--&country[]=US', '/learn?country=<script>', '/learn/costs?country=xx&country=yy', '/c/x/preview']) {
      const res = await get(url, { 'accept-language': 'x'.repeat(2000) });
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.body, url).not.toContain('<script>');
    }
  });
});

describe('HTML pages and the API contract', () => {
  it('keeps pages out of the OpenAPI document and the JSON endpoints in it', async () => {
    const doc = (await get('/api/openapi.json')).json<{ paths: Record<string, unknown> }>();
    const paths = Object.keys(doc.paths);
    expect(paths.filter((p) => p.startsWith('/c/') || p.startsWith('/learn') || p.startsWith('/public-assets') || p === '/robots.txt' || p === '/sitemap.xml')).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(['/api/public-profile', '/api/public/clinics/{slug}/consultation-requests', '/api/consultation-requests', '/api/consultation-requests/{id}', '/api/consultation-requests/{id}/handled']));
    const pages = t.app.routeTable.filter((r) => !r.url.startsWith('/api') && !r.url.startsWith('/health') && r.method === 'GET');
    expect(pages.length).toBeGreaterThanOrEqual(9);
    expect(pages.every((r) => r.hidden)).toBe(true);
  });
});
