/**
 * Projects in the browser, as a researcher handles them, over a preview started with a root
 * folder: the start screen on first start with the sample offered; a project made with the sample
 * texts (five documents, the title naming it); a passage coded, the project closed and opened again
 * from the recent list with the passage still there; a second, empty project; the first opened from
 * the root folder's places; its details renamed; a missing project marked and removed; Save a copy
 * as archive with its progress and its outcome; the Restore dialog's empty state. Screenshots of
 * the start screen, the New project dialog and the Restore dialog go to
 * `.tmp/screenshots/projects-*.png`; the start screen is checked for reach and with axe-core.
 * The tests are scenarios in order, one after another: each goes on from the projects and the
 * recent list the one before left.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { blockingViolations } from '../support/axe';
import { dragSelect } from '../support/browser';
import { unreachableControls } from '../support/layout';
import { setUpSession } from '../support/session';
import { runFromPalette, showSidePanel } from '../support/workspace';

// Backups off: the Restore dialog's empty state and Back up now's refusal do not depend on when a backup is made.
const bench = setUpSession({ backups: false });
// The save dialog's answer as the set-up gives it; a test that answers it itself puts it back.
const chooseSavePathAtFirst = bench.chooseSavePath;
const SCREENSHOTS = new URL('../../.tmp/screenshots/', import.meta.url).pathname;
const SIZES = [
  { width: 1400, height: 900 },
  { width: 1024, height: 700 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

/**
 * Screenshots of what `show` brings up, at both sizes in both themes (each in a page of its own),
 * each checked for controls cut off or covered and with axe-core.
 */
async function shootEverywhere(name: string, show: (page: Page) => Promise<void>): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  for (const size of SIZES) {
    for (const colorScheme of SCHEMES) {
      const { page, problems } = await bench.newPage({ ...size, colorScheme });
      await show(page);
      await page.screenshot({ path: `${SCREENSHOTS}projects-${name}-${size.width}x${size.height}-${colorScheme}.png` });
      const where = `${name} at ${size.width}x${size.height}, ${colorScheme}`;
      expect(await page.evaluate(unreachableControls), where).toEqual([]);
      // Readable in both themes: axe's contrast rules among the rest, on what is in front.
      expect(await blockingViolations(page, (await page.locator('dialog:modal').count()) ? 'dialog:modal' : '.start-screen'), where).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }
  }
}

const recentNames = (page: Page) => page.locator('.recent-project .recent-name').allTextContents();

