/**
 * The figures of the Analysis area as tables for R, pandas and spreadsheets: columns and rows of
 * text, written as CSV by the dataset export's writer (csv-export.ts: RFC 4180 quoting; the
 * `standard` flavour is UTF-8 without BOM with `\n` line ends, the `excel` flavour adds a BOM,
 * `\r\n` and guards cells a spreadsheet would run as formulas). Numbers are written in full
 * (shares as fractions 0–1, as JavaScript prints a double), so that a reader recomputing them gets
 * the same doubles; offsets and characters are Unicode code points. A document without a value of
 * the variable has an empty value and `missing` = true.
 */
import { csvChunks, type CsvFlavour } from '../exports/csv-export';
import type { CodeDocumentMatrix } from './code-document-matrix';
import { cellPairs, type Cooccurrence, type OverlapPassage } from './cooccurrence';
import type { Crosstab } from './crosstab';
import type { CodeFrequency, Frequencies, FrequencyBase } from './frequencies';
import type { KeywordInContext, WordCount } from './word-frequencies';
import type { AnalysisFigure } from './analysis-request';

/** A table: its column names and its rows, cells as text. */
export interface AnalysisTable {
  columns: string[];
  rows: string[][];
}

const number = (value: number | null) => (value === null ? '' : String(value));

export const FREQUENCY_COLUMNS = [
  'group_kind',
  'group',
  'missing',
  'code_id',
  'code',
  'code_path',
  'depth',
  'segments',
  'documents',
  'documents_share',
  'characters',
  'characters_share',
  'words',
  'words_share',
  'base_documents',
  'base_characters',
  'base_words',
  // Last, so that the columns before it keep their places.
  'segments_suggested',
];

/** Frequencies in long form: the whole corpus ('all'), then each coder ('coder'), then each value of the variable ('value'). */
export function frequencyTable(figures: Frequencies): AnalysisTable {
  const rows: string[][] = [];
  const add = (kind: string, group: string, missing: boolean, base: FrequencyBase, codes: readonly CodeFrequency[]) => {
    for (const c of codes) {
      rows.push([
        kind,
        group,
        String(missing),
        c.codeId,
        c.name,
        c.path,
        String(c.depth),
        String(c.segments),
        String(c.documents),
        number(c.documentShare),
        String(c.characters),
        number(c.characterShare),
        number(c.words),
        number(c.wordShare),
        String(base.documents),
        String(base.characters),
        number(base.words),
        String(c.suggested),
      ]);
    }
  };
  add('all', '', false, figures.base, figures.codes);
  for (const { coder, base, codes } of figures.byCoder) add('coder', coder, false, base, codes);
  for (const { value, base, codes } of figures.byValue ?? []) add('value', value, value === '', base, codes);
  return { columns: FREQUENCY_COLUMNS, rows };
}

/** Per document: its segments, codes, characters and the share of them coded. */
export function documentFrequencyTable(figures: Frequencies): AnalysisTable {
  return {
    columns: ['document_id', 'document_title', 'segments', 'codes', 'characters', 'coded_characters', 'coded_share', 'words', 'coded_words'],
    rows: figures.byDocument.map((d) => [d.documentId, d.title, String(d.segments), String(d.codes), String(d.characters), String(d.codedCharacters), number(d.codedShare), number(d.words), number(d.codedWords)]),
  };
}

/** Co-occurrence in long form: a row per ordered pair of codes, the diagonal included. */
export function cooccurrenceTable(matrix: Cooccurrence): AnalysisTable {
  const rows: string[][] = [];
  matrix.codes.forEach((a, i) =>
    matrix.codes.forEach((b, j) => {
      const cell = matrix.cells[i][j];
      rows.push([a.codeId, a.path, b.codeId, b.path, String(a.segments), String(b.segments), String(cell.pairs), String(cell.meetingRow), String(cell.meetingColumn), number(cell.jaccard)]);
    }),
  );
  return { columns: ['code_a_id', 'code_a', 'code_b_id', 'code_b', 'segments_a', 'segments_b', 'pairs', 'meeting_a', 'meeting_b', 'jaccard'], rows };
}

/** The pairs of segments behind the co-occurrence matrix: a row per pair (A before B in the codebook's order). */
export function cooccurrencePairsTable(matrix: Cooccurrence): AnalysisTable {
  const rows: string[][] = [];
  matrix.codes.forEach((a, i) =>
    matrix.codes.forEach((b, j) => {
      if (j <= i) return;
      for (const [first, second] of cellPairs(matrix, i, j)) rows.push([a.codeId, b.codeId, first, second]);
    }),
  );
  return { columns: ['code_a_id', 'code_b_id', 'segment_a_id', 'segment_b_id'], rows };
}

/** The code × document matrix, wide: a row per document, a column per code (named by its id). */
export function matrixTable(matrix: CodeDocumentMatrix): AnalysisTable {
  const groupColumns = matrix.variable ? [`var_${matrix.variable}`, 'missing'] : [];
  return {
    columns: ['document_id', 'document_title', ...groupColumns, 'characters', ...matrix.codes.map((c) => c.codeId)],
    rows: matrix.rows.map((row) => [
      row.documentId,
      row.title,
      ...(matrix.variable ? [row.group, String(row.group === '')] : []),
      String(row.characters),
      ...row.cells.map((cell) => number(cell)),
    ]),
  };
}

