import { and, eq } from 'drizzle-orm';
import { clinicPublicProfiles, clinics } from '../../db/schema';
import { definePage, type PageContext, type PageDef, type PageResult } from '../../http/page';
import { auditedNotFound } from '../../http/not-found';
import { assetUrl, PUBLIC_ASSETS } from './assets';
import { topicBySlug, TOPICS } from './content/topics';
import { visitorCountry } from './country';
import { absoluteUrl, notFoundPage } from './pages/layout';
import { renderLearnIndex, renderTopic } from './pages/learn';
import { renderChecklist, renderSelfCheck, type ConsultationTarget } from './pages/tools';
import { renderTransparency } from './pages/transparency';
import { clinicBySlug, loadProfile, transparencyInput } from './profile/repo';

const LEARN_CACHE = 'public, max-age=300';
const CLINIC_CACHE = 'public, max-age=60';

function learnContext(ctx: PageContext) {
  return { country: visitorCountry(ctx.query, ctx.req.headers['accept-language']), publicUrl: ctx.deps.config.publicUrl };
}

function html(body: string, cacheControl: string, status = 200, vary?: string): PageResult {
  return vary === undefined ? { status, body, cacheControl } : { status, body, cacheControl, vary };
}

function notFound(ctx: PageContext, what: string): PageResult {
  return html(notFoundPage(ctx.deps.config.publicUrl, what), 'no-cache', 404);
}

const learnIndex = definePage({
  url: '/learn',
  access: { public: true, reason: 'Public education pages.' },
  summary: 'Education index',
  handler: (ctx) => Promise.resolve(html(renderLearnIndex(learnContext(ctx)), LEARN_CACHE, 200, 'Accept-Language')),
});

const learnTopic = definePage({
  url: '/learn/:topic',
  access: { public: true, reason: 'Public education pages.' },
  summary: 'Education page',
  handler: (ctx) => {
    if ((ctx.params.topic ?? '') === '') {
      return Promise.resolve({ status: 301, body: '', cacheControl: 'public, max-age=3600', headers: { location: '/learn' } });
    }
    const topic = topicBySlug(ctx.params.topic ?? '');
    return Promise.resolve(topic === undefined ? notFound(ctx, 'that page') : html(renderTopic(topic, learnContext(ctx)), LEARN_CACHE, 200, 'Accept-Language'));
  },
});

/** The clinic a self-check may be sent to: published, and accepting requests. */
async function consultationTarget(ctx: PageContext, slug: unknown): Promise<ConsultationTarget | 'unavailable' | null> {
  if (typeof slug !== 'string' || slug === '') {
    return null;
  }
  const clinic = await clinicBySlug(ctx.deps.db, slug);
  if (clinic === undefined) {
    return 'unavailable';
  }
  const profile = await loadProfile(ctx.deps.db, clinic);
  if (!profile.published || !profile.acceptsConsultationRequests) {
    return 'unavailable';
  }
  const showContact = profile.sections.team.publish;
  return { slug: clinic.slug, name: clinic.name, phone: showContact ? profile.content.phone : null, email: showContact ? profile.content.email : null };
}

const selfCheck = definePage({
  url: '/learn/self-check',
  access: { public: true, reason: 'Public self-check; answers stay in the browser unless the visitor sends them.' },
  summary: 'Self-check before a consultation',
  async handler(ctx) {
    const target = await consultationTarget(ctx, ctx.query.clinic);
    const body = renderSelfCheck({
      ...learnContext(ctx),
      scriptUrl: assetUrl('public.js'),
      clinic: target === null || target === 'unavailable' ? null : target,
      clinicUnavailable: target === 'unavailable',
    });
    return html(body, target === null ? LEARN_CACHE : CLINIC_CACHE, 200, 'Accept-Language');
  },
});

const choosingClinic = definePage({
  url: '/learn/choosing-a-clinic',
  access: { public: true, reason: 'Public checklist for judging any clinic.' },
  summary: 'Checklist for choosing a clinic',
  handler: (ctx) => Promise.resolve(html(renderChecklist({ ...learnContext(ctx), scriptUrl: assetUrl('public.js') }), LEARN_CACHE, 200, 'Accept-Language')),
});

const transparencyPage = definePage({
  url: '/c/:slug',
  access: { public: true, reason: "A clinic's published transparency page." },
  summary: 'Clinic transparency page',
  async handler(ctx) {
    const clinic = await clinicBySlug(ctx.deps.db, ctx.params.slug ?? '');
    const profile = clinic === undefined ? undefined : await loadProfile(ctx.deps.db, clinic);
    if (clinic === undefined || profile === undefined || !profile.published) {
      return notFound(ctx, 'a published clinic page at this address');
    }
    const input = await transparencyInput(ctx.deps.database, clinic, profile, ctx.deps.clock.now(), ctx.deps.config.publicUrl, false);
    return html(renderTransparency(input), CLINIC_CACHE);
  },
});

