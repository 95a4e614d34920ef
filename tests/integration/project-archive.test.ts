/**
 * Project archives (.awbproj) on real files: what goes in, the project that comes back out, and
 * every kind of tampering refused with a message that names the part, leaving no folder behind.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { projectArchive, replaceFromArchive, restoreArchive } from '../../electron/services/project-archive';
import { ProjectStore } from '../../electron/project/project-store';
import { ProjectBackups } from '../../electron/services/project-backups';
import { manifestOf, partsOf, projectOnDisk, replaceListed, richProject, tampered, textsIn, zipWithRepeats } from '../support/archives';
import { openProject, segmentInput } from '../support/project';
import { onSmallDisk } from '../support/small-disk';
import { tempFolder } from '../support/temp';
import { segmentsInFile } from '../support/project-file';

/** The archive of a rich project (closed again), its file, and the project as it was. */
async function archivedProject() {
  const project = await richProject();
  const bytes = await projectArchive(project.store, new Date('2026-11-30T10:00:00.000Z'));
  await project.store.close();
  const file = join(await tempFolder(), 'study.awbproj');
  await writeFile(file, bytes);
  return { ...project, bytes, file, original: await projectOnDisk(project.folder) };
}

/** Restores `bytes` into a new folder; the error's message, and what the parent folder holds afterwards. */
async function refusedRestore(bytes: Uint8Array): Promise<{ message: string; left: string[]; target: string }> {
  const where = await tempFolder();
  const file = join(where, 'tampered.awbproj');
  await writeFile(file, bytes);
  const parent = join(where, 'restored');
  await mkdir(parent);
  const target = join(parent, 'study');
  const message = await restoreArchive(file, target).then(
    () => 'restored',
    (error: Error) => error.message,
  );
  return { message, left: await readdir(parent), target };
}

