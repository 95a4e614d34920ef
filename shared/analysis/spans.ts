/**
 * Sets of character ranges: a code's segments in one document, merged so that a character
 * covered by two of them counts once.
 */
import type { CodePointIndex } from '../text/offsets';

/** A range of a text, end exclusive. */
export interface Range {
  start: number;
  end: number;
}

/** The ranges merged: sorted, overlapping or touching ones joined. `ranges` must be sorted by start. */
export function mergeSorted(ranges: readonly Range[]): Range[] {
  const merged: Range[] = [];
  for (const { start, end } of ranges) {
    const last = merged[merged.length - 1];
    if (last && start <= last.end) {
      if (end > last.end) last.end = end;
    } else merged.push({ start, end });
  }
  return merged;
}

/** Number of code points covered by merged UTF-16 ranges. */
export function coveredCodePoints(merged: readonly Range[], index: CodePointIndex): number {
  let total = 0;
  for (const { start, end } of merged) total += index.toCodePoints(end) - index.toCodePoints(start);
  return total;
}
