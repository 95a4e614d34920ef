/**
 * Further shapes of the coded dataset, for the tools where analysis happens:
 * - the wide table: one row per document, the number of its segments accepted from a suggestion,
 *   and per code the number of segments, the number of characters it covers (code points,
 *   overlaps counted once) and a 0/1 column — what R and SPSS users otherwise build by hand;
 * - JSON Lines in doccano's span format, one document per line, for training a classifier;
 * - a Frictionless Data Package (datapackage.json) that declares every column of the CSV files.
 * Offsets are in Unicode code points, as in the segments CSV.
 */
import { codePath } from '../model/codebook';
import { counted, csvChunks, segmentColumns, type CsvFlavour } from './csv-export';
import { type DatasetInput } from '../model/project';
import { CodePointIndex } from '../text/offsets';
import { variableColumn } from '../model/variables';
import { SEGMENT_ORIGINS } from '../model/segments';

/** Turns a code's path into a column-name stem (letters, digits and underscores). */
export function columnStem(path: string): string {
  return path
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '') || 'code';
}

/** The columns of the wide table, and the code each per-code column belongs to. */
export function wideColumns(input: DatasetInput): { columns: string[]; codes: Array<{ id: string; stem: string }> } {
  const used = new Set<string>();
  const codes = input.codes.map((code) => {
    let stem = columnStem(codePath(input.codes, code.id));
    for (let n = 2; used.has(stem); n++) stem = `${columnStem(codePath(input.codes, code.id))}_${n}`;
    used.add(stem);
    return { id: code.id, stem };
  });
  const columns = [
    'document_id',
    'document_title',
    'document_file',
    'document_sha256',
    ...(input.variables ?? []).map((v) => variableColumn(v.name)),
    'characters',
    // Never a code's column: those end in _n, _chars or _any.
    'suggested_segments',
    ...codes.flatMap(({ stem }) => [`${stem}_n`, `${stem}_chars`, `${stem}_any`]),
  ];
  return { columns, codes };
}

/** Number of code points covered by a set of UTF-16 ranges, overlaps counted once. */
function coveredCodePoints(index: CodePointIndex, ranges: Array<{ start: number; end: number }>): number {
  const sorted = ranges
    .map((r) => ({ start: index.toCodePoints(r.start), end: index.toCodePoints(r.end) }))
    .sort((a, b) => a.start - b.start);
  let total = 0;
  let reach = -1;
  for (const { start, end } of sorted) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
}

/** The wide table as records (strings), one per document, in column order. */
export function* wideRecords(input: DatasetInput): Generator<string[]> {
  const { codes } = wideColumns(input);
  for (const { record, text } of input.documents) {
    const index = new CodePointIndex(text);
    const mine = input.segments.filter((s) => s.documentId === record.id);
    const values = (input.variables ?? []).map((v) => {
      const value = record.values[v.name];
      return value === undefined || value === null ? '' : String(value);
    });
    const perCode = codes.flatMap(({ id }) => {
      const ranges = mine.filter((s) => s.codeId === id);
      return [String(ranges.length), String(coveredCodePoints(index, ranges)), ranges.length ? '1' : '0'];
    });
    const suggested = mine.reduce((count, s) => count + (s.origin === 'suggestion' ? 1 : 0), 0);
    yield [record.id, record.title, record.file, record.sha256, ...values, String(index.codePointLength), String(suggested), ...perCode];
  }
}

/** The wide table as CSV chunks; `onRow` hears of each document row as it is made. */
export function wideCsvChunks(input: DatasetInput, flavour: CsvFlavour, onRow?: () => void): Generator<string> {
  return csvChunks(wideColumns(input).columns, counted(wideRecords(input), onRow), flavour);
}

/**
 * JSON Lines in doccano's span format: `{"id", "text", "label": [[start, end, "code"]], "origin":
 * ["manual", ...], ...}` per document. `origin[i]` says how `label[i]` was made (by hand, or
 * accepted from a suggestion), so that a training set can leave assisted labels out; doccano
 * keeps a key it does not know as the line's metadata.
 */
export function* doccanoLines(input: DatasetInput): Generator<string> {
  for (const { record, text } of input.documents) {
    const index = new CodePointIndex(text);
    const segments = input.segments.filter((s) => s.documentId === record.id).sort((a, b) => a.start - b.start || a.end - b.end);
    const label = segments.map((s) => [index.toCodePoints(s.start), index.toCodePoints(s.end), codePath(input.codes, s.codeId)] as const);
    const origin = segments.map((s) => s.origin);
    yield `${JSON.stringify({ id: record.id, title: record.title, text, label, origin, ...record.values })}\n`;
  }
}

