/**
 * The workspace never cuts anything off: for every side panel and every view tab, at 1400 × 900,
 * 1024 × 700 and at 200% zoom (a 700 × 450 CSS viewport), every visible control lies inside the
 * window or inside the scroll area of a panel that scrolls, and nothing covers it once it is
 * scrolled into view. Wide tables keep their header row and first column in view as they scroll.
 * Screenshots of each panel and view, light and dark, go to `.tmp/screenshots/workspace-*.png`.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { segmentInput } from '../support/project';
import { unreachableControls } from '../support/layout';
import { setUpWorkbench } from '../support/workbench';
import { openView, showSidePanel, type SidePanelName, type ViewName } from '../support/workspace';

const workbench = setUpWorkbench();
const SCREENSHOTS = new URL('../../.tmp/screenshots/', import.meta.url).pathname;
const SIZES: { width: number; height: number; name: string; locale?: string }[] = [
  { width: 1400, height: 900, name: '1400x900' },
  { width: 1024, height: 700, name: '1024x700' },
  // 1400 × 900 at 200% zoom: half as many CSS pixels each way.
  { width: 700, height: 450, name: '700x450-zoom200' },
  // German words run longer than English ones.
  { width: 1024, height: 700, name: '1024x700-de', locale: 'de-DE' },
];

/** What shows that a panel's content is drawn. */
const PANELS: Record<SidePanelName, string> = {
  documents: '.document-button',
  codebook: '.codebook-editor',
  search: '.search-panel',
  segments: '.segment-panel',
  suggestions: '.suggestions-panel',
  analysis: '.analysis-table',
  agreement: '.agreement-side',
};
const VIEWS: Record<ViewName, string> = {
  retrieval: '.retrieval-count',
  variables: '.variables-table',
  reliability: '.reliability .coder-exchange',
  analysis: '.analysis-area .frequencies-table',
  portrait: '.corpus-strip-button',
};

/** Shows a panel (or view) and waits for it; the side panel's own scroll goes back to the top. */
async function checkReachable(page: Page, what: string) {
  expect(await page.evaluate(unreachableControls), what).toEqual([]);
}

