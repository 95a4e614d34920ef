/**
 * Learning a project's codes from its coded segments: a model per code, trained on the examples
 * that training-examples.ts reads from the segments, and how well each model would have done on
 * the researcher's own coding, so that the page can say plainly how far to trust a suggestion, or
 * that there is too little to suggest anything.
 *
 * - A code with fewer than `minimumExamples` positives (or negatives) gets no model: its result
 *   says `too-few-examples`, with its counts and the number needed.
 * - The TF-IDF weights are learnt once from all training sentences (they use no labels); the
 *   vectors are then shared by every code's model.
 * - Quality (stratified k-fold cross-validation): a code's positives and its negatives are each
 *   shuffled (seeded by the code's id, so a code's figures do not depend on the other codes) and
 *   dealt into `folds` folds alike; a model trained on all folds but one classifies the sentences of
 *   that one at p ≥ 0.5, and the counts over all folds give precision, recall and F1. It costs k
 *   trainings per code, so it is asked for apart from the model (`crossValidate`), and the model
 *   can be used meanwhile.
 */
import { documentFrequencies, FeatureHasher, fnv1a32, idfTable, weighRows, RowsBuilder, DEFAULT_FEATURES, type DocumentFrequencies, type FeatureSettings, type SparseRows, type SparseVector } from './features';
import { DEFAULT_LINEAR, probability, seededRandom, shuffleInPlace, trainLogistic, type LinearSettings } from './linear-model';
import { trainingExamples, type TrainingExample, type TrainingInput } from './training-examples';

/** How the examples are chosen and the models trained and checked. */
export interface TrainingSettings {
  features: FeatureSettings;
  linear: LinearSettings;
  /** The share of a sentence a code's segments must cover for it to be a positive (0.5: at least half). */
  coverage: number;
  /** Fewer positives (or negatives) than this: no model for the code. */
  minimumExamples: number;
  /** k of the k-fold cross-validation. */
  folds: number;
}

export const DEFAULT_TRAINING: TrainingSettings = { features: DEFAULT_FEATURES, linear: DEFAULT_LINEAR, coverage: 0.5, minimumExamples: 10, folds: 5 };

/** One code's part of a model: its weights, or why it has none. */
export type CodeModel =
  | { codeId: string; status: 'trained'; positives: number; negatives: number; weights: SparseVector; intercept: number }
  | { codeId: string; status: 'too-few-examples'; positives: number; negatives: number; needed: number };

/** A trained model: how it reads text, what it learnt of the training sentences, and a model per code. */
export interface SuggestionModel {
  features: FeatureSettings;
  frequencies: DocumentFrequencies;
  codes: CodeModel[];
  settings: Omit<TrainingSettings, 'features'>;
}

/** How well a code's model would have done on the researcher's own coding (k-fold cross-validation at p ≥ 0.5). */
export type CodeQuality =
  | {
      codeId: string;
      status: 'checked';
      positives: number;
      negatives: number;
      /** Of the sentences it would have suggested, the share the researcher had coded; null when it would have suggested none. */
      precision: number | null;
      /** Of the sentences the researcher had coded, the share it would have suggested. */
      recall: number;
      /** The harmonic mean of the two (0 when it found none). */
      f1: number;
      folds: number;
    }
  | { codeId: string; status: 'too-few-examples'; positives: number; negatives: number; needed: number };

/**
 * The examples of a project as the models read them: each training sentence's TF-IDF vector over
 * the slots the training sentences have (compacted: slot i of a vector is `slots[i]`, so that a
 * model's weights are a few thousand numbers that stay in the processor's cache, not 2^bits).
 */
export interface TrainingSet {
  settings: TrainingSettings;
  codeIds: readonly string[];
  examples: TrainingExample[];
  frequencies: DocumentFrequencies;
  /** The slots the training sentences have, ascending. */
  slots: Int32Array;
  /** Per example (row), its vector over the compacted slots. */
  vectors: SparseRows;
}

/** Reads the examples of a project and turns them into vectors (see TrainingSet). */
export function trainingSet(input: TrainingInput, settings: TrainingSettings = DEFAULT_TRAINING): TrainingSet {
  const examples = trainingExamples(input, settings.coverage);
  const hasher = new FeatureHasher(settings.features);
  const documents = new Map(input.documents.map((document) => [document.id, document]));
  const rows = new RowsBuilder();
  for (let from = 0, to = 0; from < examples.length; from = to) {
    // The examples of one document are together, in text order: its words are found once.
    while (to < examples.length && examples[to]!.documentId === examples[from]!.documentId) to++;
    const document = documents.get(examples[from]!.documentId)!;
    hasher.addTermCounts(rows, document.text, hasher.wordsOf(document.text, document.locale), examples.slice(from, to));
  }
  const vectors = rows.finish();
  const frequencies = documentFrequencies(vectors, hasher.dimensions);
  weighRows(vectors, idfTable(frequencies, hasher.dimensions));
  const rank = new Int32Array(hasher.dimensions);
  for (let at = 0; at < frequencies.indices.length; at++) rank[frequencies.indices[at]!] = at;
  for (let i = 0; i < vectors.indices.length; i++) vectors.indices[i] = rank[vectors.indices[i]!]!;
  return { settings, codeIds: input.codeIds, examples, frequencies, slots: frequencies.indices, vectors };
}

