/**
 * Suggestions in the real renderer, over the real handlers and the suggestions' worker: the switch
 * (off at first) turns them on and the panel says there are too few examples; on a project with
 * enough coding the panel lists the corpus's suggestions and the text draws dotted marks; the keys
 * accept (the segment appears in the text and is saved), reject (gone, and remembered by the main
 * process) and skip (the focus moves on); the model is exported as JSON. Screenshots at two window
 * sizes, light and dark, go to .tmp/screenshots/suggestions-*.png.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { JOURNAL_FILE } from '../../electron/project/project-opening';
import type { Result } from '../../shared/ipc/result';
import type { SuggestionPage } from '../../shared/ipc/suggestions';
import { blockingViolations } from '../support/axe';
import { generateCodedCorpus, PLANTED_CODE } from '../support/suggestion-corpus';
import { textFolder } from '../support/temp';
import { screenshotSizesAndThemes } from '../support/screenshots';
import { setUpWorkbench } from '../support/workbench';
import { showSidePanel } from '../support/workspace';


/** Six speeches of generated sentences, a share of them calls to action (coded `call-to-action`); each opens with its name. */
const corpus = generateCodedCorpus(19, { documents: 6, sentencesPerDocument: 60, randomShare: 0 });
const HEADING = (d: number) => `Speech ${d + 1}\n\n`;
/** The first four speeches are coded; the last two are left for the suggestions. */
const CODED_DOCUMENTS = 4;

const workbench = setUpWorkbench(() =>
  textFolder(Object.fromEntries(corpus.documents.map((document, d) => [`speech-${d + 1}.txt`, HEADING(d) + document.text]))),
);

/** The project's id of generated document `d`, and its text as the main process holds it. */
async function speech(d: number): Promise<{ id: string; text: string }> {
  const { store } = workbench.project;
  const record = store.overview().documents.find((document) => document.file === `speech-${d + 1}.txt`)!;
  return { id: record.id, text: (await store.openDocument(record.id)).text };
}

/** Codes the generated segments of the coded speeches, from `from` to `to` of them. */
async function codeGenerated(from: number, to: number): Promise<void> {
  const coded = corpus.segments.filter((segment) => Number(segment.documentId.slice(4)) < CODED_DOCUMENTS).slice(from, to);
  for (const segment of coded) {
    const d = Number(segment.documentId.slice(4));
    const { id, text } = await speech(d);
    const shift = HEADING(d).length;
    // The generated text is the document's, after its heading.
    expect(text.slice(shift)).toBe(corpus.documents[d]!.text);
    await workbench.project.store.addSegment({ id: crypto.randomUUID(), documentId: id, codeId: segment.codeId, start: segment.start + shift, end: segment.end + shift });
  }
}

/** What the item with the focus in the list stands for. */
async function focusedSuggestion(page: Page) {
  return page.evaluate(() => {
    const item = document.activeElement as HTMLElement | null;
    if (!item?.classList.contains('suggestion')) return null;
    const { documentId, codeId, start, end } = item.dataset;
    return { documentId: documentId!, codeId: codeId!, start: Number(start), end: Number(end), current: item.getAttribute('aria-current') };
  });
}

/** The suggestions listed in the panel, as `document:start:code`. */
function listed(page: Page): Promise<string[]> {
  return page.$$eval('.suggestion', (items) => items.map((item) => `${(item as HTMLElement).dataset.documentId}:${(item as HTMLElement).dataset.start}:${(item as HTMLElement).dataset.codeId}`));
}

function screenshots(page: Page, name: string): Promise<void> {
  return screenshotSizesAndThemes(page, `suggestions-${name}`);
}

