/** Agreement from the command line: the report as JSON, as an HTML page, and the units × coders matrix for R and Python. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { openProject, segmentInput } from '../support/project';
import { tempFolder } from '../support/temp';

const CLI = new URL('../../dist/electron/cli.cjs', import.meta.url).pathname;

async function twoCoders(): Promise<string> {
  const { store, handlers, folder } = await openProject();
  const document = store.overview().documents[1];
  const { text } = await store.openDocument(document.id);
  const words = text.split(/\s+/).filter((w) => w.length > 6);
  await store.addSegment(segmentInput(document.id, text, words[0]));
  await store.addSegment(segmentInput(document.id, text, words[1], 'opinion'));
  await dispatch(handlers, 'setCoder', { name: 'bea' });
  await store.addSegment(segmentInput(document.id, text, words[0]));
  await store.close();
  return folder;
}

describe('agreement on the command line', () => {
  it('prints the report as JSON, writes it as a page, and writes the matrix that Python reads', async () => {
    const project = await twoCoders();
    const report = JSON.parse(execFileSync('node', [CLI, 'agreement', '--project', project, '--bootstrap', '200', '--seed', '7']).toString());
    expect(report.coders).toEqual(['ana', 'bea']);
    expect(report.bootstrap).toMatchObject({ samples: 200, seed: 7 });
    const factual = report.rows.find((r: { codeId: string | null }) => r.codeId === 'factual-claim');
    expect(factual.measures.segmentAgreement).toEqual({ percent: 100, agreements: 2, disagreements: 0 });
    // The same seed gives the same interval.
    const again = JSON.parse(execFileSync('node', [CLI, 'agreement', '--project', project, '--bootstrap', '200', '--seed', '7']).toString());
    expect(again.rows.map((r: { measures: unknown }) => r.measures)).toEqual(report.rows.map((r: { measures: unknown }) => r.measures));

    const out = await tempFolder();
    execFileSync('node', [CLI, 'agreement', '--project', project, '--out', join(out, 'report.html')]);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toContain('<table');
    execFileSync('node', [CLI, 'agreement', '--project', project, '--out', join(out, 'report.csv')]);
    const table = JSON.parse(execFileSync('python3', ['-c', 'import csv,json,sys; print(json.dumps(list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))))', join(out, 'report.csv')]).toString());
    expect(table).toHaveLength(report.rows.length);
    expect(Object.values(table.find((row: Record<string, string>) => Object.values(row).includes('factual claim')))).toContain(factual.measures.alphaNominal.toFixed(4));
    execFileSync('node', [CLI, 'agreement', '--project', project, '--coders', 'ana,bea', '--out', join(out, 'units.csv'), '--matrix', 'opinion']);
    const read = execFileSync('python3', ['-c', 'import csv,sys; rows=list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))); print(len(rows), sorted(set(r["ana"] for r in rows)), sorted(set(r["bea"] for r in rows)))', join(out, 'units.csv')]).toString().trim();
    expect(read).toBe(`${report.units} ['0', '1'] ['0']`);
  });

  it('compares by default the documents every chosen coder has coded, and all of them with --all-documents', async () => {
    const project = await twoCoders();
    const shared = JSON.parse(execFileSync('node', [CLI, 'agreement', '--project', project]).toString());
    expect(shared.documents).toBe(1);
    const all = JSON.parse(execFileSync('node', [CLI, 'agreement', '--project', project, '--all-documents']).toString());
    expect(all.documents).toBe(5);
    expect(all.units).toBeGreaterThan(shared.units);
    // Two coders who never coded the same document: said, with the ways out.
    const { store, handlers, folder } = await openProject();
    const [first, second] = store.overview().documents;
    const firstText = (await store.openDocument(first.id)).text;
    const secondText = (await store.openDocument(second.id)).text;
    await store.addSegment(segmentInput(first.id, firstText, firstText.split(/\s+/).find((w) => w.length > 6)!));
    await dispatch(handlers, 'setCoder', { name: 'bea' });
    await store.addSegment(segmentInput(second.id, secondText, secondText.split(/\s+/).find((w) => w.length > 6)!));
    await store.close();
    const apart = spawnSync('node', [CLI, 'agreement', '--project', folder]);
    expect(apart.status).toBe(1);
    expect(apart.stderr.toString()).toContain('No document has been coded by every one of ana, bea: name documents with --documents, or compare all with --all-documents.');
  });

  it('refuses a bad number and an unknown coder with a clear message', async () => {
    const project = await twoCoders();
    const bad = spawnSync('node', [CLI, 'agreement', '--project', project, '--min-overlap', 'most']);
    expect(bad.status).toBe(1);
    expect(bad.stderr.toString()).toContain('--min-overlap takes a number, not “most”.');
    const one = spawnSync('node', [CLI, 'agreement', '--project', project, '--coders', 'ana']);
    expect(one.status).toBe(1);
    expect(one.stderr.toString()).toContain('coders: choose at least 2 coders to compare');
    const stranger = spawnSync('node', [CLI, 'agreement', '--project', project, '--coders', 'ana,zed']);
    expect(stranger.status).toBe(1);
    expect(stranger.stderr.toString()).toContain('No one called “zed” has coded in this project (coders: ana, bea).');
  });

  it('refuses an unknown code id by name, for the report and for the matrix', async () => {
    const project = await twoCoders();
    const report = spawnSync('node', [CLI, 'agreement', '--project', project, '--codes', 'opinion,no-such-code']);
    expect(report.status).toBe(1);
    expect(report.stderr.toString()).toContain('There is no code with the id “no-such-code” in the codebook.');
    const out = join(await tempFolder(), 'units.csv');
    const matrix = spawnSync('node', [CLI, 'agreement', '--project', project, '--codes', 'opinion', '--out', out, '--matrix', 'factual-claim']);
    expect(matrix.status).toBe(1);
    expect(matrix.stderr.toString()).toContain('The code “factual-claim” of the matrix is not among the chosen codes (opinion).');
    const unknownMatrix = spawnSync('node', [CLI, 'agreement', '--project', project, '--out', out, '--matrix', 'no-such-code']);
    expect(unknownMatrix.status).toBe(1);
    expect(unknownMatrix.stderr.toString()).toContain('“no-such-code”');
    expect(unknownMatrix.stderr.toString()).not.toContain('failed:');
  });
});
