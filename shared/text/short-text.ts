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
