/**
 * Memos on a segment and on a document, renaming a document, and removing one with Undo, in the
 * real renderer.
 */
import { describe, expect, it } from 'vitest';
import { dragSelect } from '../support/browser';
import { setUpWorkbench } from '../support/workbench';

const workbench = setUpWorkbench();

describe('memos and documents in the browser', () => {
  it('writes memos, renames a document, removes it and brings it back', async () => {
    const { page, problems } = await workbench.newPage();
    const document = workbench.project.store.overview().documents[3];
    const { text } = await workbench.project.store.openDocument(document.id);
    await workbench.openInPage(page, document.id);

    // A memo on a segment, written in its details.
    const words = 'military operation';
    await dragSelect(page, text.indexOf(words), text.indexOf(words) + words.length);
    await page.keyboard.press('1');
    await page.locator('.seg.code-factual-claim').first().click();
    await page.fill('.popover textarea', 'Presented as limited in scope.');
    await page.click('.popover h3'); // leaving the field saves it
    await expect.poll(async () => (await workbench.project.store.openDocument(document.id)).segments[0]?.memo).toBe('Presented as limited in scope.');
    await page.keyboard.press('Escape');

    // A memo on the document.
    await page.click('button[data-action="document-memo"]');
    await page.fill('.document-header textarea', 'Statement of one side.');
    await page.click('.document-heading');
    await expect.poll(() => workbench.project.store.overview().documents[3].memo).toBe('Statement of one side.');

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
    await workbench.openInPage(page, document.id);
    await expect.poll(() => page.locator('.seg.code-factual-claim').allTextContents()).toEqual([words]);
    expect((await workbench.project.store.openDocument(document.id)).segments[0].memo).toBe('Presented as limited in scope.');
    expect(problems).toEqual([]);
    await page.close();
  });
});
