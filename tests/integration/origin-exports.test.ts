/**
 * The origin of each coded segment (coded by hand, or accepted from a suggestion) read back from
 * every export by Python's own readers: csv for the CSV files, json for JSON Lines and the coder
 * file, openpyxl for the workbook.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import type { CodedSegment } from '../../shared/model/segments';
import { value } from '../support/builders';
import { openProject, segmentInput } from '../support/project';
import { pythonWith, runPythonScript } from '../support/python';

/** A project where ana codes two passages by hand and accepts a suggestion for a third. */
async function assistedProject() {
  const project = await openProject();
  const { store } = project;
  const document = store.documents[0]!;
  const text = await store.text(document.id);
  const words = text.match(/\S+/g)!;
  const passage = (from: number) => words.slice(from, from + 3).join(' ');
  const manual = [await store.addSegment(segmentInput(document.id, text, passage(0))), await store.addSegment(segmentInput(document.id, text, passage(6), 'opinion'))];
  const accepted = await store.addSegment({ ...segmentInput(document.id, text, passage(12), 'call-to-action'), origin: 'suggestion' });
  return { ...project, manual, accepted };
}

/** Each segment's id and what `origin` the export says for it. */
type Origins = Record<string, string>;

const expected = (manual: readonly CodedSegment[], accepted: CodedSegment): Origins => ({
  ...Object.fromEntries(manual.map((s) => [s.id, 'manual'])),
  [accepted.id]: 'suggestion',
});

const CSV_ORIGINS = `
import csv, json, sys
encoding = 'utf-8-sig' if sys.argv[2] == 'excel' else 'utf-8'
with open(sys.argv[1], newline='', encoding=encoding) as f:
    print(json.dumps({row['segment_id']: row['origin'] for row in csv.DictReader(f)}))
`;

describe('the origin of each segment, read back by Python', () => {
  it('is in both CSV flavours and in the data package’s segments.csv, read by the csv module', async () => {
    const { handlers, manual, accepted, store } = await assistedProject();
    const python = pythonWith('csv', 'python3', 'the origin read-back');
    for (const flavour of ['standard', 'excel'] as const) {
      const exported = value<{ path: string }>(await dispatch(handlers, 'exportCsv', { flavour }));
      expect(runPythonScript<Origins>(python, CSV_ORIGINS, null, [exported.path, flavour])).toEqual(expected(manual, accepted));
    }
    const folder = value<{ path: string }>(await dispatch(handlers, 'exportDataset', { format: 'datapackage' })).path;
    expect(runPythonScript<Origins>(python, CSV_ORIGINS, null, [join(folder, 'segments.csv'), 'standard'])).toEqual(expected(manual, accepted));
    const wide = runPythonScript<Array<Record<string, string>>>(
      python,
      `import csv, json, sys\nprint(json.dumps(list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))))`,
      null,
      [join(folder, 'documents-wide.csv')],
    );
    expect(wide.find((row) => row.document_id === accepted.documentId)).toMatchObject({ suggested_segments: '1' });
    expect(wide.filter((row) => row.document_id !== accepted.documentId).every((row) => row.suggested_segments === '0')).toBe(true);
    await store.close();
  });

  it('is in JSON Lines (one origin per label) and in the coder file, read by the json module', async () => {
    const { handlers, manual, accepted, store } = await assistedProject();
    const python = pythonWith('json', 'python3', 'the origin read-back');
    const jsonl = value<{ path: string }>(await dispatch(handlers, 'exportDataset', { format: 'jsonl' })).path;
    const labels = runPythonScript<Array<[string, string]>>(
      python,
      `
import json, sys
out = []
for line in open(sys.argv[1], encoding='utf-8'):
    doc = json.loads(line)
    assert len(doc['origin']) == len(doc['label'])
    out += [[label[2], origin] for label, origin in zip(doc['label'], doc['origin'])]
print(json.dumps(out))
`,
      null,
      [jsonl],
    );
    expect(labels.sort()).toEqual([
      ['call to action', 'suggestion'],
      ['factual claim', 'manual'],
      ['opinion', 'manual'],
    ]);
    const coderFile = value<{ path: string }>(await dispatch(handlers, 'exportCoderFile', {})).path;
    const inFile = runPythonScript<Origins>(python, `import json, sys\nprint(json.dumps({s['id']: s['origin'] for s in json.load(open(sys.argv[1], encoding='utf-8'))['segments']}))`, null, [coderFile]);
    expect(inFile).toEqual(expected(manual, accepted));
    await store.close();
  });

  it('is a column of the workbook’s Segments sheet, read by openpyxl', async () => {
    const { handlers, manual, accepted, store } = await assistedProject();
    const python = pythonWith('openpyxl', 'python3-openpyxl', 'the origin read-back from the workbook');
    const workbook = value<{ path: string }>(await dispatch(handlers, 'exportDataset', { format: 'xlsx' })).path;
    const read = runPythonScript<{ origins: Origins; suggested: Record<string, number> }>(
      python,
      `
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
def rows(name):
    values = list(book[name].iter_rows(values_only=True))
    return [dict(zip(values[0], row)) for row in values[1:]]
print(json.dumps({
    'origins': {row['segment_id']: row['origin'] for row in rows('Segments')},
    'suggested': {row['document_id']: row['suggested_segments'] for row in rows('Documents')},
}))
`,
      null,
      [workbook],
    );
    expect(read.origins).toEqual(expected(manual, accepted));
    expect(read.suggested[accepted.documentId]).toBe(1); // a number, as the other counts
    await store.close();
  });
});
