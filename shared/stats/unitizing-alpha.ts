/**
 * Unitizing reliability after Krippendorff (1995, 2004): how far coders agree on where the
 * passages of a code begin and end, and not only on which code a given passage carries.
 *
 * `unitizingAlphaU` is α_U as DKPro Agreement computes it in `KrippendorffAlphaUnitizingAgreement`
 * (the measure INCEpTION reports), on sorted intervals (`continuum.ts`). The coincidence-matrix
 * family of 2016 is in `unitizing-2016.ts`.
 */
import { codersOf, codesOf, layoutOf, sectionsOf, undefinedAlphaParts, unitsByCoder } from './continuum';
import type { AlphaParts, Continuum, ContinuumLayout, Section, Span, Unit, UnitizingOptions } from './continuum';

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
    byCode[code] = parts.unitCount === 0 ? undefinedAlphaParts() : partsOf(parts.observed, parts.expected);
    if (parts.unitCount > 0) used = true;
    observedSum += parts.observed;
    expectedSum += parts.expected;
  }
  const overall =
    used && coders.length >= 2
      ? partsOf(observedSum / codes.length, expectedSum / codes.length)
      : undefinedAlphaParts();
  return { overall, byCode, coders, codes, continuumLength: layout.total };
}

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
          const endA = first[i].end;
          const endB = second[j].end;
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
  // A typed array sorts numbers without a comparator call per comparison.
  const sorted = Float64Array.from(gaps).sort();
  const suffix = new Float64Array(gaps.length + 1);
  for (let g = sorted.length - 1; g >= 0; g--) suffix[g] = suffix[g + 1] + sorted[g];
  const unitCount = lengths.length;
  let numerator = 0;
  let selfPairs = 0;
  for (const l of lengths) {
    selfPairs += l * (l - 1);
    const from = firstAtLeast(sorted, l);
    const placements = suffix[from] - (l - 1) * (gaps.length - from);
    numerator += ((unitCount - 1) * l * (l - 1) * (2 * l - 1)) / 3 + l * l * placements;
  }
  const expected = ((2 / L) * numerator) / (R * L * (R * L - 1) - selfPairs);
  return { observed, expected, unitCount };
}

/** The first index of sorted `values` holding a value ≥ `bound` (values.length when none). */
function firstAtLeast(values: ArrayLike<number>, bound: number): number {
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
