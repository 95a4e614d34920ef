/**
 * Unitizing reliability: how far coders agree on where the passages of a code begin and end, and
 * not only on which code a given passage carries. Coders mark spans of a text freely, so there is
 * no fixed list of units to compare; these coefficients compare the coders' segmentations of the
 * text (the "continuum") directly.
 *
 * This module owns the span and continuum shapes shared by the span statistics, and two families
 * of coefficients computed on sorted intervals (never per character, so a 1 MB text with thousands
 * of segments costs the same as a short one with as many segments):
 *
 * - `unitizingAlphaU`: α_U of Krippendorff (1995, 2004), as DKPro Agreement computes it in
 *   `KrippendorffAlphaUnitizingAgreement` (the measure INCEpTION reports).
 * - `uAlpha`, `binaryUAlpha`, `cuAlpha`, `CuAlpha`: the coincidence-matrix family of Krippendorff,
 *   Mathet, Bouvry & Widlöcher (2016), whose names ATLAS.ti uses.
 *
 * Offsets everywhere are those of the rest of the workbench: UTF-16 code units of the exact text,
 * start inclusive, end exclusive. "Character" below means one such code unit.
 */

/** One coded passage: `coder` marked [start, end) of `document` with `code`. */
export interface Span {
  coder: string;
  code: string;
  document: string;
  /** Inclusive start offset (UTF-16 code units). */
  start: number;
  /** Exclusive end offset (UTF-16 code units). */
  end: number;
}

/** A document as a continuum: its text length in UTF-16 code units. */
export interface Continuum {
  document: string;
  length: number;
}

/** Which coders and codes a unitizing coefficient compares. */
export interface UnitizingOptions {
  /**
   * The coders compared. Default: every coder that has a span, in code-unit order. A listed coder
   * with no span counts as having coded nothing anywhere (the whole text is a gap for them).
   * Spans of coders not listed are ignored.
   */
  coders?: readonly string[];
  /** The codes analysed. Default: every code of the listed coders' spans, in code-unit order. */
  codes?: readonly string[];
}

/** A coefficient with the two disagreements it is made of, for a report that shows its working. */
export interface AlphaParts {
  /** 1 − D_o / D_e; `NaN` where the coefficient is undefined (see each function). */
  alpha: number;
  observedDisagreement: number;
  expectedDisagreement: number;
}

/** α_U overall and for each analysed code, with what was compared. */
export interface UnitizingAlphaReport {
  overall: AlphaParts;
  byCode: Record<string, AlphaParts>;
  coders: string[];
  codes: string[];
  /** L: the summed length of all continua, in characters. */
  continuumLength: number;
}

/**
 * Krippendorff's α_U for unitizing (Krippendorff 1995, "On the reliability of unitizing
 * continuous data", Sociological Methodology 25:47–76; Krippendorff 2004, Content Analysis, 2nd ed.,
 * section 12.4), computed exactly as DKPro Agreement's `KrippendorffAlphaUnitizingAgreement`.
 *
 * Inputs: `spans` are [start, end) in UTF-16 code units of the documents in `continua`; each span
 * must lie inside its document (throws a `RangeError` otherwise, and for a document missing from
 * `continua`). Spans with end ≤ start are ignored. For each code, the spans of one coder that
 * overlap are merged into their union first (α_U requires a coder's units of one category not to
 * overlap; DKPro leaves that to the caller); spans that only touch stay separate units, as in
 * Krippendorff's own examples. Spans of different codes may overlap freely: each code is analysed
 * on its own, everything else being gap.
 *
 * Per code c, with R coders and L characters: D_o = 2 Σ_{coder pairs} Σ_{overlapping sections}
 * δ² / (R(R−1)L²), where δ² between two overlapping units is (Δbegin)² + (Δend)², between a unit
 * and a gap that contains it is the unit's length squared, and 0 otherwise; D_E follows
 * Krippendorff (2004, section 12.4): (2/L) Σ_units [(N_c−1)(2l³−3l²+l)/3 + l² Σ_{gaps g ≥ l}(g−l+1)] /
 * (RL(RL−1) − Σ_units l(l−1)). α_c = 1 − D_o/D_E, and 0 when D_o = D_E (DKPro's rule, which also
 * covers a single unit nobody else marked).
 *
 * Overall: as DKPro's `calculateAgreement()`, D_o and D_E are each averaged over the analysed
 * codes and α = 1 − mean D_o / mean D_E (not the mean of the per-code alphas).
 *
 * Several documents: D_o is what DKPro gives for the documents laid end to end; for D_E the gaps
 * are cut at document boundaries, because no unit can be placed across two documents. For one
 * document the result is DKPro's exactly.
 *
 * Undefined (`NaN`): fewer than two coders; a code nobody used (DKPro answers 0 there); overall
 * when no analysed code was used.
 */
