import { spawnSync } from 'node:child_process';
import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_SCHEMA_VERSION } from '../../shared/model/project-schema';
import { ProjectStore } from '../../electron/project/project-store';
import { ProjectSession } from '../../electron/services/project-session';
import { folderContents } from '../support/folder-contents';
import { tempFolder } from '../support/temp';
import { segmentsInFile } from '../support/project-file';
import type { SegmentRows } from '../../shared/model/segment-rows';

const FIXTURES = new URL('../fixtures/projects/', import.meta.url).pathname;
const CLI = new URL('../../dist/electron/cli.cjs', import.meta.url).pathname;
const NOW = new Date('2026-05-04T10:20:30Z');

/** A copy of a fixture project folder, to open and change. */
async function copyOf(fixture: string): Promise<string> {
  const folder = join(await tempFolder(), fixture);
  await cp(join(FIXTURES, fixture), folder, { recursive: true });
  return folder;
}

async function session(): Promise<ProjectSession> {
  return ProjectSession.start({ userData: await tempFolder(), bundledDocuments: null, backups: false, coder: 'ana', now: () => NOW });
}

describe('a project written by an older version', () => {
  it('opens through the session migrated: the old file kept beside it, its journal replayed, a notice', async () => {
    const folder = await copyOf('v1');
    const oldProject = await readFile(join(FIXTURES, 'v1/project.json'));
    const oldJournal = await readFile(join(FIXTURES, 'v1/project.journal'));
    const programs = await session();
    await programs.open(folder);
    const store = programs.requireStore();
    expect(store.name).toBe('Council minutes 2020');
    expect(store.description).toBe('');
    // The line of the old journal is there, beside the segment of the old file.
    expect(store.state.segments.map((s) => s.quote)).toEqual(['The council met at noon.', '«We will not leave»']);
    expect(store.state.documents[0].values).toEqual({ outlet: 'council' });
    expect(store.state.variables).toEqual([{ name: 'outlet', type: 'text', choices: [] }]);
    const { text } = await store.openDocument(store.documents[0].id);
    expect(text).toContain('März');

    const keptProject = 'project.v1-2026-05-04T10-20-30Z.json';
    const keptJournal = 'project.journal.v1-2026-05-04T10-20-30Z';
    expect(await readFile(join(folder, keptProject))).toEqual(oldProject);
    expect(await readFile(join(folder, keptJournal))).toEqual(oldJournal);
    const [notice] = store.notices;
    expect(notice).toContain('older version of Annotation Workbench (schema 1)');
    expect(notice).toContain("adds the project's description");
    expect(notice).toContain(join(folder, keptProject));

    // The project file is now of this version, with the journal folded in.
    const onDisk = JSON.parse(await readFile(join(folder, 'project.json'), 'utf8')) as { schemaVersion: number; description: string; segments: SegmentRows };
    expect(onDisk.schemaVersion).toBe(PROJECT_SCHEMA_VERSION);
    expect(onDisk.description).toBe('');
    expect(segmentsInFile(onDisk)).toHaveLength(2);
    expect(await readFile(join(folder, 'project.journal'), 'utf8')).toBe('');

    // Opened again, it is current: no second copy, no notice, the same state.
    await programs.close();
    await programs.open(folder);
    expect(programs.requireStore().notices).toEqual([]);
    expect(programs.requireStore().state.segments).toHaveLength(2);
    expect((await readdir(folder)).filter((name) => name.startsWith('project.v1-'))).toEqual([keptProject]);
    await programs.shutdown();
  });

  it('never writes over a copy kept before: a second migration at the same second gets a name of its own', async () => {
    const folder = await copyOf('v1');
    const earlier = await ProjectStore.open({ folder, bundledDocuments: null, existingOnly: true, now: () => NOW });
    await earlier.close();
    const kept = await readFile(join(folder, 'project.v1-2026-05-04T10-20-30Z.json'));
    await cp(join(FIXTURES, 'v1/project.json'), join(folder, 'project.json'));
    const again = await ProjectStore.open({ folder, bundledDocuments: null, existingOnly: true, now: () => NOW });
    expect(again.notices[0]).toContain('project.v1-2026-05-04T10-20-30Z-2.json');
    expect(await readFile(join(folder, 'project.v1-2026-05-04T10-20-30Z.json'))).toEqual(kept);
    await again.close();
  });
});

describe('the command line on a project of another version', () => {
  it('migrates an older one, says so on stderr, and runs the command', async () => {
    const folder = await copyOf('v1');
    const run = spawnSync('node', [CLI, 'list', '--project', folder]);
    expect(run.status, run.stderr.toString()).toBe(0);
    expect(run.stderr.toString()).toContain('older version of Annotation Workbench (schema 1)');
    expect(JSON.parse(run.stdout.toString())).toMatchObject([{ title: 'Stepanakert, 12 März 2020.' }]);
    expect((await readdir(folder)).filter((name) => name.startsWith('project.v1-'))).toHaveLength(1);
  });

  it('refuses a newer one (no readable project) and leaves it as it was', async () => {
    const folder = await copyOf('newer');
    const before = await folderContents(folder);
    const run = spawnSync('node', [CLI, 'list', '--project', folder]);
    expect(run.status).toBe(2);
    expect(run.stderr.toString()).toContain('written by a newer version of Annotation Workbench (schema 6; this version reads 5)');
    expect(await folderContents(folder)).toEqual(before);
  });
});

describe('a project written by a newer version', () => {
  it('is refused with the versions and what to do, and every file is left as it was', async () => {
    const folder = await copyOf('newer');
    const before = await folderContents(folder);
    const programs = await session();
    const opening = programs.open(folder);
    await expect(opening).rejects.toMatchObject({ code: 'project-unreadable' });
    await expect(opening).rejects.toThrow(
      /written by a newer version of Annotation Workbench \(schema 6; this version reads 5\)\. Open it with that version, or/,
    );
    expect(programs.store).toBeNull();
    expect(await folderContents(folder)).toEqual(before);
  });

  it('is refused where a missing project would be made (a folder given at start), and left as it was', async () => {
    const folder = await copyOf('newer');
    const before = await folderContents(folder);
    const programs = await session();
    await expect(programs.openGiven(folder)).rejects.toThrow(/newer version/);
    expect(await folderContents(folder)).toEqual(before);
  });

  it('leaves the project open before it open', async () => {
    const programs = await session();
    const current = await copyOf('v1');
    await programs.open(current);
    await expect(programs.open(await copyOf('newer'))).rejects.toThrow(/newer version/);
    expect(programs.requireStore().folder).toBe(current);
    expect(programs.requireStore().state.segments).toHaveLength(2);
    await programs.shutdown();
  });
});
