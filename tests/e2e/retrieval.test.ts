/**
 * The coded-segments view across documents, in the real renderer: filters, a jump to a segment,
 * and the export of the filtered rows read back by Python.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import type { ActionOutcome } from '../../shared/ipc';
import { segmentInput } from '../support/project';
import { setUpWorkbench } from '../support/workbench';
import { openView } from '../support/workspace';

const workbench = setUpWorkbench();

describe('retrieving coded segments', () => {
  it('filters across documents, jumps to a segment, and exports what is shown', async () => {
    const { store, handlers } = workbench.project;
    const added = (await dispatch(handlers, 'addCode', { name: 'casualties', parentId: 'factual-claim' })) as { value: ActionOutcome };
    const sub = added.value.codes!.at(-1)!.id;
    const [d0, d1] = store.overview().documents;
    const t0 = (await store.openDocument(d0.id)).text;
    const t1 = (await store.openDocument(d1.id)).text;
    await store.addSegment(segmentInput(d0.id, t0, 'WAR IN ARTSAKH', 'factual-claim'));
    await store.addSegment(segmentInput(d0.id, t0, 'first week', sub));
    await store.addSegment(segmentInput(d1.id, t1, 'Shelling by Azerbaijan', sub));
    await store.addSegment(segmentInput(d1.id, t1, 'Azerbaijan Launches', 'opinion'));

    const { page, problems } = await workbench.newPage();
    await openView(page, 'retrieval');
    await expect.poll(() => page.textContent('.retrieval-count')).toBe('4 of 4 coded segments');

    // Undo and redo here: the rows follow (the last segment coded goes, then comes back).
    await page.focus('.retrieval-row');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.textContent('.retrieval-count')).toBe('3 of 3 coded segments');
    await expect.poll(async () => (await page.locator('.retrieval-row mark').allTextContents()).sort()).toEqual(['Shelling by Azerbaijan', 'WAR IN ARTSAKH', 'first week']);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.textContent('.retrieval-count')).toBe('4 of 4 coded segments');
    await expect.poll(() => page.locator('.retrieval-row mark').allTextContents()).toContain('Azerbaijan Launches');
    expect(await page.locator('.retrieval-row').count()).toBe(4);

    await page.selectOption('select[aria-label="Code"]', 'factual-claim');
    await expect.poll(() => page.textContent('.retrieval-count')).toBe('3 of 4 coded segments');
    await page.uncheck('.retrieval-filters input[type="checkbox"]');
    await expect.poll(() => page.textContent('.retrieval-count')).toBe('1 of 4 coded segments');
    await page.check('.retrieval-filters input[type="checkbox"]');
    // The chooser lists the documents once a researcher reaches it (focus or press), as here.
    await page.focus('select[aria-label="Document"]');
    await page.selectOption('select[aria-label="Document"]', d1.id);
    await expect.poll(() => page.locator('.retrieval-row').allTextContents()).toEqual([expect.stringContaining('Shelling by Azerbaijan')]);
    expect(await page.textContent('.retrieval-row')).toContain('factual claim / casualties');
    await page.selectOption('select[aria-label="Document"]', '');
    await page.fill('input[aria-label="Words in the quote"]', 'WEEK');
    await expect.poll(() => page.textContent('.retrieval-count')).toBe('1 of 4 coded segments');
    await page.fill('input[aria-label="Words in the quote"]', '');

    // Export the three rows shown; Python reads them and checks each against its document.
    await page.click('button[data-action="export-retrieval"]');
    await expect.poll(() => page.textContent('.message-bar')).toContain('Exported 3 coded segments to');
    const message = (await page.textContent('.message-text'))!;
    const check = `
import csv, sys, os
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
for row in rows:
    text = open(os.path.join(sys.argv[2], row['document_file']), encoding='utf-8', newline='').read()
    assert text[int(row['start']):int(row['end'])] == row['text'], row
print(sorted(row['code_path'] for row in rows))
`;
    const printed = execFileSync('python3', ['-c', check, message.slice(message.indexOf(' to ') + 4), `${workbench.project.folder}/documents`]).toString().trim();
    expect(printed).toBe("['factual claim', 'factual claim / casualties', 'factual claim / casualties']");

    // A row jumps to its segment in the text.
    await page.click('.retrieval-row:has-text("Shelling by Azerbaijan")');
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${d1.id}"]`);
    const selected = () =>
      page.evaluate(() => (globalThis.document.querySelector('.text-host')!.shadowRoot as ShadowRoot & { getSelection(): Selection }).getSelection().toString());
    await expect.poll(selected).toBe('Shelling by Azerbaijan');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps a paragraph-long title to one cut line in the lists, the filter and the heading, whole in tooltips and the details', async () => {
    const { store, handlers } = workbench.project;
    // A project made before titles were cut: 003's title is its whole first paragraph.
    const document = store.overview().documents[3];
    const { text } = await store.openDocument(document.id);
    const paragraph = text.split('\n').find((line) => line.trim())!.trim();
    expect(paragraph.length).toBeGreaterThan(400);
    expect(document.title.length).toBeLessThanOrEqual(80); // derived titles are cut
    await dispatch(handlers, 'updateDocument', { documentId: document.id, title: paragraph });
    await store.addSegment(segmentInput(document.id, text, 'military operation', 'opinion'));

    const { page, problems } = await workbench.newPage();
    const fits = (selector: string) =>
      page.$eval(selector, (element) => ({ cut: element.scrollWidth > element.clientWidth, width: element.getBoundingClientRect().width, title: element.getAttribute('title') }));
    // The document list: one line with an ellipsis; the whole title in the tooltip.
    const listed = await fits(`.document-button[data-document-id="${document.id}"] .document-title`);
    expect(listed.cut).toBe(true);
    expect(await page.getAttribute(`.document-button[data-document-id="${document.id}"]`, 'title')).toContain(paragraph);

    // The coded-segments view: the document filter stays narrow, and no row is wider than the view.
    await openView(page, 'retrieval');
    await page.waitForSelector('.retrieval-row');
    await page.focus('select[aria-label="Document"]'); // its documents are listed once it is reached
    expect((await fits('select[aria-label="Document"]')).width).toBeLessThan(400);
    const option = page.locator(`select[aria-label="Document"] option[value="${document.id}"]`);
    expect((await option.textContent())!.length).toBeLessThanOrEqual(60);
    expect(await option.getAttribute('title')).toBe(paragraph);
    expect(await page.$eval('.retrieval', (view) => view.scrollWidth <= view.clientWidth)).toBe(true);
    const meta = await fits(`.retrieval-row:has(mark:text-is("military operation")) .retrieval-meta`);
    expect(meta.cut).toBe(true);
    expect(meta.title).toContain(paragraph);

    // The heading of the open document: one cut line; the details hold the whole title.
    await workbench.openInPage(page, document.id);
    const heading = await fits('.document-heading');
    expect(heading.cut).toBe(true);
    expect(heading.title).toContain(paragraph);
    await page.click('.document-details summary');
    expect(await page.textContent('.document-details dd[data-field="title"]')).toBe(paragraph);
    expect(problems).toEqual([]);
    await page.close();
  });
});
