import { describe, expect, it } from 'vitest';
import type { Continuum, Span } from '../../shared/stats/continuum';
import { CuAlpha, binaryUAlpha, cuAlpha, uAlpha } from '../../shared/stats/unitizing-2016';
import { unitizingAlphaU } from '../../shared/stats/unitizing-alpha';

/** A span of `coder` with `code` at [start, start + length): DKPro's (offset, length) form. */
const unit = (coder: string, code: string, start: number, length: number, document = 'doc'): Span => ({
  coder,
  code,
  document,
  start,
  end: start + length,
});
const text = (length: number, document = 'doc'): Continuum[] => [{ document, length }];
/** `coder`'s spans as every one of `coders` marked them: exact agreement. */
const asEveryCoder = (spans: readonly Span[], coder: string, coders: readonly string[]): Span[] => {
  const own = spans.filter((span) => span.coder === coder);
  return coders.flatMap((other) => own.map((span) => ({ ...span, coder: other })));
};

/**
 * Krippendorff (2004), Content Analysis, 2nd ed., p. 254: two observers i and j on the continuum
 * [150, 450) with categories c and k. Data and expected values as in DKPro Agreement's
 * `dkpro-statistics-agreement/src/test/java/org/dkpro/statistics/agreement/unitizing/Krippendorff2004Test.java`
 * (offsets shifted by −150, since our continua start at 0; α_U depends on differences only).
 */
function krippendorff2004(): Span[] {
  const at = (coder: string, code: string, offset: number, length: number) => unit(coder, code, offset - 150, length);
  return [
    at('i', 'c', 225, 70),
    at('i', 'c', 370, 30),
    at('j', 'c', 220, 80),
    at('j', 'c', 355, 20),
    at('j', 'c', 400, 20),
    at('i', 'k', 180, 60),
    at('i', 'k', 300, 50),
    at('j', 'k', 180, 60),
    at('j', 'k', 300, 50),
  ];
}

/**
 * Krippendorff (1995), "On the reliability of unitizing continuous data", Sociological
 * Methodology 25:47–76, p. 57: four pairs of observers (A: Bertha/Bill, B: John/Jill, C: Gerret/
 * Gill, D: Heather/Hill) on a continuum of 24, here stretched by `stretch` as DKPro's
 * `Krippendorff1995Test.createExample(stretch)` does (offsets and lengths truncated to integers).
 */
function krippendorff1995(stretch: number): { spans: Span[]; continua: Continuum[] } {
  const s = (value: number) => Math.trunc(value * stretch);
  const data: Array<[string, number, number, number]> = [
    ['A', 2, 8, 0], ['A', 14, 6, 0], ['A', 4, 4, 1], ['A', 15, 2, 1],
    ['B', 0, 18, 0], ['B', 0, 2, 1], ['B', 2, 1, 1], ['B', 3, 1, 1],
    ['B', 4, 1, 1], ['B', 5, 1, 1], ['B', 6, 3, 1], ['B', 9, 1, 1],
    ['C', 2, 6, 0], ['C', 10, 2, 0], ['C', 14, 4, 0], ['C', 20, 2, 0],
    ['C', 0, 2, 1], ['C', 4, 4, 1], ['C', 10, 4, 1], ['C', 16, 2, 1], ['C', 20, 2, 1],
    ['D', 0, 2, 0], ['D', 2, 8, 0], ['D', 10, 4, 0], ['D', 14, 6, 0], ['D', 20, 4, 0],
    ['D', 0, 4, 1], ['D', 4, 4, 1], ['D', 8, 7, 1], ['D', 15, 2, 1], ['D', 17, 7, 1],
  ];
  return {
    spans: data.map(([code, offset, length, rater]) => unit(String(rater), code, s(offset), s(length))),
    continua: text(s(24)),
  };
}