const transparencyPreview = definePage({
  url: '/c/:slug/preview',
  access: { action: 'public_profile.read' },
  summary: "Staff preview of the clinic's public page (published or not)",
  async handler(ctx) {
    const me = ctx.actor();
    const clinic = await clinicBySlug(ctx.deps.db, ctx.params.slug ?? '');
    if (clinic?.id !== me.clinicId) {
      throw await auditedNotFound(ctx.deps, me, ctx.meta, 'public_page', ctx.params.slug ?? '');
    }
    const profile = await loadProfile(ctx.deps.db, clinic);
    const input = await transparencyInput(ctx.deps.database, clinic, profile, ctx.deps.clock.now(), ctx.deps.config.publicUrl, true);
    return html(renderTransparency(input), 'no-store');
  },
});

const asset = definePage({
  url: '/public-assets/:name',
  access: { public: true, reason: 'Script and icon of the public pages.' },
  summary: 'Public page asset',
  handler: (ctx) => {
    const name = ctx.params.name ?? '';
    const a = Object.hasOwn(PUBLIC_ASSETS, name) ? PUBLIC_ASSETS[name] : undefined;
    if (a === undefined) {
      return Promise.resolve({ status: 404, body: 'Not found', type: 'text/plain; charset=utf-8', cacheControl: 'no-cache' });
    }
    const versioned = ctx.query.v === a.hash;
    return Promise.resolve({ body: a.body, type: a.type, cacheControl: versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300' });
  },
});

const robots = definePage({
  url: '/robots.txt',
  access: { public: true, reason: 'Crawler rules: public pages indexable, the staff app and API not.' },
  summary: 'robots.txt',
  handler: (ctx) =>
    Promise.resolve({
      body: ['User-agent: *', 'Allow: /learn', 'Allow: /c/', 'Allow: /public-assets/', 'Disallow: /c/*/preview', 'Disallow: /api/', 'Disallow: /', '', `Sitemap: ${absoluteUrl(ctx.deps.config.publicUrl, '/sitemap.xml')}`, ''].join('\n'),
      type: 'text/plain; charset=utf-8',
      cacheControl: 'public, max-age=3600',
    }),
});

const sitemap = definePage({
  url: '/sitemap.xml',
  access: { public: true, reason: 'Lists the public pages and published clinic pages for search engines.' },
  summary: 'sitemap.xml',
  async handler(ctx) {
    const published = await ctx.deps.db
      .select({ slug: clinics.slug })
      .from(clinicPublicProfiles)
      .innerJoin(clinics, eq(clinics.id, clinicPublicProfiles.clinicId))
      .where(and(eq(clinicPublicProfiles.published, true)))
      .orderBy(clinics.slug)
      .limit(5000);
    const paths = ['/learn', ...TOPICS.map((t) => `/learn/${t.slug}`), '/learn/self-check', '/learn/choosing-a-clinic', ...published.map((c) => `/c/${c.slug}`)];
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths.map((p) => `<url><loc>${esc(absoluteUrl(ctx.deps.config.publicUrl, p))}</loc></url>`).join('\n')}\n</urlset>\n`;
    return { body, type: 'application/xml; charset=utf-8', cacheControl: 'public, max-age=3600' };
  },
});

/**
 * Anything else under /learn/ or /c/: a trailing slash is redirected to the page without it; other
 * addresses get the public "not found" page rather than the staff app.
 */
function strayPage(prefix: '/learn' | '/c'): PageDef {
  return definePage({
    url: `${prefix}/*`,
    access: { public: true, reason: 'Redirects or answers "not found" for other addresses under the public pages.' },
    summary: `Other addresses under ${prefix}/`,
    handler: (ctx) => {
      const rest = ctx.params['*'] ?? '';
      const slug = /^([a-z0-9-]+)\/$/.exec(rest)?.[1];
      const target = rest === '' && prefix === '/learn' ? '/learn' : slug === undefined ? null : `${prefix}/${slug}`;
      if (target !== null) {
        return Promise.resolve({ status: 301, body: '', cacheControl: 'public, max-age=3600', headers: { location: target } });
      }
      return Promise.resolve(notFound(ctx, 'that page'));
    },
  });
}

/** Every server-rendered page (HTML, text, XML), registered outside the JSON API. */
export const publicPages: PageDef[] = [learnIndex, selfCheck, choosingClinic, learnTopic, strayPage('/learn'), transparencyPage, transparencyPreview, strayPage('/c'), asset, robots, sitemap];
