/**
 * Segment agreement, as MAXQDA reports it ("Segment agreement" in its Intercoder Agreement tool):
 * for two coders, each coded segment counts as an agreement when the other coder gave the same
 * code to a segment of the same document that overlaps it enough, and as a disagreement otherwise.
 * The segments without a match are listed with the other coder's nearest candidate, which is what
 * an adjudication view needs to show the two codings side by side.
 *
 * Overlap, as we read the MAXQDA manual (Intercoder Agreement, the segment-level check with its
 * "at least x %" overlap): the characters the two segments share, as a share of the characters
 * that either of them covers (intersection over union). A short segment inside a long one
 * therefore matches only when it covers most of it.
 *
 * No chance correction here: the coefficients that correct for chance live with the other
 * agreement coefficients. Segments are matched independently, so one segment may be the match of
 * several segments of the other coder.
 */
import type { Span } from './continuum';

/** How segments are compared. */
export interface SegmentAgreementOptions {
  /**
   * The least overlap, in percent (0–100), at which two segments of the same code match: their
   * shared characters over the characters either covers. With 0 any shared character suffices.
   */
  minOverlap: number;
  /** The codes compared. Default: every code either coder used, in code-unit order. */
  codes?: readonly string[];
  /**
   * Whether to list the segments without a match (`disagreements`), each with its closest
   * candidate; default true. False leaves the list empty and keeps only the counts, for callers
   * that show the counts alone (the analysis report), since the list is most of the work.
   */
  listDisagreements?: boolean;
}

/** How many of one coder's segments found a match in the other coder's. */
export interface CoderTally {
  matched: number;
  unmatched: number;
}

/** The counts MAXQDA's results table shows for a code, or summed over the codes. */
export interface SegmentCounts {
  /** The first coder's segments. */
  first: CoderTally;
  /** The second coder's segments. */
  second: CoderTally;
  /** Matched segments of both coders. */
  agreements: number;
  /** Unmatched segments of both coders. */
  disagreements: number;
  /** 100 × agreements / (agreements + disagreements); `NaN` when neither coder has a segment. */
  percentAgreement: number;
}

/** A segment without a match, for adjudication. */
export interface SegmentDisagreement<S extends Span> {
  /** The unmatched segment, as it was passed in. */
  segment: S;
  /** The coder who has no matching segment. */
  otherCoder: string;
  /**
   * The other coder's segment of the same code and document that overlaps this one most (ties:
   * the earlier one), or null when none overlaps it at all.
   */
  closest: S | null;
  /** The overlap of `closest` in percent (intersection over union); 0 when `closest` is null. */
  closestOverlap: number;
}

/** The comparison of two coders. */
export interface SegmentAgreement<S extends Span> {
  coders: [string, string];
  minOverlap: number;
  codes: string[];
  byCode: Record<string, SegmentCounts>;
  overall: SegmentCounts;
  /** Unmatched segments of both coders, by document, start, end, then first coder before second. */
  disagreements: SegmentDisagreement<S>[];
}

/**
 * Segment agreement of `firstCoder` and `secondCoder` (MAXQDA's segment-level intercoder
 * agreement).
 *
 * Inputs: `spans` are coded segments, [start, end) in UTF-16 code units of their document; only
 * the two coders' segments of the compared codes are read, and segments with end ≤ start are
 * ignored. Every segment counts, including one coder's overlapping or duplicate segments of the
 * same code (MAXQDA counts each coded segment). A segment matches when the other coder has a
 * segment with the same code and document that shares at least one character with it and whose
 * overlap (intersection over union, in percent) is at least `minOverlap`.
 *
 * The generic type keeps whatever else the segments carry (an id, a quote), so the disagreements
 * point back to the segments themselves. Throws a `RangeError` when `minOverlap` is outside 0–100.
 * Works on sorted segments per document and code, not on characters.
 */
