/**
 * CSV export of the coded dataset: one row per coded segment, in document order and then text
 * order. Offsets are converted to Unicode code points here, so that `text == document[start:end]`
 * holds in Python and `substr(document, start + 1, end)` in R.
 *
 * Two flavours. `standard` is for R, pandas and SPSS: UTF-8 without BOM, `\n` after every row,
 * every cell exactly as in the data. `excel` is for double-click opening in a spreadsheet: UTF-8
 * with BOM, `\r\n` after every row, and any cell that a spreadsheet would run as a formula (it
 * begins with `=`, `+`, `-`, `@`, a tab or a carriage return) prefixed with an apostrophe.
 * Quoting follows RFC 4180 in both (d3-dsv writes each row: a field holding a comma, a quote or a
 * line break is quoted, quotes doubled).
 *
 * The text comes out in chunks of rows, so that a large export is written to disk as it is made
 * rather than held as one string.
 */
import { csvFormatRow } from 'd3-dsv';
import { codePath } from '../model/codebook';
import { CodePointIndex } from '../text/offsets';
import { compareInTextOrder, type CodedSegment } from '../model/segments';
import type { DatasetInput } from '../model/project';
import { variableColumn, type VariableDefinition } from '../model/variables';

export type CsvFlavour = 'standard' | 'excel';

/** The columns, in order. */
export const SEGMENT_CSV_COLUMNS = [
  'document_id',
  'document_title',
  'document_file',
  'document_sha256',
  'segment_id',
  'code',
  'code_id',
  'code_path',
  'start',
  'end',
  'text',
  'coder',
  'created_at',
  'updated_at',
  'memo',
  'origin',
] as const;

export type SegmentCsvColumn = (typeof SEGMENT_CSV_COLUMNS)[number];
export type SegmentCsvRow = Record<SegmentCsvColumn, string> & Record<string, string>;

/** The columns of an export: the fixed ones, with a column per document variable after document_sha256. */
export function segmentColumns(variables: readonly VariableDefinition[] = []): string[] {
  const at = SEGMENT_CSV_COLUMNS.indexOf('document_sha256') + 1;
  return [...SEGMENT_CSV_COLUMNS.slice(0, at), ...variables.map((v) => variableColumn(v.name)), ...SEGMENT_CSV_COLUMNS.slice(at)];
}

/**
 * One record per segment, cells in column order, offsets in code points, `text` taken from the
 * document itself.
 */
export function* segmentRecords(input: DatasetInput): Generator<string[]> {
  const codeNames = new Map(input.codes.map((code) => [code.id, code.name]));
  const codePaths = new Map(input.codes.map((code) => [code.id, codePath(input.codes, code.id)]));
  const byDocument = new Map<string, CodedSegment[]>();
  for (const segment of input.segments) {
    const list = byDocument.get(segment.documentId);
    if (list) list.push(segment);
    else byDocument.set(segment.documentId, [segment]);
  }
  for (const { record, text } of input.documents) {
    const segments = byDocument.get(record.id);
    if (!segments) continue;
    const index = new CodePointIndex(text);
    const values = (input.variables ?? []).map((v) => {
      const value = record.values[v.name];
      return value === undefined || value === null ? '' : String(value);
    });
    for (const segment of segments.sort(compareInTextOrder)) {
      yield [
        record.id,
        record.title,
        record.file,
        record.sha256,
        ...values,
        segment.id,
        codeNames.get(segment.codeId) ?? segment.codeId,
        segment.codeId,
        codePaths.get(segment.codeId) ?? segment.codeId,
        String(index.toCodePoints(segment.start)),
        String(index.toCodePoints(segment.end)),
        text.slice(segment.start, segment.end),
        segment.coder,
        segment.createdAt,
        segment.updatedAt,
        segment.memo,
        segment.origin,
      ];
    }
  }
}

/** The same records keyed by column name (for tests and for exports that want objects). */
export function segmentRows(input: DatasetInput): SegmentCsvRow[] {
  const columns = segmentColumns(input.variables);
  return Array.from(segmentRecords(input), (cells) => Object.fromEntries(columns.map((column, i) => [column, cells[i]])) as SegmentCsvRow);
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a spreadsheet would take the cell for a formula. */
export function looksLikeFormula(cell: string): boolean {
  return FORMULA_START.test(cell);
}

/** Rows per chunk of CSV text. */
const CHUNK_ROWS = 4096;

/** CSV text in chunks: the header (after a BOM in the Excel flavour), then the rows. */
export function* csvChunks(
  columns: readonly string[],
  records: Iterable<readonly string[]>,
  flavour: CsvFlavour,
): Generator<string> {
  const excel = flavour === 'excel';
  const newline = excel ? '\r\n' : '\n';
  const line = excel
    ? (cells: readonly string[]) => csvFormatRow(cells.map((cell) => (FORMULA_START.test(cell) ? `'${cell}` : cell)))
    : (cells: readonly string[]) => csvFormatRow(cells as string[]);
  if (excel) yield '\uFEFF';
  let lines = [line(columns)];
  for (const cells of records) {
    lines.push(line(cells));
    if (lines.length === CHUNK_ROWS) {
      yield `${lines.join(newline)}${newline}`;
      lines = [];
    }
  }
  if (lines.length) yield `${lines.join(newline)}${newline}`;
}

/** Writes rows given as objects as CSV text in the given flavour (one string). */
export function rowsToCsv(
  rows: ReadonlyArray<Record<string, string | number>>,
  columns: readonly string[],
  flavour: CsvFlavour,
): string {
  return [...csvChunks(columns, rows.map((row) => columns.map((column) => String(row[column]))), flavour)].join('');
}

/** The items of a list, telling `onItem` as each is taken (for progress). */
export function* counted<T>(items: Iterable<T>, onItem?: () => void): Generator<T> {
  for (const item of items) {
    onItem?.();
    yield item;
  }
}

/** The coded dataset as CSV chunks; `onRow` hears of each segment row as it is made. */
export function segmentsCsvChunks(input: DatasetInput, flavour: CsvFlavour, onRow?: () => void): Generator<string> {
  return csvChunks(segmentColumns(input.variables), counted(segmentRecords(input), onRow), flavour);
}

/** The coded dataset as one CSV string. */
export function segmentsCsv(input: DatasetInput, flavour: CsvFlavour): string {
  return [...segmentsCsvChunks(input, flavour)].join('');
}
