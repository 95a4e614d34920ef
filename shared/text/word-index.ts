/**
 * Words of a text, as `Intl.Segmenter` with word granularity finds them (its word-like segments),
 * as UTF-16 ranges.
 *
 * The segmenter is slow on long strings (its cost grows faster than the length) and slow per
 * character even on short ones, so a text is cut at its line breaks, where every word ends
 * anyway (Unicode's word-boundary rules WB3a/WB3b). A line made only of letters of the Latin,
 * Greek and Cyrillic scripts, ASCII digits, spaces and common punctuation is split by a
 * pattern that follows the same rules for those characters (letters and digits join; `'`, `‘`, `’`,
 * `.` and `:` join letters, `.`, `'`, `‘`, `’`, `,` and `;` join digits: WB5–WB13); any other line
 * goes through the segmenter itself. tests/unit/analysis-words.test.ts checks the two agree.
 */

/** The words of one text: `starts[i]`..`ends[i]` (UTF-16, end exclusive), in text order. */
export interface WordIndex {
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

/**
 * A letter of the Latin, Greek and Cyrillic scripts: those scripts also hold symbols (the Greek
 * tonos ΄, the Cyrillic thousands sign ҂) and combining marks (the Cyrillic titlo ◌҃), which are
 * not letters to the word-boundary rules; a line with one of them goes through the segmenter.
 */
const LETTER = '[[\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}]&&[\\p{L}\\p{Nl}]]';
const SIMPLE_LINE = new RegExp(`^(?:${LETTER}|[0-9 \\t.,;:!?\\(\\)\\[\\]"'’‘“”—–\\-\\/&%*])*$`, 'v');
/** A word of a simple line: letters and digits, joined across a mid-word mark between two letters or two digits. */
const SIMPLE_WORD = new RegExp(
  `(?:${LETTER}|[0-9])+(?:(?:(?<=${LETTER})[.:'‘’](?=${LETTER})|(?<=[0-9])[.,;'‘’](?=[0-9]))(?:${LETTER}|[0-9])+)*`,
  'gv',
);
const SCRIPT_LETTER = new RegExp(`^${LETTER}$`, 'v');

/** Where each line of a text starts and ends (without its break: `\r\n`, `\n` or `\r`). */
function* lines(text: string): Generator<[number, number]> {
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 10 || unit === 13) {
      yield [start, i];
      if (unit === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  yield [start, text.length];
}

/** Makes word indexes; one segmenter per locale is kept. */
export function wordIndexer(locale = 'en'): (text: string) => WordIndex {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  return (text) => {
    let starts = new Int32Array(64);
    let ends = new Int32Array(64);
    let count = 0;
    const push = (start: number, end: number) => {
      if (count === starts.length) {
        const grownStarts = new Int32Array(count * 2);
        const grownEnds = new Int32Array(count * 2);
        grownStarts.set(starts);
        grownEnds.set(ends);
        starts = grownStarts;
        ends = grownEnds;
      }
      starts[count] = start;
      ends[count] = end;
      count++;
    };
    for (const [from, to] of lines(text)) {
      if (from === to) continue;
      const line = text.slice(from, to);
      if (SIMPLE_LINE.test(line)) {
        SIMPLE_WORD.lastIndex = 0;
        for (let match = SIMPLE_WORD.exec(line); match; match = SIMPLE_WORD.exec(line)) push(from + match.index, from + match.index + match[0].length);
      } else {
        for (const piece of segmenter.segment(line)) if (piece.isWordLike) push(from + piece.index, from + piece.index + piece.segment.length);
      }
    }
    return { starts: starts.subarray(0, count), ends: ends.subarray(0, count), count };
  };
}

/** True when the character is a letter the simple pattern knows (for tests). */
export function isSimpleLetter(character: string): boolean {
  return SCRIPT_LETTER.test(character);
}

/** Index of the first word that ends after `offset` (binary search). */
export function firstWordEndingAfter(index: WordIndex, offset: number): number {
  let lo = 0;
  let hi = index.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.ends[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first word that starts at or after `offset` (binary search). */
export function firstWordStartingAt(index: WordIndex, offset: number): number {
  let lo = 0;
  let hi = index.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
