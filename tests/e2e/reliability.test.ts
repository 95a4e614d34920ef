/**
 * Agreement in the real renderer: two coders' work compared, every figure in the table, the
 * bootstrap's intervals with the unit they resampled, the disagreements each opened with both
 * versions side by side, a version accepted (the list and the report follow), the text shown with
 * both coders' segments, and the report exported.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { codeAsTwoCoders, segmentInput } from '../support/project';
import { setUpWorkbench } from '../support/workbench';
import { openView } from '../support/workspace';

const workbench = setUpWorkbench();

describe('agreement between coders in the browser', () => {
  it('computes the report, opens a disagreement side by side, accepts a version, and exports the report', async () => {
    const { store } = workbench.project;
    const document = store.overview().documents[0];
    const { text } = await store.openDocument(document.id);
    const words = text.split(/\s+/).filter((w) => w.length > 6);
    await codeAsTwoCoders(workbench.project, document.id, text, words);

    const { page, problems } = await workbench.newPage();
    await openView(page, 'reliability');
    await page.click('button[data-action="compute-agreement"]');
    await page.waitForSelector('.reliability-table');
    expect(await page.textContent('.reliability-summary')).toMatch(/2 coders \(ana, bea\) · 1 document · [\d,]+ characters as units \(code points\)/);
    const rows = await page.locator('.reliability-table tbody th[scope="row"]').allTextContents();
    expect(rows).toEqual(['factual claim', 'opinion', 'call to action', expect.stringMatching(/all|overall/i)]);
    // factual claim: one of two passages matched by both coders.
    expect(await page.textContent('.reliability-table tr[data-code-id="factual-claim"] td[data-measure="segment-agreement"]')).toMatch(/\(2 of 3\)/);
    await expect.poll(() => page.textContent('.panel-title:has-text("Disagreements")')).toBe('Disagreements: 2 open of 2');

    // With intervals: the summary counts the clusters the bootstrap resampled, and the notes say what they are.
    await page.check('input[data-action="bootstrap"]');
    // Too few documents to resample whole ones: that choice is not offered.
    expect(await page.locator('input[data-action="bootstrap-by-document"]').count()).toBe(0);
    await page.click('button[data-action="compute-agreement"]');
    await expect.poll(() => page.textContent('.reliability-summary')).toMatch(/ · bootstrap: [\d,]+ resamples of [\d,]+ clusters? of text, seed \d+$/);
    const method = await page.textContent('.reliability-measures');
    expect(method).toMatch(/resamples of the \d+ clusters? \(\d+ coded stretch(es)?[^)]*\), seed \d+\. The characters of a text are not independent/);
    expect(method).toMatch(/cluster bootstrap: Davison & Hinkley 1997, §3\.8; Field & Welsh 2007\), in the spirit of Hayes & Krippendorff \(2007\)/);
    expect(method).toContain('Hayes, A. F., & Krippendorff, K. (2007)');
    expect(method).not.toMatch(/understate/);

    // The disagreement on ana's second passage: both versions side by side.
    const item = page.locator('.disagreement-list button', { hasText: 'factual claim' });
    await item.click();
    const detail = page.locator('.disagreement-detail');
    await expect.poll(() => detail.locator('.version[data-coder="ana"] mark').textContent()).toBe(words[1]);
    expect(await detail.locator('.version[data-coder="bea"]').textContent()).toContain('Did not code this passage.');

    await detail.locator('.version[data-coder="ana"] button[data-action="accept-version"]').click();
    await expect.poll(() => item.locator('.disagreement-status').textContent()).toBe("Accepted ana's version (ana)");
    await expect.poll(() => page.textContent('.panel-title:has-text("Disagreements")')).toBe('Disagreements: 1 open of 2');
    // The consensus is kept apart: the coders' own figures are unchanged.
    expect(await page.textContent('.reliability-table tr[data-code-id="factual-claim"] td[data-measure="segment-agreement"]')).toMatch(/\(2 of 3\)/);
    expect(store.codebookState().segments.filter((s) => s.coder === 'consensus').map((s) => s.quote)).toEqual([words[1]]);

    // The report as a self-contained page.
    await page.click('button[data-action="export-reliability-html"]');
    await expect.poll(() => page.textContent('.message-bar')).toMatch(/Exported to .*\.html/);
    const html = await readFile((await page.textContent('.message-text'))!.slice('Exported to '.length), 'utf8');
    expect(html).toContain('<table');
    expect(html).not.toMatch(/<script|https?:\/\//i);
    await page.click('.message-bar button');

    // Shown in the text: both coders' segments of that passage are there.
    await page.locator('.disagreement-list button', { hasText: 'opinion' }).click();
    await page.click('button[data-action="show-in-text"]');
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${document.id}"]`);
    await expect.poll(() => page.locator('.seg').allTextContents()).toEqual(expect.arrayContaining([words[0], words[1], words[2]]));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('compares by default the documents every coder has coded, says so, and offers all documents, all / none and a filter', async () => {
    const { store, handlers } = workbench.project;
    const documents = store.overview().documents;
    // ana codes a word in each of four documents; cem codes the same word in the first only.
    await dispatch(handlers, 'setCoder', { name: 'cem' });
    const texts = await Promise.all(documents.slice(0, 4).map(async (d) => (await store.openDocument(d.id)).text));
    const word = (i: number) => texts[i].split(/\s+/).filter((w) => w.length > 7)[3];
    await store.addSegment(segmentInput(documents[0].id, texts[0], word(0), 'call-to-action'));
    await dispatch(handlers, 'setCoder', { name: 'ana' });
    for (let i = 0; i < 4; i++) await store.addSegment(segmentInput(documents[i].id, texts[i], word(i), 'call-to-action'));

    const { page, problems } = await workbench.newPage();
    await openView(page, 'reliability');
    const coders = page.locator('fieldset[data-choice="coders"]');
    await coders.locator('button[data-action="choose-none"]').click();
    await coders.locator('label', { hasText: 'ana' }).locator('input').check();
    await coders.locator('label', { hasText: 'cem' }).locator('input').check();
    const picker = page.locator('fieldset[data-choice="documents"]');
    await expect.poll(() => picker.locator('legend').textContent()).toBe('Documents (1 of 5)');
    await page.click('button[data-action="compute-agreement"]');
    await page.waitForSelector('.reliability-table');
    expect(await page.textContent('.reliability-summary')).toMatch(/2 coders \(ana, cem\) · 1 document ·/);
    expect(await page.textContent('.reliability-scope')).toMatch(/^Compared on the 1 document \(of 5\) that every chosen coder has coded\./);
    const overallKappa = () => page.textContent('.reliability-table tr[data-code-id="overall"] td:nth-of-type(2)');
    const shared = await overallKappa();

    // The switch compares on all five: the sentence and the figures follow.
    await page.check('input[data-action="all-documents"]');
    await expect.poll(() => page.textContent('.reliability-summary')).toMatch(/· 5 documents ·/);
    expect(await page.textContent('.reliability-scope')).toMatch(/^Compared on all 5 documents: text a coder left uncoded counts as “not coded”/);
    expect(await picker.locator('legend').textContent()).toBe('Documents (5 of 5)');
    expect(await overallKappa()).not.toBe(shared);

    // None, then a filter and All tick only the documents the filter shows.
    await picker.locator('button[data-action="choose-none"]').click();
    expect(await picker.locator('legend').textContent()).toBe('Documents (0 of 5)');
    await picker.locator('input[type="search"]').fill('karabakh');
    const shown = await picker.locator('label').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(5);
    await picker.locator('button[data-action="choose-all"]').click();
    expect(await picker.locator('legend').textContent()).toBe(`Documents (${shown} of 5)`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the report, the choices and the disagreement looked at when another view is shown and the Agreement view comes back', async () => {
    const { store, handlers } = workbench.project;
    const document = store.overview().documents[1];
    const { text } = await store.openDocument(document.id);
    const words = text.split(/\s+/).filter((w) => w.length > 6);
    // ana and dee each code a passage the other did not.
    await store.addSegment(segmentInput(document.id, text, words[0]));
    await dispatch(handlers, 'setCoder', { name: 'dee' });
    await store.addSegment(segmentInput(document.id, text, words[1]));
    await dispatch(handlers, 'setCoder', { name: 'ana' });

    const { page, problems } = await workbench.newPage();
    await openView(page, 'reliability');
    const coders = page.locator('fieldset[data-choice="coders"]');
    await coders.locator('button[data-action="choose-none"]').click();
    await coders.locator('label', { hasText: 'ana' }).locator('input').check();
    await coders.locator('label', { hasText: 'dee' }).locator('input').check();
    const codes = page.locator('fieldset[data-choice="codes"]');
    await codes.locator('label', { hasText: 'opinion' }).locator('input').uncheck();
    await page.fill('input[aria-label="Least overlap in percent"]', '80');
    await page.click('button[data-action="compute-agreement"]');
    await page.waitForSelector('.reliability-table');
    const summary = await page.textContent('.reliability-summary');
    expect(summary).toMatch(/2 coders \(ana, dee\)/);
    const rows = await page.locator('.reliability-table tbody th[scope="row"]').allTextContents();
    expect(rows).not.toContain('opinion');
    const disagreement = page.locator('.disagreement-list button').first();
    const id = await disagreement.getAttribute('data-disagreement-id');
    await disagreement.click();
    await page.waitForSelector('.disagreement-detail');

    await openView(page, 'retrieval');
    await page.waitForSelector('.retrieval');
    expect(await page.locator('.reliability').count()).toBe(0);
    await openView(page, 'reliability');

    await page.waitForSelector('.reliability-table');
    expect(await page.textContent('.reliability-summary')).toBe(summary);
    expect(await page.locator('.reliability-table tbody th[scope="row"]').allTextContents()).toEqual(rows);
    expect(await page.inputValue('input[aria-label="Least overlap in percent"]')).toBe('80');
    expect(await codes.locator('label', { hasText: 'opinion' }).locator('input').isChecked()).toBe(false);
    expect(await coders.locator('legend').textContent()).toMatch(/^Coders \(2 of \d+\)$/);
    expect(await page.getAttribute(`.disagreement-list button[data-disagreement-id="${id}"]`, 'aria-pressed')).toBe('true');
    await page.waitForSelector('.disagreement-detail');
    expect(problems).toEqual([]);
    await page.close();
  });
});
