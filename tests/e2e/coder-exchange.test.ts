/**
 * Bringing coders' work together in the real renderer: another coder's file imported from the
 * Agreement view (and then compared), and a shared folder synced, where each coder writes only
 * their own file.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { chooseSharedFolder, openProject, segmentInput } from '../support/project';
import { setUpWorkbench } from '../support/workbench';
import { value } from '../support/builders';
import { openView } from '../support/workspace';

const workbench = setUpWorkbench();

describe("another coder's work in the browser", () => {
  it('imports a coder file, compares the two coders, and syncs a shared folder', async () => {
    const bea = await openProject();
    await dispatch(bea.handlers, 'setCoder', { name: 'bea' });
    const document = bea.store.overview().documents[3];
    const { text } = await bea.store.openDocument(document.id);
    const words = text.split(/\s+/).filter((w) => w.length > 6);
    await bea.store.addSegment(segmentInput(document.id, text, words[0]));
    await bea.store.addSegment(segmentInput(document.id, text, words[1], 'opinion'));
    const file = value<{ path: string }>(await dispatch(bea.handlers, 'exportCoderFile', {}));
    // ana has coded the same document (agreement compares the documents both have coded).
    await workbench.project.store.addSegment(segmentInput(document.id, text, words[0]));

    const { page, problems } = await workbench.newPage();
    await openView(page, 'reliability');
    await page.setInputFiles('input[data-action="import-coder-files"]', [{ name: 'bea.coder.json', mimeType: 'application/json', buffer: await readFile(file.path) }]);
    await expect.poll(() => page.textContent('.coder-exchange-report')).toMatch(/bea/);
    expect(workbench.project.store.codebookState().segments.filter((s) => s.coder === 'bea')).toHaveLength(2);
    await page.click('button[data-action="compute-agreement"]');
    await expect.poll(() => page.textContent('.reliability-summary')).toMatch(/2 coders \(ana, bea\) · 1 document/);

    // A shared folder: ana's sync writes ana's file beside bea's and reads bea's (nothing new now).
    // In the preview the page names a folder below its root (bea chose the same folder in her app's dialog).
    const shared = join(workbench.project.placesRoot, 'coders');
    await mkdir(shared);
    await chooseSharedFolder(bea, shared);
    await dispatch(bea.handlers, 'syncSharedFolder', {});
    expect(await page.isDisabled('button[data-action="sync-shared-folder"]')).toBe(true);
    await expect.poll(() => page.textContent('.coder-exchange-folder')).toMatch(/none chosen yet/);
    await page.fill('input[data-action="shared-folder"]', 'coders');
    await page.click('button[data-action="choose-shared-folder"]');
    await expect.poll(() => page.textContent('[data-shared-folder]')).toMatch(/coders$/);
    await mkdir('.tmp/screenshots', { recursive: true });
    for (const theme of ['light', 'dark']) {
      await page.evaluate((chosen) => (globalThis.document.documentElement.dataset.theme = chosen), theme);
      await page.locator('.coder-exchange').screenshot({ path: `.tmp/screenshots/coder-exchange-shared-folder-${theme}.png` });
    }
    await page.evaluate(() => (globalThis.document.documentElement.dataset.theme = 'light'));
    await page.click('button[data-action="sync-shared-folder"]');
    await expect.poll(async () => (await readdir(shared)).sort()).toEqual(['ana.coder.json', 'bea.coder.json']);
    await expect.poll(() => page.textContent('.coder-exchange-report')).toMatch(/Nothing new|bea/);
    expect(JSON.parse(await readFile(join(shared, 'ana.coder.json'), 'utf8'))).toMatchObject({ coder: 'ana' });

    // bea codes more and syncs; the next time ana's app starts, bea's new work comes in by itself.
    await bea.store.addSegment(segmentInput(document.id, text, words[2], 'call-to-action'));
    await dispatch(bea.handlers, 'syncSharedFolder', {});
    await page.reload();
    await page.waitForSelector('.document-button');
    await expect.poll(() => workbench.project.store.codebookState().segments.filter((s) => s.coder === 'bea').length).toBe(3);
    expect(problems).toEqual([]);
    await page.close();
  });
});
