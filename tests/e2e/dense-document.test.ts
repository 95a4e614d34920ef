/**
 * A long, densely coded document in the real renderer: the highlights of the part on screen are
 * found by place, including a segment that began thousands of lines above the screen, and a
 * passage coded among overlapping ones takes a lane of its own.
 */
import { describe, expect, it } from 'vitest';
import { dragSelect } from '../support/browser';
import { textFolder } from '../support/temp';
import { setUpWorkbench } from '../support/workbench';

const LINES = Array.from({ length: 10_000 }, (_, i) => (i % 9 === 4 ? '' : `Row ${i}: a line of the dense transcript, row ${i}.`));
const TEXT = LINES.join('\n');
const offsetOf = (quote: string) => TEXT.indexOf(quote);

const workbench = setUpWorkbench(() => textFolder({ 'dense-transcript.txt': TEXT }));

describe('a long, densely coded document', () => {
  it('draws a segment wherever the reader scrolls within it, and codes a passage among overlapping ones in a lane of its own', async () => {
    const document = workbench.project.store.overview().documents[0];
    const add = (codeId: string, start: number, end: number) =>
      workbench.project.store.addSegment({ id: crypto.randomUUID(), documentId: document.id, codeId, start, end });
    // A segment over almost the whole text, and a short one on every tenth line.
    const longStart = offsetOf('Row 10: a line');
    const longEnd = offsetOf('Row 9000: a line');
    await add('call-to-action', longStart, longEnd);
    const rows = Array.from({ length: 1_000 }, (_, i) => `Row ${i * 10}: a line`).filter((quote) => offsetOf(quote) >= 0);
    for (let i = 0; i < rows.length; i += 250) {
      await Promise.all(rows.slice(i, i + 250).map((quote) => add('opinion', offsetOf(quote), offsetOf(quote) + quote.length)));
    }
    const { page, problems } = await workbench.newPage();
    await page.setViewportSize({ width: 1300, height: 800 });
    await workbench.openInPage(page, document.id);
    const drawnRows = async (codeId: string) => (await page.locator(`.seg.code-${codeId}`).allTextContents()).join('\n');
    // The highlights drawn on screen (those of the part scrolled away may stay until the idle moment after the scroll).
    const rowsOnScreen = (codeId: string) =>
      page.locator(`.seg.code-${codeId}`).evaluateAll((spans) => {
        const { top, bottom } = globalThis.document.querySelector('.document')!.getBoundingClientRect();
        const shown = spans.filter((span) => span.getBoundingClientRect().bottom > top && span.getBoundingClientRect().top < bottom);
        return shown.map((span) => span.textContent).join('\n');
      });

    // Half-way down, the long segment (begun some 5,000 lines above) and the short ones are drawn.
    await page.locator('.document').evaluate((element) => element.scrollTo(0, element.scrollHeight / 2));
    await expect.poll(() => rowsOnScreen('opinion')).toMatch(/Row \d+0: a line/);
    const shownRow = Number((await rowsOnScreen('opinion')).match(/Row (\d+)0: a line/)![1]) * 10;
    expect(shownRow).toBeGreaterThan(3_000);
    await expect.poll(() => rowsOnScreen('call-to-action')).toContain(`Row ${shownRow}: a line`);

    // Near the end, past the long segment: only the short ones.
    await page.locator('.document').evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect.poll(() => drawnRows('opinion')).toContain('Row 9990: a line');
    expect(await drawnRows('call-to-action')).toBe('');

    // A passage over a coded row and beyond it takes the next lane; one beside them, the first.
    // (The rows are brought to the middle of the screen first, clear of the page's bars.)
    await page.locator('.seg.code-opinion', { hasText: 'Row 9980: a line' }).evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await page.locator('.seg.code-opinion', { hasText: 'Row 9970: a line' }).waitFor();
    const overlapping = 'a line of the dense transcript, row 9980';
    await dragSelect(page, offsetOf(`Row 9980: ${overlapping}`) + 'Row 99'.length, offsetOf(overlapping) + overlapping.length);
    await page.keyboard.press('1');
    const lanes = () => page.locator('.seg.code-factual-claim').evaluateAll((spans) => [...new Set(spans.map((span) => `${span.textContent!.slice(0, 6)}…:${span.className.match(/lane\d-factual-claim/)![0]}`))]);
    await expect.poll(lanes).toEqual(['80: a …:lane1-factual-claim', ' of th…:lane1-factual-claim']);
    await page.waitForSelector('.save-status[data-state="saved"]');
    const alone = 'dense transcript, row 9970';
    await dragSelect(page, offsetOf(alone), offsetOf(alone) + alone.length);
    await page.keyboard.press('1');
    await expect.poll(lanes).toContain('dense …:lane0-factual-claim');
    await page.waitForSelector('.save-status[data-state="saved"]');
    const saved = (await workbench.project.store.openDocument(document.id)).segments.filter((s) => s.codeId === 'factual-claim').map((s) => s.quote);
    expect(saved.sort()).toEqual([alone, `80: ${overlapping}`].sort());
    expect(problems).toEqual([]);
    await page.close();
  });
});
