/**
 * Where a REFI-QDA selection falls in our text. Programs count positions differently: in
 * Unicode code points or in UTF-16 code units, and with a CRLF line ending as two characters or
 * as one (a program that reads the text with its line endings normalised counts one). This module
 * tries each way of counting on a source's selections and keeps the one under which their names
 * (which most programs fill with the selected text) match the text; a selection that does not
 * match under it is reported by name and left out, never moved to where its text might be.
 */
import { CodePointIndex } from '../../text/offsets';

export interface Counting {
  unit: 'code points' | 'UTF-16 code units';
  /** How many characters a CRLF counts as. */
  crlf: 1 | 2;
}

export const COUNTINGS: readonly Counting[] = [
  { unit: 'code points', crlf: 2 },
  { unit: 'UTF-16 code units', crlf: 2 },
  { unit: 'code points', crlf: 1 },
  { unit: 'UTF-16 code units', crlf: 1 },
];

/** Says a counting in words, for the import report. */
export function describeCounting(counting: Counting): string {
  return `${counting.unit}, a CRLF line ending counted as ${counting.crlf === 1 ? 'one character' : 'two characters'}`;
}

/** Maps positions under one way of counting to UTF-16 offsets into the exact text; null when outside it. */
export function positionMapper(text: string, counting: Counting): (position: number) => number | null {
  const counted = counting.crlf === 1 ? text.replace(/\r\n/g, '\n') : text;
  // UTF-16 offsets (in the counted text) of each '\n' that stands for a CRLF.
  const crlfs: number[] = [];
  if (counting.crlf === 1) {
    let removed = 0;
    for (let i = text.indexOf('\r\n'); i >= 0; i = text.indexOf('\r\n', i + 2)) crlfs.push(i - removed++);
  }
  const index = counting.unit === 'code points' ? new CodePointIndex(counted) : null;
  const length = index ? index.codePointLength : counted.length;
  return (position) => {
    if (!Number.isInteger(position) || position < 0 || position > length) return null;
    const utf16 = index ? index.toUtf16(position) : position;
    if (!index && utf16 > 0 && utf16 < counted.length && /[\uDC00-\uDFFF]/.test(counted[utf16]!) && /[\uD800-\uDBFF]/.test(counted[utf16 - 1]!)) {
      return null;
    }
    // Each CRLF at or before this point (as one '\n' before it) adds back its '\r'.
    let lo = 0;
    let hi = crlfs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (crlfs[mid]! < utf16) lo = mid + 1;
      else hi = mid;
    }
    return utf16 + lo;
  };
}

const squash = (text: string) => text.replace(/\s+/gu, ' ').trim();

/**
 * True when a selection's name is the text it covers: the same text up to white space (programs
 * differ in how they write line breaks into a name), or its beginning when the name was cut short.
 */
export function nameMatches(name: string, covered: string): boolean {
  // Most names are the covered text exactly (ours always are): no need to squash them.
  if (name === covered) return true;
  const wanted = squash(name);
  const found = squash(covered);
  if (wanted === found) return true;
  const cut = wanted.replace(/\s*(?:…|\.\.\.)$/u, '');
  if (cut !== wanted) return cut.length > 0 && found.startsWith(cut);
  return wanted.length >= 10 && found.startsWith(wanted);
}

/**
 * `nameMatches(name, text.slice(from, to))` without the slice and, for the names most programs
 * write (ours among them: the covered text, or its beginning and “…”), without squashing the
 * white space of either: a name that is the text, or whose part before its “…” starts it as
 * written, matches at once.
 */
function nameMatchesAt(name: string, text: string, from: number, to: number): boolean {
  const length = name.length;
  if (length === to - from && text.startsWith(name, from)) return true;
  const cut = length - 1;
  if (cut > 0 && cut <= to - from && name.charCodeAt(cut) === 0x2026 /* … */ && !/\s/u.test(name[0]!)) {
    let same = true;
    for (let i = 0; i < cut && same; i++) same = name.charCodeAt(i) === text.charCodeAt(from + i);
    if (same) return true;
  }
  return nameMatches(name, text.slice(from, to));
}

export interface PlacedSelection {
  /** UTF-16 offsets into the exact text, or null when the selection was left out. */
  range: { start: number; end: number } | null;
  /** Why it was left out, in words (null when placed). */
  problem: string | null;
}

export interface Placement {
  counting: Counting;
  /** True when at least one selection's name could be checked against the text. */
  checked: boolean;
  selections: PlacedSelection[];
}

/**
 * Places a source's selections in its text. The counting chosen is the one under which the most
 * named selections match their text (ties go to the earlier in COUNTINGS: code points with CRLF
 * as two, the standard's own reading). When no name matches under any counting, names are not
 * quotes here: the first counting under which every selection fits in the text is used, and the
 * report says that positions could not be checked.
 */
export function placeSelections(text: string, selections: ReadonlyArray<{ name: string; start: number; end: number }>): Placement {
  const hasCrlf = text.includes('\r\n');
  const hasAstral = /[\uD800-\uDBFF]/.test(text);
  const candidates = COUNTINGS.filter((c) => (hasCrlf || c.crlf === 2) && (hasAstral || c.unit === 'code points'));
  const named = selections.reduce((sum, { name }) => (name.trim() ? sum + 1 : sum), 0);
  const trials: Array<{ counting: Counting; matches: number; fits: number; ranges: Array<{ start: number; end: number } | null>; matched: boolean[] }> = [];
  for (const counting of candidates) {
    const map = positionMapper(text, counting);
    let matches = 0;
    let fits = 0;
    const matched: boolean[] = new Array(selections.length).fill(false);
    const ranges = selections.map(({ name, start, end }, i) => {
      const from = map(start);
      const to = map(end);
      if (from === null || to === null || to <= from) return null;
      fits++;
      if (name.trim() && nameMatchesAt(name, text, from, to)) {
        matches++;
        matched[i] = true;
      }
      return { start: from, end: to };
    });
    trials.push({ counting, matches, fits, ranges, matched });
    // Every named selection matches: no later counting can do better (ties go to the earlier).
    if (named > 0 && matches === named) break;
  }
  const best = trials.reduce((a, b) => (b.matches > a.matches ? b : a));
  const checked = best.matches > 0;
  const chosen = checked ? best : (trials.find((t) => t.fits === selections.length) ?? trials.reduce((a, b) => (b.fits > a.fits ? b : a)));
  return {
    counting: chosen.counting,
    checked,
    selections: selections.map(({ name, start, end }, i) => {
      const range = chosen.ranges[i] ?? null;
      if (!range) {
        return { range: null, problem: end <= start ? `it ends (${end}) where or before it starts (${start})` : `its positions ${start}–${end} lie outside the text` };
      }
      const covered = text.slice(range.start, range.end);
      if (!/\S/u.test(covered)) return { range: null, problem: `its positions ${start}–${end} cover only white space` };
      if (checked && name.trim() && !chosen.matched[i]) {
        const shown = squash(covered);
        return { range: null, problem: `its positions ${start}–${end} hold “${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}”, not its text` };
      }
      return { range, problem: null };
    }),
  };
}
