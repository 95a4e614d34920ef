/**
 * Text layout: how a document's exact text becomes the blocks of the text view, and how text
 * offsets and ProseMirror positions map onto each other.
 *
 * Every line of the text (split at `\r\n`, `\n` or a lone `\r`) becomes one block, so blank lines,
 * leading blank lines and runs of spaces stay where they are. Lines are grouped into sections of
 * a fixed size because ProseMirror's decoration sets scale with the number of top-level children
 * (see the bench). The structure is `doc > section > line > text`, and a position is pure
 * arithmetic over it: this module needs no ProseMirror import and is tested on its own.
 *
 * Offsets here are UTF-16 code units, as JavaScript indexes strings.
 */

/** One line of the text: its content (without the line break) and the break that ends it. */
export interface TextLine {
  /** Offset of the first character of the line. */
  start: number;
  /** Length of the line's content, without its line break. */
  length: number;
  /** Length of the line break after it: 2 for `\r\n`, 1 for `\n` or `\r`, 0 for the last line. */
  breakLength: number;
  /** ProseMirror position of the line's first character. */
  contentPos: number;
}

export interface TextSection {
  firstLine: number;
  lineCount: number;
}

export interface TextLayout {
  text: string;
  lines: TextLine[];
  sections: TextSection[];
  /** Lines per section (the last section may have fewer). */
  linesPerSection: number;
  /** Size of the ProseMirror document's content. */
  docSize: number;
}

/** Lines per section: large enough to keep sections few, small enough to keep each cheap. */
export const LINES_PER_SECTION = 64;

/** Splits the text into lines and sections and computes each line's position. */
export function layoutText(text: string, linesPerSection = LINES_PER_SECTION): TextLayout {
  const lines: TextLine[] = [];
  const lineBreak = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    lines.push({ start, length: match.index - start, breakLength: match[0].length, contentPos: 0 });
    start = match.index + match[0].length;
  }
  lines.push({ start, length: text.length - start, breakLength: 0, contentPos: 0 });

  const sections: TextSection[] = [];
  let pos = 0;
  for (let first = 0; first < lines.length; first += linesPerSection) {
    const lineCount = Math.min(linesPerSection, lines.length - first);
    sections.push({ firstLine: first, lineCount });
    pos += 1; // section opens
    for (let i = first; i < first + lineCount; i++) {
      pos += 1; // line opens
      lines[i].contentPos = pos;
      pos += lines[i].length + 1; // content, line closes
    }
    pos += 1; // section closes
  }
  return { text, lines, sections, linesPerSection, docSize: pos };
}

/** Index of the last line whose `key` is at most `value` (lines are sorted by both keys). */
function lastLineAtOrBefore(
  lines: TextLine[],
  key: 'start' | 'contentPos',
  value: number,
): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (lines[mid][key] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Text offset → ProseMirror position. An offset inside a line break (between `\r` and `\n`, or
 * right after the content) maps to the end of that line's content.
 */
export function offsetToPos(layout: TextLayout, offset: number): number {
  if (offset < 0 || offset > layout.text.length) {
    throw new RangeError(`offset ${offset} is outside the text (0..${layout.text.length})`);
  }
  const line = layout.lines[lastLineAtOrBefore(layout.lines, 'start', offset)];
  return line.contentPos + Math.min(offset - line.start, line.length);
}

/**
 * ProseMirror position → text offset. A position between lines (at a block boundary) maps to
 * the start of the following line when `side` is 'start' and to the end of the preceding line's
 * content when `side` is 'end', so that a selection never gains a stray line break at its ends.
 */
export function posToOffset(layout: TextLayout, pos: number, side: 'start' | 'end'): number {
  const { lines } = layout;
  const index = lastLineAtOrBefore(lines, 'contentPos', pos);
  const line = lines[index];
  if (pos < line.contentPos) return line.start; // before the first line
  const into = pos - line.contentPos;
  if (into <= line.length) return line.start + into;
  // Past this line's content: a boundary between this line and the next.
  if (side === 'end' || index === lines.length - 1) return line.start + line.length;
  return lines[index + 1].start;
}

/** A part of a text range that lies on one line, as a ProseMirror range. */
export interface LinePiece {
  from: number;
  to: number;
  line: number;
}

/** The parts of [start, end) that lie on each line, as ProseMirror ranges (line breaks left out). */
export function rangeToLinePieces(layout: TextLayout, start: number, end: number): LinePiece[] {
  const pieces: LinePiece[] = [];
  const { lines } = layout;
  for (let i = lastLineAtOrBefore(lines, 'start', start); i < lines.length; i++) {
    const line = lines[i];
    if (line.start >= end) break;
    const from = Math.max(start, line.start);
    const to = Math.min(end, line.start + line.length);
    if (from < to) {
      pieces.push({ from: line.contentPos + from - line.start, to: line.contentPos + to - line.start, line: i });
    }
  }
  return pieces;
}

/** The section that holds a line. */
export function sectionOfLine(layout: TextLayout, line: number): number {
  return Math.floor(line / layout.linesPerSection);
}

/** The section that holds a ProseMirror position (positions between sections go to the next). */
export function sectionAtPos(layout: TextLayout, pos: number): number {
  const { lines } = layout;
  return sectionOfLine(layout, lastLineAtOrBefore(lines, 'contentPos', Math.max(pos, lines[0].contentPos)));
}
