/**
 * Right-to-left and mixed scripts in the real renderer: each line of a document mixing English,
 * Arabic, Hebrew and Armenian (CRLF line ends, an emoji family joined by zero-width joiners, a
 * combining accent) reads in its own direction; a passage selected in each, with the keyboard or
 * by a range, is coded with exactly the characters selected (checked in code points) and
 * highlighted over exactly them; no selection's end splits an emoji or a letter from its accent.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { CodePointIndex } from '../../shared/text/offsets';
import { value } from '../support/builders';
import { MIXED_SCRIPTS, MIXED_SCRIPTS_LINES } from '../support/fixtures';
import { textFolder } from '../support/temp';
import { setUpWorkbench } from '../support/workbench';

const workbench = setUpWorkbench(() => textFolder({ 'mixed-scripts.txt': MIXED_SCRIPTS }));
const FAMILY = '👩\u200D👩\u200D👧';

/** The text offset of a place given by line and offset in the line (lines end in CRLF). */
function offsetOf(line: number, inLine: number): number {
  return MIXED_SCRIPTS_LINES.slice(0, line).reduce((sum, text) => sum + text.length + 2, 0) + inLine;
}

/** Sets the page's selection in the text from (line, offset) to (line, offset). Runs in the page. */
function selectInPage([fromLine, fromAt, toLine, toAt]: [number, number, number, number]): string {
  const root = document.querySelector('.text-host')!.shadowRoot as ShadowRoot & { getSelection(): Selection };
  const lines = Array.from(root.querySelectorAll<HTMLElement>('.tv-line'));
  const point = (line: number, at: number): [Node, number] => {
    const walker = document.createTreeWalker(lines[line], NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (at <= node.textContent!.length) return [node, at];
      at -= node.textContent!.length;
    }
    throw new Error(`no offset ${at} on line ${line}`);
  };
  (root.querySelector('.text-view') as HTMLElement).focus();
  const selection = root.getSelection();
  selection.setBaseAndExtent(...point(fromLine, fromAt), ...point(toLine, toAt));
  return selection.toString();
}

const selected = (page: Page) => page.evaluate(() => (document.querySelector('.text-host')!.shadowRoot as ShadowRoot & { getSelection(): Selection }).getSelection().toString());

async function documentId(): Promise<string> {
  return workbench.project.store.overview().documents[0].id;
}

/** The segment last saved, with its bounds in code points. */
async function lastSegment() {
  const { segments } = await workbench.project.store.openDocument(await documentId());
  const segment = segments.at(-1)!;
  const index = new CodePointIndex(MIXED_SCRIPTS);
  return { ...segment, codePoints: [index.toCodePoints(segment.start), index.toCodePoints(segment.end)] };
}

/** Where `words` lie on `line`, in code points of the whole text. */
function codePointsOf(line: number, words: string): number[] {
  const start = offsetOf(line, MIXED_SCRIPTS_LINES[line].indexOf(words));
  return [Array.from(MIXED_SCRIPTS.slice(0, start)).length, Array.from(MIXED_SCRIPTS.slice(0, start + words.length)).length];
}

async function codeAndCheck(page: Page, key: string, codeId: string, line: number, words: string): Promise<void> {
  const before = (await workbench.project.store.openDocument(await documentId())).segments.length;
  await page.keyboard.press(key);
  await page.waitForSelector('.save-status[data-state="saved"]');
  await expect.poll(async () => (await workbench.project.store.openDocument(await documentId())).segments.length).toBe(before + 1);
  const segment = await lastSegment();
  expect(segment.quote).toBe(words);
  expect(MIXED_SCRIPTS.slice(segment.start, segment.end)).toBe(words);
  expect(segment.codePoints).toEqual(codePointsOf(line, words));
  // The highlight covers exactly those characters (in pieces, where other segments overlap it).
  const pieces = () =>
    page.evaluate(
      ([id]) => Array.from(document.querySelector('.text-host')!.shadowRoot!.querySelectorAll(`.seg.${CSS.escape(`seg-${id}`)}`)).map((el) => el.textContent).join(''),
      [segment.id],
    );
  await expect.poll(pieces).toBe(words);
  expect(await page.locator(`.seg.code-${codeId}`).count()).toBeGreaterThan(0);
}