export function unitizingAlphaU(
  spans: readonly Span[],
  continua: readonly Continuum[],
  options: UnitizingOptions = {},
): UnitizingAlphaReport {
  const layout = layoutOf(continua);
  const coders = codersOf(spans, options.coders);
  const codes = codesOf(spans, coders, options.codes);
  const byCode: Record<string, AlphaParts> = {};
  let observedSum = 0;
  let expectedSum = 0;
  let used = false;
  const spansByCode = new Map<string, Span[]>(codes.map((code) => [code, []]));
  for (const span of spans) spansByCode.get(span.code)?.push(span);
  for (const code of codes) {
    const units = unitsByCoder(spansByCode.get(code) ?? [], layout, coders, () => 0, false);
    const parts = categoryDisagreements(units, layout, coders.length);
    byCode[code] = parts.unitCount === 0 ? undefinedParts() : partsOf(parts.observed, parts.expected);
    if (parts.unitCount > 0) used = true;
    observedSum += parts.observed;
    expectedSum += parts.expected;
  }
  const overall =
    used && coders.length >= 2
      ? partsOf(observedSum / codes.length, expectedSum / codes.length)
      : undefinedParts();
  return { overall, byCode, coders, codes, continuumLength: layout.total };
}

/**
 * u-α of Krippendorff, Mathet, Bouvry & Widlöcher (2016), "On the reliability of unitizing textual
 * continua: Further developments", Quality & Quantity 50:2347–2364: agreement on the whole
 * segmentation, units with their codes and the gaps between them, from the coincidence matrix of
 * values (each code, and ∅ for a gap) over the characters where two coders' sections intersect.
 *
 * Implemented as: o_ck = (1/(m−1)) Σ_{ordered coder pairs} |sections valued c ∩ sections valued k|;
 * l_c = Σ_k o_ck; l = mL; e_ck = l (l_c l_k − [c=k] S_c) / (l² − S), where S_c sums the squared
 * lengths of the units valued c (for ∅, the gaps' lengths, not squared) and S = Σ_c S_c;
 * α = 1 − (l − Σ o_cc)/(l − Σ e_cc).
 *
 * Not checked against a published figure. The formulas are the paper's as two independent public
 * implementations write them (they agree with each other); the tests check invariants and that,
 * for units one character long, u-α is nominal α over characters. The paper revises α_U for more
 * than two coders, so u-α and `unitizingAlphaU` give different numbers.
 *
 * Inputs as `unitizingAlphaU`, with `codes` the set of values (ATLAS.ti's "semantic domain"):
 * a coder's spans of one code that overlap are merged; spans of two different analysed codes by
 * the same coder may not overlap (the coefficient needs each coder's units to be a partition) and
 * throw a `RangeError` naming them. `NaN` with fewer than two coders or without variation.
 */
export function uAlpha(
  spans: readonly Span[],
  continua: readonly Continuum[],
  options: UnitizingOptions = {},
): AlphaParts {
  const table = coincidencesOf(spans, continua, options);
  if (table === undefined) return undefinedParts();
  const { size, observed, margins, squares, pairable } = table;
  const squareSum = squares.reduce((sum, value) => sum + value, 0);
  let observedAgreement = 0;
  let expectedAgreement = 0;
  for (let c = 0; c < size; c++) {
    observedAgreement += observed[c * size + c];
    expectedAgreement += (pairable * (margins[c] * margins[c] - squares[c])) / (pairable * pairable - squareSum);
  }
  return chanceCorrected(pairable - observedAgreement, pairable - expectedAgreement, pairable);
}

/**
 * |u-α (Krippendorff et al. 2016; ATLAS.ti's "α-binary"): agreement on the binary distinction
 * between relevant matter (any analysed code) and irrelevant matter (gaps), whatever the codes.
 * From the same coincidences as `uAlpha`: D_o counts the characters where one coder's unit meets
 * another's gap, Σ_{k≠∅} o_∅k, and D_e its expectation Σ_{k≠∅} e_∅k = l·l_∅(l − l_∅)/(l² − S).
 *
 * Inputs, errors and verification status as `uAlpha`. `NaN` with fewer than two coders, or when
 * nothing was coded, or everything was.
 */
