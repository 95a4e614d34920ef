/**
 * Growing and refining the codebook in the real renderer while coding: add a nested code with a
 * key, code with it (by key, by search, and again with the repeat key), rename it, merge and
 * delete codes, and take a merge back with Undo.
 */
import { describe, expect, it } from 'vitest';
import { dragSelect } from '../support/browser';
import { setUpWorkbench } from '../support/workbench';

const workbench = setUpWorkbench();

describe('the codebook editor', () => {
  it('adds, uses, renames, merges and deletes codes, each undoable', async () => {
    const { page, problems } = await workbench.newPage();
    const document = workbench.project.store.overview().documents[2];
    const { text } = await workbench.project.store.openDocument(document.id);
    await workbench.openInPage(page, document.id);

    // A new code under "factual claim", with key 4.
    await page.click('button[data-action="codebook"]');
    await page.fill('input[aria-label="New code name"]', 'casualties');
    await page.selectOption('select[aria-label="Parent of the new code"]', 'factual-claim');
    await page.click('.add-code button[type="submit"]');
    await expect.poll(() => workbench.project.store.overview().codes.map((c) => c.name)).toContain('casualties');
    const casualties = workbench.project.store.overview().codes.find((c) => c.name === 'casualties')!;
    expect(casualties.parentId).toBe('factual-claim');
    await page.fill('input[aria-label="Key of casualties"]', '4');
    await expect.poll(() => workbench.project.store.overview().codes.find((c) => c.id === casualties.id)?.key).toBe('4');
    expect(await page.textContent(`.code-button[data-code-id="${casualties.id}"]`)).toContain('› casualties');

    // Code with the new key; its highlight takes the new code's colour.
    const first = 'Karabakh – the moment of truth';
    await dragSelect(page, text.indexOf(first), text.indexOf(first) + first.length);
    await page.keyboard.press('4');
    const casualtyHighlights = page.locator(`.seg.code-${casualties.id}`);
    await expect.poll(() => casualtyHighlights.count()).toBeGreaterThan(0);
    const colour = casualties.colour.slice(1).match(/../g)!.map((h) => parseInt(h, 16)).join(', ');
    expect(await casualtyHighlights.first().evaluate((el) => getComputedStyle(el).backgroundImage)).toContain(`rgb(${colour})`);

    // Find a code by name and code with Enter; then the repeat key codes the next passage the same.
    const second = 'As the struggle';
    await dragSelect(page, text.indexOf(second), text.indexOf(second) + second.length);
    await page.fill('input[aria-label="Find a code by name"]', 'opin');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.seg.code-opinion').allTextContents()).toEqual([second]);
    const third = 'illusions';
    const thirdStart = text.indexOf(third, text.indexOf(second));
    await dragSelect(page, thirdStart, thirdStart + third.length);
    await page.keyboard.press('.');
    await expect.poll(() => page.locator('.seg.code-opinion').count()).toBe(2);

    // Rename.
    await page.fill('input[aria-label="Name of casualties"]', 'victims');
    await page.keyboard.press('Enter');
    await expect.poll(() => workbench.project.store.overview().codes.find((c) => c.id === casualties.id)?.name).toBe('victims');
    await expect.poll(() => page.textContent('.code-bar')).toContain('victims');

    // Merge "opinion" into "call to action": its segments move, the code goes.
    await page.click('[role="treeitem"][data-code-id="opinion"]');
    await page.selectOption('select[aria-label="Merge opinion into"]', 'call-to-action');
    await page.click('button[data-action="merge"]');
    await expect.poll(() => page.locator('.seg.code-call-to-action').count()).toBe(2);
    expect(await page.locator('.seg.code-opinion').count()).toBe(0);
    expect(workbench.project.store.overview().codes.some((c) => c.id === 'opinion')).toBe(false);
    await page.waitForSelector('.save-status[data-state="saved"]');

    // Undo brings "opinion" and its segments back.
    await page.click('button[data-action="undo"]');
    await expect.poll(() => page.locator('.seg.code-opinion').count()).toBe(2);
    expect(workbench.project.store.overview().codes.map((c) => c.id)).toContain('opinion');

    // Delete "victims": the count is shown first; its segment moves to "factual claim".
    await page.click(`[role="treeitem"][data-code-id="${casualties.id}"]`);
    await page.click('.code-details button[data-action="delete-code"]');
    expect(await page.textContent('.delete-code')).toContain('“victims” codes 1 segment');
    await page.selectOption('select[aria-label="Move its segments to"]', 'factual-claim');
    await page.click('button[data-action="delete-move"]');
    await expect.poll(() => page.locator('.seg.code-factual-claim').count()).toBeGreaterThan(0);
    expect(workbench.project.store.overview().codes.some((c) => c.id === casualties.id)).toBe(false);
    const saved = (await workbench.project.store.openDocument(document.id)).segments.map((s) => [s.codeId, s.quote]);
    expect(saved).toContainEqual(['factual-claim', first]);

    expect(problems).toEqual([]);
    await page.close();
  });

  it('restyles the page only when the code colours change, not when a document opens', async () => {
    const { page, problems } = await workbench.newPage();
    const [first, second] = workbench.project.store.overview().documents;
    await workbench.openInPage(page, first.id);
    // Every replacement of a stylesheet's rules, counted from here on.
    await page.evaluate(() => {
      const counted = window as unknown as { replaced: number };
      counted.replaced = 0;
      const replaceSync = CSSStyleSheet.prototype.replaceSync;
      CSSStyleSheet.prototype.replaceSync = function (this: CSSStyleSheet, text: string) {
        counted.replaced++;
        return replaceSync.call(this, text);
      };
    });
    const replaced = () => page.evaluate(() => (window as unknown as { replaced: number }).replaced);
    await workbench.openInPage(page, second.id);
    await workbench.openInPage(page, first.id);
    expect(await replaced()).toBe(0);
    // A new code brings its colour: the code sheet is replaced once for it.
    await page.click('button[data-action="codebook"]');
    await page.fill('input[aria-label="New code name"]', 'framing');
    await page.click('.add-code button[type="submit"]');
    await expect.poll(replaced).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});