describe('right-to-left and mixed scripts in the text', () => {
  it('sets each line in the direction of its content, in fonts that cover its script', async () => {
    const { page, problems } = await workbench.newPage();
    await workbench.openInPage(page, await documentId());
    const lines = await page.evaluate(() =>
      Array.from(document.querySelector('.text-host')!.shadowRoot!.querySelectorAll<HTMLElement>('.tv-line')).map((line) => ({
        dir: line.getAttribute('dir'),
        direction: getComputedStyle(line).direction,
        role: line.tagName,
      })),
    );
    expect(lines.map((l) => l.direction)).toEqual(['ltr', 'rtl', 'rtl', 'ltr', 'ltr']);
    expect(lines.every((l) => l.dir === 'auto' && l.role === 'P')).toBe(true);
    const fonts = await page.evaluate(() => getComputedStyle(document.querySelector('.text-host')!.shadowRoot!.querySelector('.text-view')!).fontFamily);
    for (const font of ['Noto Naskh Arabic', 'Noto Sans Hebrew', 'Noto Serif Armenian', 'Noto Color Emoji']) expect(fonts).toContain(font);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('codes exactly the characters selected by a range, in Arabic, Hebrew and Armenian', async () => {
    const { page, problems } = await workbench.newPage();
    await workbench.openInPage(page, await documentId());
    const cases = [
      [1, 'الحرب بدأت', '1', 'factual-claim'],
      [2, 'שהמלחמה החלה', '2', 'opinion'],
      [3, 'պատերազմը', '3', 'call-to-action'],
    ] as const;
    for (const [line, words, key, code] of cases) {
      const at = MIXED_SCRIPTS_LINES[line].indexOf(words);
      expect(await page.evaluate(selectInPage, [line, at, line, at + words.length] as [number, number, number, number])).toBe(words);
      await codeAndCheck(page, key, code, line, words);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('codes a passage selected with Shift+arrows in a right-to-left line, and never splits an emoji family or an accent', async () => {
    const { page, problems } = await workbench.newPage();
    await workbench.openInPage(page, await documentId());
    // The caret before the Hebrew "בבוקר" ("in the morning"); in a right-to-left line, Shift+Left
    // extends the selection forward in the text, one letter at a time.
    const hebrew = MIXED_SCRIPTS_LINES[2];
    const morning = 'בבוקר';
    const at = hebrew.indexOf(morning);
    await page.evaluate(selectInPage, [2, at, 2, at] as [number, number, number, number]);
    for (let i = 0; i < morning.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => selected(page)).toBe(morning);
    await codeAndCheck(page, '1', 'factual-claim', 2, morning);

    // The caret before the family; one Shift+Right takes the whole family (8 UTF-16 units, 5 code points).
    const last = MIXED_SCRIPTS_LINES[4];
    await page.evaluate(selectInPage, [4, last.indexOf(FAMILY), 4, last.indexOf(FAMILY)] as [number, number, number, number]);
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => selected(page)).toBe(FAMILY);
    await codeAndCheck(page, '2', 'opinion', 4, FAMILY);

    // A range that ends inside the family and one that ends between the e and its accent are
    // widened to the whole characters.
    const family = last.indexOf(FAMILY);
    await page.evaluate(selectInPage, [4, family - 'family '.length, 4, family + 3] as [number, number, number, number]);
    await codeAndCheck(page, '3', 'call-to-action', 4, `family ${FAMILY}`);
    const cafe = last.indexOf('cafe\u0301');
    await page.evaluate(selectInPage, [4, cafe, 4, cafe + 4] as [number, number, number, number]);
    await codeAndCheck(page, '1', 'factual-claim', 4, 'cafe\u0301');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("sets every line in the document language's direction when its language variable names one", async () => {
    const { handlers } = workbench.project;
    value(await dispatch(handlers, 'defineVariable', { name: 'language', type: 'text', choices: [] }));
    value(await dispatch(handlers, 'setDocumentValue', { documentId: await documentId(), name: 'language', value: 'he' }));
    const { page, problems } = await workbench.newPage();
    await workbench.openInPage(page, await documentId());
    const lines = await page.evaluate(() => {
      const root = document.querySelector('.text-host')!.shadowRoot!;
      return {
        lang: root.querySelector('.text-view')!.getAttribute('lang'),
        directions: Array.from(root.querySelectorAll<HTMLElement>('.tv-line')).map((line) => getComputedStyle(line).direction),
      };
    });
    // Even the English line and the Latin one with the emoji: the document is Hebrew.
    expect(lines).toEqual({ lang: 'he', directions: ['rtl', 'rtl', 'rtl', 'rtl', 'rtl'] });
    expect(problems).toEqual([]);
    await page.close();
  });
});
