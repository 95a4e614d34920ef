/**
 * The contract's operations for one feature. Documents: opening one, importing a text, renaming,
 * writing its memo, removing it.
 */
import type { DocumentRecord } from '../model/documents';
import { DOCUMENT_TITLE_MAX_CHARS, FILE_NAME_MAX_CHARS, MEMO_MAX_CHARS } from '../model/limits';
import type { CodedSegment } from '../model/segments';
import { z } from '../model/zod';
import { IMPORT_MAX_BYTES } from '../exchange/file-kinds';
import { base64Bytes, documentId, operation } from './fields';
import type { ActionOutcome } from './outcomes';

/** A segment as sent to the page with its document: without its quote, which the page has. */
export type SegmentWithoutQuote = Omit<CodedSegment, 'quote'>;

/**
 * A document's coded segments as sent to the page, column by column (row i of each column is one
 * segment), without their document (the one sent with them) and quotes (the page cuts them from
 * the text). A document may hold 100,000 segments: as records, the same keys, document id, codes
 * and coders written out once per segment would be most of what crosses to the page.
 */
export interface SegmentColumns {
  id: string[];
  /** Index of each segment's code in `codes`. */
  code: number[];
  codes: string[];
  /** Index of each segment's coder in `coders`. */
  coder: number[];
  coders: string[];
  start: number[];
  end: number[];
  createdAt: string[];
  /** The time of the last change; null where it is the time the segment was made. */
  updatedAt: Array<string | null>;
  /** The memos that are not empty, as [row, memo]. */
  memos: Array<[number, string]>;
  /** The rows of the segments accepted from a suggestion (every other one was coded by hand). */
  suggested: number[];
}

export interface OpenedDocument {
  document: DocumentRecord;
  text: string;
  segments: SegmentColumns;
}

/** `segments` (of one document) as columns. */
export function segmentColumns(segments: readonly SegmentWithoutQuote[]): SegmentColumns {
  const columns: SegmentColumns = { id: [], code: [], codes: [], coder: [], coders: [], start: [], end: [], createdAt: [], updatedAt: [], memos: [], suggested: [] };
  const codes = new Map<string, number>();
  const coders = new Map<string, number>();
  const indexIn = (list: string[], indexes: Map<string, number>, value: string) => {
    let index = indexes.get(value);
    if (index === undefined) {
      index = list.push(value) - 1;
      indexes.set(value, index);
    }
    return index;
  };
  segments.forEach((segment, row) => {
    columns.id.push(segment.id);
    columns.code.push(indexIn(columns.codes, codes, segment.codeId));
    columns.coder.push(indexIn(columns.coders, coders, segment.coder));
    columns.start.push(segment.start);
    columns.end.push(segment.end);
    columns.createdAt.push(segment.createdAt);
    columns.updatedAt.push(segment.updatedAt === segment.createdAt ? null : segment.updatedAt);
    if (segment.memo) columns.memos.push([row, segment.memo]);
    if (segment.origin === 'suggestion') columns.suggested.push(row);
  });
  return columns;
}

/** The segments of document `documentId` from their columns, each with its quote cut from `text`. */
export function segmentsFromColumns(documentId: string, text: string, columns: SegmentColumns): CodedSegment[] {
  const memos = new Map(columns.memos);
  const suggested = new Set(columns.suggested);
  return columns.id.map((id, row) => {
    const start = columns.start[row];
    const end = columns.end[row];
    const createdAt = columns.createdAt[row];
    return {
      id,
      documentId,
      codeId: columns.codes[columns.code[row]],
      start,
      end,
      quote: text.slice(start, end),
      coder: columns.coders[columns.coder[row]],
      createdAt,
      updatedAt: columns.updatedAt[row] ?? createdAt,
      memo: memos.get(row) ?? '',
      origin: suggested.has(row) ? 'suggestion' : 'manual',
    };
  });
}

export interface ImportOutcome {
  /** The import as an action, or null when the text was already in the project. */
  outcome: ActionOutcome | null;
  /** The document that already holds this text, if any. */
  duplicateOf: { id: string; title: string } | null;
  /** What was assumed or left out (an encoding, unreadable parts). */
  notes: string[];
}

/** The operations on documents: opening one, importing a text, renaming, writing its memo, removing it. */
export const documentsOperations = {
  openDocument: operation<OpenedDocument>()(
    z.strictObject({ documentId }),
    "One document's exact text and its coded segments.",
  ),
  importDocument: operation<ImportOutcome>()(
    z.strictObject({
      name: z.string().min(1).max(FILE_NAME_MAX_CHARS),
      /** The file's bytes, base64-encoded (at most 50 MB of bytes). */
      data: base64Bytes(IMPORT_MAX_BYTES.document),
    }),
    'Imports a file (.txt, .md, .html, .docx, .pdf) as a new document; a text already in the project is reported.',
  ),
  updateDocument: operation<ActionOutcome>()(
    z.strictObject({ documentId, title: z.string().max(DOCUMENT_TITLE_MAX_CHARS).optional(), memo: z.string().max(MEMO_MAX_CHARS).optional() }),
    'Renames a document or writes its memo.',
  ),
  removeDocument: operation<ActionOutcome>()(
    z.strictObject({ documentId }),
    'Removes a document and its coded segments (one action: Undo brings them back).',
  ),
} as const;
