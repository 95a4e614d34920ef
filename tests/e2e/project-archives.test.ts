/**
 * Archives and backups in the browser, over the real services (no answers faked): a researcher
 * codes a passage, backs up, codes another, restores the backup (the second passage is gone, and
 * a backup of the state before the restore is listed); saves a copy as archive into the preview's
 * root, opens the archive from Open project, and finds it restored into a new folder with its
 * passages; then a backup damaged on disk after it was listed is refused, and the page goes on.
 * The tests are scenarios in order, one after another: each goes on from the state the one before
 * left (the project made first, the archive saved second).
 */
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dragSelect } from '../support/browser';
import { setUpSession } from '../support/session';
import { runFromPalette, showSidePanel } from '../support/workspace';

const bench = setUpSession();
// The save dialog's answer as the set-up gives it; a test that answers it itself puts it back.
const chooseSavePathAtFirst = bench.chooseSavePath;

/** Opens the first document and codes its `nth` word of seven letters or more with key 1; the word. */
async function codeWord(page: Page, nth: number): Promise<string> {
  const store = bench.session.store!;
  const document = store.overview().documents[0];
  const { text } = await store.openDocument(document.id);
  await showSidePanel(page, 'documents');
  await page.click(`.document-button[data-document-id="${document.id}"]`);
  await page.waitForSelector(`.text-host[data-ready][data-document-id="${document.id}"]`);
  const match = [...text.matchAll(/\p{L}{7,}/gu)][nth];
  await dragSelect(page, match.index!, match.index! + match[0].length);
  const before = await page.locator('.seg.code-factual-claim').count();
  await page.keyboard.press('1');
  await expect.poll(() => page.locator('.seg.code-factual-claim').count()).toBe(before + 1);
  await expect.poll(() => page.textContent('.status-bar')).toContain('All changes saved');
  return match[0];
}

/** The coded words of the first document, as the page shows them. */
async function codedWords(page: Page): Promise<string[]> {
  const document = bench.session.store!.overview().documents[0];
  await showSidePanel(page, 'documents');
  await page.click(`.document-button[data-document-id="${document.id}"]`);
  await page.waitForSelector(`.text-host[data-ready][data-document-id="${document.id}"]`);
  return page.locator('.seg.code-factual-claim').allTextContents();
}

/** Whether the focus is in the text view (inside its shadow root). */
const focusInText = (page: Page) => page.evaluate(() => !!document.querySelector('.text-host')?.shadowRoot?.activeElement?.classList.contains('text-view'));

