/**
 * Coder files on the command line: one coder's project exports its file, another's imports it
 * (routed by the `.coder.json` name), a second import adds nothing, and a coder's own file is
 * refused. Runs the built CLI (`npm run build` makes dist/electron/cli.cjs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { openProject, segmentInput } from '../support/project';
import { tempFolder } from '../support/temp';

const CLI = new URL('../../dist/electron/cli.cjs', import.meta.url).pathname;

/** A closed project from the bundled corpus in which `coder` coded one passage. */
async function codedProject(coder: string, words: string, codeId: string): Promise<string> {
  const { store, handlers, folder } = await openProject();
  await dispatch(handlers, 'setCoder', { name: coder });
  const document = store.overview().documents[4]!;
  const { text } = await store.openDocument(document.id);
  await store.addSegment(segmentInput(document.id, text, words, codeId));
  await store.close();
  return folder;
}

const cli = (...args: string[]) => JSON.parse(execFileSync('node', [CLI, ...args]).toString());

describe('coder files on the command line', () => {
  it("exports one coder's file and merges it into another coder's project, once", async () => {
    const ana = await codedProject('ana', 'Anarchist Voices', 'factual-claim');
    const bea = await codedProject('Bea Example', 'Nagorno-Karabakh', 'opinion');
    const out = await tempFolder();
    const beaFile = join(out, 'bea-example.coder.json');
    expect(cli('export', '--format', 'coder-file', '--out', beaFile, '--project', bea)).toEqual({ path: beaFile, rows: 1 });

    const [merged] = cli('import', beaFile, '--project', ana);
    expect(merged).toMatchObject({ file: beaFile, outcome: { label: 'Merge the coding of Bea Example (bea-example.coder.json)' }, report: ['Merged the coding of Bea Example: 1 new segment.'] });
    expect(cli('stats', '--project', ana)).toMatchObject({ segments: 2, coders: { ana: 1, 'Bea Example': 1 } });

    const [again] = cli('import', beaFile, '--project', ana);
    expect(again).toMatchObject({ outcome: null, report: [expect.stringMatching(/^Nothing new from Bea Example/)] });

    const anaFile = join(out, 'ana.coder.json');
    cli('export', '--format', 'coder-file', '--out', anaFile, '--project', ana);
    const [own] = cli('import', anaFile, '--project', ana);
    expect(own.error).toMatch(/holds the coding of “ana”, who is the coder of this project/);
    expect(cli('stats', '--project', ana)).toMatchObject({ segments: 2 });

    expect(execFileSync('node', [CLI, '--help']).toString()).toMatch(/coder-file {2}the current coder's segments[\s\S]*\*\.coder\.json/);
  });

  it('syncs a shared folder named on its own command line (the page cannot name one), and says when it is not there', async () => {
    const ana = await codedProject('ana', 'Anarchist Voices', 'factual-claim');
    const bea = await codedProject('Bea Example', 'Nagorno-Karabakh', 'opinion');
    const shared = await tempFolder('workbench-shared-');
    expect(cli('sync', shared, '--project', bea).report[0]).toBe('Wrote your file bea-example.coder.json (1 segment).');
    // A folder relative to where the command runs.
    const synced = JSON.parse(execFileSync('node', [CLI, 'sync', relative(process.cwd(), shared), '--project', ana]).toString());
    expect(synced).toMatchObject({ outcome: { label: 'Merge the coding of Bea Example from the shared folder' } });
    expect((await readdir(shared)).sort()).toEqual(['ana.coder.json', 'bea-example.coder.json']);
    expect(cli('stats', '--project', ana)).toMatchObject({ segments: 2 });

    const missing = spawnSync('node', [CLI, 'sync', join(shared, 'nowhere'), '--project', ana], { encoding: 'utf8' });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr + missing.stdout).toMatch(/The shared folder .*nowhere cannot be opened/);
    expect(missing.stderr + missing.stdout).not.toMatch(/^\s+at /m);
  });
});
