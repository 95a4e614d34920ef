/**
 * The document list, codebook, code bar, segment panel and coder dialog in German, in the real
 * renderer: their words come from the message files, numbers and plurals follow the language.
 */
import { describe, expect, it } from 'vitest';
import { watchForProblems } from '../support/browser';
import { segmentInput } from '../support/project';
import { setUpWorkbench } from '../support/workbench';
import { showSidePanel } from '../support/workspace';

const workbench = setUpWorkbench();

describe('the panels in German', () => {
  it('speak German when German is chosen', async () => {
    const { store, handlers } = workbench.project;
    const document = store.overview().documents[1];
    const { text } = await store.openDocument(document.id);
    await handlers.addSegment(segmentInput(document.id, text, 'Azerbaijan', 'opinion'));
    const page = await workbench.browser.newPage({ viewport: { width: 1500, height: 950 } });
    const problems = await watchForProblems(page);
    await page.addInitScript(() => localStorage.setItem('workbench-language', 'de'));
    await page.goto(workbench.server.url);
    await page.waitForSelector('.document-button');

    // Tooltips spell their keys as the registry writes them, in German.
    expect(await page.getAttribute('.activity-bar button[data-action="search"]', 'title')).toBe('Suche (Strg+F)');
    expect(await page.getAttribute('button[data-action="export"]', 'title')).toBe('Die Daten im Format eines anderen Programms exportieren (Strg+Umschalt+X)');
    expect(await page.textContent('.document-panel .panel-title')).toBe('Dokumente (5)');
    expect(await page.getAttribute('.document-panel', 'aria-label')).toBe('Dokumente');
    expect(await page.textContent(`.document-button[data-document-id="${document.id}"] .document-meta`)).toBe('1 codiertes Segment');
    expect(await page.getAttribute('button[data-action="document-columns"]', 'aria-expanded')).toBe('false');
    expect(await page.textContent('button[data-action="document-columns"]')).toBe('Spalten…');

    await workbench.openInPage(page, document.id);
    expect(await page.getByRole('toolbar', { name: 'Codes' }).getByRole('button', { name: 'opinion (Taste 2)' }).count()).toBe(1);
    await showSidePanel(page, 'segments');
    expect(await page.textContent('.segment-panel .panel-title')).toBe('Codierte Segmente (1)');
    expect(await page.textContent('.document-details summary')).toBe('Details');
    expect(await page.textContent('button[data-action="remove-document"]')).toBe('Entfernen…');

    await showSidePanel(page, 'codebook');
    expect(await page.textContent('.codebook-editor .panel-title')).toBe('Codebuch (3 Codes)');
    expect(await page.getAttribute('[role="treeitem"][data-code-id="factual-claim"]', 'aria-label')).toBe('factual claim (Taste 1)');
    expect(await page.getAttribute('.code-details', 'aria-label')).toBe('Details zu factual claim');

    await page.click('button[data-action="coder"]');
    expect(await page.textContent('#coder-dialog-title')).toBe('Codierer/-in wechseln');
    expect(problems).toEqual([]);
    await page.close();
  });
});
