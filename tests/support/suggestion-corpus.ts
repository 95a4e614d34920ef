/**
 * A generated, coded corpus for the suggestions' tests and bench, drawn from a seeded PRNG: plain
 * sentences of everyday words, a share of which carry one of a few calls to action ("sign the
 * petition", "join us on Saturday"…) and are coded `call-to-action` (the planted code, which the
 * words give away), and another share chosen at random, whatever they say, coded `noise` (a code
 * no model can learn). Segments cover their sentence, now and then a little short of it
 * (or starting in the space before it), as a researcher's selection does.
 */
import type { CodedSpan, TrainingDocument } from '../../shared/suggestions/training-examples';
import { mulberry32 } from '../../shared/stats/seeded-random';

export const PLANTED_CODE = 'call-to-action';
export const RANDOM_CODE = 'noise';

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which ' +
  'but have an they you were her she there been one all we their has would when if so no will ' +
  'more can about what up out them some into than its only other new could time these two may ' +
  'first then do any like my now over such our man me even most made after also did many before ' +
  'years where much your way well down should because each just those people how too little state ' +
  'good very make world still own see men work long get here between both life being under never ' +
  'day same another know while last might great old year off come since against go came right used ' +
  'take three government council report minister election economy workers union border village city ' +
  'committee statement evidence policy budget region agreement majority court police rights history'
).split(' ');

const CALLS = [
  'sign the petition',
  'join us on Saturday',
  'call your representative today',
  'donate whatever you can',
  'share this with your friends',
  'march with us',
  'write to the mayor',
];

export interface GeneratedCorpus {
  documents: TrainingDocument[];
  segments: CodedSpan[];
  /** How many sentences carry a call to action, and how many were coded at random. */
  planted: number;
  random: number;
}

export interface CorpusSize {
  documents: number;
  sentencesPerDocument: number;
  /** Share of sentences with a call to action (coded `call-to-action`). */
  plantedShare?: number;
  /** Share of sentences coded `noise`, at random. */
  randomShare?: number;
}

/** A coded corpus of the given size, the same for the same seed. */
export function generateCodedCorpus(seed: number, size: CorpusSize): GeneratedCorpus {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const plantedShare = size.plantedShare ?? 0.12;
  const randomShare = size.randomShare ?? 0.12;
  const documents: TrainingDocument[] = [];
  const segments: CodedSpan[] = [];
  let planted = 0;
  let coin = 0;
  for (let d = 0; d < size.documents; d++) {
    const id = `doc-${d}`;
    let text = '';
    for (let s = 0; s < size.sentencesPerDocument; s++) {
      const words = Array.from({ length: 6 + Math.floor(random() * 12) }, () => pick(WORDS));
      const call = random() < plantedShare;
      if (call) words.splice(Math.floor(random() * words.length), 0, ...pick(CALLS).split(' '));
      let sentence = words.join(' ');
      sentence = sentence[0]!.toUpperCase() + sentence.slice(1) + (random() < 0.1 ? '!' : '.');
      if (text) text += s % 6 === 0 ? '\n\n' : ' ';
      const start = text.length;
      text += sentence;
      const end = text.length;
      // A selection a little short of the sentence or past it, now and then.
      const jitter = () => (random() < 0.2 ? Math.floor(random() * 4) - 2 : 0);
      const span = (codeId: string) => ({ documentId: id, codeId, start: Math.max(0, start + jitter()), end: Math.min(end, end + jitter()) });
      if (call) {
        segments.push(span(PLANTED_CODE));
        planted++;
      }
      if (random() < randomShare) {
        segments.push(span(RANDOM_CODE));
        coin++;
      }
    }
    documents.push({ id, text, locale: 'en' });
  }
  return { documents, segments: segments.filter((segment) => segment.end > segment.start), planted, random: coin };
}