export function binaryUAlpha(
  spans: readonly Span[],
  continua: readonly Continuum[],
  options: UnitizingOptions = {},
): AlphaParts {
  const table = coincidencesOf(spans, continua, options);
  if (table === undefined) return undefinedParts();
  const { observed, margins, squares, pairable } = table;
  const squareSum = squares.reduce((sum, value) => sum + value, 0);
  const gap = margins[0];
  const observedDisagreement = gap - observed[0];
  const expectedDisagreement = (pairable * gap * (pairable - gap)) / (pairable * pairable - squareSum);
  return chanceCorrected(observedDisagreement, expectedDisagreement, pairable);
}

/**
 * cu-α (Krippendorff et al. 2016; ATLAS.ti's "cu-α"): agreement on the codes of the matter that
 * two coders both took as relevant, that is, on the values of intersecting units, ignoring the
 * gaps and so the reliability of the unitizing itself.
 *
 * Implemented as: the coincidences o_ck of `uAlpha` for c, k ≠ ∅; margins l'_c = Σ_{k≠∅} o_ck and
 * l' = Σ l'_c; for each unit g of coder i and each other coder j, x_gj = the characters of g that
 * j also coded; S'_c = Σ x_gj² / (m−1) over units valued c, S' = Σ S'_c;
 * e'_ck = (l'_c l'_k − [c=k] S'_c) / (l' − S'/l'); α = 1 − (l' − Σ o_cc)/(l' − Σ e'_cc).
 * For two coders and units one character long this is nominal α over the characters both coders
 * coded (tested). For more coders the weighting of S' follows the one public implementation of
 * cu-α and is the part most worth checking against the paper: with units one character long it
 * does not reduce to nominal α with missing values, as one would expect it to.
 *
 * Inputs and errors as `uAlpha`; like it, not checked against a published figure. `NaN` with
 * fewer than two coders, when no two coders' units intersect, or when only one code occurs in the
 * intersections.
 */
export function cuAlpha(
  spans: readonly Span[],
  continua: readonly Continuum[],
  options: UnitizingOptions = {},
): AlphaParts {
  const table = coincidencesOf(spans, continua, options);
  if (table === undefined) return undefinedParts();
  const { size, observed, intersectionSquares, coderCount } = table;
  const margins = new Float64Array(size);
  let pairable = 0;
  for (let c = 1; c < size; c++) {
    for (let k = 1; k < size; k++) margins[c] += observed[c * size + k];
    pairable += margins[c];
  }
  if (!(pairable > 0)) return undefinedParts();
  let squareSum = 0;
  for (let c = 1; c < size; c++) squareSum += intersectionSquares[c] / (coderCount - 1);
  const denominator = pairable - squareSum / pairable;
  let observedAgreement = 0;
  let expectedAgreement = 0;
  for (let c = 1; c < size; c++) {
    observedAgreement += observed[c * size + c];
    expectedAgreement += (margins[c] * margins[c] - intersectionSquares[c] / (coderCount - 1)) / denominator;
  }
  return chanceCorrected(pairable - observedAgreement, pairable - expectedAgreement, pairable);
}

/** Which codes belong to which semantic domain, for `CuAlpha`. */
export interface DomainOptions {
  /** Domain name → its codes. A code in no domain is not analysed; a code in two domains throws. */
  domains: Readonly<Record<string, readonly string[]>>;
  /** As `UnitizingOptions.coders`. */
  coders?: readonly string[];
}

/**
 * Cu-α (ATLAS.ti's coefficient across semantic domains, after Krippendorff et al. 2016): cu-α with
 * each span's code replaced by the name of its domain, so it measures agreement on which domain
 * the jointly coded matter belongs to. A coder's overlapping spans of codes of one domain merge
 * into one unit; overlapping spans of codes of two different domains throw a `RangeError`.
 *
 * This is our reading of ATLAS.ti's manual, not checked against a figure it published.
 */
export function CuAlpha(
  spans: readonly Span[],
  continua: readonly Continuum[],
  options: DomainOptions,
): AlphaParts {
  const domainOf = new Map<string, string>();
  for (const [domain, codes] of Object.entries(options.domains)) {
    for (const code of codes) {
      const earlier = domainOf.get(code);
      if (earlier !== undefined && earlier !== domain) {
        throw new RangeError(`The code "${code}" is in two domains, "${earlier}" and "${domain}".`);
      }
      domainOf.set(code, domain);
    }
  }
  const relabelled: Span[] = [];
  for (const span of spans) {
    const domain = domainOf.get(span.code);
    if (domain !== undefined) relabelled.push({ ...span, code: domain });
  }
  return cuAlpha(relabelled, continua, {
    coders: options.coders ?? codersOf(spans, undefined),
    codes: Object.keys(options.domains).sort(),
  });
}

