import { describe, expect, it } from 'vitest';
import { wordIndexer } from '../../shared/text/word-index';
import { mulberry32 } from '../../shared/stats/seeded-random';

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
const bySegmenter = (text: string) => [...segmenter.segment(text)].filter((piece) => piece.isWordLike).map((piece) => [piece.index, piece.index + piece.segment.length]);
const byIndex = (text: string) => {
  const words = wordIndexer('en')(text);
  return Array.from({ length: words.count }, (_, i) => [words.starts[i], words.ends[i]]);
};

describe('the words of a text', () => {
  it('are the word-like pieces of Intl.Segmenter, on the hard cases', () => {
    for (const text of [
      'Don’t stop: it’s 3.14 or 1,000.50 — e.g. U.S.A. ok?',
      'Straße, naïve café; Łódź Ελλάδα Москва 10th',
      'emoji 🙂 between\r\nCRLF lines\rand a lone CR',
      'a\u0301 combining, 東京都に住む, שלום "x"',
      '',
      '\n\n',
    ]) {
      expect(byIndex(text), text).toEqual(bySegmenter(text));
    }
  });

  it('agree with Intl.Segmenter on random strings of the characters the quick path reads', () => {
    const alphabet = [...'abZéßŁλЖ019 .,;:!?()"\'’‘“”—–-/&%*[]\t\nªǅ'];
    const random = mulberry32(15);
    for (let run = 0; run < 3000; run++) {
      let text = '';
      for (let i = 1 + Math.floor(random() * 16); i > 0; i--) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(byIndex(text), JSON.stringify(text)).toEqual(bySegmenter(text));
    }
  });

  it('agree with Intl.Segmenter on every character of the Latin, Greek and Cyrillic scripts, symbols and marks too', () => {
    // Those scripts hold symbols (Greek tonos U+0384, Cyrillic thousands sign U+0482) and combining marks (titlo U+0483) that are no letters.
    const script = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
    const differing: string[] = [];
    for (let point = 0; point < 0x20000; point++) {
      const character = String.fromCodePoint(point);
      if (!script.test(character)) continue;
      for (const text of [`ab${character}cd`, `x ${character} y`]) if (JSON.stringify(byIndex(text)) !== JSON.stringify(bySegmenter(text))) differing.push(point.toString(16));
    }
    expect(differing).toEqual([]);
  });
});
