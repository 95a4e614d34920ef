/**
 * Suggestions for a document: its uncoded sentences that a code's model finds likely, with the
 * probability, listed by confidence (most likely first) or by uncertainty (the ones the model is
 * least sure of first: |p − 0.5| smallest, what a researcher teaches the model most by deciding).
 * A suggestion is only ever shown: nothing here codes anything.
 *
 * A sentence is uncoded when no segment of any code touches it; a sentence whose suggestion of a
 * code was rejected is not suggested that code again (it may still be suggested another).
 */
import { FeatureHasher, idfTable, RowsBuilder, weighRows, type SparseRows } from './features';
import { sigmoid } from './linear-model';
import { sentencesOf, type Sentence } from './sentences';
import type { CodedSpan, TrainingDocument } from './training-examples';
import type { SuggestionModel } from './training';

/** One suggestion: a sentence of a document, a code, and how likely the model finds it. */
export interface Suggestion {
  documentId: string;
  codeId: string;
  start: number;
  end: number;
  probability: number;
}

/** Which suggestions are made, and in what order. */
export interface SuggestionOptions {
  /** The least probability suggested, per code id; a code not named here takes `threshold`. */
  thresholds?: Readonly<Record<string, number>>;
  /** The least probability suggested (0.5 unless given). */
  threshold?: number;
  /** `confidence`: most likely first; `uncertainty`: closest to 0.5 first. */
  order?: 'confidence' | 'uncertainty';
  /** At most this many (all when not given). */
  limit?: number;
}

/** A code's weights laid out densely for scoring. */
interface DenseCode {
  codeId: string;
  weights: Float32Array;
  intercept: number;
}

/**
 * Suggests with one trained model: the model's reading of text (hasher and IDF table) and each
 * trained code's weights are set up once, then every document is read in one pass.
 */
export class Suggester {
  private readonly hasher: FeatureHasher;
  private readonly idf: Float64Array;
  private readonly codes: DenseCode[];

  constructor(readonly model: SuggestionModel) {
    this.hasher = new FeatureHasher(model.features);
    this.idf = idfTable(model.frequencies, this.hasher.dimensions);
    this.codes = model.codes.flatMap((code) => {
      if (code.status !== 'trained') return [];
      const weights = new Float32Array(this.hasher.dimensions);
      for (let i = 0; i < code.weights.indices.length; i++) weights[code.weights.indices[i]!] = code.weights.values[i]!;
      return [{ codeId: code.codeId, weights, intercept: code.intercept }];
    });
  }

  /** The codes that have a model (the others had too few examples). */
  get trainedCodes(): string[] {
    return this.codes.map((code) => code.codeId);
  }

  /** The TF-IDF vectors of some sentences (in text order) of a document, as the model reads them. */
  vectors(document: TrainingDocument, sentences: readonly Sentence[]): SparseRows {
    const rows = new RowsBuilder();
    this.hasher.addTermCounts(rows, document.text, this.hasher.wordsOf(document.text, document.locale), sentences);
    const vectors = rows.finish();
    weighRows(vectors, this.idf);
    return vectors;
  }

  /** The probability of one trained code (by its place in `trainedCodes`) for one row of `vectors`. */
  probability(code: number, vectors: SparseRows, row: number): number {
    const { weights, intercept } = this.codes[code]!;
    let z = intercept;
    for (let i = vectors.offsets[row]!; i < vectors.offsets[row + 1]!; i++) z += weights[vectors.indices[i]!]! * vectors.values[i]!;
    return sigmoid(z);
  }

  /**
   * The suggestions for one document, given its segments and the suggestions rejected in it (spans
   * of other documents are ignored).
   */
  suggest(document: TrainingDocument, segments: readonly CodedSpan[], rejected: readonly CodedSpan[], options: SuggestionOptions = {}): Suggestion[] {
    const uncoded = uncodedSentences(sentencesOf(document.text, document.locale), segments.filter((span) => span.documentId === document.id));
    const refused = new Map<string, CodedSpan[]>();
    for (const span of rejected) {
      if (span.documentId !== document.id) continue;
      refused.set(span.codeId, [...(refused.get(span.codeId) ?? []), span]);
    }
    const vectors = this.vectors(document, uncoded);
    const suggestions: Suggestion[] = [];
    const fallback = options.threshold ?? 0.5;
    const thresholds = this.codes.map(({ codeId }) => options.thresholds?.[codeId] ?? fallback);
    for (let row = 0; row < vectors.count; row++) {
      const sentence = uncoded[row]!;
      for (let code = 0; code < this.codes.length; code++) {
        const p = this.probability(code, vectors, row);
        if (p < thresholds[code]!) continue;
        const codeId = this.codes[code]!.codeId;
        if (refused.get(codeId)?.some((span) => rejects(span, sentence))) continue;
        suggestions.push({ documentId: document.id, codeId, start: sentence.start, end: sentence.end, probability: p });
      }
    }
    return orderSuggestions(suggestions, options.order ?? 'confidence').slice(0, options.limit ?? suggestions.length);
  }
}