// ---------------------------------------------------------------------------------------------
// Shared preparation: the continua, the coders and codes, and each coder's units per document.

/** The continua in the order given, with their lengths and the total. */
export interface ContinuumLayout {
  readonly documents: readonly string[];
  readonly lengths: readonly number[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly total: number;
}

/** Checks the continua (distinct documents, integer lengths ≥ 0) and indexes them. */
export function layoutOf(continua: readonly Continuum[]): ContinuumLayout {
  const indexOf = new Map<string, number>();
  let total = 0;
  continua.forEach((continuum, index) => {
    if (indexOf.has(continuum.document)) {
      throw new RangeError(`The document "${continuum.document}" is listed twice among the continua.`);
    }
    if (!Number.isInteger(continuum.length) || continuum.length < 0) {
      throw new RangeError(
        `The document "${continuum.document}" has length ${continuum.length}; use a whole number ≥ 0.`,
      );
    }
    indexOf.set(continuum.document, index);
    total += continuum.length;
  });
  return {
    documents: continua.map((continuum) => continuum.document),
    lengths: continua.map((continuum) => continuum.length),
    indexOf,
    total,
  };
}

/**
 * The index of `span`'s document in `layout`; throws a `RangeError` when the document is not
 * there or the span's offsets are not whole numbers inside it.
 */
export function documentIndexOf(span: Span, layout: ContinuumLayout): number {
  const index = layout.indexOf.get(span.document);
  if (index === undefined) {
    throw new RangeError(`A span of ${span.coder} lies in "${span.document}", which is not among the continua.`);
  }
  const length = layout.lengths[index];
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > length) {
    throw new RangeError(
      `A span of ${span.coder} (${span.start}–${span.end}) lies outside "${span.document}" (0–${length}).`,
    );
  }
  return index;
}

/** `listed`, or every coder that has a span, in code-unit order. */
export function codersOf(spans: readonly Span[], listed: readonly string[] | undefined): string[] {
  if (listed !== undefined) return [...new Set(listed)];
  return [...new Set(spans.map((span) => span.coder))].sort();
}

function codesOf(spans: readonly Span[], coders: readonly string[], listed: readonly string[] | undefined): string[] {
  if (listed !== undefined) return [...new Set(listed)];
  const included = new Set(coders);
  return [...new Set(spans.filter((span) => included.has(span.coder)).map((span) => span.code))].sort();
}

/** A unit on one document: [start, end) carrying a value index. */
interface Unit {
  start: number;
  end: number;
  value: number;
}

/**
 * Each listed coder's units per document ([coder][document], sorted by start), from the spans for
 * which `valueOf` gives an index ≥ 0. Overlapping units of one value merge into their union; with
 * `partition`, overlapping units of two values throw (`nameOf` names a value in the message).
 */
function unitsByCoder(
  spans: readonly Span[],
  layout: ContinuumLayout,
  coders: readonly string[],
  valueOf: (span: Span) => number,
  partition: boolean,
  nameOf: (value: number) => string = String,
): Unit[][][] {
  const coderIndex = new Map(coders.map((coder, index) => [coder, index]));
  const units: Unit[][][] = coders.map(() => layout.lengths.map(() => []));
  for (const span of spans) {
    const coder = coderIndex.get(span.coder);
    if (coder === undefined) continue;
    const value = valueOf(span);
    if (value < 0) continue;
    const document = documentIndexOf(span, layout);
    if (span.end <= span.start) continue;
    units[coder][document].push({ start: span.start, end: span.end, value });
  }
  return units.map((perDocument, coder) =>
    perDocument.map((list, document) => {
      list.sort((a, b) => a.value - b.value || a.start - b.start);
      const merged: Unit[] = [];
      for (const unit of list) {
        const last = merged[merged.length - 1];
        if (last !== undefined && last.value === unit.value && unit.start < last.end) {
          last.end = Math.max(last.end, unit.end);
        } else {
          merged.push({ ...unit });
        }
      }
      merged.sort((a, b) => a.start - b.start);
      if (partition) {
        for (let i = 1; i < merged.length; i++) {
          const [a, b] = [merged[i - 1], merged[i]];
          if (b.start < a.end) {
            throw new RangeError(
              `${coders[coder]} coded ${a.start}–${a.end} of "${layout.documents[document]}" with ` +
                `${nameOf(a.value)} and ${b.start}–${b.end} with ${nameOf(b.value)}; these coefficients ` +
                'need the analysed codes of one coder not to overlap.',
            );
          }
        }
      }
      return merged;
    }),
  );
}

