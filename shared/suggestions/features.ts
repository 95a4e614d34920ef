/**
 * What the model reads of a sentence: its words and word pairs, and the character 3- to 5-grams
 * of each word, hashed into a fixed number of slots and weighed by TF-IDF. Hashing needs no
 * vocabulary (the model file holds no words of the researcher's texts, only slot numbers), costs
 * one pass over the text and keeps the model's size fixed; character n-grams let "refugees" learn
 * from "refugee" and survive typos and inflection.
 *
 * - Words are the word-like pieces of `Intl.Segmenter` (shared/text/word-index.ts), folded to NFC
 *   and lower case (`toLowerCase`, the same in every locale, so a model reads any document alike).
 * - Features: each word (a unigram), each pair of neighbouring words in the sentence (a bigram),
 *   and the character n-grams (n = 3…5 code points) of the word padded with a space at each end, so
 *   that a word's beginning and end are features of their own (scikit-learn's `char_wb`).
 * - Hash: 32-bit FNV-1a (Fowler–Noll–Vo; a documented non-cryptographic hash) run over UTF-16 code
 *   units, one step per unit, after a first step with the feature's kind (1 word, 2 pair, 3
 *   characters) so that a word and the same letters as an n-gram differ; a pair is its two words
 *   with a space between. The 32 bits are xor-folded to `bits` bits: slot = (h ^ (h >>> bits)) & (2^bits − 1).
 * - Weight: sublinear term frequency 1 + ln(tf), times the smooth inverse document frequency
 *   ln((1 + n) / (1 + df)) + 1 learnt from the n training sentences (a slot no training sentence
 *   has gets df = 0); each sentence's vector is then scaled to length 1 (L2).
 *
 * The vectors of many sentences are kept packed in one set of arrays (`SparseRows`, the
 * compressed-sparse-row layout), not as an object per sentence: tens of thousands of sentences
 * then cost three allocations, and the training loop reads them in order.
 */
import { wordIndexer, type WordIndex } from '../text/word-index';

/** How sentences are turned into features; kept in the model file so that a model reads text as it was trained to. */
export interface FeatureSettings {
  hash: 'fnv1a-32';
  /** The number of slots is 2^bits. */
  bits: number;
  /** Word n-grams from 1 to this (1: words alone; 2: words and pairs). */
  wordNgrams: number;
  /** Character n-grams within words, from `min` to `max` code points. */
  characterNgrams: { min: number; max: number };
}

/** 2^18 slots, words and pairs, character 3- to 5-grams. */
export const DEFAULT_FEATURES: FeatureSettings = { hash: 'fnv1a-32', bits: 18, wordNgrams: 2, characterNgrams: { min: 3, max: 5 } };

/** A sparse vector: slot numbers in ascending order, each with its value (a model's weights). */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/**
 * The sparse vectors of many sentences, packed: row r has the slots `indices[offsets[r]…offsets[r + 1])`
 * (each once, in the order first met) with their values beside them.
 */
export interface SparseRows {
  count: number;
  offsets: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** Collects rows one by one, growing its arrays as needed. */
export class RowsBuilder {
  private offsets = new Int32Array(1024);
  private indices = new Int32Array(16_384);
  private values = new Float32Array(16_384);
  private count = 0;

  /** Adds a row: the slots `indices[0…length)` with their values. */
  add(indices: ArrayLike<number>, values: ArrayLike<number>, length: number): void {
    const at = this.offsets[this.count]!;
    if (this.count + 2 > this.offsets.length) this.offsets = grown(this.offsets, new Int32Array(this.offsets.length * 2));
    if (at + length > this.indices.length) {
      const size = Math.max(at + length, this.indices.length * 2);
      this.indices = grown(this.indices, new Int32Array(size));
      this.values = grown(this.values, new Float32Array(size));
    }
    for (let i = 0; i < length; i++) {
      this.indices[at + i] = indices[i]!;
      this.values[at + i] = values[i]!;
    }
    this.offsets[++this.count] = at + length;
  }

