/**
 * The disagreements a reliability report lists for adjudication: a segment of one coder that the
 * other did not match, beside that coder's closest segment, each pair of versions once, in
 * document and text order.
 */
import type { CodePointSpan } from './character-data';
import type { SegmentDisagreement } from './segment-agreement';

/** One coder's version of a disagreement: a segment, or nothing (`null`s) where it has none. */
export interface DisagreementVersion {
  coder: string;
  segmentId: string | null;
  /** UTF-16 offsets of the segment. */
  start: number | null;
  end: number | null;
}

/** A segment of one coder that the other coder did not match, beside that coder's closest segment. */
export interface ReliabilityDisagreement {
  /** Stable: built from the segment ids (and the coder for a version without a segment). */
  id: string;
  documentId: string;
  codeId: string;
  /** UTF-16 extent covering both versions. */
  start: number;
  end: number;
  /** The two coders' versions, in the order of the chosen coders. */
  versions: DisagreementVersion[];
}

/**
 * The disagreements of every coder pair as segment/closest-segment versions, each pair of
 * versions once (A's unmatched segment and B's closest one may be listed from both sides).
 */
export function disagreementsOf(
  found: ReadonlyArray<SegmentDisagreement<CodePointSpan>>,
  coders: readonly string[],
  documentIds: readonly string[],
): ReliabilityDisagreement[] {
  const order = new Map(coders.map((coder, index) => [coder, index]));
  const documentOrder = new Map(documentIds.map((id, index) => [id, index]));
  const unique = new Map<string, ReliabilityDisagreement>();
  for (const { segment, otherCoder, closest } of found) {
    const versions: DisagreementVersion[] = [
      { coder: segment.coder, segmentId: segment.id, start: segment.utf16Start, end: segment.utf16End },
      closest === null
        ? { coder: otherCoder, segmentId: null, start: null, end: null }
        : { coder: otherCoder, segmentId: closest.id, start: closest.utf16Start, end: closest.utf16End },
    ].sort((a, b) => (order.get(a.coder) as number) - (order.get(b.coder) as number));
    const id = versions.map((version) => version.segmentId ?? `none:${version.coder}`).join('~');
    if (unique.has(id)) continue;
    const starts = versions.flatMap((version) => (version.start === null ? [] : [version.start]));
    const ends = versions.flatMap((version) => (version.end === null ? [] : [version.end]));
    unique.set(id, {
      id,
      documentId: segment.document,
      codeId: segment.code,
      start: Math.min(...starts),
      end: Math.max(...ends),
      versions,
    });
  }
  return [...unique.values()].sort(
    (a, b) =>
      (documentOrder.get(a.documentId) as number) - (documentOrder.get(b.documentId) as number) ||
      a.start - b.start ||
      a.end - b.end ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
