/**
 * Coders in the real renderer: asked on first start and kept, changed from the header, and blind
 * coding that hides the other coders' segments in the text, the lists and the counts, and closes
 * agreement, until it is turned off.
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../electron/handlers/handlers';
import { saveIntoFolder } from '../../electron/services/export-folder';
import { startPreviewServer } from '../../electron/preview/preview-server';
import { ProjectStore } from '../../electron/project/project-store';
import { watchForProblems } from '../support/browser';
import { segmentInput } from '../support/project';
import { BUNDLED_DOCUMENTS, tempFolder } from '../support/temp';
import { RENDERER, setUpWorkbench } from '../support/workbench';
import { openView, showSidePanel } from '../support/workspace';

const workbench = setUpWorkbench();

describe('coders in the browser', () => {
  it('asks who is coding on first start, keeps the answer, and lets the coder change it', async () => {
    const folder = join(await tempFolder(), 'project');
    const store = await ProjectStore.open({ folder, bundledDocuments: BUNDLED_DOCUMENTS });
    const handlers = createHandlers({ store, chooseSavePath: saveIntoFolder(join(folder, 'exports')) });
    const server = await startPreviewServer({ handlers, rendererFolder: RENDERER });
    try {
      const page = await workbench.browser.newPage();
      const problems = await watchForProblems(page);
      await page.goto(server.url);
      const dialog = page.getByRole('dialog', { name: 'Who is coding?' });
      await dialog.waitFor();
      // Focus is in the name field, with the login name offered.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('coder-name');
      await page.keyboard.press('Escape'); // the first time, it must be answered
      expect(await dialog.isVisible()).toBe(true);
      await page.fill('input[data-action="coder-name"]', '  Dana  ');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.textContent('button[data-action="coder"]')).toBe('Coder: Dana');
      expect(await dialog.count()).toBe(0);
      expect(JSON.parse(await readFile(join(folder, 'project.json'), 'utf8'))).toMatchObject({ coder: 'Dana', coderConfirmed: true });

      // A segment made now is Dana's; after a reload nothing is asked again.
      const first = store.overview().documents[0];
      const { text } = await store.openDocument(first.id);
      expect(await dispatch(handlers, 'addSegment', segmentInput(first.id, text, text.split(/\s+/).find((w) => w.length > 5)!))).toMatchObject({ ok: true });
      expect(store.codebookState().segments.map((s) => s.coder)).toEqual(['Dana']);
      await page.reload();
      await page.waitForSelector('.document-button');
      expect(await page.getByRole('dialog').count()).toBe(0);

      await page.click('button[data-action="coder"]');
      await page.getByRole('dialog', { name: 'Change the coder' }).waitFor();
      await page.fill('input[data-action="coder-name"]', 'Eli');
      await page.click('button[data-action="save-coder"]');
      await expect.poll(() => page.textContent('button[data-action="coder"]')).toBe('Coder: Eli');
      expect(store.overview().coders).toEqual(['Dana', 'Eli']);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await server.close();
      await store.close();
    }
  });

  it("blind mode hides the other coder's segments in the text and the lists, and shows them again", async () => {
    const { store, handlers } = workbench.project;
    const document = store.overview().documents[2];
    const { text } = await store.openDocument(document.id);
    const words = text.split(/\s+/).filter((w) => w.length > 6);
    await store.addSegment(segmentInput(document.id, text, words[0], 'opinion'));
    await dispatch(handlers, 'setCoder', { name: 'bea' });
    await store.addSegment(segmentInput(document.id, text, words[1], 'factual-claim'));
    const other = store.overview().documents[3];
    const otherText = (await store.openDocument(other.id)).text;
    await store.addSegment(segmentInput(other.id, otherText, otherText.split(/\s+/).find((w) => w.length > 6)!, 'opinion'));
    await dispatch(handlers, 'setCoder', { name: 'ana' });
    const countOf = (id: string) => page.textContent(`.document-button[data-document-id="${id}"] .document-meta`);

    const { page, problems } = await workbench.newPage();
    await workbench.openInPage(page, document.id);
    await expect.poll(() => page.locator('.seg').allTextContents()).toEqual(expect.arrayContaining([words[0], words[1]]));
    await page.click('button[data-action="blind"]');
    await expect.poll(() => page.getAttribute('button[data-action="blind"]', 'aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('.seg').allTextContents()).toEqual([words[0]]);
    await showSidePanel(page, 'segments');
    expect(await page.locator('.segment-list li').count()).toBe(1);
    // The document list counts only ana's segments too.
    await showSidePanel(page, 'documents');
    await expect.poll(() => countOf(other.id)).toMatch(/^0 coded/);

    // The coded segments across documents: only ana's, counted as such, and bea is not offered as a filter.
    await openView(page, 'retrieval');
    await expect.poll(() => page.locator('.retrieval li').count()).toBe(1);
    expect(await page.textContent('.retrieval-count')).toBe('1 of 1 coded segment');
    expect(await page.locator('select[aria-label="Coder"] option').allTextContents()).toEqual(['All coders', 'ana']);

    // Agreement and the disagreements are closed, with a sentence saying why.
    await openView(page, 'reliability');
    await expect.poll(() => page.textContent('.blind-closed')).toMatch(/Blind coding is on: agreement and the disagreements are closed, because they show the other coders' work/);
    expect(await page.locator('button[data-action="compute-agreement"], .reliability-table, .disagreement-list').count()).toBe(0);

    // Still blind after a reload (a setting of the project), and visible again when turned off.
    await page.reload();
    await workbench.openInPage(page, document.id);
    await expect.poll(() => page.locator('.seg').allTextContents()).toEqual([words[0]]);
    expect(await page.getAttribute('button[data-action="blind"]', 'aria-pressed')).toBe('true');
    await page.click('button[data-action="blind"]');
    await expect.poll(() => page.locator('.seg').allTextContents()).toEqual(expect.arrayContaining([words[0], words[1]]));
    await expect.poll(() => countOf(other.id)).toMatch(/^1 coded/);
    // With both coders' segments in the list, each card says whose it is.
    await showSidePanel(page, 'segments');
    expect((await page.locator('.segment-list .segment-coder').allTextContents()).sort()).toEqual([' · ana', ' · bea']);
    expect(problems).toEqual([]);
    await page.close();
  });
});
