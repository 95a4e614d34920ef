/**
 * The sentences suggestions are made on: exact offsets into the text on the hard fixtures (emoji
 * joined by zero-width joiners and with skin tones, combining marks, CRLF, right-to-left text), no
 * sentence edge inside a surrogate pair or a character, white space left out, and the same
 * sentences as `Intl.Segmenter` reading the whole text at once, however the text is cut up.
 */
import { describe, expect, it } from 'vitest';
import { documentLocale, sentenceLocale, sentencesOf, type Sentence } from '../../shared/suggestions/sentences';
import { mulberry32 } from '../../shared/stats/seeded-random';
import { FIXTURE_TEXTS, MIXED_SCRIPTS } from '../support/fixtures';

const quotes = (text: string, sentences: Sentence[]) => sentences.map(({ start, end }) => text.slice(start, end));

/** The sentences of the segmenter reading the whole text in one call, trimmed as plain strings. */
function wholeTextSentences(text: string, locale = 'en'): string[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  return [...segmenter.segment(text)].map((piece) => piece.segment.replace(/^[\p{White_Space}\uFEFF]+|[\p{White_Space}\uFEFF]+$/gu, '')).filter(Boolean);
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const BLANK = /^[\p{White_Space}\uFEFF]+$/u;

/** Every offset between two characters (grapheme clusters) of the text. */
function characterEdges(text: string): Set<number> {
  const edges = new Set([text.length]);
  for (const { index } of graphemes.segment(text)) edges.add(index);
  return edges;
}

/** What holds for the sentences of any text: exact, in order, trimmed, on character edges, covering every non-blank character. */
function expectWellFormed(text: string, sentences: Sentence[]): void {
  const edges = characterEdges(text);
  let previousEnd = 0;
  for (const { start, end } of sentences) {
    const quote = text.slice(start, end);
    expect(start, quote).toBeGreaterThanOrEqual(previousEnd);
    expect(end, quote).toBeGreaterThan(start);
    // Trimmed: no character (grapheme cluster) of only white space at either end.
    const characters = [...graphemes.segment(quote)].map((piece) => piece.segment);
    expect(BLANK.test(characters[0]!) || BLANK.test(characters.at(-1)!), `${JSON.stringify(quote)} trimmed`).toBe(false);
    expect(edges.has(start) && edges.has(end), `${JSON.stringify(quote)} on character edges`).toBe(true);
    // No half of a surrogate pair at either edge, and no CR parted from its LF.
    expect(text.charCodeAt(start) >= 0xdc00 && text.charCodeAt(start) <= 0xdfff).toBe(false);
    expect(text.charCodeAt(end - 1) >= 0xd800 && text.charCodeAt(end - 1) <= 0xdbff).toBe(false);
    expect(text[start - 1] === '\r' && text[start] === '\n').toBe(false);
    expect(text.slice(previousEnd, start).trim().replace(/\uFEFF/g, ''), 'nothing but white space between sentences').toBe('');
    previousEnd = end;
  }
  expect(text.slice(previousEnd).trim()).toBe('');
}

describe('the sentences of a text', () => {
  it('are exact slices of the hard fixtures, on character edges, with nothing lost', () => {
    for (const [name, text] of Object.entries({ ...FIXTURE_TEXTS, 'mixed-scripts.txt': MIXED_SCRIPTS })) {
      const sentences = sentencesOf(text, 'en');
      expect(sentences.length, name).toBeGreaterThan(0);
      expectWellFormed(text, sentences);
      expect(quotes(text, sentences), name).toEqual(wholeTextSentences(text));
    }
  });

  it('keep emoji joined by zero-width joiners, skin tones and flags whole', () => {
    const text = 'The team 👩🏽\u200D💻👨🏿\u200D🔬 met. A family 👩\u200D👩\u200D👧 left 🇦🇲! Thumbs 👍🏽.';
    const sentences = sentencesOf(text, 'en');
    expect(quotes(text, sentences)).toEqual(['The team 👩🏽\u200D💻👨🏿\u200D🔬 met.', 'A family 👩\u200D👩\u200D👧 left 🇦🇲!', 'Thumbs 👍🏽.']);
    expectWellFormed(text, sentences);
  });

  it('keep combining marks with their letters, also after a space at a sentence start', () => {
    const text = 'Cafe\u0301 au lait. \u0301Odd mark first. Re\u0301sume\u0301 done.';
    const sentences = sentencesOf(text, 'en');
    expectWellFormed(text, sentences);
    // A mark after a space makes one character with it: the sentence keeps both rather than cut it.
    expect(quotes(text, sentences)).toEqual(['Cafe\u0301 au lait. \u0301', 'Odd mark first.', 'Re\u0301sume\u0301 done.']);
    const afterBreak = 'Line one.\n \u0301Odd start.';
    expect(quotes(afterBreak, sentencesOf(afterBreak, 'en'))).toEqual(['Line one.', ' \u0301Odd start.']);
    expectWellFormed(afterBreak, sentencesOf(afterBreak, 'en'));
  });

  it('end at each CRLF line end without parting CR from LF', () => {
    const text = 'First line\r\nSecond line, no stop\r\n\r\nThird. Fourth?\r\n';
    const sentences = sentencesOf(text, 'en');
    expect(quotes(text, sentences)).toEqual(['First line', 'Second line, no stop', 'Third.', 'Fourth?']);
    expect(sentences[0]).toEqual({ start: 0, end: 10 });
    expectWellFormed(text, sentences);
  });

  it('find right-to-left sentences in Arabic and Hebrew', () => {
    const arabic = 'قال الشاهد إن الحرب بدأت فجأة. هل رأيت ذلك؟ نعم.';
    expect(quotes(arabic, sentencesOf(arabic, 'ar'))).toEqual(['قال الشاهد إن الحرب بدأت فجأة.', 'هل رأيت ذلك؟', 'نعم.']);
    const hebrew = 'העד אמר שהמלחמה החלה בבוקר. האם ראית? כן.';
    expect(quotes(hebrew, sentencesOf(hebrew, 'he'))).toEqual(['העד אמר שהמלחמה החלה בבוקר.', 'האם ראית?', 'כן.']);
    expectWellFormed(arabic, sentencesOf(arabic, 'ar'));
  });

  it('do not end at an abbreviation followed by a lower-case word, but do before a capital (the segmenter has no list of titles)', () => {
    const text = 'We met e.g. at 3 p.m. in the U.S.A. today. Then Dr. Jones came.';
    expect(quotes(text, sentencesOf(text, 'en'))).toEqual(['We met e.g. at 3 p.m. in the U.S.A. today.', 'Then Dr.', 'Jones came.']);
  });

  it('are none in an empty text or one of only white space', () => {
    expect(sentencesOf('', 'en')).toEqual([]);
    expect(sentencesOf('   \t  ', 'en')).toEqual([]);
    expect(sentencesOf(' \r\n\u00A0\n\u2029 \uFEFF', 'en')).toEqual([]);
  });

  it('include a last sentence without a full stop, without the white space around it', () => {
    const text = '  One. And a last one without a stop  \n';
    expect(sentencesOf(text, 'en')).toEqual([
      { start: 2, end: 6 },
      { start: 7, end: 36 },
    ]);
  });

  it('are the same when a long line is read in windows as when it is read whole', () => {
    const random = mulberry32(7);
    const words = ['the', 'Police', 'said', 'e.g.', 'U.S.A.', '3.5', 'café', 'cafe\u0301', '👩\u200D👩\u200D👧', 'שלום', '(quoted)', '"so"', 'no,', '—', '12'];
    const ends = ['. ', '? ', '! ', '.) ', '." ', ' ', ' ', ' ', ' ', ' ', ' ', ', '];
    for (let run = 0; run < 8; run++) {
      let line = '';
      while (line.length < 2_000) line += words[Math.floor(random() * words.length)] + ends[Math.floor(random() * ends.length)];
      for (const window of [50, 200, 1_000]) {
        const sentences = sentencesOf(line, 'en', { window });
        expect(quotes(line, sentences), `run ${run}, window ${window}`).toEqual(wholeTextSentences(line));
        expectWellFormed(line, sentences);
      }
    }
  });

  it('are the same when many short lines are read in runs as when the text is read whole', () => {
    const lines = Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? '' : `Line ${i} says something. And more ${i}`));
    for (const lineEnd of ['\n', '\r\n', '\u2029']) {
      const text = lines.join(lineEnd);
      expect(quotes(text, sentencesOf(text, 'en', { window: 100 }))).toEqual(wholeTextSentences(text));
    }
  });
});

describe('the language sentences are found in', () => {
  it('is the document language variable when it holds a language tag, else the fallback', () => {
    expect(documentLocale({ language: 'de' })).toBe('de');
    expect(documentLocale({ Sprache: 'pt_BR' })).toBe('pt-BR');
    expect(documentLocale({ language: 'Arabic' }, 'fr')).toBe('fr');
    expect(documentLocale({}, 'fr')).toBe('fr');
    expect(sentenceLocale('not a tag!')).toBe('en');
    expect(sentenceLocale(' he ')).toBe('he');
    expect(sentenceLocale(null, 'de')).toBe('de');
  });
});
