/**
 * Code co-occurrence: how often segments of two different codes meet in the same document, and
 * the "AND" query (the passages where segments of two codes overlap).
 *
 * Two segments meet when, by `proximity`:
 * - `overlap`: they share at least one character;
 * - `paragraph`: they touch a common paragraph (paragraphs.ts: blank-line blocks, or lines);
 * - `distance`: at most `characters` code points lie between them (overlapping and touching
 *   segments are 0 apart).
 * Only segments of different codes pair up, each code counting its own segments (sub-codes are
 * codes of their own), or with `withSubcodes` its own and those of its sub-codes at any depth (a
 * sub-code's segment then counts for its parent too, and two segments each of both a parent and
 * its sub-code meet in that cell both ways round). For codes A and B:
 * - `pairs` (c_AB) is the number of pairs (a segment of A, a segment of B) that meet;
 * - `segments` (c_A, c_B) is the number of each code's segments;
 * - `meeting` is the number of A's segments that meet some segment of B, and of B's that meet A;
 * - `jaccard` is n / (c_A + c_B − n) with n = (meeting A + meeting B) / 2: the share of the two
 *   codes' segments that meet the other code. When segments pair one to one (the same passage
 *   coded twice), n is the number of pairs and this is c_AB / (c_A + c_B − c_AB). It runs from 0
 *   (never) to 1 (every segment of each meets the other code); it is 0 when neither has segments.
 * The diagonal holds each code's number of segments (and 1, or 0 without segments).
 */
import type { AnalysisCorpus, AnalysisDocument, AnalysisSegment } from './analysis-corpus';
import { codeColumns } from './analysis-corpus';
import { paragraphsOf, type ParagraphBreak } from './paragraphs';

export type Proximity = { kind: 'overlap' } | { kind: 'paragraph'; breaks: ParagraphBreak } | { kind: 'distance'; characters: number };

/** One cell: codes A (row) and B (column). */
export interface CooccurrenceCell {
  pairs: number;
  meetingRow: number;
  meetingColumn: number;
  jaccard: number;
  /**
   * The pairs behind the cell, flat: [a₀, b₀, a₁, b₁, …], each an index into the matrix's
   * `segmentIds` (a of code A, b of code B). `cellPairs` gives them as ids.
   */
  pairIndexes: number[];
}

export interface Cooccurrence {
  proximity: Proximity;
  /** Whether each code counts its sub-codes' segments too. */
  withSubcodes: boolean;
  codes: Array<{ codeId: string; name: string; path: string; segments: number }>;
  /** cells[i][j]: codes[i] with codes[j]; the matrix is symmetric (pairs swapped). */
  cells: CooccurrenceCell[][];
  /** The ids of the segments counted, by document and in text order (what pair indexes point at). */
  segmentIds: string[];
  /**
   * Set when only this cell carries its pairs (`cellPairsOnly`: what the page is sent), the other
   * cells their counts alone and `segmentIds` only the ids the cell's pairs name; absent when every
   * cell carries its pairs.
   */
  pairsOf?: { row: string; column: string } | null;
}

/**
 * The matrix with the pairs of the cell `pairsOf` (row and column code ids) alone, or of none:
 * every count kept, the other cells' pairs and the ids they name left out. What the page is sent:
 * on a large project the pairs of every cell name every segment counted (some 4 MB for 100,000
 * segments), and the page lists only the pairs of the cell a researcher opens. `cellPairs` gives
 * the kept cell's pairs as on the whole matrix.
 */
export function cellPairsOnly(matrix: Cooccurrence, pairsOf: { row: string; column: string } | null): Cooccurrence {
  const row = pairsOf ? matrix.codes.findIndex((code) => code.codeId === pairsOf.row) : -1;
  const column = pairsOf ? matrix.codes.findIndex((code) => code.codeId === pairsOf.column) : -1;
  const segmentIds: string[] = [];
  const renumbered = new Map<number, number>();
  const kept = (i: number, j: number): number[] => {
    if (i !== row || j !== column) return [];
    return matrix.cells[i][j].pairIndexes.map((index) => {
      let number = renumbered.get(index);
      if (number === undefined) {
        renumbered.set(index, (number = segmentIds.length));
        segmentIds.push(matrix.segmentIds[index]);
      }
      return number;
    });
  };
  return {
    ...matrix,
    cells: matrix.cells.map((cells, i) => cells.map((cell, j) => ({ ...cell, pairIndexes: kept(i, j) }))),
    segmentIds,
    pairsOf: pairsOf && row >= 0 && column >= 0 ? pairsOf : null,
  };
}

/** The pairs behind a cell as [segment id of A, segment id of B]. */
export function cellPairs(matrix: Cooccurrence, row: number, column: number): Array<[string, string]> {
  const { pairIndexes } = matrix.cells[row][column];
  const pairs: Array<[string, string]> = [];
  for (let k = 0; k < pairIndexes.length; k += 2) pairs.push([matrix.segmentIds[pairIndexes[k]], matrix.segmentIds[pairIndexes[k + 1]]]);
  return pairs;
}

/**
 * Calls `meet` for every pair of segments of one document that meet, as indexes into its
 * segments, the earlier (in text order) first.
 */