describe('a project archive', () => {
  it('holds the manifest, the project file and the texts, and nothing else of the folder', async () => {
    const { store, folder } = await richProject();
    // Beside the project: its lock and journal (it is open), an export, a backup, a file of the researcher's.
    await mkdir(join(folder, 'exports'), { recursive: true });
    await writeFile(join(folder, 'exports', 'segments.csv'), 'a,b\n');
    await mkdir(join(folder, 'backups'));
    await writeFile(join(folder, 'backups', 'old.awbproj'), 'x');
    await writeFile(join(folder, 'notes.txt'), 'my notes');
    const bytes = await projectArchive(store, new Date('2026-11-30T10:00:00.000Z'));
    await store.close();
    const parts = partsOf(bytes);
    const texts = Object.keys(await textsIn(folder)).map((name) => `documents/${name}`);
    expect(Object.keys(parts).sort()).toEqual(['manifest.json', 'project.json', ...texts].sort());
    const manifest = manifestOf(parts);
    expect(manifest).toMatchObject({
      format: 'annotation-workbench-project',
      formatVersion: 1,
      appVersion: JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')).version,
      createdAt: '2026-11-30T10:00:00.000Z',
      name: 'Default project',
      counts: { documents: 5, segments: 3, codes: 4 },
    });
    expect(manifest.files.map((file) => file.path).sort()).toEqual(['project.json', ...texts].sort());
    const text = manifest.files.find((file) => file.path === texts[0])!;
    expect(text.bytes).toBe((await readFile(join(folder, texts[0]!))).length);
    expect(text.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes the changes still in the journal, without rewriting the project file', async () => {
    const { store, folder } = await openProject();
    const document = store.documents[0]!;
    const text = await store.text(document.id);
    await store.addSegment(segmentInput(document.id, text, text.slice(0, 12)));
    const journal = await readFile(join(folder, 'project.journal'), 'utf8');
    const onDisk = await readFile(join(folder, 'project.json'), 'utf8');
    expect(journal.trim()).not.toBe('');
    const project = JSON.parse(new TextDecoder().decode(partsOf(await projectArchive(store))['project.json']));
    expect(segmentsInFile(project)).toHaveLength(1);
    expect(project.journalSeq).toBe(1);
    expect(await readFile(join(folder, 'project.journal'), 'utf8')).toBe(journal);
    expect(await readFile(join(folder, 'project.json'), 'utf8')).toBe(onDisk);
    await store.close();
  });

  it('restores into a new folder a project equal to the original: documents, texts byte for byte, codes, segments, variables, history', async () => {
    const { file, original } = await archivedProject();
    const target = join(await tempFolder(), 'moved', 'study');
    await restoreArchive(file, target);
    const restored = await projectOnDisk(target);
    expect(restored.project).toEqual(original.project);
    expect(restored.texts).toEqual(original.texts);
    expect(original.project.variables).toHaveLength(1);
    expect(original.project.history.undone).toHaveLength(1);
    expect(original.project.documents).toHaveLength(5);
    // The removed document's text came along, so that Undo can bring it back.
    expect(Object.keys(restored.texts)).toHaveLength(6);
    const store = await ProjectStore.open({ folder: target, bundledDocuments: null, existingOnly: true });
    await store.redo();
    await store.undo();
    await store.undo();
    expect(store.documents).toHaveLength(6);
    expect(await store.text(store.documents[5]!.id)).toBeTypeOf('string');
    await store.close();
    expect(await readdir(join(target, '..'))).toEqual(['study']);
  });

  it('restores into an empty folder, and refuses a folder that holds anything', async () => {
    const { file } = await archivedProject();
    const empty = join(await tempFolder(), 'empty');
    await mkdir(empty);
    await restoreArchive(file, empty);
    expect(existsSync(join(empty, 'project.json'))).toBe(true);
    await expect(restoreArchive(file, empty)).rejects.toThrow(/is not empty; an archive is restored only into a new folder/);
  });

  const refusals: Array<[string, (parts: Record<string, Uint8Array>) => void, RegExp]> = [
    [
      'a changed text (same size), naming the file',
      (parts) => {
        const path = Object.keys(parts).find((name) => name.startsWith('documents/'))!;
        const bytes = parts[path]!.slice();
        bytes[40] = bytes[40] === 0x41 ? 0x42 : 0x41;
        parts[path] = bytes;
      },
      /the SHA-256 of “documents\/000_a75649aa49571916\.txt” does not match its manifest/,
    ],
    [
      'a changed project file, naming it',
      (parts) => {
        parts['project.json'] = strToU8(new TextDecoder().decode(parts['project.json']).replace('"coder":"ana"', '"coder":"eve"'));
      },
      /the SHA-256 of “project\.json” does not match its manifest/,
    ],
    ['an extra part', (parts) => void (parts['documents/planted.txt'] = strToU8('planted')), /holds “documents\/planted\.txt”, which its manifest does not list/],
    ['an extra part outside documents/', (parts) => void (parts['project.journal'] = strToU8('{}\n')), /holds “project\.journal”, which its manifest does not list/],
    [
      'a missing part',
      (parts) => {
        delete parts['documents/001_b754461076061955.txt'];
      },
      /lists “documents\/001_b754461076061955\.txt”, which it does not hold/,
    ],
    ['a ../ name', (parts) => void (parts['../escaped.txt'] = strToU8('x')), /“\.\.\/escaped\.txt” has a name that could lead outside the project folder/],
    ['a ../ name inside documents/', (parts) => void (parts['documents/../../escaped.txt'] = strToU8('x')), /could lead outside the project folder/],
    ['an absolute name', (parts) => void (parts['/tmp/escaped.txt'] = strToU8('x')), /“\/tmp\/escaped\.txt” has a name that could lead outside/],
    ['a backslash', (parts) => void (parts['documents\\..\\escaped.txt'] = strToU8('x')), /could lead outside the project folder/],
    ['a drive letter', (parts) => void (parts['C:/escaped.txt'] = strToU8('x')), /“C:\/escaped\.txt” has a name that could lead outside/],
    [
      'a manifest that lists a ../ name (its sum right)',
      (parts) => replaceListed(parts, '../escaped.txt', strToU8('x')),
      /could lead outside the project folder/,
    ],
    [
      'a manifest that lists a part that is no part of a project (its sum right)',
      (parts) => replaceListed(parts, 'backups/old.awbproj', strToU8('x')),
      /lists “backups\/old\.awbproj”, which is not part of a project/,
    ],
    [
      'a project file that is no valid project (its sum right)',
      (parts) => replaceListed(parts, 'project.json', strToU8('{"schemaVersion":1}')),
      /its project\.json is not a valid project/,
    ],
    [
      'a text the project needs, missing from both the archive and its manifest',
      (parts) => {
        const manifest = manifestOf(parts);
        manifest.files = manifest.files.filter((entry) => entry.path !== 'documents/000_a75649aa49571916.txt');
        delete parts['documents/000_a75649aa49571916.txt'];
        parts['manifest.json'] = strToU8(JSON.stringify(manifest));
      },
      /the text of “.*” \(documents\/000_a75649aa49571916\.txt\) is missing/,
    ],
    ['no manifest', (parts) => void delete parts['manifest.json'], /has no manifest\.json; it is not an Annotation Workbench project archive/],
    [
      'a manifest of a newer archive format',
      (parts) => {
        const manifest = manifestOf(parts);
        manifest.formatVersion = 2;
        parts['manifest.json'] = strToU8(JSON.stringify(manifest));
      },
      /written by a newer version of Annotation Workbench \(archive format 2; this version reads 1\)/,
    ],
  ];

  for (const [what, change, message] of refusals) {
    it(`is refused with a message when it has ${what}, and leaves no folder`, async () => {
      const { bytes } = await archivedProject();
      const refused = await refusedRestore(tampered(bytes, change));
      expect(refused.message).toMatch(/^tampered\.awbproj was refused: /);
      expect(refused.message).toMatch(message);
      expect(refused.left).toEqual([]);
    });
  }

  it('is refused when it holds a name twice, and leaves no folder', async () => {
    const { bytes } = await archivedProject();
    const parts = Object.entries(partsOf(bytes));
    const text = parts.find(([path]) => path.startsWith('documents/'))!;
    const refused = await refusedRestore(zipWithRepeats([...parts, [text[0], strToU8('another text under the same name')]]));
    expect(refused.message).toMatch(/holds “documents\/000_a75649aa49571916\.txt” twice/);
    expect(refused.left).toEqual([]);
  });

  it('is refused when it is no zip at all, and when it is missing', async () => {
    const refused = await refusedRestore(strToU8('not a zip'));
    expect(refused.message).toMatch(/tampered\.awbproj was refused: it is not a project archive that can be read \(the zip archive is damaged/);
    expect(refused.left).toEqual([]);
    await expect(restoreArchive(join(await tempFolder(), 'nowhere.awbproj'), join(await tempFolder(), 'x'))).rejects.toThrow(/Could not read .*nowhere\.awbproj/);
  });

  it('leaves no folder when the disk fills up while restoring', async () => {
    const { store } = await openProject();
    // Texts that hardly pack: the archive is small enough to read, its project too large for the disk.
    let state = 3;
    for (const name of ['a.txt', 'b.txt', 'c.txt']) {
      const letters = Array.from({ length: 900_000 }, () => String.fromCharCode(0x61 + ((state = (state * 1103515245 + 12345) & 0x7fffffff) >> 16) % 26)).join('');
      await store.importDocument(name, strToU8(letters));
    }
    const file = join(await tempFolder(), 'large.awbproj');
    await writeFile(file, await projectArchive(store));
    await store.close();
    await onSmallDisk(async (disk) => {
      await expect(restoreArchive(file, join(disk, 'study'))).rejects.toThrow(/Could not restore large\.awbproj into .*study: the disk is full/);
      expect(await readdir(disk)).toEqual([]);
    });
  });

  it('replaces a closed project by the archived one: texts written, journal emptied, texts not in the archive left alone', async () => {
    const { file, folder, original } = await archivedProject();
    // Work after the archive: a new text and a segment, left in the journal by a program that stopped.
    const later = await openProject(folder);
    await later.store.importDocument('later.txt', strToU8('A text added after the archive.'));
    await later.store.close();
    // A step left in the journal (as by a program that was killed): replayed, it would take back an action.
    await writeFile(join(folder, 'project.journal'), '{"seq":999,"op":"undo"}\n');
    const laterTexts = await textsIn(folder);
    await replaceFromArchive(file, folder);
    const restored = await projectOnDisk(folder);
    expect(restored.project).toEqual(original.project);
    expect(Object.keys(restored.texts).filter((name) => name.startsWith('later'))).toHaveLength(1);
    expect(restored.texts).toEqual(laterTexts);
    expect(await readFile(join(folder, 'project.journal'), 'utf8')).toBe('');
  });

  it('replaces nothing when the archive is refused', async () => {
    const { bytes, folder } = await archivedProject();
    const before = await projectOnDisk(folder);
    const file = join(await tempFolder(), 'bad.awbproj');
    await writeFile(file, tampered(bytes, (parts) => void (parts['documents/planted.txt'] = strToU8('x'))));
    await expect(replaceFromArchive(file, folder)).rejects.toThrow(/bad\.awbproj was refused/);
    expect(await projectOnDisk(folder)).toEqual(before);
  });

  it('restores an archive written by an older version, which opens migrated; one from a newer version is refused and leaves no folder', async () => {
    const { bytes } = await archivedProject();
    const asVersion = (version: number) =>
      tampered(bytes, (parts) => {
        const project = JSON.parse(new TextDecoder().decode(parts['project.json']));
        project.schemaVersion = version;
        if (version === 1) delete project.description;
        replaceListed(parts, 'project.json', strToU8(JSON.stringify(project)));
      });
    const where = await tempFolder();
    const older = join(where, 'older.awbproj');
    await writeFile(older, asVersion(1));
    const target = join(where, 'older');
    await restoreArchive(older, target);
    const store = await ProjectStore.open({ folder: target, bundledDocuments: null, existingOnly: true });
    expect(store.description).toBe('');
    expect(store.notices.join(' ')).toMatch(/older version/);
    await store.close();
    const newer = await refusedRestore(asVersion(99));
    expect(newer.message).toMatch(/newer version of Annotation Workbench \(schema 99/);
    expect(newer.left).toEqual([]);
  });
});

describe('an archive is written within the limits it is read with', () => {
  const MiB = 1024 * 1024;
  /** A project with one text of 2 MiB, imported as the researcher would. */
  async function projectWithLargeText() {
    const project = await openProject(undefined, null as unknown as string);
    await project.store.importDocument('long.txt', strToU8('A long interview. '.repeat(2 * MiB / 18 + 1).slice(0, 2 * MiB)));
    return project;
  }

  it('refuses a part or a whole beyond the limits, saying so; within them, the archive is made', async () => {
    const { store } = await projectWithLargeText();
    await expect(projectArchive(store, new Date(), { partBytes: 1 * MiB, archiveBytes: 10 * MiB, ratio: 100 })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/could not be archived: “documents\/.+” holds 2\.0 MiB, more than the 1 MiB one part of an archive may hold, and such an archive could not be restored/),
    });
    await expect(projectArchive(store, new Date(), { partBytes: 4 * MiB, archiveBytes: 1.5 * MiB, ratio: 100 })).rejects.toThrow(/its files hold 2\.\d MiB together, more than the 1\.5 MiB an archive may hold/);
    const parts = partsOf(await projectArchive(store, new Date(), { partBytes: 4 * MiB, archiveBytes: 4 * MiB, ratio: 100 }));
    expect(Object.values(parts).map((part) => part.length)).toContain(2 * MiB);
    await store.close();
  });

  it('a backup beyond them is not made, and the project’s notices say why', async () => {
    const { store } = await projectWithLargeText();
    const backups = new ProjectBackups(store, { limits: { partBytes: 1 * MiB, archiveBytes: 10 * MiB, ratio: 100 } });
    await expect(backups.take('manual')).rejects.toMatchObject({ code: 'save-failed' });
    expect(store.notices.join('\n')).toMatch(/The backup of the project could not be made in .*: The project could not be archived: .* one part of an archive may hold/);
    expect(await backups.list()).toEqual([]);
    await store.close();
  });
});
