/**
 * The core loop in the real renderer, in Debian's Chromium, over the real services and real files:
 * open a document, select across a paragraph break, code it with a key, overlap a second code,
 * change and remove codes, restart, find everything again, export, and read the CSV with Python.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/preview-server';
import { clickAt, dragSelect, launchChromium, watchForProblems } from '../support/browser';
import { openProject, type OpenProject } from '../support/project';
import { exportFrom, showSidePanel } from '../support/workspace';

const RENDERER = new URL('../../dist/renderer', import.meta.url).pathname;
const FACTUAL = 'rgb(0, 114, 178)';
const OPINION = 'rgb(238, 51, 119)';

let browser: Browser;
let project: OpenProject;
let server: PreviewServer;

async function startServices(folder?: string): Promise<void> {
  project = await openProject(folder);
  server = await startPreviewServer({ handlers: project.handlers, rendererFolder: RENDERER });
}

async function stopServices(): Promise<void> {
  await server.close();
  await project.store.close();
}

beforeAll(async () => {
  browser = await launchChromium();
  await startServices();
});
afterAll(async () => {
  await browser?.close();
  await stopServices();
});

async function openDocument(page: Page, file: string): Promise<{ id: string; text: string }> {
  const document = project.store.overview().documents.find((d) => d.file === file)!;
  await showSidePanel(page, 'documents');
  await page.click(`.document-button[data-document-id="${document.id}"]`);
  await page.waitForSelector(`.text-host[data-ready][data-document-id="${document.id}"]`);
  return { id: document.id, text: (await project.store.openDocument(document.id)).text };
}

async function savedSegments(documentId: string) {
  return (await project.store.openDocument(documentId)).segments;
}

async function waitUntilSaved(page: Page): Promise<void> {
  await page.waitForSelector('.save-status[data-state="saved"]');
}

describe('coding the bundled corpus in the browser', () => {
  it('codes, overlaps, changes, removes, survives a restart and exports a CSV that Python checks', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems = await watchForProblems(page);
    await page.goto(server.url);
    await page.waitForSelector('.document-button');
    expect(await page.locator('.document-button').count()).toBe(5);
    expect(await page.textContent('.main-area')).toContain('Choose a document');

    const { id, text } = await openDocument(page, '004_37352b9075273400.txt');

    // An empty selection: a click, then the key. A message, and nothing is coded.
    await clickAt(page, text.indexOf('Armenia'));
    await page.keyboard.press('1');
    await expect.poll(() => page.textContent('.message-bar')).toContain('Select a passage');
    expect(await page.locator('.seg').count()).toBe(0);

    // A selection that crosses the paragraph break after the title.
    const start = text.indexOf('Voices from Armenia');
    const end = text.indexOf('On the Violence') + 'On the Violence'.length;
    expect(text.slice(start, end)).toContain('\n\n');
    await dragSelect(page, start, end);
    await page.keyboard.press('1');
    const factual = page.locator('.seg.code-factual-claim');
    await expect.poll(() => factual.count()).toBeGreaterThanOrEqual(2);
    expect(await factual.first().evaluate((el) => getComputedStyle(el).backgroundImage)).toContain(FACTUAL);
    // The highlight covers exactly the selected words, on both sides of the break.
    expect((await factual.allTextContents()).join('|')).toBe('Voices from Armenia and Azerbaijan|On the Violence');
    await waitUntilSaved(page);
    const [first] = await savedSegments(id);
    expect(first).toMatchObject({ codeId: 'factual-claim', start, end, quote: text.slice(start, end) });

    // An overlapping opinion segment: both codes stay visible where they overlap.
    const overlapStart = text.indexOf('Armenia and Azerbaijan');
    const overlapEnd = text.indexOf(' Anarchists in Armenia');
    await dragSelect(page, text.indexOf('and Azerbaijan'), text.indexOf('Azerbaijan') + 'Azerbaijan'.length);
    await page.keyboard.press('2');
    const both = page.locator('.seg.code-factual-claim.code-opinion');
    await expect.poll(() => both.count()).toBe(1);
    const overlapStyle = await both.first().evaluate((el) => getComputedStyle(el).backgroundImage);
    expect(overlapStyle).toContain(FACTUAL);
    expect(overlapStyle).toContain(OPINION);
    expect(overlapStart).toBeLessThan(overlapEnd);
    await waitUntilSaved(page);
    expect((await savedSegments(id)).map((s) => s.codeId).sort()).toEqual(['factual-claim', 'opinion']);

    // The Coded segments panel lists both in text order, with counts per code.
    await showSidePanel(page, 'segments');
    expect(await page.locator('.segment-row').count()).toBe(2);
    expect(await page.textContent('.code-counts')).toMatch(/factual claim: 1.*opinion: 1.*call to action: 0/);

    // Clicking the overlap shows both segments; change the opinion to a call to action.
    await both.first().click();
    await page.waitForSelector('.popover');
    expect(await page.locator('.popover-segment').count()).toBe(2);
    expect(await page.textContent('.popover')).toContain('by ana');
    const opinion = (await savedSegments(id)).find((s) => s.codeId === 'opinion')!;
    await page.selectOption(`.popover-segment[data-segment-id="${opinion.id}"] select`, 'call-to-action');
    await expect.poll(() => page.locator('.seg.code-call-to-action').count()).toBe(1);
    await waitUntilSaved(page);
    expect((await savedSegments(id)).find((s) => s.id === opinion.id)?.codeId).toBe('call-to-action');

    // Remove the factual claim.
    await page.click(`.popover-segment[data-segment-id="${first.id}"] button.danger`);
    await expect.poll(() => factual.count()).toBe(0);
    await waitUntilSaved(page);
    expect((await savedSegments(id)).map((s) => s.id)).toEqual([opinion.id]);
    expect(problems).toEqual([]);
    await page.close();

    // Restart the services on the same folder and reload: the remaining segment is there.
    await stopServices();
    await startServices(project.folder);
    const again = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problemsAfter = await watchForProblems(again);
    await again.goto(server.url);
    await again.waitForSelector('.document-button');
    await openDocument(again, '004_37352b9075273400.txt');
    expect(await again.locator('.seg.code-call-to-action').allTextContents()).toEqual(['and Azerbaijan']);
    expect(await again.locator('.seg.code-factual-claim').count()).toBe(0);
    await showSidePanel(again, 'segments');
    expect(await again.locator('.segment-row').count()).toBe(1);

    // Export, then Python's csv module reads the file; text equals the document's code points.
    await exportFrom(again, 'segments-csv');
    await expect.poll(() => again.textContent('.message-bar')).toContain('Exported 1 coded segment to');
    const message = (await again.textContent('.message-text'))!;
    const path = message.slice(message.indexOf(' to ') + 4);
    expect(path.startsWith(project.exportsFolder)).toBe(true);
    const check = `
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
text = open(sys.argv[2], encoding='utf-8', newline='').read()
assert len(rows) == 1, rows
for row in rows:
    assert text[int(row['start']):int(row['end'])] == row['text'], row
    print(row['code'], row['text'])
`;
    const output = execFileSync('python3', ['-c', check, path, join(project.folder, 'documents', '004_37352b9075273400.txt')]).toString();
    expect(output.trim()).toBe('call to action and Azerbaijan');
    expect(problemsAfter).toEqual([]);
    await again.close();
  });

  it('codes a passage chosen with the keyboard alone, and refuses a white-space selection', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems = await watchForProblems(page);
    await page.goto(server.url);
    await page.waitForSelector('.document-button');
    const { id, text } = await openDocument(page, '000_a75649aa49571916.txt');
    const before = (await savedSegments(id)).length;

    // Blank lines only: the first two characters of this document are line breaks.
    await clickAt(page, text.indexOf('WAR'));
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('3');
    await expect.poll(() => page.textContent('.message-bar')).toMatch(/only white space|Select a passage/);

    // Caret at "WAR", then Shift+Ctrl+Right three times selects "WAR IN ARTSAKH".
    await clickAt(page, text.indexOf('WAR'));
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Control+ArrowRight');
    await page.keyboard.press('3');
    await expect.poll(() => page.locator('.seg.code-call-to-action').count()).toBe(1);
    await waitUntilSaved(page);
    const added = (await savedSegments(id)).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0].quote.trim()).toBe('WAR IN ARTSAKH');

    // Enter on the highlight opens its details; Escape closes them.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.popover');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.popover').count()).toBe(0);

    // A row of the Coded segments panel jumps to its segment and selects it.
    await showSidePanel(page, 'segments');
    await page.click(`.segment-row[data-segment-id="${added[0].id}"]`);
    const selectedText = () =>
      page.evaluate(() => {
        const root = document.querySelector('.text-host')!.shadowRoot as ShadowRoot & { getSelection(): Selection };
        return root.getSelection().toString();
      });
    await expect.poll(selectedText).toBe(added[0].quote);

    // A click on a code in the bar codes the same selection too: two codes on one span.
    await page.click('.code-button[data-code-id="opinion"]');
    await expect.poll(() => page.locator('.seg.code-opinion.code-call-to-action').count()).toBe(1);
    await waitUntilSaved(page);
    expect((await savedSegments(id)).slice(before).map((s) => [s.codeId, s.quote])).toEqual([
      ['call-to-action', added[0].quote],
      ['opinion', added[0].quote],
    ]);

    // Typing never changes the text.
    await page.keyboard.type('xyz');
    await page.keyboard.press('Backspace');
    expect(await page.textContent('.text-view')).toBe(text.replace(/\n/g, ''));

    // Tab leaves the text for the next control (the document portrait beside it, then the status
    // bar): the text is no keyboard trap.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('document-strip'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.status-bar'))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
