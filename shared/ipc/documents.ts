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

export interface OpenedDocument {
  document: DocumentRecord;
  text: string;
  segments: SegmentWithoutQuote[];
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
