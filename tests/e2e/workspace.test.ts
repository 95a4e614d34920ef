/**
 * The workspace in the real renderer: the activity bar switching the side panel (by mouse and by
 * keyboard), documents and views as tabs (opened, brought forward, cycled, closed by ×, middle
 * click, Delete and Ctrl+W, with an empty state), the status bar, the analysis panel's counts, and
 * the Export… dialog listing every format of the export table, modal and keyboard-friendly.
 */
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../shared/ipc/export-formats';
import { MESSAGES } from '../../renderer/i18n/languages';
import { dragSelect } from '../support/browser';
import { segmentInput } from '../support/project';
import { setUpWorkbench } from '../support/workbench';
import { openView, showSidePanel } from '../support/workspace';

const workbench = setUpWorkbench();

describe('the workspace', () => {
  it('switches the side panel from the activity bar, by mouse and by keyboard, and folds it away', async () => {
    const { page, problems } = await workbench.newPage();
    const bar = page.locator('.activity-bar');
    expect(await bar.getAttribute('role')).toBe('toolbar');
    expect(await bar.getAttribute('aria-orientation')).toBe('vertical');
    const shown = () => page.getAttribute('.side-panel', 'data-panel').catch(() => null);
    expect(await shown()).toBe('documents');
    await page.click('.activity-bar button[data-action="codebook"]');
    await expect.poll(shown).toBe('codebook');
    expect(await page.getAttribute('.activity-bar button[data-action="codebook"]', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('.activity-bar button[data-action="documents"]', 'aria-pressed')).toBe('false');
    // The entry shown, chosen again, folds the side panel away; the main area takes the room.
    const mainWidth = () => page.$eval('.main-area', (main) => main.getBoundingClientRect().width);
    const before = await mainWidth();
    await page.click('.activity-bar button[data-action="codebook"]');
    await expect.poll(() => page.locator('.side-panel').count()).toBe(0);
    expect(await mainWidth()).toBeGreaterThan(before + 200);
    // Keyboard: the arrows move between the entries, Enter chooses one.
    await page.focus('.activity-bar button[data-action="documents"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('search');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(shown).toBe('codebook');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('shortcuts');
    await page.keyboard.press('Home');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('documents');
    // Each entry is named (the icon is hidden from screen readers) and has a tooltip.
    const names = await page.$$eval('.activity-bar button', (buttons) => buttons.map((button) => [button.getAttribute('aria-label'), button.getAttribute('title')]));
    expect(names.map(([name]) => name)).toEqual(['Documents', 'Codebook', 'Search', 'Coded segments', 'Suggestions', 'Analysis', 'Agreement', 'Settings', 'Keyboard shortcuts']);
    expect(names.every(([, title]) => !!title)).toBe(true);
    // Ctrl+F shows the search, whatever is shown.
    await page.keyboard.press('Control+f');
    await expect.poll(shown).toBe('search');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens documents and views as tabs: brought forward, cycled, closed by ×, middle click, Delete and Ctrl+W', async () => {
    const { page, problems } = await workbench.newPage();
    const [first, second] = workbench.project.store.overview().documents;
    // Nothing open: the main area says what to do.
    expect(await page.textContent('.main-empty')).toContain('Choose a document under Documents');
    const tabs = () => page.$$eval('[role="tab"]', (all) => all.map((tab) => `${tab.textContent}${tab.getAttribute('aria-selected') === 'true' ? ' *' : ''}`));
    await workbench.openInPage(page, first.id);
    await workbench.openInPage(page, second.id);
    expect(await tabs()).toEqual([first.title, `${second.title} *`]);
    // The list's document again: its tab comes forward, no second tab.
    await workbench.openInPage(page, first.id);
    expect(await tabs()).toEqual([`${first.title} *`, second.title]);
    // Each tab controls the panel below, which is labelled by the tab in front.
    const panelId = await page.getAttribute('[role="tab"][aria-selected="true"]', 'aria-controls');
    expect(await page.getAttribute(`#${panelId}`, 'role')).toBe('tabpanel');
    expect(await page.getAttribute(`#${panelId}`, 'aria-labelledby')).toBe(await page.getAttribute('[role="tab"][aria-selected="true"]', 'id'));
    expect(await page.getAttribute('[role="tablist"]', 'aria-label')).toBe('Open documents and views');
    // A long title is cut with an ellipsis; the whole title is the tooltip.
    const tab = page.locator(`[role="tab"][data-document-id="${first.id}"]`);
    expect(await tab.getAttribute('title')).toBe(first.title);
    expect(await tab.evaluate((element) => getComputedStyle(element).textOverflow)).toBe('ellipsis');
    // Views open as tabs too.
    await openView(page, 'retrieval');
    await openView(page, 'variables');
    expect(await tabs()).toEqual([first.title, second.title, 'Coded segments', 'Variables *']);
    // Ctrl+Tab goes round to the right, Ctrl+Shift+Tab to the left; a document's tab shows its text.
    await page.keyboard.press('Control+Tab');
    expect((await tabs())[0]).toBe(`${first.title} *`);
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${first.id}"]`);
    await page.keyboard.press('Control+Shift+Tab');
    expect((await tabs())[3]).toBe('Variables *');
    await page.keyboard.press('Control+Shift+Tab');
    await page.keyboard.press('Control+Shift+Tab');
    expect((await tabs())[1]).toBe(`${second.title} *`);
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${second.id}"]`);
    // Ctrl+W closes the tab in front; its right neighbour comes forward.
    await page.keyboard.press('Control+w');
    expect(await tabs()).toEqual([first.title, 'Coded segments *', 'Variables']);
    // The focus goes to the tab that came forward, not lost with the text of the closed one.
    const focusedTab = () => page.evaluate(() => (document.activeElement?.getAttribute('role') === 'tab' ? document.activeElement.textContent : null));
    await expect.poll(focusedTab).toBe('Coded segments');
    // While a modal dialog is up, Ctrl+W and Ctrl+Tab leave the tabs behind it alone.
    await page.keyboard.press('Control+Shift+P');
    await page.waitForSelector('dialog[open]');
    await page.keyboard.press('Control+w');
    await page.keyboard.press('Control+Tab');
    expect(await tabs()).toEqual([first.title, 'Coded segments *', 'Variables']);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    // A middle click closes a tab; so does its ×.
    await page.click('[role="tab"][data-view="variables"]', { button: 'middle' });
    expect(await tabs()).toEqual([first.title, 'Coded segments *']);
    await page.click('.tab[data-tab-kind="view"] .tab-close');
    expect(await tabs()).toEqual([`${first.title} *`]);
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${first.id}"]`);
    // Keyboard: the arrows move between tabs, Enter brings one forward, Delete closes it.
    await openView(page, 'retrieval');
    await page.focus('[role="tab"][aria-selected="true"]');
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-document-id'))).toBe(first.id);
    await page.keyboard.press('Enter');
    expect(await tabs()).toEqual([`${first.title} *`, 'Coded segments']);
    await page.keyboard.press('Delete');
    expect(await tabs()).toEqual(['Coded segments *']);
    await expect.poll(focusedTab).toBe('Coded segments');
    await page.keyboard.press('Control+w');
    expect(await tabs()).toEqual([]);
    expect(await page.textContent('.main-empty')).toContain('Choose a document under Documents');
    // No tab left: the focus goes to the empty main area's button.
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.main-empty'))).toBe(true);
    // With no document open, the Coded segments panel says so.
    await showSidePanel(page, 'segments');
    expect(await page.textContent('.side-panel')).toContain('No document is open');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows each document where it was scrolled to when its tab comes back', async () => {
    const { page, problems } = await workbench.newPage();
    const [first, second] = workbench.project.store.overview().documents;
    await workbench.openInPage(page, first.id);
    const scrolled = () => page.$eval('.document', (article) => article.scrollTop);
    await page.$eval('.document', (article) => article.scrollTo(0, 600));
    await expect.poll(scrolled).toBe(600);
    await workbench.openInPage(page, second.id);
    await expect.poll(scrolled).toBe(0);
    await page.click(`[role="tab"][data-document-id="${first.id}"]`);
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${first.id}"]`);
    await expect.poll(scrolled).toBe(600);
    // Through a view's tab too.
    await openView(page, 'variables');
    await page.keyboard.press('Control+Shift+Tab');
    await page.keyboard.press('Control+Shift+Tab');
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${first.id}"]`);
    await expect.poll(scrolled).toBe(600);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('brings a document forward in its tab when a coded segment is chosen in the Coded segments view', async () => {
    const { store } = workbench.project;
    const document = store.overview().documents[3];
    const { text } = await store.openDocument(document.id);
    const words = text.split(/\s+/).find((word) => word.length > 7)!;
    await store.addSegment(segmentInput(document.id, text, words));
    const { page, problems } = await workbench.newPage();
    await openView(page, 'retrieval');
    await page.click(`.retrieval-row:has-text("${words}")`);
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${document.id}"]`);
    expect(await page.getAttribute(`[role="tab"][data-document-id="${document.id}"]`, 'aria-selected')).toBe('true');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the project, the coder, blind mode and the save state in the status bar, and Undo/Redo in one row on top', async () => {
    const page = await workbench.browser.newPage({ viewport: { width: 1024, height: 700 } });
    await page.goto(workbench.server.url);
    await page.waitForSelector('.document-button');
    const status = page.locator('footer.status-bar');
    expect(await status.textContent()).toContain(`Project: ${workbench.project.store.overview().name}`);
    expect(await status.locator('button[data-action="coder"]').textContent()).toBe(`Coder: ${workbench.project.store.overview().coder}`);
    expect(await status.locator('button[data-action="blind"]').count()).toBe(1);
    expect(await status.locator('.save-status').textContent()).toBe('All changes saved');
    expect(await status.locator('button[data-action="undo"]').count()).toBe(0);
    await status.locator('button[data-action="coder"]').click();
    await page.waitForSelector('.coder-dialog');
    await page.keyboard.press('Escape');
    // The top bar is one row that fits the window.
    const top = await page.$eval('.top-bar', (bar) => ({ height: bar.getBoundingClientRect().height, fits: bar.scrollWidth <= bar.clientWidth }));
    expect(top.fits).toBe(true);
    expect(top.height).toBeLessThan(50);
    expect(await page.locator('.top-bar button[data-action="undo"], .top-bar button[data-action="redo"]').count()).toBe(2);
    await page.close();
  });

  it('counts the segments and documents per code in the analysis panel', async () => {
    const { page, problems } = await workbench.newPage();
    await showSidePanel(page, 'analysis');
    await page.waitForSelector('.analysis-table');
    const segments = (await workbench.project.store.dataset()).segments;
    for (const code of workbench.project.store.overview().codes) {
      const own = segments.filter((segment) => segment.codeId === code.id);
      const row = await page.locator(`.analysis-table tr[data-code-id="${code.id}"] td`).allTextContents();
      expect(row).toEqual([String(own.length), String(new Set(own.map((segment) => segment.documentId)).size)]);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('counts again once per action, and says so when the segments cannot be read', async () => {
    const { page } = await workbench.newPage();
    let fetches = 0;
    let failing = false;
    await page.route('**/api/countSegments', async (route) => {
      fetches += 1;
      if (failing) await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'The disk is gone' } }) });
      else await route.continue();
    });
    const [document] = workbench.project.store.overview().documents;
    const { text } = await workbench.project.store.openDocument(document.id);
    await workbench.openInPage(page, document.id);
    await showSidePanel(page, 'analysis');
    await page.waitForSelector('.analysis-table');
    const code = workbench.project.store.overview().codes.find((candidate) => candidate.key)!;
    const total = () => page.locator('.analysis-table tfoot td').first().textContent();
    const before = Number(await total());
    await expect.poll(() => fetches).toBe(1);
    // Coding a passage with the panel shown: the counts are fetched again once, not twice.
    const word = text.match(/\p{L}{5,}/u)!;
    await dragSelect(page, word.index!, word.index! + word[0].length);
    await page.keyboard.press(code.key!);
    await page.waitForSelector('.save-status[data-state="saved"]');
    await expect.poll(total).toBe(String(before + 1));
    await page.waitForTimeout(500); // room for a second fetch, were one coming
    expect(fetches).toBe(2);
    // The next fetch fails: the panel says so instead of counting for good.
    failing = true;
    await showSidePanel(page, 'documents');
    await showSidePanel(page, 'analysis');
    await expect.poll(() => page.locator('.analysis-side [role="alert"]').textContent().catch(() => null)).toBe(MESSAGES.en.workspace.panels.analysis.failed);
    await page.close();
  });

  it('lists every export format in one modal dialog, in the table\'s order, with what reads it', async () => {
    const { page, problems } = await workbench.newPage();
    await page.click('button[data-action="export"]');
    const dialog = page.locator('dialog.export-dialog');
    await dialog.waitFor();
    // The browser's own modal dialog: the page behind it is inert.
    expect(await dialog.evaluate((element: HTMLDialogElement) => element.open && element.matches(':modal'))).toBe(true);
    expect(await page.textContent(`#${await dialog.getAttribute('aria-describedby')}`)).toBe(MESSAGES.en.workspace.export.intro);
    expect(await page.textContent(`#${await dialog.getAttribute('aria-labelledby')}`)).toBe('Export');
    const listed = await dialog.locator('.export-format').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-export-format'), row.querySelector('strong')!.textContent, row.querySelector('span')!.textContent]));
    const english = MESSAGES.en.workspace.export.formats;
    expect(listed).toEqual(EXPORT_FORMATS.map((format) => [format.id, english[format.id].label, english[format.id].readers]));
    const readers = listed.map(([, , line]) => line).join(' ');
    for (const program of ['R', 'pandas', 'Excel', 'SPSS', 'MAXQDA', 'ATLAS.ti', 'NVivo', 'doccano']) expect(readers).toContain(program);
    // The focus moves in to the first format, and Tab never reaches the page behind (past the last
    // control it goes to the browser's own controls, then back into the dialog).
    const focusInDialog = () => page.evaluate(() => !!document.activeElement?.closest('.export-dialog'));
    const focusBehind = () => page.evaluate(() => document.activeElement !== document.body && !document.activeElement?.closest('.export-dialog'));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe(`export-${EXPORT_FORMATS[0].id}`);
    for (let i = 0; i < EXPORT_FORMATS.length + 3; i++) {
      await page.keyboard.press('Tab');
      expect(await focusBehind()).toBe(false);
    }
    expect(await focusInDialog()).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await focusBehind()).toBe(false);
    // Escape closes it and gives the focus back to Export….
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('export');
    // Ctrl+Shift+X opens it too (the desktop menu's accelerator; the page's own in the preview).
    await page.focus('.document-button');
    await page.keyboard.press('Control+Shift+X');
    await dialog.waitFor();
    await page.click('.export-dialog button[data-action="close-dialog"]');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