function meetingPairs(corpus: AnalysisCorpus, document: AnalysisDocument, proximity: Proximity, meet: (a: number, b: number) => void): void {
  const { segments } = document;
  if (proximity.kind === 'paragraph') {
    const paragraphs = corpus.cache.paragraphs(document.record.id, document.text, proximity.breaks);
    const first: number[] = [];
    const last: number[] = [];
    const order: number[] = [];
    segments.forEach((segment, k) => {
      const [from, to] = paragraphsOf(paragraphs, { start: segment.start16, end: segment.end16 });
      first.push(from);
      last.push(to);
      if (from <= to) order.push(k);
    });
    order.sort((x, y) => first[x] - first[y] || x - y);
    for (let i = 0; i < order.length; i++) {
      const a = order[i];
      for (let j = i + 1; j < order.length && first[order[j]] <= last[a]; j++) meet(a, order[j]);
    }
    return;
  }
  // Segments are in text order (by start), so the later one of a pair starts at or after the earlier.
  const gap = proximity.kind === 'overlap' ? -1 : proximity.characters;
  for (let i = 0; i < segments.length; i++) {
    const end = segments[i].end;
    for (let j = i + 1; j < segments.length; j++) {
      const apart = segments[j].start - end;
      if (gap < 0 ? apart >= 0 : apart > gap) break;
      meet(i, j);
    }
  }
}

/** The code × code matrix over the corpus (codes in tree order). */
export function cooccurrence(corpus: AnalysisCorpus, proximity: Proximity, withSubcodes = false): Cooccurrence {
  const columns = codeColumns(corpus.codes, withSubcodes);
  const n = columns.length;
  // The columns each code's segments count in: its own, and with sub-codes summed its ancestors'.
  const placesOf = new Map<string, number[]>(columns.map((column) => [column.codeId, []]));
  columns.forEach((column, i) => column.members.forEach((member) => placesOf.get(member)?.push(i)));
  const counts = new Array<number>(n).fill(0);
  const segmentIds: string[] = [];
  for (const document of corpus.documents) {
    for (const s of document.segments) {
      for (const i of placesOf.get(s.codeId)!) counts[i]++;
      segmentIds.push(s.segment.id);
    }
  }
  // pairIndexes[i][j]: pairs noted with the earlier segment's code i first; meets[g·n + j]: segment g meets code j.
  const pairIndexes: number[][][] = columns.map(() => columns.map(() => []));
  const meets = new Uint8Array(segmentIds.length * n);
  const meeting: number[][] = columns.map(() => new Array<number>(n).fill(0));
  let offset = 0;
  for (const document of corpus.documents) {
    // Each segment's codes' places, once per document rather than once per pair.
    const place = document.segments.map((s) => placesOf.get(s.codeId)!);
    meetingPairs(corpus, document, proximity, (ka, kb) => {
      const ga = offset + ka;
      const gb = offset + kb;
      for (const i of place[ka]) {
        for (const j of place[kb]) {
          if (i === j) continue;
          pairIndexes[i][j].push(ga, gb);
          if (!meets[ga * n + j]) {
            meets[ga * n + j] = 1;
            meeting[i][j]++;
          }
          if (!meets[gb * n + i]) {
            meets[gb * n + i] = 1;
            meeting[j][i]++;
          }
        }
      }
    });
    offset += document.segments.length;
  }
  const cells: CooccurrenceCell[][] = [];
  for (let i = 0; i < n; i++) {
    cells.push([]);
    for (let j = 0; j < n; j++) {
      if (i === j) {
        cells[i].push({ pairs: counts[i], meetingRow: counts[i], meetingColumn: counts[i], jaccard: counts[i] > 0 ? 1 : 0, pairIndexes: [] });
        continue;
      }
      // Pairs were noted with the earlier segment's code first: gather both ways, as (A, B).
      const mine = pairIndexes[i][j];
      const theirs = pairIndexes[j][i];
      const both = mine.slice();
      for (let k = 0; k < theirs.length; k += 2) both.push(theirs[k + 1], theirs[k]);
      const shared = (meeting[i][j] + meeting[j][i]) / 2;
      const union = counts[i] + counts[j] - shared;
      cells[i].push({ pairs: both.length / 2, meetingRow: meeting[i][j], meetingColumn: meeting[j][i], jaccard: union > 0 ? shared / union : 0, pairIndexes: both });
    }
  }
  return { proximity, withSubcodes, codes: columns.map((c, i) => ({ codeId: c.codeId, name: c.name, path: c.path, segments: counts[i] })), cells, segmentIds };
}

/** A passage where segments of two codes overlap: the overlap (code points) and both segments. */
export interface OverlapPassage {
  documentId: string;
  documentTitle: string;
  start: number;
  end: number;
  text: string;
  first: AnalysisSegment;
  second: AnalysisSegment;
}

/**
 * The "AND" query: every overlap of a segment of `firstCodeId` with one of `secondCodeId`, by
 * document and then by where the overlap starts. A code may be asked with itself: then each pair
 * of its overlapping segments is listed once.
 */
export function overlapPassages(corpus: AnalysisCorpus, firstCodeId: string, secondCodeId: string): OverlapPassage[] {
  const passages: OverlapPassage[] = [];
  for (const document of corpus.documents) {
    const found: OverlapPassage[] = [];
    meetingPairs(corpus, document, { kind: 'overlap' }, (ka, kb) => {
      const a = document.segments[ka];
      const b = document.segments[kb];
      const [first, second] = a.codeId === firstCodeId && b.codeId === secondCodeId ? [a, b] : b.codeId === firstCodeId && a.codeId === secondCodeId ? [b, a] : [null, null];
      if (!first || !second) return;
      const start16 = Math.max(a.start16, b.start16);
      const end16 = Math.min(a.end16, b.end16);
      found.push({
        documentId: document.record.id,
        documentTitle: document.record.title,
        start: Math.max(a.start, b.start),
        end: Math.min(a.end, b.end),
        text: document.text.slice(start16, end16),
        first,
        second,
      });
    });
    passages.push(...found.sort((x, y) => x.start - y.start || x.end - y.end));
  }
  return passages;
}
