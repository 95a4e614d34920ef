/**
 * The unitizing coefficients of Krippendorff, Mathet, Bouvry & Widlöcher (2016), whose names
 * ATLAS.ti uses: u-α (`uAlpha`), |u-α (`binaryUAlpha`), cu-α (`cuAlpha`) and Cu-α (`CuAlpha`).
 *
 * All four are read off one coincidence table of values (each analysed code, and ∅ for a gap) over
 * the characters where two coders' sections intersect, built by a sweep over the sorted units of
 * `continuum.ts`, never per character. α_U of 1995/2004 is in `unitizing-alpha.ts`.
 */
import { codersOf, codesOf, layoutOf, undefinedAlphaParts, unitsByCoder } from './continuum';
import type { AlphaParts, Continuum, Span, UnitizingOptions } from './continuum';

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
 * Checked against the published worked example of Krippendorff (2019), Content Analysis, 4th ed.,
 * §12.6, Fig. 12.11 (three coders on a 60-character continuum): u-α 0.510 and cu-α 0.724 to three
 * decimals, |u-α 0.4136 against the printed 0.413 (the same formula gives 0.4135 from expected
 * coincidences rounded to two decimals, as a hand computation has them). The tests also check
 * that, for units one character long, u-α is nominal α over characters. The paper revises α_U for
 * more than two coders, so u-α and `unitizingAlphaU` give different numbers.
 *
 * Inputs as `unitizingAlphaU`, with `codes` the set of values (ATLAS.ti's "semantic domain"):
 * a coder's spans of one code that overlap are merged; spans of two different analysed codes by
 * the same coder may not overlap (the coefficient needs each coder's units to be a partition) and
 * throw a `RangeError` naming them. `NaN` with fewer than two coders or without variation.
 */
export function uAlpha(spans: readonly Span[], continua: readonly Continuum[], options: UnitizingOptions = {}): AlphaParts {
  return fromCoincidences(spans, continua, options, ({ size, observed, margins, squares, squareSum, pairable }) => {
    let observedAgreement = 0;
    let expectedAgreement = 0;
    for (let c = 0; c < size; c++) {
      observedAgreement += observed[c * size + c];
      expectedAgreement += (pairable * (margins[c] * margins[c] - squares[c])) / (pairable * pairable - squareSum);
    }
    return chanceCorrected(pairable - observedAgreement, pairable - expectedAgreement, pairable);
  });
}

/**
 * |u-α (Krippendorff et al. 2016; ATLAS.ti's "α-binary"): agreement on the binary distinction
 * between relevant matter (any analysed code) and irrelevant matter (gaps), whatever the codes.
 * From the same coincidences as `uAlpha`: D_o counts the characters where one coder's unit meets
 * another's gap, Σ_{k≠∅} o_∅k, and D_e its expectation Σ_{k≠∅} e_∅k = l·l_∅(l − l_∅)/(l² − S).
 *
 * Inputs and errors as `uAlpha`. `NaN` with fewer than two coders, or when nothing was coded, or
 * everything was.
 */
export function binaryUAlpha(spans: readonly Span[], continua: readonly Continuum[], options: UnitizingOptions = {}): AlphaParts {
  return fromCoincidences(spans, continua, options, ({ observed, margins, squareSum, pairable }) => {
    const gap = margins[0];
    const observedDisagreement = gap - observed[0];
    const expectedDisagreement = (pairable * gap * (pairable - gap)) / (pairable * pairable - squareSum);
    return chanceCorrected(observedDisagreement, expectedDisagreement, pairable);
  });
}

/**
 * cu-α (Krippendorff et al. 2016; ATLAS.ti's "cu-α"): agreement on the codes of the matter that
 * two coders both took as relevant, that is, on the values of intersecting units, ignoring the
 * gaps and so the reliability of the unitizing itself.
 *
 * Implemented as: the coincidences o_ck of `uAlpha` for c, k ≠ ∅; margins l'_c = Σ_{k≠∅} o_ck and
 * l' = Σ l'_c; for each unit g of coder i, its pairable length p_g = Σ_{j≠i} x_gj / (m−1), where
 * x_gj is the characters of g that coder j also coded (so Σ_g p_g = l', as Σ_g |g| = l in u-α);
 * S'_c = Σ p_g² over units valued c, S' = Σ S'_c; e'_ck = (l'_c l'_k − [c=k] S'_c) / (l' − S'/l');
 * α = 1 − (l' − Σ o_cc)/(l' − Σ e'_cc). This reproduces the cu-α of Krippendorff (2019, §12.6,
 * Fig. 12.11) for three coders (tested). With units one character long it is nominal α over the
 * coded characters whenever each of them was coded by the same number of coders (all of them, or
 * two of three, …), which includes every case of two coders (tested).
 *
 * Inputs and errors as `uAlpha`. `NaN` with fewer than two coders, when no two coders' units
 * intersect, or when only one code occurs in the intersections.
 */
export function cuAlpha(spans: readonly Span[], continua: readonly Continuum[], options: UnitizingOptions = {}): AlphaParts {
  return fromCoincidences(spans, continua, options, ({ size, observed, pairableSquares }) => {
    const margins = new Float64Array(size);
    let pairable = 0;
    for (let c = 1; c < size; c++) {
      for (let k = 1; k < size; k++) margins[c] += observed[c * size + k];
      pairable += margins[c];
    }
    if (!(pairable > 0)) return undefinedAlphaParts();
    let squareSum = 0;
    for (let c = 1; c < size; c++) squareSum += pairableSquares[c];
    const denominator = pairable - squareSum / pairable;
    let observedAgreement = 0;
    let expectedAgreement = 0;
    for (let c = 1; c < size; c++) {
      observedAgreement += observed[c * size + c];
      expectedAgreement += (margins[c] * margins[c] - pairableSquares[c]) / denominator;
    }
    return chanceCorrected(pairable - observedAgreement, pairable - expectedAgreement, pairable);
  });
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

/** The coincidences of values over intersecting sections, from which every coefficient here is read. */
interface Coincidences {
  /** Values: 0 is the gap ∅, 1… the analysed codes. */
  size: number;
  /** size × size, row-major: o_ck. */
  observed: Float64Array;
  /** l_c = Σ_k o_ck: the characters valued c, summed over coders. */
  margins: Float64Array;
  /** S_c: squared unit lengths valued c; for the gap, plain gap lengths. */
  squares: Float64Array;
  /** S = Σ_c S_c. */
  squareSum: number;
  /** S'_c: Σ over units g valued c of p_g², p_g = (characters of g the other coders also coded) / (m−1). */
  pairableSquares: Float64Array;
  /** l = mL. */
  pairable: number;
}

/**
 * `measure` read off the coincidences of `spans` (checked as `uAlpha` says), or undefined parts
 * with fewer than two coders or no text.
 */
function fromCoincidences(
  spans: readonly Span[],
  continua: readonly Continuum[],
  options: UnitizingOptions,
  measure: (table: Coincidences) => AlphaParts,
): AlphaParts {
  const table = coincidencesOf(spans, continua, options);
  return table === undefined ? undefinedAlphaParts() : measure(table);
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
  const pairableSquares = new Float64Array(size);

  // Scratch space for every document: each coder's next unit, and per unit the characters the
  // other coders also coded (for cu-α).
  const cursor = new Int32Array(m);
  const values = new Int32Array(m);
  let shared = new Float64Array(16);
  for (let document = 0; document < layout.lengths.length; document++) {
    const length = layout.lengths[document];
    if (length === 0) continue;
    for (let i = 0; i < m; i++) {
      // The units are sorted and do not overlap, so the gaps are what they leave of the text.
      let covered = 0;
      for (const unit of units[i][document]) {
        squares[unit.value] += (unit.end - unit.start) ** 2;
        covered += unit.end - unit.start;
      }
      squares[0] += length - covered;
    }

    // Sweep the elementary intervals between all boundaries, merging the coders' sorted
    // boundaries as it goes; in each interval every coder has one value.
    cursor.fill(0);
    for (let from = 0; from < length; ) {
      let to = length;
      for (let i = 0; i < m; i++) {
        const list = units[i][document];
        const unit = list[cursor[i]];
        if (unit === undefined || unit.start > from) {
          values[i] = 0;
          if (unit !== undefined && unit.start < to) to = unit.start;
        } else {
          values[i] = unit.value;
          if (unit.end < to) to = unit.end;
        }
      }
      const share = (to - from) / (m - 1);
      for (let i = 0; i < m; i++) {
        for (let j = i + 1; j < m; j++) {
          observed[values[i] * size + values[j]] += share;
          observed[values[j] * size + values[i]] += share;
        }
      }
      for (let i = 0; i < m; i++) {
        const unit = units[i][document][cursor[i]];
        if (unit !== undefined && unit.end === to) cursor[i]++;
      }
      from = to;
    }

    // For cu-α: each unit's pairable length, what it adds to the margins of the coded values.
    // It is squared after summing over the other coders: summing squares per coder pair instead
    // weights a unit's self-pairing wrongly for more than two coders (the book's cu-α is missed).
    for (let i = 0; i < m; i++) {
      const mine = units[i][document];
      if (shared.length < mine.length) shared = new Float64Array(mine.length * 2);
      shared.fill(0, 0, mine.length);
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const theirs = units[j][document];
        let k = 0;
        for (let g = 0; g < mine.length; g++) {
          const unit = mine[g];
          while (k < theirs.length && theirs[k].end <= unit.start) k++;
          for (let h = k; h < theirs.length && theirs[h].start < unit.end; h++) {
            shared[g] += Math.min(unit.end, theirs[h].end) - Math.max(unit.start, theirs[h].start);
          }
        }
      }
      for (let g = 0; g < mine.length; g++) pairableSquares[mine[g].value] += (shared[g] / (m - 1)) ** 2;
    }
  }

  const margins = new Float64Array(size);
  for (let c = 0; c < size; c++) for (let k = 0; k < size; k++) margins[c] += observed[c * size + k];
  const squareSum = squares.reduce((sum, value) => sum + value, 0);
  return { size, observed, margins, squares, squareSum, pairableSquares, pairable: m * layout.total };
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
