import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[]; readonly failureSummary?: string }[];
}

/**
 * Run axe-core in the page (injected through the DevTools protocol, so the page's CSP, which forbids
 * inline scripts, does not block it) with the WCAG 2.x A/AA and best-practice rules.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

/** Every public page a visitor can reach (the clinic page is the demo clinic's). */
export const PUBLIC_PAGES: readonly { readonly name: string; readonly path: string }[] = [
  { name: 'clinic', path: '/c/demo-riverside' },
  { name: 'learn', path: '/learn' },
  { name: 'learn-how-it-works', path: '/learn/how-it-works' },
  { name: 'learn-candidates', path: '/learn/candidates' },
  { name: 'learn-routes', path: '/learn/routes' },
  { name: 'learn-session', path: '/learn/session' },
  { name: 'learn-side-effects', path: '/learn/side-effects' },
  { name: 'learn-long-term-safety', path: '/learn/long-term-safety' },
  { name: 'learn-legal-status', path: '/learn/legal-status?country=UK' },
  { name: 'learn-costs', path: '/learn/costs?country=US' },
  { name: 'self-check', path: '/learn/self-check' },
  { name: 'self-check-clinic', path: '/learn/self-check?clinic=demo-riverside' },
  { name: 'choosing-a-clinic', path: '/learn/choosing-a-clinic' },
  { name: 'not-found', path: '/learn/no-such-page' },
];

/** Width the page needs beyond the viewport (0 = no horizontal scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
