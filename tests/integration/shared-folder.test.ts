/**
 * The coders' shared folder: chosen in the app's folder dialog (or by a name below the preview's
 * root), remembered by the main process per project in the user data folder (never inside the
 * project), and synced without the page ever naming a path.
 */
import { mkdir, readdir, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../electron/handlers/handlers';
import { ProjectSession } from '../../electron/services/project-session';
import { SHARED_FOLDERS_FILE, SharedFolders } from '../../electron/services/shared-folders';
import type { ProjectImportOutcome } from '../../shared/ipc/exchange';
import { value } from '../support/builders';
import { openProject } from '../support/project';
import { BUNDLED_DOCUMENTS, tempFolder } from '../support/temp';

/** The app as it starts: a session over the user data folder, the shared folders kept there, a folder dialog. */
async function startApp(userData: string, project: string, dialogAnswer: string | null) {
  const session = await ProjectSession.start({ userData, bundledDocuments: BUNDLED_DOCUMENTS, coder: 'ana', backups: false });
  await session.openGiven(project);
  const asked: string[] = [];
  const handlers = createHandlers({
    session,
    chooseSavePath: async () => null,
    chooseFolder: async (title) => {
      asked.push(title);
      return dialogAnswer;
    },
    sharedFolders: await SharedFolders.load(userData),
  });
  return { session, handlers, asked };
}

/** Every file below a folder, as text. */
async function filesBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')));
}

