/** The analysis command: its tables on real files, its filters, blind coding, and its refusals. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { openProject, segmentInput } from '../support/project';
import { pythonWith, runPythonScript } from '../support/python';
import { tempFolder, textFolder } from '../support/temp';

const CLI = new URL('../../dist/electron/cli.cjs', import.meta.url).pathname;
const TEXT = 'Troops crossed the border at dawn 🙂.\r\n\r\nThe minister called it a shameful attack on the border villages.\n';

/** ana codes "Troops crossed the border" and "shameful attack"; bea codes "crossed the border" as opinion. */
async function project(): Promise<string> {
  const { store, handlers, folder } = await openProject(undefined, await textFolder({ 'report.txt': TEXT, 'empty.txt': 'Nothing coded here.\n' }));
  const document = store.overview().documents.find((d) => d.title.startsWith('Troops'))!;
  await dispatch(handlers, 'defineVariable', { name: 'stance', type: 'choice', choices: ['pro', 'contra'] });
  await dispatch(handlers, 'setDocumentValue', { documentId: document.id, name: 'stance', value: 'pro' });
  await store.addSegment(segmentInput(document.id, TEXT, 'Troops crossed the border'));
  await store.addSegment(segmentInput(document.id, TEXT, 'shameful attack', 'opinion'));
  await dispatch(handlers, 'setCoder', { name: 'bea' });
  await store.addSegment(segmentInput(document.id, TEXT, 'crossed the border', 'opinion'));
  await dispatch(handlers, 'setCoder', { name: 'ana' });
  await store.close();
  return folder;
}

const run = (...args: string[]) => JSON.parse(execFileSync('node', [CLI, 'analysis', ...args]).toString());

