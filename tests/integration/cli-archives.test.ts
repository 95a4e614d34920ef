/**
 * Archives and backups on the command line, run as a real process (the built CLI): archive and
 * restore, backup and its list, an archive given as --project to the commands that read (a checked
 * copy, removed afterwards) and refused for those that write.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { projectOnDisk, richProject, tampered } from '../support/archives';
import { segmentInput } from '../support/project';
import { tempFolder } from '../support/temp';

const CLI = new URL('../../dist/electron/cli.cjs', import.meta.url).pathname;

/** Runs the CLI with its own temporary folder (TMPDIR); its exit, output (JSON when it parses) and that folder. */
async function cli(...args: string[]) {
  const tmp = await tempFolder('workbench-cli-tmp-');
  const run = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, TMPDIR: tmp }, timeout: 60_000 });
  const stdout = run.stdout.toString();
  let json: unknown = null;
  try {
    json = JSON.parse(stdout);
  } catch {
    json = null;
  }
  return { status: run.status, stdout, stderr: run.stderr.toString(), json, tmp, leftInTmp: await readdir(tmp) };
}

/** A rich project (closed; a second coder, bea, has coded one passage as ana did) and its archive written by the command line. */
async function archivedWithCli() {
  const { store, folder, handlers } = await richProject();
  await dispatch(handlers, 'setCoder', { name: 'bea' });
  const document = store.documents[3]!;
  await store.addSegment(segmentInput(document.id, await store.text(document.id), 'Anarchist Voices'));
  await dispatch(handlers, 'setCoder', { name: 'ana' });
  await store.close();
  const file = join(await tempFolder(), 'study.awbproj');
  const run = await cli('archive', '--project', folder, '--out', file);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return { folder, file, run };
}

