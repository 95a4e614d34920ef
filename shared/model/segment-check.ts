/**
 * A coded segment read from a project file, checked by hand: the same rules as segmentSchema
 * (segments.ts), in a fraction of the time, for the 100,000 segments a large project holds. It
 * only accepts: a value it has any doubt about is left to the schema, which then says what is
 * wrong in its own words (project-schema.ts).
 */
import { CODE_ID_PATTERN } from './codebook';
import { ID_MAX_CHARS, MEMO_MAX_CHARS } from './limits';
import type { CodedSegment } from './segments';
import { z } from './zod';

/** The pattern of utcTimeSchema (fields.ts): ISO 8601 in UTC, with seconds, without an offset. */
const UTC_TIME = z.regexes.datetime({ offset: false, local: false });

/** The fields of a segment, in the order the program writes them. */
const FIELDS = ['id', 'documentId', 'codeId', 'start', 'end', 'quote', 'coder', 'createdAt', 'updatedAt', 'memo'] as const;

/** As recordIdSchema (fields.ts) takes it. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= ID_MAX_CHARS;
}

function isOffset(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** As utcTimeSchema (fields.ts) takes it. */
export function isTime(value: unknown): value is string {
  return typeof value === 'string' && UTC_TIME.test(value);
}

/** How many fields an object has (without making the list of them, 100,000 times over). */
export function fieldCount(value: object): number {
  let count = 0;
  for (const key in value) if (Object.hasOwn(value, key)) count++;
  return count;
}

/**
 * The segment, when `value` is one exactly as segmentSchema would take it (a missing memo filled
 * in as '', in place); null otherwise, or when it carries fields the schema would drop.
 */
export function checkedSegment(value: unknown): CodedSegment | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const s = value as Record<string, unknown>;
  if (!isId(s.id) || !isId(s.documentId)) return null;
  if (typeof s.codeId !== 'string' || !CODE_ID_PATTERN.test(s.codeId)) return null;
  if (!isOffset(s.start) || !isOffset(s.end) || s.end <= s.start) return null;
  if (typeof s.quote !== 'string' || typeof s.coder !== 'string') return null;
  if (!isTime(s.createdAt) || !isTime(s.updatedAt)) return null;
  if (s.memo !== undefined && (typeof s.memo !== 'string' || s.memo.length > MEMO_MAX_CHARS)) return null;
  if (fieldCount(s) !== FIELDS.length - (s.memo === undefined ? 1 : 0)) return null;
  // The value itself, not a copy: 100,000 copies made on opening would only be garbage.
  if (s.memo === undefined) s.memo = '';
  return s as unknown as CodedSegment;
}