/** The crosstab in long form: a row per code and value, with its shares and expected count (when tested). */
export function crosstabTable(table: Crosstab): AnalysisTable {
  const rows: string[][] = [];
  const keptCodes = table.codes.map((c) => c.codeId).filter((id) => !table.dropped.codeIds.includes(id));
  const keptValues = table.values.filter((v) => !table.dropped.values.includes(v));
  table.codes.forEach((code, i) =>
    table.values.forEach((value, j) => {
      const ti = keptCodes.indexOf(code.codeId);
      const tj = keptValues.indexOf(value);
      const expected = table.chiSquare && ti >= 0 && tj >= 0 ? table.chiSquare.expected[ti][tj] : null;
      rows.push([code.codeId, code.path, value, String(value === ''), String(table.counts[i][j]), number(table.rowShares[i][j]), number(table.columnShares[i][j]), number(expected)]);
    }),
  );
  return { columns: ['code_id', 'code', 'value', 'missing', 'count', 'row_share', 'column_share', 'expected'], rows };
}

export function wordTable(words: readonly WordCount[]): AnalysisTable {
  return { columns: ['word', 'count', 'documents'], rows: words.map((w) => [w.word, String(w.count), String(w.documents)]) };
}

export function keywordTable(lines: readonly KeywordInContext[]): AnalysisTable {
  return {
    columns: ['document_id', 'document_title', 'segment_id', 'start', 'end', 'left', 'word', 'right'],
    rows: lines.map((k) => [k.documentId, k.documentTitle, k.segmentId, String(k.start), String(k.end), k.left, k.word, k.right]),
  };
}

/** The "AND" query's passages: the overlap and both segments (offsets in code points). */
export function overlapTable(passages: readonly OverlapPassage[]): AnalysisTable {
  return {
    columns: ['document_id', 'document_title', 'start', 'end', 'text', 'first_segment_id', 'first_code_id', 'first_start', 'first_end', 'first_coder', 'second_segment_id', 'second_code_id', 'second_start', 'second_end', 'second_coder'],
    rows: passages.map((p) => [
      p.documentId,
      p.documentTitle,
      String(p.start),
      String(p.end),
      p.text,
      p.first.segment.id,
      p.first.codeId,
      String(p.first.start),
      String(p.first.end),
      p.first.coder,
      p.second.segment.id,
      p.second.codeId,
      String(p.second.start),
      String(p.second.end),
      p.second.coder,
    ]),
  };
}

/** A table as CSV text in chunks. */
export function analysisCsvChunks(table: AnalysisTable, flavour: CsvFlavour = 'standard'): Generator<string> {
  return csvChunks(table.columns, table.rows, flavour);
}

/** A table as one CSV string. */
export function analysisCsv(table: AnalysisTable, flavour: CsvFlavour = 'standard'): string {
  return [...analysisCsvChunks(table, flavour)].join('');
}

/** Which of a figure's tables: its main one, co-occurrence's segment pairs, or frequencies per document. */
export type AnalysisTableChoice = 'main' | 'pairs' | 'documents';

/** A figure's table with its name (a spreadsheet's sheet: at most 31 characters) and which of its columns hold numbers. */
export interface NamedAnalysisTable extends AnalysisTable {
  name: string;
  /** Per column: true when its cells are numbers (written as numbers in a workbook; an empty cell stays empty). */
  numeric: boolean[];
}

/** Columns that hold text, whatever their cells look like (an id may be all digits). */
const TEXT_COLUMN = /^(group_kind|group|missing|value|word|text|left|right|code|code_path|code_a|code_b|document_title|.*_id|.*_coder|var_.*)$/;

/** Marks the columns of numbers: every column but the text ones (by name), or, in the code × document matrix, the code columns and `characters`. */
function named(name: string, table: AnalysisTable, numericFrom?: number): NamedAnalysisTable {
  const numeric = table.columns.map((column, i) => (numericFrom === undefined ? !TEXT_COLUMN.test(column) : i >= numericFrom));
  return { ...table, name, numeric };
}

/** The tables each figure has, its main one first. */
export const FIGURE_TABLES: Record<AnalysisFigure['figure'], readonly AnalysisTableChoice[]> = {
  frequencies: ['main', 'documents'],
  cooccurrence: ['main', 'pairs'],
  overlaps: ['main'],
  matrix: ['main'],
  crosstab: ['main'],
  words: ['main'],
  kwic: ['main'],
};

/** Why a figure has no such table (a sentence), or null when it has. */
export function missingTable(figure: AnalysisFigure['figure'], choice: AnalysisTableChoice): string | null {
  const tables = FIGURE_TABLES[figure];
  return tables.includes(choice) ? null : `The ${figure} figure has no “${choice}” table (it has: ${tables.join(', ')}).`;
}

/**
 * The table of a figure, as the exports write it: the main table of each figure, or for
 * co-occurrence its segment pairs and for frequencies the figures per document. A choice the
 * figure has not (see `missingTable`) is a RangeError.
 */
export function figureTable(figure: AnalysisFigure, choice: AnalysisTableChoice = 'main'): NamedAnalysisTable {
  const missing = missingTable(figure.figure, choice);
  if (missing) throw new RangeError(missing);
  switch (figure.figure) {
    case 'frequencies':
      return choice === 'documents' ? named('Frequencies by document', documentFrequencyTable(figure.frequencies)) : named('Frequencies', frequencyTable(figure.frequencies));
    case 'cooccurrence':
      return choice === 'pairs' ? named('Co-occurrence pairs', cooccurrencePairsTable(figure.cooccurrence)) : named('Co-occurrence', cooccurrenceTable(figure.cooccurrence));
    case 'matrix': {
      const table = matrixTable(figure.matrix);
      return named('Code × document', table, table.columns.indexOf('characters'));
    }
    case 'crosstab':
      return named('Crosstab', crosstabTable(figure.crosstab));
    case 'overlaps':
      return named('AND query', overlapTable(figure.overlaps));
    case 'words':
      return named('Words', wordTable(figure.words));
    case 'kwic':
      return named('Keywords in context', keywordTable(figure.lines));
  }
}
