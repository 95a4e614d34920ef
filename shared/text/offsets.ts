/**
 * Offsets: the one place that converts between the two ways of counting characters.
 *
 * Inside the app, offsets are UTF-16 code units (what JavaScript strings index). Exports give
 * Unicode code points (what Python's `str` and R's `substr` count). They differ only after an
 * astral character (emoji, some CJK, historic scripts), which takes two UTF-16 units and one code
 * point. A `CodePointIndex` remembers where the astral characters are, so each conversion is a
 * binary search rather than a scan of the text.
 */

/** The first half of a surrogate pair (without Unicode mode: each half is found on its own). */
const HIGH_SURROGATE = /[\uD800-\uDBFF]/g;

/** Converts offsets of one text between UTF-16 code units and Unicode code points. */
export class CodePointIndex {
  /** UTF-16 offsets at which an astral character (a surrogate pair) starts, ascending. */
  private readonly astralStarts: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    // The regular expression skips to each high surrogate: a few times quicker than a look at every unit.
    HIGH_SURROGATE.lastIndex = 0;
    for (let found = HIGH_SURROGATE.exec(text); found; found = HIGH_SURROGATE.exec(text)) {
      const i = found.index;
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        this.astralStarts.push(i);
        HIGH_SURROGATE.lastIndex = i + 2;
      }
    }
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.astralStarts.length;
  }

  /** Number of astral characters that start before the UTF-16 offset. */
  private astralBefore(utf16Offset: number): number {
    let lo = 0;
    let hi = this.astralStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astralStarts[mid] < utf16Offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when the UTF-16 offset falls between the two halves of a surrogate pair. */
  splitsSurrogatePair(utf16Offset: number): boolean {
    const n = this.astralBefore(utf16Offset);
    return n > 0 && this.astralStarts[n - 1] === utf16Offset - 1;
  }

  /** UTF-16 offset → code point offset. Throws on an offset outside the text or inside a pair. */
  toCodePoints(utf16Offset: number): number {
    if (!Number.isInteger(utf16Offset) || utf16Offset < 0 || utf16Offset > this.utf16Length) {
      throw new RangeError(`offset ${utf16Offset} is outside the text (0..${this.utf16Length})`);
    }
    if (this.splitsSurrogatePair(utf16Offset)) {
      throw new RangeError(`offset ${utf16Offset} falls inside a surrogate pair`);
    }
    return utf16Offset - this.astralBefore(utf16Offset);
  }

  /** Code point offset → UTF-16 offset. Throws on an offset outside the text. */
  toUtf16(codePointOffset: number): number {
    if (
      !Number.isInteger(codePointOffset) ||
      codePointOffset < 0 ||
      codePointOffset > this.codePointLength
    ) {
      throw new RangeError(
        `code point offset ${codePointOffset} is outside the text (0..${this.codePointLength})`,
      );
    }
    // The k-th astral character starts at code point astralStarts[k] - k.
    let lo = 0;
    let hi = this.astralStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astralStarts[mid] - mid < codePointOffset) lo = mid + 1;
      else hi = mid;
    }
    return codePointOffset + lo;
  }
}
