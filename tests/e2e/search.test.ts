/**
 * Searching while coding, in the real renderer: hits counted and drawn, a hit coded with a key,
 * every hit coded at once after a preview, and one undo taking them all back.
 */
import { describe, expect, it } from 'vitest';
import { setUpWorkbench } from '../support/workbench';

const workbench = setUpWorkbench();

describe('search in the browser', () => {
  it('counts and draws hits, codes one and then all of them, and one undo takes "all" back', async () => {
    const { page, problems } = await workbench.newPage();
    const document = workbench.project.store.overview().documents.find((d) => d.file.startsWith('004'))!;
    const { text } = await workbench.project.store.openDocument(document.id);
    await workbench.openInPage(page, document.id);

    await page.keyboard.press('Control+f');
    await page.waitForSelector('.search-panel');
    await page.fill('input[aria-label="Search for"]', 'Yerevan');
    await page.check('.search-option:has-text("Whole words") input');
    const expected = text.match(/(?<![\p{L}\p{N}_])Yerevan(?![\p{L}\p{N}_])/giu)!.length;
    expect(expected).toBeGreaterThan(1);
    await expect.poll(() => page.textContent('.search-count')).toBe(`${expected} hits`);
    // Hits are drawn where the text is drawn in full (the sections near the screen; far ones are plain text).
    const hitsInDrawnSections = () => page.locator('.text-host').evaluate((host) =>
      Array.from(host.shadowRoot!.querySelectorAll('.tv-section:not(.tv-far) .tv-line')).reduce((sum, line) => sum + (line.textContent!.match(/(?<![\p{L}\p{N}_])Yerevan(?![\p{L}\p{N}_])/giu)?.length ?? 0), 0));
    await expect.poll(async () => (await page.locator('.search-hit').count()) === (await hitsInDrawnSections())).toBe(true);
    expect(await page.locator('.search-hit').count()).toBeGreaterThan(0);

    // A regular expression that is broken says so.
    await page.check('.search-option[title="Regular expression"] input');
    await page.fill('input[aria-label="Search for"]', 'Yereva(');
    await expect.poll(() => page.textContent('.search-count')).toMatch(/regular expression does not work/);
    await page.fill('input[aria-label="Search for"]', 'Yere[v]an');
    await expect.poll(() => page.textContent('.search-count')).toBe(`${expected} hits`);

    // Click the first hit: it is selected, and a code key codes it.
    await page.click('.search-hit-row >> nth=0');
    const selected = () =>
      page.evaluate(() => (globalThis.document.querySelector('.text-host')!.shadowRoot as ShadowRoot & { getSelection(): Selection }).getSelection().toString());
    await expect.poll(selected).toBe('Yerevan');
    await page.keyboard.press('2');
    await expect.poll(() => page.locator('.seg.code-opinion').allTextContents()).toEqual(['Yerevan']);

    // Code all hits as "call to action", after a preview.
    await page.selectOption('select[aria-label="Code for all hits"]', 'call-to-action');
    await page.click('button[data-action="preview-code-hits"]');
    expect(await page.textContent('.code-hits-preview')).toContain(`Code ${expected} passages as “call to action”?`);
    await page.click('button[data-action="code-all-hits"]');
    // Highlights are drawn for the part of the text near the screen; the project holds them all.
    await expect.poll(() => page.locator('.seg.code-call-to-action').count()).toBeGreaterThan(0);
    await page.waitForSelector('.save-status[data-state="saved"]');
    const codes = async () => (await workbench.project.store.openDocument(document.id)).segments.map((s) => s.codeId);
    expect((await codes()).filter((c) => c === 'call-to-action')).toHaveLength(expected);

    // One undo takes all of them back; the single opinion stays.
    await page.click('button[data-action="undo"]');
    await expect.poll(() => page.locator('.seg.code-call-to-action').count()).toBe(0);
    expect((await workbench.project.store.openDocument(document.id)).segments.map((s) => s.codeId)).toEqual(['opinion']);

    // Across the corpus.
    await page.selectOption('select[aria-label="Where to search"]', 'corpus');
    await expect.poll(() => page.textContent('.search-count')).toMatch(/hits in \d+ documents/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
