import type { JurisdictionCode } from '@ketapath/clinical';
import { JURISDICTIONS } from '@ketapath/clinical';
import { COUNTRY_OPTIONS, countryPhrase } from '../country';
import { html, jsonForScript, raw, type HtmlValue, type SafeHtml } from '../html';
import { PUBLIC_CSS } from '../styles';

export interface PageOptions {
  readonly title: string;
  readonly description: string;
  /** Path of the canonical URL, e.g. '/learn/costs'. */
  readonly path: string;
  readonly publicUrl: string;
  readonly body: HtmlValue;
  /** Script files (served by the assets route); never inline. */
  readonly scripts?: readonly string[];
  readonly noindex?: boolean;
  readonly jsonLd?: unknown;
  readonly banner?: HtmlValue;
  /** Query string to keep on the site links (the visitor's explicit country choice). */
  readonly keepQuery?: string;
}

const LOGO = raw('<svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false"><rect width="32" height="32" rx="7" fill="#fff"/><path d="M9 23V9h3v5.6L17.4 9h3.8l-5.9 6.4L21.6 23h-3.8l-4.4-5.5-1.4 1.5V23z" fill="#0a444a"/></svg>');

export function absoluteUrl(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}

/** The page shell shared by every public page: head, skip link, site header, main, footer. */
export function page(o: PageOptions): string {
  const q = o.keepQuery ?? '';
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title}</title>
<meta name="description" content="${o.description}">
${o.noindex === true ? html`<meta name="robots" content="noindex, nofollow">` : html`<link rel="canonical" href="${absoluteUrl(o.publicUrl, o.path)}">`}
<meta name="theme-color" content="#0a444a">
<link rel="icon" href="/public-assets/favicon.svg" type="image/svg+xml">
<style>${raw(PUBLIC_CSS)}</style>
${o.jsonLd === undefined ? null : html`<script type="application/ld+json">${jsonForScript(o.jsonLd)}</script>`}
${(o.scripts ?? []).map((s) => html`<script src="${s}" defer></script>`)}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">${o.banner ?? null}<div class="in">
<a class="brand" href="/learn${q}">${LOGO}<span>Ketapath <span class="vh">public information</span></span></a>
<nav aria-label="Site"><ul>
<li><a href="/learn${q}">Learn</a></li>
<li><a href="/learn/self-check${q}">Self-check</a></li>
<li><a href="/learn/choosing-a-clinic${q}">Choosing a clinic</a></li>
</ul></nav>
</div></header>
<main id="main">
${o.body}
</main>
<footer class="site"><div class="in">
<p>General information, not medical advice. Facts come from the Ketapath clinical reference; each page lists its sources and their dates.</p>
<p>Ketapath is open-source software for ketamine and esketamine clinics. Clinic pages are published by each clinic from its own Ketapath system.</p>
</div></footer>
</body>
</html>
`;
  return doc.value;
}

/** What to do in a crisis: the country's line where the profile has one, otherwise local emergency services. */
export function crisisNote(code: JurisdictionCode | null): SafeHtml {
  const line = code === null ? null : JURISDICTIONS[code].crisisLine;
  const where = code === null ? '' : ` in ${countryPhrase(code)}`;
  if (line !== null && line.number !== null) {
    return html`<div class="note danger" role="note"><p><strong>If you are thinking about suicide or might harm yourself now:</strong> call ${line.number}${line.name === null ? '' : html` (${line.name})`}. In an emergency, call your local emergency number.</p></div>`;
  }
  return html`<div class="note danger" role="note"><p><strong>If you are thinking about suicide or might harm yourself now:</strong> call your local emergency number${where}, or go to the nearest emergency department.</p></div>`;
}

/** A country picker that works without JavaScript (a GET form). */
export function countryPicker(code: JurisdictionCode | null, action: string, fromBrowser: boolean, keep: Readonly<Record<string, string>> = {}): SafeHtml {
  return html`<form class="inline no-print" method="get" action="${action}">
${Object.entries(keep).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
<div class="field" style="margin:0"><label for="country">Your country</label>
<select id="country" name="country">
<option value=""${code === null ? raw(' selected') : ''}>Choose a country</option>
${COUNTRY_OPTIONS.map((c) => html`<option value="${c.code}"${c.code === code ? raw(' selected') : ''}>${c.name}</option>`)}
</select></div>
<button type="submit" class="secondary">Show</button>
${fromBrowser && code !== null ? html`<p class="meta" style="margin:0 0 .6rem">Chosen from your browser’s language settings.</p>` : null}
</form>`;
}

export function notFoundPage(publicUrl: string, what: string): string {
  return page({
    title: 'Page not found | Ketapath',
    description: 'This page does not exist.',
    path: '/learn',
    publicUrl,
    noindex: true,
    body: html`<h1>Page not found</h1><p>We could not find ${what}. It may have moved, or the clinic may not publish it.</p><p><a href="/learn">Go to the information pages</a></p>`,
  });
}
