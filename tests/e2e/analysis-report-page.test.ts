/**
 * The analysis report as a reader meets it: the file the program writes, opened in Chromium from
 * disk. It shows each section, says nothing in the console, asks for nothing beyond itself (no
 * script, no remote content, no policy violation), reads in a light and a dark system theme, and prints
 * to PDF.
 */
import { mkdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { dispatch } from '../../electron/handlers/handlers';
import { REPORT_SECTIONS } from '../../shared/analysis/analysis-report';
import type { ExportOutcome } from '../../shared/ipc/outcomes';
import type { Result } from '../../shared/ipc/result';
import { codedAnalysisProject } from '../support/analysis-project';
import { launchChromium, watchForProblems } from '../support/browser';

const SCREENSHOTS = new URL('../../.tmp/screenshots/', import.meta.url).pathname;
const SIZES = [
  [1400, 900],
  [1024, 700],
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** The report of the shared coded project (two coders, a variable to compare by), written through the contract. */
async function writtenReport(): Promise<string> {
  const { store, handlers } = await codedAnalysisProject();
  try {
    const answer = await dispatch(handlers, 'exportAnalysisReport', { filter: { documentIds: null, coders: null, variable: null }, variable: 'stance' });
    const written = answer as Result<ExportOutcome>;
    if (!written.ok) throw new Error(written.error.message);
    if (!written.value.path) throw new Error('the report was not written');
    return written.value.path;
  } finally {
    await store.close();
  }
}

describe('the analysis report in a browser', () => {
  it('opens from disk with every section shown, no console message, nothing fetched, and prints to PDF', async () => {
    const path = await writtenReport();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems = await watchForProblems(page);
    const console: string[] = [];
    page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const url = pathToFileURL(path).href;
    await page.goto(url);

    expect(await page.locator('h1').innerText()).toBe('Analysis report');
    const headings = await page.locator('section > h2').allInnerTexts();
    expect(headings).toEqual(Object.values(REPORT_SECTIONS));
    for (const key of Object.keys(REPORT_SECTIONS)) await expect.poll(() => page.locator(`section#${key}`).isVisible()).toBe(true);
    // The figures are drawn inline, and the agreement of the two coders is given.
    expect(await page.locator('svg').count()).toBeGreaterThan(0);
    expect(await page.locator('section#agreement').innerText()).toContain('ana');

    expect(await page.locator('script').count()).toBe(0);
    expect(requested).toEqual([url]);
    expect(console).toEqual([]);
    expect(problems).toEqual([]);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    await mkdir(SCREENSHOTS, { recursive: true });
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await page.screenshot({ path: `${SCREENSHOTS}analysis-report-${width}x${height}-${colorScheme}.png` });
      }
    }
    expect(console).toEqual([]);
    await page.close();
  });
});
