/**
 * Where the focus goes when something closes or comes back, in the real renderer: after Escape
 * closes a segment's details opened with the mouse, back to the text; after Undo brings back a
 * removed document, to that document in the list. Never to the page's body.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickAt, dragSelect } from '../support/browser';
import { setUpWorkbench } from '../support/workbench';

const workbench = setUpWorkbench();

/** What has the focus: "text" for the text view, "body" for nothing, else the element's outline. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'body';
    if (active.classList.contains('text-host')) {
      return active.shadowRoot?.activeElement?.classList.contains('text-view') ? 'text' : 'text host';
    }
    return `${active.tagName.toLowerCase()}${active.getAttribute('data-document-id') ? `[${active.getAttribute('data-document-id')}]` : ''}`;
  });
}

describe('focus', () => {
  it('goes back to the text after Escape closes details opened with the mouse', async () => {
    const { page, problems } = await workbench.newPage();
    const document = workbench.project.store.overview().documents[1];
    const { text } = await workbench.project.store.openDocument(document.id);
    await workbench.openInPage(page, document.id);
    const words = 'Azerbaijan';
    await dragSelect(page, text.indexOf(words), text.indexOf(words) + words.length);
    await page.keyboard.press('1');
    // Each time at another letter: two clicks at one place in quick succession are a double click.
    let letter = 0;
    const openDetails = async () => {
      await clickAt(page, text.indexOf(words) + [1, 5, 9][letter++ % 3]);
      await page.waitForSelector('.popover');
    };

    // Clicked open, closed at once.
    await openDetails();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.popover').count()).toBe(0);
    expect(await focused(page)).toBe('text');

    // Clicked open, a button in them used with the mouse, then Escape.
    await openDetails();
    await page.click('button[aria-label="End one character later"]');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.popover').count()).toBe(0);
    expect(await focused(page)).toBe('text');

    // Clicked open, then a click on their plain text (the focus goes nowhere), then Escape.
    await openDetails();
    await page.click('.popover-quote');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.popover').count()).toBe(0);
    expect(await focused(page)).toBe('text');

    // Clicked open, the memo typed in, then Escape: saved, closed, back in the text.
    await openDetails();
    await page.click('.popover textarea');
    await page.keyboard.type('Seen from one side.');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.popover').count()).toBe(0);
    expect(await focused(page)).toBe('text');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('goes to the document Undo brings back', async () => {
    const { page, problems } = await workbench.newPage();
    const document = workbench.project.store.overview().documents[3];
    await workbench.openInPage(page, document.id);
    await page.click('button[data-action="remove-document"]');
    await page.click('button[data-action="remove-document-confirm"]');
    await expect.poll(() => page.locator(`.document-button[data-document-id="${document.id}"]`).count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator(`.document-button[data-document-id="${document.id}"]`).count()).toBe(1);
    await expect.poll(() => focused(page)).toBe(`button[${document.id}]`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('goes back to the text after Undo brings back a segment removed from its details', async () => {
    const { page, problems } = await workbench.newPage();
    const document = workbench.project.store.overview().documents[2];
    const { text } = await workbench.project.store.openDocument(document.id);
    await workbench.openInPage(page, document.id);
    const words = text.match(/\p{L}{6,}/u)![0];
    await dragSelect(page, text.indexOf(words), text.indexOf(words) + words.length);
    await page.keyboard.press('2');
    await page.click('.seg.code-opinion');
    await page.click('.popover button.danger');
    await expect.poll(() => page.locator('.seg.code-opinion').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.seg.code-opinion').count()).toBe(1);
    await expect.poll(() => focused(page)).toBe('text');
    expect(problems).toEqual([]);
    await page.close();
  });
});
