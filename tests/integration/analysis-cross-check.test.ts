/**
 * The Analysis area's tables checked by independent code on real files: a project made by the real
 * store (several coders, a sub-code, a variable with a missing value, astral characters, CRLF, a
 * document with no segments) is exported through the command line as the segments CSV and the
 * wide table (for the documents' lengths); pandas recomputes frequencies, co-occurrence (overlap)
 * and the code × document matrix from them, and they must equal the `analysis` command's CSVs
 * exactly. SciPy's chi2_contingency(correction=False) and fisher_exact recompute the tests of
 * generated tables and of the command's crosstab (to 1e-9, relative).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chiSquareTest, fisherExact } from '../../shared/analysis/contingency-tests';
import { mulberry32 } from '../../shared/model/seeded-random';
import { dispatch } from '../../electron/handlers/handlers';
import { openProject, segmentInput } from '../support/project';
import { pythonWith, runPythonScript } from '../support/python';
import { tempFolder, textFolder } from '../support/temp';

const CLI = new URL('../../dist/electron/cli.cjs', import.meta.url).pathname;
const CHECK = 'the analysis cross-check';

const TEXTS: Record<string, string> = {
  'one.txt': 'Shelling resumed at dawn 🙂 near the bridge.\n\nResidents fled the town 😢 on foot.\r\nThe council met at noon.\n',
  'two.txt': 'An appeal for calm was issued.\n\nTroops crossed the border; 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 letters here.\nWitnesses counted ten trucks and three tanks.\n',
  'three.txt': 'Markets reopened after the strike.\r\n\r\nPrices rose by ten percent in a week.\r\nUnions called for a new strike.\n',
  'four.txt': 'Nothing here was coded at all.\n',
  'five.txt': 'The minister resigned. The opposition demanded elections. Observers called it a turning point.\n',
};

/** A project with three coders' random, overlapping segments over four of the five texts. */
async function codedProject(): Promise<string> {
  const project = await openProject(undefined, await textFolder(TEXTS));
  const { store, handlers } = project;
  const call = async (operation: string, input: unknown) => {
    const result = await dispatch(handlers, operation, input);
    if (!result.ok) throw new Error(result.error.message);
  };
  await call('addCode', { name: 'casualty figure', parentId: 'factual-claim' });
  const sub = store.state.codes.find((c) => c.parentId === 'factual-claim')!.id;
  await call('defineVariable', { name: 'stance', type: 'choice', choices: ['pro', 'contra'] });
  const documents = store.overview().documents;
  const values = ['pro', 'contra', null, 'pro', 'contra'];
  for (const [i, document] of documents.entries()) if (values[i]) await call('setDocumentValue', { documentId: document.id, name: 'stance', value: values[i] });
  const random = mulberry32(2026);
  const codeIds = ['factual-claim', 'opinion', 'call-to-action', sub];
  for (const coder of ['ana', 'bea', 'cem']) {
    await call('setCoder', { name: coder });
    for (const document of documents) {
      const { text } = await store.openDocument(document.id);
      if (text.startsWith('Nothing')) continue;
      const points = Array.from(text);
      for (let n = 0; n < 12; n++) {
        const from = Math.floor(random() * (points.length - 3));
        const to = Math.min(points.length, from + 2 + Math.floor(random() * 30));
        const start = points.slice(0, from).join('').length;
        const passage = text.slice(start, start + points.slice(from, to).join('').length);
        if (!passage.trim()) continue;
        const input = segmentInput(document.id, text, passage, codeIds[Math.floor(random() * codeIds.length)]);
        await store.addSegment({ ...input, start, end: start + passage.length });
      }
    }
  }
  await call('setCoder', { name: 'ana' });
  await store.close();
  return project.folder;
}

function cli(...args: string[]): unknown {
  return JSON.parse(execFileSync('node', [CLI, ...args]).toString());
}

