/**
 * Paragraphs of a text, for co-occurrence "in the same paragraph".
 *
 * A paragraph is a run of lines that are not blank; one or more blank lines (empty, or only
 * spaces and tabs) end it. Lines end at `\r\n`, `\n` or a lone `\r`, as in the text view. So a
 * hard-wrapped paragraph (a line break every 72 characters) stays one paragraph. With
 * `'line'`, every line that is not blank is a paragraph of its own (for texts that put each
 * paragraph on one line without blank lines between them).
 *
 * Offsets are UTF-16 code units; a paragraph's range runs from its first character to the end of
 * its last line's content.
 */
import type { Range } from './spans';

export type ParagraphBreak = 'blank-line' | 'line';

const BLANK = /^[ \t\u00a0]*$/;

/** The paragraphs of a text, in order. */
export function paragraphRanges(text: string, breaks: ParagraphBreak = 'blank-line'): Range[] {
  const paragraphs: Range[] = [];
  let open: Range | null = null;
  let start = 0;
  const endLine = (end: number) => {
    const blank = BLANK.test(text.slice(start, end));
    if (blank) open = null;
    else if (open && breaks === 'blank-line') open.end = end;
    else paragraphs.push((open = { start, end }));
  };
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 10 || unit === 13) {
      endLine(i);
      if (unit === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  endLine(text.length);
  return paragraphs;
}

/**
 * The paragraphs a range touches, as [first, last] indexes into `paragraphs`; first > last when it
 * lies wholly between paragraphs (on blank lines).
 */
export function paragraphsOf(paragraphs: readonly Range[], range: Range): [number, number] {
  // First paragraph that ends after the range's start…
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (paragraphs[mid].end <= range.start) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  // …and the last that starts before its end.
  lo = 0;
  hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (paragraphs[mid].start < range.end) lo = mid + 1;
    else hi = mid;
  }
  return [first, lo - 1];
}
