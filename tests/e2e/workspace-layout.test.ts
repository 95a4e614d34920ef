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
  analysis: '.analysis-table',
  agreement: '.agreement-side',
};
const VIEWS: Record<ViewName, string> = {
  retrieval: '.retrieval-count',
  variables: '.variables-table',
  reliability: '.reliability .coder-exchange',
};

/**
 * The visible controls that cannot be reached: outside a clipping ancestor that does not scroll
 * that way (or outside the window), or covered at their centre once scrolled into view. Runs in
 * the page.
 */
function unreachableControls(): string[] {
  const selector = 'button, a[href], input, select, textarea, [role="tab"], [role="treeitem"], [tabindex="0"]';
  const describe = (element: Element) =>
    `${element.tagName.toLowerCase()}${element.getAttribute('data-action') ? `[${element.getAttribute('data-action')}]` : ''} “${(
      element.getAttribute('aria-label') ??
      element.textContent ??
      ''
    )
      .trim()
      .slice(0, 40)}”`;
  const scrolls = (value: string) => value === 'auto' || value === 'scroll';
  const problems: string[] = [];
  for (const element of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    // Hidden, or a control drawn by its label (a file input under its button).
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.opacity === '0') continue;
    if (!element.checkVisibility()) continue;
    // Outside an ancestor that clips: only fine if that ancestor scrolls in that direction (and
    // is itself reachable: from there on the scroller's box is what must be inside).
    let target: { left: number; right: number; top: number; bottom: number } = box;
    for (let ancestor = element.parentElement; ancestor && ancestor !== document.body; ancestor = ancestor.parentElement) {
      const clip = getComputedStyle(ancestor);
      if (clip.overflowX === 'visible' && clip.overflowY === 'visible') continue;
      const frame = ancestor.getBoundingClientRect();
      const outside = (start: number, end: number, frameStart: number, frameEnd: number) =>
        end - start <= frameEnd - frameStart ? start < frameStart - 1 || end > frameEnd + 1 : end <= frameStart || start >= frameEnd;
      const sideways = outside(target.left, target.right, frame.left, frame.right);
      const upDown = outside(target.top, target.bottom, frame.top, frame.bottom);
      if (sideways && !scrolls(clip.overflowX)) problems.push(`${describe(element)}: cut off sideways by ${ancestor.className}`);
      if (upDown && !scrolls(clip.overflowY)) problems.push(`${describe(element)}: cut off at the top or bottom by ${ancestor.className}`);
      if (sideways || upDown) target = frame;
    }
    // The middle of its scroll box: at an edge, a sticky header row or first column would lie over it.
    element.scrollIntoView({ block: 'center', inline: 'center' });
    const seen = element.getBoundingClientRect();
    const x = Math.min(Math.max((seen.left + seen.right) / 2, 0), window.innerWidth - 1);
    const y = Math.min(Math.max((seen.top + seen.bottom) / 2, 0), window.innerHeight - 1);
    if (seen.right <= 0 || seen.left >= window.innerWidth || seen.bottom <= 0 || seen.top >= window.innerHeight) {
      problems.push(`${describe(element)}: outside the window`);
      continue;
    }
    const hit = document.elementFromPoint(x, y);
    const label = element.closest('label');
    if (!hit || !(element.contains(hit) || (label && label.contains(hit)))) problems.push(`${describe(element)}: covered by ${hit ? describe(hit) : 'nothing'}`);
  }
  const page = document.scrollingElement!;
  if (page.scrollWidth > window.innerWidth + 1 || page.scrollHeight > window.innerHeight + 1) problems.push('the page itself scrolls');
  return problems;
}

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