/** A section of one coder's partition of a document: a unit (`coded`) or a gap. */
interface Section {
  start: number;
  end: number;
  coded: boolean;
}

/** Units (sorted, not overlapping) and the gaps between them, covering [0, length). */
function sectionsOf(units: readonly Unit[], length: number): Section[] {
  const sections: Section[] = [];
  let position = 0;
  for (const unit of units) {
    if (unit.start > position) sections.push({ start: position, end: unit.start, coded: false });
    sections.push({ start: unit.start, end: unit.end, coded: true });
    position = unit.end;
  }
  if (position < length) sections.push({ start: position, end: length, coded: false });
  return sections;
}

// ---------------------------------------------------------------------------------------------
// α_U (DKPro's KrippendorffAlphaUnitizingAgreement).

/** δ² between two overlapping sections (DKPro's `measureDistance`). */
function distance(a: Section, b: Section): number {
  if (a.coded && b.coded) return (a.start - b.start) ** 2 + (a.end - b.end) ** 2;
  if (a.coded && a.start >= b.start && a.end <= b.end) return (a.end - a.start) ** 2;
  if (b.coded && b.start >= a.start && b.end <= a.end) return (b.end - b.start) ** 2;
  return 0;
}

/** D_o and D_E of one code, whose units are given per coder and document. */
function categoryDisagreements(
  units: readonly Unit[][][],
  layout: ContinuumLayout,
  coderCount: number,
): { observed: number; expected: number; unitCount: number } {
  const L = layout.total;
  const R = coderCount;
  const sections = units.map((perDocument) =>
    perDocument.map((list, document) => sectionsOf(list, layout.lengths[document])),
  );

  // Observed: every overlapping pair of sections of every pair of coders, in one merge-walk each.
  let distances = 0;
  for (let r1 = 0; r1 < R; r1++) {
    for (let r2 = r1 + 1; r2 < R; r2++) {
      for (let document = 0; document < layout.lengths.length; document++) {
        const first = sections[r1][document];
        const second = sections[r2][document];
        let i = 0;
        let j = 0;
        while (i < first.length && j < second.length) {
          distances += distance(first[i], second[j]);
          const [endA, endB] = [first[i].end, second[j].end];
          if (endA <= endB) i++;
          if (endB <= endA) j++;
        }
      }
    }
  }
  const observed = (2 * distances) / (R * (R - 1) * L * L);

  // Expected: each unit length against all gap lengths, through sorted gaps and suffix sums.
  const lengths: number[] = [];
  const gaps: number[] = [];
  for (const perDocument of sections) {
    for (const list of perDocument) {
      for (const section of list) (section.coded ? lengths : gaps).push(section.end - section.start);
    }
  }
  gaps.sort((a, b) => a - b);
  const suffix = new Float64Array(gaps.length + 1);
  for (let g = gaps.length - 1; g >= 0; g--) suffix[g] = suffix[g + 1] + gaps[g];
  const unitCount = lengths.length;
  let numerator = 0;
  let selfPairs = 0;
  for (const l of lengths) {
    selfPairs += l * (l - 1);
    const from = firstAtLeast(gaps, l);
    const placements = suffix[from] - (l - 1) * (gaps.length - from);
    numerator += ((unitCount - 1) * l * (l - 1) * (2 * l - 1)) / 3 + l * l * placements;
  }
  const expected = ((2 / L) * numerator) / (R * L * (R * L - 1) - selfPairs);
  return { observed, expected, unitCount };
}

