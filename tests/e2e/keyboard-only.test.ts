/**
 * A whole coding session with the keyboard alone, in the real renderer: only `page.keyboard` is
 * used (no click, no focus() call). The researcher moves between the workspace's regions with F6
 * (and back with Shift+F6), opens a document from the document list, moves into the text, selects
 * a passage with Shift+arrows and codes it with a key, opens the segment's details with Enter and
 * changes its code, writes a memo on it, searches all documents, moves to a hit and codes it, and
 * exports the coded segments as CSV from the Export… dialog. Each outcome is checked in the project's store
 * and in the exported file.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpWorkbench } from '../support/workbench';

const workbench = setUpWorkbench();

/** What has the focus, inside the text view's shadow root too, as "tag|data-action|accessible label|role|class". */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return 'body';
    const label = active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 60) ?? '';
    return [active.tagName.toLowerCase(), active.getAttribute('data-action') ?? '', label, active.getAttribute('role') ?? '', active.className].join('|');
  });
}

/** Whether the caret is in the text view. */
function inText(page: Page): Promise<boolean> {
  return page.evaluate(() => !!document.querySelector('.text-host')?.shadowRoot?.activeElement?.classList.contains('text-view'));
}

/** Presses `key` until the focus matches `wanted` (at most `limit` times); fails saying where the focus went. */
async function pressUntil(page: Page, key: string, wanted: RegExp, limit = 30): Promise<void> {
  const visited: string[] = [];
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (wanted.test(now)) return;
    visited.push(now);
  }
  throw new Error(`${key} never reached ${wanted}; the focus went to:\n  ${visited.join('\n  ')}`);
}

/** The text the reader has selected in the text view. */
function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.querySelector('.text-host')?.shadowRoot as (ShadowRoot & { getSelection?(): Selection | null }) | undefined;
    return (root?.getSelection?.() ?? document.getSelection())?.toString() ?? '';
  });
}

describe('a keyboard-only session', () => {
  it('opens a document, codes, recodes, writes a memo, searches, codes a hit and exports a CSV without the mouse', async () => {
    const { store } = workbench.project;
    const document = store.overview().documents[2];
    const { text } = await store.openDocument(document.id);
    const segmentsOf = () => store.codebookState().segments.filter((segment) => segment.documentId === document.id);
    const { page, problems } = await workbench.newPage();

    // F6 reaches the activity bar, then the side panel (the documents); Tab walks to the document.
    await page.keyboard.press('F6');
    expect(await focused(page)).toMatch(/^button\|documents\|/);
    await page.keyboard.press('F6');
    expect(await page.evaluate(() => !!globalThis.document.activeElement?.closest('.side-panel[data-panel="documents"]'))).toBe(true);
    // The list is one Tab stop (its first row); the arrow keys walk its rows to the document.
    await pressUntil(page, 'Tab', /document-button/);
    const firstRow = await focused(page);
    await page.keyboard.press('Tab');
    expect(await focused(page)).not.toMatch(/document-button/);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe(firstRow);
    await pressUntil(page, 'ArrowDown', new RegExp(`^button\\|\\|${document.title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${document.id}"]`);

    // F6 on to the tabs, then into the text.
    await page.keyboard.press('F6');
    expect(await focused(page)).toMatch(/\|tab\|/);
    await page.keyboard.press('F6');
    expect(await inText(page)).toBe(true);
    // Shift+F6 goes back a region, F6 forward again.
    await page.keyboard.press('Shift+F6');
    expect(await focused(page)).toMatch(/\|tab\|/);
    await page.keyboard.press('F6');
    expect(await inText(page)).toBe(true);

    // A passage selected with Shift+arrows on the third line, coded with 1.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    for (let step = 0; step < 3; step++) await page.keyboard.press('Control+Shift+ArrowRight');
    const passage = (await selectedText(page)).trim();
    expect(passage.length).toBeGreaterThan(3);
    await page.keyboard.press('1');
    await expect.poll(() => segmentsOf().map((segment) => [segment.quote, segment.codeId])).toEqual([[passage, 'factual-claim']]);
    const coded = segmentsOf()[0];
    expect(text.slice(coded.start, coded.end)).toBe(passage);

    // Enter with the caret in it opens its details; the code is changed in them, a memo written.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.popover');
    // The details opened from the keyboard give the focus to the code's choice: recoding is one key away.
    await expect.poll(() => focused(page)).toMatch(/^select\|\|Change code/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => segmentsOf()[0]?.codeId).toBe('opinion');
    await pressUntil(page, 'Shift+Tab', /^textarea\|/);
    await page.keyboard.type('Framed as a fact, read as an opinion.');
    await page.keyboard.press('Escape');
    await expect.poll(() => segmentsOf()[0]?.memo).toBe('Framed as a fact, read as an opinion.');
    await expect.poll(() => page.locator('.popover').count()).toBe(0);

    // Ctrl+Shift+F searches all documents; Tab to the hits, ArrowDown to the second, Enter shows it selected in the text; 3 codes it.
    const word = 'Karabakh';
    await page.keyboard.press('Control+Shift+F');
    await expect.poll(() => focused(page)).toMatch(/^input\|.*search-input/);
    await page.keyboard.type(word);
    await page.waitForSelector('.search-hits li');
    await pressUntil(page, 'Tab', /search-hit-row/);
    await page.keyboard.press('ArrowDown');
    const hit = await focused(page);
    expect(hit).toMatch(/search-hit-row/);
    await page.keyboard.press('Enter');
    await expect.poll(() => selectedText(page)).toBe(word);
    await expect.poll(() => inText(page)).toBe(true);
    await page.keyboard.press('3');
    await expect.poll(() => store.codebookState().segments.filter((segment) => segment.codeId === 'call-to-action').map((segment) => segment.quote)).toEqual([word]);

    // The Export… dialog (Ctrl+Shift+X), its first format the coded segments as CSV.
    await page.keyboard.press('Control+Shift+X');
    await page.waitForSelector('.export-dialog');
    expect(await focused(page)).toMatch(/^button\|export-segments-csv\|/);
    // F6 does not take the focus out of the modal dialog.
    await page.keyboard.press('F6');
    expect(await focused(page)).toMatch(/^button\|export-segments-csv\|/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('.message-text')).toMatch(/^Exported 2 coded segments to .+\.csv$/);
    const file = (await page.textContent('.message-text'))!.replace(/^Exported 2 coded segments to /, '');
    const csv = await readFile(file, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(csv).toContain(passage);
    expect(csv).toContain('Framed as a fact, read as an opinion.');
    expect(lines.some((line) => line.includes(word) && line.includes('call to action'))).toBe(true);
    expect(lines.some((line) => line.includes(passage) && line.includes('opinion'))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
