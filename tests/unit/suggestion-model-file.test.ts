/**
 * The model as a JSON file: written and read back, it suggests exactly as the model it was made
 * from; the training set is there as SHA-256 hashes with labels, never as text; and a damaged
 * file (another version, a cut-off or disordered weight list, a slot out of range, a bad hash,
 * labels that are not one per code, not JSON at all) is refused with the reason.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readSuggestionModelFile, suggestionModelFile, type SuggestionModelFile } from '../../shared/suggestions/model-file';
import { Suggester } from '../../shared/suggestions/suggestions';
import { crossValidate, trainingSet, trainModel } from '../../shared/suggestions/training';
import { generateCodedCorpus, PLANTED_CODE, RANDOM_CODE } from '../support/suggestion-corpus';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const corpus = generateCodedCorpus(5, { documents: 25, sentencesPerDocument: 25 });
const texts = new Map(corpus.documents.map((d) => [d.id, d.text]));
const set = trainingSet({ documents: corpus.documents, segments: corpus.segments, rejected: [], codeIds: [PLANTED_CODE, RANDOM_CODE, 'rare'] });
const model = trainModel(set);
const quality = crossValidate(set);
const file = suggestionModelFile({ model, examples: set.examples, quality }, { now: '2026-12-01T08:00:00.000Z', sha256, textOf: (id) => texts.get(id)! });
const written = JSON.stringify(file);

/** The written file, changed by `change`, read back. */
function damaged(change: (file: SuggestionModelFile) => void) {
  const copy = JSON.parse(written) as SuggestionModelFile;
  change(copy);
  return readSuggestionModelFile(copy);
}

describe('the model file', () => {
  it('reads back to a model that suggests exactly as the one it was written from', () => {
    const reading = readSuggestionModelFile(JSON.parse(written));
    if (!reading.ok) throw new Error(reading.reason);
    expect(JSON.stringify(reading.file)).toBe(written);
    expect(reading.model.codes.map((c) => c.status)).toEqual(['trained', 'trained', 'too-few-examples']);
    const document = { id: 'new', text: corpus.documents[3]!.text.replace(/\./g, '. Please sign the petition.'), locale: 'en' };
    const options = { threshold: 0 };
    expect(new Suggester(reading.model).suggest(document, [], [], options)).toEqual(new Suggester(model).suggest(document, [], [], options));
  });

  it('holds the codes, the feature settings, sparse weights, the quality and the training set as hashes with labels', () => {
    expect(file).toMatchObject({
      format: 'annotation-workbench/suggestion-model',
      schemaVersion: 1,
      createdAt: '2026-12-01T08:00:00.000Z',
      features: { hash: 'fnv1a-32', bits: 18, wordNgrams: 2, characterNgrams: { min: 3, max: 5 } },
      training: { coverage: 0.5, minimumExamples: 10, folds: 5 },
    });
    expect(file.codes.map((c) => c.codeId)).toEqual([PLANTED_CODE, RANDOM_CODE, 'rare']);
    expect(file.quality!.map((q) => q.status)).toEqual(['checked', 'checked', 'too-few-examples']);
    const first = set.examples[0]!;
    expect(file.examples[0]).toEqual({ sha256: sha256(texts.get(first.documentId)!.slice(first.start, first.end)), labels: Array.from(first.labels) });
    // No words of the texts, only slots and hashes.
    expect(written).not.toMatch(/petition|council/);
  });

  it('is refused when damaged, with the reason', () => {
    const refusals: Array<[string, (file: SuggestionModelFile) => void, RegExp]> = [
      ['another version', (f) => ((f as { schemaVersion: number }).schemaVersion = 2), /schemaVersion/],
      ['weights cut off', (f) => (f.codes[0] as { weights: { values: number[] } }).weights.values.pop(), /codes\.0\.weights: its slots and values differ/],
      ['weights out of order', (f) => (f.codes[1] as { weights: { slots: number[] } }).weights.slots.reverse(), /not in ascending order/],
      ['a slot out of range', (f) => f.documentFrequencies.slots.push(2 ** 18), /outside the 262144 slots/],
      ['a weight that is not a number', (f) => ((f.codes[0] as { intercept: unknown }).intercept = 'NaN'), /intercept/],
      ['a bad hash', (f) => (f.examples[0]!.sha256 = 'xyz'), /examples\.0\.sha256/],
      ['labels not one per code', (f) => f.examples[1]!.labels.pop(), /examples\.1: has 2 labels, not one per code \(3\)/],
      ['a code twice', (f) => (f.codes[1]!.codeId = PLANTED_CODE), /a code is listed twice/],
      ['another format', (f) => ((f as { format: string }).format = 'something/else'), /format/],
    ];
    for (const [what, change, reason] of refusals) {
      const reading = damaged(change);
      expect(reading.ok, what).toBe(false);
      if (!reading.ok) expect(reading.reason, what).toMatch(reason);
    }
    for (const notAModel of [null, 42, 'text', [], {}]) expect(readSuggestionModelFile(notAModel).ok).toBe(false);
  });
});
