import { describe, expect, it } from 'vitest';
import { cellText, keepCarriageReturns } from '../../shared/exports/xlsx-text';

/**
 * A cell's text as Excel reads it (ECMA-376 Part 1, §22.9.2.19, ST_Xstring): each `_xHHHH_`, left
 * to right, is the character U+HHHH. openpyxl does not decode these, so Excel's reading is modelled.
 */
const asExcelReads = (stored: string) => stored.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('cellText', () => {
  it('escapes a literal _xHHHH_ as Excel does, so that it reads back literally', () => {
    expect(cellText('a _x000D_ b')).toBe('a _x005F_x000D_ b');
    for (const text of ['_x000D_', 'already escaped: _x005F_x000D_', '_x0041__x0042_', 'lower case _x00e9_', '_x12_ is no escape']) {
      expect(asExcelReads(cellText(text))).toBe(text);
    }
  });

  it('writes the control characters XML cannot hold as _xHHHH_ instead of losing them', () => {
    expect(cellText('page\u000Cbreak')).toBe('page_x000C_break');
    const text = 'nul \u0000, bell \u0007, vertical tab \u000B, escape \u001B, delete \u007F, \uFFFF';
    expect(cellText(text)).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFF]/);
    expect(asExcelReads(cellText(text))).toBe(text);
  });

  it('leaves tabs, line ends, emoji and combining marks as they are', () => {
    const text = 'a\tb\nc\r\nd\re 😀 🇦🇲 re\u0301sume\u0301 _x_ x000D';
    expect(cellText(text)).toBe(text);
  });
});

describe('keepCarriageReturns', () => {
  it('writes each CR in the text of a <t> element as a character reference, which XML parsers keep', () => {
    const xml = '<sst><si><t xml:space="preserve">one\r\ntwo\rthree</t></si><si><t>plain</t></si><si><r><t>rich\r</t></r></si></sst>';
    expect(keepCarriageReturns(xml)).toBe(
      '<sst><si><t xml:space="preserve">one&#13;\ntwo&#13;three</t></si><si><t>plain</t></si><si><r><t>rich&#13;</t></r></si></sst>',
    );
  });

  it('returns a part without a CR unchanged', () => {
    const xml = '<sst><si><t>a\nb</t></si></sst>';
    expect(keepCarriageReturns(xml)).toBe(xml);
  });
});
