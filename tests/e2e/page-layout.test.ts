/**
 * The page's layout in the real renderer: the workspace fills the window at every size, with or
 * without a message, and screenshots of the main views in light and dark colour schemes are
 * written to `.tmp/screenshots/` for a person to look at.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickAt, dragSelect } from '../support/browser';
import { setUpWorkbench } from '../support/workbench';
import { openView, type ViewName } from '../support/workspace';

const workbench = setUpWorkbench();
const SIZES = [
  { width: 1400, height: 900 },
  { width: 1024, height: 700 },
] as const;
const SCREENSHOTS = new URL('../../.tmp/screenshots/', import.meta.url).pathname;

/** The bottom edges of the panels, the message bar, the status bar and the page, and how tall the page scrolls. */
function edges(page: Page) {
  return page.evaluate(() => {
    const bottom = (selector: string) => Math.round(document.querySelector(selector)!.getBoundingClientRect().bottom);
    const top = (selector: string) => Math.round(document.querySelector(selector)!.getBoundingClientRect().top);
    return {
      viewport: window.innerHeight,
      scrolls: document.scrollingElement!.scrollHeight > window.innerHeight,
      sidebar: bottom('.activity-bar'),
      main: bottom('.main-area'),
      right: bottom('.workspace > :last-child'),
      messageTop: top('.message-bar'),
      messageBottom: bottom('.message-bar'),
      statusTop: top('.status-bar'),
      statusBottom: bottom('.status-bar'),
    };
  });
}

/**
 * Controls that stick out of their panel or group (cut off at its edge, or under the next one), and
 * whether the page itself scrolls. Runs in the page.
 */
function overflowing(): string[] {
  const panels = '.top-bar, .status-bar, .activity-bar, .side-panel, .main-area, .segment-panel, .codebook-editor, .search-panel, .popover, fieldset';
  const controls = Array.from(document.querySelectorAll<HTMLElement>('.app button, .app select, .app input, .app label'));
  const out = controls.filter((control) => {
    const panel = control.closest<HTMLElement>(panels);
    const box = control.getBoundingClientRect();
    if (!panel || box.width === 0) return false;
    return box.right > panel.getBoundingClientRect().right + 0.5;
  });
  const page = document.scrollingElement!;
  const scrolls = page.scrollWidth > window.innerWidth || page.scrollHeight > window.innerHeight ? ['the page scrolls'] : [];
  return [...scrolls, ...out.map((control) => control.getAttribute('aria-label') ?? control.textContent?.trim() ?? control.tagName)];
}

describe('the page layout', () => {
  for (const size of SIZES) {
    it(`fills the window at ${size.width} × ${size.height}, with and without a message`, async () => {
      const page = await workbench.browser.newPage({ viewport: size });
      await page.goto(workbench.server.url);
      await page.waitForSelector('.document-button');
      const fillsTheWindow = async () => {
        const at = await edges(page);
        expect(at.scrolls).toBe(false);
        expect(at.messageBottom).toBe(at.statusTop);
        expect(at.statusBottom).toBe(at.viewport);
        expect(at.messageBottom - at.messageTop).toBeLessThan(50); // one line, not the blank rest of the window
        expect([at.sidebar, at.main, at.right]).toEqual([at.messageTop, at.messageTop, at.messageTop]);
      };
      // No document open and the message bar empty: the panels still reach down to it, and it
      // to the status bar at the window's bottom.
      await expect.poll(() => page.locator('.message-bar').textContent()).toBe('');
      await fillsTheWindow();
      // The same with a short view (the variables) and with a document open.
      await openView(page, 'variables');
      await fillsTheWindow();
      const document = workbench.project.store.overview().documents[0];
      await workbench.openInPage(page, document.id);
      await fillsTheWindow();
      // With a message shown (an empty selection coded), the same.
      await clickAt(page, 10);
      await page.keyboard.press('1');
      await page.waitForSelector('.message-bar .message-text');
      await fillsTheWindow();
      await page.close();
    });
  }

  it('writes screenshots of the main views at both sizes, light and dark', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const document = workbench.project.store.overview().documents[1];
    const { text } = await workbench.project.store.openDocument(document.id);
    const written: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const size of SIZES) {
        const page = await workbench.browser.newPage({ viewport: size, colorScheme });
        await page.goto(workbench.server.url);
        await page.waitForSelector('.document-button');
        const shoot = async (view: string) => {
          const path = `${SCREENSHOTS}${view}-${size.width}x${size.height}-${colorScheme}.png`;
          await page.screenshot({ path });
          written.push(path);
          expect(await page.evaluate(overflowing), `${view} at ${size.width} × ${size.height}`).toEqual([]);
        };
        await workbench.openInPage(page, document.id);
        await shoot('text');
        // A segment's details, opened with the mouse.
        const words = 'Azerbaijan';
        const start = text.indexOf(words);
        if (!(await page.locator('.seg').count())) {
          await dragSelect(page, start, start + words.length);
          await page.keyboard.press('2');
          await page.waitForSelector('.save-status[data-state="saved"]');
        }
        await clickAt(page, start + 2);
        await page.waitForSelector('.popover');
        await shoot('segment-details');
        await page.keyboard.press('Escape');
        await page.click('button[data-action="codebook"]');
        await page.waitForSelector('.codebook-editor');
        await page.click('[role="treeitem"] >> nth=0');
        await shoot('codebook');
        await page.click('button[data-action="search"]');
        await page.fill('input[aria-label="Search for"]', 'Azerbaijan');
        await expect.poll(() => page.textContent('.search-count')).toMatch(/hits?/);
        await shoot('search');
        await page.click('button[data-action="search"]');
        // Each view once what it asks the main process for is drawn.
        const views = { retrieval: '.retrieval-count', variables: '.variables .empty, .variables-table', reliability: '.reliability .coder-exchange' };
        for (const [view, drawn] of Object.entries(views)) {
          await openView(page, view as ViewName);
          await page.waitForSelector(drawn);
          await shoot(view);
        }
        await page.close();
      }
    }
    expect(written).toHaveLength(2 * 2 * 7);
  });
});
