import { describe, expect, it } from 'vitest';
import {
  cohenKappa,
  cohenKappaDetails,
  fleissKappa,
  fleissKappaDetails,
  krippendorffAlpha,
  krippendorffAlphaDetails,
  percentAgreement,
  scottPi,
  scottPiDetails,
  type MeasurementLevel,
  type ReliabilityData,
} from '../../shared/stats';
import { KRIPPENDORFF_2011_4X12 } from '../support/reliability-fixtures';

const _ = null;

/**
 * Wikipedia, "Krippendorff's alpha", section "A computational example": three coders × fifteen
 * units with missing values. The same matrix and values are in the test suite of the
 * `krippendorff` Python package (pln-fing-udelar/fast-krippendorff, tests/test_krippendorff.py).
 */
const WIKIPEDIA_3X15: ReliabilityData = [
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
];

/** Two coders' values for units listed by the cells of a contingency table (`[a, b, count]`). */
function fromContingency(cells: ReadonlyArray<readonly [string, string, number]>): ReliabilityData {
  const first: string[] = [];
  const second: string[] = [];
  for (const [a, b, count] of cells) {
    for (let i = 0; i < count; i++) {
      first.push(a);
      second.push(b);
    }
  }
  return [first, second];
}

/**
 * Coders × units from a Fleiss table (one row per unit, one count per category): unit i's
 * ratings are spread over as many "coders" as it has ratings, category j coded as j + 1.
 */
function fromFleissTable(table: ReadonlyArray<readonly number[]>): ReliabilityData {
  const perUnit = table.map((counts) => counts.flatMap((count, category) => Array<number>(count).fill(category + 1)));
  const raters = perUnit[0].length;
  return Array.from({ length: raters }, (_unused, rater) => perUnit.map((ratings) => ratings[rater]));
}

describe("Krippendorff's alpha against published values", () => {
  // Krippendorff (2011): the nominal value comes with the example itself; the paper then reuses
  // the same data for the ordinal, interval and ratio metrics.
  const published: Record<MeasurementLevel, number> = { nominal: 0.743, ordinal: 0.815, interval: 0.849, ratio: 0.797 };
  for (const [level, alpha] of Object.entries(published) as [MeasurementLevel, number][]) {
    it(`gives ${level} α = ${alpha} on the 4 × 12 example of Krippendorff (2011)`, () => {
      expect(krippendorffAlpha(KRIPPENDORFF_2011_4X12, level)).toBeCloseTo(alpha, 3);
    });
  }

  it('drops the unit with a single value: 11 pairable units, n = 40 values', () => {
    const details = krippendorffAlphaDetails(KRIPPENDORFF_2011_4X12, 'nominal');
    expect(details.pairableUnits).toBe(11);
    expect(details.pairableValues).toBe(40);
    expect(1 - details.observedDisagreement / details.expectedDisagreement).toBeCloseTo(details.alpha, 12);
  });

  it('gives α = 0.095 on the binary example of Krippendorff (2011): two observers, no missing data', () => {
    // Ten units, no missing values; the paper's coincidence matrix is o00 = 10, o01 = o10 = 4,
    // o11 = 2 (n0 = 14, n1 = 6), and α = 1 − (n − 1)·o01/(n0·n1) = 1 − 19·4/84.
    const observerA = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const observerB = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(krippendorffAlpha([observerA, observerB], 'nominal')).toBeCloseTo(0.095, 3);
    expect(krippendorffAlpha([observerA, observerB], 'nominal')).toBeCloseTo(1 - 76 / 84, 12);
  });

  it("gives nominal α = 0.691 and interval α = 0.811 on Wikipedia's 3 × 15 example", () => {
    // Six decimals as asserted by the krippendorff package's tests: 0.691358 and 0.810845.
    expect(krippendorffAlpha(WIKIPEDIA_3X15, 'nominal')).toBeCloseTo(0.691358, 6);
    expect(krippendorffAlpha(WIKIPEDIA_3X15, 'interval')).toBeCloseTo(0.810845, 6);
  });

  it('reads text labels at the nominal level (the krippendorff package test: 0.722222)', () => {
    const data = [
      ['pos', 'neg', 'neu', _],
      ['pos', 'neg', 'neu', 'pos'],
      ['pos', 'neg', 'pos', 'pos'],
    ];
    expect(krippendorffAlpha(data, 'nominal')).toBeCloseTo(0.722222, 6);
  });
});