describe('unitizingAlphaU reproduces the published and library figures', () => {
  it('matches Krippendorff (2004, p. 254) as DKPro reproduces it: per code and overall', () => {
    const report = unitizingAlphaU(krippendorff2004(), text(300), { coders: ['i', 'j'] });
    const c = report.byCode.c;
    const k = report.byCode.k;
    // Krippendorff2004Test.testCategoryAgreement: tolerance 0.0001.
    expect(Math.abs(c.observedDisagreement - 0.0144)).toBeLessThan(0.0001);
    expect(Math.abs(c.expectedDisagreement - 0.0532)).toBeLessThan(0.0001);
    expect(Math.abs(c.alpha - 0.7286)).toBeLessThan(0.0001);
    expect(k.observedDisagreement).toBe(0);
    expect(Math.abs(k.expectedDisagreement - 0.049)).toBeLessThan(0.0001);
    expect(k.alpha).toBe(1);
    // Krippendorff2004Test.testAgreement: 0.8591 ± 0.0005 (the mean D_o over the mean D_E).
    expect(Math.abs(report.overall.alpha - 0.8591)).toBeLessThan(0.0005);
    expect(report.codes).toEqual(['c', 'k']);
    expect(report.continuumLength).toBe(300);
  });

  it('matches the observed disagreements of Krippendorff (1995, p. 57) to five decimals', () => {
    // Krippendorff1995Test.testAgreement, stretch 1: tolerance 0.00001.
    const { spans, continua } = krippendorff1995(1);
    const report = unitizingAlphaU(spans, continua);
    expect(Math.abs(report.byCode.A.observedDisagreement - 0.03125)).toBeLessThan(0.00001);
    expect(Math.abs(report.byCode.B.observedDisagreement - 2.26736)).toBeLessThan(0.00001);
    expect(Math.abs(report.byCode.C.observedDisagreement - 0.02777)).toBeLessThan(0.00001);
    expect(Math.abs(report.byCode.D.observedDisagreement - 0.38715)).toBeLessThan(0.00001);
  });

  it('matches DKPro on the 1995 example at the half scale, where DKPro checks D_E to five decimals', () => {
    // Krippendorff1995Test.testVaryingLengths, stretch 12/24: D_o 0.02777 and D_E 0.05494 (± 0.00001).
    const { spans, continua } = krippendorff1995(12 / 24);
    const c = unitizingAlphaU(spans, continua).byCode.C;
    expect(Math.abs(c.observedDisagreement - 0.02777)).toBeLessThan(0.00001);
    expect(Math.abs(c.expectedDisagreement - 0.05494)).toBeLessThan(0.00001);
    expect(Math.abs(c.alpha - 0.494)).toBeLessThan(0.02);
  });

  it('approaches the published 1995 expected disagreements and alphas on a fine continuum', () => {
    // Krippendorff1995Test.testAgreement, stretch 1200000/24 (a continuum of 1.2 million): the
    // published D_E are for an infinitely fine continuum, so DKPro allows 0.005 on D_E and 0.02 on α.
    const { spans, continua } = krippendorff1995(1_200_000 / 24);
    const report = unitizingAlphaU(spans, continua);
    const published = {
      A: [0.0699, 0.553],
      B: [1.17731, -0.926],
      C: [0.08642, 0.679],
      D: [0.41445, 0.066],
    } as const;
    for (const [code, [expected, alpha]] of Object.entries(published)) {
      expect(Math.abs(report.byCode[code].expectedDisagreement - expected)).toBeLessThan(0.005);
      expect(Math.abs(report.byCode[code].alpha - alpha)).toBeLessThan(0.02);
    }
    // A's expected disagreement agrees with the published 0.06990 to four decimals; C's stays
    // 0.004 above the published 0.08642, the error in the 1995 D_E that DKPro's test notes.
    expect(Math.abs(report.byCode.A.expectedDisagreement - 0.0699)).toBeLessThan(0.0001);
  });

  it("matches DKPro's own example of one long unit against three short ones", () => {
    // UnitizingAgreementTest.testAgreement: r0 -11111111-, r1 --1-1-1--- (tolerance 0.0001).
    const spans = [unit('r0', 'A', 1, 8), unit('r1', 'A', 2, 1), unit('r1', 'A', 4, 1), unit('r1', 'A', 6, 1)];
    const a = unitizingAlphaU(spans, text(10)).byCode.A;
    expect(Math.abs(a.observedDisagreement - 0.91)).toBeLessThan(0.0001);
    expect(Math.abs(a.expectedDisagreement - 0.5351)).toBeLessThan(0.0001);
    expect(Math.abs(a.alpha - -0.7003)).toBeLessThan(0.0001);
  });

  it('answers 0 for a single unit that two other coders did not mark, as DKPro does', () => {
    // UnitizingAgreementTest.testSingleAnnotationUnit: three raters, continuum 20, one unit.
    const report = unitizingAlphaU([unit('r0', 'X', 0, 1)], text(20), { coders: ['r0', 'r1', 'r2'] });
    expect(report.overall.alpha).toBe(0);
    expect(report.byCode.X.alpha).toBe(0);
  });

  it('answers NaN when nothing was coded (DKPro: testEmptyAnnotationSet)', () => {
    expect(unitizingAlphaU([], text(20), { coders: ['r0', 'r1', 'r2'] }).overall.alpha).toBeNaN();
  });
});

