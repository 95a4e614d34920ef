/**
 * Links planted in folders that sync programs fill (a shared folder carried by git or Syncthing,
 * an exports folder, the project folder itself): no write ever lands in the file a link leads
 * to, and a pipe under a coder file's name is refused instead of hanging a sync.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../electron/handlers/handlers';
import { saveIntoFolder } from '../../electron/services/export-folder';
import { ProjectStore } from '../../electron/project/project-store';
import { chooseSharedFolder, openProject, segmentInput } from '../support/project';
import { BUNDLED_DOCUMENTS, tempFolder } from '../support/temp';
import { value } from '../support/builders';
import { segmentsInFile } from '../support/project-file';

/** The value of a call that must succeed. */

type Synced = { report: string[] };

/** A file of the researcher's outside the project, which no write of the app may touch. */
async function victim(): Promise<string> {
  const path = join(await tempFolder(), 'thesis.txt');
  await writeFile(path, 'three years of work');
  return path;
}

/** A project with one coded segment, through its handlers. */
async function codedProject() {
  const project = await openProject();
  const document = project.store.overview().documents[4];
  const { text } = await project.store.openDocument(document.id);
  await project.store.addSegment(segmentInput(document.id, text, 'Anarchist Voices'));
  return project;
}

describe('symbolic links planted under the names the app writes', () => {
  it('never writes a coder file through a link in the shared folder', async () => {
    const project = await codedProject();
    const { store, handlers } = project;
    const shared = await tempFolder();
    const outside = await victim();
    const missing = join(await tempFolder(), 'would-be-created.txt');
    // Under the name of the temporary file the app used to write, and under the coder file's own name.
    await symlink(outside, join(shared, '.ana.coder.json.tmp'));
    await symlink(missing, join(shared, 'ana.coder.json'));
    await chooseSharedFolder(project, shared);
    const result = value<Synced>(await dispatch(handlers, 'syncSharedFolder', {}));
    expect(result.report[0]).toMatch(/^ana\.coder\.json is there but could not be read \(.*is a symbolic link.*\): your file was not written\.$/);
    expect(await readFile(outside, 'utf8')).toBe('three years of work');
    expect(existsSync(missing)).toBe(false);
    expect(await readlink(join(shared, 'ana.coder.json'))).toBe(missing);

    // Without the link under its name, the file is written as a file of its own; the other link stays untouched.
    await rm(join(shared, 'ana.coder.json'));
    const again = value<Synced>(await dispatch(handlers, 'syncSharedFolder', {}));
    expect(again.report[0]).toBe('Wrote your file ana.coder.json (1 segment).');
    expect((await lstat(join(shared, 'ana.coder.json'))).isFile()).toBe(true);
    expect(await readFile(outside, 'utf8')).toBe('three years of work');
    await store.close();
  });

  it('never writes an export through a link in the exports folder', async () => {
    const { store, handlers, exportsFolder } = await codedProject();
    const outside = await victim();
    execFileSync('mkdir', ['-p', exportsFolder]);
    await symlink(outside, join(exportsFolder, '.coded.csv.tmp'));
    await symlink(outside, join(exportsFolder, 'coded.csv'));
    // A target that is a link is refused, with the reason, and the file it leads to stays as it was.
    const direct = createHandlers({ store, chooseSavePath: async () => join(exportsFolder, 'coded.csv') });
    const refused = await dispatch(direct, 'exportCsv', { flavour: 'standard' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'save-failed', message: expect.stringMatching(/^Could not write .*coded\.csv: .*coded\.csv is a symbolic link, which is never followed/) },
    });
    expect(await readFile(outside, 'utf8')).toBe('three years of work');
    // The preview's exports folder counts a link (even one leading nowhere) as a taken name.
    await symlink(join(exportsFolder, 'nowhere'), join(exportsFolder, 'segments.csv'));
    expect(await saveIntoFolder(exportsFolder)('segments.csv', { name: 'CSV', extensions: ['csv'] })).toBe(join(exportsFolder, 'segments-2.csv'));
    // And an export into the folder lands in a file of its own.
    const exported = value<{ path: string }>(await dispatch(handlers, 'exportCsv', { flavour: 'standard' }));
    expect((await lstat(exported.path)).isFile()).toBe(true);
    expect(await readFile(outside, 'utf8')).toBe('three years of work');
    await store.close();
  });

  it('never writes the project file or the journal through a link', async () => {
    const outside = await victim();
    const { store, folder } = await codedProject();
    await symlink(outside, join(folder, '.project.json.tmp'));
    await store.close(); // a full save of the project file
    expect(await readFile(outside, 'utf8')).toBe('three years of work');
    expect((await lstat(join(folder, 'project.json'))).isFile()).toBe(true);

    const reopened = await ProjectStore.open({ folder, bundledDocuments: BUNDLED_DOCUMENTS });
    const journal = join(folder, 'project.journal');
    await rm(journal);
    await symlink(outside, journal);
    const document = reopened.overview().documents[4];
    const { text } = await reopened.openDocument(document.id);
    await expect(reopened.addSegment(segmentInput(document.id, text, 'Nagorno-Karabakh'))).rejects.toMatchObject({
      code: 'save-failed',
      message: expect.stringMatching(/project\.journal is a symbolic link, which is never followed/),
    });
    expect(await readFile(outside, 'utf8')).toBe('three years of work');
    // The change is kept in memory; once the link is gone it is saved.
    await rm(journal);
    await reopened.retrySave();
    expect(reopened.unsaved).toBe(false);
    await reopened.close();
    const saved = JSON.parse(await readFile(join(folder, 'project.json'), 'utf8'));
    expect(segmentsInFile(saved).map((s) => s.quote).sort()).toEqual(['Anarchist Voices', 'Nagorno-Karabakh']);
    expect(await readFile(outside, 'utf8')).toBe('three years of work');
  });
});

describe('a pipe in the shared folder', () => {
  it('is reported and skipped, and the sync finishes', { timeout: 30_000 }, async () => {
    const project = await codedProject();
    const { store, handlers } = project;
    const shared = await tempFolder();
    // A FIFO: reading it the ordinary way waits for a writer that never comes.
    execFileSync('mkfifo', [join(shared, 'carl.coder.json')]);
    await chooseSharedFolder(project, shared);
    const result = value<Synced>(await dispatch(handlers, 'syncSharedFolder', {}));
    expect(result.report).toContain('carl.coder.json could not be read: it is not a regular file (a pipe, a device or a folder); nothing was merged from it.');
    expect(result.report[0]).toBe('Wrote your file ana.coder.json (1 segment).');
    await store.close();
  });
});
