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
      if (scanSimpleLine(text, from, to, push)) continue;
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

/** What a code unit is to the simple pattern (`unitClass`): worked out once per unit, then looked up. */
const UNKNOWN = 0;
/** Not a character of a simple line (nor half of one: a surrogate): the line goes the slow way. */
const NOT_SIMPLE = 1;
const LETTER_UNIT = 2;
const DIGIT_UNIT = 3;
/** Punctuation or a space of a simple line; the bits below say which runs it may join. */
const OTHER_UNIT = 4;
const JOINS_LETTERS = 8;
const JOINS_DIGITS = 16;
const unitClasses = new Uint8Array(0x10000);

function unitClass(unit: number): number {
  const known = unitClasses[unit]!;
  if (known !== UNKNOWN) return known;
  let found = NOT_SIMPLE;
  if (unit < 0xd800 || unit > 0xdfff) {
    const character = String.fromCharCode(unit);
    if (unit >= 0x30 && unit <= 0x39) found = DIGIT_UNIT;
    else if (SCRIPT_LETTER.test(character)) found = LETTER_UNIT;
    else if (SIMPLE_LINE.test(character)) {
      found = OTHER_UNIT;
      if (".:'‘’".includes(character)) found |= JOINS_LETTERS;
      if (".,;'‘’".includes(character)) found |= JOINS_DIGITS;
    }
  }
  unitClasses[unit] = found;
  return found;
}

/**
 * The words of text[from, to) by the simple pattern (SIMPLE_WORD), read unit by unit with a table
 * of what each unit is rather than by the regular expressions, which cost most of a long text's
 * indexing; false (and nothing pushed) when the line is not simple (SIMPLE_LINE).
 */
function scanSimpleLine(text: string, from: number, to: number, push: (start: number, end: number) => void): boolean {
  for (let i = from; i < to; i++) if (unitClass(text.charCodeAt(i)) === NOT_SIMPLE) return false;
  let i = from;
  while (i < to) {
    let kind = unitClasses[text.charCodeAt(i)]!;
    if (kind !== LETTER_UNIT && kind !== DIGIT_UNIT) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < to && (kind === LETTER_UNIT || kind === DIGIT_UNIT)) kind = ++i < to ? unitClasses[text.charCodeAt(i)]! : NOT_SIMPLE;
      // A mark between two letters or two digits joins them into one word (WB6/7, WB11/12).
      if (i + 1 >= to) break;
      const before = unitClasses[text.charCodeAt(i - 1)]!;
      const after = unitClasses[text.charCodeAt(i + 1)]!;
      const joins = (before === LETTER_UNIT && after === LETTER_UNIT && kind & JOINS_LETTERS) || (before === DIGIT_UNIT && after === DIGIT_UNIT && kind & JOINS_DIGITS);
      if (!joins) break;
      i++;
      kind = after;
    }
    push(start, i);
  }
  return true;
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
