/**
 * REFI-QDA in the real renderer: a project from another program imported with the import button
 * (its segments highlighted, its report shown), a codebook from a .qdc, the QDPX export from the
 * formats menu, and a long export followed with its progress and cancelled with no file left.
 */
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { openProject, segmentInput } from '../support/project';
import { setUpWorkbench } from '../support/workbench';
import { value } from '../support/builders';
import { exportFrom } from '../support/workspace';

const workbench = setUpWorkbench();

describe('REFI-QDA in the browser', () => {
  it('imports a .qdpx from the import button and shows its segments; imports a .qdc codebook; exports a .qdpx', async () => {
    // Another coder's project, exported as a bundle.
    const other = await openProject();
    await dispatch(other.handlers, 'setCoder', { name: 'Chen' });
    const added = value<{ codes: Array<{ id: string; name: string }> }>(await dispatch(other.handlers, 'addCode', { name: 'casualty figure', parentId: 'factual-claim' }));
    const figure = added.codes.find((c) => c.name === 'casualty figure')!;
    const document = other.store.overview().documents[1];
    const { text } = await other.store.openDocument(document.id);
    const words = text.split(/\s+/).filter((w) => w.length > 7).slice(0, 2);
    await other.store.addSegment(segmentInput(document.id, text, words[0], figure.id));
    await other.store.addSegment(segmentInput(document.id, text, words[1], 'opinion'));
    const bundle = value<{ path: string }>(await dispatch(other.handlers, 'exportDataset', { format: 'qdpx' }));
    const codebook = value<{ path: string }>(await dispatch(other.handlers, 'exportCodebook', { format: 'qdc' }));

    const { page, problems } = await workbench.newPage();
    await page.setInputFiles('input[data-action="import-documents"]', [
      { name: 'chen.qdpx', mimeType: 'application/octet-stream', buffer: await readFile(bundle.path) },
    ]);
    await page.waitForSelector('.import-report');
    await expect.poll(() => page.textContent('.import-report')).toContain('Imported 0 documents, 1 new code and 2 coded segments by Chen.');
    await workbench.openInPage(page, document.id);
    await expect.poll(() => page.locator('.seg').allTextContents()).toEqual(expect.arrayContaining(words));
    await page.click('.import-report button');

    // The codebook of the other project, from the codebook panel.
    await page.click('button[data-action="codebook"]');
    await page.setInputFiles('input[data-action="import-codebook"]', [
      { name: 'chen.qdc', mimeType: 'application/xml', buffer: await readFile(codebook.path) },
    ]);
    await expect.poll(() => page.textContent('.message-bar')).toMatch(/Edit|Import the codebook|already in the codebook/);

    // Out again, from the Export… dialog.
    await exportFrom(page, 'qdpx');
    await expect.poll(() => page.textContent('.message-bar')).toMatch(/Exported to .*\.qdpx/);
    const written = (await page.textContent('.message-text'))!.slice('Exported to '.length);
    expect((await readFile(written)).subarray(0, 2).toString()).toBe('PK');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the progress of a long export after a second, and Cancel leaves no file', async () => {
    // Over three hundred thousand segments: every run of one to sixteen words of the corpus, by three codes
    // (twice those of an export that took 1.7 s on two cores: it outlasts a second even on a fast, idle machine).
    const { store, handlers, exportsFolder } = workbench.project;
    const spans: Array<{ documentId: string; start: number; end: number }> = [];
    for (const document of store.overview().documents) {
      const text = await store.text(document.id);
      const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
      for (let i = 0; i < words.length; i++) {
        for (let n = 0; n < 16; n++) if (words[i + n]) spans.push({ documentId: document.id, start: words[i].start, end: words[i + n].end });
      }
    }
    for (const codeId of ['factual-claim', 'opinion', 'call-to-action']) {
      for (let i = 0; i < spans.length; i += 50_000) await dispatch(handlers, 'codeSpans', { codeId, spans: spans.slice(i, i + 50_000) });
    }
    const before = await readdir(exportsFolder).catch(() => []);

    const { page, problems } = await workbench.newPage();
    await exportFrom(page, 'qdpx');
    const status = page.locator('.job-progress');
    await status.waitFor({ timeout: 30_000 });
    const shown = await status.textContent();
    await page.click('button[data-action="cancel-job"]', { timeout: 5_000 });
    expect(shown).toMatch(/^Writing the coded segments: [\d,]+ of [\d,]+Cancel$/);
    await expect.poll(() => page.textContent('.message-bar')).toContain('Export cancelled: no file was written.');
    expect(await status.count()).toBe(0);
    expect(await readdir(exportsFolder).catch(() => [])).toEqual(before);
    expect(problems).toEqual([]);
    await page.close();
  });
});