describe('unitizingAlphaU: the rules around the formula', () => {
  const twoCoders = [
    unit('ann', 'praise', 10, 20),
    unit('bob', 'praise', 12, 20),
    unit('ann', 'blame', 50, 10),
    unit('bob', 'blame', 70, 10),
    unit('bob', 'praise', 90, 5),
  ];

  it('gives 1 when every coder marked exactly the same passages', () => {
    const report = unitizingAlphaU(asEveryCoder(twoCoders, 'ann', ['ann', 'bob']), text(100));
    expect(report.overall.alpha).toBe(1);
    expect(report.byCode.praise.alpha).toBe(1);
  });

  it('does not depend on the order of the coders or of the spans', () => {
    const forward = unitizingAlphaU(twoCoders, text(100), { coders: ['ann', 'bob'] });
    const backward = unitizingAlphaU([...twoCoders].reverse(), text(100), { coders: ['bob', 'ann'] });
    expect(backward.overall.alpha).toBeCloseTo(forward.overall.alpha, 12);
    expect(backward.byCode.blame.alpha).toBeCloseTo(forward.byCode.blame.alpha, 12);
  });

  it('answers NaN for a listed code nobody used, without changing the overall value', () => {
    const plain = unitizingAlphaU(twoCoders, text(100));
    const report = unitizingAlphaU(twoCoders, text(100), { codes: ['blame', 'praise', 'irony'] });
    expect(report.byCode.irony.alpha).toBeNaN();
    expect(report.overall.alpha).toBeCloseTo(plain.overall.alpha, 12);
  });

  it('answers NaN with fewer than two coders', () => {
    expect(unitizingAlphaU(twoCoders, text(100), { coders: ['ann'] }).overall.alpha).toBeNaN();
  });

  it("merges one coder's overlapping spans of a code into their union, but keeps touching spans apart", () => {
    const union = unitizingAlphaU([unit('a', 'x', 10, 30), unit('b', 'x', 12, 20)], text(100));
    const pieces = unitizingAlphaU(
      [unit('a', 'x', 10, 20), unit('a', 'x', 25, 15), unit('a', 'x', 10, 20), unit('b', 'x', 12, 20)],
      text(100),
    );
    expect(pieces.overall.alpha).toBeCloseTo(union.overall.alpha, 12);
    const touching = unitizingAlphaU(
      [unit('a', 'x', 10, 15), unit('a', 'x', 25, 15), unit('b', 'x', 12, 20)],
      text(100),
    );
    expect(touching.overall.alpha).not.toBeCloseTo(union.overall.alpha, 6);
  });

  it('lets spans of different codes overlap, each code being analysed on its own', () => {
    const report = unitizingAlphaU(
      [unit('a', 'x', 0, 50), unit('a', 'y', 10, 10), unit('b', 'x', 0, 50), unit('b', 'y', 10, 10)],
      text(60),
    );
    expect(report.byCode.x.alpha).toBe(1);
    expect(report.byCode.y.alpha).toBe(1);
  });

  it('observes across documents what it would observe on the documents laid end to end', () => {
    const split = [unit('a', 'x', 5, 10, 'one'), unit('b', 'x', 6, 10, 'one'), unit('a', 'x', 3, 4, 'two')];
    const joined = [unit('a', 'x', 5, 10), unit('b', 'x', 6, 10), unit('a', 'x', 43, 4)];
    const continua = [
      { document: 'one', length: 40 },
      { document: 'two', length: 30 },
    ];
    const a = unitizingAlphaU(split, continua).byCode.x;
    const b = unitizingAlphaU(joined, text(70)).byCode.x;
    expect(a.observedDisagreement).toBeCloseTo(b.observedDisagreement, 15);
    // Gaps stop at the end of a document, so fewer placements are possible by chance.
    expect(a.expectedDisagreement).toBeLessThan(b.expectedDisagreement);
  });

  it('refuses a span outside its document or in a document it was not given', () => {
    expect(() => unitizingAlphaU([unit('a', 'x', 90, 20)], text(100))).toThrow(RangeError);
    expect(() => unitizingAlphaU([unit('a', 'x', 0, 5, 'elsewhere')], text(100))).toThrow(/not among the continua/);
  });
});

