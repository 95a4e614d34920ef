/**
 * The document portrait in the real renderer: the strip beside a long text shows a coded passage as
 * a mark in its code's colour at its height (read from the canvas's pixels), a click on its lower
 * part scrolls the text there, the keys move between segments and Enter shows one, coding a passage
 * adds its mark, and blind coding hides the other coder's. The corpus portrait shows one strip per
 * document and opens a document at the passage clicked. Screenshots at two window sizes, light and
 * dark, go to .tmp/screenshots/document-portrait-*.png.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { DEFAULT_CODES } from '../../shared/model/codebook';
import { generateDocument, mulberry32 } from '../bench/generate';
import { dragSelect } from '../support/browser';
import { colourDistance, rgbOf } from '../support/pixels';
import { characterBoxesInPage } from '../support/select-text';
import { textFolder } from '../support/temp';
import { screenshotSizesAndThemes } from '../support/screenshots';
import { setUpWorkbench } from '../support/workbench';
import { openView } from '../support/workspace';

const colourOf = (codeId: string) => rgbOf(DEFAULT_CODES.find((code) => code.id === codeId)!.colour);
/** Closer than this to a code's colour, a pixel is taken to be drawn in it. */
const SAME_COLOUR = 30;

/** A long interview (about 120 KB, many screens) and two short ones. */
async function interviews(): Promise<string> {
  const random = mulberry32(16);
  return textFolder({
    'interview-long.txt': `Long interview\n\n${generateDocument(random, 120_000)}`,
    'interview-short-a.txt': `Short interview A\n\n${generateDocument(random, 3_000)}`,
    'interview-short-b.txt': `Short interview B\n\n${generateDocument(random, 3_000)}`,
  });
}

const workbench = setUpWorkbench(interviews);

/** The passage of `length` characters starting at the first word after `fraction` of the text. */
function passageAt(text: string, fraction: number, length = 30): { start: number; end: number } {
  const after = text.indexOf(' ', Math.floor(text.length * fraction)) + 1;
  let end = after + length;
  while (end < text.length && /\S/.test(text[end - 1]!) && /\S/.test(text[end]!)) end++;
  return { start: after, end };
}

/** The colour of the strip's canvas in the middle of its width at the row standing for `offset` of a text of `length`. */
function stripColourAt(page: Page, offset: number, length: number): Promise<[number, number, number, number]> {
  return page.evaluate(
    ([offset, length]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('.document-strip canvas')!;
      const row = Math.floor((offset / length) * canvas.height);
      const data = canvas.getContext('2d')!.getImageData(Math.floor(canvas.width / 2), row, 1, 1).data;
      return [data[0], data[1], data[2], data[3]] as [number, number, number, number];
    },
    [offset, length] as const,
  );
}

/** Whether the character at `offset` is on screen in the text's scrolling box. */
async function onScreen(page: Page, offset: number): Promise<boolean> {
  const [box] = await page.evaluate(characterBoxesInPage, [offset]);
  const area = await page.locator('.document').boundingBox();
  return box.y > area!.y && box.y < area!.y + area!.height;
}

function screenshots(page: Page, name: string): Promise<void> {
  return screenshotSizesAndThemes(page, `document-portrait-${name}`);
}

