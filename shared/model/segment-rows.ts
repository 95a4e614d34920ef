/**
 * Coded segments as the project file keeps them since schema 4: one list of field names and a row
 * of values per segment, in the order of those names (schema 5 adds the segment's origin as the
 * eleventh). A project of 100,000 segments then does not repeat its field names 100,000 times: its file is a quarter smaller, and reading it parses a
 * quarter fewer characters and makes each segment's object once, already checked (checkedRow),
 * instead of parsing an object and checking it afterwards.
 *
 *   "segments": { "fields": ["id", "documentId", ...], "rows": [["s1", "doc-…", ...], ...] }
 *
 * In memory a segment stays an object (CodedSegment); only the file holds rows.
 */
import { CODE_ID_PATTERN } from './codebook';
import { MEMO_MAX_CHARS } from './limits';
import { isId, isTime } from './segment-check';
import type { CodedSegment, SegmentOrigin } from './segments';

/** The fields of a segment, in the order the program writes them in each row. */
export const SEGMENT_FIELDS = ['id', 'documentId', 'codeId', 'start', 'end', 'quote', 'coder', 'createdAt', 'updatedAt', 'memo', 'origin'] as const;

export type SegmentField = (typeof SEGMENT_FIELDS)[number];

/** A segment's values in the order of SEGMENT_FIELDS. */
export type SegmentRow = [string, string, string, number, number, string, string, string, string, string, SegmentOrigin];

/** The segments of a project file (schema 4 and later). */
export interface SegmentRows {
  fields: readonly string[];
  rows: unknown[];
}

/** One segment as a row of the file. */
export function segmentRow(s: CodedSegment): SegmentRow {
  return [s.id, s.documentId, s.codeId, s.start, s.end, s.quote, s.coder, s.createdAt, s.updatedAt, s.memo, s.origin];
}

/** The JSON of the rows of some segments, joined by commas (a part of the file's `rows` list). */
export function segmentRowsJson(segments: readonly CodedSegment[]): string {
  let json = '';
  for (let i = 0; i < segments.length; i++) json += (i ? ',' : '') + JSON.stringify(segmentRow(segments[i]!));
  return json;
}

/** True when `fields` is exactly the list this program writes (the rows can then be read by place). */
export function hasWrittenFields(fields: unknown): boolean {
  if (!Array.isArray(fields) || fields.length !== SEGMENT_FIELDS.length) return false;
  for (let i = 0; i < SEGMENT_FIELDS.length; i++) if (fields[i] !== SEGMENT_FIELDS[i]) return false;
  return true;
}

function isOffset(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/**
 * The segment a row holds, when the row has exactly the fields this program writes, in its order,
 * each as segmentSchema takes it; null otherwise (the schema then decides, and says what is wrong).
 * The object is made here, once, with its fields in one order for every segment. A code id found
 * in `knownCodes` (ids the codebook's schema has checked already) is not matched again.
 */
export function checkedRow(row: unknown, knownCodes?: ReadonlySet<string>): CodedSegment | null {
  if (!Array.isArray(row) || row.length !== SEGMENT_FIELDS.length) return null;
  const [id, documentId, codeId, start, end, quote, coder, createdAt, updatedAt, memo, origin] = row as unknown[];
  if (!isId(id) || !isId(documentId)) return null;
  if (typeof codeId !== 'string' || !(knownCodes?.has(codeId) || CODE_ID_PATTERN.test(codeId))) return null;
  if (!isOffset(start) || !isOffset(end) || end <= start) return null;
  if (typeof quote !== 'string' || typeof coder !== 'string') return null;
  if (!isTime(createdAt) || !isTime(updatedAt)) return null;
  if (typeof memo !== 'string' || memo.length > MEMO_MAX_CHARS) return null;
  if (origin !== 'manual' && origin !== 'suggestion') return null;
  return { id, documentId, codeId, start, end, quote, coder, createdAt, updatedAt, memo, origin };
}

/** What the rows of a file hold as segment objects (for the schema), or what is wrong with their shape. */
export type RowsAsObjects = { ok: true; segments: unknown[] } | { ok: false; problems: string[] };

/**
 * The rows of a file as objects keyed by the file's own field names, whatever their order, for the
 * schema to check and describe: a field left out of `fields` is missing from every segment (a memo
 * then is empty, an origin manual), a field the program does not know is dropped by the schema, as it was from a
 * segment object before schema 4, and a row's values are taken as they are. A list of field names
 * that is not one or leaves out a field every segment has, or a row that is not a list of one
 * value per field, is described here, naming the field, or the row and its segment's id.
 */
export function rowsAsObjects(segments: unknown): RowsAsObjects {
  if (!segments || typeof segments !== 'object' || Array.isArray(segments)) {
    return { ok: false, problems: ['segments: expected a list of field names and a list of rows ({ "fields": [...], "rows": [...] })'] };
  }
  const { fields, rows } = segments as Partial<SegmentRows>;
  if (!Array.isArray(fields) || !fields.every((field) => typeof field === 'string')) return { ok: false, problems: ['segments.fields: expected a list of field names'] };
  if (new Set(fields).size !== fields.length) return { ok: false, problems: ['segments.fields: a field is named twice'] };
  // A field every segment needs that the list leaves out is named once, not as a gap in each row.
  const missing = SEGMENT_FIELDS.filter((field) => field !== 'memo' && field !== 'origin' && !fields.includes(field));
  if (missing.length) return { ok: false, problems: [`segments.fields: lacks ${missing.map((field) => `"${field}"`).join(', ')} (every segment has ${missing.length === 1 ? 'it' : 'them'})`] };
  if (!Array.isArray(rows)) return { ok: false, problems: ['segments.rows: expected a list of rows'] };
  const problems: string[] = [];
  const objects = rows.map((row, i) => {
    if (Array.isArray(row) && row.length === fields.length) return Object.fromEntries(fields.map((field, at) => [field, row[at]]));
    const id = Array.isArray(row) && typeof row[0] === 'string' && fields[0] === 'id' ? ` (segment ${row[0]})` : '';
    problems.push(
      Array.isArray(row)
        ? `segments.rows.${i}${id}: expected ${fields.length} values (${fields.join(', ')}), found ${row.length}`
        : `segments.rows.${i}: expected a row (a list of ${fields.length} values)`,
    );
    return null;
  });
  return problems.length ? { ok: false, problems } : { ok: true, segments: objects };
}
