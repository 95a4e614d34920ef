/**
 * Learning codes from the researcher's segments: the features (hash, folding, TF-IDF), the seeded
 * logistic regression, which sentences are examples of which code, cross-validated quality on a
 * generated corpus (a code planted by its words is learnt, a code given at random is not), too few
 * examples said plainly, and the suggestions for a document (uncoded sentences only, rejections
 * kept, ordered by confidence or by uncertainty).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, FeatureHasher, fnv1a32, foldWord, RowsBuilder, weighRows, idfTable, documentFrequencies } from '../../shared/suggestions/features';
import { seededRandom, trainLogistic, probability } from '../../shared/suggestions/linear-model';
import { suggestionModelFile } from '../../shared/suggestions/model-file';
import { Suggester, uncodedSentences } from '../../shared/suggestions/suggestions';
import { trainingExamples, type CodedSpan, type TrainingInput } from '../../shared/suggestions/training-examples';
import { crossValidate, DEFAULT_TRAINING, trainingSet, trainModel, type CodeQuality } from '../../shared/suggestions/training';
import { generateCodedCorpus, PLANTED_CODE, RANDOM_CODE } from '../support/suggestion-corpus';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The term counts of one sentence: slot → count. */
function countsOf(text: string): Map<number, number> {
  const hasher = new FeatureHasher(DEFAULT_FEATURES);
  const rows = new RowsBuilder();
  hasher.addTermCounts(rows, text, hasher.wordsOf(text, 'en'), [{ start: 0, end: text.length }]);
  const { indices, values } = rows.finish();
  return new Map(Array.from(indices, (slot, i) => [slot, values[i]!]));
}

describe('the features of a sentence', () => {
  it('hash with 32-bit FNV-1a (the published test values)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('fold words to NFC and lower case, so that case and composition do not matter', () => {
    expect(foldWord('CAFE\u0301')).toBe('café');
    expect(countsOf('Café ÜBER alles')).toEqual(countsOf('cafe\u0301 über ALLES'));
  });

  it('are the words, the pairs and the character 3- to 5-grams of each word, in 2^18 slots', () => {
    // "ab": the word, and the 3- and 4-grams of " ab " (" ab", "ab ", " ab "): 4 slots, no pair.
    expect([...countsOf('ab').values()].reduce((a, b) => a + b, 0)).toBe(4);
    // "ab cd": 4 + 4 and one pair.
    expect([...countsOf('ab cd').values()].reduce((a, b) => a + b, 0)).toBe(9);
    for (const slot of countsOf('an emoji 👩\u200D👩\u200D👧 and שלום').keys()) expect(slot).toBeLessThan(2 ** 18);
    // Inflections share most of their character n-grams.
    const one = countsOf('refugee');
    const shared = [...countsOf('refugees').keys()].filter((slot) => one.has(slot)).length;
    expect(shared).toBeGreaterThanOrEqual(8);
  });

  it('weigh as TF-IDF with sublinear tf, each sentence of length 1', () => {
    const text = 'the the the cat. the dog sat. a bird.';
    const hasher = new FeatureHasher(DEFAULT_FEATURES);
    const rows = new RowsBuilder();
    hasher.addTermCounts(rows, text, hasher.wordsOf(text, 'en'), [{ start: 0, end: 16 }, { start: 17, end: 29 }, { start: 30, end: 37 }]);
    const vectors = rows.finish();
    const frequencies = documentFrequencies(vectors, hasher.dimensions);
    expect(frequencies.sentences).toBe(3);
    // The word "the" (its slot is the first a sentence of it gives) is in two of the three sentences.
    const theWord = [...countsOf('the').keys()][0]!;
    expect(frequencies.counts[Array.from(frequencies.indices).indexOf(theWord)]).toBe(2);
    expect(countsOf('the the the cat.').get(theWord)).toBe(3);
    weighRows(vectors, idfTable(frequencies, hasher.dimensions));
    for (let row = 0; row < vectors.count; row++) {
      let squares = 0;
      for (let i = vectors.offsets[row]!; i < vectors.offsets[row + 1]!; i++) squares += vectors.values[i]! ** 2;
      expect(squares).toBeCloseTo(1, 5);
    }
  });
});