describe('the document portrait', () => {
  it('shows, scrolls, moves between and adds segments beside a long text, and respects blind coding', async () => {
    const { store, handlers } = workbench.project;
    const long = store.overview().documents.find((d) => d.file === 'interview-long.txt')!;
    const { text } = await store.openDocument(long.id);
    // ana codes a passage three quarters down; bea one at a fifth (as opinion).
    const late = passageAt(text, 0.75);
    await store.addSegment({ id: randomUUID(), documentId: long.id, codeId: 'factual-claim', ...late });
    await dispatch(handlers, 'setCoder', { name: 'bea' });
    const early = passageAt(text, 0.2);
    await store.addSegment({ id: randomUUID(), documentId: long.id, codeId: 'opinion', ...early });
    await dispatch(handlers, 'setCoder', { name: 'ana' });

    const { page, problems } = await workbench.newPage();
    const consoleProblems: string[] = [];
    page.on('console', (message) => {
      // Chromium's hint about repeated getImageData comes from this test's own pixel reads.
      if ((message.type() === 'error' || message.type() === 'warning') && !message.text().includes('willReadFrequently')) consoleProblems.push(message.text());
    });
    await workbench.openInPage(page, long.id);
    await page.waitForSelector('.document-strip[data-segments="2"]');
    // The marks in the codes' colours, each at the height of its passage.
    await expect.poll(async () => colourDistance(await stripColourAt(page, (late.start + late.end) / 2, text.length), colourOf('factual-claim'))).toBeLessThan(SAME_COLOUR);
    expect(colourDistance(await stripColourAt(page, (early.start + early.end) / 2, text.length), colourOf('opinion'))).toBeLessThan(SAME_COLOUR);
    // Nothing drawn where nothing is coded (half way down).
    expect((await stripColourAt(page, text.length / 2, text.length))[3]).toBe(0);
    // It names itself and what it holds.
    const strip = page.locator('.document-strip');
    expect(await strip.getAttribute('aria-label')).toBe('Document portrait');
    const summary = await page.locator(`[id="${await strip.getAttribute('aria-describedby')}"]`).textContent();
    expect(summary).toContain('2 segments of 2 codes');

    // A click on the strip's lower part scrolls the text there.
    const scroller = page.locator('.document');
    const before = await scroller.evaluate((element) => element.scrollTop);
    const box = (await strip.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.75);
    await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBeGreaterThan(before + 1000);
    expect(await onScreen(page, late.start)).toBe(true);
    // The box of the text on screen has followed.
    const screenBox = (await page.locator('.document-strip-screen').boundingBox())!;
    expect(screenBox.y).toBeGreaterThan(box.y + box.height * 0.6);
    expect(screenBox.y).toBeLessThan(box.y + box.height * 0.8);

    // The keys move between the segments; Enter shows the one chosen in the text.
    await strip.focus();
    await page.keyboard.press('ArrowDown');
    expect(await strip.getAttribute('aria-valuenow')).toBe('1');
    expect(await strip.getAttribute('aria-valuetext')).toContain('opinion');
    await page.keyboard.press('ArrowDown');
    expect(await strip.getAttribute('aria-valuenow')).toBe('2');
    expect(await strip.getAttribute('aria-valuetext')).toContain('factual claim');
    await page.keyboard.press('ArrowUp');
    expect(await strip.getAttribute('aria-valuenow')).toBe('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => onScreen(page, early.start)).toBe(true);

    // Coding a passage on screen adds its mark.
    const next = { start: text.indexOf(' ', early.end + 200) + 1, end: 0 };
    next.end = text.indexOf(' ', next.start + 15);
    await dragSelect(page, next.start, next.end);
    await page.keyboard.press('3');
    await page.waitForSelector('.document-strip[data-segments="3"]');
    await expect.poll(async () => colourDistance(await stripColourAt(page, (next.start + next.end) / 2, text.length), colourOf('call-to-action'))).toBeLessThan(SAME_COLOUR);

    // Blind coding: bea's segment is no longer drawn.
    await page.click('button[data-action="blind"]');
    await page.waitForSelector('.document-strip[data-segments="2"]');
    await expect.poll(async () => (await stripColourAt(page, (early.start + early.end) / 2, text.length))[3]).toBe(0);
    expect(colourDistance(await stripColourAt(page, (late.start + late.end) / 2, text.length), colourOf('factual-claim'))).toBeLessThan(SAME_COLOUR);
    await page.click('button[data-action="blind"]');
    await page.waitForSelector('.document-strip[data-segments="3"]');

    // At the small window, the strip stands clear of the text and the margin stripes.
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.waitForTimeout(100);
    const clear = await page.evaluate(() => {
      const stripBox = document.querySelector('.document-strip')!.getBoundingClientRect();
      const article = document.querySelector('.document')!.getBoundingClientRect();
      const root = document.querySelector('.text-host')!.shadowRoot!;
      const drawn = [...root.querySelectorAll('.tv-line, .margin-stripe, [class*="stripe"]')].map((element) => element.getBoundingClientRect()).filter((r) => r.width > 0);
      return { stripLeft: stripBox.left, articleRight: article.right, rightmost: Math.max(...drawn.map((r) => r.right)), inWindow: stripBox.right <= window.innerWidth };
    });
    expect(clear.stripLeft).toBeGreaterThanOrEqual(clear.articleRight);
    expect(clear.rightmost).toBeLessThanOrEqual(clear.stripLeft);
    expect(clear.inWindow).toBe(true);
    await page.setViewportSize({ width: 1500, height: 950 });

    await strip.focus();
    await screenshots(page, 'strip');

    // The setting hides it, and brings it back.
    await page.keyboard.press('Control+Comma');
    await page.click('input[data-setting="documentPortrait"]');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.document-strip').count()).toBe(0);
    await page.keyboard.press('Control+Comma');
    await page.click('input[data-setting="documentPortrait"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.document-strip');

    expect(problems).toEqual([]);
    expect(consoleProblems).toEqual([]);
    await page.close();
  });

  it('shows one strip per document in the corpus portrait, and a click opens the document at the passage', async () => {
    const { store } = workbench.project;
    const documents = store.overview().documents;
    const long = documents.find((d) => d.file === 'interview-long.txt')!;
    const { text, segments } = await store.openDocument(long.id);
    const late = segments.find((segment) => segment.codeId === 'factual-claim')!;

    const { page, problems } = await workbench.newPage();
    await openView(page, 'portrait');
    await page.waitForSelector('.corpus-strip-button canvas');
    expect(await page.locator('.corpus-portrait-strips').getAttribute('data-documents')).toBe(String(documents.length));
    expect(await page.locator('.corpus-strip').count()).toBe(documents.length);
    expect(await page.locator('.portrait-legend li').allTextContents()).toEqual(['factual claim', 'opinion', 'call to action']);
    const button = page.locator(`.corpus-strip-button[data-document-id="${long.id}"]`);
    expect(await button.getAttribute('aria-label')).toContain('Long interview');
    // The long interview's mark, read on its canvas, in the code's colour at its height.
    const colour = await button.locator('canvas').evaluate((canvas: HTMLCanvasElement, fraction) => {
      const data = canvas.getContext('2d')!.getImageData(Math.floor(canvas.width / 2), Math.floor(fraction * canvas.height), 1, 1).data;
      return [data[0], data[1], data[2]];
    }, (late.start + late.end) / 2 / text.length);
    expect(colourDistance(colour, colourOf('factual-claim'))).toBeLessThan(SAME_COLOUR);
    await screenshots(page, 'corpus');

    const box = (await button.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height * ((late.start + late.end) / 2 / text.length));
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${long.id}"]`);
    await expect.poll(() => onScreen(page, late.start)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says so when the project has no segments in view', async () => {
    // Blind coding as a coder who has coded nothing: no segment is shown.
    await dispatch(workbench.project.handlers, 'setCoder', { name: 'cleo' });
    await dispatch(workbench.project.handlers, 'setBlind', { blind: true });
    const { page, problems } = await workbench.newPage();
    await openView(page, 'portrait');
    await page.waitForSelector('.corpus-portrait .empty');
    await expect.poll(() => page.locator('.corpus-portrait .empty').first().textContent()).toContain('No passage is coded yet');
    await dispatch(workbench.project.handlers, 'setCoder', { name: 'ana' });
    await dispatch(workbench.project.handlers, 'setBlind', { blind: false });
    expect(problems).toEqual([]);
    await page.close();
  });
});
