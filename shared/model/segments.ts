/**
 * Coded segments: a passage of a document tagged with one code by one coder. A segment is kept
 * by position (start/end in UTF-16 code units of the exact text) and by quote, so that a position
 * that no longer matches its text is noticed and reported, never silently shifted.
 */
import { recordIdSchema, utcTimeSchema } from './fields';
import { MEMO_MAX_CHARS } from './limits';
import { z } from './zod';
import { codeIdSchema } from './codebook';

const id = recordIdSchema;

/**
 * How a segment came to be: coded by hand, or accepted from a suggestion (and so coded by the
 * coder who accepted it). Exports carry it so that a study can say how many codings were assisted;
 * agreement figures group by coder only and never by origin.
 */
export const SEGMENT_ORIGINS = ['manual', 'suggestion'] as const;

/** How a segment came to be (SEGMENT_ORIGINS). */
export type SegmentOrigin = (typeof SEGMENT_ORIGINS)[number];
const isoTime = utcTimeSchema;

/** A coded segment as the project file holds it. */
export const segmentSchema = z
  .object({
    id,
    documentId: id,
    codeId: codeIdSchema,
    /** Start offset, UTF-16 code units, inclusive. */
    start: z.number().int().nonnegative(),
    /** End offset, UTF-16 code units, exclusive. */
    end: z.number().int().nonnegative(),
    /** The text at [start, end) when the segment was made. */
    quote: z.string(),
    coder: z.string(),
    /** ISO 8601 UTC. */
    createdAt: isoTime,
    /** ISO 8601 UTC. */
    updatedAt: isoTime,
    /** The coder's note on this segment ('' when none). */
    memo: z.string().max(MEMO_MAX_CHARS).default(''),
    /** Coded by hand, or accepted from a suggestion; data older than suggestions reads as manual. */
    origin: z.enum(SEGMENT_ORIGINS).default('manual'),
  })
  .refine((s) => s.end > s.start, { message: 'a segment must end after it starts' });

export type CodedSegment = z.infer<typeof segmentSchema>;

/** Text order: by start, then by end, then by id so that the order is total. */
export function compareInTextOrder(a: CodedSegment, b: CodedSegment): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Number of segments per code id. */
export function countByCode(segments: readonly CodedSegment[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const segment of segments) counts[segment.codeId] = (counts[segment.codeId] ?? 0) + 1;
  return counts;
}

/** True when the segment's stored quote is still the text at its offsets. */
export function quoteMatches(text: string, segment: Pick<CodedSegment, 'start' | 'end' | 'quote'>): boolean {
  return text.slice(segment.start, segment.end) === segment.quote;
}

/** Index of the first segment of a list in text order that comes at or after `key` (binary search). */
export function firstAtOrAfter(sorted: readonly CodedSegment[], key: CodedSegment): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareInTextOrder(sorted[mid], key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A copy of a list in text order with one more segment put in its place (binary search). */
export function insertInTextOrder(sorted: readonly CodedSegment[], segment: CodedSegment): CodedSegment[] {
  const at = firstAtOrAfter(sorted, segment);
  return [...sorted.slice(0, at), segment, ...sorted.slice(at)];
}
