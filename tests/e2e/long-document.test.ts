/**
 * A long document in the real renderer: highlights are drawn for the part on screen, and the
 * rest appear as the reader scrolls or jumps there.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { dragSelect } from '../support/browser';
import { value } from '../support/builders';
import { textFolder } from '../support/temp';
import { setUpWorkbench } from '../support/workbench';
import { showSidePanel } from '../support/workspace';

const LINES = Array.from({ length: 1500 }, (_, i) => (i % 7 === 3 ? '' : `Line ${i}: words of the long report, line number ${i}.`));
const TEXT = LINES.join('\n');

const workbench = setUpWorkbench(() => textFolder({ 'long-report.txt': TEXT }));

describe('a long document', () => {
  it('shows the highlights of every part of the text the reader scrolls or jumps to', async () => {
    const document = workbench.project.store.overview().documents[0];
    const quotes = ['Line 5: words', 'Line 700: words', 'line number 1499.'];
    for (const quote of quotes) {
      const start = TEXT.indexOf(quote);
      await workbench.project.store.addSegment({ id: crypto.randomUUID(), documentId: document.id, codeId: 'opinion', start, end: start + quote.length });
    }
    const { page, problems } = await workbench.newPage();
    await page.setViewportSize({ width: 1300, height: 800 });
    await workbench.openInPage(page, document.id);
    const highlighted = () => page.locator('.seg.code-opinion').allTextContents();
    await expect.poll(highlighted).toContain(quotes[0]);

    // Scroll to the end: the last highlight is drawn there.
    await page.locator('.document').evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect.poll(highlighted).toContain(quotes[2]);

    // Jump from the Coded segments panel to the middle one.
    await showSidePanel(page, 'segments');
    await page.click('.segment-row >> nth=1');
    await expect.poll(highlighted).toContain(quotes[1]);
    const box = await page.locator('.seg.code-opinion', { hasText: quotes[1] }).boundingBox();
    expect(box && box.y > 0 && box.y < 800).toBe(true);

    // Coding far down the text works the same.
    await page.locator('.document').evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await page.locator('.seg.code-opinion', { hasText: quotes[2] }).waitFor();
    const start = TEXT.indexOf('Line 1497: words');
    await dragSelect(page, start, start + 'Line 1497: words'.length);
    await page.keyboard.press('1');
    await expect.poll(() => page.locator('.seg.code-factual-claim').allTextContents()).toEqual(['Line 1497: words']);
    await page.waitForSelector('.save-status[data-state="saved"]');
    const saved = (await workbench.project.store.openDocument(document.id)).segments.map((s) => s.quote);
    expect(saved).toContain('Line 1497: words');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the highlights just below the first screen soon after opening, before any scroll', async () => {
    const document = workbench.project.store.overview().documents[0];
    // Line 100 lies in the text's second section, well below the first screen.
    const quote = 'Line 100: words';
    const start = TEXT.indexOf(quote);
    await workbench.project.store.addSegment({ id: crypto.randomUUID(), documentId: document.id, codeId: 'call-to-action', start, end: start + quote.length });
    const { page, problems } = await workbench.newPage();
    await page.setViewportSize({ width: 1300, height: 800 });
    await workbench.openInPage(page, document.id);
    await expect.poll(() => page.locator('.seg.code-call-to-action').allTextContents()).toEqual([quote]);
    const box = await page.locator('.seg.code-call-to-action').boundingBox();
    expect(box!.y).toBeGreaterThan(800);
    expect(await page.locator('.document').evaluate((element) => element.scrollTop)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
  it('draws sections far from the screen as their plain text, and draws them in full where the reader scrolls, selects or jumps', async () => {
    const document = workbench.project.store.overview().documents[0];
    // Line 1201 lies in a section far below the first screen.
    const far = 'Line 1201: words';
    const farStart = TEXT.indexOf(far);
    await workbench.project.store.addSegment({ id: crypto.randomUUID(), documentId: document.id, codeId: 'call-to-action', start: farStart, end: farStart + far.length });
    const { page, problems } = await workbench.newPage();
    await page.setViewportSize({ width: 1300, height: 800 });
    await workbench.openInPage(page, document.id);
    const root = page.locator('.text-host');
    const sections = () => root.evaluate((host) => Array.from(host.shadowRoot!.querySelectorAll('.tv-section')).map((section) => ({
      far: section.classList.contains('tv-far'),
      lines: section.classList.contains('tv-far') ? -1 : section.querySelectorAll('.tv-line').length,
      text: section.textContent ?? '',
    })));
    // Far sections are one text each, lines joined by line breaks; the whole text is there.
    await expect.poll(async () => (await sections()).filter((section) => section.far).length).toBeGreaterThan(10);
    const drawn = await sections();
    expect(drawn[drawn.length - 1].far).toBe(true);
    expect(drawn[drawn.length - 1].text.split('\n')).toEqual(LINES.slice((drawn.length - 1) * 64));
    expect(await page.locator('.seg.code-call-to-action', { hasText: far }).count()).toBe(0);

    // A selection across the first section's end codes exactly the passage selected.
    const from = TEXT.indexOf('Line 62: words');
    const to = TEXT.indexOf('Line 65: words') + 'Line 65: words'.length;
    await page.locator('.tv-line', { hasText: 'Line 64: words' }).evaluate((line) => line.scrollIntoView({ block: 'center' }));
    await dragSelect(page, from, to);
    await page.keyboard.press('1');
    await page.waitForSelector('.save-status[data-state="saved"]');
    const coded = (await workbench.project.store.openDocument(document.id)).segments.filter((s) => s.codeId === 'factual-claim' && s.end > from && s.start < to);
    expect(coded.map((s) => [s.start, s.end])).toEqual([[from, to]]);
    expect(coded[0].quote).toBe(TEXT.slice(from, to));

    // A jump to the far passage draws its section in full, highlights and selects it on screen.
    await showSidePanel(page, 'segments');
    await page.locator('.segment-row', { hasText: far }).click();
    await expect.poll(() => page.locator('.seg.code-call-to-action').allTextContents()).toContain(far);
    const box = await page.locator('.seg.code-call-to-action', { hasText: far }).boundingBox();
    expect(box && box.y > 0 && box.y < 800).toBe(true);
    const selected = await root.evaluate((host) => (host.shadowRoot as unknown as { getSelection(): Selection }).getSelection().toString());
    expect(selected).toBe(far);
    // And the first section, now far off, is one text again.
    expect((await sections())[0].far).toBe(true);

    // The keyboard reaches the text's very start and end across far sections.
    const focusedLine = () => root.evaluate((host) => {
      const selection = (host.shadowRoot as unknown as { getSelection(): Selection }).getSelection();
      return selection.focusNode?.parentElement?.closest('.tv-line')?.textContent ?? null;
    });
    await page.keyboard.press('Control+Home');
    await expect.poll(focusedLine).toBe(LINES[0]);
    await page.keyboard.press('Control+Shift+End');
    await expect.poll(focusedLine).toBe(LINES[LINES.length - 1]);
    // The selection is the whole text: coded, it is one segment from the first character to the last.
    await page.keyboard.press('2');
    await page.waitForSelector('.save-status[data-state="saved"]');
    await expect.poll(async () => (await workbench.project.store.openDocument(document.id)).segments.filter((s) => s.codeId === 'opinion' && s.start === 0).map((s) => s.end)).toEqual([TEXT.length]);
    expect(problems).toEqual([]);
    await page.close();
  });
  it('draws the next section in full, highlights and all, while the reader is still scrolling towards it', async () => {
    const document = workbench.project.store.overview().documents[0];
    // Line 140 lies in the third section (64 lines each), below the screens scrolled here.
    const ahead = 'Line 140: words';
    const aheadStart = TEXT.indexOf(ahead);
    await workbench.project.store.addSegment({ id: crypto.randomUUID(), documentId: document.id, codeId: 'call-to-action', start: aheadStart, end: aheadStart + ahead.length });
    const { page, problems } = await workbench.newPage();
    await page.setViewportSize({ width: 1300, height: 800 });
    await workbench.openInPage(page, document.id);
    const root = page.locator('.text-host');
    const thirdIsFar = () => root.evaluate((host) => host.shadowRoot!.querySelectorAll('.tv-section')[2].classList.contains('tv-far'));
    await expect.poll(async () => (await root.evaluate((host) => host.shadowRoot!.querySelectorAll('.tv-far').length))).toBeGreaterThan(10);
    expect(await thirdIsFar()).toBe(true);

    // The second section fills the screen: the third is not on it yet, but it is drawn ahead.
    await page.locator('.tv-line', { hasText: 'Line 72: words' }).evaluate((line) => line.scrollIntoView({ block: 'start' }));
    await expect.poll(thirdIsFar).toBe(false);
    await expect.poll(() => page.locator('.seg.code-call-to-action', { hasText: ahead }).count()).toBe(1);
    const thirdTop = await root.evaluate((host) => host.shadowRoot!.querySelectorAll('.tv-section')[2].getBoundingClientRect().top);
    expect(thirdTop).toBeGreaterThan(800);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("sets a far section's lines in the document language's direction when its language variable names one, as when drawn in full", async () => {
    const opened = workbench.project.store.overview().documents[0];
    const { handlers } = workbench.project;
    value(await dispatch(handlers, 'defineVariable', { name: 'language', type: 'text', choices: [] }));
    value(await dispatch(handlers, 'setDocumentValue', { documentId: opened.id, name: 'language', value: 'he' }));
    const { page, problems } = await workbench.newPage();
    await page.setViewportSize({ width: 1300, height: 800 });
    await workbench.openInPage(page, opened.id);
    const root = page.locator('.text-host');
    await expect.poll(() => root.evaluate((host) => host.shadowRoot!.querySelectorAll('.tv-far').length)).toBeGreaterThan(10);
    // The last section's first line, English words in a Hebrew document: set right to left, it
    // ends at the block's right edge (each line of a near section is a <p dir="rtl">).
    const sides = await root.evaluate((host) => {
      const sections = host.shadowRoot!.querySelectorAll<HTMLElement>('.tv-section');
      const far = sections[sections.length - 1];
      far.style.contentVisibility = 'visible'; // laid out although off screen, to be measured
      const text = far.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, text.data.indexOf('\n'));
      const line = range.getBoundingClientRect();
      const block = far.getBoundingClientRect();
      return { far: far.classList.contains('tv-far'), direction: getComputedStyle(far).direction, toRight: block.right - line.right, toLeft: line.left - block.left };
    });
    expect(sides.far).toBe(true);
    expect(sides.direction).toBe('rtl');
    expect(sides.toRight).toBeLessThan(sides.toLeft);
    expect(problems).toEqual([]);
    await page.close();
  });
});
