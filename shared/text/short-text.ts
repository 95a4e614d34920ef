/**
 * Cutting the researcher's text short where a sentence or a list quotes it: a title in a list or
 * a notice, a quote or a value in the label of an action. One rule for all of them, so that a
 * passage reads the same wherever it is quoted.
 */

/**
 * `text` cut to at most `max` code points, ellipsis included, at the last word break that keeps at
 * least half of it (else within the word), without the punctuation the cut leaves at its end; an
 * astral character is never cut in half. Text within `max` comes back as it is.
 */
export function shortText(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  const kept = points.slice(0, max - 1);
  // A break just after the kept part is a word break too.
  const breakAt = /\s/u.test(points[max - 1]!) ? kept.length : lastBreak(kept);
  const head = breakAt >= max / 2 ? kept.slice(0, breakAt) : kept;
  return `${head.join('').replace(/[\s,;:–—-]+$/u, '')}…`;
}

/** Text on one line: every run of white space (line breaks included) made one space, and trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function lastBreak(points: readonly string[]): number {
  for (let i = points.length - 1; i >= 0; i--) if (/\s/u.test(points[i]!)) return i;
  return -1;
}

/** The start of a quote on one line, for action labels and reports. */
export function shortQuote(quote: string): string {
  return shortText(oneLine(quote), 40);
}

/** The longest title derived from a text, in characters (code points): a line of a list or a heading. */
export const TITLE_LENGTH = 80;

/**
 * A title cut to at most `max` characters with an ellipsis, at a word (`shortText`). For the titles
 * the app derives from a text, and for titles inside sentences (notices, labels of actions), where
 * a paragraph-long title would swamp the rest; lists cut with CSS and show the whole in a tooltip.
 */
export function shortTitle(title: string, max = TITLE_LENGTH): string {
  return shortText(title, max);
}

/**
 * The first non-empty line of the text, trimmed (a leading BOM counts as blank) and cut to
 * TITLE_LENGTH at a word: a text that opens with a paragraph gets a title, not the paragraph.
 */
export function documentTitle(text: string, fallback: string): string {
  for (const line of text.split(/\r\n|\n|\r/)) {
    const trimmed = line.replace(/^\uFEFF/, '').trim();
    if (trimmed) return shortTitle(trimmed);
  }
  return fallback;
}
