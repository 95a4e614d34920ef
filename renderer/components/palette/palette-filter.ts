/**
 * Which commands the palette offers for what was typed, best first. Each word typed must begin a
 * word of the label (word-prefix: "exp csv" finds "Export the coded segments as CSV"), or, failing
 * that, its letters must appear in the label in order (fuzzy: "cdbk" finds "Show the codebook").
 * Case and accents do not count.
 */

/** Lower case without accents, so that "Ubereinstimmung" finds "Übereinstimmung". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** How well `query` matches `label`: higher is better; null when it does not match. */
export function matchScore(query: string, label: string): number | null {
  const typed = fold(query).split(/\s+/).filter(Boolean);
  if (!typed.length) return 0;
  const text = fold(label);
  const words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (typed.every((part) => words.some((word) => word.startsWith(part)))) {
    // A label whose first word is typed first ranks above one where it is found later.
    return 2 + (words[0]?.startsWith(typed[0]) ? 1 : 0);
  }
  const letters = typed.join('');
  let at = 0;
  for (const letter of text) if (letter === letters[at]) at += 1;
  return at === letters.length ? 1 : null;
}

/** The items whose label matches `query`, best first, in their own order among equals. */
export function filterByLabel<T>(items: readonly T[], query: string, label: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, score: matchScore(query, label(item)) }))
    .filter((entry): entry is { item: T; index: number; score: number } => entry.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.item);
}