export function segmentAgreement<S extends Span>(
  spans: readonly S[],
  firstCoder: string,
  secondCoder: string,
  options: SegmentAgreementOptions,
): SegmentAgreement<S> {
  checkMinOverlap(options.minOverlap);
  const codes =
    options.codes !== undefined
      ? [...new Set(options.codes)]
      : [...new Set(spans.filter((span) => (span.coder === firstCoder || span.coder === secondCoder) && span.end > span.start).map((span) => span.code))].sort();
  // One coder named twice: every segment is the first coder's, as when they are compared with nobody.
  const coders = firstCoder === secondCoder ? [firstCoder] : [firstCoder, secondCoder];
  return pairAgreement(groupSegments(spans, coders, codes), 0, 1, firstCoder, secondCoder, codes, options);
}

/**
 * Segment agreement for every pair of `coders` (default: every coder that has a segment, in
 * code-unit order), in the order (coders[0], coders[1]), (coders[0], coders[2]), …, (coders[1],
 * coders[2]), …. Unless `codes` is given, every pair compares the codes any listed coder used, so
 * that the pairs' tables have the same rows. Inputs and errors as `segmentAgreement`. The
 * segments are grouped and sorted once for all the pairs.
 */
export function pairwiseSegmentAgreement<S extends Span>(
  spans: readonly S[],
  options: SegmentAgreementOptions & { coders?: readonly string[] },
): SegmentAgreement<S>[] {
  checkMinOverlap(options.minOverlap);
  const coders =
    options.coders !== undefined ? [...new Set(options.coders)] : [...new Set(spans.map((s) => s.coder))].sort();
  const codes = [
    ...new Set(
      options.codes ?? [...new Set(spans.filter((span) => coders.includes(span.coder) && span.end > span.start).map((s) => s.code))].sort(),
    ),
  ];
  const groups = groupSegments(spans, coders, codes);
  const results: SegmentAgreement<S>[] = [];
  for (let i = 0; i < coders.length; i++) {
    for (let j = i + 1; j < coders.length; j++) {
      results.push(pairAgreement(groups, i, j, coders[i], coders[j], codes, options));
    }
  }
  return results;
}

function checkMinOverlap(minOverlap: number): void {
  if (!(minOverlap >= 0 && minOverlap <= 100)) {
    throw new RangeError(`The least overlap must be a percentage from 0 to 100, not ${minOverlap}.`);
  }
}

/**
 * The segments of `coders` and `codes` that cover something, by document and code (a map of codes
 * per document, so no key is built per segment), then by coder (index in `coders`), each list
 * sorted by start, then end.
 */
function groupSegments<S extends Span>(spans: readonly S[], coders: readonly string[], codes: readonly string[]): Map<string, Map<string, S[][]>> {
  const coderIndex = new Map(coders.map((coder, index) => [coder, index]));
  const included = new Set(codes);
  const groups = new Map<string, Map<string, S[][]>>();
  for (const span of spans) {
    const coder = coderIndex.get(span.coder);
    if (coder === undefined || span.end <= span.start || !included.has(span.code)) continue;
    let ofDocument = groups.get(span.document);
    if (ofDocument === undefined) groups.set(span.document, (ofDocument = new Map()));
    let group = ofDocument.get(span.code);
    if (group === undefined) ofDocument.set(span.code, (group = coders.map(() => [])));
    group[coder].push(span);
  }
  const byStart = (a: S, b: S) => a.start - b.start || a.end - b.end;
  for (const ofDocument of groups.values()) for (const group of ofDocument.values()) for (const list of group) if (list.length > 1) list.sort(byStart);
  return groups;
}

