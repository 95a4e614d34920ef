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
const FIELDS = ['id', 'documentId', 'codeId', 'start', 'end', 'quote', 'coder', 'createdAt', 'updatedAt', 'memo', 'origin'] as const;

/** As recordIdSchema (fields.ts) takes it. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= ID_MAX_CHARS;
}

function isOffset(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** Character codes of '0' and '9'. */
const ZERO = 48;
const NINE = 57;

/** The two digits at `at` as a number, or -1 when they are not two digits. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  return a >= ZERO && a <= NINE && b >= ZERO && b <= NINE ? (a - ZERO) * 10 + (b - ZERO) : -1;
}

/**
 * True for the times the program writes (2026-01-31T12:00:00.000Z) on a day every month has
 * (1–28): each such string the pattern of utcTimeSchema takes, read by character codes, many
 * times quicker than the pattern, which decides every other string.
 */
function isCommonTime(text: string): boolean {
  if (text.length !== 24 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) return false;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || text.charCodeAt(19) !== 46 || text.charCodeAt(23) !== 90) return false;
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  const fraction = text.charCodeAt(22);
  return (
    twoDigits(text, 0) >= 0 && twoDigits(text, 2) >= 0 &&
    month >= 1 && month <= 12 && day >= 1 && day <= 28 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 &&
    twoDigits(text, 20) >= 0 && fraction >= ZERO && fraction <= NINE
  );
}

/** As utcTimeSchema (fields.ts) takes it. */
export function isTime(value: unknown): value is string {
  return typeof value === 'string' && (isCommonTime(value) || UTC_TIME.test(value));
}

/**
 * How many fields an object has, at the least (without making the list of them, 100,000 times
 * over): fields it inherits are counted too, so a value with any is refused by a count that
 * expects exactly its own, and left to the schema.
 */
export function fieldCount(value: object): number {
  let count = 0;
  for (const _ in value) count++;
  return count;
}

/**
 * The segment, when `value` is one exactly as segmentSchema would take it (a missing memo filled
 * in as '', a missing origin as 'manual', in place); null otherwise, or when it carries fields the
 * schema would drop.
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
  if (s.origin !== undefined && s.origin !== 'manual' && s.origin !== 'suggestion') return null;
  if (fieldCount(s) !== FIELDS.length - (s.memo === undefined ? 1 : 0) - (s.origin === undefined ? 1 : 0)) return null;
  // The value itself, not a copy: 100,000 copies made on opening would only be garbage.
  if (s.memo === undefined) s.memo = '';
  if (s.origin === undefined) s.origin = 'manual';
  return s as unknown as CodedSegment;
}