  /** The rows added so far (views of the builder's arrays: the builder is not to be used after). */
  finish(): SparseRows {
    const size = this.offsets[this.count]!;
    return { count: this.count, offsets: this.offsets.subarray(0, this.count + 1), indices: this.indices.subarray(0, size), values: this.values.subarray(0, size) };
  }
}

/** `larger` with `array` copied into its start. */
function grown<T extends Int32Array | Float32Array>(array: T, larger: T): T {
  larger.set(array);
  return larger;
}

/** A span of a text: UTF-16 offsets, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const KIND_WORD = 1;
const KIND_PAIR = 2;
const KIND_CHARACTERS = 3;
const SPACE = 0x20;

/** One step of FNV-1a: the state after `unit`. */
const step = (state: number, unit: number) => Math.imul(state ^ unit, FNV_PRIME) >>> 0;

/** FNV-1a state after the code units of `text` from `from` to `to`. */
function hashUnits(state: number, text: string, from = 0, to = text.length): number {
  let h = state;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME) >>> 0;
  return h;
}

/** 32-bit FNV-1a of a string's UTF-16 code units (for tests and for anyone checking a slot by hand). */
export function fnv1a32(text: string): number {
  return hashUnits(FNV_OFFSET_BASIS, text);
}

/** What one word (as folded) gives, worked out once per word and kept. */
interface WordFeatures {
  /** Its slots: the word itself, then its character n-grams. */
  slots: Int32Array;
  /** The hash state after the pair kind, the word and a space: the start of every pair it begins. */
  pairState: number;
}

/** Folds a word for features: NFC, then lower case. */
export function foldWord(word: string): string {
  // Plain ASCII needs no normalisation.
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) return word.normalize('NFC').toLowerCase();
  return word.toLowerCase();
}

/** How many kept words a hasher holds at most before it starts afresh (a bound on memory over a long session). */
const WORD_CACHE_LIMIT = 200_000;

/**
 * Turns sentences into term counts (slots and how often each occurs), keeping what each distinct
 * word gives so that a word met again costs a look-up.
 */
export class FeatureHasher {
  private readonly mask: number;
  private readonly words = new Map<string, WordFeatures>();
  private readonly indexers = new Map<string, (text: string) => WordIndex>();
  private scratch = new Int32Array(1024);
  /** How often each slot occurs in the sentence being read (zero between sentences). */
  private readonly tally: Int32Array;
  private distinct = new Int32Array(1024);
  private counts = new Float64Array(1024);

  constructor(readonly settings: FeatureSettings) {
    if (!Number.isInteger(settings.bits) || settings.bits < 4 || settings.bits > 24) throw new RangeError(`feature bits must be 4…24, not ${settings.bits}`);
    this.mask = (1 << settings.bits) - 1;
    this.tally = new Int32Array(this.mask + 1);
  }

  /** The number of slots (2^bits). */
  get dimensions(): number {
    return this.mask + 1;
  }

  /** The words of a whole text (found once, then each sentence takes its own). */
  wordsOf(text: string, locale: string): WordIndex {
    let indexer = this.indexers.get(locale);
    if (!indexer) {
      indexer = wordIndexer(locale);
      this.indexers.set(locale, indexer);
    }
    return indexer(text);
  }

  /**
   * Adds to `rows` the term counts of each span of `text` (how often each slot occurs in it), whose
   * words are `words` (`wordsOf`); spans in text order.
   */
  addTermCounts(rows: RowsBuilder, text: string, words: WordIndex, spans: readonly TextSpan[]): void {
    let word = 0;
    for (const span of spans) {
      while (word < words.count && words.starts[word]! < span.start) word++;
      let count = 0;
      let previous: WordFeatures | null = null;
      for (let w = word; w < words.count && words.ends[w]! <= span.end; w++) {
        const folded = foldWord(text.slice(words.starts[w], words.ends[w]));
        const features = this.featuresOf(folded);
        count = this.push(count, features.slots);
        if (previous && this.settings.wordNgrams >= 2) count = this.pushOne(count, this.slot(hashUnits(previous.pairState, folded)));
        previous = features;
      }
      // Each slot once, with how often it occurred (the tallies are cleared again as they are read).
      let distinct = 0;
      for (let i = 0; i < count; i++) {
        const slot = this.scratch[i]!;
        if (this.tally[slot]++ === 0) this.distinct[distinct++] = slot;
      }
      for (let i = 0; i < distinct; i++) {
        const slot = this.distinct[i]!;
        this.counts[i] = this.tally[slot]!;
        this.tally[slot] = 0;
      }
      rows.add(this.distinct, this.counts, distinct);
    }
  }

