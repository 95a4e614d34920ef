/**
 * Archives made to exhaust memory: a .qdpx of 2 MB that unpacks to 2 GiB, a .docx of 5 MB that
 * unpacks to 5 GiB, a header that declares less than its part holds. The command line (a real
 * process) must refuse each, naming the limit, survive with its peak memory bounded, and leave the
 * project as it was, unlocked.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readQdpx } from '../../electron/services/refi-qda';
import { ArchiveTooLarge, checkedZip, ZipArchive, type ArchiveLimits } from '../../electron/services/zip-archive';
import { openProject } from '../support/project';
import { tempFolder } from '../support/temp';
import { zeros, zipBomb } from '../support/zip-bombs';

const CLI = new URL('../../dist/electron/cli.cjs', import.meta.url).pathname;
const PEAK_MEMORY = new URL('./children/peak-memory.cjs', import.meta.url).pathname;
const MiB = 1024 * 1024;
/** Generous: the command line with a project open peaks near 140 MiB; a bomb unpacked takes gigabytes. */
const PEAK_RSS_BOUND_MIB = 400;

/** Imports the files with the real command line; its output, exit status and peak memory. */
async function importWithCli(files: Record<string, Uint8Array>) {
  const { folder, store } = await openProject();
  await store.close();
  const where = await tempFolder();
  const paths = [];
  for (const [name, bytes] of Object.entries(files)) {
    paths.push(join(where, name));
    await writeFile(join(where, name), bytes);
  }
  const run = spawnSync(process.execPath, ['--require', PEAK_MEMORY, CLI, 'import', ...paths, '--project', folder], { timeout: 120_000 });
  const stderr = run.stderr.toString();
  const peak = Number(/peak-rss-kib (\d+)/.exec(stderr)?.[1]) / 1024;
  const list = JSON.parse(spawnSync(process.execPath, [CLI, 'list', '--project', folder]).stdout.toString());
  return { status: run.status, signal: run.signal, stderr, imported: JSON.parse(run.stdout.toString() || 'null'), peak, folder, documents: list.length };
}

/** Bytes that deflate hardly at all (letters from a small generator), so that only the size limits can stop them. */
function letters(size: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(size);
  let state = seed;
  for (let i = 0; i < size; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = 0x61 + (state >> 16) % 26;
  }
  return bytes;
}

describe('archives made to exhaust memory', () => {
  it('refuses a .qdpx that would unpack to 2 GiB, naming the limit, with memory bounded, and leaves the project unlocked', async () => {
    const honest = zipBomb([{ path: 'project.qde', block: zeros(MiB), times: 2048 }]);
    // The same part, its header claiming a kilobyte.
    const lying = zipBomb([{ path: 'project.qde', block: zeros(MiB), times: 2048, declaredSize: 1024 }]);
    expect(honest.length).toBeLessThan(3 * MiB);
    const run = await importWithCli({ 'bomb.qdpx': honest, 'lying.qdpx': lying, 'after.txt': strToU8('A text imported after the bombs.') });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(run.imported[0].error).toBe(
      'bomb.qdpx was refused: its part project.qde unpacks to more than 100 times its packed size, the most that is accepted (a file made to exhaust memory?).',
    );
    // The lie is caught as soon as the part outgrows what it declared.
    expect(run.imported[1].error).toBe(
      'lying.qdpx is not a readable REFI-QDA project: the zip archive is damaged (project.qde holds more than the 1024 bytes it declares).',
    );
    // The rest of the batch goes on.
    expect(run.imported[2]).toMatchObject({ outcome: { label: 'Import “after.txt”' } });
    expect(run.peak).toBeLessThan(PEAK_RSS_BOUND_MIB);
    expect(existsSync(join(run.folder, 'project.lock'))).toBe(false);
    expect(run.documents).toBe(6);
  });

  it('refuses a .docx that would unpack to 5 GiB as too large, not as "not a Word document", with memory bounded', async () => {
    const bomb = zipBomb([
      { path: '[Content_Types].xml', block: strToU8('<?xml version="1.0"?><Types/>') },
      // 5 GiB: its sizes are in zip64 fields.
      { path: 'word/document.xml', block: zeros(MiB), times: 5 * 1024 },
    ]);
    expect(bomb.length).toBeLessThan(6 * MiB);
    const run = await importWithCli({ 'report.docx': bomb });
    expect(run.status).toBe(0);
    expect(run.imported[0].error).toBe(
      'report.docx was refused: its part word/document.xml unpacks to more than 100 times its packed size, the most that is accepted (a file made to exhaust memory?).',
    );
    expect(run.peak).toBeLessThan(PEAK_RSS_BOUND_MIB);
    expect(existsSync(join(run.folder, 'project.lock'))).toBe(false);
  });

  it('stops a part at its size limit and the archive at its total, however little it grows', () => {
    const limits: ArchiveLimits = { partBytes: 4 * MiB, archiveBytes: 10 * MiB, ratio: 100 };
    const onePart = zipBomb([{ path: 'sources/long.txt', block: letters(MiB), times: 5 }]);
    expect(() => ZipArchive.open('long.qdpx', onePart, limits).read('sources/long.txt')).toThrow(
      new ArchiveTooLarge('long.qdpx was refused: its part sources/long.txt would unpack to more than 4 MiB, the most one part may hold.'),
    );
    const manyParts = zipBomb([1, 2, 3, 4].map((n) => ({ path: `sources/${n}.txt`, block: letters(MiB, n), times: 3 })));
    expect(() => checkedZip('many.docx', manyParts, limits)).toThrow(
      new ArchiveTooLarge('many.docx was refused: it would unpack to more than 10 MiB, the most an archive may hold.'),
    );
    // Within the limits, every part comes out whole.
    const archive = ZipArchive.open('fine.zip', manyParts, { ...limits, archiveBytes: 12 * MiB });
    expect(archive.paths.map((path) => archive.read(path).length)).toEqual([3 * MiB, 3 * MiB, 3 * MiB, 3 * MiB]);
  });

  it('refuses a part that holds more than its header declares, as damaged', () => {
    const lying = zipBomb([{ path: 'project.qde', block: letters(64 * 1024), declaredSize: 1024 }]);
    expect(() => readQdpx('lying.qdpx', lying)).toThrow(
      'lying.qdpx is not a readable REFI-QDA project: the zip archive is damaged (project.qde holds more than the 1024 bytes it declares).',
    );
  });
});