/** The agreement of coders `i` and `j` (named `firstCoder` and `secondCoder`) over the grouped segments. */
function pairAgreement<S extends Span>(
  groups: Map<string, Map<string, S[][]>>,
  i: number,
  j: number,
  firstCoder: string,
  secondCoder: string,
  codes: string[],
  options: SegmentAgreementOptions,
): SegmentAgreement<S> {
  const { minOverlap } = options;
  const listDisagreements = options.listDisagreements ?? true;
  const tallies = new Map(codes.map((code) => [code, { first: emptyTally(), second: emptyTally() }]));
  const disagreements: SegmentDisagreement<S>[] = [];
  const active: S[] = [];
  for (const ofDocument of groups.values()) {
    for (const [code, group] of ofDocument) {
      const first = group[i];
      const second = group[j] ?? [];
      const tally = tallies.get(code) as { first: CoderTally; second: CoderTally };
      for (const [mine, theirs, own, otherCoder] of [
        [first, second, tally.first, secondCoder],
        [second, first, tally.second, firstCoder],
      ] as const) {
        bestOverlaps(mine, theirs, active, (segment, closest, shared, union) => {
          // Compared in whole numbers, so that 9 shared characters of 10 meet 90 % exactly.
          if (closest !== null && 100 * shared >= minOverlap * union) {
            own.matched++;
          } else {
            own.unmatched++;
            if (!listDisagreements) return;
            const closestOverlap = closest === null ? 0 : (100 * shared) / union;
            disagreements.push({ segment, otherCoder, closest, closestOverlap });
          }
        });
      }
    }
  }

  disagreements.sort(
    (a, b) =>
      compareText(a.segment.document, b.segment.document) ||
      a.segment.start - b.segment.start ||
      a.segment.end - b.segment.end ||
      Number(a.segment.coder === secondCoder) - Number(b.segment.coder === secondCoder) ||
      compareText(a.segment.code, b.segment.code),
  );
  const byCode: Record<string, SegmentCounts> = {};
  const total = { first: emptyTally(), second: emptyTally() };
  for (const [code, tally] of tallies) {
    byCode[code] = countsOf(tally.first, tally.second);
    for (const side of ['first', 'second'] as const) {
      total[side].matched += tally[side].matched;
      total[side].unmatched += tally[side].unmatched;
    }
  }
  return {
    coders: [firstCoder, secondCoder],
    minOverlap,
    codes,
    byCode,
    overall: countsOf(total.first, total.second),
    disagreements,
  };
}

/**
 * For each segment of `mine`, the segment of `theirs` whose overlap (shared over union) is largest,
 * the earlier one on a tie, given to `visit` with the shared and union lengths (`closest` null
 * when none overlaps). Both lists sorted by start, then end: a sweep in which a segment of
 * `theirs` is a candidate from when it starts before the current segment ends until it ends
 * before the current segment starts. `active` is scratch space, emptied first.
 */
function bestOverlaps<S extends Span>(
  mine: readonly S[],
  theirs: readonly S[],
  active: S[],
  visit: (segment: S, closest: S | null, shared: number, union: number) => void,
): void {
  active.length = 0;
  let next = 0;
  for (const segment of mine) {
    // The candidates that still reach this segment, kept in place and in order.
    let kept = 0;
    for (const other of active) if (other.end > segment.start) active[kept++] = other;
    active.length = kept;
    while (next < theirs.length && theirs[next].start < segment.end) {
      if (theirs[next].end > segment.start) active.push(theirs[next]);
      next++;
    }
    let closest: S | null = null;
    let bestShared = 0;
    let bestUnion = 1;
    for (const other of active) {
      const shared = Math.min(segment.end, other.end) - Math.max(segment.start, other.start);
      if (shared <= 0) continue;
      const union = Math.max(segment.end, other.end) - Math.min(segment.start, other.start);
      if (shared * bestUnion > bestShared * union) {
        closest = other;
        bestShared = shared;
        bestUnion = union;
      }
    }
    visit(segment, closest, bestShared, bestUnion);
  }
}

function emptyTally(): CoderTally {
  return { matched: 0, unmatched: 0 };
}

function countsOf(first: CoderTally, second: CoderTally): SegmentCounts {
  const agreements = first.matched + second.matched;
  const disagreements = first.unmatched + second.unmatched;
  const all = agreements + disagreements;
  return {
    first: { ...first },
    second: { ...second },
    agreements,
    disagreements,
    percentAgreement: all === 0 ? Number.NaN : (100 * agreements) / all,
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
