/**
 * The records the tests build over and over (documents, coded segments, the project state the
 * edits read) and the helper that takes an operation's value out of its Result, in one place:
 * each test names only the fields its case is about.
 */
import { DEFAULT_CODES } from '../../shared/model/codebook';
import type { DocumentRecord } from '../../shared/model/documents';
import type { ProjectState } from '../../shared/model/project';
import type { CodedSegment } from '../../shared/model/segments';

/** When the built records were made, unless a test says otherwise. */
export const BUILT_AT = '2026-01-01T00:00:00.000Z';

/** A coded segment: the fields given, over a one-character segment of coder "c" in document "d". */
export function codedSegment(fields: Pick<CodedSegment, 'id'> & Partial<CodedSegment>): CodedSegment {
  return { documentId: 'd', codeId: 'opinion', start: 0, end: 1, quote: 'x', coder: 'c', createdAt: BUILT_AT, updatedAt: BUILT_AT, memo: '', origin: 'manual', ...fields };
}

/** The record of a document holding `text` (lengths from the text), with the fields given over it. */
export function documentRecord(id: string, text: string, fields: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id,
    title: id,
    file: `${id}.txt`,
    sha256: '0'.repeat(64),
    byteLength: text.length,
    length: text.length,
    codePointLength: Array.from(text).length,
    addedAt: BUILT_AT,
    memo: '',
    source: null,
    values: {},
    ...fields,
  };
}

/** The project as the edits read it: the default codebook and nothing else, with the fields given. */
export function projectState(fields: Partial<ProjectState> = {}): ProjectState {
  return { codes: DEFAULT_CODES, segments: [], documents: [], variables: [], coder: 'ana', ...fields };
}

/** The value of an operation's Result; a failed operation fails the test with its message. */
export function value<T>(result: unknown): T {
  const answer = result as { ok: boolean; value?: T; error?: { message: string } };
  if (!answer.ok) throw new Error(`call failed: ${answer.error?.message}`);
  return answer.value as T;
}
