/**
 * Characters as a reader sees them (grapheme clusters): an emoji with its skin tone or a family
 * joined by zero-width joiners (👩‍👩‍👧), a letter with its combining accents (e + U+0301), a flag.
 * A selection's ends are moved out to the edges of the characters they fall in, so that a coded
 * segment never holds half of one (what the quote would show and an export would cut).
 */

/** How far around an offset the text is read to find its character (no real cluster is longer). */
const REACH = 64;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The start of the character that holds `offset` (offset itself when it lies between two). */
export function characterStart(text: string, offset: number): number {
  const from = Math.max(0, offset - REACH);
  let start = from;
  for (const { index } of segmenter.segment(text.slice(from, Math.min(text.length, offset + REACH)))) {
    if (from + index > offset) break;
    start = from + index;
  }
  // Read from REACH back, a cluster cut at the slice's start is misread there only, far from offset.
  return start;
}

/** [start, end) widened to whole characters. */
export function toCharacterEdges(text: string, start: number, end: number): { start: number; end: number } {
  if (end <= start) return { start, end }; // a caret, not a selection
  const lastStart = characterStart(text, end - 1);
  const last = segmenter.segment(text.slice(lastStart, Math.min(text.length, lastStart + REACH)))[Symbol.iterator]().next();
  return { start: characterStart(text, start), end: Math.max(end, lastStart + (last.done ? 0 : last.value.segment.length)) };
}
