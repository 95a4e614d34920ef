/**
 * The frame after a code key holds the highlight alone: the panels follow it and the save request
 * is sent once it is on screen. What that must not change: a call made before then (an undo in
 * the same frame) reaches the main process after the save, the panels show the new segment, and
 * the text view readied out of sight when the project is shown leaves nothing behind.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/preview-server';
import { dragSelect, launchChromium, watchForProblems } from '../support/browser';
import { openProject, type OpenProject } from '../support/project';
import { openBundledText, RENDERER, savedCodings } from '../support/workbench';

const FILE = '001_b754461076061955.txt';

let browser: Browser;
let project: OpenProject;
let server: PreviewServer;

beforeAll(async () => {
  browser = await launchChromium();
  project = await openProject();
  server = await startPreviewServer({ handlers: project.handlers, rendererFolder: RENDERER });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await project?.store.close();
});

const openText = (page: Page) => openBundledText(page, server, project, FILE);
const saved = (documentId: string) => savedCodings(project, documentId);

describe('the frame after a code key', () => {
  it('sends the save before an undo pressed in the same frame, so that the undo takes the new segment back', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems = await watchForProblems(page);
    const { document, text } = await openText(page);
    const words = 'Shelling by Azerbaijan';
    const start = text.indexOf(words);
    await dragSelect(page, start, start + words.length);
    // Both keys in one task: the undo is asked for before the key's frame is drawn.
    await page.evaluate(() => {
      const view = globalThis.document.querySelector('.text-host')!.shadowRoot!.querySelector('.text-view')!;
      const key = (init: KeyboardEventInit) => view.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init }));
      key({ key: '1' });
      key({ key: 'z', ctrlKey: true });
    });
    await expect.poll(() => page.textContent('.message-bar')).toContain(`Undone: Code “${words}” as factual claim`);
    await expect.poll(() => page.locator('.seg.code-factual-claim').count()).toBe(0);
    await page.waitForSelector('.save-status[data-state="saved"]');
    expect(await saved(document.id)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the new segment in the panels and saves it after the highlight is drawn', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems = await watchForProblems(page);
    const { document, text } = await openText(page);
    const entry = page.locator(`.document-button[data-document-id="${document.id}"] .document-meta`);
    const before = await entry.textContent();
    const words = 'Shelling by Azerbaijan';
    const start = text.indexOf(words);
    await dragSelect(page, start, start + words.length);
    await page.keyboard.press('1');
    await expect.poll(() => page.locator('.seg.code-factual-claim').allTextContents()).toEqual([words]);
    await expect.poll(() => entry.textContent()).not.toBe(before);
    await page.waitForSelector('.save-status[data-state="saved"]');
    await expect.poll(() => saved(document.id)).toEqual([['factual-claim', words]]);
    // Take it back for the next case.
    await page.keyboard.press('Control+z');
    await expect.poll(() => saved(document.id)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('saves a passage coded just before the window closes, though the frame that would send it never comes', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const { document, text } = await openText(page);
    const words = 'Shelling by Azerbaijan';
    const start = text.indexOf(words);
    await dragSelect(page, start, start + words.length);
    // No frame comes after the key (as when the window closes at once): the save request waits for one.
    await page.evaluate(() => {
      window.requestAnimationFrame = () => 0;
      const view = globalThis.document.querySelector('.text-host')!.shadowRoot!.querySelector('.text-view')!;
      view.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true, composed: true, cancelable: true }));
    });
    // Closed as the researcher closes the window: the page goes away before its wait for a frame is over.
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => saved(document.id)).toEqual([['opinion', words]]);
    // Take it back for the next case.
    const segment = (await project.store.openDocument(document.id)).segments[0];
    await project.store.removeSegment({ segmentId: segment.id });
  });

  it('leaves nothing of the text view readied out of sight, and draws only the opened document', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems = await watchForProblems(page);
    await page.goto(server.url);
    await page.waitForSelector('.document-button');
    // The view is readied a frame after the project is shown; give it a few.
    await page.evaluate(() => new Promise<void>((resolve) => {
      let frames = 5;
      const next = () => (--frames ? requestAnimationFrame(next) : resolve());
      requestAnimationFrame(next);
    }));
    const hosts = () => page.evaluate(() => [...globalThis.document.querySelectorAll('*')].filter((element) => element.shadowRoot).length);
    expect(await hosts()).toBe(0);
    expect(await page.locator('[aria-hidden="true"][style*="-10000px"]').count()).toBe(0);
    const { text } = await openText(page);
    expect(await hosts()).toBe(1);
    const shown = await page.evaluate(() => globalThis.document.querySelector('.text-host')!.shadowRoot!.querySelector('.text-view')!.textContent);
    expect(shown).toContain(text.split(/\r\n|\r|\n/)[0]);
    expect(shown).not.toContain('sample sample');
    expect(await page.locator('.seg').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
