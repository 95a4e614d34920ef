/**
 * Importing own texts in the real renderer: through the file dialog and by dropping files on the
 * window, with a report of what could not be imported, and coding an imported text.
 */
import { describe, expect, it } from 'vitest';
import { dragSelect } from '../support/browser';
import { docxFile, pdfFile } from '../support/files';
import { setUpWorkbench } from '../support/workbench';

const workbench = setUpWorkbench();

describe('importing texts in the browser', () => {
  it('imports through the dialog and by drag and drop, reports bad files, and codes an imported text', async () => {
    const { page, problems } = await workbench.newPage();

    await page.setInputFiles('input[data-action="import-documents"]', [
      { name: 'interview.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(await docxFile(['Interview with a resident', 'We stayed in the shelter for days.'])) },
      { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
      { name: 'leaflet.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await pdfFile(['Leaflet: join the rally on Sunday.'])) },
    ]);
    await page.waitForSelector('.import-report');
    const report = await page.textContent('.import-report');
    expect(report).toContain('Imported 2 of 3 files.');
    expect(report).toContain('empty.txt is empty.');
    await expect.poll(() => page.locator('.document-button').count()).toBe(7);

    // Dropped on the window: one new text, one already in the workbench.project.
    const dropped = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['Dropped text about the ceasefire.'], 'dropped.txt', { type: 'text/plain' }));
      transfer.items.add(new File(['Dropped text about the ceasefire.'], 'again.txt', { type: 'text/plain' }));
      return transfer;
    });
    await page.dispatchEvent('body', 'dragover', { dataTransfer: dropped });
    await page.waitForSelector('.drop-hint');
    await page.dispatchEvent('body', 'drop', { dataTransfer: dropped });
    await expect.poll(() => page.textContent('.import-report')).toContain('Imported 1 of 2 files.');
    expect(await page.textContent('.import-report')).toContain('again.txt is already in the project, as “Dropped text about the ceasefire.”');
    await expect.poll(() => page.locator('.document-button').count()).toBe(8);

    // Code a passage of the imported Word document.
    const interview = workbench.project.store.overview().documents.find((d) => d.source?.name === 'interview.docx')!;
    await page.click(`.document-button[data-document-id="${interview.id}"]`);
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${interview.id}"]`);
    const { text } = await workbench.project.store.openDocument(interview.id);
    const words = 'stayed in the shelter';
    await dragSelect(page, text.indexOf(words), text.indexOf(words) + words.length);
    await page.keyboard.press('1');
    await expect.poll(() => page.locator('.seg.code-factual-claim').allTextContents()).toEqual([words]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