  private featuresOf(word: string): WordFeatures {
    const known = this.words.get(word);
    if (known) return known;
    const { min, max } = this.settings.characterNgrams;
    // The padded word's code points, as offsets into " word ".
    const padded = ` ${word} `;
    const edges: number[] = [];
    for (let i = 0; i < padded.length; i++) {
      edges.push(i);
      const unit = padded.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < padded.length) i++;
    }
    edges.push(padded.length);
    const points = edges.length - 1;
    const slots: number[] = [this.slot(hashUnits(step(FNV_OFFSET_BASIS, KIND_WORD), word))];
    const charactersStart = step(FNV_OFFSET_BASIS, KIND_CHARACTERS);
    for (let n = min; n <= max; n++) {
      for (let i = 0; i + n <= points; i++) slots.push(this.slot(hashUnits(charactersStart, padded, edges[i], edges[i + n])));
    }
    const features: WordFeatures = { slots: Int32Array.from(slots), pairState: step(hashUnits(step(FNV_OFFSET_BASIS, KIND_PAIR), word), SPACE) };
    if (this.words.size >= WORD_CACHE_LIMIT) this.words.clear();
    this.words.set(word, features);
    return features;
  }

  private slot(hash: number): number {
    return (hash ^ (hash >>> this.settings.bits)) & this.mask;
  }

  private push(count: number, slots: Int32Array): number {
    if (count + slots.length > this.scratch.length) this.grow(count + slots.length);
    this.scratch.set(slots, count);
    return count + slots.length;
  }

  private pushOne(count: number, slot: number): number {
    if (count + 1 > this.scratch.length) this.grow(count + 1);
    this.scratch[count] = slot;
    return count + 1;
  }

  private grow(needed: number): void {
    const size = Math.max(needed, this.scratch.length * 2);
    const scratch = new Int32Array(size);
    scratch.set(this.scratch);
    this.scratch = scratch;
    this.distinct = new Int32Array(size);
    this.counts = new Float64Array(size);
  }
}

/** The document frequencies learnt from the training sentences: in how many of the `sentences` each slot occurs. */
export interface DocumentFrequencies {
  sentences: number;
  /** Slots that occur, ascending. */
  indices: Int32Array;
  /** In how many sentences each occurs. */
  counts: Int32Array;
}

/** The document frequencies of rows of term counts (each one sentence). */
export function documentFrequencies(termCounts: SparseRows, dimensions: number): DocumentFrequencies {
  const dense = new Int32Array(dimensions);
  const { indices } = termCounts;
  for (let i = 0; i < indices.length; i++) dense[indices[i]!]!++;
  let occurring = 0;
  for (let slot = 0; slot < dimensions; slot++) if (dense[slot]) occurring++;
  const slots = new Int32Array(occurring);
  const counts = new Int32Array(occurring);
  let at = 0;
  for (let slot = 0; slot < dimensions; slot++) {
    if (!dense[slot]) continue;
    slots[at] = slot;
    counts[at++] = dense[slot]!;
  }
  return { sentences: termCounts.count, indices: slots, counts };
}

/** The inverse document frequency of every slot, as a dense table (a slot no sentence had gets the largest). */
export function idfTable(frequencies: DocumentFrequencies, dimensions: number): Float64Array {
  const n = frequencies.sentences;
  const table = new Float64Array(dimensions).fill(Math.log(1 + n) + 1);
  for (let i = 0; i < frequencies.indices.length; i++) table[frequencies.indices[i]!] = Math.log((1 + n) / (1 + frequencies.counts[i]!)) + 1;
  return table;
}

/** 1 + ln(tf) for tf = 0…63 (0 for tf = 0, which no slot has). */
const SUBLINEAR_TF = Float64Array.from({ length: 64 }, (_, tf) => (tf === 0 ? 0 : 1 + Math.log(tf)));

/**
 * Turns rows of term counts into TF-IDF, in place: sublinear tf times idf, each row scaled to
 * length 1 (a sentence without words stays empty).
 */
export function weighRows(rows: SparseRows, idf: Float64Array): void {
  const { offsets, indices, values } = rows;
  // 1 + ln(tf) of the small counts nearly every slot has, looked up rather than computed.
  const sublinear = SUBLINEAR_TF;
  for (let row = 0; row < rows.count; row++) {
    const from = offsets[row]!;
    const to = offsets[row + 1]!;
    let squares = 0;
    for (let i = from; i < to; i++) {
      const tf = values[i]!;
      const value = (tf < sublinear.length ? sublinear[tf]! : 1 + Math.log(tf)) * idf[indices[i]!]!;
      values[i] = value;
      squares += value * value;
    }
    if (squares > 0) {
      const scale = 1 / Math.sqrt(squares);
      for (let i = from; i < to; i++) values[i] = values[i]! * scale;
    }
  }
}