/** Nominal α of a coders × units matrix (null = no value), straight from Krippendorff (2011). */
function nominalAlpha(matrix: ReadonlyArray<ReadonlyArray<string | null>>): number {
  const observed = new Map<string, number>();
  const margins = new Map<string, number>();
  let n = 0;
  for (let u = 0; u < matrix[0].length; u++) {
    const values = matrix.map((row) => row[u]).filter((value): value is string => value !== null);
    if (values.length < 2) continue;
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        if (i === j) continue;
        const key = values[i] === values[j] ? 'same' : 'different';
        observed.set(key, (observed.get(key) ?? 0) + 1 / (values.length - 1));
      }
      margins.set(values[i], (margins.get(values[i]) ?? 0) + 1);
      n++;
    }
  }
  const squares = [...margins.values()].reduce((sum, nc) => sum + nc * nc, 0);
  return 1 - ((n - 1) * (observed.get('different') ?? 0)) / (n * n - squares);
}

/** Units one character long drawn as one string per coder: a code's letter, or '.' for no unit. */
function oneCharacterUnits(pattern: Readonly<Record<string, string>>): Span[] {
  return Object.entries(pattern).flatMap(([coder, row]) =>
    [...row].flatMap((value, at) => (value === '.' ? [] : [unit(coder, value, at, 1)])),
  );
}

/** The value each coder gave each character: the code of a unit there, or '∅'. */
function perCharacter(spans: readonly Span[], coders: readonly string[], length: number): string[][] {
  return coders.map((coder) => {
    const row = new Array<string>(length).fill('∅');
    for (const span of spans) if (span.coder === coder) row.fill(span.code, span.start, span.end);
    return row;
  });
}

/**
 * Krippendorff, K. (2019). Content Analysis: An Introduction to Its Methodology (4th ed.). Sage.
 * §12.6, Fig. 12.11: three observers (Alex, Paul, Suzan) unitize a continuum of 60 characters into
 * units valued 1–7. Positions as the book gives them, 1-based and inclusive; the data as the R
 * package quallmer transcribes it in `tests/testthat/test-alpha_u.R`.
 */
function krippendorff2019(): Span[] {
  const units: Record<string, [number, number, string][]> = {
    alex: [[1, 7, '1'], [8, 13, '2'], [31, 32, '5'], [33, 37, '6'], [38, 44, '6'], [45, 60, '7']],
    paul: [[1, 7, '1'], [8, 13, '3'], [14, 21, '5'], [33, 44, '6']],
    suzan: [[1, 7, '1'], [8, 13, '4'], [14, 21, '5'], [33, 37, '6'], [38, 41, '6'], [42, 44, '6']],
  };
  return Object.entries(units).flatMap(([coder, list]) =>
    list.map(([first, last, value]) => unit(coder, value, first - 1, last - first + 1)),
  );
}

