/**
 * Frequencies of the codes: per code, its segments, the documents that have it, and the
 * characters and words it covers with their share of the text; the same per coder and per value
 * of a document variable; and per document.
 *
 * How things are counted:
 * - A code's figures count its own segments, or with `withSubcodes` its segments and those of
 *   every code below it (summed: a segment has one code, so none is counted twice). Of those,
 *   `suggested` are the ones accepted from a suggestion (assisted codings, counted in `segments`
 *   too), so that a methods section can say how many codings were assisted.
 * - Characters are code points. In each document the ranges of the counted segments are merged
 *   first, so a character covered by two of them (two overlapping segments, or a code and its
 *   sub-code) counts once; likewise a document counts once however many segments it holds.
 * - Words are the word-like pieces of `Intl.Segmenter` (shared/text/word-index.ts); a word counts when the
 *   merged ranges share at least one of its characters, once.
 * - Shares are of the documents, characters and words of the documents counted (those that pass
 *   the filter, with or without segments; for a coder, all of them; for a variable's value, the
 *   documents with that value).
 * - A document without a value of the variable is its own group ('', shown as “(no value)”).
 */
import type { AnalysisCorpus, AnalysisDocument, AnalysisSegment, CodeColumn } from './analysis-corpus';
import { codeColumns, valueText, variableGroups } from './analysis-corpus';
import { firstWordEndingAfter, firstWordStartingAt, type WordIndex } from '../text/word-index';

/** One code's figures. Shares are fractions (0–1); words and their share are null when words were not counted. */
export interface CodeFrequency {
  codeId: string;
  name: string;
  path: string;
  depth: number;
  segments: number;
  /** Of `segments`, those accepted from a suggestion. */
  suggested: number;
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

/** What the counted segments of one code cover in one document. */
interface Cover {
  segments: number;
  /** Of the segments, those accepted from a suggestion. */
  suggested: number;
  characters: number;
  words: number;
}

/**
 * Characters (code points) and words covered by segments in text order, merged as they come: a
 * character or a word under two of them counts once.
 */
function cover(segments: readonly AnalysisSegment[], words: WordIndex | null): Cover {
  let characters = 0;
  let wordCount = 0;
  let nextWord = 0;
  let suggested = 0;
  for (const s of segments) if (s.segment.origin === 'suggestion') suggested++;
  // The run of merged segments being read, in code points and in UTF-16 units; it is counted when the next one starts after it.
  let from = 0;
  let to = -1;
  let from16 = 0;
  let to16 = 0;
  for (let k = 0; k <= segments.length; k++) {
    const s = k < segments.length ? segments[k] : null;
    if (s && s.start <= to) {
      if (s.end > to) {
        to = s.end;
        to16 = s.end16;
      }
      continue;
    }
    if (to >= 0) {
      characters += to - from;
      if (words) {
        // The words from the first that ends inside the run to the last that starts inside it.
        const first = Math.max(nextWord, firstWordEndingAfter(words, from16));
        const after = firstWordStartingAt(words, to16);
        if (after > first) wordCount += after - first;
        if (after > nextWord) nextWord = after;
      }
    }
    if (s) {
      from = s.start;
      to = s.end;
      from16 = s.start16;
      to16 = s.end16;
    }
  }
  return { segments: segments.length, suggested, characters, words: wordCount };
}

const byStart = (a: AnalysisSegment, b: AnalysisSegment) => a.start - b.start;

/** What each code column covers in one document, counting the given segments (in text order); null where it has none. */
function coverByColumn(segments: readonly AnalysisSegment[], columns: readonly CodeColumn[], words: WordIndex | null): Array<Cover | null> {
  const groups = new Map<string, AnalysisSegment[]>();
  for (const segment of segments) {
    const list = groups.get(segment.codeId);
    if (list) list.push(segment);
    else groups.set(segment.codeId, [segment]);
  }
  const covers: Array<Cover | null> = [];
  for (const { codeId, members } of columns) {
    if (members.size === 1) {
      const own = groups.get(codeId);
      covers.push(own ? cover(own, words) : null);
      continue;
    }
    const all: AnalysisSegment[] = [];
    for (const id of members) for (const s of groups.get(id) ?? []) all.push(s);
    covers.push(all.length ? cover(all.sort(byStart), words) : null);
  }
  return covers;
}

/** Sums of covers per column, over documents. */
class Totals {
  readonly base: FrequencyBase;
  private readonly sums: Array<Cover & { documents: number }>;

