import { existsSync } from 'node:fs';
import { readdir, readFile, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../electron/services/handlers';
import { openProject, segmentInput } from '../support/project';
import { tempFolder } from '../support/temp';

describe('a full disk', () => {
  it('reports the failed save, keeps the change in memory and the old file intact, and saves once there is room', async () => {
    // /dev/full answers every write with ENOSPC: the real error a full disk gives.
    expect(existsSync('/dev/full')).toBe(true);
    const { store, handlers, folder } = await openProject();
    const document = store.overview().documents[1];
    const { text } = await store.openDocument(document.id);
    const before = await readFile(store.file, 'utf8');
    // Changes are appended to the journal: make it lead to /dev/full.
    const journal = join(folder, 'project.journal');
    await rm(journal);
    await symlink('/dev/full', journal);

    const input = segmentInput(document.id, text, 'Azerbaijan');
    const result = await dispatch(handlers, 'addSegment', input);
    expect(result).toEqual({ ok: false, error: { code: 'save-failed', message: expect.stringMatching(/disk is full/) } });
    if (!result.ok) expect(result.error.message).toContain(store.file);
    expect(await readFile(store.file, 'utf8')).toBe(before);
    expect(store.unsaved).toBe(true);
    expect(store.overview().notices.join('\n')).toMatch(/Could not save .*disk is full/);
    // Nothing is lost: the segment is still there, and once there is room the next save writes it.
    expect((await store.openDocument(document.id)).segments.map((s) => s.id)).toEqual([input.id]);
    await rm(journal);
    // Saving the whole project fails too while its temporary file leads to /dev/full; the old
    // project file stays as it was.
    await symlink('/dev/full', join(folder, '.project.json.tmp'));
    await expect(store.retrySave()).rejects.toThrow(/disk is full/);
    expect(await readFile(store.file, 'utf8')).toBe(before);
    expect(store.unsaved).toBe(true);
    await store.retrySave();
    expect(store.unsaved).toBe(false);
    const saved = JSON.parse(await readFile(store.file, 'utf8'));
    expect(saved.segments.map((s: { id: string }) => s.id)).toEqual([input.id]);
    await store.close();
  });

  it('turns a failed export write into a clear message and leaves no partial file', async () => {
    const { store } = await openProject();
    const folder = await tempFolder();
    const target = join(folder, 'coded-segments.csv');
    await symlink('/dev/full', join(folder, '.coded-segments.csv.tmp'));
    const failing = createHandlers({ store, chooseSavePath: async () => target });
    const result = await dispatch(failing, 'exportCsv', { flavour: 'standard' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'save-failed', message: `Could not write ${target}: the disk is full.` },
    });
    expect(await readdir(folder)).toEqual([]);
    await store.close();
  });
});
