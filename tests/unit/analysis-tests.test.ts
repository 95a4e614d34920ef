import { describe, expect, it } from 'vitest';
import { chiSquareTest, chiSquareUpperTail, fisherExact, logGamma } from '../../shared/analysis/contingency-tests';

describe('the tests of a contingency table', () => {
  it('computes ln Γ and the χ² upper tail', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    // df 2: the tail is exp(−x/2).
    expect(chiSquareUpperTail(3, 2)).toBeCloseTo(Math.exp(-1.5), 14);
    expect(chiSquareUpperTail(0, 4)).toBe(1);
  });

  it('gives χ², its p-value, Cramér’s V and the expected counts of a 2 × 2 table', () => {
    // Expected 15 in every cell: χ² = 4 · 25 / 15.
    const test = chiSquareTest([[10, 20], [20, 10]])!;
    expect(test.statistic).toBeCloseTo(20 / 3, 12);
    expect(test.df).toBe(1);
    expect(test.p).toBeCloseTo(0.009823, 6);
    expect(test.cramersV).toBeCloseTo(1 / 3, 12);
    expect(test.expected).toEqual([[15, 15], [15, 15]]);
    expect(test.warning).toBeNull();
  });

  it('warns when expected counts are small, and refuses a table with an empty row', () => {
    expect(chiSquareTest([[3, 1], [1, 3]])!.warning).toBe('4 of 4 expected counts are below 5 (more than 20 % of the cells): the χ² approximation may not hold; see Fisher’s exact test.');
    expect(chiSquareTest([[3, 1], [0, 0]])).toBeNull();
    expect(chiSquareTest([[3, 1]])).toBeNull();
  });

  it('gives Fisher’s exact test two-sided as R does (the tea-tasting lady)', () => {
    // R: fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value = 0.4857143
    expect(fisherExact([[3, 1], [1, 3]]).p).toBeCloseTo(0.4857142857, 9);
    expect(fisherExact([[3, 1], [1, 3]]).oddsRatio).toBe(9);
    expect(fisherExact([[5, 0], [0, 5]]).p).toBeCloseTo(2 / 252, 12);
    expect(fisherExact([[0, 0], [0, 4]]).p).toBe(1);
  });

  it('keeps Fisher’s p exact to 1e-12 on large tables, where ln Γ of the margins loses digits', () => {
    // The sums of hypergeometric probabilities computed with 40 significant digits (mpmath).
    const exact: Array<[[[number, number], [number, number]], number]> = [
      [[[1, 200000], [30, 190000]], 8.025657432889482764988e-9],
      [[[50000, 50400], [50050, 50000]], 0.3170030642169448525593],
    ];
    for (const [table, p] of exact) expect(Math.abs(fisherExact(table).p - p) / p, JSON.stringify(table)).toBeLessThan(1e-12);
  });
});