  constructor(columns: number, words: boolean) {
    this.base = { documents: 0, characters: 0, words: words ? 0 : null };
    this.sums = Array.from({ length: columns }, () => ({ segments: 0, suggested: 0, documents: 0, characters: 0, words: 0 }));
  }

  addDocument(document: AnalysisDocument, words: WordIndex | null): void {
    this.base.documents++;
    this.base.characters += document.length;
    if (words) this.base.words! += words.count;
  }

  addCovers(covers: ReadonlyArray<Cover | null>): void {
    for (let i = 0; i < covers.length; i++) {
      const cover = covers[i];
      if (!cover) continue;
      const sum = this.sums[i];
      sum.segments += cover.segments;
      sum.suggested += cover.suggested;
      sum.documents++;
      sum.characters += cover.characters;
      sum.words += cover.words;
    }
  }

  rows(columns: readonly CodeColumn[], base = this.base): CodeFrequency[] {
    return columns.map((column, i) => {
      const total = this.sums[i];
      return {
        codeId: column.codeId,
        name: column.name,
        path: column.path,
        depth: column.depth,
        segments: total.segments,
        suggested: total.suggested,
        documents: total.documents,
        documentShare: share(total.documents, base.documents),
        characters: total.characters,
        characterShare: share(total.characters, base.characters),
        words: base.words === null ? null : total.words,
        wordShare: base.words === null ? null : share(total.words, base.words),
      };
    });
  }
}

/** The frequencies of every code of the codebook over the corpus (codes in tree order). */
export function frequencies(corpus: AnalysisCorpus, options: FrequencyOptions): Frequencies {
  const columns = codeColumns(corpus.codes, options.withSubcodes);
  const variable = options.variable ?? null;
  const overall = new Totals(columns.length, options.words);
  const byCoder = new Map(corpus.coders.map((coder) => [coder, new Totals(columns.length, options.words)]));
  const groups = variable ? variableGroups(corpus.documents, corpus.variables, variable) : [];
  const byValue = new Map(groups.map((value) => [value, new Totals(columns.length, options.words)]));
  const byDocument: DocumentFrequency[] = [];
  for (const document of corpus.documents) {
    const words = options.words ? corpus.cache.words(document.record.id, document.text, options.locale) : null;
    const group = variable ? byValue.get(valueText(document.record, variable))! : null;
    overall.addDocument(document, words);
    group?.addDocument(document, words);
    const covers = coverByColumn(document.segments, columns, words);
    overall.addCovers(covers);
    group?.addCovers(covers);
    const ofCoder = new Map<string, AnalysisSegment[]>();
    for (const segment of document.segments) {
      const list = ofCoder.get(segment.coder);
      if (list) list.push(segment);
      else ofCoder.set(segment.coder, [segment]);
    }
    for (const [coder, segments] of ofCoder) byCoder.get(coder)!.addCovers(coverByColumn(segments, columns, words));
    const all = cover(document.segments, words);
    byDocument.push({
      documentId: document.record.id,
      title: document.record.title,
      segments: document.segments.length,
      codes: new Set(document.segments.map((s) => s.codeId)).size,
      characters: document.length,
      codedCharacters: all.characters,
      codedShare: share(all.characters, document.length),
      words: words ? words.count : null,
      codedWords: words ? all.words : null,
    });
  }
  return {
    withSubcodes: options.withSubcodes,
    base: overall.base,
    codes: overall.rows(columns),
    byDocument,
    // A coder's shares are of every document counted.
    byCoder: [...byCoder].map(([coder, totals]) => ({ coder, base: overall.base, codes: totals.rows(columns, overall.base) })),
    byValue: variable ? [...byValue].map(([value, totals]) => ({ value, base: totals.base, codes: totals.rows(columns) })) : null,
    variable,
  };
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
