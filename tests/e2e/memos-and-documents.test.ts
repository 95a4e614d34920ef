/**
 * Memos on a segment and on a document, renaming a document, and removing one with Undo, in the
 * real renderer.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../electron/services/preview-server';
import { dragSelect, launchChromium, watchForProblems } from '../support/browser';
import { openProject, type OpenProject } from '../support/project';

const RENDERER = new URL('../../dist/renderer', import.meta.url).pathname;
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

describe('memos and documents in the browser', () => {
  it('writes memos, renames a document, removes it and brings it back', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems = await watchForProblems(page);
    await page.goto(server.url);
    const document = project.store.overview().documents[3];
    const { text } = await project.store.openDocument(document.id);
    await page.click(`.document-button[data-document-id="${document.id}"]`);
    await page.waitForSelector('.text-host[data-ready]');

    // A memo on a segment, written in its details.
    const words = 'military operation';
    await dragSelect(page, text.indexOf(words), text.indexOf(words) + words.length);
    await page.keyboard.press('1');
    await page.locator('.seg.code-factual-claim').first().click();
    await page.fill('.popover textarea', 'Presented as limited in scope.');
    await page.click('.popover h3'); // leaving the field saves it
    await expect.poll(async () => (await project.store.openDocument(document.id)).segments[0]?.memo).toBe('Presented as limited in scope.');
    await page.keyboard.press('Escape');

    // A memo on the document.
    await page.click('button[data-action="document-memo"]');
    await page.fill('.document-header textarea', 'Statement of one side.');
    await page.click('.document-heading');
    await expect.poll(() => project.store.overview().documents[3].memo).toBe('Statement of one side.');

    // Rename.
    await page.click('button[data-action="rename-document"]');
    await page.fill('input[aria-label="Document title"]', 'Ministry statement, 8 Nov');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('.document-heading')).toBe('Ministry statement, 8 Nov');
    await expect.poll(() => page.textContent(`.document-button[data-document-id="${document.id}"]`)).toContain('Ministry statement, 8 Nov');

    // Remove, with the count said first; Undo brings it back with its segment and memo.
    await page.click('button[data-action="remove-document"]');
    expect(await page.textContent('.confirm-remove')).toContain('and its 1 coded segment?');
    await page.click('button[data-action="remove-document-confirm"]');
    await expect.poll(() => page.locator(`.document-button[data-document-id="${document.id}"]`).count()).toBe(0);
    expect(await page.textContent('.main-area')).toContain('Choose a document');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator(`.document-button[data-document-id="${document.id}"]`).count()).toBe(1);
    await page.click(`.document-button[data-document-id="${document.id}"]`);
    await page.waitForSelector('.text-host[data-ready]');
    await expect.poll(() => page.locator('.seg.code-factual-claim').allTextContents()).toEqual([words]);
    expect((await project.store.openDocument(document.id)).segments[0].memo).toBe('Presented as limited in scope.');
    expect(problems).toEqual([]);
    await page.close();
  });
});