const PANDAS = `
import json, sys
import pandas as pd
project = json.load(sys.stdin)
read = lambda name: pd.read_csv(project[name], keep_default_na=False, float_precision='round_trip', dtype=str)
seg = read('segments')
seg['start'] = seg['start'].astype(int); seg['end'] = seg['end'].astype(int)
docs = read('wide')
docs['characters'] = docs['characters'].astype(int)
codes = project['codes']            # [[id, parent or None]] in tree order
children = {c: [k for k, p in codes if p == c] for c, _ in codes}
def members(c, sub):
    found = [c]
    if sub:
        for k in children[c]: found += members(k, True)
    return found
def union(rows):
    total, reach = 0, -1
    for s, e in sorted(zip(rows['start'], rows['end'])):
        if e <= reach: continue
        total += e - max(s, reach); reach = e
    return total
def figures(seg, docs, sub):
    out = {}
    for c, _ in codes:
        mine = seg[seg['code_id'].isin(members(c, sub))]
        chars = sum(union(g) for _, g in mine.groupby('document_id'))
        n_docs = mine['document_id'].nunique()
        out[c] = [len(mine), n_docs, n_docs / len(docs) if len(docs) else 0, chars, chars / docs['characters'].sum() if len(docs) else 0]
    return out
result = {}
for sub in (False, True):
    groups = {'all|': figures(seg, docs, sub)}
    for coder in sorted(seg['coder'].unique()):
        groups['coder|' + coder] = figures(seg[seg['coder'] == coder], docs, sub)
    for value in docs['var_stance'].unique():
        ids = set(docs[docs['var_stance'] == value]['document_id'])
        groups['value|' + value] = figures(seg[seg['document_id'].isin(ids)], docs[docs['document_id'].isin(ids)], sub)
    result['frequencies', sub] = groups
# Co-occurrence: pairs of segments of different codes that share a character.
pairs = seg.merge(seg, on='document_id', suffixes=('_a', '_b'))
pairs = pairs[(pairs['code_id_a'] != pairs['code_id_b']) & (pairs['start_a'] < pairs['end_b']) & (pairs['start_b'] < pairs['end_a'])]
count = seg.groupby('code_id').size()
co = {}
for a, _ in codes:
    for b, _ in codes:
        ca, cb = int(count.get(a, 0)), int(count.get(b, 0))
        if a == b:
            co[a + '|' + b] = [ca, ca, ca, 1.0 if ca else 0.0]; continue
        p = pairs[(pairs['code_id_a'] == a) & (pairs['code_id_b'] == b)]
        ma, mb = p['segment_id_a'].nunique(), p['segment_id_b'].nunique()
        shared = (ma + mb) / 2
        co[a + '|' + b] = [len(p), ma, mb, shared / (ca + cb - shared) if ca + cb - shared > 0 else 0.0]
# The matrix: segments per document and code, and the share of the document's characters (sub-codes summed).
matrix = {}
for _, d in docs.iterrows():
    mine = seg[seg['document_id'] == d['document_id']]
    matrix[d['document_id']] = {
        'segments': [int((mine['code_id'] == c).sum()) for c, _ in codes],
        'share': [union(mine[mine['code_id'].isin(members(c, True))]) / d['characters'] if d['characters'] else 0 for c, _ in codes],
    }
print(json.dumps({'frequencies': {str(sub): result['frequencies', sub] for sub in (False, True)}, 'cooccurrence': co, 'matrix': matrix}))
`;

const READ_OURS = `
import json, sys
import pandas as pd
files = json.load(sys.stdin)
out = {}
for name, path in files.items():
    table = pd.read_csv(path, keep_default_na=False, float_precision='round_trip', dtype=str)
    out[name] = table.to_dict(orient='records')
print(json.dumps(out))
`;

describe('the analysis tables, recomputed by pandas from the exported segments', () => {
  it('agree exactly: frequencies (own and with sub-codes, per coder and per value), co-occurrence and the matrix', async () => {
    const project = await codedProject();
    const out = await tempFolder();
    const file = (name: string) => join(out, name);
    cli('export', '--project', project, '--format', 'csv', '--out', file('segments.csv'));
    cli('export', '--project', project, '--format', 'wide', '--out', file('wide.csv'));
    cli('analysis', '--project', project, '--kind', 'frequencies', '--variable', 'stance', '--out', file('own.csv'));
    cli('analysis', '--project', project, '--kind', 'frequencies', '--variable', 'stance', '--subcodes', '--out', file('summed.csv'));
    cli('analysis', '--project', project, '--kind', 'cooccurrence', '--out', file('co.csv'));
    cli('analysis', '--project', project, '--kind', 'matrix', '--out', file('matrix.csv'));
    cli('analysis', '--project', project, '--kind', 'matrix', '--measure', 'share', '--subcodes', '--out', file('share.csv'));

    const python = pythonWith('pandas', 'python3-pandas', CHECK);
    const { ProjectStore } = await import('../../electron/project/project-store');
    const store = await ProjectStore.open({ folder: project, bundledDocuments: out });
    const codes = (await import('../../shared/model/codebook')).codeTree(store.state.codes).map(({ code }) => [code.id, code.parentId]);
    await store.close();
    type Expected = {
      frequencies: Record<string, Record<string, Record<string, number[]>>>;
      cooccurrence: Record<string, number[]>;
      matrix: Record<string, { segments: number[]; share: number[] }>;
    };
    const expected = runPythonScript<Expected>(python, PANDAS, { segments: file('segments.csv'), wide: file('wide.csv'), codes });
    const ours = runPythonScript<Record<string, Array<Record<string, string>>>>(python, READ_OURS, {
      own: file('own.csv'),
      summed: file('summed.csv'),
      co: file('co.csv'),
      matrix: file('matrix.csv'),
      share: file('share.csv'),
    });

    // Not a vacuous check: overlaps, three coders, the missing value's group, a document without segments.
    expect(Object.keys(expected.frequencies.False).sort()).toEqual(['all|', 'coder|ana', 'coder|bea', 'coder|cem', 'value|', 'value|contra', 'value|pro']);
    expect(Object.values(expected.cooccurrence).some(([pairs], i) => pairs > 0 && i % (codes.length + 1) !== 0)).toBe(true);
    for (const [name, sub] of [['own', 'False'], ['summed', 'True']] as const) {
      const recomputed = expected.frequencies[sub];
      expect(ours[name]).toHaveLength(Object.keys(recomputed).length * codes.length);
      for (const row of ours[name]) {
        const want = recomputed[`${row.group_kind}|${row.group}`][row.code_id];
        expect([Number(row.segments), Number(row.documents), Number(row.documents_share), Number(row.characters), Number(row.characters_share)], `${name} ${row.group_kind} ${row.group} ${row.code_id}`).toEqual(want);
      }
    }
    expect(ours.co).toHaveLength(codes.length ** 2);
    for (const row of ours.co) {
      expect([Number(row.pairs), Number(row.meeting_a), Number(row.meeting_b), Number(row.jaccard)], `${row.code_a_id} × ${row.code_b_id}`).toEqual(expected.cooccurrence[`${row.code_a_id}|${row.code_b_id}`]);
    }
    expect(ours.matrix).toHaveLength(5);
    for (const row of ours.matrix) expect(codes.map(([id]) => Number(row[id!])), row.document_id).toEqual(expected.matrix[row.document_id].segments);
    for (const row of ours.share) expect(codes.map(([id]) => Number(row[id!])), row.document_id).toEqual(expected.matrix[row.document_id].share);
  });
});

