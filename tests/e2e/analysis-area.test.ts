/**
 * The Analysis area in the real renderer over a real project on disk: each figure against the
 * segments coded here, a sorted column, a co-occurrence cell, a matrix cell, the AND query and a
 * keyword in context each landing on their passage in the text, the figures following an undo and
 * a redo, a table and the charts (frequencies, crosstab) exported and read back (Python for CSV and XLSX, xmllint for
 * the SVG, the PNG's own header). Screenshots of each view at two window sizes, light and dark, go
 * to .tmp/screenshots/analysis-*.png.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CODES } from '../../shared/model/codebook';
import { pythonWith, runPythonScript } from '../support/python';
import { segmentInput } from '../support/project';
import { screenshotSizesAndThemes } from '../support/screenshots';
import { setUpWorkbench } from '../support/workbench';
import { openView } from '../support/workspace';

const workbench = setUpWorkbench();

/** What the text view has selected (its selection lives in its shadow root). */
const selected = (page: Page) =>
  page.evaluate(() => (globalThis.document.querySelector('.text-host')!.shadowRoot as ShadowRoot & { getSelection(): Selection }).getSelection().toString());

/**
 * Presses an export button and returns the path its message names ("Exported to ….extension";
 * each kind of file is exported once here, so its extension tells its message from the last one).
 */
async function exported(page: Page, button: string, extension: string): Promise<string> {
  await page.click(button);
  const pattern = new RegExp(`^Exported to .*\\.${extension}$`);
  await expect.poll(() => page.locator('.message-text').textContent({ timeout: 1000 }).catch(() => null)).toMatch(pattern);
  const message = (await page.textContent('.message-text'))!;
  return message.slice(message.indexOf(' to ') + 4);
}

function screenshots(page: Page, name: string): Promise<void> {
  return screenshotSizesAndThemes(page, `analysis-${name}`);
}

/** Back to the Analysis tab, on the figure `name`. */
async function showFigure(page: Page, name: string): Promise<void> {
  await page.click('[role="tab"][data-view="analysis"]');
  await page.click(`.analysis-tabs [data-figure="${name}"]`);
  await page.waitForSelector(`.analysis-tabs [data-figure="${name}"][aria-selected="true"]`);
}

