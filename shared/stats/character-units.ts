/**
 * Character units: coded spans turned into reliability data whose units are characters, so that
 * the ordinary coefficients (Krippendorff's α, κ) can judge agreement on free-form coding.
 *
 * Every character of every document is one unit, and every listed coder gives every character a
 * value: a coder who never coded a document is taken to have read it and found nothing to code
 * (all zeros), never as missing. A document nobody should count must be left out of `continua`.
 *
 * The matrix is kept compressed: adjacent characters whose values agree for every coder form one
 * run, a column with a weight (its length), so a 1 MB text costs as many columns as it has span
 * boundaries. A coefficient that takes per-unit weights reads the runs directly (`runMatrix`);
 * `expandCharacterUnits` gives the full per-character matrix for one that does not.
 */
import { codersOf, documentIndexOf, layoutOf, type Continuum, type Span } from './continuum';

/** Which coders, and which code (or all codes), the units are built for. */
export interface CharacterUnitOptions {
  /**
   * The coders, one row each, in this order. Default: every coder that has a span, in code-unit
   * order. Spans of other coders are ignored.
   */
  coders?: readonly string[];
  /**
   * One code: each character is 1 where the coder applied it, else 0. Without it: each character
   * carries the set of codes the coder applied there (see `codeSetKey`).
   */
  code?: string;
}

/** Where a run lies: [start, end) of `document`, in UTF-16 code units. */
export interface CharacterRun {
  document: string;
  start: number;
  end: number;
}

/** Coders × characters in runs: `columns[r][c]` is coder c's value over run r. */
export interface CharacterUnits<V extends number | string> {
  coders: string[];
  /** One column per run, each holding one value per coder in the order of `coders`. */
  columns: V[][];
  /** The number of characters of each run (≥ 1). */
  weights: number[];
  /** Where each run lies, in the order of the continua, then of the text. */
  runs: CharacterRun[];
}

/** Separates codes in a code-set value; a code id holding it would be ambiguous. */
export const CODE_SET_SEPARATOR = '\u001f';

/** The value of a set of codes in the all-codes matrix: sorted, joined; '' for no code. */
export function codeSetKey(codes: Iterable<string>): string {
  return [...new Set(codes)].sort().join(CODE_SET_SEPARATOR);
}

/**
 * Coded spans as coders × characters for one code (values 0/1) or for all codes (values: the
 * `codeSetKey` of the codes a coder applied to the character, '' where none).
 *
 * Inputs: `spans` are [start, end) in UTF-16 code units of the documents in `continua` (throws a
 * `RangeError` for a span outside its document or in a document not listed); spans with
 * end ≤ start cover nothing. Overlapping spans of the same coder and code are the same as their
 * union: a character is coded or not. Characters are the units; every listed coder has a value for
 * every character of every listed document, 0 or '' where they coded nothing.
 */
export function characterUnits(
  spans: readonly Span[],
  continua: readonly Continuum[],
  options: CharacterUnitOptions & { code: string },
): CharacterUnits<number>;
export function characterUnits(
  spans: readonly Span[],
  continua: readonly Continuum[],
  options?: CharacterUnitOptions,
): CharacterUnits<string>;
export function characterUnits(
  spans: readonly Span[],
  continua: readonly Continuum[],
  options: CharacterUnitOptions = {},
): CharacterUnits<number> | CharacterUnits<string> {
  const layout = layoutOf(continua);
  const coders = codersOf(spans, options.coders);
  const coderIndex = new Map(coders.map((coder, index) => [coder, index]));
  const oneCode = options.code;

  // Boundary events per document: +1 where a coder's span of a code starts, −1 where it ends.
  const events: Array<Array<{ at: number; coder: number; code: string; step: number }>> = layout.lengths.map(
    () => [],
  );
  for (const span of spans) {
    const coder = coderIndex.get(span.coder);
    if (coder === undefined || (oneCode !== undefined && span.code !== oneCode)) continue;
    const document = documentIndexOf(span, layout);
    if (span.end <= span.start) continue;
    events[document].push({ at: span.start, coder, code: span.code, step: 1 });
    events[document].push({ at: span.end, coder, code: span.code, step: -1 });
  }

  const uncoded = oneCode === undefined ? '' : 0;
  const columns: Array<Array<number | string>> = [];
  const weights: number[] = [];
  const runs: CharacterRun[] = [];
  layout.lengths.forEach((length, document) => {
    if (length === 0) return;
    const list = events[document].sort((a, b) => a.at - b.at);
    // How many spans of each code cover the current position, per coder.
    const depth = coders.map(() => new Map<string, number>());
    const column: Array<number | string> = coders.map(() => uncoded);
    let position = 0;
    let e = 0;
    while (position < length) {
      while (e < list.length && list[e].at === position) {
        const { coder, code, step } = list[e++];
        const count = (depth[coder].get(code) ?? 0) + step;
        if (count === 0) depth[coder].delete(code);
        else depth[coder].set(code, count);
        column[coder] = oneCode === undefined ? codeSetKey(depth[coder].keys()) : depth[coder].size > 0 ? 1 : 0;
      }
      const end = e < list.length ? Math.min(list[e].at, length) : length;
      const last = columns.length - 1;
      const previous = runs[last];
      const sameDocument = previous !== undefined && previous.document === layout.documents[document];
      if (previous !== undefined && sameDocument && sameValues(columns[last], column)) {
        previous.end = end;
        weights[last] += end - position;
      } else {
        columns.push([...column]);
        weights.push(end - position);
        runs.push({ document: layout.documents[document], start: position, end });
      }
      position = end;
    }
  });
  return { coders, columns, weights, runs } as CharacterUnits<number> | CharacterUnits<string>;
}

/**
 * The full coders × characters matrix (`matrix[c][u]`, the layout the agreement coefficients
 * read), each run repeated over its characters, in the order of the continua. Its size is
 * coders × total characters: prefer `runMatrix` with the weights where a coefficient allows.
 */
export function expandCharacterUnits<V extends number | string>(units: CharacterUnits<V>): V[][] {
  const total = units.weights.reduce((sum, weight) => sum + weight, 0);
  return units.coders.map((_, coder) => {
    const row = new Array<V>(total);
    let at = 0;
    units.columns.forEach((column, run) => {
      row.fill(column[coder], at, at + units.weights[run]);
      at += units.weights[run];
    });
    return row;
  });
}

/**
 * The compressed matrix in the coders × units layout (`matrix[c][r]`, one unit per run), whose
 * columns line up with `units.weights`: a coefficient that counts unit r `weights[r]` times gives
 * the same result on it as on the expanded matrix, e.g. `alphaOfUnits(pairableUnitsOf(runMatrix(
 * units), 'nominal'), units.weights)` of `krippendorff-alpha.ts`. Every coder has a value in every
 * run, so no run drops out as unpairable while two or more coders are listed.
 */
export function runMatrix<V extends number | string>(units: CharacterUnits<V>): V[][] {
  return units.coders.map((_, coder) => units.columns.map((column) => column[coder]));
}

function sameValues(a: ReadonlyArray<number | string>, b: ReadonlyArray<number | string>): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
