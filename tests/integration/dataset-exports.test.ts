import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { FIXTURE_TEXTS } from '../support/fixtures';
import { value } from '../support/builders';
import { openProject } from '../support/project';
import { pythonWith, runPythonScript } from '../support/python';
import { textFolder } from '../support/temp';

/** A project over the hard fixtures, with overlapping segments, a nested code and a variable. */
async function codedProject() {
  const project = await openProject(undefined, await textFolder(FIXTURE_TEXTS));
  const { store, handlers } = project;
  const nested = value<{ codes: Array<{ id: string }> }>(await dispatch(handlers, 'addCode', { name: 'Rally / protest', parentId: 'call-to-action' }));
  const sub = nested.codes.at(-1)!.id;
  await dispatch(handlers, 'defineVariable', { name: 'lang', type: 'text', choices: [] });
  const emoji = store.overview().documents.find((d) => d.file === 'emoji.txt')!;
  await dispatch(handlers, 'setDocumentValue', { documentId: emoji.id, name: 'lang', value: 'en' });
  const text = await store.text(emoji.id);
  const span = (words: string, codeId: string, from = 0) => {
    const start = text.indexOf(words, from);
    return store.addSegment({ id: crypto.randomUUID(), documentId: emoji.id, codeId, start, end: start + words.length });
  };
  await span('Rally 🇦🇲 today', sub);
  await span('today 😀!', sub); // overlaps the first on "today"
  await span('"peace 🕊 now"', 'opinion');
  return { ...project, emoji, text, sub };
}

