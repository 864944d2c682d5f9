/**
 * Accessibility measured with axe-core in the page under test: the WCAG 2.0 and 2.1 rules of
 * levels A and AA (the level Dutch government software must meet, EN 301 549).
 *
 *   const violations = await axeViolations(page);   // [] when the page passes
 *   expect(violations).toEqual([]);                  // each as "rule: help — selector (…)"
 *
 * axe's source is evaluated through the DevTools protocol, not as a script tag, so the page's
 * nonce CSP stays as strict as it is for users. Closed <details> are opened first: a panel a
 * user can open must pass too.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type TAxeResult = {
  violations: { id: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
};

export async function axeViolations(page: Page, opts: { openDetails?: boolean } = {}): Promise<string[]> {
  if (opts.openDetails !== false)
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (c: Document, opts: object) => Promise<unknown> } }).axe.run(
        document,
        {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        },
      ),
    WCAG_AA_TAGS,
  );
  return (result as TAxeResult).violations.flatMap((v) =>
    v.nodes.map(
      (n) => `${v.id}: ${v.help} — ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`,
    ),
  );
}
