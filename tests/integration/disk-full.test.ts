/**
 * A full disk, for real: the project lives on a small file system of its own (a tmpfs mounted for
 * the test, which needs root, as `npm test` has on Debian), filled to the last byte, then freed.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../electron/handlers/handlers';
import { openProject, segmentInput } from '../support/project';
import { segmentsInFile } from '../support/project-file';
import { fill, onSmallDisk } from '../support/small-disk';

describe('a full disk', () => {
  it('reports the failed save, keeps the change in memory and the old file intact, and saves once there is room', async () => {
    await onSmallDisk(async (disk) => {
      const { store, handlers } = await openProject(join(disk, 'project'));
      const document = store.overview().documents[1];
      const { text } = await store.openDocument(document.id);
      const before = await readFile(store.file, 'utf8');
      const filler = await fill(disk);

      const input = segmentInput(document.id, text, 'Azerbaijan');
      const result = await dispatch(handlers, 'addSegment', input);
      expect(result).toEqual({ ok: false, error: { code: 'save-failed', message: expect.stringMatching(/disk is full/) } });
      if (!result.ok) expect(result.error.message).toContain(store.file);
      expect(await readFile(store.file, 'utf8')).toBe(before);
      expect(store.unsaved).toBe(true);
      expect(store.overview().notices.join('\n')).toMatch(/Could not save .*disk is full/);
      // Nothing is lost: the segment is still there, and once there is room the next save writes it.
      expect((await store.openDocument(document.id)).segments.map((s) => s.id)).toEqual([input.id]);
      // Saving the whole project fails too while the disk is full; the old project file stays as it was.
      await expect(store.retrySave()).rejects.toThrow(/disk is full/);
      expect(await readFile(store.file, 'utf8')).toBe(before);
      expect(store.unsaved).toBe(true);
      await rm(filler);
      await store.retrySave();
      expect(store.unsaved).toBe(false);
      const saved = JSON.parse(await readFile(store.file, 'utf8'));
      expect(segmentsInFile(saved).map((s) => s.id)).toEqual([input.id]);
      await store.close();
    });
  });

  it('turns a failed export write into a clear message and leaves no partial file', async () => {
    const { store } = await openProject();
    await onSmallDisk(async (disk) => {
      const folder = join(disk, 'exports');
      execFileSync('mkdir', [folder]);
      const filler = await fill(disk);
      const target = join(folder, 'coded-segments.csv');
      const failing = createHandlers({ store, chooseSavePath: async () => target });
      const result = await dispatch(failing, 'exportCsv', { flavour: 'standard' });
      expect(result).toEqual({
        ok: false,
        error: { code: 'save-failed', message: `Could not write ${target}: the disk is full.` },
      });
      expect(await readdir(folder)).toEqual([]);
      await rm(filler);
    });
    await store.close();
  });
});
