/**
 * Escape in a text field keeps what was typed, in the real renderer: a segment's memo, a
 * document's memo, a codebook field and a variable's value are saved, and are there after the
 * page is loaded again.
 */
import { describe, expect, it } from 'vitest';
import { dragSelect } from '../support/browser';
import { setUpWorkbench } from '../support/workbench';
import { openView } from '../support/workspace';

const workbench = setUpWorkbench();

describe('Escape in a text field', () => {
  it('saves a segment memo, a document memo, a codebook field and a variable, as leaving the field does', async () => {
    const { page, problems } = await workbench.newPage();
    const store = workbench.project.store;
    const document = store.overview().documents[2];
    const { text } = await store.openDocument(document.id);
    await workbench.openInPage(page, document.id);

    // A segment's memo: typed, then Escape (which also closes the details).
    const words = text.match(/\p{L}{6,}/u)![0];
    await dragSelect(page, text.indexOf(words), text.indexOf(words) + words.length);
    await page.keyboard.press('1');
    await page.locator('.seg.code-factual-claim').first().click();
    await page.click('.popover textarea');
    await page.keyboard.type('Typed, then Escape.');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await store.openDocument(document.id)).segments[0]?.memo).toBe('Typed, then Escape.');
    await expect.poll(() => page.locator('.popover').count()).toBe(0);

    // The document's memo.
    await page.click('button[data-action="document-memo"]');
    await page.click('.document-header textarea');
    await page.keyboard.type('A document memo.');
    await page.keyboard.press('Escape');
    await expect.poll(() => store.overview().documents[2].memo).toBe('A document memo.');

    // A codebook field (Escape also closes the codebook).
    await page.click('button[data-action="codebook"]');
    await page.click('[role="treeitem"][data-code-id="opinion"]');
    await page.click('input[aria-label="Description of opinion"]');
    await page.keyboard.press('End');
    await page.keyboard.type(' Said with Escape.');
    await page.keyboard.press('Escape');
    await expect.poll(() => store.overview().codes.find((c) => c.id === 'opinion')?.description).toMatch(/ Said with Escape\.$/);

    // A variable's value.
    await openView(page, 'variables');
    await page.fill('input[aria-label="New variable name"]', 'outlet');
    await page.click('.add-variable button[type="submit"]');
    const cell = `input[aria-label="outlet of ${document.title}"]`;
    await page.click(cell);
    await page.keyboard.type('Ministry site');
    await page.keyboard.press('Escape');
    await expect.poll(() => store.overview().documents[2].values.outlet).toBe('Ministry site');
    // The table stays, and so does the focus, in the cell.
    await expect.poll(() => page.evaluate(() => globalThis.document.activeElement?.getAttribute('aria-label'))).toBe(`outlet of ${document.title}`);

    // Loaded again, the page shows all four.
    await page.reload();
    await page.waitForSelector('.document-button');
    await openView(page, 'variables');
    expect(await page.inputValue(cell)).toBe('Ministry site');
    await workbench.openInPage(page, document.id);
    await page.click('button[data-action="document-memo"]');
    expect(await page.inputValue('.document-header textarea')).toBe('A document memo.');
    await page.locator('.seg.code-factual-claim').first().click();
    expect(await page.inputValue('.popover textarea')).toBe('Typed, then Escape.');
    await page.keyboard.press('Escape');
    await page.click('button[data-action="codebook"]');
    await page.click('[role="treeitem"][data-code-id="opinion"]');
    expect(await page.inputValue('input[aria-label="Description of opinion"]')).toMatch(/ Said with Escape\.$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps a half-typed new code or variable name when its panel is closed, until it is added', async () => {
    const { page, problems } = await workbench.newPage();
    await workbench.openInPage(page, workbench.project.store.overview().documents[0].id);
    await page.click('button[data-action="codebook"]');
    await page.click('input[aria-label="New code name"]');
    await page.keyboard.type('threat framing');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.codebook-editor').count()).toBe(0);
    await page.click('button[data-action="codebook"]');
    expect(await page.inputValue('input[aria-label="New code name"]')).toBe('threat framing');
    await page.click('.add-code button[type="submit"]');
    await expect.poll(() => workbench.project.store.overview().codes.some((c) => c.name === 'threat framing')).toBe(true);
    await expect.poll(() => page.inputValue('input[aria-label="New code name"]')).toBe('');

    // The variables' tab closed (Ctrl+W) and opened again.
    await openView(page, 'variables');
    await page.fill('input[aria-label="New variable name"]', 'outlet type');
    await page.click('[role="tab"][data-view="variables"]');
    await page.keyboard.press('Control+w');
    await expect.poll(() => page.locator('.variables').count()).toBe(0);
    await openView(page, 'variables');
    expect(await page.inputValue('input[aria-label="New variable name"]')).toBe('outlet type');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps a new document title on Escape, and a refused one stays in the field with the reason', async () => {
    const { page, problems } = await workbench.newPage();
    const document = workbench.project.store.overview().documents[4];
    await workbench.openInPage(page, document.id);
    await page.click('button[data-action="rename-document"]');
    await page.fill('input[aria-label="Document title"]', 'Renamed with Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.textContent('.document-heading')).toBe('Renamed with Escape');
    expect(workbench.project.store.overview().documents[4].title).toBe('Renamed with Escape');

    await page.click('button[data-action="rename-document"]');
    await page.fill('input[aria-label="Document title"]', '   ');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.message-bar.error');
    expect(await page.inputValue('input[aria-label="Document title"]')).toBe('   ');
    expect(workbench.project.store.overview().documents[4].title).toBe('Renamed with Escape');
    expect(problems).toEqual([]);
    await page.close();
  });
});