type FieldType = 'string' | 'integer' | 'number' | 'date' | 'datetime';

interface Field {
  name: string;
  type: FieldType;
  description: string;
  /** The values the field may take, when they are few (Frictionless `constraints.enum`). */
  constraints?: { enum: readonly string[] };
}

const SEGMENT_FIELDS: Record<string, Omit<Field, 'name'>> = {
  document_id: { type: 'string', description: 'Stable id of the document: doc- and the first 16 hex digits of its SHA-256.' },
  document_title: { type: 'string', description: 'First non-empty line of the document, trimmed and cut to 80 characters at a word (with an ellipsis).' },
  document_file: { type: 'string', description: "File name of the document's text in the project's documents folder." },
  document_sha256: { type: 'string', description: "SHA-256 of the document file's bytes." },
  segment_id: { type: 'string', description: 'UUID of the coded segment.' },
  code: { type: 'string', description: 'Name of the code.' },
  code_id: { type: 'string', description: 'Id of the code.' },
  code_path: { type: 'string', description: 'Full path of the code in the codebook, parent codes first, joined by " / ".' },
  start: { type: 'integer', description: 'Start offset, 0-based, in Unicode code points of the exact document text.' },
  end: { type: 'integer', description: 'End offset, exclusive, in Unicode code points: text == document[start:end].' },
  text: { type: 'string', description: 'The coded text, exactly the document text between start and end.' },
  coder: { type: 'string', description: 'Who coded the segment.' },
  created_at: { type: 'datetime', description: 'When the segment was made, ISO 8601 UTC.' },
  updated_at: { type: 'datetime', description: 'When the segment last changed, ISO 8601 UTC.' },
  memo: { type: 'string', description: "The coder's memo on the segment; empty when none." },
  origin: {
    type: 'string',
    description: 'How the segment was made: manual (coded by hand) or suggestion (accepted from a suggestion, and still a segment of the coder who accepted it).',
    constraints: { enum: SEGMENT_ORIGINS },
  },
};

const VARIABLE_TYPES: Record<string, FieldType> = { text: 'string', number: 'number', date: 'date', choice: 'string' };

/** The Frictionless Data Package that describes `segments.csv` and `documents-wide.csv`. */
export function dataPackage(input: DatasetInput, name: string, created: string): object {
  const variables = input.variables ?? [];
  const variableFields = variables.map((v) => ({
    name: variableColumn(v.name),
    type: VARIABLE_TYPES[v.type],
    description: `Document variable “${v.name}” (${v.type === 'choice' ? `one of: ${v.choices.join(', ')}` : v.type}).`,
  }));
  const segmentFields = segmentColumns(variables).map(
    (column) => variableFields.find((f) => f.name === column) ?? { name: column, ...SEGMENT_FIELDS[column] },
  );
  const { columns, codes } = wideColumns(input);
  const wideFields = columns.map((column) => {
    const known = SEGMENT_FIELDS[column] ?? variableFields.find((f) => f.name === column);
    if (known) return { name: column, ...known };
    if (column === 'characters') return { name: column, type: 'integer', description: 'Length of the document in Unicode code points.' };
    if (column === 'suggested_segments') {
      return { name: column, type: 'integer', description: "Number of the document's segments accepted from a suggestion (origin suggestion in segments.csv); they are counted in the per-code columns too." };
    }
    const code = codes.find(({ stem }) => column.startsWith(`${stem}_`))!;
    const path = codePath(input.codes, code.id);
    const suffix = column.slice(code.stem.length + 1);
    const description =
      suffix === 'n'
        ? `Number of segments coded “${path}” in the document.`
        : suffix === 'chars'
          ? `Number of code points coded “${path}” in the document (overlapping segments counted once).`
          : `1 when the document has a segment coded “${path}”, else 0.`;
    return { name: column, type: 'integer', description };
  });
  return {
    profile: 'tabular-data-package',
    name: columnStem(name).replace(/_/g, '-'),
    title: name,
    created,
    resources: [
      csvResource('segments', 'One row per coded segment. Offsets are 0-based, end exclusive, in Unicode code points.', segmentFields, 'segment_id'),
      csvResource('documents-wide', 'One row per document; per code: number of segments, coded code points, and 0/1.', wideFields, 'document_id'),
    ],
  };
}

/** A CSV file of the package, as the standard CSV export writes it (UTF-8, `\n`, RFC 4180). */
function csvResource(name: string, description: string, fields: object[], primaryKey: string): object {
  return {
    name,
    path: `${name}.csv`,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: { delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true, header: true },
    description,
    schema: { fields, primaryKey },
  };
}
