/**
 * Selections in a text, before they become coded segments: checked (inside the text, not only
 * white space, no character cut in half), trimmed of the white space at their edges, widened to
 * whole words, and moved edge by edge as the arrow keys move them.
 */
import { WorkbenchFailure } from '../model/failure';

/**
 * Checks a selection before it becomes a segment: inside the text, not empty, not only white
 * space, and not splitting a surrogate pair. Throws a WorkbenchFailure saying what is wrong.
 */
export function checkSelection(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) {
    throw new WorkbenchFailure(
      'invalid-input',
      `The selection ${start}–${end} lies outside the document (0–${text.length}).`,
    );
  }
  if (end <= start) {
    throw new WorkbenchFailure('empty-selection', 'Select a passage of text first, then choose a code.');
  }
  if (!/\S/u.test(text.slice(start, end))) {
    throw new WorkbenchFailure(
      'empty-selection',
      'The selection holds only white space. Select words to code.',
    );
  }
  const splits = (i: number) =>
    i > 0 && i < text.length && /[\uD800-\uDBFF]/.test(text[i - 1]) && /[\uDC00-\uDFFF]/.test(text[i]);
  if (splits(start) || splits(end)) {
    throw new WorkbenchFailure('invalid-input', 'The selection cuts a character in half.');
  }
}

/**
 * A selection without the white space and line breaks at its edges: a selection made from a
 * blank line, or with a space picked up at its end, codes only the words. Surrogate pairs are
 * never split (white space is never astral). What is left may be empty; checkSelection says so.
 */
export function trimSelection(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from])) from++;
  while (to > from && /\s/u.test(text[to - 1])) to--;
  return { start: from, end: to };
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}_'’-]/u;

/**
 * Widens [start, end) to whole words: a boundary inside a word moves out to the word's edge.
 * Word characters are letters, digits, marks, and the joiners of words (_ ' ’ -).
 */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  let to = end;
  const isWord = (i: number) => i >= 0 && i < text.length && WORD_CHARACTER.test(text[i]);
  if (isWord(from) && isWord(from - 1)) while (isWord(from - 1)) from--;
  if (isWord(to - 1) && isWord(to)) while (isWord(to)) to++;
  return { start: from, end: to };
}

/**
 * A segment's boundary moved by one step: a character, or (by word) to the next word edge in that
 * direction. Surrogate pairs are never split.
 */
export function moveBoundary(text: string, offset: number, direction: -1 | 1, byWord: boolean): number {
  const step = (i: number) => {
    const next = i + direction;
    const pairStart = direction === 1 ? /[\uD800-\uDBFF]/.test(text[i] ?? '') : /[\uDC00-\uDFFF]/.test(text[next] ?? '');
    return pairStart ? next + direction : next;
  };
  let at = Math.max(0, Math.min(text.length, step(offset)));
  if (byWord) {
    const isWord = (i: number) => i >= 0 && i < text.length && WORD_CHARACTER.test(text[i]);
    // Cross any spaces, then the word, so that the boundary lands on a word edge.
    const probe = (i: number) => (direction === 1 ? i : i - 1);
    while (at > 0 && at < text.length && !isWord(probe(at))) at += direction;
    while (at > 0 && at < text.length && isWord(probe(at))) at += direction;
  }
  return Math.max(0, Math.min(text.length, at));
}

/**
 * Moves one edge of a segment by a character or a word, as the arrow keys do, with the white
 * space at its edges left out: a step onto a space goes on to the next character that is not
 * one, so that every step changes the coded text. Returns the new bounds (possibly empty, when
 * the start has passed the end; checkSelection says so).
 */
export function moveSegmentEdge(
  text: string,
  bounds: { start: number; end: number },
  edge: 'start' | 'end',
  direction: -1 | 1,
  byWord: boolean,
): { start: number; end: number } {
  let { start, end } = bounds;
  for (;;) {
    const before = edge === 'start' ? start : end;
    const after = moveBoundary(text, before, direction, byWord);
    if (edge === 'start') start = after;
    else end = after;
    const trimmed = trimSelection(text, start, end);
    const changed = trimmed.start !== bounds.start || trimmed.end !== bounds.end;
    // At the text's edge (or once the start has passed the end) no further step can help.
    if (changed || after === before || start >= end) return start >= end ? { start, end } : trimmed;
  }
}
