import { describe, expect, it } from 'vitest';
import { characterStart, toCharacterEdges } from '../../shared/text/graphemes';

const FAMILY = '👩\u200D👩\u200D👧';
const TEXT = `Family ${FAMILY} and cafe\u0301 🇦🇲 here`;

describe('selection ends on whole characters', () => {
  it('leaves ends between characters where they are', () => {
    expect(toCharacterEdges(TEXT, 0, 6)).toEqual({ start: 0, end: 6 });
    const at = TEXT.indexOf(FAMILY);
    expect(toCharacterEdges(TEXT, at, at + FAMILY.length)).toEqual({ start: at, end: at + FAMILY.length });
  });

  it('widens an end inside an emoji joined by zero-width joiners to the whole family', () => {
    const at = TEXT.indexOf(FAMILY);
    for (let inside = 1; inside < FAMILY.length; inside++) {
      expect(toCharacterEdges(TEXT, at + inside, at + FAMILY.length), `start +${inside}`).toEqual({ start: at, end: at + FAMILY.length });
      expect(toCharacterEdges(TEXT, 0, at + inside), `end +${inside}`).toEqual({ start: 0, end: at + FAMILY.length });
    }
  });

  it('keeps a combining accent with its letter, and the two halves of a flag together', () => {
    const e = TEXT.indexOf('e\u0301');
    expect(toCharacterEdges(TEXT, 0, e + 1)).toEqual({ start: 0, end: e + 2 });
    expect(characterStart(TEXT, e + 1)).toBe(e);
    const flag = TEXT.indexOf('🇦🇲');
    expect(toCharacterEdges(TEXT, flag + 2, flag + 3)).toEqual({ start: flag, end: flag + 4 });
  });

  it('finds characters far into a long text', () => {
    const long = `${'a'.repeat(5000)}${FAMILY}b`;
    expect(toCharacterEdges(long, 5003, 5004)).toEqual({ start: 5000, end: 5000 + FAMILY.length });
  });
});

describe('a caret', () => {
  it('stays an empty selection, even inside a character', () => {
    const at = TEXT.indexOf(FAMILY) + 2;
    expect(toCharacterEdges(TEXT, at, at)).toEqual({ start: at, end: at });
  });
});
