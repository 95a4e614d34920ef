/**
 * Archives and backups through the handlers of a session, as the preview (and so the page) calls
 * them: back up now, list, restore a backup, archive the project, and open an archive named below
 * the preview's root, which is restored into a new folder there after every check.
 */
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../electron/handlers/handlers';
import { saveIntoFolder } from '../../electron/services/export-folder';
import { placesBelow } from '../../electron/services/project-places';
import { ProjectSession } from '../../electron/services/project-session';
import type { BackupSummary, SessionState } from '../../shared/ipc/projects';
import type { ProjectFile } from '../../shared/model/project-schema';
import { partsOf, tampered, textsIn } from '../support/archives';
import { value } from '../support/builders';
import { segmentInput } from '../support/project';
import { BUNDLED_DOCUMENTS, tempFolder } from '../support/temp';

/** A session over places below a new root, its handlers, and a call that fails the test on a failure. */
async function previewSession() {
  const root = await tempFolder();
  const session = await ProjectSession.start({ userData: await tempFolder(), bundledDocuments: BUNDLED_DOCUMENTS, chooser: placesBelow(root), coder: 'ana' });
  const handlers = createHandlers({ session, chooseSavePath: saveIntoFolder(join(root, 'exports')) });
  const call = async <T,>(operation: string, input: unknown = {}) => value<T>(await dispatch(handlers, operation, input));
  const codeWords = async (n: number) => {
    const store = session.requireStore();
    const document = store.documents[n]!;
    const text = await store.text(document.id);
    await call('addSegment', segmentInput(document.id, text, text.slice(0, 15)));
  };
  return { root, session, handlers, call, codeWords };
}

describe('archives and backups through the handlers', () => {
  it('backs up now, lists the backups, and restores one (after backing up the state it replaces)', async () => {
    const { session, handlers, call, codeWords } = await previewSession();
    await call('newProject', { name: 'Study', withSample: true, place: 'study' });
    await codeWords(0);
    const manual = await call<BackupSummary>('backUpNow');
    expect(manual).toMatchObject({ kind: 'manual', documents: 5, segments: 1 });
    const kept = structuredClone(session.requireStore().state) as ProjectFile;
    const { backups } = await call<{ backups: BackupSummary[] }>('listBackups');
    expect(backups.map((backup) => backup.kind)).toEqual(['manual', 'open']);
    expect(backups[0]).toEqual(manual);

    await codeWords(1);
    await codeWords(2);
    const state = await call<SessionState>('restoreBackup', { id: manual.id });
    expect(state.project).toMatchObject({ name: 'Study' });
    expect(session.requireStore().state).toEqual(kept);
    const after = (await call<{ backups: BackupSummary[] }>('listBackups')).backups;
    // No backup of opening after a restore: the state restored is a backup already.
    expect(after.map((backup) => backup.kind)).toEqual(['before-restore', 'manual', 'open']);
    expect(after[0]).toMatchObject({ segments: 3 });

    // The state before the restore can itself be restored.
    await call('restoreBackup', { id: after[0]!.id });
    expect(session.requireStore().state.segments).toHaveLength(3);

    for (const id of ['../project', join(session.requireStore().folder, 'backups', `${manual.id}.awbproj`), 'no-such-backup']) {
      expect(await dispatch(handlers, 'restoreBackup', { id }), id).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    await session.shutdown();
  });

  it('restores a backup through the session directly, the project reopened in its own folder', async () => {
    const { session, call, codeWords } = await previewSession();
    await call('newProject', { name: 'Study', withSample: false, place: 'study' });
    const folder = session.requireStore().folder;
    const [opening] = (await session.backups!.list());
    await session.requireStore().importDocument('notes.txt', strToU8('Notes of the first interview.'));
    await codeWords(0);
    await session.restoreBackup(opening!.id);
    expect(session.requireStore().folder).toBe(folder);
    expect(session.requireStore().documents).toEqual([]);
    expect(session.requireStore().state.segments).toEqual([]);
    // The text added after the backup stays in documents/, unused: nothing of the researcher's is deleted.
    expect(Object.keys(await textsIn(folder))).toHaveLength(1);
    await session.shutdown();
  });

  it('archives the project, and opens the archive below the root as a new project equal to it', async () => {
    const { root, session, handlers, call, codeWords } = await previewSession();
    await call('newProject', { name: 'Study', description: 'Two sides of a war.', withSample: true, place: 'study' });
    await codeWords(3);
    const archived = structuredClone(session.requireStore().state) as ProjectFile;
    const texts = await textsIn(session.requireStore().folder);
    const { path } = await call<{ path: string }>('archiveProject');
    expect(path).toMatch(/exports\/Study \d{4}-\d{2}-\d{2}\.awbproj$/);
    expect(Object.keys(partsOf(new Uint8Array(await readFile(path))))).toContain('manifest.json');
    await copyFile(path, join(root, 'Study copy.awbproj'));
    await codeWords(4);

    const entries = (await call<{ entries: Array<{ name: string; kind: string }> }>('listPlaces')).entries;
    expect(entries).toContainEqual({ name: 'Study copy.awbproj', kind: 'archive' });
    const opened = await call<SessionState>('openProject', { from: 'place', name: 'Study copy.awbproj' });
    expect(opened.project).toMatchObject({ name: 'Study', description: 'Two sides of a war.', folder: join(root, 'Study copy') });
    expect(session.requireStore().state).toEqual(archived);
    expect(await textsIn(join(root, 'Study copy'))).toEqual(texts);

    // A tampered archive is refused; the project open stays open, and nothing is left below the root.
    const bytes = new Uint8Array(await readFile(path));
    await writeFile(join(root, 'tampered.awbproj'), tampered(bytes, (parts) => void (parts['documents/planted.txt'] = strToU8('x'))));
    const before = (await readdir(root)).sort();
    const refused = await dispatch(handlers, 'openProject', { from: 'place', name: 'tampered.awbproj' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'project-unreadable', message: expect.stringMatching(/tampered\.awbproj was refused: it holds “documents\/planted\.txt”, which its manifest does not list/) } });
    expect((await readdir(root)).sort()).toEqual(before);
    expect(session.requireStore().folder).toBe(join(root, 'Study copy'));

    // A name with a slash gives a file name without one.
    await call('setProjectDetails', { name: 'Study 1/2: the war', description: '' });
    expect((await call<{ path: string }>('archiveProject')).path).toMatch(/exports\/Study 1 2 the war \d{4}-\d{2}-\d{2}\.awbproj$/);
    await session.shutdown();
  });

  it('refuses the backups operations while no project is open', async () => {
    const { handlers } = await previewSession();
    expect(await dispatch(handlers, 'backUpNow', {})).toMatchObject({ ok: false, error: { code: 'no-project' } });
    expect(await dispatch(handlers, 'archiveProject', {})).toMatchObject({ ok: false, error: { code: 'no-project' } });
    expect(await dispatch(handlers, 'listBackups', {})).toEqual({ ok: true, value: { backups: [] } });
  });
});