/** The examples of one code: its positives and its negatives, as indexes into the set's examples. */
function codeExamples(set: TrainingSet, code: number): { positives: number[]; negatives: number[] } {
  const positives: number[] = [];
  const negatives: number[] = [];
  set.examples.forEach((example, at) => {
    const label = example.labels[code];
    if (label === 1) positives.push(at);
    else if (label === 0) negatives.push(at);
  });
  return { positives, negatives };
}

/** Trains one code's model on some of its examples; `weights` is the buffer the weights are made in. */
function trainOn(set: TrainingSet, members: readonly number[], positive: (member: number) => boolean, weights: Float64Array) {
  const labels = new Uint8Array(members.length);
  for (let i = 0; i < members.length; i++) labels[i] = positive(members[i]!) ? 1 : 0;
  return trainLogistic({ vectors: set.vectors, members: Int32Array.from(members), labels }, weights.length, set.settings.linear, weights);
}

/** The model of every code of the set (see the module's comment). */
export function trainModel(set: TrainingSet): SuggestionModel {
  const { settings } = set;
  const weights = new Float64Array(set.slots.length);
  const codes = set.codeIds.map((codeId, code): CodeModel => {
    const { positives, negatives } = codeExamples(set, code);
    if (positives.length < settings.minimumExamples || negatives.length < settings.minimumExamples) {
      return { codeId, status: 'too-few-examples', positives: positives.length, negatives: negatives.length, needed: settings.minimumExamples };
    }
    const isPositive = new Set(positives);
    const model = trainOn(set, [...positives, ...negatives], (member) => isPositive.has(member), weights);
    return { codeId, status: 'trained', positives: positives.length, negatives: negatives.length, weights: expanded(model.weights, set.slots), intercept: model.intercept };
  });
  const { features, ...rest } = settings;
  return { features, frequencies: set.frequencies, codes, settings: rest };
}

/** The nonzero weights over compacted slots, as a sparse vector over the slots themselves. */
function expanded(weights: Float64Array, slots: Int32Array): SparseVector {
  let nonzero = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) nonzero++;
  const indices = new Int32Array(nonzero);
  const values = new Float64Array(nonzero);
  let at = 0;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] === 0) continue;
    indices[at] = slots[i]!;
    values[at++] = weights[i]!;
  }
  return { indices, values };
}

/** Every code's quality by stratified k-fold cross-validation (see the module's comment). */
export function crossValidate(set: TrainingSet): CodeQuality[] {
  const { settings } = set;
  const weights = new Float64Array(set.slots.length);
  return set.codeIds.map((codeId, code): CodeQuality => {
    const { positives, negatives } = codeExamples(set, code);
    if (positives.length < settings.minimumExamples || negatives.length < settings.minimumExamples) {
      return { codeId, status: 'too-few-examples', positives: positives.length, negatives: negatives.length, needed: settings.minimumExamples };
    }
    const random = seededRandom((settings.linear.seed ^ fnv1a32(codeId)) >>> 0);
    const fold = new Map<number, number>();
    for (const group of [positives, negatives]) shuffleInPlace([...group], random).forEach((member, at) => fold.set(member, at % settings.folds));
    const all = [...positives, ...negatives];
    const isPositive = new Set(positives);
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (let f = 0; f < settings.folds; f++) {
      const model = trainOn(set, all.filter((member) => fold.get(member) !== f), (member) => isPositive.has(member), weights);
      for (const member of all) {
        if (fold.get(member) !== f) continue;
        const suggested = probability(model, set.vectors, member) >= 0.5;
        if (suggested && isPositive.has(member)) truePositives++;
        else if (suggested) falsePositives++;
        else if (isPositive.has(member)) falseNegatives++;
      }
    }
    return {
      codeId,
      status: 'checked',
      positives: positives.length,
      negatives: negatives.length,
      precision: truePositives + falsePositives > 0 ? truePositives / (truePositives + falsePositives) : null,
      recall: truePositives / (truePositives + falseNegatives),
      f1: truePositives > 0 ? (2 * truePositives) / (2 * truePositives + falsePositives + falseNegatives) : 0,
      folds: settings.folds,
    };
  });
}
