/**
 * Words within coded passages: how often each word occurs in the segments of a code (or of all
 * codes, as filtered), and each occurrence of one word in its context (keyword in context).
 *
 * Words are the word-like pieces of `Intl.Segmenter` (shared/text/word-index.ts), folded to lower case for
 * the locale. A word counts when it shares a character with a counted segment; in each document
 * the segments' ranges are merged first, so a word under two overlapping segments counts once.
 * Stop-words come from the `stopword` package's list for the document's language: the value of
 * the document variable `languageVariable` (an ISO 639-1 or 639-3 code such as "de" or "deu", or
 * an English name such as "German"), else `language`. Offsets are code points.
 */
import * as stopwords from 'stopword';
import type { AnalysisCorpus, AnalysisDocument, AnalysisSegment } from './analysis-corpus';
import { codeAndDescendants } from '../model/codebook';
import { mergeSorted, type Range } from './spans';
import { firstWordEndingAfter, type WordIndex } from '../text/word-index';
import { STOP_WORD_LANGUAGES as LANGUAGES } from '../text/languages';


/** The stopword package's name of a language given as an ISO code, a locale ("de-AT") or an English name; null when it has no list. */
export function stopWordLanguage(language: string): string | null {
  const given = language.trim().toLowerCase();
  const lists = stopwords as unknown as Record<string, unknown>;
  const direct = Object.keys(lists).find((name) => name.toLowerCase() === given && Array.isArray(lists[name]));
  if (direct) return direct;
  return LANGUAGES[given] ?? LANGUAGES[given.split(/[-_]/)[0]] ?? null;
}

const stopSets = new Map<string, ReadonlySet<string>>();

/** The stop-words of a language (lower case); empty when the package has no list for it. */
export function stopWordsOf(language: string): ReadonlySet<string> {
  const name = stopWordLanguage(language);
  if (!name) return new Set();
  let set = stopSets.get(name);
  if (!set) stopSets.set(name, (set = new Set((stopwords as unknown as Record<string, string[]>)[name].map((w) => w.toLowerCase()))));
  return set;
}

export interface WordOptions {
  /** The code whose segments are read (null: every counted segment). */
  codeId: string | null;
  withSubcodes: boolean;
  /** The language when a document has none: an ISO code or English name. */
  language: string;
  /** The document variable that holds a document's language (null: none). */
  languageVariable: string | null;
  /** Leave out the stop-words of each document's language. */
  dropStopWords: boolean;
  locale?: string;
}

export interface WordCount {
  word: string;
  /** Occurrences in the counted passages. */
  count: number;
  /** Documents with at least one. */
  documents: number;
}

/** The document's language: its variable's value, else the default. */
function languageOf(document: AnalysisDocument, options: WordOptions): string {
  const value = options.languageVariable ? document.record.values[options.languageVariable] : null;
  return typeof value === 'string' && value.trim() ? value : options.language;
}

/** Each document's counted segments' ranges (UTF-16), merged, and the segments themselves. */
function countedRanges(document: AnalysisDocument, codeIds: ReadonlySet<string> | null): { merged: Range[]; segments: AnalysisSegment[] } {
  const segments = codeIds ? document.segments.filter((s) => codeIds.has(s.codeId)) : document.segments;
  return { merged: mergeSorted(segments.map((s) => ({ start: s.start16, end: s.end16 }))), segments };
}

/** Calls `visit` with the index of each word that shares a character with the merged ranges, once each. */
function eachWord(words: WordIndex, merged: readonly Range[], visit: (word: number) => void): void {
  let next = 0;
  for (const { start, end } of merged) {
    let i = Math.max(next, firstWordEndingAfter(words, start));
    for (; i < words.count && words.starts[i] < end; i++) visit(i);
    next = i;
  }
}

function codeSet(corpus: AnalysisCorpus, options: Pick<WordOptions, 'codeId' | 'withSubcodes'>): ReadonlySet<string> | null {
  if (!options.codeId) return null;
  return options.withSubcodes ? codeAndDescendants(corpus.codes, options.codeId) : new Set([options.codeId]);
}

/**
 * Word frequencies in the counted passages, most frequent first (then A–Z). Words are counted by
 * the number of their lower-case form (AnalysisCache.wordForms), so that a refresh compares
 * numbers, not strings.
 */
