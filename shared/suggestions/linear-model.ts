/**
 * A binary logistic regression with an L2 penalty, trained on sparse vectors by stochastic
 * gradient descent: what one code's model is (one-vs-rest: a model per code, its own passages
 * against the uncoded ones). Small enough to read, and deterministic: the same examples, settings
 * and seed give the same weights, bit for bit.
 *
 * The objective, over n examples (x_i, y_i ∈ {−1, +1}) with class weights c_i:
 *
 *     (1/n) Σ c_i · ln(1 + exp(−y_i (w·x_i + b)))  +  (λ/2) ‖w‖²
 *
 * - Steps: Bottou's schedule η_t = 1 / (λ (t + t₀)), t₀ chosen so that the first step is `firstStep`;
 *   each epoch visits the examples in an order shuffled by a seeded generator (Mulberry32, the
 *   generator of shared/stats/seeded-random.ts, here again since this room may not import stats).
 * - The penalty shrinks every weight at every step; w is kept as a scale times a vector, so that
 *   shrinking costs one multiplication and a step touches only the example's slots (Bottou, "Stochastic
 *   gradient tricks", 2012). The intercept b is not penalised.
 * - Class weights ("balanced"): c = n / (2 · n_class), so that the few positives count as much as
 *   the many negatives in all; probabilities are then those of a balanced prior (a passage scores
 *   0.5 where it is as much like the code's passages as like the uncoded ones).
 * - Probability: the logistic sigmoid of w·x + b.
 */
import type { SparseRows } from './features';

/** How a model is trained. */
export interface LinearSettings {
  /** λ, the L2 penalty's strength. */
  regularisation: number;
  /** Passes over the examples. */
  epochs: number;
  /** The first step's size (later ones shrink as 1/t). */
  firstStep: number;
  /** Seeds the order of the examples. */
  seed: number;
}

export const DEFAULT_LINEAR: LinearSettings = { regularisation: 1e-4, epochs: 4, firstStep: 0.5, seed: 1 };

/** One code's model: dense weights over the feature slots, and the intercept. */
export interface LinearModel {
  weights: Float64Array;
  intercept: number;
}

/** The training examples of one model: vectors (shared between models), which of them, and their labels. */
export interface BinaryExamples {
  vectors: SparseRows;
  /** Rows of `vectors`. */
  members: Int32Array;
  /** 1 for a positive example, 0 for a negative, per member. */
  labels: Uint8Array;
}

/** Mulberry32: numbers in [0, 1) fully determined by `seed` (see shared/stats/seeded-random.ts). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `items` in place (Fisher–Yates) with `random`. */
export function shuffleInPlace<T extends { length: number; [index: number]: unknown }>(items: T, random: () => number): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = items[i];
    items[i] = items[j];
    items[j] = swap;
  }
  return items;
}

/** Below this the weights' scale is folded into them, before it underflows. */
const SMALLEST_SCALE = 1e-9;

/**
 * Trains one model on `examples` (see the module's comment). `weights`, when given, is filled and
 * used as the model's weights (a buffer kept between trainings of the same size); it must hold
 * `dimensions` numbers.
 */
export function trainLogistic(examples: BinaryExamples, dimensions: number, settings: LinearSettings = DEFAULT_LINEAR, weights?: Float64Array): LinearModel {
  const { members, labels } = examples;
  const { offsets, indices, values } = examples.vectors;
  const n = members.length;
  const v = weights ?? new Float64Array(dimensions);
  v.fill(0);
  if (n === 0) return { weights: v, intercept: 0 };
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i]!;
  const negatives = n - positives;
  const positiveWeight = positives ? n / (2 * positives) : 0;
  const negativeWeight = negatives ? n / (2 * negatives) : 0;

  const lambda = settings.regularisation;
  const t0 = 1 / (lambda * settings.firstStep);
  const random = seededRandom(settings.seed);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let scale = 1;
  let intercept = 0;
  let t = 0;
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (let k = 0; k < n; k++) {
      const member = order[k]!;
      const row = members[member]!;
      const from = offsets[row]!;
      const to = offsets[row + 1]!;
      const positive = labels[member] === 1;
      const y = positive ? 1 : -1;
      const classWeight = positive ? positiveWeight : negativeWeight;
      const eta = 1 / (lambda * (t + t0));
      t++;
      let dot = 0;
      for (let i = from; i < to; i++) dot += v[indices[i]!]! * values[i]!;
      const margin = y * (scale * dot + intercept);
      // −∂loss/∂z · y: how strongly this example pulls its side (σ(−margin), computed stably).
      const pull = margin > 0 ? Math.exp(-margin) / (1 + Math.exp(-margin)) : 1 / (1 + Math.exp(margin));
      scale *= 1 - eta * lambda;
      if (scale < SMALLEST_SCALE) {
        for (let j = 0; j < dimensions; j++) v[j]! *= scale;
        scale = 1;
      }
      const change = eta * classWeight * pull * y;
      if (change !== 0) {
        const inVector = change / scale;
        for (let i = from; i < to; i++) v[indices[i]!]! += inVector * values[i]!;
        intercept += change;
      }
    }
  }
  if (scale !== 1) for (let j = 0; j < dimensions; j++) v[j]! *= scale;
  return { weights: v, intercept };
}

/** w·x + b of one row of `rows` (the model's score before the sigmoid). */
export function score(model: Pick<LinearModel, 'weights' | 'intercept'>, rows: SparseRows, row: number): number {
  let dot = model.intercept;
  for (let i = rows.offsets[row]!; i < rows.offsets[row + 1]!; i++) dot += model.weights[rows.indices[i]!]! * rows.values[i]!;
  return dot;
}

/** The logistic sigmoid: a score as a probability. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** The probability the model gives one row's being an example of its code. */
export function probability(model: Pick<LinearModel, 'weights' | 'intercept'>, rows: SparseRows, row: number): number {
  return sigmoid(score(model, rows, row));
}
