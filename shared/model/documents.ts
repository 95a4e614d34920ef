/**
 * Documents: what the project knows of each source text. The text itself is kept byte for byte
 * in the project folder; this record names it, identifies it by the SHA-256 of its bytes, and
 * gives it a title a researcher recognises.
 */

import { shortText } from '../text/short-text';
import type { VariableValue } from './variables';

export interface DocumentRecord {
  /** Stable id, derived from the SHA-256 of the bytes, so that coders' projects agree on it. */
  id: string;
  /** Display title: the first non-empty line of the text, trimmed and cut to TITLE_LENGTH at a word. */
  title: string;
  /** File name of the text inside the project's documents folder. */
  file: string;
  /** SHA-256 of the file's bytes, lowercase hex. */
  sha256: string;
  /** Size of the file in bytes. */
  byteLength: number;
  /** Length of the decoded text in UTF-16 code units (the unit of stored offsets). */
  length: number;
  /** Length of the decoded text in Unicode code points (the unit of exported offsets). */
  codePointLength: number;
  /** When the document entered the project, ISO 8601 UTC. */
  addedAt: string;
  /** The researcher's note on the whole document ('' when none). */
  memo: string;
  /** The file it was imported from (null for the bundled texts, kept byte for byte). */
  source: DocumentSource | null;
  /** The document's values of the project's variables, by variable name. */
  values: Record<string, VariableValue>;
}

/** Where an imported document came from: the original file, and how its text was read. */
export interface DocumentSource {
  name: string;
  /** SHA-256 of the original file's bytes. */
  sha256: string;
  format: string;
  /** The character encoding it was read in, for text formats. */
  encoding: string | null;
}

/** The longest title derived from a text, in characters (code points): a line of a list or a heading. */
export const TITLE_LENGTH = 80;

/**
 * A title cut to at most `max` characters with an ellipsis, at a word (`shortText`). For the titles
 * the app derives from a text, and for titles inside sentences (notices, labels of actions), where
 * a paragraph-long title would swamp the rest; lists cut with CSS and show the whole in a tooltip.
 */
export function shortTitle(title: string, max = TITLE_LENGTH): string {
  return shortText(title, max);
}

/**
 * The first non-empty line of the text, trimmed (a leading BOM counts as blank) and cut to
 * TITLE_LENGTH at a word: a text that opens with a paragraph gets a title, not the paragraph.
 */
export function documentTitle(text: string, fallback: string): string {
  for (const line of text.split(/\r\n|\n|\r/)) {
    const trimmed = line.replace(/^\uFEFF/, '').trim();
    if (trimmed) return shortTitle(trimmed);
  }
  return fallback;
}

/** The document id for a text with this SHA-256. */
export function documentIdFor(sha256: string): string {
  return `doc-${sha256.slice(0, 16)}`;
}