describe('the 2016 family reproduces Krippendorff (2019, 4th ed., §12.6, Fig. 12.11): three coders', () => {
  const spans = krippendorff2019();

  it('gives u-α = 0.510', () => {
    expect(uAlpha(spans, text(60)).alpha).toBeCloseTo(0.51, 3);
  });

  it('gives cu-α = 0.724', () => {
    expect(cuAlpha(spans, text(60)).alpha).toBeCloseTo(0.724, 3);
  });

  it('gives |u-α = 0.413 as printed, to the rounding of the book’s hand computation', () => {
    // Exactly 1 − 26/44.339 = 0.41360; the book prints 0.413, which is what the same expected
    // coincidences give when rounded to two decimals first (D_e = 44.33, α = 0.41349).
    const alpha = binaryUAlpha(spans, text(60)).alpha;
    expect(alpha).toBeCloseTo(0.4136, 4);
    expect(Math.abs(alpha - 0.413)).toBeLessThan(0.001);
  });

  it('keeps touching units of one value apart, as the book counts them', () => {
    // Alex's 33–37 and 38–44 are two units of value 6: merged, u-α would no longer be 0.510.
    const merged = [...spans.filter((span) => !(span.coder === 'alex' && span.code === '6')), unit('alex', '6', 32, 12)];
    expect(uAlpha(merged, text(60)).alpha).not.toBeCloseTo(0.51, 3);
  });
});

