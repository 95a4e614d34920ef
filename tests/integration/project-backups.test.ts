/**
 * Backups of an open project on real files: every kind restored and compared with the project as
 * it was, the rolling set under a fake clock, the timer of work-time backups, ids that are never
 * paths, and a backup that fails on a full disk without disturbing coding.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { strToU8 } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import type { ProjectStore } from '../../electron/project/project-store';
import { ProjectBackups } from '../../electron/services/project-backups';
import { ProjectSession } from '../../electron/services/project-session';
import type { BackupSummary } from '../../shared/ipc/projects';
import type { ProjectFile } from '../../shared/model/project-schema';
import { tampered, textsIn } from '../support/archives';
import { openProject, segmentInput } from '../support/project';
import { fill, onSmallDisk } from '../support/small-disk';
import { BUNDLED_DOCUMENTS, tempFolder } from '../support/temp';

type Kind = BackupSummary['kind'];

/** Codes ten characters of the first document, at the `n`-th place, so that each call is a change of its own. */
async function codeSomething(session: { requireStore(): ProjectStore }, n: number): Promise<void> {
  const store = session.requireStore();
  const document = store.documents[0]!;
  const text = await store.text(document.id);
  await store.addSegment(segmentInput(document.id, text, text.slice(n * 20, n * 20 + 10)));
}

/** Runs the child that starts a project's backups and leaves them running; its exit. */
async function backupsLeftRunning() {
  const child = join(await tempFolder(), 'backups-left-running.cjs');
  await build({ entryPoints: [new URL('./children/backups-left-running.ts', import.meta.url).pathname], bundle: true, platform: 'node', format: 'cjs', outfile: child, logLevel: 'silent' });
  return spawnSync(process.execPath, [child, join(await tempFolder(), 'project'), BUNDLED_DOCUMENTS], { timeout: 30_000 });
}

