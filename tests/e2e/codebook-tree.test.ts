/**
 * The codebook as an ARIA tree in the real renderer, walked with the keyboard alone: levels,
 * expanding and collapsing, the focus following the selection (one tab stop), Home/End, type-ahead,
 * and Enter to edit the selected code's details.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpWorkbench } from '../support/workbench';

const workbench = setUpWorkbench();

/** The focused element's code id, and whether it is a tree item. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return { role: element?.getAttribute('role'), code: element?.getAttribute('data-code-id') };
  });

/** The tree items as [code id, level, expanded, selected, tabindex]. */
const items = (page: Page) =>
  page.locator('[role="tree"] [role="treeitem"]').evaluateAll((elements) =>
    elements.map((element) => [
      element.getAttribute('data-code-id'),
      element.getAttribute('aria-level'),
      element.getAttribute('aria-expanded'),
      element.getAttribute('aria-selected'),
      element.getAttribute('tabindex'),
    ]),
  );

describe('the codebook tree', () => {
  it('is walked with the keyboard alone: levels, expand and collapse, focus following, Enter to edit', async () => {
    const { handlers, store } = workbench.project;
    await handlers.addCode({ name: 'casualties', parentId: 'factual-claim' });
    const casualties = store.overview().codes.find((code) => code.name === 'casualties')!.id;
    await handlers.addCode({ name: 'civilians', parentId: casualties });
    const civilians = store.overview().codes.find((code) => code.name === 'civilians')!.id;
    const { page, problems } = await workbench.newPage();
    await page.click('button[data-action="codebook"]');
    await page.waitForSelector('[role="tree"]');
    expect(await page.getAttribute('[role="tree"]', 'aria-label')).toBe('Codes');

    // One tab stop: the first code; levels and expanded states as the codebook nests them.
    expect(await items(page)).toEqual([
      ['factual-claim', '1', 'true', 'true', '0'],
      [casualties, '2', 'true', 'false', '-1'],
      [civilians, '3', null, 'false', '-1'],
      ['opinion', '1', null, 'false', '-1'],
      ['call-to-action', '1', null, 'false', '-1'],
    ]);
    // The name of a code says its key too: colour is never the only sign of it.
    expect(await page.getAttribute('[role="treeitem"][data-code-id="opinion"]', 'aria-label')).toBe('opinion (key 2)');
    await page.focus('.add-code button[type="submit"]');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ role: 'treeitem', code: 'factual-claim' });

    // Down moves to the sub-code, and the selection (and its details) follow.
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toEqual({ role: 'treeitem', code: casualties });
    expect(await page.getAttribute(`[role="treeitem"][data-code-id="${casualties}"]`, 'aria-selected')).toBe('true');
    expect(await page.getAttribute(`[role="treeitem"][data-code-id="${casualties}"]`, 'tabindex')).toBe('0');
    expect(await page.getAttribute('[role="treeitem"][data-code-id="factual-claim"]', 'tabindex')).toBe('-1');
    expect(await page.getAttribute('.code-details', 'aria-label')).toBe('Details of casualties');

    // Left collapses; Left again goes to the parent; Right expands; Right again goes to the first sub-code.
    await page.keyboard.press('ArrowLeft');
    expect(await page.getAttribute(`[role="treeitem"][data-code-id="${casualties}"]`, 'aria-expanded')).toBe('false');
    expect(await page.locator(`[role="treeitem"][data-code-id="${civilians}"]`).count()).toBe(0);
    expect(await focused(page)).toEqual({ role: 'treeitem', code: casualties });
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toEqual({ role: 'treeitem', code: 'factual-claim' });
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('[role="treeitem"]').count()).toBe(3);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toEqual({ role: 'treeitem', code: casualties });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toEqual({ role: 'treeitem', code: civilians });

    // End, Home, and a letter.
    await page.keyboard.press('End');
    expect(await focused(page)).toEqual({ role: 'treeitem', code: 'call-to-action' });
    await page.keyboard.press('Home');
    expect(await focused(page)).toEqual({ role: 'treeitem', code: 'factual-claim' });
    await page.keyboard.press('o');
    expect(await focused(page)).toEqual({ role: 'treeitem', code: 'opinion' });
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toEqual({ role: 'treeitem', code: civilians });
    await page.keyboard.press('ArrowDown');

    // Enter edits the selected code: its name field takes the focus; Tab reaches the rest of its details.
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Name of opinion');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Key of opinion');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7');
    await expect.poll(() => store.overview().codes.find((code) => code.id === 'opinion')?.key).toBe('7');
    await expect.poll(() => page.getAttribute('[role="treeitem"][data-code-id="opinion"]', 'aria-label')).toBe('opinion (key 7)');

    // F2 does the same; the name is changed from the keyboard.
    await page.focus('[role="treeitem"][data-code-id="opinion"]');
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('stance');
    await page.keyboard.press('Enter');
    await expect.poll(() => store.overview().codes.find((code) => code.id === 'opinion')?.name).toBe('stance');

    // Back in the tree after an edit, the arrows walk the codes again: the focus stays in the tree.
    await page.focus('[role="treeitem"][data-code-id="opinion"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toEqual({ role: 'treeitem', code: 'opinion' });
    await page.screenshot({ path: '.tmp/screenshots/codebook-tree.png' });
    expect(problems).toEqual([]);
    await page.close();
  });
});
