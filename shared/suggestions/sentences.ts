/**
 * The units that suggestions are made on: the sentences of a document, as `Intl.Segmenter` with
 * sentence granularity finds them in the document's language, each as exact UTF-16 offsets
 * `[start, end)` into the text, with the white space around it left out.
 *
 * The segmenter's rules (Unicode's UAX #29) end a sentence at every line break (SB4), and no rule
 * looks across one: cutting a text after its line breaks changes none of its sentences. The
 * segmenter's cost grows faster than the length of what it is given (a 2 MB text in one call takes
 * minutes), so it is given runs of whole lines of about `WINDOW` code units. A single line longer
 * than that (a text with no line breaks) is read in overlapping windows: only the sentences that
 * end well before a window's cut (`WINDOW / 4` units) are taken, and the next window starts where
 * the last of them ended, at a true boundary. The segmenter decides a boundary from the sentence
 * before it and at most the run of spaces, digits and punctuation after it, so a boundary that far
 * from the cut is the one the whole line would give (tests/unit/suggestion-sentences.test.ts
 * compares the two on long lines).
 *
 * The segmenter never ends a sentence inside a surrogate pair, a CRLF or a cluster joined by
 * zero-width joiners or combining marks; trimming white space keeps that true: white space that
 * belongs to a character with what follows (a combining mark after a space) is kept with it.
 */
import { guessLanguage } from '../text/languages';
import { lineDirection } from '../text/text-direction';
import { toCharacterEdges } from '../text/graphemes';

/** One sentence: `text.slice(start, end)`, UTF-16 offsets, end exclusive; never empty, never white space at either end. */
export interface Sentence {
  start: number;
  end: number;
}

/** The language sentences are found in when a document has none (and a tag that is not one). */
export const FALLBACK_LOCALE = 'en';

/** How many code units the segmenter is given at a time (runs of whole lines, or a window of a long line). */
export const WINDOW = 1_000;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/**
 * The locale to find sentences in: `tag` when it is a well-formed BCP 47 language tag (canonical
 * form, `_` read as `-`), else `fallback`. The segmenter itself falls back to its root rules for a
 * language it has no data for.
 */
export function sentenceLocale(tag: string | null | undefined, fallback: string = FALLBACK_LOCALE): string {
  const given = tag?.trim().replace(/_/g, '-');
  if (!given) return fallback;
  try {
    return Intl.getCanonicalLocales(given)[0] ?? fallback;
  } catch {
    return fallback;
  }
}

/** The locale of a document from its variables' values: its language variable (`language`, `lang`…), else `fallback`. */
export function documentLocale(values: Readonly<Record<string, unknown>>, fallback: string = FALLBACK_LOCALE): string {
  return sentenceLocale(lineDirection(values).lang, fallback);
}

/**
 * The locale a document's sentences and words are found in: its language variable's, else the
 * language guessed from its text (shared/text/languages.ts), else FALLBACK_LOCALE.
 */
export function documentLanguage(values: Readonly<Record<string, unknown>>, text: string): string {
  const given = lineDirection(values).lang;
  if (given) return sentenceLocale(given);
  return guessLanguage(text) ?? FALLBACK_LOCALE;
}

/** A line break: the segmenter ends a sentence after each (CRLF is one). */
const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/g;
const WHITE_SPACE = /[\p{White_Space}\uFEFF]/u;

const isWhiteSpace = (unit: number) => unit <= 0x20 ? unit === 0x20 || (unit >= 0x09 && unit <= 0x0d) : unit >= 0x80 && WHITE_SPACE.test(String.fromCharCode(unit));

/** Options for tests: the size of what the segmenter is given at a time. */
export interface SentenceOptions {
  window?: number;
}

/** The sentences of `text` in `locale`, in text order (see the module's comment). An empty or blank text has none. */
export function sentencesOf(text: string, locale: string = FALLBACK_LOCALE, options: SentenceOptions = {}): Sentence[] {
  const window = options.window ?? WINDOW;
  const segmenter = segmenterFor(locale);
  const sentences: Sentence[] = [];

  const take = (from: number, to: number) => {
    let start = from;
    let end = to;
    while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
    while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
    if (start === end) return;
    // A trimmed edge beside a character outside the basic Latin and Greek blocks may have cut a
    // cluster (a space with a combining mark after it): widen it to whole characters.
    if ((start > from && text.charCodeAt(start) >= 0x300) || (end < to && text.charCodeAt(end - 1) >= 0x600)) {
      ({ start, end } = toCharacterEdges(text, start, end));
    }
    sentences.push({ start, end });
  };

  /** Every sentence of text[from, to), which ends after a line break or at the text's end. */
  const readRun = (from: number, to: number) => {
    for (const piece of segmenter.segment(text.slice(from, to))) take(from + piece.index, from + piece.index + piece.segment.length);
  };

  /** Every sentence of one long line, text[from, to), window by window. */
  const readLongLine = (from: number, to: number) => {
    const margin = Math.max(1, Math.floor(window / 4));
    let at = from;
    while (at < to) {
      for (let size = window; ; size *= 2) {
        let cut = Math.min(to, at + size);
        // Never cut a surrogate pair (the half would read as a character of its own).
        if (cut < to && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
        if (cut === to) {
          readRun(at, to);
          at = to;
          break;
        }
        let accepted = at;
        for (const piece of segmenter.segment(text.slice(at, cut))) {
          const end = at + piece.index + piece.segment.length;
          if (end > cut - margin) break;
          take(at + piece.index, end);
          accepted = end;
        }
        if (accepted > at) {
          at = accepted;
          break;
        }
        // One sentence longer than the window: read again with a larger one.
      }
    }
  };

  let runStart = 0;
  let lastLineEnd = 0;
  const lineEnds: number[] = [];
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(text); match; match = LINE_BREAK.exec(text)) lineEnds.push(match.index + match[0].length);
  if (lineEnds.at(-1) !== text.length) lineEnds.push(text.length);
  for (const lineEnd of lineEnds) {
    if (lineEnd - runStart > window) {
      if (lastLineEnd > runStart) {
        readRun(runStart, lastLineEnd);
        runStart = lastLineEnd;
      }
      if (lineEnd - runStart > window) {
        readLongLine(runStart, lineEnd);
        runStart = lineEnd;
      }
    }
    lastLineEnd = lineEnd;
  }
  if (lastLineEnd > runStart) readRun(runStart, lastLineEnd);
  return sentences;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
