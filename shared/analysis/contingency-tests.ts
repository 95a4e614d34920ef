/**
 * Tests of a contingency table: Pearson's χ² (without continuity correction) with its p-value
 * from the regularised upper incomplete gamma function, Cramér's V, and Fisher's exact test for
 * a 2 × 2 table, two-sided as R's `fisher.test` computes it (the tables no more probable than the
 * one observed, with R's relative tolerance of 1e-7). tests/integration/analysis-cross-check.test.ts
 * checks them against SciPy's `chi2_contingency(correction=False)` and `fisher_exact`.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7: about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPSILON = 1e-16;
const TINY = 1e-300;

/** Regularised lower incomplete gamma P(a, x) by its series (for x < a + 1). */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < 10_000; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

/** Regularised upper incomplete gamma Q(a, x) by its continued fraction (modified Lentz; for x ≥ a + 1). */
function upperFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/** Regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a). */
export function upperGammaRegularised(a: number, x: number): number {
  if (x <= 0) return 1;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
}

/** P(X ≥ statistic) for X χ²-distributed with `df` degrees of freedom. */
export function chiSquareUpperTail(statistic: number, df: number): number {
  return upperGammaRegularised(df / 2, statistic / 2);
}

export interface ChiSquareTest {
  statistic: number;
  df: number;
  p: number;
  cramersV: number;
  n: number;
  expected: number[][];
  /** Cells whose expected count is below 5, and their share of the cells. */
  expectedBelow5: number;
  expectedBelow5Share: number;
  /** Set when χ² is not to be trusted: an expected count below 5 (and whether over 20 % of the cells, or one below 1). */
  warning: string | null;
}

/**
 * Pearson's χ² test of independence on a table of counts (rows × columns, every row and column
 * total above zero, at least 2 × 2); null when the table is smaller than that.
 */
export function chiSquareTest(table: readonly (readonly number[])[]): ChiSquareTest | null {
  const rows = table.length;
  const columns = rows ? table[0].length : 0;
  if (rows < 2 || columns < 2) return null;
  const rowTotals = table.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = table[0].map((_, j) => table.reduce((sum, row) => sum + row[j], 0));
  const n = rowTotals.reduce((a, b) => a + b, 0);
  if (n === 0 || rowTotals.some((t) => t === 0) || columnTotals.some((t) => t === 0)) return null;
  let statistic = 0;
  let below5 = 0;
  let below1 = 0;
  const expected = table.map((row, i) =>
    row.map((observed, j) => {
      const e = (rowTotals[i] * columnTotals[j]) / n;
      statistic += ((observed - e) * (observed - e)) / e;
      if (e < 5) below5++;
      if (e < 1) below1++;
      return e;
    }),
  );
  const df = (rows - 1) * (columns - 1);
  const cells = rows * columns;
  const share = below5 / cells;
  const warning = below5
    ? `${below5} of ${cells} expected counts are below 5${below1 ? `, ${below1} below 1` : ''}${share > 0.2 ? ' (more than 20 % of the cells)' : ''}: the χ² approximation may not hold${rows === 2 && columns === 2 ? '; see Fisher’s exact test' : ''}.`
    : null;
  return {
    statistic,
    df,
    p: chiSquareUpperTail(statistic, df),
    cramersV: Math.sqrt(statistic / (n * (Math.min(rows, columns) - 1))),
    n,
    expected,
    expectedBelow5: below5,
    expectedBelow5Share: share,
    warning,
  };
}

export interface FisherTest {
  /** Two-sided p-value, as R's fisher.test. */
  p: number;
  /** The sample odds ratio a·d / (b·c) (Infinity or NaN when b·c is 0), as SciPy's fisher_exact gives it. */
  oddsRatio: number;
}

/**
 * Fisher's exact test of the 2 × 2 table [[a, b], [c, d]]. The hypergeometric probabilities are
 * made relative to the most probable table by the ratio of neighbours, p(x + 1) / p(x), and
 * divided by their sum (as R's fisher.test normalises them): through ln Γ of the margins, each
 * probability would carry an absolute error of about 1e-16 times ln Γ(n), a relative error above
 * 1e-9 once n reaches some ten thousands.
 */
export function fisherExact(table: readonly [readonly [number, number], readonly [number, number]]): FisherTest {
  const [[a, b], [c, d]] = table;
  const row1 = a + b;
  const column1 = a + c;
  const n = a + b + c + d;
  // X, the count of the first cell, is hypergeometric: x of the first row's row1 in the first column.
  const low = Math.max(0, column1 - (n - row1));
  const high = Math.min(row1, column1);
  const rest = n - row1 - column1;
  const mode = Math.min(high, Math.max(low, Math.floor(((row1 + 1) * (column1 + 1)) / (n + 2))));
  const density = new Float64Array(high - low + 1);
  density[mode - low] = 1;
  for (let x = mode; x < high; x++) density[x + 1 - low] = (density[x - low] * ((row1 - x) * (column1 - x))) / ((x + 1) * (rest + x + 1));
  for (let x = mode; x > low; x--) density[x - 1 - low] = (density[x - low] * (x * (rest + x))) / ((row1 - x + 1) * (column1 - x + 1));
  const observed = density[a - low];
  let total = 0;
  let p = 0;
  for (const px of density) {
    total += px;
    if (px <= observed * (1 + 1e-7)) p += px;
  }
  return { p: Math.min(1, p / total), oddsRatio: b * c === 0 ? (a * d === 0 ? Number.NaN : Infinity) : (a * d) / (b * c) };
}
