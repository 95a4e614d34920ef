/**
 * The document portrait: where each code sits along a text, as a strip. The text's length is cut
 * into `bins` equal parts (a strip's pixel rows); a code is present in a bin when one of its
 * segments covers a character of it. One function bins one document's segments (the page draws the
 * open document's strip with it, in UTF-16 offsets, as the text view counts); the corpus figure
 * bins every document of the analysis corpus, in code points as every other figure does (an emoji
 * is one character of the text's length, as the exports and Python count it).
 *
 * A code's bins are given as runs (`[first, end)` pairs of bin indices, end exclusive): a segment
 * usually covers one bin or a few neighbouring ones, so runs are far smaller than a bitmap.
 */
import { codeTree } from '../model/codebook';
import type { AnalysisCorpus } from './analysis-corpus';

/** A coded passage to bin: `[start, end)` in whatever unit `length` counts, and its code. */
export interface PortraitSegment {
  start: number;
  end: number;
  codeId: string;
}

/** The most bins a portrait may have (a strip taller than this many pixels shares bins between rows). */
export const MAX_PORTRAIT_BINS = 4096;

/**
 * The bins `[first, end)` that `[start, end)` of a text of `length` touches, when the text is cut
 * into `bins` equal parts (bin i holds characters i·length/bins up to (i+1)·length/bins). An empty
 * passage (a caret) touches the bin it lies in. Null for an empty text or no bins.
 */
export function binRange(start: number, end: number, length: number, bins: number): [number, number] | null {
  if (length <= 0 || bins <= 0) return null;
  const from = Math.max(0, Math.min(length, start));
  const to = Math.max(from, Math.min(length, end));
  // Integer arithmetic: a character on a bin's edge is not split by rounding.
  const first = Math.min(bins - 1, Math.floor((from * bins) / length));
  const last = to > from ? Math.ceil((to * bins) / length) : first + 1;
  return [first, Math.max(first + 1, Math.min(bins, last))];
}

/** The start of bin `bin` in the text: the first character it holds. */
export function binStart(bin: number, length: number, bins: number): number {
  if (bins <= 0) return 0;
  return Math.min(length, Math.ceil((Math.max(0, bin) * length) / bins));
}

/**
 * The number of `segments` of each code in each bin: one row of `bins` counts per code, by code id.
 * A running sum over a difference array keeps it one pass over the segments and one over the
 * bins, however long the segments are.
 */
export function binCounts(segments: Iterable<PortraitSegment>, length: number, bins: number): Map<string, Int32Array> {
  const differences = new Map<string, Int32Array>();
  for (const segment of segments) {
    const range = binRange(segment.start, segment.end, length, bins);
    if (!range) continue;
    let row = differences.get(segment.codeId);
    if (!row) differences.set(segment.codeId, (row = new Int32Array(bins + 1)));
    row[range[0]]++;
    row[range[1]]--;
  }
  const counts = new Map<string, Int32Array>();
  for (const [codeId, difference] of differences) {
    const row = new Int32Array(bins);
    let running = 0;
    for (let i = 0; i < bins; i++) row[i] = running += difference[i];
    counts.set(codeId, row);
  }
  return counts;
}

/** The runs of bins where `row` is not zero, as flat `[first, end, first, end, …]` pairs. */
export function presentRuns(row: ArrayLike<number>): number[] {
  const runs: number[] = [];
  let open = -1;
  for (let i = 0; i < row.length; i++) {
    if (row[i] > 0) {
      if (open < 0) open = i;
    } else if (open >= 0) {
      runs.push(open, i);
      open = -1;
    }
  }
  if (open >= 0) runs.push(open, row.length);
  return runs;
}

/**
 * The runs of bins each code's segments cover, as flat `[first, end, …]` pairs, by code id: the same
 * as `presentRuns` of `binCounts`, made in one pass over the segments with no pass over the bins.
 * `segments` must be in text order (by start), so that each code's ranges come in order of their
 * first bin and a range that reaches the last run joins it.
 */
export function binRuns(segments: Iterable<PortraitSegment>, length: number, bins: number): Map<string, number[]> {
  const runs = new Map<string, number[]>();
  for (const segment of segments) {
    const range = binRange(segment.start, segment.end, length, bins);
    if (!range) continue;
    let list = runs.get(segment.codeId);
    if (!list) runs.set(segment.codeId, (list = []));
    const last = list.length - 1;
    if (last > 0 && range[0] <= list[last]) list[last] = Math.max(list[last], range[1]);
    else list.push(range[0], range[1]);
  }
  return runs;
}

/** One document's portrait: its length in code points, and per code the runs of bins it is present in. */
export interface DocumentPortrait {
  documentId: string;
  title: string;
  /** In code points. */
  length: number;
  /** Its segments that count (blind coding and the codebook applied). */
  segments: number;
  /** Per code (in codebook order; codes with no segment here left out): bin runs, flat `[first, end, …]`. */
  codes: Array<{ codeId: string; runs: number[] }>;
}

/** The portraits of the corpus's documents, in its order, each cut into `bins` bins. */
export interface DocumentPortraits {
  bins: number;
  /** The codes present in any portrait, in codebook order. */
  codeIds: string[];
  documents: DocumentPortrait[];
}

/** The portrait of every document of `corpus` (its segments in text order), cut into `bins` bins (code points). */
export function documentPortraits(corpus: AnalysisCorpus, bins: number): DocumentPortraits {
  const order = codeTree(corpus.codes).map(({ code }) => code.id);
  const present = new Set<string>();
  const documents = corpus.documents.map((document): DocumentPortrait => {
    const byCode = binRuns(document.segments, document.length, bins);
    const codes: DocumentPortrait['codes'] = [];
    for (const codeId of order) {
      const runs = byCode.get(codeId);
      if (!runs) continue;
      present.add(codeId);
      codes.push({ codeId, runs });
    }
    return { documentId: document.record.id, title: document.record.title, length: document.length, segments: document.segments.length, codes };
  });
  return { bins, codeIds: order.filter((id) => present.has(id)), documents };
}