/** True when a rejection is of this sentence: it covers at least half of it (the rule training reads rejections by). */
function rejects(span: CodedSpan, sentence: Sentence): boolean {
  const overlap = Math.min(span.end, sentence.end) - Math.max(span.start, sentence.start);
  return overlap > 0 && overlap * 2 >= sentence.end - sentence.start;
}

/** The sentences no segment touches (both lists in text order; segments in any order). */
export function uncodedSentences(sentences: readonly Sentence[], segments: readonly CodedSpan[]): Sentence[] {
  if (segments.length === 0) return [...sentences];
  const spans = [...segments].sort((a, b) => a.start - b.start);
  const uncoded: Sentence[] = [];
  let next = 0;
  // The furthest end of the segments that start before the current sentence ends: it touches the
  // sentence when it ends after the sentence starts.
  let reach = -1;
  for (const sentence of sentences) {
    while (next < spans.length && spans[next]!.start < sentence.end) reach = Math.max(reach, spans[next++]!.end);
    if (reach <= sentence.start) uncoded.push(sentence);
  }
  return uncoded;
}

/**
 * The order of suggestions by confidence or uncertainty; ties by where they start, then code,
 * then document id, so that the order is total (the same list however it was put together).
 */
export function compareSuggestions(order: 'confidence' | 'uncertainty'): (a: Suggestion, b: Suggestion) => number {
  const key = order === 'confidence' ? (s: Suggestion) => -s.probability : (s: Suggestion) => Math.abs(s.probability - 0.5);
  return (a, b) =>
    key(a) - key(b) ||
    a.start - b.start ||
    (a.codeId < b.codeId ? -1 : a.codeId > b.codeId ? 1 : 0) ||
    (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0);
}

/** Orders suggestions (in place) by confidence or uncertainty (see compareSuggestions). */
export function orderSuggestions(suggestions: Suggestion[], order: 'confidence' | 'uncertainty'): Suggestion[] {
  return suggestions.sort(compareSuggestions(order));
}

/** Two lists ordered by `compare` as one ordered list (a merge: each list is read once). */
export function mergeOrdered<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  const merged: T[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) merged[k++] = compare(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!;
  while (i < a.length) merged[k++] = a[i++]!;
  while (j < b.length) merged[k++] = b[j++]!;
  return merged;
}

/**
 * The corpus's list in confidence order from each document's list (`from`, by document id). When
 * most documents' lists are the very arrays `previous` was made from (a document's answer is kept
 * as it was until something it depends on changes: after a rejection or a passage coded, one
 * document read again), it is `previous` without the suggestions of the documents that changed,
 * merged with theirs (a pass over the list, where ordering it all again cost a sort of hundreds of
 * thousands); else ordered whole. The order is total, so either way it is the same list.
 */
export function updatedCorpusList(previous: { suggestions: readonly Suggestion[]; from: ReadonlyMap<string, readonly Suggestion[]> } | null, from: ReadonlyMap<string, readonly Suggestion[]>): Suggestion[] {
  const changed = new Set<string>();
  if (previous) {
    for (const [id, list] of previous.from) if (from.get(id) !== list) changed.add(id);
    for (const [id, list] of from) if (previous.from.get(id) !== list) changed.add(id);
  }
  if (!previous || changed.size * 2 > from.size) {
    const all: Suggestion[] = [];
    for (const list of from.values()) for (const suggestion of list) all.push(suggestion);
    return orderSuggestions(all, 'confidence');
  }
  const added: Suggestion[] = [];
  for (const id of changed) for (const suggestion of from.get(id) ?? []) added.push(suggestion);
  const kept = changed.size ? previous.suggestions.filter((suggestion) => !changed.has(suggestion.documentId)) : previous.suggestions;
  return mergeOrdered(kept, orderSuggestions(added, 'confidence'), compareSuggestions('confidence'));
}
