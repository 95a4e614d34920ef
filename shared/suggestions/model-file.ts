/**
 * A trained model as a file of its own (JSON), so that a study can state exactly what suggested
 * what: the codes and each one's weights (sparse, slot by slot), how text was turned into features,
 * how the models were trained, the document frequencies learnt, the cross-validated quality when it
 * was computed, and the training set, sentence by sentence, as the SHA-256 of its text with its
 * label per code, never the text itself. Read back, the file is checked in full (zod, then the
 * sparse arrays' order and bounds) and refused with the reason when anything is off.
 *
 * The hashes are given from outside (`sha256`): the main process and the worker have Node's
 * native, audited SHA-256, and shared code stays free of both Node and a cryptographic routine
 * of its own to maintain (the same way `now` is passed in, not read from a clock here).
 */
import { utcTimeSchema } from '../model/fields';
import { z } from '../model/zod';
import type { FeatureSettings, SparseVector } from './features';
import type { TrainingExample } from './training-examples';
import type { CodeModel, CodeQuality, SuggestionModel } from './training';

export const SUGGESTION_MODEL_FORMAT = 'annotation-workbench/suggestion-model';
export const SUGGESTION_MODEL_VERSION = 1;

const SHA256 = /^[0-9a-f]{64}$/;
const count = z.number().int().nonnegative();
const finite = z.number().finite();

const sparseSchema = z.object({ slots: z.array(count), values: z.array(finite) });

const codeModelSchema = z.discriminatedUnion('status', [
  z.object({ codeId: z.string().min(1), status: z.literal('trained'), positives: count, negatives: count, intercept: finite, weights: sparseSchema }),
  z.object({ codeId: z.string().min(1), status: z.literal('too-few-examples'), positives: count, negatives: count, needed: count }),
]);

const probability = z.number().min(0).max(1);
const qualitySchema = z.discriminatedUnion('status', [
  z.object({ codeId: z.string().min(1), status: z.literal('checked'), positives: count, negatives: count, precision: probability.nullable(), recall: probability, f1: probability, folds: count }),
  z.object({ codeId: z.string().min(1), status: z.literal('too-few-examples'), positives: count, negatives: count, needed: count }),
]);

/** The check of a model file read back. */
export const suggestionModelFileSchema = z
  .object({
    format: z.literal(SUGGESTION_MODEL_FORMAT),
    schemaVersion: z.literal(SUGGESTION_MODEL_VERSION),
    /** When the model was trained, ISO 8601 UTC. */
    createdAt: utcTimeSchema,
    features: z.object({
      hash: z.literal('fnv1a-32'),
      bits: z.number().int().min(4).max(24),
      wordNgrams: z.number().int().min(1).max(2),
      characterNgrams: z.object({ min: z.number().int().min(1).max(10), max: z.number().int().min(1).max(10) }),
    }),
    training: z.object({
      linear: z.object({ regularisation: z.number().positive(), epochs: z.number().int().min(1), firstStep: z.number().positive(), seed: z.number().int() }),
      coverage: z.number().gt(0).max(1),
      minimumExamples: count,
      folds: z.number().int().min(2),
    }),
    documentFrequencies: z.object({ sentences: count, slots: z.array(count), counts: z.array(count) }),
    codes: z.array(codeModelSchema),
    quality: z.array(qualitySchema).nullable(),
    /** The training sentences: the SHA-256 of each one's text (UTF-8), and its label per code (in `codes` order): 1 positive, 0 negative, −1 neither. */
    examples: z.array(z.object({ sha256: z.string().regex(SHA256), labels: z.array(z.union([z.literal(1), z.literal(0), z.literal(-1)])) })),
  })
  .superRefine((file, context) => {
    const problem = (message: string, path: Array<string | number>) => context.addIssue({ code: 'custom', message, path });
    const slots = 2 ** file.features.bits;
    const checkSparse = (indices: readonly number[], other: readonly number[], path: Array<string | number>) => {
      if (indices.length !== other.length) problem('its slots and values differ in number', path);
      for (let i = 0; i < indices.length; i++) {
        if (indices[i]! >= slots) return problem(`slot ${indices[i]} is outside the ${slots} slots`, path);
        if (i > 0 && indices[i]! <= indices[i - 1]!) return problem('its slots are not in ascending order', path);
      }
    };
    if (file.features.characterNgrams.min > file.features.characterNgrams.max) problem('the smallest character n-gram is longer than the largest', ['features']);
    checkSparse(file.documentFrequencies.slots, file.documentFrequencies.counts, ['documentFrequencies']);
    const ids = file.codes.map((code) => code.codeId);
    if (new Set(ids).size !== ids.length) problem('a code is listed twice', ['codes']);
    file.codes.forEach((code, at) => {
      if (code.status === 'trained') checkSparse(code.weights.slots, code.weights.values, ['codes', at, 'weights']);
    });
    if (file.quality && file.quality.map((q) => q.codeId).join('\n') !== ids.join('\n')) problem('its quality figures are not of its codes', ['quality']);
    const wrong = file.examples.findIndex((example) => example.labels.length !== ids.length);
    if (wrong !== -1) problem(`has ${file.examples[wrong]!.labels.length} labels, not one per code (${ids.length})`, ['examples', wrong]);
  });