describe('analysis on the command line', () => {
  it('writes each table as CSV and says what it counted', async () => {
    const folder = await project();
    const out = await tempFolder();
    const summary = run('--project', folder, '--kind', 'frequencies', '--out', join(out, 'f.csv'));
    expect(summary).toMatchObject({ kind: 'frequencies', rows: 3 * 3, counted: { documents: 2, segments: 3, coders: ['ana', 'bea'], blind: false } });
    const frequencies = await readFile(join(out, 'f.csv'), 'utf8');
    expect(frequencies.startsWith('group_kind,group,')).toBe(true);
    expect(frequencies).toContain('\nall,,false,opinion,opinion,opinion,0,2,1,0.5,');
    run('--project', folder, '--kind', 'overlaps', '--code', 'factual-claim', '--with', 'opinion', '--out', join(out, 'and.csv'));
    const overlaps = (await readFile(join(out, 'and.csv'), 'utf8')).split('\n');
    expect(overlaps[1]).toMatch(/^doc-[0-9a-f]+,Troops crossed the border at dawn 🙂\.,7,25,crossed the border,/);
    run('--project', folder, '--kind', 'kwic', '--word', 'border', '--context', '8', '--out', join(out, 'kwic.csv'));
    expect((await readFile(join(out, 'kwic.csv'), 'utf8')).split('\n')[1]).toMatch(/,19,25,sed the ,border, at dawn$/);
    // Words once under overlapping segments; stop-words (English by default) left out unless kept.
    run('--project', folder, '--kind', 'words', '--out', join(out, 'words.csv'));
    expect((await readFile(join(out, 'words.csv'), 'utf8')).split('\n').sort()).toEqual(['', 'attack,1,1', 'border,1,1', 'crossed,1,1', 'shameful,1,1', 'troops,1,1', 'word,count,documents']);
    run('--project', folder, '--kind', 'words', '--keep-stop-words', '--out', join(out, 'all-words.csv'));
    expect(await readFile(join(out, 'all-words.csv'), 'utf8')).toContain('\nthe,1,1\n');
    // With --subcodes each code counts its sub-codes' segments (here none: the same pairs).
    expect(run('--project', folder, '--kind', 'pairs', '--subcodes', '--out', join(out, 'p.csv')).rows).toBe(run('--project', folder, '--kind', 'pairs', '--out', join(out, 'p.csv')).rows);
    const crosstab = run('--project', folder, '--kind', 'crosstab', '--variable', 'stance', '--unit', 'documents', '--out', join(out, 'x.csv'));
    expect(crosstab.note).toMatch(/not independent/);
  });

  it('writes a workbook when the file ends in .xlsx: the table with numbers as numbers, and what it counts', async () => {
    const folder = await project();
    const out = join(await tempFolder(), 'pairs.XLSX');
    expect(run('--project', folder, '--kind', 'cooccurrence', '--proximity', 'distance', '--distance', '100', '--out', out)).toMatchObject({ kind: 'cooccurrence', format: 'xlsx', rows: 9 });
    const read = `
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
print(json.dumps({sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}))
`;
    const sheets = runPythonScript<Record<string, unknown[][]>>(pythonWith('openpyxl', 'python3-openpyxl', 'the analysis workbook test'), read, null, [out]);
    expect(Object.keys(sheets)).toEqual(['Co-occurrence', 'About']);
    expect(sheets['Co-occurrence'][0]).toEqual(['code_a_id', 'code_a', 'code_b_id', 'code_b', 'segments_a', 'segments_b', 'pairs', 'meeting_a', 'meeting_b', 'jaccard']);
    expect(sheets['Co-occurrence'].slice(1).find((row) => row[0] === 'factual-claim' && row[2] === 'opinion')).toEqual(['factual-claim', 'factual claim', 'opinion', 'opinion', 1, 2, 2, 1, 2, 1]);
    const about = Object.fromEntries(sheets.About.slice(1) as Array<[string, string]>);
    expect(about).toMatchObject({ 'Segments meet when': 'within 100 characters', 'Sub-codes summed into their parents': 'no', Coders: 'all', 'Coders counted': 'ana, bea', Units: 'Offsets and characters are counted in Unicode code points.' });
  });

  it('filters by coder and honours blind coding', async () => {
    const folder = await project();
    const out = await tempFolder();
    expect(run('--project', folder, '--kind', 'matrix', '--coders', 'bea', '--out', join(out, 'm.csv')).counted.segments).toBe(1);
    expect(run('--project', folder, '--kind', 'matrix', '--where', 'stance=', '--out', join(out, 'm.csv')).counted).toMatchObject({ documents: 1, segments: 0 });
    const { store, handlers } = await openProject(folder);
    await dispatch(handlers, 'setBlind', { blind: true });
    await store.close();
    expect(run('--project', folder, '--kind', 'cooccurrence', '--out', join(out, 'c.csv')).counted).toMatchObject({ segments: 2, coders: ['ana'], blind: true });
  });

  it('refuses a call without what it needs, and lists itself in the help', async () => {
    const folder = await project();
    const fail = (...args: string[]) => {
      const result = spawnSync('node', [CLI, 'analysis', '--project', folder, ...args]);
      return [result.status, result.stderr.toString().trim()];
    };
    expect(fail('--out', 'x.csv')).toEqual([1, 'annotation-workbench: Give --kind as one of frequencies, documents, cooccurrence, pairs, matrix, crosstab, overlaps, words, kwic.']);
    expect(fail('--kind', 'matrix')).toEqual([1, 'annotation-workbench: Give --out, the file to write (.csv, or .xlsx for a workbook).']);
    expect(fail('--kind', 'crosstab', '--out', 'x.csv')).toEqual([1, 'annotation-workbench: --kind crosstab needs --variable NAME (one of: stance).']);
    expect(fail('--kind', 'cooccurrence', '--proximity', 'distance', '--out', 'x.csv')).toEqual([1, 'annotation-workbench: --distance takes a whole number of characters, not “”.']);
    expect(fail('--kind', 'overlaps', '--code', 'nope', '--with', 'opinion', '--out', 'x.csv')[1]).toContain('There is no code “nope”');
    expect(fail('--kind', 'crosstab', '--variable', 'stance', '--codes', 'opinion,nope', '--out', 'x.csv')[1]).toContain('There is no code “nope”');
    expect(fail('--kind', 'words', '--language-variable', 'language', '--out', 'x.csv')[1]).toContain('There is no variable “language”');
    expect(fail('--kind', 'words', '--language', 'klingon', '--out', 'x.csv')).toEqual([
      1,
      'annotation-workbench: There is no stop-word list for the language “klingon”: give --language as an ISO code (en, de) or an English name (German), or --keep-stop-words.',
    ]);
    expect(spawnSync('node', [CLI, '--help']).stdout.toString()).toMatch(/^ {2}analysis --kind K --out FILE\.csv\n/m);
  });
});
