/**
 * A save that fails (a real full disk: a small file system filled up) in the real renderer: the researcher is told, the highlight
 * stays, nothing is lost, and once there is room again the change is saved by itself.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPreviewServer } from '../../electron/preview/preview-server';
import { dragSelect, launchChromium, watchForProblems } from '../support/browser';
import { openProject } from '../support/project';
import { segmentsInFile } from '../support/project-file';
import { fill, onSmallDisk } from '../support/small-disk';

const RENDERER = new URL('../../dist/renderer', import.meta.url).pathname;

describe('a full disk while coding', () => {
  it('says the change is not saved, keeps it, and saves it once there is room', async () => {
    await onSmallDisk(async (disk) => {
      const project = await openProject(join(disk, 'project'), undefined, { retryDelayMs: 500 });
      const server = await startPreviewServer({ handlers: project.handlers, rendererFolder: RENDERER });
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        const problems = await watchForProblems(page);
        await page.goto(server.url);
        const document = project.store.overview().documents[1];
        await page.click(`.document-button[data-document-id="${document.id}"]`);
        await page.waitForSelector('.text-host[data-ready]');
        const { text } = await project.store.openDocument(document.id);

        const filler = await fill(disk);
        const start = text.indexOf('Azerbaijan');
        await dragSelect(page, start, start + 'Azerbaijan'.length);
        await page.keyboard.press('2');
        await expect.poll(() => page.textContent('.save-status')).toMatch(/Not saved — Could not save .*disk is full/);
        expect(await page.locator('.seg.code-opinion').allTextContents()).toEqual(['Azerbaijan']);

        // Room again: the main process saves by itself and the page says so.
        await rm(filler);
        await expect.poll(() => page.getAttribute('.save-status', 'data-state'), { timeout: 15_000 }).toBe('saved');
        const saved = JSON.parse(await readFile(project.store.file, 'utf8'));
        expect(segmentsInFile(saved).map((s) => s.quote)).toEqual(['Azerbaijan']);
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
        await server.close();
        await project.store.close();
      }
    });
  });
});
