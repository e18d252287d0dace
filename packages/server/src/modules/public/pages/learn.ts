import type { JurisdictionCode } from '@ketapath/clinical';
import { expandBlocks, type Block, type Topic } from '../content/model';
import { TOPICS } from '../content/topics';
import type { VisitorCountry } from '../country';
import { html, type HtmlValue } from '../html';
import { Citations } from './cite';
import { countryPicker, crisisNote, page } from './layout';

export interface LearnContext {
  readonly country: VisitorCountry;
  readonly publicUrl: string;
}

/** Keep the visitor's explicit country choice on links between public pages. */
export function keepCountry(country: VisitorCountry): string {
  return country.from === 'query' && country.code !== null ? `?country=${country.code}` : '';
}

function renderBlock(b: Block, cite: Citations, code: JurisdictionCode | null): HtmlValue {
  switch (b.kind) {
    case 'p':
      return html`<p>${b.facts.map((f, i) => html`${i > 0 ? ' ' : ''}${cite.fact(f)}`)}</p>`;
    case 'plain':
      return html`<p>${b.text}</p>`;
    case 'h2':
      return b.id === undefined ? html`<h2>${b.text}</h2>` : html`<h2 id="${b.id}">${b.text}</h2>`;
    case 'list':
      return html`<ul>${b.items.map((f) => html`<li>${cite.fact(f)}</li>`)}</ul>`;
    case 'table':
      return html`<table><caption>${b.caption}${cite.marker(b.src)}</caption><thead><tr>${b.head.map((h, i) => html`<th scope="col"${i > 0 ? html` class="n"` : ''}>${h}</th>`)}</tr></thead><tbody>${b.rows.map(
        (r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td class="n">${c}</td>`))}</tr>`,
      )}</tbody></table>`;
    case 'country':
      return expandBlocks(b.render(code), code).map((x) => renderBlock(x, cite, code));
    case 'crisis':
      return crisisNote(code);
  }
}

/** Article body of a topic (exported for the reading-age test). */
export function topicArticle(topic: Topic, code: JurisdictionCode | null): { body: HtmlValue; cite: Citations } {
  const cite = new Citations();
  const body = topic.blocks.map((b) => renderBlock(b, cite, code));
  return { body, cite };
}

export function renderTopic(topic: Topic, ctx: LearnContext): string {
  const { code } = ctx.country;
  const { body, cite } = topicArticle(topic, code);
  const i = TOPICS.indexOf(topic);
  const next = TOPICS[i + 1];
  const q = keepCountry(ctx.country);
  const needsCountry = topic.blocks.some((b) => b.kind === 'country' || b.kind === 'crisis');
  return page({
    title: `${topic.title} | Ketapath`,
    description: topic.summary,
    path: `/learn/${topic.slug}`,
    publicUrl: ctx.publicUrl,
    keepQuery: q,
    body: html`<article class="prose">
<p class="crumbs"><a href="/learn${q}">Learn</a></p>
<h1>${topic.title}</h1>
<p class="lead">${topic.summary}</p>
${needsCountry ? countryPicker(code, `/learn/${topic.slug}`, ctx.country.from === 'browser') : null}
<div class="article-text">${body}</div>
<nav aria-label="Next" class="no-print"><p>${next === undefined ? html`<a href="/learn/self-check${q}">Next: prepare with the self-check</a>` : html`<a href="/learn/${next.slug}${q}">Next: ${next.title}</a>`}</p></nav>
${cite.list()}
</article>`,
  });
}

export function renderLearnIndex(ctx: LearnContext): string {
  const q = keepCountry(ctx.country);
  return page({
    title: 'Ketamine and esketamine for depression: plain facts | Ketapath',
    description: 'Plain-language, sourced information on ketamine and esketamine treatment for depression: how it works, who may be a candidate, sessions, side effects, legal status and costs.',
    path: '/learn',
    publicUrl: ctx.publicUrl,
    keepQuery: q,
    body: html`<h1>Ketamine and esketamine for depression</h1>
<p class="lead prose">Plain facts to help you decide whether to ask about this treatment, and how to choose a clinic. Every fact lists its source and date.</p>
${countryPicker(ctx.country.code, '/learn', ctx.country.from === 'browser')}
<h2>Learn about the treatment</h2>
<div class="grid">${TOPICS.map((t) => html`<div class="card"><h3><a href="/learn/${t.slug}${q}">${t.title}</a></h3><p>${t.summary}</p></div>`)}</div>
<h2>Tools</h2>
<div class="grid">
<div class="card"><h3><a href="/learn/self-check${q}">Self-check before a consultation</a></h3><p>Gather the health points to discuss and the questions to ask. It does not decide whether treatment is right for you.</p></div>
<div class="card"><h3><a href="/learn/choosing-a-clinic${q}">Checklist for choosing a clinic</a></h3><p>Compare several clinics side by side on safety, care and cost, and print the result.</p></div>
</div>
${crisisNote(ctx.country.code)}`,
  });
}
