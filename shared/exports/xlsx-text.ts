/**
 * Text in the cells of an Excel workbook, kept exact: what a reader gets back from a cell is the
 * text that was written, character for character, carriage returns included.
 *
 * Two things stand between a string and its cell. XML parsers turn a raw CR (and CR LF) into LF,
 * and XML 1.0 cannot hold most other control characters at all; and Office Open XML reads
 * `_xHHHH_` in cell text as the character U+HHHH (ECMA-376 Part 1, §22.9.2.19, ST_Xstring), so a
 * text that happens to contain such a sequence would change on reading. This module owns both
 * escapes; `xlsx-export.ts` applies them.
 */

/** The underscore that begins a literal `_xHHHH_`, which a reader would otherwise decode. */
// A lookahead, so that sequences sharing an underscore (`_x005F_x000D_`) are all found.
const ESCAPE_LOOKALIKE = /_(?=x[0-9A-Fa-f]{4}_)/g;
/** Characters XML 1.0 cannot hold (and DEL, which the workbook writer drops). */
const UNWRITABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/g;

const hex4 = (character: string) => character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/**
 * `text` as a cell's string: a literal `_xHHHH_` gets its underscore escaped (`_x005F_xHHHH_`, as
 * Excel writes it), and each character XML cannot hold becomes `_xHHHH_` (which Excel decodes).
 * Tabs, line feeds and carriage returns stay; `keepCarriageReturns` protects the last in the XML.
 */
export function cellText(text: string): string {
  return text.replace(ESCAPE_LOOKALIKE, '_x005F_').replace(UNWRITABLE, (c) => `_x${hex4(c)}_`);
}

/** A `<t>` element of a shared string or inline string, with its text. */
const TEXT_ELEMENT = /(<t(?:\s[^>]*)?>)([^<]*)(<\/t>)/g;

/**
 * `xml` (a workbook part) with every carriage return inside the text of a `<t>` element written as
 * the character reference `&#13;`. A conforming XML parser keeps a referenced CR (XML 1.0 §2.11
 * normalises only literal line ends). Excel itself writes `_x000D_` instead, which openpyxl, and
 * so pandas, leaves undecoded: the reference reads back as a CR in both.
 */
export function keepCarriageReturns(xml: string): string {
  if (!xml.includes('\r')) return xml;
  return xml.replace(TEXT_ELEMENT, (element, open: string, text: string, close: string) =>
    text.includes('\r') ? `${open}${text.replaceAll('\r', '&#13;')}${close}` : element,
  );
}
