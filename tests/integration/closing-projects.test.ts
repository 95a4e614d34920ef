/**
 * Closing a project is final, and never loses a change: a project whose changes could not be saved
 * yet stays open (closing, opening or making another is refused, and the other is closed again),
 * a closed store refuses every change with 'no-project', and nothing is written into a folder
 * once its project is closed (a failed final save leaves no retry behind). Real files throughout;
 * the full disk is a small file system of its own (see tests/support/small-disk.ts).
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ProjectStore } from '../../electron/project/project-store';
import { ProjectSession } from '../../electron/services/project-session';
import { segmentInput } from '../support/project';
import { fill, onSmallDisk } from '../support/small-disk';
import { BUNDLED_DOCUMENTS, tempFolder } from '../support/temp';
import { segmentsInFile } from '../support/project-file';

async function session(): Promise<ProjectSession> {
  return ProjectSession.start({ userData: await tempFolder(), bundledDocuments: BUNDLED_DOCUMENTS, backups: false, coder: 'ana', retryDelayMs: 20 });
}

/** Codes a passage of the project's second document; resolves with the failure, if any. */
async function codeSomething(store: ProjectStore): Promise<unknown> {
  const document = store.documents[1]!;
  const { text } = await store.openDocument(document.id);
  return store.addSegment(segmentInput(document.id, text, 'Azerbaijan')).then(
    () => null,
    (error: unknown) => error,
  );
}

describe('a project with changes not saved yet', () => {
  it('stays open: closing, opening another and making a new one are refused, and the other project is closed again', async () => {
    await onSmallDisk(async (disk) => {
      const programs = await session();
      await programs.openGiven(join(disk, 'study'));
      const store = programs.store!;
      const other = join(await tempFolder(), 'other');
      await (await ProjectStore.open({ folder: other, bundledDocuments: BUNDLED_DOCUMENTS, coder: 'ana' })).close();
      const filler = await fill(disk);
      expect(await codeSomething(store)).toMatchObject({ code: 'save-failed' });
      expect(store.unsaved).toBe(true);

      const refusal = /could not be saved yet, so it stays open/;
      await expect(programs.close()).rejects.toMatchObject({ code: 'save-failed', message: expect.stringMatching(refusal) });
      await expect(programs.open(other)).rejects.toMatchObject({ code: 'save-failed', message: expect.stringMatching(refusal) });
      await expect(programs.create(join(await tempFolder(), 'new'), { name: 'New', description: '', withSample: false })).rejects.toMatchObject({ code: 'save-failed' });
      expect(programs.store).toBe(store);
      expect((await programs.state()).project?.folder).toBe(join(disk, 'study'));
      // The other project's lock was given back: another program opens it.
      await (await ProjectStore.open({ folder: other, bundledDocuments: null, existingOnly: true })).close();
      // The change is still there, and is saved once there is room; then the project closes.
      expect(store.state.segments).toHaveLength(1);
      await rm(filler);
      await programs.close();
      expect(programs.store).toBeNull();
      expect(segmentsInFile(JSON.parse(await readFile(join(disk, 'study', 'project.json'), 'utf8')))).toHaveLength(1);
    });
  });
});

describe('a closed project', () => {
  it('refuses every change with no-project', async () => {
    const store = await ProjectStore.open({ folder: join(await tempFolder(), 'study'), bundledDocuments: BUNDLED_DOCUMENTS, coder: 'ana' });
    const document = store.documents[1]!;
    const { text } = await store.openDocument(document.id);
    await store.close();
    const refused = { code: 'no-project' };
    await expect(store.addSegment(segmentInput(document.id, text, 'Azerbaijan'))).rejects.toMatchObject(refused);
    await expect(store.setCoder('bea')).rejects.toMatchObject(refused);
    await expect(store.setBlind(true)).rejects.toMatchObject(refused);
    await expect(store.setDetails('Renamed', '')).rejects.toMatchObject(refused);
    await expect(store.undo()).rejects.toMatchObject(refused);
    await expect(store.retrySave()).rejects.toMatchObject(refused);
    expect(store.coder).toBe('ana');
    expect(store.state.segments).toHaveLength(0);
  });

  it('is never written again, even when its last save failed (the program ending with changes not saved)', async () => {
    await onSmallDisk(async (disk) => {
      const programs = await session();
      const folder = join(disk, 'study');
      await programs.openGiven(folder);
      const filler = await fill(disk);
      expect(await codeSomething(programs.store!)).toMatchObject({ code: 'save-failed' });
      const before = await readFile(join(folder, 'project.json'), 'utf8');
      // The researcher chose to quit and lose the change: the project closes with its save failed.
      await programs.shutdown();
      await rm(filler);
      // A retry left behind would write the project file within a few of its 20 ms rounds.
      await delay(300);
      expect(await readFile(join(folder, 'project.json'), 'utf8')).toBe(before);
    });
  });
});

describe('a new project whose details cannot be set', () => {
  it('is closed again (its lock given back), and the project open before stays open', async () => {
    const programs = await session();
    const root = await tempFolder();
    await programs.create(join(root, 'press'), { name: 'Press', description: '', withSample: false });
    const before = programs.store;
    // A name of spaces alone is refused by setDetails, which a description makes create call.
    await expect(programs.create(join(root, 'blank'), { name: '   ', description: 'Interviews.', withSample: false })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(programs.store).toBe(before);
    expect(await readdir(join(root, 'blank'))).not.toContain('project.lock');
    await programs.shutdown();
  });
});

describe('changes of project one at a time', () => {
  it('the session’s state waits for a change under way, and details are set in turn with it', async () => {
    const programs = await session();
    const root = await tempFolder();
    await programs.create(join(root, 'press'), { name: 'Press', description: '', withSample: false });
    await programs.create(join(root, 'interviews'), { name: 'Interviews', description: '', withSample: false });
    const opening = programs.open(join(root, 'press'));
    expect((await programs.state()).project?.name).toBe('Press');
    await opening;
    const closing = programs.close();
    // Asked while the project closes: there is none to rename by the time it is its turn.
    await expect(programs.setDetails('Press 2020', '')).rejects.toMatchObject({ code: 'no-project' });
    await closing;
    expect(JSON.parse(await readFile(join(root, 'press', 'project.json'), 'utf8')).name).toBe('Press');
  });
});