/** The first index of sorted `values` holding a value ≥ `bound` (values.length when none). */
function firstAtLeast(values: readonly number[], bound: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 1 − D_o/D_E with DKPro's rule that equal disagreements (to rounding) give 0. */
function partsOf(observed: number, expected: number): AlphaParts {
  const equal = Math.abs(observed - expected) <= 1e-12 * Math.max(Math.abs(observed), Math.abs(expected));
  const alpha = equal ? 0 : 1 - observed / expected;
  return { alpha, observedDisagreement: observed, expectedDisagreement: expected };
}

function undefinedParts(): AlphaParts {
  return { alpha: Number.NaN, observedDisagreement: Number.NaN, expectedDisagreement: Number.NaN };
}

// ---------------------------------------------------------------------------------------------
// The 2016 family: coincidences of values over intersecting sections.

interface Coincidences {
  /** Values: 0 is the gap ∅, 1… the analysed codes. */
  size: number;
  coderCount: number;
  /** size × size, row-major: o_ck. */
  observed: Float64Array;
  /** l_c = Σ_k o_ck: the characters valued c, summed over coders. */
  margins: Float64Array;
  /** S_c: squared unit lengths valued c; for the gap, plain gap lengths. */
  squares: Float64Array;
  /** Σ over units g valued c and other coders j of (characters of g that j also coded)². */
  intersectionSquares: Float64Array;
  /** l = mL. */
  pairable: number;
}

/** The coincidence tables of the 2016 family, or undefined with fewer than two coders or no text. */
function coincidencesOf(
  spans: readonly Span[],
  continua: readonly Continuum[],
  options: UnitizingOptions,
): Coincidences | undefined {
  const layout = layoutOf(continua);
  const coders = codersOf(spans, options.coders);
  const codes = codesOf(spans, coders, options.codes);
  const valueOf = new Map(codes.map((code, index) => [code, index + 1]));
  const units = unitsByCoder(spans, layout, coders, (span) => valueOf.get(span.code) ?? -1, true, (value) =>
    JSON.stringify(codes[value - 1]),
  );
  const m = coders.length;
  if (m < 2 || layout.total === 0) return undefined;
  const size = codes.length + 1;
  const observed = new Float64Array(size * size);
  const squares = new Float64Array(size);
  const intersectionSquares = new Float64Array(size);

  for (let document = 0; document < layout.lengths.length; document++) {
    const length = layout.lengths[document];
    const perCoder = units.map((perDocument) => perDocument[document]);
    for (const list of perCoder) {
      for (const unit of list) squares[unit.value] += (unit.end - unit.start) ** 2;
      for (const section of sectionsOf(list, length)) if (!section.coded) squares[0] += section.end - section.start;
    }

    // Sweep the elementary intervals between all boundaries; in each, every coder has one value.
    const cuts = new Set<number>([0, length]);
    for (const list of perCoder) for (const unit of list) cuts.add(unit.start).add(unit.end);
    const positions = [...cuts].sort((a, b) => a - b);
    const cursor = new Array<number>(m).fill(0);
    const values = new Array<number>(m).fill(0);
    for (let p = 0; p + 1 < positions.length; p++) {
      const [from, to] = [positions[p], positions[p + 1]];
      for (let i = 0; i < m; i++) {
        const list = perCoder[i];
        while (cursor[i] < list.length && list[cursor[i]].end <= from) cursor[i]++;
        const unit = list[cursor[i]];
        values[i] = unit !== undefined && unit.start <= from ? unit.value : 0;
      }
      const share = (to - from) / (m - 1);
      for (let i = 0; i < m; i++) {
        for (let j = i + 1; j < m; j++) {
          observed[values[i] * size + values[j]] += share;
          observed[values[j] * size + values[i]] += share;
        }
      }
    }

    // For cu-α: how much of each unit each other coder also coded (any analysed code).
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const [mine, theirs] = [perCoder[i], perCoder[j]];
        let k = 0;
        for (const unit of mine) {
          while (k < theirs.length && theirs[k].end <= unit.start) k++;
          let shared = 0;
          for (let h = k; h < theirs.length && theirs[h].start < unit.end; h++) {
            shared += Math.min(unit.end, theirs[h].end) - Math.max(unit.start, theirs[h].start);
          }
          intersectionSquares[unit.value] += shared * shared;
        }
      }
    }
  }

  const margins = new Float64Array(size);
  for (let c = 0; c < size; c++) for (let k = 0; k < size; k++) margins[c] += observed[c * size + k];
  return { size, coderCount: m, observed, margins, squares, intersectionSquares, pairable: m * layout.total };
}

/** α from D_o and D_e in characters, reported as shares of the pairable characters. */
function chanceCorrected(observed: number, expected: number, pairable: number): AlphaParts {
  const parts = {
    alpha: Number.NaN,
    observedDisagreement: observed / pairable,
    expectedDisagreement: expected / pairable,
  };
  if (expected > 1e-12 * pairable) parts.alpha = 1 - observed / expected;
  return parts;
}