describe.sequential('projects in the browser preview', () => {
  it('shows the start screen on first start, with the sample project offered and nothing recent', async () => {
    const { page, problems } = await bench.newPage();
    expect(await page.title()).toBe('Annotation Workbench');
    expect(await page.textContent('.start-screen h1')).toBe('Annotation Workbench');
    expect(await page.textContent('.sample-offer')).toContain('Try the sample project: five texts');
    expect(await page.textContent('.recent-projects')).toContain('No project has been opened yet');
    expect(await page.locator('.recent-project').count()).toBe(0);
    // No workspace: the top bar, the documents and the workspace's commands are not there.
    expect(await page.locator('.top-bar, .document-button').count()).toBe(0);
    await page.keyboard.press('Control+Shift+P');
    const offered = await page.locator('.palette-option').evaluateAll((options) => options.map((option) => option.getAttribute('data-command')));
    expect(offered).toEqual(expect.arrayContaining(['new-project', 'open-project', 'settings']));
    expect(offered).not.toContain('close-project');
    expect(offered).not.toContain('export');
    expect(offered.some((id) => id?.startsWith('code-'))).toBe(false);
    await page.keyboard.press('Escape');
    // Keyboard first: Tab reaches New project… first, then Open project…, then the sample.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('new-project');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('open-project');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('try-sample');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    expect(await blockingViolations(page, '.start-screen')).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
    await shootEverywhere('start-first', async () => undefined);
    await shootEverywhere('new-dialog', async (page) => {
      await page.click('button[data-action="try-sample"]');
      await page.locator('dialog.new-project-dialog').waitFor();
    });
  });

  it('creates a project with the sample texts: the workspace shows five documents and the title names it', async () => {
    const { page, problems } = await bench.newPage();
    await page.click('button[data-action="new-project"]');
    const dialog = page.locator('dialog.new-project-dialog');
    await dialog.waitFor();
    expect(await dialog.evaluate((element: HTMLDialogElement) => element.matches(':modal'))).toBe(true);
    // The name is required; the folder name follows the name until it is changed.
    expect(await dialog.locator('button[data-action="create-project"]').isDisabled()).toBe(true);
    await page.keyboard.type('Media study');
    expect(await dialog.locator('input[name="project-place"]').inputValue()).toBe('Media study');
    await dialog.locator('textarea[name="project-description"]').fill('Coverage of the conflict, two standpoints.');
    await dialog.locator('input[name="project-start"][value="sample"]').check();
    expect(await blockingViolations(page, 'dialog.new-project-dialog')).toEqual([]);
    await dialog.locator('button[data-action="create-project"]').click();
    await page.waitForSelector('.document-button');
    expect(await page.locator('.document-button').count()).toBe(5);
    await expect.poll(() => page.title()).toBe('Media study — Annotation Workbench');
    expect(await page.textContent('.top-bar .project-title')).toBe('Media study');
    expect(bench.session.store?.folder).toBe(join(bench.root, 'Media study'));
    expect(bench.session.store?.description).toBe('Coverage of the conflict, two standpoints.');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps a coded passage over Close project and opening the project again from the recent list (Enter)', async () => {
    const { page, problems } = await bench.newPage();
    const store = bench.session.store!;
    const document = store.overview().documents[0];
    const { text } = await store.openDocument(document.id);
    await showSidePanel(page, 'documents');
    await page.click(`.document-button[data-document-id="${document.id}"]`);
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${document.id}"]`);
    const words = text.match(/\p{L}{7,}/u)![0];
    const start = text.indexOf(words);
    await dragSelect(page, start, start + words.length);
    await page.keyboard.press('1');
    await expect.poll(() => page.locator('.seg.code-factual-claim').count()).toBe(1);
    // Closed at once, without waiting for "All changes saved": the page waits for the save itself.
    await runFromPalette(page, 'close-project');
    await page.waitForSelector('.start-screen');
    expect(bench.session.store).toBeNull();
    await expect.poll(() => page.title()).toBe('Annotation Workbench');
    expect(await recentNames(page)).toEqual(['Media study']);
    expect(await page.textContent('.recent-project')).toContain(join(bench.root, 'Media study'));
    expect(await page.locator('.sample-offer').count()).toBe(0);

    await page.focus('.recent-project button[data-action="open-recent"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.document-button');
    await page.click(`.document-button[data-document-id="${document.id}"]`);
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${document.id}"]`);
    await expect.poll(() => page.locator('.seg.code-factual-claim').allTextContents()).toEqual([words]);
    expect((await bench.session.store!.openDocument(document.id)).segments.map((s) => [s.start, s.end])).toEqual([[start, start + words.length]]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('creates a second, empty project (Ctrl+Shift+N): the documents panel says it has none', async () => {
    const { page, problems } = await bench.newPage();
    await page.keyboard.press('Control+Shift+N');
    const dialog = page.locator('dialog.new-project-dialog');
    await dialog.waitFor();
    await page.keyboard.type('Empty study');
    expect(await dialog.locator('input[name="project-start"][value="empty"]').isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.title()).toBe('Empty study — Annotation Workbench');
    await showSidePanel(page, 'documents');
    await expect.poll(() => page.textContent('.side-panel')).toContain('This project has no documents yet');
    expect(await page.locator('.document-button').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens the first project from the places below the root (Ctrl+O), and refuses a folder name that is taken', async () => {
    // A folder without a project is named, not offered.
    await mkdir(join(bench.root, 'field notes'));
    const { page, problems } = await bench.newPage();
    await page.keyboard.press('Control+O');
    const dialog = page.locator('dialog.open-project-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('.place-entry[data-place-kind="project"] button').allTextContents()).toEqual(['Empty study', 'Media study']);
    expect(await dialog.locator('.place-entry[data-place-kind="folder"]').textContent()).toBe('field notes');
    expect(await dialog.locator('.place-entry[data-place-kind="folder"] button').count()).toBe(0);
    expect(await blockingViolations(page, 'dialog.open-project-dialog')).toEqual([]);
    await dialog.locator('button[data-place="Media study"]').click();
    await expect.poll(() => page.title()).toBe('Media study — Annotation Workbench');
    await page.waitForSelector('.document-button');
    expect(await page.locator('.document-button').count()).toBe(5);

    // A new project whose folder name is taken: the dialog stays, says why, and keeps what was typed.
    await page.keyboard.press('Control+Shift+N');
    const creating = page.locator('dialog.new-project-dialog');
    await creating.waitFor();
    await page.keyboard.type('Empty study');
    await page.keyboard.press('Enter');
    await expect.poll(() => creating.locator('.project-error').textContent()).toContain('already a folder named “Empty study”');
    expect(await creating.locator('input[name="project-name"]').inputValue()).toBe('Empty study');
    expect(bench.session.store?.name).toBe('Media study');
    await page.keyboard.press('Escape');
    await expect.poll(() => creating.count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('renames the project in Project details: the title, the header and the recent list follow, after a reload too', async () => {
    const { page, problems } = await bench.newPage();
    await page.waitForSelector('.top-bar .project-title');
    await page.click('.top-bar .project-title');
    const dialog = page.locator('dialog.project-details-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('textarea[name="project-description"]').inputValue()).toBe('Coverage of the conflict, two standpoints.');
    await dialog.locator('input[name="project-name"]').fill('Karabakh coverage');
    await dialog.locator('button[data-action="save-project-details"]').click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.title()).toBe('Karabakh coverage — Annotation Workbench');
    expect(await page.textContent('.top-bar .project-title')).toBe('Karabakh coverage');
    expect(await page.textContent('.status-bar .project-name')).toContain('Karabakh coverage');

    await page.reload();
    await page.waitForSelector('.document-button');
    await expect.poll(() => page.title()).toBe('Karabakh coverage — Annotation Workbench');
    expect(await page.textContent('.top-bar .project-title')).toBe('Karabakh coverage');
    // Project details from the palette too.
    await runFromPalette(page, 'project-details');
    await expect.poll(() => page.locator('dialog.project-details-dialog input[name="project-name"]').inputValue()).toBe('Karabakh coverage');
    await page.keyboard.press('Escape');

    await runFromPalette(page, 'close-project');
    await page.waitForSelector('.start-screen');
    expect(await recentNames(page)).toEqual(['Karabakh coverage', 'Empty study']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('marks a recent project whose folder was removed as missing, never opens it, and removes it from the list (Delete)', async () => {
    await rm(join(bench.root, 'Empty study'), { recursive: true });
    const { page, problems } = await bench.newPage();
    const missing = page.locator('.recent-project.missing');
    await expect.poll(() => missing.count()).toBe(1);
    expect(await missing.locator('.recent-name').textContent()).toBe('Empty study');
    expect(await missing.textContent()).toContain('missing');
    // It has no button that opens it, only the one that removes it.
    expect(await missing.locator('button[data-action="open-recent"]').count()).toBe(0);
    expect(await page.locator('.recent-project:not(.missing) button[data-action="open-recent"]').count()).toBe(1);
    await shootEverywhere('start-recent', async () => undefined);
    // At 200% zoom (half the CSS pixels each way) and in German, whose words run longer.
    for (const [width, height, locale] of [[700, 450, 'en-GB'], [1024, 700, 'de-DE']] as const) {
      const { page: other } = await bench.newPage({ width, height, locale });
      expect(await other.evaluate(unreachableControls), `${width}x${height} ${locale}`).toEqual([]);
      if (locale === 'de-DE') {
        expect(await other.textContent('.recent-projects h2')).toBe('Zuletzt geöffnet');
        expect(await other.textContent('.recent-project.missing')).toContain('fehlt');
        await other.screenshot({ path: `${SCREENSHOTS}projects-start-recent-${width}x${height}-de.png` });
      } else await other.screenshot({ path: `${SCREENSHOTS}projects-start-recent-${width}x${height}-zoom200.png` });
      await other.close();
    }
    expect(await blockingViolations(page, '.start-screen')).toEqual([]);

    // Delete from the entry itself (reached with Tab), not only from its button.
    await missing.locator('.recent-open').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => recentNames(page)).toEqual(['Karabakh coverage']);
    expect((await bench.session.state()).recent.map((entry) => entry.name)).toEqual(['Karabakh coverage']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('saves a copy as archive with its progress shown, and says what came of it', async () => {
    const { page, problems } = await bench.newPage();
    await page.click('.recent-project button[data-action="open-recent"]');
    await page.waitForSelector('.document-button');
    // The save dialog is answered by the test: while it is open, the top bar shows the work under way.
    let answer: (path: string | null) => void = () => undefined;
    bench.chooseSavePath = () => new Promise((resolve) => (answer = resolve));
    await runFromPalette(page, 'archive-project');
    await expect.poll(() => page.textContent('.top-bar .project-busy')).toContain('Saving a copy as archive…');
    answer(null);
    await expect.poll(() => page.textContent('.message-bar')).toContain('No archive was saved.');
    expect(await page.locator('.project-busy').count()).toBe(0);
    // A place that cannot be written: the failure is said, with its reason.
    bench.chooseSavePath = async () => join(bench.root, 'no such folder', 'copy.awbproj');
    await runFromPalette(page, 'archive-project');
    await expect.poll(() => page.locator('.message-bar.error').textContent()).toContain('The archive could not be saved:');
    bench.chooseSavePath = chooseSavePathAtFirst;
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the Restore dialog with its empty state, and says why Back up now failed', async () => {
    const { page, problems } = await bench.newPage();
    await page.waitForSelector('.document-button');
    await runFromPalette(page, 'restore-backup');
    const dialog = page.locator('dialog.restore-backup-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('.backups-empty').textContent()).toContain('No backups yet');
    expect(await dialog.textContent()).toContain('the current state is backed up first');
    expect(await blockingViolations(page, 'dialog.restore-backup-dialog')).toEqual([]);
    await dialog.locator('button[data-action="back-up-now"]').click();
    await expect.poll(() => dialog.locator('.project-error').textContent()).toContain('This project keeps no backups.');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
    await shootEverywhere('restore-dialog', async (shot) => {
      await shot.waitForSelector('.document-button');
      await runFromPalette(shot, 'restore-backup');
      await shot.locator('dialog.restore-backup-dialog .backups-empty').waitFor();
    });
  });

  it('lists backups with their date, kind, size and counts, and restores one only after saying the state now is backed up first', async () => {
    // The backups as the contract gives them (listBackups, restoreBackup), answered in the browser's network layer.
    const backups = [
      { id: 'b3', kind: 'daily', createdAt: '2026-03-03T08:00:00.000Z', bytes: 2_621_440, documents: 5, segments: 14 },
      { id: 'b2', kind: 'manual', createdAt: '2026-03-02T14:05:00.000Z', bytes: 40_960, documents: 5, segments: 12 },
      { id: 'b1', kind: 'open', createdAt: '2026-03-01T09:30:00.000Z', bytes: 2_048, documents: 5, segments: 0 },
    ];
    const { page, problems } = await bench.newPage();
    await page.waitForSelector('.document-button');
    const restored: unknown[] = [];
    await page.route('**/api/listBackups', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value: { backups } }) }));
    await page.route('**/api/restoreBackup', async (route) => {
      restored.push(route.request().postDataJSON());
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value: await bench.session.state() }) });
    });
    await runFromPalette(page, 'restore-backup');
    const dialog = page.locator('dialog.restore-backup-dialog');
    const rows = dialog.locator('.backups-table tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const when = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    // From a megabyte on, the size is in MB.
    expect((await rows.nth(0).locator('th, td').allTextContents())[2]).toBe('2.5 MB');
    expect(await rows.nth(1).locator('th, td').allTextContents()).toEqual([when(backups[1].createdAt), 'By hand', '40 KB', '5', '12', 'Restore…']);
    expect(await rows.nth(2).locator('th, td').allTextContents()).toEqual([when(backups[2].createdAt), 'On opening', '2 KB', '5', '0', 'Restore…']);
    expect(await blockingViolations(page, 'dialog.restore-backup-dialog')).toEqual([]);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}projects-restore-list-1400x900-light.png` });

    await rows.nth(1).locator('button[data-action="restore-backup"]').click();
    const confirmation = dialog.locator('.backup-confirmation');
    expect(await confirmation.textContent()).toContain(`Restore the backup of ${when(backups[1].createdAt)}?`);
    expect(await confirmation.textContent()).toContain('The current state is backed up first');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('back-to-backups');
    // Back to the list changes nothing.
    await confirmation.locator('button[data-action="back-to-backups"]').click();
    await expect.poll(() => rows.count()).toBe(3);
    expect(restored).toEqual([]);
    await rows.nth(1).locator('button[data-action="restore-backup"]').click();
    await page.screenshot({ path: `${SCREENSHOTS}projects-restore-confirm-1400x900-light.png` });
    // Restoring starts the page afresh on the project restored.
    const reloaded = page.waitForEvent('load');
    await dialog.locator('button[data-action="confirm-restore"]').click();
    await reloaded;
    expect(restored).toEqual([{ id: 'b2' }]);
    await page.waitForSelector('.document-button');
    expect(await page.locator('dialog.restore-backup-dialog').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
