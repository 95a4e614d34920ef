/**
 * Roles, names and focus of the coding panels in the real renderer, as a screen reader or a
 * keyboard user meets them: the code bar is a toolbar with one tab stop whose buttons say code and
 * key; the segment rows say code, coder and quote; a segment's details are a labelled dialog that
 * takes the focus when opened from the keyboard and gives it back to the text; the coder dialog
 * keeps the focus inside and gives it back when it closes.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickAt, dragSelect } from '../support/browser';
import { setUpWorkbench } from '../support/workbench';
import { showSidePanel } from '../support/workspace';

const workbench = setUpWorkbench();

/** A node of Chromium's accessibility tree, as the DevTools protocol gives it. */
interface AXNode {
  nodeId: string;
  role?: { value: string };
  name?: { value: string };
  childIds?: string[];
}

/** What has the focus: "text" for the text view, else the element's accessible label or text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'body';
    if (active.classList.contains('text-host')) return active.shadowRoot?.activeElement?.classList.contains('text-view') ? 'text' : 'text host';
    return active.getAttribute('aria-label') ?? active.textContent?.trim() ?? active.tagName;
  });
}

describe('roles, names and focus in the coding panels', () => {
  it('the code bar is a toolbar of codes named with their keys, walked with the arrow keys', async () => {
    const { page, problems } = await workbench.newPage();
    const document = workbench.project.store.overview().documents[1];
    const { text } = await workbench.project.store.openDocument(document.id);
    await workbench.openInPage(page, document.id);

    const toolbar = page.getByRole('toolbar', { name: 'Codes' });
    expect(await toolbar.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))).toEqual([
      'factual claim (key 1)',
      'opinion (key 2)',
      'call to action (key 3)',
    ]);
    expect(await toolbar.getByRole('button', { name: 'opinion (key 2)' }).count()).toBe(1);
    expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);
    // Chromium's own accessibility tree has the toolbar, named, with the buttons in it (what a screen reader reads).
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    const toolbarNode = nodes.find((node) => node.role?.value === 'toolbar' && node.name?.value === 'Codes');
    expect(toolbarNode).toBeDefined();
    const inToolbar = nodes.filter((node) => toolbarNode!.childIds?.includes(node.nodeId)).map((node) => node.name?.value);
    expect(inToolbar).toEqual(['factual claim (key 1)', 'opinion (key 2)', 'call to action (key 3)']);
    await cdp.detach();

    // Select a passage, Tab from the search field into the toolbar, go to "opinion" with an arrow, code with Enter.
    const words = 'Azerbaijan';
    await dragSelect(page, text.indexOf(words), text.indexOf(words) + words.length);
    await page.focus('input[aria-label="Find a code by name"]');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('factual claim (key 1)');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('opinion (key 2)');
    await page.keyboard.press('End');
    expect(await focused(page)).toBe('call to action (key 3)');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('factual claim (key 1)');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toBe('opinion (key 2)');
    // The button moved to is the toolbar's one tab stop now.
    expect(await toolbar.locator('button[tabindex="0"]').getAttribute('data-code-id')).toBe('opinion');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.seg.code-opinion').allTextContents()).toEqual([words]);
    // Saved before the page closes: the next case finds it.
    await page.waitForSelector('.save-status[data-state="saved"]');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("names each segment row by code, coder and quote, and the details dialog takes and gives back the focus", async () => {
    const { page, problems } = await workbench.newPage();
    const document = workbench.project.store.overview().documents[1];
    const { text } = await workbench.project.store.openDocument(document.id);
    await workbench.openInPage(page, document.id);
    await showSidePanel(page, 'segments');
    // The segment of the test before.
    const list = page.getByRole('list', { name: 'Coded segments in text order' });
    await expect.poll(() => list.getByRole('button', { name: 'opinion · ana Azerbaijan', exact: true }).count()).toBe(1);
    expect(await list.locator('li').first().getAttribute('aria-posinset')).toBe('1');

    // Caret into the passage with the keyboard, Enter: a labelled non-modal dialog that has the focus.
    const start = text.indexOf('Azerbaijan');
    await clickAt(page, start + 4);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.popover').count()).toBe(0);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Coded segment' });
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('false');
    expect(await dialog.evaluate((box) => box.contains(globalThis.document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.popover').count()).toBe(0);
    expect(await focused(page)).toBe('text');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the coder dialog is modal: the focus stays inside, Escape closes it and the focus goes back', async () => {
    const { page, problems } = await workbench.newPage();
    await page.click('button[data-action="coder"]');
    const dialog = page.getByRole('dialog', { name: 'Change the coder' });
    await dialog.waitFor();
    // The browser's own modal dialog: the page behind it is inert.
    expect(await dialog.evaluate((element) => element.tagName === 'DIALOG' && element.matches(':modal'))).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('coder-name');
    // Tab goes through the dialog's three stops and never reaches the page behind, forwards or
    // back (past the last stop it goes to the browser's own controls, then round into the dialog).
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Cancel');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Change');
    const focusBehind = () => page.evaluate(() => document.activeElement !== document.body && !document.activeElement?.closest('.coder-dialog'));
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await focusBehind()).toBe(false);
    }
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusBehind()).toBe(false);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.coder-dialog').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('coder');
    expect(problems).toEqual([]);
    await page.close();
  });
});