describe("Krippendorff's alpha: properties", () => {
  it('is 1 for perfect agreement with variation, at every level', () => {
    const data = [
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [1, 2, 3, _],
    ];
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) expect(krippendorffAlpha(data, level)).toBe(1);
  });

  it('counts 0 against 0 as no difference at the ratio level (the krippendorff package: 1.0)', () => {
    expect(krippendorffAlpha([[0, 1, 2], [0, 1, 2]], 'ratio')).toBe(1);
  });

  it('does not depend on the names of nominal values, nor on the order of coders or units', () => {
    const names = ['', 'praise', 'blame', 'irony', 'question', 'other'];
    const renamed = KRIPPENDORFF_2011_4X12.map((row) => row.map((value) => (value === null ? null : names[value as number])));
    const reordered = [...KRIPPENDORFF_2011_4X12].reverse().map((row) => [...row].reverse());
    const alpha = krippendorffAlpha(KRIPPENDORFF_2011_4X12, 'nominal');
    expect(krippendorffAlpha(renamed, 'nominal')).toBeCloseTo(alpha, 12);
    expect(krippendorffAlpha(reordered, 'nominal')).toBeCloseTo(alpha, 12);
  });

  it('keeps interval α under a linear change of scale and ordinal α under any increasing one', () => {
    const shifted = KRIPPENDORFF_2011_4X12.map((row) => row.map((value) => (value === null ? null : 2 * (value as number) + 7)));
    const stretched = KRIPPENDORFF_2011_4X12.map((row) => row.map((value) => (value === null ? null : (value as number) ** 3)));
    expect(krippendorffAlpha(shifted, 'interval')).toBeCloseTo(krippendorffAlpha(KRIPPENDORFF_2011_4X12, 'interval'), 12);
    expect(krippendorffAlpha(stretched, 'ordinal')).toBeCloseTo(krippendorffAlpha(KRIPPENDORFF_2011_4X12, 'ordinal'), 12);
    expect(krippendorffAlpha(stretched, 'interval')).not.toBeCloseTo(krippendorffAlpha(KRIPPENDORFF_2011_4X12, 'interval'), 3);
  });

  it("relates to Scott's pi for two coders without missing values: 1 − α = (1 − π)(n − 1)/n", () => {
    const data = fromContingency([['yes', 'yes', 20], ['yes', 'no', 5], ['no', 'yes', 10], ['no', 'no', 15]]);
    const n = 100;
    expect(1 - krippendorffAlpha(data, 'nominal')).toBeCloseTo(((1 - scottPi(data)) * (n - 1)) / n, 12);
  });
});

describe("Cohen's kappa, Scott's pi and Fleiss' kappa against published values", () => {
  // Wikipedia, "Cohen's kappa", worked example: 50 grant proposals read by readers A and B.
  const proposals = fromContingency([['yes', 'yes', 20], ['yes', 'no', 5], ['no', 'yes', 10], ['no', 'no', 15]]);

  it("gives p_o = 0.7, p_e = 0.5 and κ = 0.4 on Wikipedia's Cohen's kappa example", () => {
    const details = cohenKappaDetails(proposals);
    expect(details.observedAgreement).toBeCloseTo(0.7, 3);
    expect(details.expectedAgreement).toBeCloseTo(0.5, 3);
    expect(details.coefficient).toBeCloseTo(0.4, 3);
    expect(details.units).toBe(50);
    expect(percentAgreement(proposals)).toBeCloseTo(0.7, 12);
  });

  it('gives κ = 0.1304 and 0.2593 for the two tables with equal agreement (Wikipedia, "Same percentages but different numbers")', () => {
    const first = fromContingency([['yes', 'yes', 45], ['yes', 'no', 15], ['no', 'yes', 25], ['no', 'no', 15]]);
    const second = fromContingency([['yes', 'yes', 25], ['yes', 'no', 35], ['no', 'yes', 5], ['no', 'no', 35]]);
    expect(percentAgreement(first)).toBeCloseTo(0.6, 12);
    expect(percentAgreement(second)).toBeCloseTo(0.6, 12);
    expect(cohenKappa(first)).toBeCloseTo(0.1304, 3);
    expect(cohenKappa(second)).toBeCloseTo(0.2593, 3);
  });

  it("pools both readers' values for Scott's pi: p_e = 0.55² + 0.45² on the same proposals", () => {
    const details = scottPiDetails(proposals);
    expect(details.expectedAgreement).toBeCloseTo(0.505, 12);
    expect(details.coefficient).toBeCloseTo((0.7 - 0.505) / (1 - 0.505), 12);
  });

  it("gives P = 0.378, P_e = 0.213 and κ = 0.210 on Wikipedia's Fleiss' kappa example (10 units, 14 raters, 5 categories)", () => {
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    const details = fleissKappaDetails(fromFleissTable(table));
    expect(details.units).toBe(10);
    expect(details.observedAgreement).toBeCloseTo(0.378, 3);
    expect(details.expectedAgreement).toBeCloseTo(0.213, 3);
    expect(details.coefficient).toBeCloseTo(0.21, 3);
  });

  it("equals Scott's pi for two coders without missing values", () => {
    expect(fleissKappa(proposals)).toBeCloseTo(scottPi(proposals), 12);
  });
});

