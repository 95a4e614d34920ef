/**
 * Undo and redo in the real renderer, with the keyboard, and again after the services restart.
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

async function startServices(folder?: string) {
  project = await openProject(folder);
  server = await startPreviewServer({ handlers: project.handlers, rendererFolder: RENDERER });
}

beforeAll(async () => {
  browser = await launchChromium();
  await startServices();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await project?.store.close();
});

const openText = (page: Page) => openBundledText(page, server, project, FILE);
const saved = (documentId: string) => savedCodings(project, documentId);

describe('undo and redo in the browser', () => {
  it('takes back and redoes coding with Ctrl+Z and Shift+Ctrl+Z, also after a restart', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems = await watchForProblems(page);
    const { document, text } = await openText(page);
    const words = 'Shelling by Azerbaijan';
    const start = text.indexOf(words);
    await dragSelect(page, start, start + words.length);
    await page.keyboard.press('1');
    const factual = page.locator('.seg.code-factual-claim');
    await expect.poll(() => factual.allTextContents()).toEqual([words]);
    await page.waitForSelector('.save-status[data-state="saved"]');
    await expect.poll(() => page.getAttribute('button[data-action="undo"]', 'title')).toContain(`Code “${words}” as factual claim`);

    await page.keyboard.press('Control+z');
    await expect.poll(() => factual.count()).toBe(0);
    expect(await page.textContent('.message-bar')).toContain(`Undone: Code “${words}” as factual claim`);
    expect(await saved(document.id)).toEqual([]);

    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => factual.allTextContents()).toEqual([words]);
    expect(await saved(document.id)).toEqual([['factual-claim', words]]);

    // Change its code, then restart the services on the same folder.
    await factual.first().click();
    await page.selectOption('.popover select', 'opinion');
    await expect.poll(() => page.locator('.seg.code-opinion').count()).toBe(1);
    await page.waitForSelector('.save-status[data-state="saved"]');
    await page.close();
    await server.close();
    await project.store.close();
    await startServices(project.folder);

    const again = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problemsAfter = await watchForProblems(again);
    await openText(again);
    await expect.poll(() => again.locator('.seg.code-opinion').allTextContents()).toEqual([words]);
    // The undo button works like the key.
    await again.click('button[data-action="undo"]');
    await expect.poll(() => again.locator('.seg.code-factual-claim').allTextContents()).toEqual([words]);
    await again.locator('.text-host').click();
    await again.keyboard.press('Control+z');
    await expect.poll(() => again.locator('.seg').count()).toBe(0);
    expect(await saved(document.id)).toEqual([]);
    await again.keyboard.press('Control+z');
    await expect.poll(() => again.textContent('.message-bar')).toContain('Nothing to undo.');
    expect(problems).toEqual([]);
    expect(problemsAfter).toEqual([]);
    await again.close();
  });
});