describe('backups', () => {
  it('restores every kind of backup (open, interval, daily, manual, before-restore), each equal to the project when it was made', async () => {
    let at = new Date(2026, 10, 2, 9, 0);
    const clock = () => new Date(at);
    const session = await ProjectSession.start({ userData: await tempFolder(), bundledDocuments: BUNDLED_DOCUMENTS, coder: 'ana', now: clock, backups: { intervalMs: 3_600_000 } });
    await session.openGiven(join(await tempFolder(), 'study'));
    const snapshot = async () => ({ project: structuredClone(session.requireStore().state) as ProjectFile, texts: await textsIn(session.requireStore().folder) });
    const states = {} as Record<Kind, Awaited<ReturnType<typeof snapshot>>>;
    const ids = {} as Record<Kind, string>;

    states.open = await snapshot();
    ids.open = (await session.backups!.list())[0]!.id;

    at = new Date(2026, 10, 2, 9, 10);
    await codeSomething(session, 0);
    const interval = await session.backups!.backUpIfChanged();
    expect(interval?.kind).toBe('interval');
    expect(await session.backups!.backUpIfChanged()).toBeNull();
    states.interval = await snapshot();
    ids.interval = interval!.id;

    // Work past midnight: the first backup of the new day is the day's.
    at = new Date(2026, 10, 3, 0, 5);
    await session.requireStore().importDocument('night.txt', strToU8('Written after midnight.'));
    const daily = await session.backups!.backUpIfChanged();
    expect(daily?.kind).toBe('daily');
    states.daily = await snapshot();
    ids.daily = daily!.id;

    at = new Date(2026, 10, 3, 0, 20);
    await codeSomething(session, 1);
    await session.requireStore().setDetails('Study of the war', 'Two sides, five texts.');
    const manual = await session.backups!.take('manual');
    states.manual = await snapshot();
    ids.manual = manual.id;

    at = new Date(2026, 10, 3, 0, 30);
    await codeSomething(session, 2);
    await session.requireStore().undo();
    states['before-restore'] = await snapshot();

    at = new Date(2026, 10, 3, 0, 40);
    await session.restoreBackup(ids.open);
    expect(session.requireStore().state).toEqual(states.open.project);
    ids['before-restore'] = (await session.backups!.list()).find((backup) => backup.kind === 'before-restore')!.id;

    for (const kind of ['interval', 'daily', 'manual', 'before-restore'] as const) {
      at = new Date(at.getTime() + 60_000);
      await session.restoreBackup(ids[kind]);
      const now = await snapshot();
      expect(now.project, kind).toEqual(states[kind].project);
      // Its texts are there, byte for byte (texts added later stay beside them).
      expect(now.texts, kind).toMatchObject(states[kind].texts);
    }
    expect(session.requireStore().name).toBe('Study of the war');
    expect(session.requireStore().state.segments).toHaveLength(2);
    await session.shutdown();
  });

  it('keeps the 10 newest and the newest of each of the last 30 days, never removing the one just made', async () => {
    const { store } = await openProject();
    let at = new Date(2026, 0, 1);
    const backups = new ProjectBackups(store, { now: () => new Date(at) });
    const id = (date: Date) => `${date.toISOString().replace(/:/g, '-')}-manual`;
    const made: Date[] = [];
    for (let day = 0; day < 40; day++) {
      for (const hour of [9, 17]) {
        at = new Date(2026, 0, 1 + day, hour);
        made.push(at);
        await backups.take('manual');
      }
    }
    const lastDay = new Date(2026, 0, 40);
    const expected = made.filter((date) => {
      const daysAgo = Math.round((new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime() - lastDay.getTime()) / -86_400_000);
      return (daysAgo < 30 && date.getHours() === 17) || daysAgo < 5;
    });
    expect(expected).toHaveLength(35);
    const listed = await backups.list();
    expect(listed.map((backup) => backup.id)).toEqual(expected.reverse().map(id));
    expect(await readdir(backups.folder)).toHaveLength(35);

    // One made with a clock set far back is kept while it is the newest made, and goes with the next.
    at = new Date(2025, 5, 1, 12);
    const old = await backups.take('manual');
    expect((await backups.list()).map((backup) => backup.id)).toContain(old.id);
    at = new Date(2026, 1, 9, 18);
    await backups.take('manual');
    expect((await backups.list()).map((backup) => backup.id)).not.toContain(old.id);
    await store.close();
  });

  it('lists each backup with its date, size and counts, newest first, and gives files only for the ids it lists', async () => {
    const { store } = await openProject();
    const document = store.documents[0]!;
    await store.addSegment(segmentInput(document.id, await store.text(document.id), (await store.text(document.id)).slice(0, 8)));
    let at = new Date('2026-11-30T08:00:00.000Z');
    const backups = new ProjectBackups(store, { now: () => at });
    await backups.take('manual');
    at = new Date('2026-11-30T08:00:00.000Z');
    await backups.take('manual');
    const listed = await backups.list();
    expect(listed).toHaveLength(2);
    expect(listed[0]).toEqual({
      id: '2026-11-30T08-00-00.000Z-manual-2',
      kind: 'manual',
      createdAt: '2026-11-30T08:00:00.000Z',
      bytes: (await stat(backups.fileOf(listed[0]!.id))).size,
      documents: 5,
      segments: 1,
    });
    expect(listed[1]!.id).toBe('2026-11-30T08-00-00.000Z-manual');
    expect(backups.fileOf(listed[1]!.id)).toBe(join(store.folder, 'backups', '2026-11-30T08-00-00.000Z-manual.awbproj'));
    for (const id of ['../project', '/etc/passwd', `${listed[1]!.id}.awbproj`, '2026-11-30T08-00-00.000Z-manual/../../project', '2026-11-30T09-00-00.000Z-manual', '']) {
      expect(() => backups.fileOf(id), id).toThrow(/There is no backup “.*” of this project/);
    }
    await store.close();
  });

  it('runs its timer without keeping the program alive', async () => {
    const run = await backupsLeftRunning();
    expect(run.stderr.toString()).toBe('');
    expect(run.stdout.toString()).toBe('started\n');
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
  });

  it('makes one after minutes of work only when something changed, and stops on close', async () => {
    const { store } = await openProject();
    const backups = new ProjectBackups(store, { intervalMs: 20 });
    await backups.start();
    expect((await backups.list()).map((backup) => backup.kind)).toEqual(['open']);
    const session = { requireStore: () => store };
    await codeSomething(session, 0);
    await vi.waitFor(async () => expect((await backups.list()).map((backup) => backup.kind)).toEqual(['interval', 'open']), { timeout: 10_000, interval: 50 });
    await backups.stop();
    await codeSomething(session, 1);
    // Many intervals' time: nothing more is made once stopped.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await backups.list()).toHaveLength(2);
    await store.close();
  });

  it('tells in the notices when a backup fails on a full disk, never disturbing coding, and tries again', async () => {
    await onSmallDisk(async (disk) => {
      const { store, handlers } = await openProject(join(disk, 'project'));
      // A text that hardly packs, so that a backup needs far more room than a coding step.
      let state = 7;
      const letters = Array.from({ length: 200_000 }, () => String.fromCharCode(0x61 + ((state = (state * 1103515245 + 12345) & 0x7fffffff) >> 16) % 26)).join('');
      await store.importDocument('long.txt', strToU8(letters));
      const backups = new ProjectBackups(store);
      await backups.start();
      const filler = await fill(disk);
      await truncate(filler, (await stat(filler)).size - 32 * 1024);
      const session = { requireStore: () => store };
      await codeSomething(session, 0);

      expect(await backups.backUpIfChanged()).toBeNull();
      expect(store.overview().notices.join('\n')).toMatch(/The backup of the project could not be made in .*backups: .*the disk is full.*Your work is saved as usual/);
      await expect(backups.take('manual')).rejects.toThrow(/the disk is full/);
      // Coding goes on, saved as usual.
      const document = store.documents[1]!;
      const result = await dispatch(handlers, 'addSegment', segmentInput(document.id, await store.text(document.id), (await store.text(document.id)).slice(0, 9)));
      expect(result.ok).toBe(true);
      expect(store.unsaved).toBe(false);
      expect((await readdir(backups.folder)).filter((name) => !name.endsWith('-open.awbproj'))).toEqual([]);

      await rm(filler);
      expect((await backups.backUpIfChanged())?.kind).toBe('interval');
      expect(store.overview().notices.join('\n')).not.toMatch(/backup/);
      await backups.stop();
      await store.close();
    });
  });
});

