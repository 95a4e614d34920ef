/**
 * The Analysis area's exports through the contract: a figure's table written as CSV and as an
 * Excel workbook into a real folder (read back by Python's csv and openpyxl), and charts saved as
 * SVG (read by xmllint) and PNG, with every hostile or malformed chart refused before a dialog.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { openProject, segmentInput } from '../support/project';
import { pythonWith, runPythonScript } from '../support/python';
import { textFolder } from '../support/temp';

const TEXT = 'Troops crossed the border at dawn 🙂.\r\n\r\nThe minister called it a shameful attack on the border villages.\n';
const ALL = { documentIds: null, coders: null, variable: null };

/** ana codes "Troops crossed the border" and "shameful attack"; bea codes "crossed the border" as opinion. */
async function codedProject() {
  const project = await openProject(undefined, await textFolder({ 'report.txt': TEXT, 'empty.txt': 'Nothing coded here.\n' }));
  const { store, handlers } = project;
  const document = store.overview().documents.find((d) => d.title.startsWith('Troops'))!;
  await dispatch(handlers, 'defineVariable', { name: 'stance', type: 'choice', choices: ['pro', 'contra'] });
  await dispatch(handlers, 'setDocumentValue', { documentId: document.id, name: 'stance', value: 'pro' });
  await store.addSegment(segmentInput(document.id, TEXT, 'Troops crossed the border'));
  await store.addSegment(segmentInput(document.id, TEXT, 'shameful attack', 'opinion'));
  await dispatch(handlers, 'setCoder', { name: 'bea' });
  await store.addSegment(segmentInput(document.id, TEXT, 'crossed the border', 'opinion'));
  await dispatch(handlers, 'setCoder', { name: 'ana' });
  return { ...project, document };
}

function value<T>(answer: { ok: boolean }): T {
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return (answer as unknown as { value: T }).value;
}

const READ_CSV = `
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    print(json.dumps(list(csv.DictReader(f))))
`;

const READ_XLSX = `
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
sheets = {}
for sheet in book.worksheets:
    sheets[sheet.title] = [list(row) for row in sheet.iter_rows(values_only=True)]
print(json.dumps(sheets))
`;

const SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100" viewBox="0 0 200 100">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#336"/></linearGradient></defs>
  <style>.bar { fill: url(#g); }</style>
  <rect class="bar" x="0" y="0" width="120" height="20"/><use xlink:href="#g"/>
  <text x="4" y="40">Rally 🇦🇲 &amp; “protest” — 5 &lt; 6</text>
</svg>`;

/** The smallest whole PNG: one transparent pixel. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==';

describe('exporting the tables of the Analysis area', () => {
  it('writes a table as CSV that Python reads back, and the other tables of a figure when asked', async () => {
    const { store, handlers } = await codedProject();
    const request = { figure: 'frequencies', filter: ALL, withSubcodes: false, words: true, variable: 'stance' };
    const written = value<{ path: string; rows: number }>(await dispatch(handlers, 'exportAnalysisTable', { request, format: 'csv' }));
    expect(written.path).toMatch(/analysis-frequencies-\d{4}-\d\d-\d\d\.csv$/);
    const python = pythonWith('csv', 'python3', 'the analysis table test');
    const rows = runPythonScript<Array<Record<string, string>>>(python, READ_CSV, null, [written.path]);
    expect(rows).toHaveLength(written.rows);
    expect(rows.find((r) => r.group_kind === 'all' && r.code_id === 'opinion')).toMatchObject({ segments: '2', documents: '1', documents_share: '0.5' });
    expect(rows.filter((r) => r.group_kind === 'value').map((r) => r.group)).toContain('pro');

    const pairs = value<{ path: string; rows: number }>(
      await dispatch(handlers, 'exportAnalysisTable', { request: { figure: 'cooccurrence', filter: ALL, proximity: { kind: 'overlap' } }, table: 'pairs', format: 'csv' }),
    );
    expect(pairs.path).toMatch(/analysis-cooccurrence-pairs-.*\.csv$/);
    const pairRows = runPythonScript<Array<Record<string, string>>>(python, READ_CSV, null, [pairs.path]);
    expect(pairRows).toEqual([expect.objectContaining({ code_a_id: 'factual-claim', code_b_id: 'opinion' })]);
    await store.close();
  });

  it('writes a workbook: the table named for its figure with numbers as numbers, and a sheet that says what it counts', async () => {
    const { store, handlers, document } = await codedProject();
    const filter = { documentIds: [document.id], coders: null, variable: null };
    const request = { figure: 'matrix', filter, measure: 'share', withSubcodes: false, variable: 'stance' };
    const written = value<{ path: string; rows: number }>(await dispatch(handlers, 'exportAnalysisTable', { request, format: 'xlsx' }));
    expect(written).toMatchObject({ path: expect.stringMatching(/analysis-matrix-.*\.xlsx$/), rows: 1 });
    const python = pythonWith('openpyxl', 'python3-openpyxl', 'the analysis workbook test');
    const sheets = runPythonScript<Record<string, unknown[][]>>(python, READ_XLSX, null, [written.path]);
    expect(Object.keys(sheets)).toEqual(['Code × document', 'About']);
    const [header, row] = sheets['Code × document'];
    expect(header).toEqual(['document_id', 'document_title', 'var_stance', 'missing', 'characters', 'factual-claim', 'opinion', 'call-to-action']);
    // Numbers are numbers: characters in code points (the emoji is one), shares as fractions.
    expect(row.slice(0, 5)).toEqual([document.id, 'Troops crossed the border at dawn 🙂.', 'pro', 'false', [...TEXT].length]);
    expect(typeof row[5]).toBe('number');
    expect(row[5]).toBeCloseTo(25 / [...TEXT].length, 12);
    const about = Object.fromEntries(sheets.About.slice(1) as Array<[string, string]>);
    expect(about).toMatchObject({
      Figure: 'Code × document matrix',
      Documents: `1 chosen: ${document.title}`,
      Coders: 'all',
      Measure: "share of the document's characters",
      'Grouped by variable': 'stance',
      Units: 'Offsets and characters are counted in Unicode code points.',
    });
    expect(about.Made).toMatch(/^\d{4}-\d\d-\d\dT/);

    // A crosstab's workbook states its test.
    const crosstab = value<{ path: string }>(
      await dispatch(handlers, 'exportAnalysisTable', { request: { figure: 'crosstab', filter: ALL, variable: 'stance', unit: 'segments', withSubcodes: false, codeIds: null }, format: 'xlsx' }),
    );
    const crosstabSheets = runPythonScript<Record<string, unknown[][]>>(python, READ_XLSX, null, [crosstab.path]);
    expect(crosstabSheets.Crosstab[0]).toEqual(['code_id', 'code', 'value', 'missing', 'count', 'row_share', 'column_share', 'expected']);
    expect(crosstabSheets.Crosstab.slice(1).every((r) => typeof r[4] === 'number')).toBe(true);
    expect(Object.fromEntries(crosstabSheets.About.slice(1) as Array<[string, string]>).Test).toMatch(/without continuity correction/);
    await store.close();
  });

  it('refuses a table the figure has not, a request naming what the project lacks, and malformed input', async () => {
    const { store, handlers, exportsFolder } = await codedProject();
    const frequencies = { figure: 'frequencies', filter: ALL, withSubcodes: false, words: false, variable: null };
    const cases: Array<[unknown, string, RegExp]> = [
      [{ request: frequencies, table: 'pairs', format: 'csv' }, 'invalid-input', /no “pairs” table \(it has: main, documents\)/],
      [{ request: { figure: 'words', filter: ALL, codeId: null, withSubcodes: false, language: 'en', languageVariable: null, dropStopWords: true }, table: 'documents', format: 'xlsx' }, 'invalid-input', /no “documents” table/],
      [{ request: { ...frequencies, variable: 'colour' }, format: 'csv' }, 'not-found', /no variable “colour”/],
      [{ request: frequencies, format: 'ods' }, 'invalid-input', /format/],
      [{ request: { figure: 'pie', filter: ALL }, format: 'csv' }, 'invalid-input', /figure/],
      [{ request: frequencies, format: 'csv', extra: 1 }, 'invalid-input', /extra/],
    ];
    for (const [input, code, message] of cases) {
      const answer = await dispatch(handlers, 'exportAnalysisTable', input);
      expect(answer, JSON.stringify(input)).toMatchObject({ ok: false, error: { code } });
      expect((answer as { error: { message: string } }).error.message, JSON.stringify(input)).toMatch(message);
    }
    // Nothing was written.
    expect(await readdir(exportsFolder).catch(() => [])).toEqual([]);
    await store.close();
  });
});

describe('saving a chart of the Analysis area', () => {
  it('saves an SVG that xmllint reads, and a PNG byte for byte', async () => {
    const { store, handlers } = await codedProject();
    const svg = value<{ path: string }>(await dispatch(handlers, 'saveAnalysisChart', { name: 'Frequencies: per code / all', format: 'svg', content: SVG }));
    expect(svg.path).toMatch(/Frequencies-per-code-all\.svg$/);
    expect(await readFile(svg.path, 'utf8')).toBe(SVG);
    expect(execFileSync('xmllint', ['--xpath', 'string(//*[local-name()="text"])', svg.path]).toString().trim()).toBe('Rally 🇦🇲 & “protest” — 5 < 6');
    const png = value<{ path: string }>(await dispatch(handlers, 'saveAnalysisChart', { name: 'Frequencies', format: 'png', content: PNG }));
    expect(png.path).toMatch(/Frequencies\.png$/);
    expect(Buffer.from(await readFile(png.path)).toString('base64')).toBe(PNG);
    // Python's standard library reads its header: one pixel.
    const header = runPythonScript<number[]>(
      pythonWith('struct', 'python3', 'the chart test'),
      'import json, struct, sys\nb = open(sys.argv[1], "rb").read()\nprint(json.dumps(list(struct.unpack(">II", b[16:24]))))',
      null,
      [png.path],
    );
    expect(header).toEqual([1, 1]);
    await store.close();
  });

  it('refuses an SVG that could run or fetch anything, one that is not SVG, and a PNG that is not one, saying why', async () => {
    const { store, handlers, exportsFolder } = await codedProject();
    const svg = (inner: string, root = '<svg xmlns="http://www.w3.org/2000/svg">') => `${root}${inner}</svg>`;
    const refused: Array<[string, 'svg' | 'png', RegExp]> = [
      [svg('<script>alert(1)</script>'), 'svg', /<script> element \(a script\)/],
      [svg('<SCRIPT xmlns="http://www.w3.org/2000/svg">alert(1)</SCRIPT>'), 'svg', /<SCRIPT> element/],
      [svg('<rect onclick="alert(1)"/>'), 'svg', /onclick on <rect> is an event handler/],
      [svg('<rect/>', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'), 'svg', /onload on <svg>/],
      [svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'), 'svg', /<foreignObject> element/],
      [svg('<image href="https://example.org/x.png"/>'), 'svg', /href of <image> refers to “https:\/\/example.org\/x.png” outside the file/],
      [svg('<use xlink:href="other.svg#a" xmlns:xlink="http://www.w3.org/1999/xlink"/>'), 'svg', /the href of <use> refers to “other.svg#a”/],
      [svg('<image href="data:image/png;base64,AAAA"/>'), 'svg', /outside the file/],
      [svg('<a href="javascript:alert(1)"><text>x</text></a>'), 'svg', /href of <a>/],
      [svg('<rect style="fill: url(https://example.org/f)"/>'), 'svg', /url\(…\) other than #…/],
      [svg('<style>@import "https://example.org/x.css";</style>'), 'svg', /@import/],
      [svg('<set attributeName="href" to="javascript:alert(1)"/>'), 'svg', /javascript: address|would change the attribute href/],
      ['<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + svg('<text>&x;</text>'), 'svg', /DOCTYPE or an entity declaration/],
      ['<?xml-stylesheet href="https://example.org/x.css"?>' + svg('<rect/>'), 'svg', /processing instruction/],
      [svg('<text>&nbsp;</text>'), 'svg', /“&nbsp;”, which is not an XML entity/],
      [svg('<rect>'), 'svg', /not well-formed XML/],
      ['<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', 'svg', /one <svg> root element \(it has <html>\)/],
      ['<svg><rect/></svg>', 'svg', /not in the SVG namespace/],
      ['<svg xmlns="http://www.w3.org/1999/xhtml"/>', 'svg', /not in the SVG namespace/],
      [`data:image/png;base64,${PNG}`, 'png', /without the “data:” prefix/],
      ['iVBORw0KGgo*AAAA', 'png', /not valid base64/],
      [Buffer.from('GIF89a, not a PNG at all, but long enough to be read as one.').toString('base64'), 'png', /PNG signature/],
      [PNG.slice(0, 60), 'png', /IEND|base64/],
      [Buffer.from(SVG).toString('base64'), 'png', /PNG signature/],
    ];
    for (const [content, format, message] of refused) {
      const answer = await dispatch(handlers, 'saveAnalysisChart', { name: 'chart', format, content });
      expect(answer, content).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect((answer as { error: { message: string } }).error.message, content).toMatch(message);
    }
    for (const input of [
      { name: '', format: 'svg', content: SVG },
      { name: 'x'.repeat(201), format: 'svg', content: SVG },
      { name: 'chart', format: 'gif', content: SVG },
      { name: 'chart', format: 'svg', content: '' },
      { name: 'chart', format: 'svg' },
    ]) {
      expect(await dispatch(handlers, 'saveAnalysisChart', input), JSON.stringify(input).slice(0, 80)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    // Too large: refused with the limit named, before anything is written.
    const huge = svg(`<text>${'x'.repeat(20 * 1024 * 1024)}</text>`);
    const answer = await dispatch(handlers, 'saveAnalysisChart', { name: 'chart', format: 'svg', content: huge });
    expect((answer as { error: { message: string } }).error.message).toMatch(/more than the 20971520 a chart may have/);
    expect(await readdir(exportsFolder).catch(() => [])).toEqual([]);
    await store.close();
  });
});
