import { describe, expect, it } from 'vitest';
import { CodePointIndex } from '../../shared/text/offsets';
import { FIXTURE_TEXTS } from '../support/fixtures';

/** An independent count: the number of code points in the first `utf16` units. */
const codePointsBefore = (text: string, utf16: number) => Array.from(text.slice(0, utf16)).length;

describe('CodePointIndex', () => {
  it('counts an emoji as one code point and two UTF-16 units', () => {
    const text = 'a😀b';
    const index = new CodePointIndex(text);
    expect(index.utf16Length).toBe(4);
    expect(index.codePointLength).toBe(3);
    expect(index.toCodePoints(3)).toBe(2);
    expect(index.toUtf16(2)).toBe(3);
  });

  it('refuses an offset that falls inside a surrogate pair', () => {
    const index = new CodePointIndex('a😀b');
    expect(index.splitsSurrogatePair(2)).toBe(true);
    expect(() => index.toCodePoints(2)).toThrow(/surrogate pair/);
  });

  it('counts lone halves of a pair as one unit each, as Array.from does, at the start, between pairs and at the end', () => {
    for (const text of ['\uD83D', '\uDE00😀', '😀\uD83D\uD83D😀x', 'a\uD83D\uD83D\uDE00', '😀😀\uD83D']) {
      const index = new CodePointIndex(text);
      expect(index.codePointLength).toBe(Array.from(text).length);
      for (let utf16 = 0; utf16 <= text.length; utf16++) {
        if (!index.splitsSurrogatePair(utf16)) expect(index.toCodePoints(utf16)).toBe(codePointsBefore(text, utf16));
      }
    }
  });

  it('refuses offsets outside the text', () => {
    const index = new CodePointIndex('abc');
    expect(() => index.toCodePoints(4)).toThrow(RangeError);
    expect(() => index.toUtf16(-1)).toThrow(RangeError);
  });

  for (const [name, text] of Object.entries(FIXTURE_TEXTS)) {
    it(`agrees with Array.from on every boundary of ${name}`, () => {
      const index = new CodePointIndex(text);
      expect(index.codePointLength).toBe(Array.from(text).length);
      let utf16 = 0;
      for (const character of [...Array.from(text), '']) {
        const cp = index.toCodePoints(utf16);
        expect(cp).toBe(codePointsBefore(text, utf16));
        expect(index.toUtf16(cp)).toBe(utf16);
        utf16 += character.length;
      }
    });
  }

  it('counts combining marks as code points of their own (as Python does)', () => {
    const text = FIXTURE_TEXTS['combining.txt'];
    const index = new CodePointIndex(text);
    // 'Cafe\u0301' is five code points; no astral characters, so both units agree.
    expect(index.codePointLength).toBe(text.length);
    expect(text.slice(8, 13)).toBe('Cafe\u0301');
  });

  it('keeps a BOM and CRLF as characters of the text', () => {
    const bom = new CodePointIndex(FIXTURE_TEXTS['bom.txt']);
    expect(bom.codePointLength).toBe(FIXTURE_TEXTS['bom.txt'].length);
    const crlf = new CodePointIndex(FIXTURE_TEXTS['crlf.txt']);
    expect(crlf.toCodePoints(12)).toBe(12); // after "First line\r\n"
  });

  it('converts offsets after many emoji by binary search, not drift', () => {
    const text = '😀x'.repeat(1000);
    const index = new CodePointIndex(text);
    expect(index.toCodePoints(3 * 700)).toBe(2 * 700);
    expect(index.toUtf16(2 * 999 + 1)).toBe(3 * 999 + 2);
  });
});
