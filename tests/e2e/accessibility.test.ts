/**
 * axe-core over the whole workbench in the real renderer, in the light, dark and high-contrast
 * themes: the empty state (no tab), every side panel (documents, codebook, search with hits,
 * segments, suggestions, analysis, agreement), every view tab (Coded segments, Variables, Agreement with a
 * computed report and the exchange of coder files), the text view with a document open and a
 * segment's details open, and the dialogs (Export…, the command palette, the settings, the
 * shortcuts sheet, the coder dialog). One page per theme walks through them all. No violation of
 * impact serious or critical may remain; a failure lists each by place, with its rule, help and
 * the elements it names. A screenshot of each place goes to .tmp/screenshots/axe-*.png.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { blockingViolations } from '../support/axe';
import { clickAt, watchForProblems } from '../support/browser';
import { segmentInput } from '../support/project';
import { setUpWorkbench } from '../support/workbench';
import { openView, showSidePanel } from '../support/workspace';

const workbench = setUpWorkbench();
const SCREENSHOTS = new URL('../../.tmp/screenshots/', import.meta.url).pathname;

const THEMES = ['light', 'dark', 'high-contrast'] as const;

let text = '';
let documentId = '';

beforeAll(async () => {
  const { store, handlers } = workbench.project;
  const document = store.overview().documents[1];
  documentId = document.id;
  ({ text } = await store.openDocument(document.id));
  // Two coders on one document, so that the agreement view has a report to show.
  await store.addSegment(segmentInput(document.id, text, 'Azerbaijan', 'opinion'));
  await store.addSegment(segmentInput(document.id, text, 'Armenia', 'factual-claim'));
  await dispatch(handlers, 'setCoder', { name: 'bea' });
  await store.addSegment(segmentInput(document.id, text, 'Azerbaijan', 'opinion'));
  await dispatch(handlers, 'setCoder', { name: 'ana' });
  await mkdir(SCREENSHOTS, { recursive: true });
});

/** A page in `theme`, kept in the settings as the settings dialog keeps it, before the app loads. */
async function pageIn(theme: (typeof THEMES)[number]): Promise<{ page: Page; problems: string[] }> {
  const page = await workbench.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems = await watchForProblems(page);
  await page.addInitScript((kept) => localStorage.setItem('workbench-settings', kept), JSON.stringify({ theme }));
  await page.goto(workbench.server.url);
  await page.waitForSelector('.document-button, .empty');
  return { page, problems };
}

describe('accessibility of the whole workbench (axe-core)', () => {
  for (const theme of THEMES) {
    it(`has no serious or critical violations in any panel, view or dialog in the ${theme} theme`, async () => {
      const { page, problems } = await pageIn(theme);
      expect(await page.getAttribute('html', 'data-theme')).toBe(theme);
      const found: Record<string, string[]> = {};
      const checked: string[] = [];
      const check = async (place: string, selector: string) => {
        await page.waitForSelector(selector);
        await page.screenshot({ path: `${SCREENSHOTS}axe-${place}-${theme}.png` });
        const violations = await blockingViolations(page, selector);
        if (violations.length) found[place] = violations;
        checked.push(place);
      };
      const closeDialog = async (selector: string) => {
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator(selector).count()).toBe(0);
      };

      // No tab open: the whole page, with the documents panel beside the empty main area.
      await check('empty-state', 'body');
      await check('documents', '.side-panel[data-panel="documents"]');

      // A document open, a segment's details open over it.
      await workbench.openInPage(page, documentId);
      await check('text-view', '.main-area');
      await clickAt(page, text.indexOf('Azerbaijan') + 3);
      await check('segment-details', '.popover');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.popover').count()).toBe(0);

      await showSidePanel(page, 'segments');
      await check('segments', '.side-panel[data-panel="segments"]');
      await showSidePanel(page, 'codebook');
      await check('codebook', '.side-panel[data-panel="codebook"]');
      await showSidePanel(page, 'search');
      await page.locator('.search-panel input.search-input').fill('Armenia');
      await page.waitForSelector('.search-hits li');
      await check('search', '.side-panel[data-panel="search"]');
      await showSidePanel(page, 'suggestions');
      await page.waitForSelector('.suggestions-state');
      await check('suggestions', '.side-panel[data-panel="suggestions"]');
      await showSidePanel(page, 'analysis');
      await check('analysis', '.side-panel[data-panel="analysis"]');
      await showSidePanel(page, 'agreement');
      await check('agreement', '.side-panel[data-panel="agreement"]');

      // The views in their tabs.
      await openView(page, 'retrieval');
      await check('coded-segments-view', '.main-area');
      await openView(page, 'variables');
      await check('variables-view', '.main-area');
      await openView(page, 'reliability');
      await page.click('button[data-action="compute-agreement"]');
      await page.waitForSelector('.reliability-table');
      await check('agreement-view', '.main-area');
      await check('coder-exchange', '.coder-exchange');
      await openView(page, 'analysis');
      for (const figure of ['frequencies', 'cooccurrence', 'matrix', 'crosstab', 'words']) {
        await page.click(`.analysis-tabs [data-figure="${figure}"]`);
        await page.waitForSelector(`.analysis-tabs [data-figure="${figure}"][aria-selected="true"]`);
        await page.waitForSelector('.analysis-panel table, .analysis-panel .empty');
        await check(`analysis-${figure}`, '.analysis-area');
      }
      await openView(page, 'portrait');
      await page.waitForSelector('.corpus-strip-button');
      await check('portrait-view', '.main-area');

      // The dialogs, each opened as a researcher opens it.
      await page.click('button[data-action="export"]');
      await check('export-dialog', '.export-dialog');
      await closeDialog('.export-dialog');
      await page.keyboard.press('Control+Shift+P');
      await check('command-palette', 'dialog.command-palette');
      await closeDialog('dialog.command-palette');
      await page.click('.activity-bar button[data-action="settings"]');
      await check('settings-dialog', 'dialog.settings-dialog');
      await closeDialog('dialog.settings-dialog');
      await page.click('.activity-bar button[data-action="shortcuts"]');
      await check('shortcuts-sheet', 'dialog.shortcuts-sheet');
      await closeDialog('dialog.shortcuts-sheet');
      await page.click('button[data-action="coder"]');
      await check('coder-dialog', '.coder-dialog');
      await closeDialog('.coder-dialog');

      expect(checked).toHaveLength(25);
      expect(found, formatFound(found)).toEqual({});
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});

/** The violations by place, one a line, for the failure message. */
function formatFound(found: Record<string, string[]>): string {
  return Object.entries(found)
    .map(([place, violations]) => `${place}:\n  ${violations.join('\n  ')}`)
    .join('\n');
}