describe('the workspace layout', () => {
  beforeAll(async () => {
    const { store, handlers } = workbench.project;
    const [first, second] = store.overview().documents;
    const { text } = await store.openDocument(first.id);
    const words = text.split(/\s+/).filter((word) => word.length > 6);
    await store.addSegment(segmentInput(first.id, text, words[0]));
    await store.addSegment(segmentInput(first.id, text, words[1], 'opinion'));
    await dispatch(handlers, 'setCoder', { name: 'bea' });
    await store.addSegment(segmentInput(first.id, text, words[0]));
    await store.addSegment(segmentInput(first.id, text, words[2], 'call-to-action'));
    await dispatch(handlers, 'setCoder', { name: 'ana' });
    // Enough variables to make the table wider than any window here.
    for (const name of ['source', 'published', 'stance', 'language', 'outlet', 'author', 'genre', 'audience', 'region', 'notes']) {
      await dispatch(handlers, 'defineVariable', { name, type: 'text', choices: [] });
      await dispatch(handlers, 'setDocumentValue', { documentId: second.id, name, value: `${name} of the second text` });
    }
  });

  for (const size of SIZES) {
    it(`leaves every control of every panel and view reachable at ${size.width} × ${size.height}${size.locale ? ` in ${size.locale}` : ''}`, async () => {
      await mkdir(SCREENSHOTS, { recursive: true });
      const schemes = size.width === 700 || size.locale ? (['light'] as const) : (['light', 'dark'] as const);
      for (const colorScheme of schemes) {
        const page = await workbench.browser.newPage({ viewport: { width: size.width, height: size.height }, colorScheme, locale: size.locale });
        await page.goto(workbench.server.url);
        await page.waitForSelector('.document-button');
        const document = workbench.project.store.overview().documents[0];
        await workbench.openInPage(page, document.id);
        const shoot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}workspace-${name}-${size.name}-${colorScheme}.png` });
        for (const [panel, drawn] of Object.entries(PANELS) as [SidePanelName, string][]) {
          await showSidePanel(page, panel);
          if (panel === 'search') {
            await page.fill('.search-input', 'Azerbaijan');
            await expect.poll(() => page.textContent('.search-count')).toMatch(/\d/);
          }
          await page.waitForSelector(drawn);
          await shoot(panel);
          await checkReachable(page, `${panel} at ${size.name}, ${colorScheme}`);
        }
        for (const [view, drawn] of Object.entries(VIEWS) as [ViewName, string][]) {
          await openView(page, view);
          await page.waitForSelector(drawn);
          if (view === 'reliability') {
            await page.click('button[data-action="compute-agreement"]');
            await page.waitForSelector('.reliability-table');
          }
          await shoot(view);
          await checkReachable(page, `${view} at ${size.name}, ${colorScheme}`);
        }
        // The same with the side bar folded away, the views' tabs still open.
        await page.click('.activity-bar button[aria-pressed="true"]');
        await expect.poll(() => page.locator('.side-panel').count()).toBe(0);
        await checkReachable(page, `folded side bar at ${size.name}, ${colorScheme}`);
        await page.close();
      }
    });
  }

  it('keeps the header row and first column of the variables and agreement tables in view while they scroll', async () => {
    const page = await workbench.browser.newPage({ viewport: { width: 1024, height: 700 } });
    await page.goto(workbench.server.url);
    await page.waitForSelector('.document-button');
    const pinned = (table: string, scroller: string) =>
      page.evaluate(
        ([table, scroller]) => {
          const box = document.querySelector<HTMLElement>(scroller)!;
          const overflows = box.scrollWidth > box.clientWidth;
          box.scrollLeft = box.scrollWidth;
          box.scrollTop = box.scrollHeight;
          const frame = box.getBoundingClientRect();
          const header = document.querySelector(`${table} thead th:nth-child(2)`)!.getBoundingClientRect();
          const firstColumn = document.querySelector(`${table} tbody tr:last-child > :first-child`)!.getBoundingClientRect();
          const background = getComputedStyle(document.querySelector(`${table} tbody tr:last-child > :first-child`)!).backgroundColor;
          return {
            overflows,
            scrolledSideways: box.scrollLeft > 0,
            headerAtTop: Math.abs(header.top - frame.top) <= 2,
            firstColumnAtLeft: Math.abs(firstColumn.left - frame.left) <= 2,
            opaque: !/rgba\(.*, 0\)|transparent/.test(background),
          };
        },
        [table, scroller],
      );
    await openView(page, 'variables');
    await page.waitForSelector('.variables-table');
    expect(await pinned('.variables-table', '.variables-scroll')).toEqual({ overflows: true, scrolledSideways: true, headerAtTop: true, firstColumnAtLeft: true, opaque: true });
    await openView(page, 'reliability');
    await page.click('button[data-action="compute-agreement"]');
    await page.waitForSelector('.reliability-table');
    // The table must really overflow sideways, or the first column's check would prove nothing.
    expect(await pinned('.reliability-table', '.reliability-table')).toEqual({ overflows: true, scrolledSideways: true, headerAtTop: true, firstColumnAtLeft: true, opaque: true });
    await page.close();
  });
  it('draws the focus ring of a control in the top bar, the status bar and the codebook tree inside the box that scrolls', async () => {
    const page = await workbench.browser.newPage({ viewport: { width: 1024, height: 700 } });
    await page.goto(workbench.server.url);
    await page.waitForSelector('.document-button');
    await showSidePanel(page, 'codebook');
    await page.waitForSelector('.codebook-list');
    for (const [box, control] of [
      ['.top-bar', '.top-bar button'],
      ['.status-bar', '.status-bar button'],
      ['.codebook-list', '.codebook-list [tabindex="0"]'],
    ]) {
      // Focus from the keyboard, so that the ring shows.
      await page.focus(control);
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate((control) => document.activeElement === document.querySelector(control), control)).toBe(true);
      // The ring (outline width plus offset beyond the control) must lie inside the box, which clips.
      const ring = await page.evaluate(
        ([box, control]) => {
          const element = document.querySelector<HTMLElement>(control)!;
          const style = getComputedStyle(element);
          const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
          const inner = element.getBoundingClientRect();
          const frame = document.querySelector(box)!.getBoundingClientRect();
          return { visible: element.matches(':focus-visible') && style.outlineStyle !== 'none', inside: inner.top - reach >= frame.top && inner.bottom + reach <= frame.bottom };
        },
        [box, control],
      );
      expect(ring, control).toEqual({ visible: true, inside: true });
    }
    await page.close();
  });
});
