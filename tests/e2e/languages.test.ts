/**
 * The interface in English and in German, in the real renderer: the language kept in the settings
 * (localStorage's workbench-language) is the one the page speaks; the agreement view, the coded
 * segments, the variables and the search show their labels in it, numbers are written its way
 * (α = 0,830 in German), and plurals follow its rules. The German agreement view is screenshot
 * and checked for labels cut off, German words being longer.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { watchForProblems } from '../support/browser';
import { codeAsTwoCoders } from '../support/project';
import { setUpWorkbench } from '../support/workbench';
import { openView, showSidePanel } from '../support/workspace';

const workbench = setUpWorkbench();
const SCREENSHOTS = new URL('../../.tmp/screenshots/', import.meta.url).pathname;

/** What each language shows: labels, a number written its way, and one segment against two. */
const EXPECTED = {
  de: {
    compute: 'Übereinstimmung berechnen',
    summary: /^2 Codierer\/-innen \(ana, bea\) · 1 Dokument · [\d.]+ Zeichen als Einheiten \(Codepoints\)$/,
    overall: 'Alle Codes (gesamt)',
    disagreements: 'Abweichungen: 2 von 2 offen',
    coefficient: /^-?\d,\d{3}$/,
    percent: /^\d{1,3},\d\s%$/,
    legend: 'Codierer/-innen (2 von 2)',
    retrievalCount: '4 von 4 codierten Segmenten',
    exportOne: 'Dieses Segment als CSV exportieren',
    exportTwo: 'Diese 2 als CSV exportieren',
    wordsLabel: 'Wörter im Zitat',
    coderLabel: 'Codierer/-in',
    codeLabel: 'Code',
    variableName: 'Name der neuen Variable',
    listColumn: '(Liste)',
    searchFor: 'Suchen nach',
    hits: /^\d+ Treffer in \d+ Dokumenten$/,
    scope: 'Alle Dokumente',
  },
  en: {
    compute: 'Compute agreement',
    summary: /^2 coders \(ana, bea\) · 1 document · [\d,]+ characters as units \(code points\)$/,
    overall: 'All codes (overall)',
    disagreements: 'Disagreements: 2 open of 2',
    coefficient: /^-?\d\.\d{3}$/,
    percent: /^\d{1,3}\.\d%$/,
    legend: 'Coders (2 of 2)',
    retrievalCount: '4 of 4 coded segments',
    exportOne: 'Export this segment as CSV',
    exportTwo: 'Export these 2 as CSV',
    wordsLabel: 'Words in the quote',
    coderLabel: 'Coder',
    codeLabel: 'Code',
    variableName: 'New variable name',
    listColumn: '(list)',
    searchFor: 'Search for',
    hits: /^\d+ hits in \d+ documents$/,
    scope: 'All documents',
  },
} as const;

type Language = keyof typeof EXPECTED;
let words: string[] = [];

beforeAll(async () => {
  const { store, handlers } = workbench.project;
  const document = store.overview().documents[0];
  const { text } = await store.openDocument(document.id);
  words = text.split(/\s+/).filter((w) => /^[A-Za-z]{7,}$/.test(w));
  await codeAsTwoCoders(workbench.project, document.id, text, words);
  await dispatch(handlers, 'defineVariable', { name: 'stance', type: 'choice', choices: ['pro', 'contra'] });
  await mkdir(SCREENSHOTS, { recursive: true });
});

/** A page whose kept language is `language`, as the settings keep it, before the app loads. */
async function pageIn(language: Language): Promise<{ page: Page; problems: string[] }> {
  const page = await workbench.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems = await watchForProblems(page);
  await page.addInitScript((kept) => localStorage.setItem('workbench-language', kept), language);
  await page.goto(workbench.server.url);
  await page.waitForSelector('.document-button, .empty');
  return { page, problems };
}

/** Labels inside `selector` whose text is wider than their box (cut off, spilling out, or a view running off its right edge). */
function cutOff(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements) =>
    elements.filter((element) => element.scrollWidth > element.clientWidth + 1).map((element) => `${element.tagName}: ${element.textContent}`),
  );
}

for (const language of ['de', 'en'] as const) {
  const expected = EXPECTED[language];

  describe(`the interface in ${language === 'de' ? 'German' : 'English'}`, () => {
    it('shows the agreement view with its labels, its numbers written the language’s way, and nothing cut off', async () => {
      const { page, problems } = await pageIn(language);
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      await openView(page, 'reliability');
      expect(await page.textContent('button[data-action="compute-agreement"]')).toBe(expected.compute);
      expect(await page.textContent('fieldset[data-choice="coders"] legend')).toBe(expected.legend);
      await page.click('button[data-action="compute-agreement"]');
      await page.waitForSelector('.reliability-table');

      expect(await page.textContent('.reliability-summary')).toMatch(expected.summary);
      expect(await page.textContent('.reliability-table tr.overall th')).toBe(expected.overall);
      await expect.poll(() => page.textContent('.panel-title:has-text(":")')).toBe(expected.disagreements);
      // The overall row: agreement as a percentage, then Cohen's κ, α nominal and α_U as coefficients.
      const overall = await page.locator('.reliability-table tr.overall td').allTextContents();
      expect(overall[0]).toMatch(expected.percent);
      for (const coefficient of overall.slice(1, 4)) expect(coefficient).toMatch(expected.coefficient);

      // German words are longer: no button, legend, heading or label of the view is cut off.
      if (language === 'de') await page.screenshot({ path: `${SCREENSHOTS}languages-de-agreement.png` });
      await page.locator('.disagreement-list').scrollIntoViewIfNeeded();
      if (language === 'de') await page.screenshot({ path: `${SCREENSHOTS}languages-de-agreement-report.png` });
      expect(await cutOff(page, '.reliability, .reliability button, .reliability legend, .reliability th, .reliability label, .reliability summary')).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('shows the coded segments, the variables and the search in the language, with one segment said apart from two', async () => {
      const { page, problems } = await pageIn(language);
      await openView(page, 'retrieval');
      await expect.poll(() => page.textContent('.retrieval-count')).toBe(expected.retrievalCount);
      // bea coded two segments, one of them the only opinion: the plural follows the count.
      await page.selectOption(`select[aria-label="${expected.coderLabel}"]`, 'bea');
      await expect.poll(() => page.textContent('button[data-action="export-retrieval"]')).toBe(expected.exportTwo);
      await page.selectOption(`select[aria-label="${expected.codeLabel}"]`, 'opinion');
      await expect.poll(() => page.textContent('button[data-action="export-retrieval"]')).toBe(expected.exportOne);
      expect(await page.locator(`input[aria-label="${expected.wordsLabel}"]`).count()).toBe(1);
      if (language === 'de') await page.screenshot({ path: `${SCREENSHOTS}languages-de-retrieval.png` });

      await openView(page, 'variables');
      await page.waitForSelector(`input[aria-label="${expected.variableName}"]`);
      expect(await page.textContent('.variables-table thead .variable-type')).toBe(expected.listColumn);

      await showSidePanel(page, 'search');
      const search = page.locator(`input[aria-label="${expected.searchFor}"]`);
      await search.fill('the');
      await page.locator('.search-panel select').first().selectOption({ label: expected.scope });
      await expect.poll(() => page.textContent('.search-count')).toMatch(expected.hits);
      if (language === 'de') await page.screenshot({ path: `${SCREENSHOTS}languages-de-search.png` });
      expect(await cutOff(page, '.search-panel, .search-panel button, .search-panel label, .retrieval-filters button, .variables, .variables button')).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });
  });
}
