/**
 * The document list in the real renderer: each document by its title (not its file name), the
 * variables chosen as columns under it (kept over a reload), a filter, and the file name and
 * SHA-256 in the open document's details.
 */
import { describe, expect, it } from 'vitest';
import { setUpWorkbench } from '../support/workbench';

const workbench = setUpWorkbench();

describe('the document list', () => {
  it('lists the bundled corpus by title, with the segment count, and no file names', async () => {
    const { page, problems } = await workbench.newPage();
    const documents = workbench.project.store.overview().documents;
    expect(documents).toHaveLength(5);
    const titles = await page.locator('.document-button .document-title').allTextContents();
    expect(titles).toEqual(documents.map((document) => document.title));
    const listed = (await page.textContent('.document-list')) ?? '';
    for (const document of documents) {
      expect(document.title).not.toBe(document.file);
      expect(listed).not.toContain(document.file);
      expect(listed).not.toContain(document.sha256.slice(0, 16));
    }
    expect(await page.locator('.document-button .document-meta').first().textContent()).toMatch(/^\d+ coded segments?$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the chosen variables as columns under each title, and keeps the choice over a reload', async () => {
    const { handlers, store } = workbench.project;
    const [first, second] = store.overview().documents;
    await handlers.defineVariable({ name: 'outlet', type: 'text', choices: [] });
    await handlers.defineVariable({ name: 'stance', type: 'choice', choices: ['Armenian', 'Azerbaijani'] });
    await handlers.setDocumentValue({ documentId: first.id, name: 'outlet', value: 'Asbarez' });
    await handlers.setDocumentValue({ documentId: second.id, name: 'outlet', value: 'Trend' });
    const { page, problems } = await workbench.newPage();

    expect(await page.locator('.document-value').count()).toBe(0);
    await page.click('button[data-action="document-columns"]');
    expect(await page.getAttribute('button[data-action="document-columns"]', 'aria-expanded')).toBe('true');
    expect(await page.locator('.document-columns-menu label').allTextContents()).toEqual(['outlet', 'stance']);
    await page.check('.document-columns-menu input[data-variable="outlet"]');
    const firstRow = page.locator(`.document-button[data-document-id="${first.id}"]`);
    await expect.poll(() => firstRow.locator('.document-value[data-variable="outlet"]').textContent()).toBe('outlet Asbarez');
    expect(await page.locator(`.document-button[data-document-id="${second.id}"] .document-value`).textContent()).toBe('outlet Trend');
    // Escape closes the menu and gives the focus back to its button.
    await page.keyboard.press('Escape');
    expect(await page.locator('.document-columns-menu').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('document-columns');
    await page.screenshot({ path: '.tmp/screenshots/document-list-columns.png' });

    await page.reload();
    await page.waitForSelector('.document-button');
    expect(await firstRow.locator('.document-value[data-variable="outlet"]').textContent()).toBe('outlet Asbarez');
    expect(await page.locator('.document-value[data-variable="stance"]').count()).toBe(0);

    // The filter narrows the list by title and by the values shown.
    await page.fill('input[data-action="filter-documents"]', 'trend');
    await expect.poll(() => page.locator('.document-button').count()).toBe(1);
    expect(await page.getAttribute('.document-button', 'data-document-id')).toBe(second.id);
    const word = first.title.split(/\s+/).find((w) => w.length > 4)!;
    await page.fill('input[data-action="filter-documents"]', word);
    await expect.poll(() => page.locator(`.document-button[data-document-id="${first.id}"]`).count()).toBe(1);
    await page.fill('input[data-action="filter-documents"]', 'no such document anywhere');
    await expect.poll(() => page.textContent('.document-panel')).toContain('No document matches');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("puts the file name and SHA-256 in the open document's details", async () => {
    const { page, problems } = await workbench.newPage();
    const document = workbench.project.store.overview().documents[1];
    await workbench.openInPage(page, document.id);
    await page.click('.document-details summary');
    expect(await page.textContent('.document-details dd[data-field="file"]')).toBe(document.file);
    expect(await page.textContent('.document-details dd[data-field="sha256"]')).toBe(document.sha256);
    expect(await page.textContent('.document-details dd[data-field="title"]')).toBe(document.title);
    expect(problems).toEqual([]);
    await page.close();
  });
});