describe('archives and backups on the command line', () => {
  it('archives a project and restores it into a new folder, equal to the original', async () => {
    const { folder, file, run } = await archivedWithCli();
    expect(run.json).toEqual({ archive: file, bytes: (await readFile(file)).length, documents: 5, segments: 4 });
    const target = join(await tempFolder(), 'restored', 'study');
    const restored = await cli('restore', file, '--into', target);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.json).toEqual({ project: target, name: 'Default project', documents: 5, segments: 4 });
    expect(await projectOnDisk(target)).toEqual(await projectOnDisk(folder));
  });

  it('refuses to restore into a folder that is not empty, a tampered archive, and a missing one, each with its exit code', async () => {
    const { file, folder } = await archivedWithCli();
    const notEmpty = await cli('restore', file, '--into', folder);
    expect(notEmpty.status).toBe(1);
    expect(notEmpty.stderr).toMatch(/is not empty; an archive is restored only into a new folder/);

    const bad = join(await tempFolder(), 'bad.awbproj');
    await writeFile(bad, tampered(await readFile(file), (parts) => void (parts['../escaped.txt'] = strToU8('x'))));
    const parent = await tempFolder();
    const refused = await cli('restore', bad, '--into', join(parent, 'study'));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/bad\.awbproj was refused: its part “\.\.\/escaped\.txt” has a name that could lead outside the project folder/);
    expect(await readdir(parent)).toEqual([]);

    const missing = await cli('restore', join(parent, 'nowhere.awbproj'), '--into', join(parent, 'study'));
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/Could not read .*nowhere\.awbproj/);

    expect((await cli('restore', file)).status).toBe(1);
    expect((await cli('archive', '--project', folder, '--out', join(parent, 'study.zip'))).stderr).toMatch(/a file name ending in \.awbproj/);
  });

  it('makes a backup in the project folder, and lists the backups', async () => {
    const { store, folder } = await richProject();
    await store.close();
    const first = await cli('backup', '--project', folder);
    expect(first.status).toBe(0);
    expect(first.json).toMatchObject({ kind: 'manual', documents: 5, segments: 3 });
    const made = first.json as { id: string; file: string };
    expect(made.file).toBe(join(folder, 'backups', `${made.id}.awbproj`));
    expect(existsSync(made.file)).toBe(true);
    await cli('backup', '--project', folder);
    const listed = await cli('backup', '--list', '--project', folder);
    const backups = listed.json as Array<{ id: string; kind: string }>;
    expect(backups).toHaveLength(2);
    expect(backups[1]!.id).toBe(made.id);
    // The backup is an archive like any other: restore takes it.
    const target = join(await tempFolder(), 'from-backup');
    expect((await cli('restore', made.file, '--into', target)).status).toBe(0);
    expect((await projectOnDisk(target)).project).toEqual((await projectOnDisk(folder)).project);
  });

  it('reads an archive given as --project for list, stats, export and agreement, as it reads the folder, leaving no copy behind', async () => {
    const { folder, file } = await archivedWithCli();
    const out = await tempFolder();
    for (const args of [['list'], ['stats'], ['agreement'], ['export', '--format', 'csv', '--out']]) {
      const fromFolder = await cli(...args, ...(args[0] === 'export' ? [join(out, 'folder.csv')] : []), '--project', folder);
      const fromArchive = await cli(...args, ...(args[0] === 'export' ? [join(out, 'archive.csv')] : []), '--project', file);
      expect(fromArchive.stderr, args[0]).toBe('');
      expect(fromArchive.status, args[0]).toBe(0);
      if (args[0] !== 'export') expect(fromArchive.json, args[0]).toEqual(fromFolder.json);
      expect(fromArchive.leftInTmp, args[0]).toEqual([]);
    }
    expect(await readFile(join(out, 'archive.csv'), 'utf8')).toBe(await readFile(join(out, 'folder.csv'), 'utf8'));
    expect((await readFile(join(out, 'archive.csv'), 'utf8')).split('\n').filter(Boolean)).toHaveLength(5);
  });

  it('refuses the commands that write on an archive, saying to restore it first, and leaves the archive as it was', async () => {
    const { file } = await archivedWithCli();
    const before = await readFile(file);
    const text = join(await tempFolder(), 'interview.txt');
    await writeFile(text, 'An interview.');
    const shared = await tempFolder();
    await mkdir(join(shared, 'coders'));
    for (const args of [['import', text], ['import-codebook', text], ['sync', join(shared, 'coders')], ['backup']]) {
      const run = await cli(...args, '--project', file);
      expect(run.status, args[0]).toBe(1);
      expect(run.stderr, args[0]).toContain(`${file} is a project archive, which ${args[0]} cannot change; restore it first (annotation-workbench restore "${file}" --into DIR)`);
    }
    expect(await readFile(file)).toEqual(before);
  });

  it('takes only a file ending in .awbproj as an archive: any other file given as --project is no project', async () => {
    const notes = join(await tempFolder(), 'notes.txt');
    await writeFile(notes, 'Notes of an interview.');
    for (const args of [['stats'], ['backup']]) {
      const run = await cli(...args, '--project', notes);
      expect(run.status, args[0]).toBe(2);
      expect(run.stderr, args[0]).toContain(`There is no project in ${notes}`);
      expect(run.stderr, args[0]).not.toMatch(/archive/);
    }
    expect(await readFile(notes, 'utf8')).toBe('Notes of an interview.');
  });

  it('refuses a tampered archive given as --project, naming the part, and leaves no copy behind', async () => {
    const { file } = await archivedWithCli();
    const bad = join(await tempFolder(), 'bad.awbproj');
    await writeFile(
      bad,
      tampered(await readFile(file), (parts) => {
        const bytes = parts['documents/003_e25191a468b98949.txt']!.slice();
        bytes[0] ^= 1;
        parts['documents/003_e25191a468b98949.txt'] = bytes;
      }),
    );
    const run = await cli('stats', '--project', bad);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad\.awbproj was refused: the SHA-256 of “documents\/003_e25191a468b98949\.txt” does not match its manifest/);
    expect(run.leftInTmp).toEqual([]);
  });
});
