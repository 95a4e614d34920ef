/**
 * Frequencies of the codes: per code, its segments, the documents that have it, and the
 * characters and words it covers with their share of the text; the same per coder and per value
 * of a document variable; and per document.
 *
 * How things are counted:
 * - A code's figures count its own segments, or with `withSubcodes` its segments and those of
 *   every code below it (summed: a segment has one code, so none is counted twice).
 * - Characters are code points. In each document the ranges of the counted segments are merged
 *   first, so a character covered by two of them (two overlapping segments, or a code and its
 *   sub-code) counts once; likewise a document counts once however many segments it holds.
 * - Words are the word-like pieces of `Intl.Segmenter` (word-index.ts); a word counts when the
 *   merged ranges share at least one of its characters, once.
 * - Shares are of the documents, characters and words of the documents counted (those that pass
 *   the filter, with or without segments; for a coder, all of them; for a variable's value, the
 *   documents with that value).
 * - A document without a value of the variable is its own group ('', shown as “(no value)”).
 */
import type { AnalysisCorpus, AnalysisDocument, AnalysisSegment, CodeColumn } from './analysis-corpus';
import { codeColumns, valueText, variableGroups } from './analysis-corpus';
import { coveredCodePoints, mergeSorted, wordsCovered, type Range } from './spans';

/** One code's figures. Shares are fractions (0–1); words and their share are null when words were not counted. */
export interface CodeFrequency {
  codeId: string;
  name: string;
  path: string;
  depth: number;
  segments: number;
  documents: number;
  documentShare: number;
  characters: number;
  characterShare: number;
  words: number | null;
  wordShare: number | null;
}

/** One document's figures: all its counted segments, whatever their code. */
export interface DocumentFrequency {
  documentId: string;
  title: string;
  segments: number;
  /** Codes with at least one segment here. */
  codes: number;
  characters: number;
  codedCharacters: number;
  codedShare: number;
  words: number | null;
  codedWords: number | null;
}

/** The documents, characters and words a set of figures is a share of. */
export interface FrequencyBase {
  documents: number;
  characters: number;
  words: number | null;
}

export interface Frequencies {
  withSubcodes: boolean;
  base: FrequencyBase;
  codes: CodeFrequency[];
  byDocument: DocumentFrequency[];
  byCoder: Array<{ coder: string; base: FrequencyBase; codes: CodeFrequency[] }>;
  /** Per value of `variable` ('' for the documents without one), in the variable's order; null without a variable. */
  byValue: Array<{ value: string; base: FrequencyBase; codes: CodeFrequency[] }> | null;
  variable: string | null;
}