export function wordFrequencies(corpus: AnalysisCorpus, options: WordOptions): WordCount[] {
  const codeIds = codeSet(corpus, options);
  const locale = options.locale;
  const lexicon = corpus.cache.lexicon(locale);
  let counts = new Int32Array(1024);
  let documents = new Int32Array(1024);
  let lastDocument = new Int32Array(1024).fill(-1);
  const stopByLanguage = new Map<string, Uint8Array>();
  corpus.documents.forEach((document, d) => {
    const { merged } = countedRanges(document, codeIds);
    if (!merged.length) return;
    const words = corpus.cache.words(document.record.id, document.text, locale);
    const forms = corpus.cache.wordForms(document.record.id, document.text, locale);
    if (lexicon.forms.length > counts.length) {
      const size = Math.max(lexicon.forms.length, counts.length * 2);
      const grow = (from: Int32Array, fill = 0) => {
        const to = new Int32Array(size).fill(fill);
        to.set(from);
        return to;
      };
      counts = grow(counts);
      documents = grow(documents);
      lastDocument = grow(lastDocument, -1);
    }
    // Per language, a flag per form: 0 not looked up yet, 1 a stop-word, 2 not one.
    let stop: Uint8Array | null = null;
    let stopWords: ReadonlySet<string> | null = null;
    if (options.dropStopWords) {
      const language = languageOf(document, options);
      stopWords = stopWordsOf(language);
      stop = stopByLanguage.get(language) ?? null;
      if (!stop || stop.length < lexicon.forms.length) {
        const grown = new Uint8Array(Math.max(lexicon.forms.length, 1024) * 2);
        if (stop) grown.set(stop);
        stopByLanguage.set(language, (stop = grown));
      }
    }
    eachWord(words, merged, (i) => {
      const form = forms[i];
      if (stop) {
        if (stop[form] === 0) stop[form] = stopWords!.has(lexicon.forms[form]) ? 1 : 2;
        if (stop[form] === 1) return;
      }
      counts[form]++;
      if (lastDocument[form] !== d) {
        documents[form]++;
        lastDocument[form] = d;
      }
    });
  });
  const found: WordCount[] = [];
  for (let form = 0; form < Math.min(counts.length, lexicon.forms.length); form++) {
    if (counts[form] > 0) found.push({ word: lexicon.forms[form], count: counts[form], documents: documents[form] });
  }
  return found.sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}

/** One occurrence of a word in its context; offsets in code points. */
export interface KeywordInContext {
  documentId: string;
  documentTitle: string;
  /** The first counted segment (in text order) that holds the word. */
  segmentId: string;
  start: number;
  end: number;
  word: string;
  left: string;
  right: string;
}

/**
 * Every occurrence of `word` (compared in lower case) in the counted passages, with up to
 * `contextCharacters` code points of the text on either side, by document and position.
 */
export function keywordsInContext(corpus: AnalysisCorpus, word: string, contextCharacters: number, options: Pick<WordOptions, 'codeId' | 'withSubcodes' | 'locale'>): KeywordInContext[] {
  const codeIds = codeSet(corpus, options);
  const lexicon = corpus.cache.lexicon(options.locale);
  const found: KeywordInContext[] = [];
  for (const document of corpus.documents) {
    const { merged, segments } = countedRanges(document, codeIds);
    if (!merged.length) continue;
    const words = corpus.cache.words(document.record.id, document.text, options.locale);
    const forms = corpus.cache.wordForms(document.record.id, document.text, options.locale);
    // Looked up after the document's forms are numbered: the word may first appear in it.
    const wanted = lexicon.idOf.get(word.toLocaleLowerCase(options.locale));
    if (wanted === undefined) continue;
    eachWord(words, merged, (i) => {
      if (forms[i] !== wanted) return;
      const start16 = words.starts[i];
      const end16 = words.ends[i];
      const text = document.text.slice(start16, end16);
      const holder = segments.find((s) => s.start16 < end16 && s.end16 > start16)!;
      const index = document.codePoints;
      const start = index.toCodePoints(start16);
      const end = index.toCodePoints(end16);
      const left = document.text.slice(index.toUtf16(Math.max(0, start - contextCharacters)), start16);
      const right = document.text.slice(end16, index.toUtf16(Math.min(index.codePointLength, end + contextCharacters)));
      found.push({ documentId: document.record.id, documentTitle: document.record.title, segmentId: holder.segment.id, start, end, word: text, left, right });
    });
  }
  return found;
}