describe('percent agreement', () => {
  it('averages the share of agreeing pairs over units with two or more values', () => {
    const data = [
      ['a', 'a', 'a', _],
      ['a', 'b', 'a', 'c'],
      ['a', 'b', _, _],
    ];
    // Unit 1: 3 of 3 pairs agree; unit 2: 1 of 3; unit 3: 1 of 1; unit 4 has one value.
    expect(percentAgreement(data)).toBeCloseTo((1 + 1 / 3 + 1) / 3, 12);
  });
});

describe('agreement coefficients on degenerate data', () => {
  const levels = ['nominal', 'ordinal', 'interval', 'ratio'] as const;

  it('answers NaN when every value is missing', () => {
    const data = [
      [_, _, _],
      [_, _, _],
    ];
    for (const level of levels) expect(krippendorffAlpha(data, level)).toBeNaN();
    expect(krippendorffAlphaDetails(data, 'nominal')).toMatchObject({ pairableUnits: 0, pairableValues: 0 });
    expect(percentAgreement(data)).toBeNaN();
    expect(cohenKappa(data)).toBeNaN();
    expect(scottPi(data)).toBeNaN();
    expect(fleissKappa(data)).toBeNaN();
    expect(krippendorffAlpha([], 'nominal')).toBeNaN();
  });

  it('answers NaN for a single coder, and refuses one coder for the two-coder coefficients', () => {
    const data = [[1, 2, 3, 1]];
    for (const level of levels) expect(krippendorffAlpha(data, level)).toBeNaN();
    expect(percentAgreement(data)).toBeNaN();
    expect(fleissKappa(data)).toBeNaN();
    expect(() => cohenKappa(data)).toThrow(/exactly two coders; the data has 1/);
    expect(() => scottPi([data[0], data[0], data[0]])).toThrow(/exactly two coders; the data has 3/);
  });

  it('answers NaN, not 1, when every coder used one and the same value (no variation: D_e = 0, p_e = 1)', () => {
    const data = [
      ['topic', 'topic', 'topic', _],
      ['topic', 'topic', 'topic', 'topic'],
    ];
    const details = krippendorffAlphaDetails(data, 'nominal');
    expect(details.alpha).toBeNaN();
    expect(details.observedDisagreement).toBe(0);
    expect(details.expectedDisagreement).toBe(0);
    expect(percentAgreement(data)).toBe(1);
    expect(cohenKappa(data)).toBeNaN();
    expect(scottPi(data)).toBeNaN();
    expect(cohenKappaDetails(data).observedAgreement).toBe(1);
  });

  it('refuses rows of different lengths with a clear error', () => {
    const ragged = [
      [1, 2, 3],
      [1, 2],
    ];
    const message = /Coder 2 has 2 values but coder 1 has 3: every coder needs one entry per unit/;
    expect(() => krippendorffAlpha(ragged, 'nominal')).toThrow(message);
    expect(() => percentAgreement(ragged)).toThrow(message);
    expect(() => cohenKappa(ragged)).toThrow(message);
    expect(() => scottPi(ragged)).toThrow(message);
    expect(() => fleissKappa(ragged)).toThrow(message);
  });

  it('refuses cells that are not values, text at a numeric level, negative ratios and unknown levels', () => {
    expect(() => krippendorffAlpha([[1, Number.NaN], [1, 2]], 'nominal')).toThrow(/Coder 1, unit 2: NaN is not a value/);
    expect(() => krippendorffAlpha([[1, undefined as unknown as null], [1, 2]], 'nominal')).toThrow(TypeError);
    expect(() => krippendorffAlpha([['low', 'high'], ['low', 'low']], 'ordinal')).toThrow(/ordinal level needs numbers/);
    expect(() => krippendorffAlpha([[1, -2], [1, 2]], 'ratio')).toThrow(/ratio level needs values ≥ 0/);
    expect(() => krippendorffAlpha([[1, 2], [1, 2]], 'circular' as MeasurementLevel)).toThrow(/Unknown level/);
  });

  it("refuses Fleiss' kappa for units rated different numbers of times, and leaves out units nobody rated", () => {
    expect(() => fleissKappa([[1, 2, 1], [1, _, 1], [2, 2, 1]])).toThrow(/same number of ratings for every unit/);
    const withEmptyUnit = [
      [1, _, 2, 1],
      [1, _, 2, 2],
    ];
    expect(fleissKappaDetails(withEmptyUnit).units).toBe(3);
    expect(fleissKappa(withEmptyUnit)).toBeCloseTo(scottPi(withEmptyUnit), 12);
  });
});
