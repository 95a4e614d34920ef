/**
 * Group comparison: a crosstab of codes (rows) by the values of a document variable (columns),
 * counting segments or documents, with row and column percentages and a test of independence.
 *
 * - `segments`: a cell is the number of the code's segments (with `withSubcodes`, and its
 *   sub-codes') in the documents with that value;
 * - `documents`: the number of documents with that value that hold at least one of them. A
 *   document with several codes counts in several rows, so the cells are not independent
 *   observations; the test is then descriptive (the result says so).
 * A document without a value is its own column ('', “(no value)”). χ² is computed on the rows
 * and columns whose totals are above zero (the others are named in `dropped`); Fisher's exact
 * test is given when that table is 2 × 2.
 */
import { codeColumns, valueText, variableGroups, type AnalysisCorpus } from './analysis-corpus';
import { chiSquareTest, fisherExact, type ChiSquareTest, type FisherTest } from './contingency-tests';

export type CrosstabUnit = 'segments' | 'documents';

export interface Crosstab {
  variable: string;
  unit: CrosstabUnit;
  withSubcodes: boolean;
  codes: Array<{ codeId: string; name: string; path: string }>;
  values: string[];
  counts: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
  /** Cell / its row's total (0 for an empty row), and / its column's total. */
  rowShares: number[][];
  columnShares: number[][];
  /** Rows (code ids) and columns (values) left out of the test because their totals are zero. */
  dropped: { codeIds: string[]; values: string[] };
  chiSquare: ChiSquareTest | null;
  fisher: FisherTest | null;
  /** Why the test is to be read with care (besides the expected counts), or null. */
  note: string | null;
}

export function crosstab(corpus: AnalysisCorpus, options: { variable: string; unit: CrosstabUnit; withSubcodes: boolean; codeIds?: readonly string[] | null }): Crosstab {
  const wanted = options.codeIds ? new Set(options.codeIds) : null;
  const columns = codeColumns(corpus.codes, options.withSubcodes).filter((c) => !wanted || wanted.has(c.codeId));
  const values = variableGroups(corpus.documents, corpus.variables, options.variable);
  const valueAt = new Map(values.map((value, j) => [value, j]));
  const counts = columns.map(() => values.map(() => 0));
  for (const document of corpus.documents) {
    const j = valueAt.get(valueText(document.record, options.variable))!;
    const perCode = new Map<string, number>();
    for (const s of document.segments) perCode.set(s.codeId, (perCode.get(s.codeId) ?? 0) + 1);
    columns.forEach(({ members }, i) => {
      let n = 0;
      for (const id of members) n += perCode.get(id) ?? 0;
      counts[i][j] += options.unit === 'segments' ? n : n > 0 ? 1 : 0;
    });
  }
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = values.map((_, j) => counts.reduce((sum, row) => sum + row[j], 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const keptRows = counts.map((_, i) => i).filter((i) => rowTotals[i] > 0);
  const keptColumns = values.map((_, j) => j).filter((j) => columnTotals[j] > 0);
  const tested = keptRows.map((i) => keptColumns.map((j) => counts[i][j]));
  const chiSquare = chiSquareTest(tested);
  const fisher = tested.length === 2 && tested[0].length === 2 ? fisherExact([[tested[0][0], tested[0][1]], [tested[1][0], tested[1][1]]]) : null;
  const overlapping = options.withSubcodes && columns.some((c) => c.members.size > 1);
  const notes = [
    options.unit === 'documents' ? 'A document counts once in every code row it holds, so the cells are not independent: read the test as descriptive.' : null,
    overlapping ? 'With sub-codes summed, a sub-code’s segments count in its own row and in its parents’ rows, so the rows overlap: read the test as descriptive.' : null,
  ].filter((note): note is string => note !== null);
  return {
    variable: options.variable,
    unit: options.unit,
    withSubcodes: options.withSubcodes,
    codes: columns.map(({ codeId, name, path }) => ({ codeId, name, path })),
    values,
    counts,
    rowTotals,
    columnTotals,
    total,
    rowShares: counts.map((row, i) => row.map((n) => (rowTotals[i] ? n / rowTotals[i] : 0))),
    columnShares: counts.map((row) => row.map((n, j) => (columnTotals[j] ? n / columnTotals[j] : 0))),
    dropped: { codeIds: columns.filter((_, i) => rowTotals[i] === 0).map((c) => c.codeId), values: values.filter((_, j) => columnTotals[j] === 0) },
    chiSquare,
    fisher,
    note: notes.length ? notes.join(' ') : null,
  };
}