describe('suggestions', () => {
  it('are off at first, and with too few examples the panel says so', async () => {
    await codeGenerated(0, 6);
    const { page, problems } = await workbench.newPage();
    await showSidePanel(page, 'suggestions');
    const toggle = page.locator('input[data-action="suggestions-switch"]');
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    expect(await page.textContent('.suggestions-panel')).toContain('on this machine');
    expect(await page.getAttribute('.suggestions-state', 'data-state')).toBe('off');
    await expect.poll(async () => (await page.$$('.text-host .suggested')).length).toBe(0);

    await toggle.click();
    await page.waitForSelector('.suggestions-state[data-state="too-few"]', { timeout: 30_000 });
    expect(await page.textContent('.suggestions-state')).toMatch(/Too few examples/);
    expect(await page.textContent('.suggestions-quality')).toMatch(/too few: needs 10/);
    expect(await page.$$('.suggestion')).toHaveLength(0);
    expect(await page.textContent('.suggestions-empty')).toContain('until a code has enough examples');
    await screenshots(page, 'too-few');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists suggestions and draws dotted marks on a project with enough coding; the keys accept, reject and skip', async () => {
    await codeGenerated(6, Infinity);
    const { store, handlers } = workbench.project;
    const { page, problems } = await workbench.newPage();
    await showSidePanel(page, 'suggestions');
    await page.waitForSelector('.suggestions-state[data-state="ready"]', { timeout: 60_000 });
    expect(await page.textContent('.suggestions-state')).toMatch(/Ready: trained on \d+ segments at/);
    // Each code's quality, by cross-validation.
    expect(await page.textContent('.suggestions-quality caption')).toMatch(/\d+-fold cross-validation/);
    expect(await page.textContent(`.suggestions-quality tr[data-code-id="${PLANTED_CODE}"] [data-figure="f1"]`)).toMatch(/^[01]\.\d\d$/);
    await page.waitForSelector('.suggestion');
    expect(await page.locator('.suggestion-likely').first().textContent()).toMatch(/likely call to action: 0\.\d\d/);

    // Enter on the first suggestion shows its passage in its text, where dotted marks are drawn.
    await page.locator('.suggestion').first().focus();
    const first = (await focusedSuggestion(page))!;
    expect(first.current).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${first.documentId}"]`);
    await page.waitForSelector('.text-host .suggested');
    const mark = page.locator(`.text-host .suggested-${PLANTED_CODE}`).first();
    expect(await mark.getAttribute('title')).toMatch(/^likely call to action: 0\.\d\d/);
    const marked = (await page.$$('.text-host .suggested')).length;
    // The caret at rest in a marked sentence says its suggestion for screen readers, as the colour and title do not.
    await mark.click();
    const said = () => page.evaluate(() => document.querySelector('.text-host')!.shadowRoot!.querySelector('.caret-codes')!.textContent);
    await expect.poll(said).toMatch(/^Not coded; suggested: likely call to action: 0\.\d\d$/);
    await screenshots(page, 'listed');
    // Nothing in the panel keeps anyone from using it, in either theme.
    for (const theme of ['light', 'dark']) {
      await page.evaluate((chosen) => (document.documentElement.dataset.theme = chosen), theme);
      expect(await blockingViolations(page, '.side-panel[data-panel="suggestions"]'), theme).toEqual([]);
    }
    await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));

    // a accepts: the segment appears in the text and is saved, marked as from a suggestion.
    const before = (await store.openDocument(first.documentId)).segments.length;
    await page.locator('.suggestion').first().focus();
    await page.keyboard.press('a');
    await expect.poll(async () => (await store.openDocument(first.documentId)).segments.length).toBe(before + 1);
    const accepted = (await store.openDocument(first.documentId)).segments.find((s) => s.start >= first.start && s.end <= first.end && s.codeId === first.codeId)!;
    expect(accepted).toBeDefined();
    expect(accepted.coder).toBe('ana');
    await expect.poll(() => page.locator(`.text-host .seg-${accepted.id}`).count()).toBeGreaterThan(0);
    await expect.poll(async () => (await listed(page)).includes(`${first.documentId}:${first.start}:${first.codeId}`)).toBe(false);
    await expect.poll(async () => (await page.$$('.text-host .suggested')).length).toBeLessThan(marked);
    const journal = await readFile(join(dirname(store.file), JOURNAL_FILE), 'utf8');
    expect(journal).toContain(accepted.id);
    expect(accepted.origin).toBe('suggestion');
    expect(journal.split('\n').find((line) => line.includes(accepted.id))).toContain('"suggestion"');
    // The focus went on to the suggestion now first.
    await expect.poll(async () => (await focusedSuggestion(page))?.current).toBe('true');

    // r rejects: gone from the list, and the main process remembers it.
    const rejected = (await focusedSuggestion(page))!;
    await page.keyboard.press('r');
    await expect.poll(async () => (await listed(page)).includes(`${rejected.documentId}:${rejected.start}:${rejected.codeId}`)).toBe(false);
    const remembered = (await dispatch(handlers, 'corpusSuggestions', { codeId: null, order: 'confidence', offset: 0, limit: 500 })) as Result<SuggestionPage>;
    expect(remembered.ok && remembered.value.suggestions.some((s) => s.documentId === rejected.documentId && s.start === rejected.start && s.codeId === rejected.codeId)).toBe(false);
    await expect.poll(async () => (await focusedSuggestion(page))?.current).toBe('true');

    // s skips: the focus moves to the next suggestion; nothing is decided.
    const skipped = (await focusedSuggestion(page))!;
    const count = (await listed(page)).length;
    await page.keyboard.press('s');
    await expect.poll(async () => (await focusedSuggestion(page))?.start !== skipped.start || (await focusedSuggestion(page))?.documentId !== skipped.documentId).toBe(true);
    expect(await listed(page)).toContain(`${skipped.documentId}:${skipped.start}:${skipped.codeId}`);
    expect((await listed(page)).length).toBe(count);
    // The arrow keys move back.
    await page.keyboard.press('ArrowUp');
    expect((await focusedSuggestion(page))?.start).toBe(skipped.start);
    await screenshots(page, 'decided');

    // The model in use, exported as JSON with the hashes of what it learnt from.
    await page.click('button[data-action="export-suggestion-model"]');
    await expect.poll(() => page.textContent('.message-bar')).toMatch(/Exported the model, trained on \d+ segments, to /);
    const message = (await page.textContent('.message-text'))!;
    const path = message.slice(message.indexOf(' to ') + 4);
    expect(path.startsWith(workbench.project.exportsFolder)).toBe(true);
    const model = JSON.parse(await readFile(path, 'utf8'));
    expect(model.format).toBe('annotation-workbench/suggestion-model');
    expect(model.examples.length).toBeGreaterThan(0);

    // Turned off: nothing is drawn in the text or listed.
    await page.click('input[data-action="suggestions-switch"]');
    await page.waitForSelector('.suggestions-state[data-state="off"]');
    await expect.poll(async () => (await page.$$('.text-host .suggested')).length).toBe(0);
    expect(await page.$$('.suggestion')).toHaveLength(0);
    expect(problems).toEqual([]);
    await page.close();

    // A new page (the project opened again): the rejection is still remembered.
    expect((await dispatch(handlers, 'setSuggestionSettings', { enabled: true })).ok).toBe(true);
    const again = await workbench.newPage();
    await showSidePanel(again.page, 'suggestions');
    await again.page.waitForSelector('.suggestion', { timeout: 60_000 });
    expect(await listed(again.page)).not.toContain(`${rejected.documentId}:${rejected.start}:${rejected.codeId}`);
    await again.page.close();
  });
});