export interface FrequencyOptions {
  withSubcodes: boolean;
  /** Count words too (their word indexes are made once per text and kept in the corpus's cache). */
  words: boolean;
  /** Split by this document variable's values. */
  variable?: string | null;
  /** The locale words are split for. */
  locale?: string;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** Each document's segments grouped by code id (in text order within each code). */
function byCode(segments: readonly AnalysisSegment[], keep: (segment: AnalysisSegment) => boolean): Map<string, AnalysisSegment[]> {
  const groups = new Map<string, AnalysisSegment[]>();
  for (const segment of segments) {
    if (!keep(segment)) continue;
    const list = groups.get(segment.codeId);
    if (list) list.push(segment);
    else groups.set(segment.codeId, [segment]);
  }
  return groups;
}

/** The UTF-16 ranges of the segments of some codes in one document, merged. */
function mergedRanges(groups: Map<string, AnalysisSegment[]>, members: ReadonlySet<string>): Range[] {
  const ranges: Range[] = [];
  for (const id of members) for (const s of groups.get(id) ?? []) ranges.push({ start: s.start16, end: s.end16 });
  if (members.size > 1) ranges.sort((a, b) => a.start - b.start);
  return mergeSorted(ranges);
}

/** The base and per-code figures over `documents`, counting the segments `keep` accepts. */
function codeFigures(
  corpus: AnalysisCorpus,
  documents: readonly AnalysisDocument[],
  columns: readonly CodeColumn[],
  options: FrequencyOptions,
  keep: (segment: AnalysisSegment) => boolean,
): { base: FrequencyBase; codes: CodeFrequency[] } {
  const totals = columns.map(() => ({ segments: 0, documents: 0, characters: 0, words: 0 }));
  const base: FrequencyBase = { documents: documents.length, characters: 0, words: options.words ? 0 : null };
  for (const document of documents) {
    base.characters += document.length;
    const words = options.words ? corpus.cache.words(document.record.id, document.text, options.locale) : null;
    if (words) base.words! += words.count;
    const groups = byCode(document.segments, keep);
    if (groups.size === 0) continue;
    columns.forEach((column, i) => {
      let segments = 0;
      for (const id of column.members) segments += groups.get(id)?.length ?? 0;
      if (segments === 0) return;
      const merged = mergedRanges(groups, column.members);
      const total = totals[i];
      total.segments += segments;
      total.documents++;
      total.characters += coveredCodePoints(merged, document.codePoints);
      if (words) total.words += wordsCovered(merged, words);
    });
  }
  const codes = columns.map((column, i) => {
    const total = totals[i];
    return {
      codeId: column.codeId,
      name: column.name,
      path: column.path,
      depth: column.depth,
      segments: total.segments,
      documents: total.documents,
      documentShare: share(total.documents, base.documents),
      characters: total.characters,
      characterShare: share(total.characters, base.characters),
      words: base.words === null ? null : total.words,
      wordShare: base.words === null ? null : share(total.words, base.words),
    };
  });
  return { base, codes };
}

/** Each document's figures over all its counted segments. */
function documentFigures(corpus: AnalysisCorpus, options: FrequencyOptions): DocumentFrequency[] {
  return corpus.documents.map((document) => {
    const merged = mergeSorted(document.segments.map((s) => ({ start: s.start16, end: s.end16 })).sort((a, b) => a.start - b.start));
    const codedCharacters = coveredCodePoints(merged, document.codePoints);
    const words = options.words ? corpus.cache.words(document.record.id, document.text, options.locale) : null;
    return {
      documentId: document.record.id,
      title: document.record.title,
      segments: document.segments.length,
      codes: new Set(document.segments.map((s) => s.codeId)).size,
      characters: document.length,
      codedCharacters,
      codedShare: share(codedCharacters, document.length),
      words: words ? words.count : null,
      codedWords: words ? wordsCovered(merged, words) : null,
    };
  });
}

/** The frequencies of every code of the codebook over the corpus (codes in tree order). */
export function frequencies(corpus: AnalysisCorpus, options: FrequencyOptions): Frequencies {
  const columns = codeColumns(corpus.codes, options.withSubcodes);
  const all = () => true;
  const overall = codeFigures(corpus, corpus.documents, columns, options, all);
  const byCoder = corpus.coders.map((coder) => ({ coder, ...codeFigures(corpus, corpus.documents, columns, options, (s) => s.coder === coder) }));
  const variable = options.variable ?? null;
  const byValue = variable
    ? variableGroups(corpus.documents, corpus.variables, variable).map((value) => ({
        value,
        ...codeFigures(corpus, corpus.documents.filter((d) => valueText(d.record, variable) === value), columns, options, all),
      }))
    : null;
  return { withSubcodes: options.withSubcodes, base: overall.base, codes: overall.codes, byDocument: documentFigures(corpus, options), byCoder, byValue, variable };
}

/** What a frequency table may be sorted by. */
export type FrequencySortKey = 'tree' | 'name' | 'segments' | 'documents' | 'characters' | 'words';

/**
 * The rows sorted by `key` (largest first for figures, A–Z for names); ties, and 'tree', keep the
 * codebook's tree order.
 */
export function sortFrequencies(rows: readonly CodeFrequency[], key: FrequencySortKey, descending = key !== 'name' && key !== 'tree'): CodeFrequency[] {
  const order = new Map(rows.map((row, i) => [row.codeId, i]));
  const byTree = (a: CodeFrequency, b: CodeFrequency) => order.get(a.codeId)! - order.get(b.codeId)!;
  const compare =
    key === 'tree'
      ? () => 0
      : key === 'name'
        ? (a: CodeFrequency, b: CodeFrequency) => a.path.localeCompare(b.path)
        : (a: CodeFrequency, b: CodeFrequency) => (a[key] ?? 0) - (b[key] ?? 0);
  return [...rows].sort((a, b) => (descending ? -compare(a, b) : compare(a, b)) || byTree(a, b));
}
