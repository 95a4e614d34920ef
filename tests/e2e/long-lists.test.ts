/**
 * The long lists of a project-sized corpus in the real renderer: 1,000 documents and 3,000 coded
 * segments. Each list is windowed (far fewer rows in the page than it holds), says every row's
 * place in the whole list, and its last row is reached by scrolling and by the End key. Screenshots
 * of the lists at two window sizes, light and dark, go to .tmp/screenshots/long-lists-*.png.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { codePassages } from '../../shared/edits/segments';
import { generateDocument, mulberry32, randomCodedSpans } from '../bench/generate';
import { textFolder } from '../support/temp';
import { screenshotSizesAndThemes } from '../support/screenshots';
import { setUpWorkbench } from '../support/workbench';
import { openView, showSidePanel } from '../support/workspace';

const DOCUMENTS = 1_000;
const SEGMENTS = 3_000;
const CODE_IDS = ['factual-claim', 'opinion', 'call-to-action'];

/** 1,000 short interviews, each titled by its first line. */
async function interviews(): Promise<string> {
  const random = mulberry32(14);
  const texts: Record<string, string> = {};
  for (let i = 1; i <= DOCUMENTS; i++) {
    const number = String(i).padStart(4, '0');
    texts[`interview-${number}.txt`] = `Interview ${number}\n\n${generateDocument(random, 1_200)}`;
  }
  return textFolder(texts);
}

const workbench = setUpWorkbench(interviews);

/** Codes 3,000 random passages over the documents, as one action (as "code all hits" does). */
async function codeSegments(): Promise<void> {
  const { store } = workbench.project;
  const random = mulberry32(15);
  const documents = store.documents;
  const texts = new Map<string, string>();
  for (const document of documents) texts.set(document.id, await store.text(document.id));
  const spans = [];
  for (let i = 0; i < SEGMENTS; i++) {
    const document = documents[i % documents.length]!;
    const [span] = randomCodedSpans(random, texts.get(document.id)!, 1, CODE_IDS);
    spans.push({ ...span!, documentId: document.id });
  }
  for (const codeId of CODE_IDS) {
    const ofCode = spans.filter((span) => span.codeId === codeId);
    await store.edit((state, at) => codePassages(state, { codeId, spans: ofCode, label: `Code ${ofCode.length} passages` }, texts, at, randomUUID));
  }
}

/** The focused element's row: its place in the list and what it names. */
function focusedRow(page: Page): Promise<{ position: string | null; size: string | null; documentId: string | null; segmentId: string | null }> {
  return page.evaluate(() => {
    const focused = globalThis.document.activeElement as HTMLElement | null;
    const row = focused?.closest('li');
    return {
      position: row?.getAttribute('aria-posinset') ?? null,
      size: row?.getAttribute('aria-setsize') ?? null,
      documentId: focused?.getAttribute('data-document-id') ?? null,
      segmentId: focused?.getAttribute('data-segment-id') ?? null,
    };
  });
}

/** Scrolls a windowed list's scroll box to its very end. */
async function scrollToEnd(page: Page, scroller: string): Promise<void> {
  await page.evaluate((selector) => {
    const box = globalThis.document.querySelector(selector)!;
    box.scrollTop = box.scrollHeight;
  }, scroller);
}

function screenshots(page: Page, name: string): Promise<void> {
  return screenshotSizesAndThemes(page, `long-lists-${name}`);
}