describe('the logistic regression', () => {
  /** Two kinds of rows: slot 0 or 1 marks the class, slots 2–9 are noise. */
  function toyExamples(seed: number) {
    const random = seededRandom(seed);
    const rows = new RowsBuilder();
    const labels = new Uint8Array(400);
    for (let i = 0; i < 400; i++) {
      labels[i] = random() < 0.1 ? 1 : 0;
      const noise = 2 + Math.floor(random() * 8);
      rows.add([labels[i] ? 0 : 1, noise], [0.8, 0.6], 2);
    }
    return { vectors: rows.finish(), members: Int32Array.from({ length: 400 }, (_, i) => i), labels };
  }

  it('separates two classes, the few positives counting as much as the many negatives', () => {
    const examples = toyExamples(3);
    const model = trainLogistic(examples, 10, { regularisation: 1e-3, epochs: 5, firstStep: 0.5, seed: 1 });
    for (let i = 0; i < 400; i++) expect(probability(model, examples.vectors, i) >= 0.5).toBe(examples.labels[i] === 1);
  });

  it('gives the same weights, bit for bit, for the same seed, and others for another', () => {
    const examples = toyExamples(4);
    const settings = { regularisation: 1e-3, epochs: 3, firstStep: 0.5, seed: 9 };
    const a = trainLogistic(examples, 10, settings);
    const b = trainLogistic(examples, 10, settings);
    expect(Array.from(b.weights)).toEqual(Array.from(a.weights));
    expect(b.intercept).toBe(a.intercept);
    expect(Array.from(trainLogistic(examples, 10, { ...settings, seed: 10 }).weights)).not.toEqual(Array.from(a.weights));
  });
});

const doc = (id: string, text: string) => ({ id, text, locale: 'en' });
const span = (documentId: string, codeId: string, start: number, end: number): CodedSpan => ({ documentId, codeId, start, end });

describe('the examples of each code', () => {
  const text = 'Sign the petition now. The weather was mild. Half of this one is coded. Nothing here.';
  //            0                     22                    45                        71
  const at = (sentence: string) => [text.indexOf(sentence), text.indexOf(sentence) + sentence.length] as const;
  const input = (segments: CodedSpan[], rejected: CodedSpan[] = []): TrainingInput => ({ documents: [doc('d', text), doc('uncoded', 'Never read. Not at all.')], segments, rejected, codeIds: ['a', 'b'] });
  const labels = (result: ReturnType<typeof trainingExamples>) => result.map((e) => [text.slice(e.start, e.end), Array.from(e.labels)]);

  it('a sentence half covered by a code is a positive; untouched sentences of a coded document are negatives of every code', () => {
    const [s1, e1] = at('Sign the petition now.');
    const [s3] = at('Half of this one is coded.');
    const examples = trainingExamples(input([span('d', 'a', s1, e1), span('d', 'a', s3, s3 + 13)]), 0.5);
    expect(labels(examples)).toEqual([
      ['Sign the petition now.', [1, -1]],
      ['The weather was mild.', [0, 0]],
      ['Half of this one is coded.', [1, -1]],
      ['Nothing here.', [0, 0]],
    ]);
  });

  it('a sentence touched by less than half, or by another code only, is no example of the code; a document without segments gives none', () => {
    const [s1] = at('Sign the petition now.');
    const [s2, e2] = at('The weather was mild.');
    const examples = trainingExamples(input([span('d', 'a', s1, s1 + 4), span('d', 'b', s2, e2)]), 0.5);
    expect(labels(examples)).toEqual([
      ['The weather was mild.', [-1, 1]],
      ['Half of this one is coded.', [0, 0]],
      ['Nothing here.', [0, 0]],
    ]);
    expect(examples.every((e) => e.documentId === 'd')).toBe(true);
  });

  it('a rejected suggestion is a negative of its code, unless a segment of the code covers the sentence', () => {
    const [s1, e1] = at('Sign the petition now.');
    const [s2, e2] = at('The weather was mild.');
    const examples = trainingExamples(input([span('d', 'a', s1, e1), span('d', 'b', s2, e2)], [span('d', 'a', s2, e2), span('d', 'a', s1, e1)]), 0.5);
    expect(labels(examples).slice(0, 2)).toEqual([
      ['Sign the petition now.', [1, -1]],
      ['The weather was mild.', [0, 1]],
    ]);
  });
});

/** The figures of one code. */
const qualityOf = (quality: CodeQuality[], codeId: string) => quality.find((q) => q.codeId === codeId)!;