export type SuggestionModelFile = z.infer<typeof suggestionModelFileSchema>;

/** What the file is made from: the model, its training sentences, and (when computed) each code's quality. */
export interface ModelFileInput {
  model: SuggestionModel;
  examples: readonly TrainingExample[];
  quality: readonly CodeQuality[] | null;
}

/** What the file needs from outside: the time, and SHA-256 (lowercase hex of the UTF-8 bytes). */
export interface ModelFileContext {
  now: string;
  sha256: (text: string) => string;
  /** The text of a document of the training set, by id. */
  textOf: (documentId: string) => string;
}

const sparseOut = (vector: SparseVector) => ({ slots: Array.from(vector.indices), values: Array.from(vector.values) });

/** The model as a file (see the module's comment): an object that JSON.stringify writes as it is. */
export function suggestionModelFile({ model, examples, quality }: ModelFileInput, { now, sha256, textOf }: ModelFileContext): SuggestionModelFile {
  const features: FeatureSettings = model.features;
  return {
    format: SUGGESTION_MODEL_FORMAT,
    schemaVersion: SUGGESTION_MODEL_VERSION,
    createdAt: now,
    features: { hash: features.hash, bits: features.bits, wordNgrams: features.wordNgrams, characterNgrams: { ...features.characterNgrams } },
    training: { linear: { ...model.settings.linear }, coverage: model.settings.coverage, minimumExamples: model.settings.minimumExamples, folds: model.settings.folds },
    documentFrequencies: { sentences: model.frequencies.sentences, slots: Array.from(model.frequencies.indices), counts: Array.from(model.frequencies.counts) },
    codes: model.codes.map((code) =>
      code.status === 'trained'
        ? { codeId: code.codeId, status: code.status, positives: code.positives, negatives: code.negatives, intercept: code.intercept, weights: sparseOut(code.weights) }
        : { ...code },
    ),
    quality: quality ? quality.map((q) => ({ ...q })) : null,
    examples: examples.map((example) => ({
      sha256: sha256(textOf(example.documentId).slice(example.start, example.end)),
      labels: Array.from(example.labels) as Array<1 | 0 | -1>,
    })),
  };
}

/** A model file read back: the file, checked, or why it was refused. */
export type ModelFileReading = { ok: true; file: SuggestionModelFile; model: SuggestionModel } | { ok: false; reason: string };

/** Checks a parsed JSON value as a model file and makes the model from it again. */
export function readSuggestionModelFile(json: unknown): ModelFileReading {
  const parsed = suggestionModelFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : '';
    return { ok: false, reason: `it is not a valid suggestion model: ${problems.join('; ')}${more}` };
  }
  const file = parsed.data;
  const codes = file.codes.map((code): CodeModel =>
    code.status === 'trained'
      ? { ...code, weights: { indices: Int32Array.from(code.weights.slots), values: Float64Array.from(code.weights.values) } }
      : { ...code },
  );
  const model: SuggestionModel = {
    features: { ...file.features, characterNgrams: { ...file.features.characterNgrams } },
    frequencies: {
      sentences: file.documentFrequencies.sentences,
      indices: Int32Array.from(file.documentFrequencies.slots),
      counts: Int32Array.from(file.documentFrequencies.counts),
    },
    codes,
    settings: { linear: { ...file.training.linear }, coverage: file.training.coverage, minimumExamples: file.training.minimumExamples, folds: file.training.folds },
  };
  return { ok: true, file, model };
}