describe('the lists of a project with 1,000 documents and 3,000 coded segments', () => {
  it('windows the document list, and the keys reach its last document and come back', async () => {
    const { page, problems } = await workbench.newPage();
    const documents = workbench.project.store.overview().documents;
    expect(documents).toHaveLength(DOCUMENTS);
    const drawn = await page.locator('.document-list .document-button').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(100);
    expect(await page.getAttribute('.document-list > li', 'aria-setsize')).toBe(String(DOCUMENTS));

    await page.focus(`.document-button[data-document-id="${documents[0]!.id}"]`);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedRow(page)).toMatchObject({ position: '2', documentId: documents[1]!.id });
    await page.keyboard.press('End');
    await expect.poll(() => focusedRow(page)).toEqual({ position: String(DOCUMENTS), size: String(DOCUMENTS), documentId: documents.at(-1)!.id, segmentId: null });
    // The focus stays visible: the last row lies inside the list's scroll box.
    const inside = await page.evaluate(() => {
      const box = globalThis.document.querySelector('.document-list-scroll')!.getBoundingClientRect();
      const row = globalThis.document.activeElement!.getBoundingClientRect();
      return row.top >= box.top && row.bottom <= box.bottom;
    });
    expect(inside).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(() => focusedRow(page)).toMatchObject({ position: '1', documentId: documents[0]!.id });

    // The list is one Tab stop, the row last focused: Tab leaves the list, Shift+Tab comes back to that row.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedRow(page)).toMatchObject({ position: '3' });
    const tabStops = () =>
      page.evaluate(() => [...globalThis.document.querySelectorAll<HTMLElement>('.document-list button, .document-list [tabindex]')].filter((element) => element.tabIndex >= 0).length);
    expect(await tabStops()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!globalThis.document.activeElement?.closest('.document-list'))).toBe(false);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focusedRow(page)).toMatchObject({ position: '3', documentId: documents[2]!.id });

    // Scrolling to the end draws the last rows, and only a window of rows is in the page.
    await scrollToEnd(page, '.document-list-scroll');
    await page.waitForSelector(`.document-button[data-document-id="${documents.at(-1)!.id}"]`);
    expect(await page.locator('.document-list .document-button').count()).toBeLessThan(100);

    // The filter narrows the whole list, not only the rows drawn.
    await page.fill('input[data-action="filter-documents"]', 'Interview 0999');
    await expect.poll(() => page.locator('.document-list .document-title').allTextContents()).toEqual(['Interview 0999']);
    await page.fill('input[data-action="filter-documents"]', '');
    await page.waitForSelector(`.document-button[data-document-id="${documents[0]!.id}"]`);

    // A document opened from the keyboard: Enter on a row reached with the arrow keys.
    await page.focus(`.document-button[data-document-id="${documents[0]!.id}"]`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${documents[2]!.id}"]`);
    await showSidePanel(page, 'documents');
    await screenshots(page, 'documents');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reaches the last of 3,000 coded segments by scrolling and by the End key, with the rows drawn a window at a time', async () => {
    await codeSegments();
    const { store } = workbench.project;
    const titles = new Map(store.documents.map((document) => [document.id, document.title]));
    // The view's order: by document title, then by start.
    const ordered = [...store.codebookState().segments].sort(
      (a, b) => titles.get(a.documentId)!.localeCompare(titles.get(b.documentId)!) || a.start - b.start,
    );
    expect(ordered).toHaveLength(SEGMENTS);

    const { page, problems } = await workbench.newPage();
    await openView(page, 'retrieval');
    await expect.poll(() => page.textContent('.retrieval-count')).toBe('3,000 of 3,000 coded segments');
    await page.waitForSelector('.retrieval-row');
    expect(await page.locator('.retrieval-list > li').count()).toBeLessThan(100);
    expect(await page.getAttribute('.retrieval-list', 'role')).toBe('list');
    expect(await page.getAttribute('.retrieval-list > li', 'aria-setsize')).toBe(String(SEGMENTS));

    // Scrolled to the end, the last segment is drawn (fetched from the main process as it comes into view).
    await scrollToEnd(page, '.retrieval-list-scroll');
    const last = `.retrieval-list > li[aria-posinset="${SEGMENTS}"] .retrieval-row`;
    await page.waitForSelector(last);
    expect(await page.getAttribute(last, 'data-segment-id')).toBe(ordered.at(-1)!.id);
    expect(await page.textContent(last)).toContain(ordered.at(-1)!.quote.slice(0, 20));

    // From the first row, End reaches the last and Home comes back; the arrow keys move by one.
    await page.evaluate(() => (globalThis.document.querySelector('.retrieval-list-scroll')!.scrollTop = 0));
    await page.waitForSelector('.retrieval-list > li[aria-posinset="1"] .retrieval-row');
    await page.focus('.retrieval-list > li[aria-posinset="1"] .retrieval-row');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedRow(page)).toMatchObject({ position: '2', segmentId: ordered[1]!.id });
    await page.keyboard.press('End');
    await expect.poll(() => focusedRow(page)).toEqual({ position: String(SEGMENTS), size: String(SEGMENTS), documentId: null, segmentId: ordered.at(-1)!.id });
    await page.keyboard.press('Home');
    await expect.poll(() => focusedRow(page)).toMatchObject({ position: '1', segmentId: ordered[0]!.id });

    // A filter: the count and the rows follow, from the main process.
    await page.selectOption('select[aria-label="Code"]', 'opinion');
    const opinions = ordered.filter((segment) => segment.codeId === 'opinion');
    await expect.poll(() => page.textContent('.retrieval-count')).toBe(`${opinions.length.toLocaleString('en-US')} of 3,000 coded segments`);
    await expect.poll(() => page.getAttribute('.retrieval-list > li[aria-posinset="1"] .retrieval-row', 'data-segment-id')).toBe(opinions[0]!.id);
    await page.selectOption('select[aria-label="Code"]', '');
    await expect.poll(() => page.textContent('.retrieval-count')).toBe('3,000 of 3,000 coded segments');

    // Scrolled down, a filter changed: the rows in view are fetched again, none left loading.
    await page.evaluate(() => {
      const box = globalThis.document.querySelector('.retrieval-list-scroll')!;
      box.scrollTop = (box.scrollHeight * 399) / 3_000;
    });
    await page.waitForSelector('.retrieval-list > li[aria-posinset="400"] .retrieval-row');
    await page.selectOption('select[aria-label="Code"]', 'opinion');
    const shownOpinion = `.retrieval-list > li[aria-posinset="400"] .retrieval-row`;
    await expect.poll(() => page.getAttribute(shownOpinion, 'data-segment-id')).toBe(opinions[399]!.id);
    await expect.poll(() => page.locator('.retrieval-placeholder').count()).toBe(0);
    // End onto a row not fetched yet: the focus waits in its list item, then goes to the row.
    await page.focus(shownOpinion);
    await page.keyboard.press('End');
    await expect.poll(() => focusedRow(page)).toMatchObject({ position: String(opinions.length), segmentId: opinions.at(-1)!.id });
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedRow(page)).toMatchObject({ position: String(opinions.length - 1), segmentId: opinions.at(-2)!.id });
    await page.selectOption('select[aria-label="Code"]', '');
    await expect.poll(() => page.textContent('.retrieval-count')).toBe('3,000 of 3,000 coded segments');
    await screenshots(page, 'retrieval');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists every hit of a search across the corpus in a windowed list, the last reached by scrolling', async () => {
    const { page, problems } = await workbench.newPage();
    await showSidePanel(page, 'search');
    await page.selectOption('select[aria-label="Where to search"]', 'corpus');
    await page.fill('.search-input', 'Interview');
    await expect.poll(() => page.textContent('.search-count')).toBe(`${DOCUMENTS.toLocaleString('en-US')} hits in ${DOCUMENTS.toLocaleString('en-US')} documents`);
    await page.waitForSelector('.search-hit-row');
    expect(await page.locator('.search-hits > li').count()).toBeLessThan(100);
    expect(await page.getAttribute('.search-hits > li', 'aria-setsize')).toBe(String(DOCUMENTS));
    await scrollToEnd(page, '.search-hits-scroll');
    const last = `.search-hits > li[aria-posinset="${DOCUMENTS}"] .search-hit-row`;
    await page.waitForSelector(last);
    expect(await page.textContent(`${last} .hit-document`)).toBe(`Interview ${String(DOCUMENTS).padStart(4, '0')}`);

    // The preview of "code all hits" says how many it will code and shows the first few.
    await page.selectOption('select[aria-label="Code for all hits"]', 'opinion');
    await page.click('[data-action="preview-code-hits"]');
    await expect.poll(() => page.locator('.code-hits-preview li').count()).toBe(20);
    expect(await page.textContent('.code-hits-preview')).toContain('980');
    await screenshots(page, 'search');
    expect(problems).toEqual([]);
    await page.close();
  });
});
