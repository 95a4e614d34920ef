/**
 * axe-core in an end-to-end test: put it into a page (the page's Content Security Policy refuses
 * an injected script tag, so its source is evaluated through the DevTools protocol, which the
 * policy does not govern), run it on a part of the page, and say what it found in words a failing
 * test can print: each violation's rule, impact, help and the elements it names.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue, Result, RunOptions } from 'axe-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts a test refuses by default: those that keep someone from using the page. */
export const BLOCKING_IMPACTS: readonly ImpactValue[] = ['serious', 'critical'];

/** Puts axe-core into the page, once per page load. */
export async function injectAxe(page: Page): Promise<void> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!present) await page.evaluate(AXE_SOURCE);
}

/**
 * Runs axe-core on the elements `selector` matches (the whole page when omitted), against the
 * WCAG 2.x A and AA rules and axe's best practices; returns its violations.
 */
export async function axeViolations(page: Page, selector?: string, options: RunOptions = {}): Promise<Result[]> {
  await injectAxe(page);
  const results = await page.evaluate(
    async ([selector, options]) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe;
      const context = selector ? { include: [selector] } : document;
      return axe.run(context, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        resultTypes: ['violations'],
        ...options,
      });
    },
    [selector ?? null, options] as const,
  );
  return results.violations;
}

/** The violations of the given impacts, each as "id (impact): help — target, target …", one a line. */
export function describeViolations(violations: readonly Result[], impacts: readonly ImpactValue[] = BLOCKING_IMPACTS): string[] {
  return violations
    .filter((violation) => violation.impact && impacts.includes(violation.impact))
    .map((violation) => {
      const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ');
      return `${violation.id} (${violation.impact}): ${violation.help} — ${targets} [${violation.helpUrl}]`;
    });
}

/** The serious and critical violations axe-core finds in `selector` (or the whole page), described; [] when none. */
export async function blockingViolations(page: Page, selector?: string): Promise<string[]> {
  return describeViolations(await axeViolations(page, selector));
}
