/**
 * The code × document matrix: a row per document, a column per code; in each cell the number of
 * the code's segments in the document, or the share of the document's characters (code points)
 * they cover, overlaps counted once (with `withSubcodes`, a code's column counts its sub-codes'
 * segments too, as in frequencies.ts). Rows are grouped by the value of a document variable when
 * one is given (in the variable's order, the documents without a value last), and by title
 * within a group.
 */
import { codeColumns, valueText, variableGroups, type AnalysisCorpus } from './analysis-corpus';
import { coveredCodePoints, mergeSorted, type Range } from './spans';

export type MatrixMeasure = 'segments' | 'share';

export interface MatrixRow {
  documentId: string;
  title: string;
  /** The document's value of the grouping variable ('' for none, or without a variable). */
  group: string;
  /** Length in code points. */
  characters: number;
  /** One figure per column of `codes`. */
  cells: number[];
}

export interface CodeDocumentMatrix {
  measure: MatrixMeasure;
  withSubcodes: boolean;
  variable: string | null;
  codes: Array<{ codeId: string; name: string; path: string }>;
  rows: MatrixRow[];
}

const byTitle = new Intl.Collator(undefined, { sensitivity: 'variant' });

export function codeDocumentMatrix(corpus: AnalysisCorpus, options: { measure: MatrixMeasure; withSubcodes: boolean; variable?: string | null }): CodeDocumentMatrix {
  const columns = codeColumns(corpus.codes, options.withSubcodes);
  const variable = options.variable ?? null;
  const groupOrder = new Map(variable ? variableGroups(corpus.documents, corpus.variables, variable).map((value, i) => [value, i]) : []);
  const rows = corpus.documents.map((document) => {
    const byCode = new Map<string, Range[]>();
    for (const s of document.segments) {
      const list = byCode.get(s.codeId);
      if (list) list.push({ start: s.start16, end: s.end16 });
      else byCode.set(s.codeId, [{ start: s.start16, end: s.end16 }]);
    }
    const cells = columns.map(({ members }) => {
      if (options.measure === 'segments') {
        let n = 0;
        for (const id of members) n += byCode.get(id)?.length ?? 0;
        return n;
      }
      const ranges: Range[] = [];
      for (const id of members) for (const range of byCode.get(id) ?? []) ranges.push(range);
      if (ranges.length === 0 || document.length === 0) return 0;
      if (members.size > 1) ranges.sort((a, b) => a.start - b.start);
      return coveredCodePoints(mergeSorted(ranges), document.codePoints) / document.length;
    });
    return { documentId: document.record.id, title: document.record.title, group: variable ? valueText(document.record, variable) : '', characters: document.length, cells };
  });
  rows.sort((a, b) => (groupOrder.get(a.group) ?? 0) - (groupOrder.get(b.group) ?? 0) || byTitle.compare(a.title, b.title) || (a.documentId < b.documentId ? -1 : 1));
  return { measure: options.measure, withSubcodes: options.withSubcodes, variable, codes: columns.map(({ codeId, name, path }) => ({ codeId, name, path })), rows };
}
