/**
 * The project's overview as the page lists it: each document with how many coded segments it has
 * (in all, and per coder), and everyone who has coded. Counts count only the segments the viewer
 * is shown, so that blind coding hides other coders' numbers too.
 */
import type { DocumentRecord } from '../model/documents';
import type { CodedSegment } from '../model/segments';

/** A document as listed in the project overview. */
export interface DocumentSummary extends DocumentRecord {
  segmentCount: number;
  /** The same, per coder (for blind coding, which counts only the current coder's). */
  segmentsByCoder: Record<string, number>;
}

/** The documents, in their order, each with the number of `shown` segments in it, in all and per coder. */
export function documentSummaries(documents: readonly DocumentRecord[], shown: readonly CodedSegment[]): DocumentSummary[] {
  const counts = new Map<string, number>();
  const byCoder = new Map<string, Record<string, number>>();
  for (const segment of shown) {
    counts.set(segment.documentId, (counts.get(segment.documentId) ?? 0) + 1);
    const coders = byCoder.get(segment.documentId) ?? {};
    coders[segment.coder] = (coders[segment.coder] ?? 0) + 1;
    byCoder.set(segment.documentId, coders);
  }
  return documents.map((document) => ({
    ...document,
    segmentCount: counts.get(document.id) ?? 0,
    segmentsByCoder: byCoder.get(document.id) ?? {},
  }));
}

/** Everyone who has coded in the project, and the current coder, each once, in alphabetical order. */
export function codersOf(currentCoder: string, segments: readonly Pick<CodedSegment, 'coder'>[]): string[] {
  return [...new Set([currentCoder, ...segments.map((segment) => segment.coder)])].sort((a, b) => a.localeCompare(b));
}