describe.sequential('archives and backups in the browser', () => {
  it('backs up, and restores the backup: the work since is gone, and the state before the restore is kept as a backup', async () => {
    const { page, problems } = await bench.newPage();
    await page.click('button[data-action="try-sample"]');
    const creating = page.locator('dialog.new-project-dialog');
    await creating.waitFor();
    await creating.locator('input[name="project-name"]').fill('Backed-up study');
    await creating.locator('button[data-action="create-project"]').click();
    await page.waitForSelector('.document-button');
    const first = await codeWord(page, 0);

    await runFromPalette(page, 'restore-backup');
    const dialog = page.locator('dialog.restore-backup-dialog');
    await dialog.waitFor();
    const rows = dialog.locator('.backups-table tbody tr');
    // The backup made when the project opened.
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.nth(0).locator('td').nth(0).textContent()).toBe('On opening');
    await dialog.locator('button[data-action="back-up-now"]').click();
    await expect.poll(() => rows.count()).toBe(2);
    // Newest first: the one made by hand, with the coded passage counted.
    expect((await rows.nth(0).locator('th, td').allTextContents()).slice(1, 5)).toEqual(['By hand', expect.stringMatching(/KB$/), '5', '1']);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    const second = await codeWord(page, 3);
    expect(await codedWords(page)).toEqual([first, second]);

    await runFromPalette(page, 'restore-backup');
    await dialog.waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    await rows.nth(0).locator('button[data-action="restore-backup"]').click();
    const reloaded = page.waitForEvent('load');
    await dialog.locator('button[data-action="confirm-restore"]').click();
    await reloaded;
    await page.waitForSelector('.document-button');
    await expect.poll(() => codedWords(page)).toEqual([first]);
    expect(bench.session.store!.overview().documents[0].segmentCount).toBe(1);

    // The state before the restore (two passages) is a backup of its own, and restores as well.
    await runFromPalette(page, 'restore-backup');
    await dialog.waitFor();
    await expect.poll(() => rows.count()).toBe(3);
    expect((await rows.nth(0).locator('th, td').allTextContents()).slice(1, 5)).toEqual(['Before a restore', expect.stringMatching(/KB$/), '5', '2']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('saves a copy as archive into the root, and opens the archive from Open project: restored into a new folder, with its passages', async () => {
    const { page, problems } = await bench.newPage();
    await page.waitForSelector('.document-button');
    const coded = await codedWords(page);
    expect(coded).toHaveLength(1);
    const archive = join(bench.root, 'Handed over.awbproj');
    bench.chooseSavePath = async () => archive;
    // From the text: saving the copy leaves the focus there (only a form field gives it up, to save what it holds).
    await page.locator('.text-host').click();
    await expect.poll(() => focusInText(page)).toBe(true);
    await runFromPalette(page, 'archive-project');
    await expect.poll(() => page.textContent('.message-bar')).toContain(archive);
    bench.chooseSavePath = chooseSavePathAtFirst;
    expect(existsSync(archive)).toBe(true);
    expect(await focusInText(page)).toBe(true);

    await page.keyboard.press('Control+O');
    const dialog = page.locator('dialog.open-project-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('.place-entry[data-place-kind="archive"] button').allTextContents()).toEqual(['Handed over.awbproj']);
    // The page starts afresh on the project restored from the archive.
    const reloaded = page.waitForEvent('load');
    await dialog.locator('button[data-place="Handed over.awbproj"]').click();
    await reloaded;
    expect(bench.session.store?.folder).toBe(join(bench.root, 'Handed over'));
    await page.waitForSelector('.document-button');
    await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('Backed-up study — Annotation Workbench');
    expect(await codedWords(page)).toEqual(coded);
    // The archive is left as it was, beside the folder it was restored into.
    expect((await readdir(bench.root)).sort()).toEqual(['Backed-up study', 'Handed over', 'Handed over.awbproj'].sort());
    expect(problems).toEqual([]);
    await page.close();
  });

  it('refuses a backup damaged on disk after it was listed: the message shows, and the page goes on (the workspace, or the start screen)', async () => {
    const { page } = await bench.newPage();
    await page.waitForSelector('.document-button');
    await runFromPalette(page, 'restore-backup');
    const dialog = page.locator('dialog.restore-backup-dialog');
    const rows = dialog.locator('.backups-table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    // Every backup of the project is junk now, whichever the list's first row names.
    const backups = join(bench.session.store!.folder, 'backups');
    for (const name of await readdir(backups)) await writeFile(join(backups, name), 'not an archive at all');
    await rows.nth(0).locator('button[data-action="restore-backup"]').click();
    await dialog.locator('button[data-action="confirm-restore"]').click();
    const refusal = dialog.locator('.backup-confirmation .project-error');
    const startMessage = page.locator('.start-screen-frame .message-bar.error');
    await expect.poll(async () => (await refusal.count()) + (await startMessage.count())).toBeGreaterThan(0);
    if (await refusal.count()) {
      // The project is still open: the dialog says why, and the workspace goes on working.
      expect(await refusal.textContent()).not.toBe('');
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      await codeWord(page, 5);
    } else {
      // The project was closed on the way: the start screen, never a workspace of a project gone.
      expect(await startMessage.textContent()).not.toBe('');
      await page.locator('.start-screen button[data-action="open-project"]').waitFor();
    }
    await page.close();
  });
});