const SCIPY = `
import json, sys
from scipy.stats import chi2_contingency, fisher_exact
tables = json.load(sys.stdin)
out = []
for t in tables:
    chi2, p, dof, expected = chi2_contingency(t, correction=False)
    row = {'chi2': chi2, 'p': p, 'df': int(dof), 'expected': expected.tolist()}
    if len(t) == 2 and len(t[0]) == 2:
        odds, fp = fisher_exact(t, alternative='two-sided')
        row['fisher'] = fp
    out.append(row)
print(json.dumps(out))
`;

const close = (ours: number, theirs: number, what: string) => {
  expect(Math.abs(ours - theirs) <= 1e-9 * Math.max(Math.abs(theirs), Number.MIN_VALUE), `${what}: ${ours} vs SciPy ${theirs}`).toBe(true);
};

describe('the tests of the crosstab, recomputed by SciPy', () => {
  it('agree to 1e-9 on generated tables: χ², p, degrees of freedom, expected counts, Fisher’s p', () => {
    const random = mulberry32(15);
    const tables: number[][][] = [[[3, 1], [1, 3]], [[12, 5], [2, 9]], [[0, 7], [9, 1]], [[40, 10], [12, 38]]];
    while (tables.length < 120) {
      const rows = 2 + Math.floor(random() * 3);
      const columns = 2 + Math.floor(random() * 4);
      const scale = [4, 15, 60, 400][Math.floor(random() * 4)];
      const table = Array.from({ length: rows }, () => Array.from({ length: columns }, () => Math.floor(random() * scale)));
      if (table.every((row) => row.some((n) => n > 0)) && table[0].every((_, j) => table.some((row) => row[j] > 0))) tables.push(table);
    }
    const scipy = runPythonScript<Array<{ chi2: number; p: number; df: number; expected: number[][]; fisher?: number }>>(pythonWith('scipy', 'python3-scipy', CHECK), SCIPY, tables);
    let fishers = 0;
    tables.forEach((table, i) => {
      const test = chiSquareTest(table)!;
      const theirs = scipy[i];
      close(test.statistic, theirs.chi2, `χ² of ${JSON.stringify(table)}`);
      close(test.p, theirs.p, `p of ${JSON.stringify(table)}`);
      expect(test.df).toBe(theirs.df);
      test.expected.forEach((row, r) => row.forEach((e, c) => close(e, theirs.expected[r][c], 'expected count')));
      if (theirs.fisher !== undefined) {
        fishers++;
        close(fisherExact(table as [[number, number], [number, number]]).p, theirs.fisher, `Fisher's p of ${JSON.stringify(table)}`);
      }
    });
    expect(fishers).toBeGreaterThan(10);
  });

  it('agree on the command line’s crosstab of a real project', async () => {
    const project = await codedProject();
    const out = join(await tempFolder(), 'crosstab.csv');
    const summary = cli('analysis', '--project', project, '--kind', 'crosstab', '--variable', 'stance', '--out', out) as { chiSquare: { statistic: number; p: number; df: number } };
    const python = pythonWith('pandas, scipy', 'python3-pandas python3-scipy', CHECK);
    const theirs = runPythonScript<{ chi2: number; p: number; df: number }>(
      python,
      `
import json, sys
import pandas as pd
from scipy.stats import chi2_contingency
t = pd.read_csv(json.load(sys.stdin), keep_default_na=False, dtype={'value': str})
table = t.pivot(index='code_id', columns='value', values='count')
table = table.loc[table.sum(axis=1) > 0, table.sum(axis=0) > 0]
chi2, p, dof, _ = chi2_contingency(table.values, correction=False)
print(json.dumps({'chi2': chi2, 'p': p, 'df': int(dof)}))
`,
      out,
    );
    close(summary.chiSquare.statistic, theirs.chi2, 'χ²');
    close(summary.chiSquare.p, theirs.p, 'p');
    expect(summary.chiSquare.df).toBe(theirs.df);
  });
});
