/**
 * The analysis panel's figures: how many coded segments each code has and in how many documents,
 * and the same for all codes together. Counted where the segments are, so that the page receives
 * a few numbers instead of every segment.
 */
import type { CodedSegment } from '../model/segments';

/** Segments and distinct documents, per code id and in all. */
export interface SegmentCounts {
  perCode: Record<string, { segments: number; documents: number }>;
  segments: number;
  documents: number;
}

/** Counts the `shown` segments of documents the project has (`documentIds`). */
export function segmentCounts(shown: readonly CodedSegment[], documentIds: ReadonlySet<string>): SegmentCounts {
  const perCode = new Map<string, { segments: number; documents: Set<string> }>();
  const documents = new Set<string>();
  let segments = 0;
  for (const segment of shown) {
    if (!documentIds.has(segment.documentId)) continue;
    segments += 1;
    documents.add(segment.documentId);
    const count = perCode.get(segment.codeId) ?? { segments: 0, documents: new Set<string>() };
    count.segments += 1;
    count.documents.add(segment.documentId);
    perCode.set(segment.codeId, count);
  }
  return {
    perCode: Object.fromEntries([...perCode].map(([codeId, count]) => [codeId, { segments: count.segments, documents: count.documents.size }])),
    segments,
    documents: documents.size,
  };
}