describe('the 2016 family (u-α, |u-α, cu-α, Cu-α): invariants', () => {
  // What the coefficients must do beyond the one published example.
  const coders = ['ann', 'bob', 'cy'];
  const spans = [
    unit('ann', 'praise', 0, 12),
    unit('ann', 'blame', 20, 8),
    unit('ann', 'praise', 40, 10),
    unit('bob', 'praise', 2, 10),
    unit('bob', 'blame', 20, 10),
    unit('bob', 'blame', 42, 8),
    unit('cy', 'praise', 0, 12),
    unit('cy', 'praise', 22, 5),
  ];

  it('gives 1 for every coefficient when the coders agree exactly', () => {
    const all = asEveryCoder(spans, 'ann', coders);
    expect(uAlpha(all, text(60)).alpha).toBeCloseTo(1, 12);
    expect(binaryUAlpha(all, text(60)).alpha).toBeCloseTo(1, 12);
    expect(cuAlpha(all, text(60)).alpha).toBeCloseTo(1, 12);
  });

  it('does not depend on the order of the coders', () => {
    for (const measure of [uAlpha, binaryUAlpha, cuAlpha]) {
      const a = measure(spans, text(60), { coders }).alpha;
      const b = measure([...spans].reverse(), text(60), { coders: [...coders].reverse() }).alpha;
      expect(b).toBeCloseTo(a, 12);
      expect(a).toBeLessThan(1);
    }
  });

  it('makes u-α and |u-α the same coefficient when only one code is analysed', () => {
    const options = { coders, codes: ['praise'] };
    expect(uAlpha(spans, text(60), options).alpha).toBeCloseTo(binaryUAlpha(spans, text(60), options).alpha, 12);
  });

  it('reduces u-α to nominal α over characters when every unit is one character long', () => {
    // With units of length 1, S counts each coded character once, like a gap's: the expected
    // coincidences become Krippendorff's (2011) n_c(n_k − [c=k])/(n − 1) over characters.
    const units = oneCharacterUnits({ ann: 'xx.yy.x..y', bob: 'x.xyy..x.y', cy: 'xx.y..xx.y' });
    const expected = nominalAlpha(perCharacter(units, coders, 10));
    expect(uAlpha(units, text(10), { coders }).alpha).toBeCloseTo(expected, 12);
  });

  it('reduces cu-α to nominal α over the characters both of two coders coded, for units of length 1', () => {
    const units = oneCharacterUnits({ ann: 'xxyyx.yx.y', bob: 'xyyx..yxxy' });
    const matrix = perCharacter(units, ['ann', 'bob'], 10).map((row) => row.map((v) => (v === '∅' ? null : v)));
    expect(cuAlpha(units, text(10)).alpha).toBeCloseTo(nominalAlpha(matrix), 12);
  });

  it('reduces cu-α to nominal α with missing values when two of three coders coded each coded character', () => {
    // Each coded character has two values and one missing, as in Krippendorff (2011): the pairable
    // length of a one-character unit is then 1/2, and its self-pairing correction 1/4.
    const units = oneCharacterUnits({ ann: 'xy.yx.xyx.', bob: 'x.yy.xx.yy', cy: '.xy.yy.x.y' });
    const matrix = perCharacter(units, coders, 10).map((row) => row.map((v) => (v === '∅' ? null : v)));
    for (let at = 0; at < 10; at++) expect(matrix.filter((row) => row[at] !== null)).toHaveLength(2);
    expect(cuAlpha(units, text(10), { coders }).alpha).toBeCloseTo(nominalAlpha(matrix), 12);
  });

  it('answers NaN where a coefficient has nothing to judge', () => {
    expect(uAlpha(spans, text(60), { coders: ['ann'] }).alpha).toBeNaN();
    expect(cuAlpha(spans, text(60), { coders, codes: ['praise'] }).alpha).toBeNaN();
    expect(binaryUAlpha([], text(60), { coders }).alpha).toBeNaN();
  });

  it("refuses one coder's overlapping spans of two analysed codes, naming them", () => {
    const clash = [...spans, unit('bob', 'praise', 25, 10)];
    expect(() => uAlpha(clash, text(60))).toThrow(/bob coded 20–30 of "doc" with "blame" and 25–35 with "praise"/);
    // Analysing one code at a time is always possible.
    expect(() => uAlpha(clash, text(60), { codes: ['praise'] })).not.toThrow();
  });

  it('computes Cu-α as cu-α over the semantic domains the codes belong to', () => {
    const domains = { tone: ['praise', 'blame'], topic: ['money'] };
    const withTopic = [
      ...spans.map((span) => ({ ...span, code: 'praise' })),
      unit('ann', 'blame', 50, 5),
      unit('bob', 'money', 50, 5),
      unit('cy', 'money', 50, 5),
    ];
    const relabelled = withTopic.map((span) => ({ ...span, code: span.code === 'money' ? 'topic' : 'tone' }));
    expect(CuAlpha(withTopic, text(60), { domains }).alpha).toBeCloseTo(cuAlpha(relabelled, text(60)).alpha, 12);
    expect(() => CuAlpha(spans, text(60), { domains: { a: ['praise'], b: ['praise'] } })).toThrow(/two domains/);
  });
});

describe('every unitizing coefficient sits near 0 for coders who code independently at random', () => {
  // Chance agreement is what the expected disagreements model: independent random codings of a
  // long text must come out near 0, whatever the coefficient.
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const spans: Span[] = [];
  for (const coder of ['ann', 'bob', 'cy']) {
    for (let position = 0; position < 999_000; ) {
      const start = position + Math.floor(random() * 800);
      const end = start + 1 + Math.floor(random() * 300);
      spans.push(unit(coder, `code-${Math.floor(random() * 5)}`, start, end - start));
      position = end;
    }
  }
  const continua = text(1_000_000);

  it('for α_U, u-α, |u-α and cu-α', () => {
    expect(Math.abs(unitizingAlphaU(spans, continua).overall.alpha)).toBeLessThan(0.01);
    expect(Math.abs(uAlpha(spans, continua).alpha)).toBeLessThan(0.01);
    expect(Math.abs(binaryUAlpha(spans, continua).alpha)).toBeLessThan(0.01);
    expect(Math.abs(cuAlpha(spans, continua).alpha)).toBeLessThan(0.01);
  });
});