describe('the Analysis area', () => {
  it('shows each figure from the coded segments, opens the passages behind a cell, and exports tables and charts', async () => {
    const { store, handlers } = workbench.project;
    const [d0, d1] = store.overview().documents;
    const t0 = (await store.openDocument(d0.id)).text;
    const t1 = (await store.openDocument(d1.id)).text;
    await handlers.defineVariable({ name: 'stance', type: 'choice', choices: ['Armenian', 'Azerbaijani'] });
    await handlers.setDocumentValue({ documentId: d0.id, name: 'stance', value: 'Armenian' });
    await handlers.setDocumentValue({ documentId: d1.id, name: 'stance', value: 'Azerbaijani' });
    await store.addSegment(segmentInput(d0.id, t0, 'The War in Artsakh entered its first week.'));
    await store.addSegment(segmentInput(d0.id, t0, 'entered its first week', 'opinion'));
    await store.addSegment(segmentInput(d0.id, t0, 'it seems NATO is using Turkey again to do the dirty job', 'opinion'));
    await store.addSegment(segmentInput(d1.id, t1, 'Shelling by Azerbaijan'));

    const { page, problems } = await workbench.newPage();
    await openView(page, 'analysis');

    // Frequencies: two segments of factual claim in two documents, two of opinion in one.
    const row = (codeId: string) => page.locator(`.frequencies-table tr[data-code-id="${codeId}"] td`);
    await expect.poll(() => row('factual-claim').allTextContents()).toEqual(expect.arrayContaining(['2']));
    expect((await row('factual-claim').allTextContents()).slice(0, 3)).toEqual(['2', '2', '40%']);
    expect((await row('opinion').allTextContents()).slice(0, 3)).toEqual(['2', '1', '20%']);
    // 'The War in Artsakh entered its first week.' and 'Shelling by Azerbaijan': 42 + 22 characters.
    expect((await row('factual-claim').allTextContents())[3]).toBe('64');
    // Sorting by segments, then turning round: the header says which way.
    const header = page.locator('.frequencies-table th:has(button[data-column="segments"])');
    expect(await header.getAttribute('aria-sort')).toBe('none');
    await page.focus('.frequencies-table button[data-column="segments"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const firstCodes = () => page.locator('.frequencies-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code-id')));
    expect((await firstCodes()).slice(-1)).toEqual(['call-to-action']);
    await page.click('.frequencies-table button[data-column="segments"]');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    expect((await firstCodes())[0]).toBe('call-to-action');
    await page.waitForSelector('.analysis-chart svg');
    // In the narrower window the table still fits (its headers wrap, it does not scroll
    // sideways), and the chart is drawn again at the width it is shown at, so its text keeps its size.
    await page.setViewportSize({ width: 1024, height: 700 });
    const fit = () =>
      page.evaluate(() => {
        const scroller = document.querySelector('.frequencies-table')!.closest('.table-scroll')!;
        const svg = document.querySelector('.analysis-chart svg')!;
        return { sideways: scroller.scrollWidth - scroller.clientWidth, scale: svg.getBoundingClientRect().width / Number(svg.getAttribute('width')) };
      });
    await expect.poll(async () => (await fit()).scale).toBeGreaterThan(0.98);
    expect((await fit()).sideways).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1500, height: 950 });
    await screenshots(page, 'frequencies');

    // Undo removes the last segment coded (factual claim in the second document); the figure follows, and comes back with redo.
    await page.focus('.frequencies-table button[data-column="segments"]');
    await page.keyboard.press('Control+z');
    await expect.poll(() => row('factual-claim').allTextContents().then((cells) => cells.slice(0, 2))).toEqual(['1', '1']);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => row('factual-claim').allTextContents().then((cells) => cells.slice(0, 2))).toEqual(['2', '2']);

    // The filter: only the documents whose stance is Armenian.
    await page.selectOption('.analysis-filter select:near(:text("Only documents by"))', 'stance');
    await page.uncheck('.analysis-values label:has-text("Azerbaijani") input');
    await page.uncheck('.analysis-values label:has-text("(no value)") input');
    await expect.poll(() => row('factual-claim').allTextContents().then((cells) => cells.slice(0, 3))).toEqual(['1', '1', '100%']);
    expect(await page.textContent('.frequencies-table caption')).toContain('of 1 document');
    await page.selectOption('.analysis-filter select:near(:text("Only documents by"))', '');
    await expect.poll(() => row('factual-claim').allTextContents().then((cells) => cells.slice(0, 3))).toEqual(['2', '2', '40%']);

    // Export of the table (CSV and XLSX) and of the chart (SVG and PNG).
    const csvPath = await exported(page, '.analysis-figure .analysis-options button[data-action="table-csv"]', 'csv');
    const xlsxPath = await exported(page, '.analysis-figure .analysis-options button[data-action="table-xlsx"]', 'xlsx');
    const python = pythonWith('openpyxl', 'python3-openpyxl', 'the Analysis area export test');
    const read = `
import csv, json, sys, openpyxl
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
sheet = openpyxl.load_workbook(sys.argv[2]).worksheets[0]
values = [list(r) for r in sheet.iter_rows(values_only=True)]
print(json.dumps({'csv': rows, 'xlsx': values}, default=str))
`;
    const tables = runPythonScript<{ csv: Array<Record<string, string>>; xlsx: unknown[][] }>(python, read, null, [csvPath, xlsxPath]);
    const csvClaim = tables.csv.find((r) => Object.values(r).includes('factual claim'))!;
    expect(Object.values(csvClaim)).toEqual(expect.arrayContaining(['2']));
    const xlsxClaim = tables.xlsx.find((r) => r.includes('factual claim'))!;
    expect(xlsxClaim).toEqual(expect.arrayContaining([2]));

    const svgPath = await exported(page, 'button[data-action="chart-svg"]', 'svg');
    const svg = await readFile(svgPath, 'utf8');
    execFileSync('xmllint', ['--noout', svgPath]);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).toContain('factual claim');
    const pngPath = await exported(page, 'button[data-action="chart-png"]', 'png');
    const png = await readFile(pngPath);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(1400);

    // Co-occurrence: factual claim × opinion meet once (overlap); the cell lists the pair, a passage jumps to the text.
    await showFigure(page, 'cooccurrence');
    const cell = page.locator('.heatmap button[aria-label="factual claim × opinion: 1 pair"]');
    await cell.waitFor();
    expect(await cell.textContent()).toBe('1');
    await cell.focus();
    await page.keyboard.press('Enter');
    const pairs = page.locator('.analysis-figure > .analysis-passages .analysis-passage');
    await expect.poll(() => pairs.locator('mark').allTextContents()).toEqual(['The War in Artsakh entered its first week.', 'entered its first week']);
    await page.waitForSelector('.analysis-chart svg');
    await screenshots(page, 'cooccurrence');
    await pairs.nth(1).click();
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${d0.id}"]`);
    await expect.poll(() => selected(page)).toBe('entered its first week');

    // The AND query lists the overlap; a click lands on it.
    await showFigure(page, 'cooccurrence');
    await page.selectOption('select[data-option="and-first"]', 'factual-claim');
    await page.selectOption('select[data-option="and-second"]', 'opinion');
    const overlaps = page.locator('.analysis-and .analysis-passage');
    await expect.poll(() => overlaps.locator('mark').allTextContents()).toEqual(['entered its first week']);
    await overlaps.first().click();
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${d0.id}"]`);
    await expect.poll(() => selected(page)).toBe('entered its first week');

    // The code × document matrix, grouped by stance: a cell lists its passages.
    await showFigure(page, 'matrix');
    await page.selectOption('select[data-option="group"]', 'stance');
    const matrixCell = page.locator(`.heatmap button[data-row="${d1.id}"][data-column="0"]`);
    await expect.poll(() => matrixCell.getAttribute('aria-label')).toMatch(/× factual claim: 1 segment$/);
    // The cell exists before the grouping is drawn: wait for the group headings themselves.
    await expect.poll(() => page.locator('.heatmap-group th').allTextContents()).toEqual(['Armenian', 'Azerbaijani', '(no value)']);
    await matrixCell.click();
    const matrixPassages = page.locator('.analysis-figure > .analysis-passages .analysis-passage');
    await expect.poll(() => matrixPassages.locator('mark').allTextContents()).toEqual(['Shelling by Azerbaijan']);
    await page.waitForSelector('.analysis-chart svg');
    await screenshots(page, 'matrix');
    await matrixPassages.first().click();
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${d1.id}"]`);
    await expect.poll(() => selected(page)).toBe('Shelling by Azerbaijan');

    // The crosstab of the codes by stance, with its test.
    await showFigure(page, 'crosstab');
    const crossRow = (codeId: string) => page.locator(`.crosstab-table tr[data-code-id="${codeId}"] td`);
    await expect.poll(() => crossRow('factual-claim').allTextContents()).toEqual(['1', '1', '0', '2']);
    expect(await crossRow('opinion').allTextContents()).toEqual(['2', '0', '0', '2']);
    expect(await page.textContent('[data-figure="df"]')).toBe('1');
    expect(await page.locator('[data-figure="fisher-p"]').count()).toBe(1);
    expect(await page.textContent('.analysis-warning')).toContain('Fisher');
    // Its chart: a bar per code and value, in the codes' colours, saved as SVG and PNG.
    await page.waitForSelector('.analysis-chart svg');
    const crossSvgPath = await exported(page, 'button[data-action="chart-svg"]', 'svg');
    const crossSvg = await readFile(crossSvgPath, 'utf8');
    execFileSync('xmllint', ['--noout', crossSvgPath]);
    expect(crossSvgPath).toMatch(/crosstab[^/]*\.svg$/);
    expect(crossSvg).toContain('opinion');
    expect(crossSvg).toContain('Armenian');
    const claimColour = DEFAULT_CODES.find((code) => code.id === 'factual-claim')!.colour.toLowerCase();
    expect(crossSvg.toLowerCase()).toContain(`fill="${claimColour}"`);
    const crossPng = await readFile(await exported(page, 'button[data-action="chart-png"]', 'png'));
    expect([...crossPng.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await screenshots(page, 'crosstab');

    // Words: "nato" once, in context; the line jumps to the word.
    await showFigure(page, 'words');
    const word = page.locator('button[data-word="nato"]');
    await word.waitFor();
    await word.click();
    const lines = page.locator('.analysis-kwic .analysis-passage');
    await expect.poll(() => lines.locator('mark').allTextContents()).toEqual(['NATO']);
    await page.waitForSelector('.analysis-chart svg');
    await screenshots(page, 'words');
    await lines.first().click();
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${d0.id}"]`);
    await expect.poll(() => selected(page)).toBe('NATO');

    // The key of the command palette's "Open the Analysis area" brings the tab back from a document's.
    await page.keyboard.press('Control+Shift+A');
    await page.waitForSelector('[role="tab"][data-view="analysis"][aria-selected="true"]');

    expect(problems).toEqual([]);
    await page.close();
  });
});