describe('more export formats', () => {
  it('writes the wide table: per code, segments, coded code points (overlaps once) and 0/1', async () => {
    const { handlers, emoji, text } = await codedProject();
    const exported = value<{ path: string }>(await dispatch(handlers, 'exportDataset', { format: 'wide-csv' }));
    const rows = JSON.parse(
      execFileSync('python3', ['-c', 'import csv,json,sys; print(json.dumps(list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))))', exported.path]).toString(),
    );
    const row = rows.find((r: Record<string, string>) => r.document_id === emoji.id);
    const union = Array.from(text.slice(0, text.indexOf('!') + 1)).length; // "Rally 🇦🇲 today 😀!" in code points
    expect(row).toMatchObject({
      var_lang: 'en',
      characters: String(Array.from(text).length),
      call_to_action_rally_protest_n: '2',
      call_to_action_rally_protest_chars: String(union),
      call_to_action_rally_protest_any: '1',
      opinion_n: '1',
      factual_claim_n: '0',
      factual_claim_any: '0',
    });
    expect(rows).toHaveLength(6);
  });

  it('writes JSON Lines in doccano span format, offsets in code points', async () => {
    const { handlers, store } = await codedProject();
    const exported = value<{ path: string }>(await dispatch(handlers, 'exportDataset', { format: 'jsonl' }));
    const check = `
import json, sys
bad, spans = [], 0
for line in open(sys.argv[1], encoding='utf-8'):
    doc = json.loads(line)
    for start, end, label in doc['label']:
        spans += 1
        if not doc['text'][start:end].strip():
            bad.append(label)
print(json.dumps({'spans': spans, 'bad': bad, 'first': [d for d in [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')] if d['label']][0]['label']}))
`;
    const result = JSON.parse(execFileSync('python3', ['-c', check, exported.path]).toString());
    expect(result.spans).toBe(3);
    expect(result.bad).toEqual([]);
    const quotes = (await store.dataset()).segments.map((s) => s.quote).sort();
    const jsonl = (await readFile(exported.path, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const doc = jsonl.find((d) => d.label.length);
    const taken = doc.label.map(([start, end]: [number, number]) => Array.from(doc.text as string).slice(start, end).join('')).sort();
    expect(taken).toEqual(quotes);
    expect(doc.label.map((l: unknown[]) => l[2])).toContain('call to action / Rally / protest');
  });

  it('writes a data package whose schema names every column of both CSV files', async () => {
    const { handlers } = await codedProject();
    const exported = value<{ path: string }>(await dispatch(handlers, 'exportDataset', { format: 'datapackage' }));
    const description = JSON.parse(await readFile(join(exported.path, 'datapackage.json'), 'utf8'));
    for (const resource of description.resources) {
      const header = (await readFile(join(exported.path, resource.path), 'utf8')).split('\n')[0].split(',');
      expect(resource.schema.fields.map((f: { name: string }) => f.name)).toEqual(header);
      expect(resource.schema.fields.every((f: { description: string }) => f.description.length > 10)).toBe(true);
    }
    const start = description.resources[0].schema.fields.find((f: { name: string }) => f.name === 'start');
    expect(start).toMatchObject({ type: 'integer', description: expect.stringMatching(/Unicode code points/) });
  });
});

describe('the Excel workbook', () => {
  it('holds the segments, the documents and the codebook, read back by ExcelJS with the same rows', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const { handlers, store } = await codedProject();
    const segment = (await store.dataset()).segments[0];
    await dispatch(handlers, 'setSegmentMemo', { segmentId: segment.id, memo: '=HYPERLINK("http://x")' });
    const exported = value<{ path: string; rows: number }>(await dispatch(handlers, 'exportDataset', { format: 'xlsx' }));
    expect(exported.rows).toBe(3);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(exported.path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Segments', 'Documents', 'Codebook']);
    const rows = (name: string) => {
      const sheet = workbook.getWorksheet(name)!;
      const [header, ...body] = sheet.getSheetValues().slice(1) as unknown[][];
      return body.map((row) => Object.fromEntries((header.slice(1) as string[]).map((column, i) => [column, row[i + 1] ?? ''])));
    };
    const { segmentRows } = await import('../../shared/exports/csv-export');
    const expected = segmentRows(await store.dataset());
    const got = rows('Segments');
    expect(got).toHaveLength(expected.length);
    got.forEach((row, i) => {
      expect(row.text).toBe(expected[i].text);
      expect(row.start).toBe(Number(expected[i].start)); // a number, not text
      expect(row.code_path).toBe(expected[i].code_path);
    });
    // A memo that looks like a formula is kept as text.
    expect(got.map((row) => row.memo)).toContain('=HYPERLINK("http://x")');
    expect(rows('Documents')).toHaveLength(6);
    expect(rows('Codebook').map((row) => row.code_path)).toEqual(['factual claim', 'opinion', 'call to action', 'call to action / Rally / protest']);
  });

  it('reads back in openpyxl with every text exact: CRLF, lone CR, emoji, combining marks and literal _xHHHH_', async () => {
    const { handlers, store } = await codedProject();
    const documents = store.overview().documents;
    const byFile = (file: string) => documents.find((d) => d.file === file)!;
    const code = async (file: string, words: string) => {
      const { id } = byFile(file);
      const start = (await store.text(id)).indexOf(words);
      return store.addSegment({ id: crypto.randomUUID(), documentId: id, codeId: 'factual-claim', start, end: start + words.length });
    };
    await code('crlf.txt', 'line\r\nSecond, with "quotes"\r\n\r\nFourth');
    await code('combining.txt', 'Cafe\u0301 — re\u0301sume\u0301\nSecond');
    // Readers decode _xHHHH_ in cell text; a literal one must stay literal, as must a CR in a memo.
    const memo = 'one\r\ntwo\rthree: _x000D_ and _x0041_ stay';
    const segment = (await store.dataset()).segments.find((s) => s.quote.includes('\r\n'))!;
    await dispatch(handlers, 'setSegmentMemo', { segmentId: segment.id, memo });
    const title = 'Title\r\nover _x0041_ two lines';
    await dispatch(handlers, 'updateDocument', { documentId: byFile('crlf.txt').id, title });
    await dispatch(handlers, 'setDocumentValue', { documentId: byFile('crlf.txt').id, name: 'lang', value: 'en\r\nGB' });
    await dispatch(handlers, 'updateCode', { id: 'opinion', patch: { description: 'A view,\r\nnot a fact' } });
    const exported = value<{ path: string }>(await dispatch(handlers, 'exportDataset', { format: 'xlsx' }));

    const texts = Object.fromEntries(await Promise.all(documents.map(async (d) => [d.id, await store.text(d.id)])));
    const read = `
import json, sys, openpyxl
texts = json.load(sys.stdin)
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
sheets = {}
for sheet in book.worksheets:
    rows = [['' if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    sheets[sheet.title] = [dict(zip(rows[0], row)) for row in rows[1:]]
wrong = [row['segment_id'] for row in sheets['Segments'] if row['text'] != texts[row['document_id']][row['start']:row['end']]]
print(json.dumps({'sheets': sheets, 'wrong': wrong}))
`;
    const python = pythonWith('openpyxl', 'python3-openpyxl', 'the Excel workbook test');
    type Rows = Array<Record<string, string | number>>;
    const { sheets, wrong } = runPythonScript<{ sheets: Record<string, Rows>; wrong: string[] }>(python, read, texts, [exported.path]);

    // Every quote is the document's slice in code points, as Python slices it.
    expect(sheets.Segments).toHaveLength(5);
    expect(wrong).toEqual([]);
    expect(sheets.Segments.map((row) => row.text)).toEqual(expect.arrayContaining([
      'line\r\nSecond, with "quotes"\r\n\r\nFourth',
      'Cafe\u0301 — re\u0301sume\u0301\nSecond',
      'Rally 🇦🇲 today',
    ]));
    expect(sheets.Segments.find((row) => row.segment_id === segment.id)).toMatchObject({ memo, document_title: title });
    expect(sheets.Documents.find((row) => row.document_id === byFile('crlf.txt').id)).toMatchObject({ document_title: title, var_lang: 'en\r\nGB' });
    expect(sheets.Codebook.find((row) => row.code_id === 'opinion')).toMatchObject({ description: 'A view,\r\nnot a fact' });
  });
});
