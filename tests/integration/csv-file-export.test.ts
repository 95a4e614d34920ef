import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { FIXTURE_TEXTS } from '../support/fixtures';
import { openProject } from '../support/project';
import { textFolder } from '../support/temp';

/** Python's csv module reads the export and checks every row against the document's code points. */
const PYTHON_CHECK = `
import csv, json, sys
path, documents, encoding = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
with open(path, newline='', encoding=encoding) as f:
    rows = list(csv.DictReader(f))
bad = []
for row in rows:
    with open(documents[row['document_file']], encoding='utf-8', newline='') as d:
        text = d.read()
    if text[int(row['start']):int(row['end'])] != row['text']:
        bad.append(row['segment_id'])
print(json.dumps({'rows': len(rows), 'bad': bad, 'columns': list(rows[0].keys()) if rows else []}))
`;

describe('CSV export to a file', () => {
  it('writes a file that Python reads, with text == document[start:end] in code points on hard fixtures', async () => {
    const bundled = await textFolder(FIXTURE_TEXTS);
    const { store, handlers, folder } = await openProject(undefined, bundled);
    let expected = 0;
    for (const document of store.overview().documents) {
      const { text } = await store.openDocument(document.id);
      // Every non-blank stretch between spaces, and one segment across the first line break.
      for (const match of text.matchAll(/\S+/g)) {
        await store.addSegment({ id: crypto.randomUUID(), documentId: document.id, codeId: 'opinion', start: match.index!, end: match.index! + match[0].length });
        expected++;
      }
      const lineBreak = text.search(/\r?\n/);
      if (lineBreak > 2) {
        await store.addSegment({ id: crypto.randomUUID(), documentId: document.id, codeId: 'call-to-action', start: 1, end: Math.min(text.length, lineBreak + 6) });
        expected++;
      }
    }
    const documents = Object.fromEntries(store.overview().documents.map((d) => [d.file, join(folder, 'documents', d.file)]));
    const standard = await dispatch(handlers, 'exportCsv', { flavour: 'standard' });
    expect(standard).toMatchObject({ ok: true, value: { rows: expected } });
    const path = (standard as { value: { path: string } }).value.path;
    const checked = JSON.parse(execFileSync('python3', ['-c', PYTHON_CHECK, path, JSON.stringify(documents), 'utf-8']).toString());
    expect(checked).toEqual({
      rows: expected,
      bad: [],
      columns: ['document_id', 'document_title', 'document_file', 'document_sha256', 'segment_id', 'code', 'code_id', 'code_path', 'start', 'end', 'text', 'coder', 'created_at', 'updated_at', 'memo', 'origin'],
    });
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);

    // The Excel flavour: BOM, CRLF rows, a cell starting with "-" or "=" made inert.
    const excel = await dispatch(handlers, 'exportCsv', { flavour: 'excel' });
    const excelText = await readFile((excel as { value: { path: string } }).value.path, 'utf8');
    expect(excelText.startsWith('\uFEFFdocument_id,')).toBe(true);
    expect(excelText).toContain('\r\n');
    expect(excelText).toContain(",'-minus,");
    expect(excelText).toContain(",'=,");
    await store.close();
  });

  it('never replaces an earlier export in the exports folder', async () => {
    const { handlers } = await openProject();
    const first = await dispatch(handlers, 'exportCsv', { flavour: 'standard' });
    const second = await dispatch(handlers, 'exportCsv', { flavour: 'standard' });
    expect((first as { value: { path: string } }).value.path).not.toBe((second as { value: { path: string } }).value.path);
  });
});
