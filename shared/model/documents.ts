/**
 * Documents: what the project knows of each source text. The text itself is kept byte for byte
 * in the project folder; this record names it, identifies it by the SHA-256 of its bytes, and
 * gives it a title a researcher recognises.
 */

import { recordIdSchema, SHA256_PATTERN, utcTimeSchema } from './fields';
import { FILE_NAME_MAX_CHARS, MEMO_MAX_CHARS } from './limits';
import { variableValueSchema } from './variables';
import { z } from './zod';

const sha256 = z.string().regex(SHA256_PATTERN);

/** Where an imported document came from: the original file, and how its text was read. */
export const documentSourceSchema = z.object({
  name: z.string().max(FILE_NAME_MAX_CHARS),
  /** SHA-256 of the original file's bytes. */
  sha256,
  format: z.string().max(20),
  /** The character encoding it was read in, for text formats. */
  encoding: z.string().max(100).nullable(),
});

export type DocumentSource = z.infer<typeof documentSourceSchema>;

/** A document as the project file holds it. */
export const documentSchema = z.object({
  /** Stable id, derived from the SHA-256 of the bytes, so that coders' projects agree on it. */
  id: recordIdSchema,
  /** Display title: the first non-empty line of the text, trimmed and cut to TITLE_LENGTH at a word. */
  title: z.string(),
  /** File name of the text inside the project's documents folder. */
  file: z.string().min(1).max(255),
  /** SHA-256 of the file's bytes, lowercase hex. */
  sha256,
  /** Size of the file in bytes. */
  byteLength: z.number().int().nonnegative(),
  /** Length of the decoded text in UTF-16 code units (the unit of stored offsets). */
  length: z.number().int().nonnegative(),
  /** Length of the decoded text in Unicode code points (the unit of exported offsets). */
  codePointLength: z.number().int().nonnegative(),
  /** When the document entered the project, ISO 8601 UTC. */
  addedAt: utcTimeSchema,
  /** The researcher's note on the whole document ('' when none). */
  memo: z.string().max(MEMO_MAX_CHARS).default(''),
  /** The file it was imported from (null for the bundled texts, kept byte for byte). */
  source: documentSourceSchema.nullable().default(null),
  /** The document's values of the project's variables, by variable name. */
  values: z.record(z.string(), variableValueSchema).default({}),
});

export type DocumentRecord = z.infer<typeof documentSchema>;

/** The document id for a text with this SHA-256. */
export function documentIdFor(sha256: string): string {
  return `doc-${sha256.slice(0, 16)}`;
}
