/**
 * An action of many segments in the open document (as "code all hits" makes one), undone and
 * redone by key in the real renderer: the segment panel's counts stay right at each step, and the
 * highlights after the undo are those a fresh open of the document draws.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { codePassages } from '../../shared/edits/segments';
import { textFolder } from '../support/temp';
import { setUpWorkbench } from '../support/workbench';
import { showSidePanel } from '../support/workspace';

const LINES = Array.from({ length: 3_000 }, (_, i) => `Row ${i}: a line of the long transcript.`);
const TEXT = LINES.join('\n');
const rowAt = (i: number) => TEXT.indexOf(`Row ${i}: `);

const workbench = setUpWorkbench(() => textFolder({ 'long-transcript.txt': TEXT }));

/** The counts per code the segment panel shows, and its title. */
async function panelCounts(page: Page): Promise<string[]> {
  const title = (await page.textContent('.segment-panel .panel-title')) ?? '';
  const counts = await page.locator('.segment-panel .code-counts li').evaluateAll((items) =>
    items.map((item) => `${item.getAttribute('data-code-id')}: ${item.querySelector('strong')?.textContent}`).filter((line) => !line.endsWith(': 0')),
  );
  return [title, ...counts];
}

/** The highlights drawn, as segment, code and words (lanes aside: a redrawn segment keeps its lane). */
async function drawnHighlights(page: Page): Promise<string[]> {
  return page.locator('.seg').evaluateAll((spans) =>
    spans.map((span) => `${span.className.match(/seg-[\w-]+/)?.[0]} ${span.className.match(/code-[\w-]+/)?.[0]} ${span.textContent}`).sort(),
  );
}

describe('undo and redo of an action of many segments', () => {
  it('keeps the counts per code right, and draws after the undo what a fresh open draws', async () => {
    const { store } = workbench.project;
    const document = store.overview().documents[0];
    // 300 segments coded one by one, then one action of 600 passages (more than the text view
    // adds one at a time), many of them over the same rows.
    const rows = Array.from({ length: 300 }, (_, i) => i * 10);
    for (let i = 0; i < rows.length; i += 100) {
      await Promise.all(rows.slice(i, i + 100).map((row) => store.addSegment({ id: randomUUID(), documentId: document.id, codeId: 'opinion', start: rowAt(row), end: rowAt(row) + `Row ${row}`.length })));
    }
    const spans = Array.from({ length: 600 }, (_, i) => {
      const start = rowAt(i * 5) + 2;
      return { documentId: document.id, start, end: start + 12 };
    });
    await store.edit((state, at) => codePassages(state, { codeId: 'factual-claim', spans, label: 'Code 600 passages' }, new Map([[document.id, TEXT]]), at, randomUUID));

    const { page, problems } = await workbench.newPage();
    await workbench.openInPage(page, document.id);
    await showSidePanel(page, 'segments');
    const before = await panelCounts(page);
    expect(before).toEqual(['Coded segments (900)', 'factual-claim: 600', 'opinion: 300']);
    const drawnBefore = await drawnHighlights(page);
    expect(drawnBefore.filter((line) => line.includes('code-factual-claim')).length).toBeGreaterThan(20);

    await page.locator('.text-view').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => panelCounts(page)).toEqual(['Coded segments (300)', 'opinion: 300']);
    await page.waitForSelector('.save-status[data-state="saved"]');
    const drawnAfterUndo = await drawnHighlights(page);
    expect(drawnAfterUndo.some((line) => line.includes('code-factual-claim'))).toBe(false);
    // A fresh open of the document draws the same.
    const fresh = await workbench.newPage();
    await workbench.openInPage(fresh.page, document.id);
    expect(await drawnHighlights(fresh.page)).toEqual(drawnAfterUndo);
    await fresh.page.close();

    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => panelCounts(page)).toEqual(before);
    await page.waitForSelector('.save-status[data-state="saved"]');
    expect((await drawnHighlights(page)).map((line) => line.replace(/seg-[\w-]+ /, ''))).toEqual(drawnBefore.map((line) => line.replace(/seg-[\w-]+ /, '')));
    expect(problems).toEqual([]);
    await page.close();
  });
});