describe("a project's shared folder", () => {
  it('is chosen in the dialog, synced, and remembered across a restart of the app, outside the project', async () => {
    const userData = await tempFolder();
    const project = join(await tempFolder(), 'study');
    const shared = await tempFolder('workbench-shared-');

    const first = await startApp(userData, project, shared);
    expect(value(await dispatch(first.handlers, 'sharedFolder', {}))).toEqual({ folder: null });
    expect(value(await dispatch(first.handlers, 'chooseFolder', { purpose: 'shared-folder' }))).toEqual({ folder: shared, available: true });
    expect(first.asked).toEqual(['Choose the shared folder of the coders']);
    const synced = value<ProjectImportOutcome>(await dispatch(first.handlers, 'syncSharedFolder', {}));
    expect(synced.report[0]).toMatch(/^Wrote your file ana\.coder\.json/);
    await first.session.shutdown();

    // The next start: no dialog is answered, and the folder is still the project's.
    const second = await startApp(userData, project, null);
    expect(value(await dispatch(second.handlers, 'sharedFolder', {}))).toEqual({ folder: shared });
    const again = value<ProjectImportOutcome>(await dispatch(second.handlers, 'syncSharedFolder', {}));
    expect(again.report[0]).toMatch(/^Your file ana\.coder\.json is up to date/);
    expect(second.asked).toEqual([]);
    await second.session.shutdown();

    // Kept in the user data folder; the project folder holds no trace of where the shared folder is.
    expect(await readFile(join(userData, SHARED_FOLDERS_FILE), 'utf8')).toContain(JSON.stringify(shared));
    for (const text of await filesBelow(project)) expect(text).not.toContain(shared);
  });

  it('stays as it was when the dialog is cancelled', async () => {
    const userData = await tempFolder();
    const project = join(await tempFolder(), 'study');
    const shared = await tempFolder('workbench-shared-');
    const app = await startApp(userData, project, shared);
    await dispatch(app.handlers, 'chooseFolder', { purpose: 'shared-folder' });
    await app.session.shutdown();
    const cancelled = await startApp(userData, project, null);
    expect(value(await dispatch(cancelled.handlers, 'chooseFolder', { purpose: 'shared-folder' }))).toEqual({ folder: null, available: true });
    expect(value(await dispatch(cancelled.handlers, 'sharedFolder', {}))).toEqual({ folder: shared });
    await cancelled.session.shutdown();
  });

  it('starts afresh, with a notice, when the remembered list cannot be read; a list set aside before is never replaced', async () => {
    const userData = await tempFolder();
    const damaged = ['{"version": 1, "projects": {"x": ', '{"version": 7}', 'not json'];
    for (const text of damaged) {
      await writeFile(join(userData, SHARED_FOLDERS_FILE), text);
      const folders = await SharedFolders.load(userData);
      expect(folders.folderOf('x')).toBeNull();
      expect(folders.notices).toEqual([expect.stringMatching(/^The list of shared folders could not be read; it was kept as .*shared-folders\.unreadable-.*\.json, and/)]);
    }
    const kept = (await readdir(userData)).filter((name) => name.startsWith('shared-folders.unreadable-'));
    expect((await Promise.all(kept.map((name) => readFile(join(userData, name), 'utf8')))).sort()).toEqual([...damaged].sort());
  });

  it("tells the researcher so, on the start screen and in every project opened, when the program passes the notice on", async () => {
    const userData = await tempFolder();
    await writeFile(join(userData, SHARED_FOLDERS_FILE), 'not json');
    const session = await ProjectSession.start({ userData, bundledDocuments: BUNDLED_DOCUMENTS, coder: 'ana', backups: false });
    for (const notice of (await SharedFolders.load(userData)).notices) session.tell(notice);
    expect((await session.state()).notices).toEqual([expect.stringContaining('The list of shared folders could not be read')]);
    await session.openGiven(join(await tempFolder(), 'study'));
    expect(session.requireStore().notices).toEqual([expect.stringContaining('The list of shared folders could not be read')]);
    await session.shutdown();
  });

  it('must be chosen before a sync, with a message that says so', async () => {
    const { handlers, store } = await openProject();
    expect(await dispatch(handlers, 'syncSharedFolder', {})).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No shared folder has been chosen for this project yet: choose one first.' },
    });
    await store.close();
  });

  it('is never a path sent by the page', async () => {
    const { handlers, store } = await openProject();
    const shared = await tempFolder('workbench-shared-');
    for (const [operation, input] of [
      ['syncSharedFolder', { folder: shared }],
      ['syncSharedFolder', { folder: 'relative/folder' }],
      ['chooseFolder', { purpose: 'shared-folder', folder: shared }],
      ['chooseFolder', { purpose: 'shared-folder', place: shared }],
      ['chooseFolder', { purpose: 'shared-folder', place: '../elsewhere' }],
      ['chooseFolder', { purpose: 'shared-folder', place: '..' }],
    ] as const) {
      expect(await dispatch(handlers, operation, input), `${operation} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(value(await dispatch(handlers, 'sharedFolder', {}))).toEqual({ folder: null });
    await store.close();
  });

  it('is not named in the app, where the dialog chooses, and says when there is neither', async () => {
    const { store } = await openProject();
    const inApp = createHandlers({ store, chooseSavePath: async () => null, chooseFolder: async () => null });
    expect(await dispatch(inApp, 'chooseFolder', { purpose: 'shared-folder', place: 'coders' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const withNeither = createHandlers({ store, chooseSavePath: async () => null });
    expect(value(await dispatch(withNeither, 'chooseFolder', { purpose: 'shared-folder' }))).toEqual({ folder: null, available: false });
    expect(await dispatch(withNeither, 'chooseFolder', { purpose: 'anything' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await store.close();
  });
});

describe("the preview's shared folder", () => {
  it('is a folder named below its root, and nothing that leads out of it', async () => {
    const project = await openProject();
    const root = project.placesRoot;
    await mkdir(join(root, 'coders'));
    await writeFile(join(root, 'notes.txt'), 'a file');
    const outside = await tempFolder('workbench-outside-');
    await symlink(outside, join(root, 'escape'));
    const choose = (place: string) => dispatch(project.handlers, 'chooseFolder', { purpose: 'shared-folder', place });

    expect(await choose('escape')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await choose('nowhere')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await choose('notes.txt')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(value(await dispatch(project.handlers, 'sharedFolder', {}))).toEqual({ folder: null });

    expect(value(await choose('coders'))).toEqual({ folder: join(await realpath(root), 'coders'), available: true });
    const synced = value<ProjectImportOutcome>(await dispatch(project.handlers, 'syncSharedFolder', {}));
    expect(synced.report[0]).toMatch(/^Wrote your file ana\.coder\.json/);
    expect(await readdir(join(root, 'coders'))).toEqual(['ana.coder.json']);
    expect(await readdir(outside)).toEqual([]);
    await project.store.close();
  });
});