describe('restoring a backup', () => {
  /** A session on a new project whose clock moves a minute each time a backup or change is made. */
  async function studyWithBackups() {
    let at = new Date(2026, 10, 2, 9, 0);
    const clock = () => new Date(at);
    const session = await ProjectSession.start({ userData: await tempFolder(), bundledDocuments: BUNDLED_DOCUMENTS, coder: 'ana', now: clock, backups: { intervalMs: 3_600_000 } });
    await session.openGiven(join(await tempFolder(), 'study'));
    return { session, later: () => (at = new Date(at.getTime() + 60_000)) };
  }

  it('restores the oldest of ten backups made today (the backup before the restore prunes everything but it)', async () => {
    const { session, later } = await studyWithBackups();
    const oldest = (await session.backups!.list())[0]!;
    const stateThen = structuredClone(session.requireStore().state);
    for (let n = 0; n < 9; n++) {
      later();
      await codeSomething(session, n);
      await session.backups!.take('manual');
    }
    expect((await session.backups!.list()).map((backup) => backup.id)).toHaveLength(10);
    later();
    await session.restoreBackup(oldest.id);
    expect(session.requireStore().state.segments).toEqual(stateThen.segments);
    expect(session.requireStore().state.segments).toHaveLength(0);
    const ids = (await session.backups!.list()).map((backup) => backup.id);
    expect(ids).toContain(oldest.id);
    expect(ids[0]).toMatch(/before-restore$/);
    await session.shutdown();
  });

  it('refuses a tampered backup before anything else: the project stays open, unchanged, with no backup made', async () => {
    const { session, later } = await studyWithBackups();
    later();
    await codeSomething(session, 0);
    const made = await session.backups!.take('manual');
    const file = session.backups!.fileOf(made.id);
    // One byte of the project file changed, its manifest left as it was.
    await writeFile(
      file,
      tampered(await readFile(file), (parts) => {
        const project = parts['project.json']!;
        project[project.indexOf(strToU8('"ana"')[1]!)] = 'A'.charCodeAt(0);
      }),
    );
    later();
    await codeSomething(session, 1);
    const store = session.requireStore();
    const before = structuredClone(store.state);
    const listedBefore = (await session.backups!.list()).map((backup) => backup.id);
    await expect(session.restoreBackup(made.id)).rejects.toMatchObject({ code: 'project-unreadable', message: expect.stringMatching(/SHA-256 of “project\.json” does not match/) });
    expect(session.store).toBe(store);
    expect(store.state).toEqual(before);
    expect((await session.backups!.list()).map((backup) => backup.id)).toEqual(listedBefore);
    // Still open for work: the next change is saved as usual.
    later();
    await codeSomething(session, 2);
    expect(store.state.segments).toHaveLength(3);
    await session.shutdown();
  });
});

describe('a restore that fails while replacing', () => {
  it('opens the project again as it was, and tells the page the project changed', async () => {
    const session = await ProjectSession.start({ userData: await tempFolder(), bundledDocuments: BUNDLED_DOCUMENTS, coder: 'ana', backups: { intervalMs: 3_600_000 } });
    await session.openGiven(join(await tempFolder(), 'study'));
    const store = session.requireStore();
    await store.importDocument('late.txt', strToU8('Added, backed up, then undone.'));
    const late = store.documents.find((document) => document.title.startsWith('Added'))!;
    const backup = await session.backups!.take('manual');
    await store.undo();
    await codeSomething(session, 0);
    const before = structuredClone(store.state);
    // A folder where the backup has a text the project no longer uses: writing it fails, once the project is closed.
    const text = join(store.folder, 'documents', late.file);
    await rm(text);
    await mkdir(text);
    let changes = 0;
    session.onChange(() => (changes += 1));
    await expect(session.restoreBackup(backup.id)).rejects.toMatchObject({ code: 'save-failed' });
    expect(session.store).not.toBeNull();
    expect(session.store).not.toBe(store);
    expect(session.requireStore().state.segments).toEqual(before.segments);
    expect(changes).toBeGreaterThan(0);
    await session.shutdown();
  });
});
