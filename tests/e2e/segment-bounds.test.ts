/**
 * Adjusting a segment's boundaries with the keyboard in the real renderer; the export follows.
 * Also: widening new segments to whole words.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clickAt, dragSelect } from '../support/browser';
import { characterBoxesInPage } from '../support/select-text';
import { setUpWorkbench } from '../support/workbench';
import { exportFrom } from '../support/workspace';

const workbench = setUpWorkbench();

describe('segment boundaries', () => {
  it('move with Alt+arrows (by word with Ctrl), and the exported offsets and text follow', async () => {
    const { page, problems } = await workbench.newPage();
    const document = workbench.project.store.overview().documents[1];
    const { text } = await workbench.project.store.openDocument(document.id);
    await workbench.openInPage(page, document.id);

    const start = text.indexOf('Shelling by');
    await dragSelect(page, start, start + 'Shelling by'.length);
    await page.keyboard.press('1');
    const highlight = page.locator('.seg.code-factual-claim');
    await expect.poll(() => highlight.allTextContents()).toEqual(['Shelling by']);

    await clickAt(page, start + 3); // the caret inside the segment
    await page.keyboard.press('Alt+Shift+Control+ArrowRight'); // end: to the end of the next word
    await expect.poll(() => highlight.allTextContents()).toEqual(['Shelling by Azerbaijan']);
    await page.keyboard.press('Alt+ArrowRight'); // start: one character later
    await expect.poll(() => highlight.allTextContents()).toEqual(['helling by Azerbaijan']);
    await page.keyboard.press('Alt+ArrowLeft'); // and back
    await expect.poll(() => highlight.allTextContents()).toEqual(['Shelling by Azerbaijan']);
    await page.waitForSelector('.save-status[data-state="saved"]');
    expect((await workbench.project.store.openDocument(document.id)).segments.map((s) => [s.start, s.end, s.quote])).toEqual([
      [start, start + 'Shelling by Azerbaijan'.length, 'Shelling by Azerbaijan'],
    ]);

    // The export follows: Python reads the new offsets and text.
    await exportFrom(page, 'segments-csv');
    await expect.poll(() => page.textContent('.message-bar')).toContain('Exported 1 coded segment');
    const message = (await page.textContent('.message-text'))!;
    const check = `
import csv, sys
row = next(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
text = open(sys.argv[2], encoding='utf-8', newline='').read()
assert text[int(row['start']):int(row['end'])] == row['text']
print(row['start'], row['end'], row['text'])
`;
    const printed = execFileSync('python3', ['-c', check, message.slice(message.indexOf(' to ') + 4), join(workbench.project.folder, 'documents', document.file)]).toString().trim();
    const codePoints = Array.from(text.slice(0, start)).length;
    expect(printed).toBe(`${codePoints} ${codePoints + 22} Shelling by Azerbaijan`);

    // One undo takes back the last adjustment.
    await page.keyboard.press('Control+z');
    await expect.poll(() => highlight.allTextContents()).toEqual(['helling by Azerbaijan']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('move by dragging the handles of the segment whose details are open', async () => {
    const { page, problems } = await workbench.newPage();
    const document = workbench.project.store.overview().documents[4];
    const { text } = await workbench.project.store.openDocument(document.id);
    await workbench.openInPage(page, document.id);
    const start = text.indexOf('Armenian genocide');
    await dragSelect(page, start, start + 'Armenian'.length);
    await page.keyboard.press('2');
    const highlight = page.locator('.seg.code-opinion');
    await expect.poll(() => highlight.allTextContents()).toEqual(['Armenian']);

    await highlight.first().click();
    const handle = page.locator('.seg-handle-end');
    await handle.waitFor();
    const [target] = await page.evaluate(characterBoxesInPage, [start + 'Armenian genocide'.length - 1]);
    const from = (await handle.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move((from.x + target.right) / 2, target.y, { steps: 3 });
    await page.mouse.move(target.right - 1, target.y, { steps: 3 });
    await page.mouse.up();
    await expect.poll(() => highlight.allTextContents()).toEqual(['Armenian genocide']);
    await page.waitForSelector('.save-status[data-state="saved"]');
    expect((await workbench.project.store.openDocument(document.id)).segments.map((s) => s.quote)).toEqual(['Armenian genocide']);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await expect.poll(() => highlight.allTextContents()).toEqual(['Armenian']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('leaves out the line break of a keyboard selection that starts on a blank line, and steps edges past spaces', async () => {
    const { page, problems } = await workbench.newPage();
    const document = workbench.project.store.overview().documents[0];
    const { text } = await workbench.project.store.openDocument(document.id);
    await workbench.openInPage(page, document.id);
    // 000 opens with two blank lines: from the second one, down to the heading and three words on.
    await clickAt(page, text.indexOf('WAR'));
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Shift+ArrowDown');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Control+ArrowRight');
    await page.keyboard.press('2');
    const highlight = page.locator('.seg.code-opinion');
    await expect.poll(() => highlight.allTextContents()).toEqual(['WAR IN ARTSAKH']);
    await page.waitForSelector('.save-status[data-state="saved"]');
    const saved = () => workbench.project.store.openDocument(document.id).then(({ segments }) => segments.filter((s) => s.codeId === 'opinion'));
    expect((await saved()).map((s) => [s.start, s.quote])).toEqual([[text.indexOf('WAR'), 'WAR IN ARTSAKH']]);
    expect(await page.getAttribute('button[data-action="undo"]', 'title')).toBe('Undo: Code “WAR IN ARTSAKH” as opinion (Ctrl+Z)');

    // One step of the end to the right crosses the space and takes the next letter.
    await clickAt(page, text.indexOf('WAR') + 1);
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await expect.poll(() => highlight.allTextContents()).toEqual(['WAR IN ARTSAKH E']);
    await page.waitForSelector('.save-status[data-state="saved"]');
    expect((await saved()).map((s) => s.quote)).toEqual(['WAR IN ARTSAKH E']);
    expect(await page.getAttribute('button[data-action="undo"]', 'title')).toBe('Undo: Adjust “WAR IN ARTSAKH” to “WAR IN ARTSAKH E” (Ctrl+Z)');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('widens a new segment to whole words when asked', async () => {
    const { page } = await workbench.newPage();
    const document = workbench.project.store.overview().documents[2];
    const { text } = await workbench.project.store.openDocument(document.id);
    await workbench.openInPage(page, document.id);
    await page.check('.snap-words input');
    const at = text.indexOf('liberation of occupied');
    await dragSelect(page, at + 3, at + 'liberation of occ'.length);
    await page.keyboard.press('2');
    await expect.poll(() => page.locator('.seg.code-opinion').allTextContents()).toEqual(['liberation of occupied']);
    await page.uncheck('.snap-words input');
    await page.close();
  });
});
