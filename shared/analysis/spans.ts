/**
 * Sets of character ranges: a code's segments in one document, merged so that a character
 * covered by two of them counts once.
 */
import type { CodePointIndex } from '../text/offsets';
import { firstWordEndingAfter, type WordIndex } from './word-index';

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

/** Number of characters the merged ranges cover. */
export function coveredLength(merged: readonly Range[]): number {
  let total = 0;
  for (const { start, end } of merged) total += end - start;
  return total;
}

/** Number of code points covered by merged UTF-16 ranges. */
export function coveredCodePoints(merged: readonly Range[], index: CodePointIndex): number {
  let total = 0;
  for (const { start, end } of merged) total += index.toCodePoints(end) - index.toCodePoints(start);
  return total;
}

/** Number of words that share a character with the merged UTF-16 ranges, each word counted once. */
export function wordsCovered(merged: readonly Range[], words: WordIndex): number {
  let total = 0;
  let next = 0;
  for (const { start, end } of merged) {
    let i = Math.max(next, firstWordEndingAfter(words, start));
    for (; i < words.count && words.starts[i] < end; i++) total++;
    next = i;
  }
  return total;
}
