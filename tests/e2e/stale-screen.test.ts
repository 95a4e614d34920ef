/**
 * Nothing stale stays on screen, in the real renderer: search hits leave the text with the
 * search, the message bar forgets what was said about something else, a batch import is named
 * whole, a segment's details follow their passage and stay inside the window, the document memo
 * belongs to its document, and with the preview server gone the header does not claim to save.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startPreviewServer } from '../../electron/preview/preview-server';
import { clickAt, dragSelect, launchChromium, watchForProblems } from '../support/browser';
import { openProject, segmentInput } from '../support/project';
import { RENDERER, setUpWorkbench } from '../support/workbench';
import { openView } from '../support/workspace';

const workbench = setUpWorkbench();

/** The box of an element on the page (in the text view's shadow root, too). */
function box(page: Page, selector: string) {
  return page.locator(selector).first().evaluate((element) => {
    const { left, top, bottom, right } = element.getBoundingClientRect();
    return { left: Math.round(left), top: Math.round(top), bottom: Math.round(bottom), right: Math.round(right) };
  });
}

describe('nothing stale on screen', () => {
  it('takes search hits off the text when the search closes, and draws them again when it opens', async () => {
    const { page, problems } = await workbench.newPage();
    const document = workbench.project.store.overview().documents.find((d) => d.file.startsWith('004'))!;
    await workbench.openInPage(page, document.id);
    await page.keyboard.press('Control+f');
    await page.fill('input[aria-label="Search for"]', 'Armenia');
    await expect.poll(() => page.locator('.search-hit').count()).toBeGreaterThan(0);
    await page.click('button[aria-label="Close the search"]');
    await expect.poll(() => page.locator('.search-hit').count()).toBe(0);
    // Open again: the same words, the hits back; closed with Escape, gone again.
    await page.click('button[data-action="search"]');
    await expect.poll(() => page.locator('.search-hit').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.search-panel').count()).toBe(0);
    await expect.poll(() => page.locator('.search-hit').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('clears the message bar when another document, view or panel is opened', async () => {
    const { page, problems } = await workbench.newPage();
    const [first, second] = workbench.project.store.overview().documents;
    await workbench.openInPage(page, first.id);
    const sayNothingToRepeat = async () => {
      await clickAt(page, 12);
      await page.keyboard.press('.');
      await expect.poll(() => page.textContent('.message-bar')).toContain('No code used yet');
    };
    await sayNothingToRepeat();
    await workbench.openInPage(page, second.id);
    await expect.poll(() => page.textContent('.message-bar')).toBe('');
    await sayNothingToRepeat();
    await page.click('button[data-action="codebook"]');
    await expect.poll(() => page.textContent('.message-bar')).toBe('');
    await sayNothingToRepeat();
    await openView(page, 'retrieval');
    await expect.poll(() => page.textContent('.message-bar')).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('names every file of a nine-file import in the message bar', async () => {
    const { page, problems } = await workbench.newPage();
    const names = Array.from({ length: 9 }, (_, i) => `interview-${i + 1}.txt`);
    await page.setInputFiles(
      'input[data-action="import-documents"]',
      names.map((name, i) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(`Interview ${i + 1}: what the resident saw on day ${i + 1}.`) })),
    );
    await expect.poll(() => page.textContent('.import-report')).toContain('Imported 9 of 9 files.');
    await expect.poll(() => page.textContent('.message-bar')).toContain('Imported 9 of 9 files: ');
    const message = (await page.textContent('.message-bar'))!;
    for (const name of names) expect(message).toContain(name);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('closes the document memo when another document is opened', async () => {
    const { page, problems } = await workbench.newPage();
    const [first, second] = workbench.project.store.overview().documents;
    await workbench.openInPage(page, first.id);
    await page.click('button[data-action="document-memo"]');
    await page.waitForSelector('.document-header textarea');
    await workbench.openInPage(page, second.id);
    expect(await page.locator('.document-header textarea').count()).toBe(0);
    expect(await page.getAttribute('button[data-action="document-memo"]', 'aria-expanded')).toBe('false');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps a segment\'s details beside their passage when a panel reflows the text, and closes them when another panel or tab is shown', async () => {
    // Tall enough that the details fit below the passage both before and after the reflow (at 800
    // they would rightly flip above it once the reflow brings the passage near the bottom).
    const page = await workbench.browser.newPage({ viewport: { width: 1100, height: 860 } });
    const problems = await watchForProblems(page);
    await page.goto(workbench.server.url);
    await page.waitForSelector('.document-button');
    const document = workbench.project.store.overview().documents.find((d) => d.file.startsWith('004'))!;
    const { text } = await workbench.project.store.openDocument(document.id);
    await workbench.openInPage(page, document.id);
    const words = 'contested';
    await dragSelect(page, text.indexOf(words), text.indexOf(words) + words.length);
    await page.keyboard.press('1');
    await page.click('.seg.code-factual-claim');
    await page.waitForSelector('.popover');
    const beside = async () => {
      const [passage, details] = [await box(page, '.seg.code-factual-claim'), await box(page, '.popover')];
      return { left: details.left - passage.left, top: details.top - passage.bottom };
    };
    const before = await beside();
    expect(before.top).toBeGreaterThanOrEqual(0); // just below the passage's line
    expect(before.top).toBeLessThan(20);
    // The side panel folds away: the text is wider and wraps anew.
    const passageBefore = await box(page, '.seg.code-factual-claim');
    await page.click('.activity-bar button[aria-pressed="true"]');
    await expect.poll(() => page.locator('.side-panel').count()).toBe(0);
    await expect.poll(() => box(page, '.seg.code-factual-claim')).not.toEqual(passageBefore);
    // Just below the passage's new place (sideways, kept inside the window as before).
    await expect.poll(async () => (await beside()).top).toBe(before.top);
    const after = await beside();
    expect(Math.abs(after.left)).toBeLessThan(330);
    // Scrolled, they follow too.
    await page.locator('.document').evaluate((element) => element.scrollBy(0, 40));
    await expect.poll(beside).toEqual(after);
    // Another side panel: the details close (they would stay over the text while the eyes are elsewhere).
    await page.click('button[data-action="codebook"]');
    await page.waitForSelector('.codebook-editor');
    await expect.poll(() => page.locator('.popover').count()).toBe(0);
    // Another tab replaces the text: the details go with it.
    await page.click('.seg.code-factual-claim');
    await page.waitForSelector('.popover');
    await openView(page, 'variables');
    await expect.poll(() => page.locator('.popover').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the details of overlapping segments inside the window', async () => {
    const page = await workbench.browser.newPage({ viewport: { width: 1024, height: 700 } });
    const problems = await watchForProblems(page);
    await page.goto(workbench.server.url);
    await page.waitForSelector('.document-button');
    const store = workbench.project.store;
    const document = store.overview().documents.find((d) => d.file.startsWith('002'))!;
    const { text } = await store.openDocument(document.id);
    const words = text.match(/\p{L}{7,}/u)![0];
    for (const codeId of ['factual-claim', 'opinion', 'call-to-action']) await store.addSegment(segmentInput(document.id, text, words, codeId));
    await workbench.openInPage(page, document.id);
    await clickAt(page, text.indexOf(words) + 2);
    await expect.poll(() => page.locator('.popover-segment').count()).toBe(3);
    const details = await box(page, '.popover');
    expect(details.top).toBeGreaterThanOrEqual(0);
    expect(details.bottom).toBeLessThanOrEqual(700);
    // All three can be reached: the details scroll.
    await page.locator('.popover-segment >> nth=2').scrollIntoViewIfNeeded();
    const last = await box(page, '.popover-segment >> nth=2');
    expect(last.bottom).toBeLessThanOrEqual(700);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('with the preview server gone', () => {
  it('the header says changes are not saved instead of "All changes saved"', async () => {
    const project = await openProject();
    const server = await startPreviewServer({ handlers: project.handlers, rendererFolder: RENDERER });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(server.url);
      const document = project.store.overview().documents[1];
      const { text } = await project.store.openDocument(document.id);
      await page.click(`.document-button[data-document-id="${document.id}"]`);
      await page.waitForSelector('.text-host[data-ready]');
      await expect.poll(() => page.textContent('.save-status')).toBe('All changes saved');

      await server.close();
      const start = text.indexOf('Azerbaijan');
      await dragSelect(page, start, start + 'Azerbaijan'.length);
      await page.keyboard.press('2');
      await expect.poll(() => page.textContent('.save-status')).toMatch(/^Not saved — The preview server cannot be reached/);
      expect(await page.textContent('.status-bar')).not.toContain('All changes saved');
      // The passage never reached the project, so it is not shown as coded.
      expect(await page.locator('.seg.code-opinion').count()).toBe(0);
      expect(project.store.overview().documents[1].segmentCount).toBe(0);
    } finally {
      await browser.close();
      await server.close();
      await project.store.close();
    }
  });
});
