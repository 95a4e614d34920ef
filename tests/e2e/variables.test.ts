/**
 * Document variables in the real renderer: defined, filled in the table (a wrong value refused
 * with a message), and used to filter the coded segments.
 */
import { describe, expect, it } from 'vitest';
import { segmentInput } from '../support/project';
import { setUpWorkbench } from '../support/workbench';
import { openView } from '../support/workspace';

const workbench = setUpWorkbench();

describe('document variables in the browser', () => {
  it('are defined and filled in a table, checked by type, and filter the coded segments', async () => {
    const { store } = workbench.project;
    const [d0, d1] = store.overview().documents;
    await store.addSegment(segmentInput(d0.id, (await store.openDocument(d0.id)).text, 'WAR IN ARTSAKH'));
    await store.addSegment(segmentInput(d1.id, (await store.openDocument(d1.id)).text, 'Shelling by Azerbaijan'));

    const { page, problems } = await workbench.newPage();
    await openView(page, 'variables');
    expect(await page.textContent('.variables')).toContain('No variables yet');

    await page.fill('input[aria-label="New variable name"]', 'stance');
    await page.selectOption('select[aria-label="Type of the new variable"]', 'choice');
    await page.fill('input[aria-label="Values of the list"]', 'Armenian, Azerbaijani');
    await page.click('.add-variable button[type="submit"]');
    // Typed at once, before the first is saved: the form keeps what is typed in the meantime.
    await page.fill('input[aria-label="New variable name"]', 'words');
    await page.selectOption('select[aria-label="Type of the new variable"]', 'number');
    await page.click('.add-variable button[type="submit"]');
    await expect.poll(() => page.locator('.variables-table thead th').count()).toBe(3);

    await page.selectOption(`select[aria-label="stance of ${d0.title}"]`, 'Armenian');
    await page.selectOption(`select[aria-label="stance of ${d1.title}"]`, 'Azerbaijani');
    await page.fill(`input[aria-label="words of ${d0.title}"]`, 'many');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('.message-bar')).toContain('“many” is not a number (words).');
    await page.fill(`input[aria-label="words of ${d0.title}"]`, '412');
    await page.keyboard.press('Enter');
    await expect.poll(() => store.overview().documents[0].values).toEqual({ stance: 'Armenian', words: 412 });
    expect(store.overview().documents[1].values).toEqual({ stance: 'Azerbaijani' });

    // The coded segments, filtered by a variable's value.
    await openView(page, 'retrieval');
    await expect.poll(() => page.textContent('.retrieval-count')).toBe('2 of 2 coded segments');
    await page.selectOption('select[aria-label="Variable"]', { label: 'stance = Azerbaijani' });
    await expect.poll(() => page.locator('.retrieval-row').allTextContents()).toEqual([expect.stringContaining('Shelling by Azerbaijan')]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
