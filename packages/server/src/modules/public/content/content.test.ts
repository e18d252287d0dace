import { JURISDICTION_CODES, type JurisdictionCode } from '@ketapath/clinical';
import { describe, expect, it } from 'vitest';
import { html } from '../html';
import { renderChecklist, renderSelfCheck } from '../pages/tools';
import { topicArticle } from '../pages/learn';
import { fleschKincaid } from '../readability';
import { CLINIC_QUESTIONS } from './checklist';
import { expandBlocks, type Block, type Fact } from './model';
import { BRING_ITEMS, SELF_CHECK_ITEMS } from './self-check';
import { CONTENT_CHECKED_ON, EDU_SOURCES, formatSourceDate } from './sources';
import { TOPICS } from './topics';

const COUNTRIES: readonly (JurisdictionCode | null)[] = [null, ...JURISDICTION_CODES];

function facts(blocks: readonly Block[]): Fact[] {
  return blocks.flatMap((b) => (b.kind === 'p' ? b.facts : b.kind === 'list' ? b.items : []));
}

/** The words a visitor reads: tags, citation markers and tables removed; one line per block. */
export function readableText(markup: string): string {
  return markup
    .replace(/<sup class="cite">.*?<\/sup>/g, '')
    .replace(/<table>[\s\S]*?<\/table>/g, '')
    .replace(/<\/(p|li|h2|h3|div|label|legend)>|<br>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z#0-9]+;/g, ' ');
}

const ctx = { country: { code: 'US' as const, from: 'query' as const }, publicUrl: 'https://example.test' };

describe('education content', () => {
  it('has unique page addresses', () => {
    expect(new Set(TOPICS.map((t) => t.slug)).size).toBe(TOPICS.length);
  });

  it('gives every factual statement at least one known, dated or explicitly undated source', () => {
    const all = [...COUNTRIES.flatMap((c) => TOPICS.flatMap((t) => facts(expandBlocks(t.blocks, c)))), ...SELF_CHECK_ITEMS.map((i) => i.why), ...BRING_ITEMS, ...CLINIC_QUESTIONS.map((q) => q.why)];
    expect(all.length).toBeGreaterThan(150);
    for (const fact of all) {
      expect(fact.src.length, fact.text).toBeGreaterThan(0);
      for (const id of fact.src) {
        const s = EDU_SOURCES[id];
        expect(s, `${id} (${fact.text})`).toBeDefined();
        expect(s.ref).not.toBe('');
        expect(s.date === null || /^\d{4}(-\d{2}(-\d{2})?)?(–\d{4})?$/.test(s.date), `${id} date ${String(s.date)}`).toBe(true);
      }
    }
  });

  it('keeps numbers out of unsourced guidance text', () => {
    for (const c of COUNTRIES) {
      for (const t of TOPICS) {
        for (const b of expandBlocks(t.blocks, c)) {
          if (b.kind === 'plain') {
            expect(b.text, `${t.slug}: plain text must not make numeric claims`).not.toMatch(/\d/);
          }
        }
      }
    }
  });

  it('covers every jurisdiction profile on the legal-status page', () => {
    const legal = TOPICS.find((t) => t.slug === 'legal-status');
    for (const c of JURISDICTION_CODES) {
      const text = facts(expandBlocks(legal?.blocks ?? [], c)).map((f) => f.text).join(' ');
      expect(text.length, c).toBeGreaterThan(100);
    }
  });

  it('dates every page and formats source dates for people', () => {
    expect(CONTENT_CHECKED_ON).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(formatSourceDate('2024-12-31')).toBe('31 Dec 2024');
    expect(formatSourceDate('2023-08')).toBe('Aug 2023');
    expect(formatSourceDate('2019–2024')).toBe('2019–2024');
    const { cite } = topicArticle(TOPICS[0]!, 'US');
    expect(html`${cite.list()}`.value).toContain(`checked against the Ketapath clinical reference on ${formatSourceDate(CONTENT_CHECKED_ON)}`);
  });
});

describe('reading age (Flesch–Kincaid grade ≤ 9)', () => {
  it.each(TOPICS.map((t) => [t.slug, t] as const))('%s, for every country', (_slug, topic) => {
    for (const c of COUNTRIES) {
      const { body } = topicArticle(topic, c);
      const stats = fleschKincaid(readableText(html`${body}`.value));
      expect(stats.words, `${topic.slug} ${String(c)}`).toBeGreaterThan(100);
      expect(stats.grade, `${topic.slug} ${String(c)}`).toBeLessThanOrEqual(9);
    }
  });

  it('the self-check page', () => {
    const page = renderSelfCheck({ ...ctx, scriptUrl: '/x.js', clinic: { slug: 'demo', name: 'Demo clinic', phone: null, email: null }, clinicUnavailable: false });
    const main = page.slice(page.indexOf('<main'), page.indexOf('<section class="sources"'));
    expect(fleschKincaid(readableText(main)).grade).toBeLessThanOrEqual(9);
  });

  it('the clinic checklist page', () => {
    const page = renderChecklist({ ...ctx, scriptUrl: '/x.js' });
    const main = page.slice(page.indexOf('<main'), page.indexOf('<section class="sources"'));
    expect(fleschKincaid(readableText(main)).grade).toBeLessThanOrEqual(9);
  });
});

describe('self-check', () => {
  it('never says eligible, and flags the crisis item', () => {
    const page = renderSelfCheck({ ...ctx, scriptUrl: '/x.js', clinic: null, clinicUnavailable: false });
    expect(page.toLowerCase()).not.toMatch(/\beligib/);
    expect(SELF_CHECK_ITEMS.filter((i) => i.urgent === true).map((i) => i.id)).toEqual(['suicidal-thoughts']);
    expect(page).toContain('data-urgent="1"');
    expect(page).toContain('call 988');
  });
});
