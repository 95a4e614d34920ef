/**
 * CSV export of the coded dataset: one row per coded segment, in document order and then text
 * order. Offsets are converted to Unicode code points here, so that `text == document[start:end]`
 * holds in Python and `substr(document, start + 1, end)` in R.
 *
 * Two flavours. `standard` is for R, pandas and SPSS: UTF-8 without BOM, `\n` between rows,
 * every cell exactly as in the data. `excel` is for double-click opening in a spreadsheet: UTF-8
 * with BOM, `\r\n` between rows, and any cell that a spreadsheet would run as a formula (it
 * begins with `=`, `+`, `-`, `@`, a tab or a carriage return) prefixed with an apostrophe.
 * Quoting follows RFC 4180 in both (Papa Parse writes it: a field holding the delimiter, a quote, a
 * line break, or a leading or trailing space is quoted, quotes doubled).
 */
import Papa from 'papaparse';
import type { Code } from './codebook';
import type { DocumentRecord } from './documents';
import { CodePointIndex } from './offsets';
import { compareInTextOrder, type CodedSegment } from './segments';

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
  'start',
  'end',
  'text',
  'coder',
  'created_at',
  'updated_at',
] as const;

export type SegmentCsvRow = Record<(typeof SEGMENT_CSV_COLUMNS)[number], string | number>;

export interface DatasetInput {
  documents: ReadonlyArray<{ record: DocumentRecord; text: string }>;
  codes: readonly Code[];
  segments: readonly CodedSegment[];
}

/** One row per segment, offsets in code points, `text` taken from the document itself. */
export function segmentRows(input: DatasetInput): SegmentCsvRow[] {
  const codeNames = new Map(input.codes.map((code) => [code.id, code.name]));
  const byDocument = new Map<string, CodedSegment[]>();
  for (const segment of input.segments) {
    const list = byDocument.get(segment.documentId);
    if (list) list.push(segment);
    else byDocument.set(segment.documentId, [segment]);
  }
  const rows: SegmentCsvRow[] = [];
  for (const { record, text } of input.documents) {
    const segments = byDocument.get(record.id);
    if (!segments) continue;
    const index = new CodePointIndex(text);
    for (const segment of [...segments].sort(compareInTextOrder)) {
      rows.push({
        document_id: record.id,
        document_title: record.title,
        document_file: record.file,
        document_sha256: record.sha256,
        segment_id: segment.id,
        code: codeNames.get(segment.codeId) ?? segment.codeId,
        code_id: segment.codeId,
        start: index.toCodePoints(segment.start),
        end: index.toCodePoints(segment.end),
        text: text.slice(segment.start, segment.end),
        coder: segment.coder,
        created_at: segment.createdAt,
        updated_at: segment.updatedAt,
      });
    }
  }
  return rows;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a spreadsheet would take the cell for a formula. */
export function looksLikeFormula(cell: string): boolean {
  return FORMULA_START.test(cell);
}

/** Writes rows as CSV text in the given flavour, one line break after every row. */
export function rowsToCsv(
  rows: ReadonlyArray<Record<string, string | number>>,
  columns: readonly string[],
  flavour: CsvFlavour,
): string {
  const excel = flavour === 'excel';
  const newline = excel ? '\r\n' : '\n';
  const body = Papa.unparse(
    { fields: [...columns], data: rows.map((row) => columns.map((column) => row[column])) },
    // Excel flavour: Papa Parse prefixes an apostrophe to (and quotes) formula-like cells.
    { newline, escapeFormulae: excel ? FORMULA_START : false, quotes: false },
  );
  return `${excel ? '\uFEFF' : ''}${body}${newline}`;
}

/** The coded dataset as CSV text. */
export function segmentsCsv(input: DatasetInput, flavour: CsvFlavour): string {
  return rowsToCsv(segmentRows(input), SEGMENT_CSV_COLUMNS, flavour);
}