describe('cross-validated quality on a generated corpus', () => {
  const corpus = generateCodedCorpus(2026, { documents: 40, sentencesPerDocument: 25 });
  const input: TrainingInput = { documents: corpus.documents, segments: corpus.segments, rejected: [], codeIds: [PLANTED_CODE, RANDOM_CODE, 'never-used'] };
  const set = trainingSet(input);
  const quality = crossValidate(set);

  it('learns the code planted by a keyword pattern (F1 ≥ 0.9 in 5-fold cross-validation)', () => {
    const planted = qualityOf(quality, PLANTED_CODE);
    expect(planted).toMatchObject({ status: 'checked', folds: 5, positives: expect.any(Number) });
    if (planted.status !== 'checked') throw new Error('not checked');
    expect(planted.positives).toBeGreaterThan(80);
    expect(planted.f1).toBeGreaterThanOrEqual(0.9);
    expect(planted.precision).toBeGreaterThanOrEqual(0.9);
    expect(planted.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('does not learn a code given at random (F1 well below)', () => {
    const noise = qualityOf(quality, RANDOM_CODE);
    if (noise.status !== 'checked') throw new Error('not checked');
    expect(noise.positives).toBeGreaterThan(80);
    expect(noise.f1).toBeLessThan(0.4);
  });

  it('says a code has too few examples, with its counts, and makes no model of it', () => {
    expect(qualityOf(quality, 'never-used')).toEqual({ codeId: 'never-used', status: 'too-few-examples', positives: 0, negatives: expect.any(Number), needed: 10 });
    const few = corpus.segments.filter((s) => s.codeId === PLANTED_CODE).slice(0, 9);
    const small = trainModel(trainingSet({ ...input, segments: few, codeIds: [PLANTED_CODE] }));
    expect(small.codes).toEqual([{ codeId: PLANTED_CODE, status: 'too-few-examples', positives: 9, negatives: expect.any(Number), needed: 10 }]);
    expect(new Suggester(small).trainedCodes).toEqual([]);
  });

  it('gives the same model and figures for the same seed, and other weights for another seed', () => {
    const file = (seed: number) => {
      const settings = { ...DEFAULT_TRAINING, linear: { ...DEFAULT_TRAINING.linear, seed } };
      const again = trainingSet(input, settings);
      const texts = new Map(corpus.documents.map((d) => [d.id, d.text]));
      return JSON.stringify(suggestionModelFile({ model: trainModel(again), examples: again.examples, quality: crossValidate(again) }, { now: '2026-12-01T00:00:00.000Z', sha256, textOf: (id) => texts.get(id)! }));
    };
    expect(file(7)).toBe(file(7));
    expect(file(8)).not.toBe(file(7));
  });
});

describe('suggestions for a document', () => {
  const corpus = generateCodedCorpus(99, { documents: 30, sentencesPerDocument: 25 });
  const model = trainModel(trainingSet({ documents: corpus.documents, segments: corpus.segments, rejected: [], codeIds: [PLANTED_CODE, RANDOM_CODE] }));
  const suggester = new Suggester(model);
  const text = 'Please sign the petition today. The council met in the city. Join us on Saturday, all of you. It rained.';
  const document = doc('new', text);
  const quote = (s: { start: number; end: number }) => text.slice(s.start, s.end);

  it('are the uncoded sentences a code finds likely, most likely first', () => {
    const suggestions = suggester.suggest(document, [], [], { thresholds: { [RANDOM_CODE]: 1.1 } });
    expect(suggestions.map((s) => [s.codeId, quote(s)])).toEqual([
      [PLANTED_CODE, expect.any(String)],
      [PLANTED_CODE, expect.any(String)],
    ]);
    expect(suggestions.map(quote).sort()).toEqual(['Join us on Saturday, all of you.', 'Please sign the petition today.']);
    expect(suggestions[0]!.probability).toBeGreaterThanOrEqual(suggestions[1]!.probability);
    expect(suggestions.every((s) => s.probability >= 0.5 && s.documentId === 'new')).toBe(true);
  });

  it('leave out sentences a segment touches, and a code rejected for a sentence', () => {
    const first = text.indexOf('Please');
    const join = text.indexOf('Join us');
    const coded = [span('new', RANDOM_CODE, first + 7, first + 9)];
    const rejected = [span('new', PLANTED_CODE, join, join + 'Join us on Saturday, all of you.'.length)];
    expect(suggester.suggest(document, coded, rejected, { thresholds: { [RANDOM_CODE]: 1.1 } })).toEqual([]);
    expect(uncodedSentences([{ start: 0, end: 5 }, { start: 6, end: 9 }, { start: 10, end: 12 }], [span('x', 'a', 4, 7)])).toEqual([{ start: 10, end: 12 }]);
  });

  it('by uncertainty: the probabilities closest to 0.5 first; a limit keeps the first ones', () => {
    const all = suggester.suggest(document, [], [], { threshold: 0, order: 'uncertainty' });
    expect(all.length).toBe(8);
    const distances = all.map((s) => Math.abs(s.probability - 0.5));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(suggester.suggest(document, [], [], { threshold: 0, order: 'uncertainty', limit: 3 })).toEqual(all.slice(0, 3));
  });
});
