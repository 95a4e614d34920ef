import { describe, expect, it } from 'vitest';
import { nameMatches, placeSelections, positionMapper } from '../../shared/exchange/refi-qda/positions';
import { splitCodeDescription, codeDescription, escapeXml } from '../../shared/exchange/refi-qda/qde-writer';
import { DEFAULT_CODES } from '../../shared/model/codebook';

const text = 'Line one 😀\r\nLine two\r\nThird line';

describe('placing REFI-QDA selections in the text', () => {
  it('maps code points and CRLF-as-one positions to UTF-16 offsets of the exact text', () => {
    const crlfOne = positionMapper(text, { unit: 'code points', crlf: 1 });
    // "Line two" starts at code point 11 when a CRLF counts one (10 + emoji as 1 + \n).
    expect(text.slice(crlfOne(11)!, crlfOne(19)!)).toBe('Line two');
    const utf16 = positionMapper(text, { unit: 'UTF-16 code units', crlf: 2 });
    expect(utf16(10)).toBeNull(); // between the halves of the emoji
    expect(utf16(text.length + 1)).toBeNull();
  });

  it('chooses the counting under which the names match, and says when none could be checked', () => {
    const at = (phrase: string) => [...text.slice(0, text.indexOf(phrase)).replace(/\r\n/g, '\n')].length;
    const named = ['Line two', 'Third line'].map((name) => ({ name, start: at(name), end: at(name) + name.length }));
    const placed = placeSelections(text, named);
    expect(placed.counting).toEqual({ unit: 'code points', crlf: 1 });
    expect(placed.checked).toBe(true);
    expect(placed.selections.map((s) => s.range && text.slice(s.range.start, s.range.end))).toEqual(['Line two', 'Third line']);

    const unnamed = placeSelections(text, [{ name: '', start: 0, end: 4 }]);
    expect(unnamed).toMatchObject({ checked: false, counting: { unit: 'code points', crlf: 2 } });
    expect(placeSelections(text, [{ name: '', start: 5, end: 500 }]).selections[0]).toEqual({ range: null, problem: 'its positions 5–500 lie outside the text' });
  });

  it('takes a name as matching up to white space, or as the start of a longer passage', () => {
    expect(nameMatches('Line one\nLine', 'Line one\r\nLine')).toBe(true);
    expect(nameMatches('Line one 😀 L…', 'Line one 😀\r\nLine two')).toBe(true);
    expect(nameMatches('Line one 😀', 'Line one 😀\r\nLine two')).toBe(true);
    expect(nameMatches('Line', 'Line two')).toBe(false); // too short to be a cut-off name
    expect(nameMatches('Other', 'Line two')).toBe(false);
  });
});

describe('QDA-XML text', () => {
  it("keeps a code's codebook entry in its description and reads it back", () => {
    const code = { ...DEFAULT_CODES[1], definition: 'A view.', whenToUse: 'Evaluations.', whenNotToUse: '', example: 'A disgrace.' };
    expect(splitCodeDescription(codeDescription(code))).toEqual({
      description: code.description,
      definition: 'A view.',
      whenToUse: 'Evaluations.',
      whenNotToUse: '',
      example: 'A disgrace.',
    });
    expect(splitCodeDescription('Another program’s long note\r\nover two lines')).toMatchObject({ description: 'Another program’s long note\nover two lines', definition: '' });
  });

  it('escapes markup and line breaks in attributes and drops characters XML cannot hold', () => {
    expect(escapeXml('a<b>&"c"\r\n\t\u0007😀')).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#13;&#10;&#9;😀');
  });
});
