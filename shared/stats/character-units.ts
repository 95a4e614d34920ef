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
  const oneCode = options.code;
  const chosen = oneCode === undefined ? spans : spans.filter((span) => span.code === oneCode);
  const numbered = numberedCharacterRuns(chosen, continua, codersOf(spans, options.coders));
  const m = numbered.coders.length;
  const columns: Array<Array<number | string>> = [];
  const runs: CharacterRun[] = [];
  for (let r = 0; r < numbered.weights.length; r++) {
    const column: Array<number | string> = [];
    for (let c = 0; c < m; c++) {
      const key = numbered.keys[numbered.values[r * m + c]];
      column.push(oneCode === undefined ? key : key === '' ? 0 : 1);
    }
    columns.push(column);
    runs.push({ document: numbered.documents[numbered.runDocuments[r]], start: numbered.runStarts[r], end: numbered.runEnds[r] });
  }
  return { coders: numbered.coders, columns, weights: Array.from(numbered.weights), runs } as CharacterUnits<number> | CharacterUnits<string>;
}

/**
 * The all-codes runs of `characterUnits` with no object or array per run: the form a report over
 * hundreds of thousands of runs reads. Run r lies in continuum `runDocuments[r]` (an index into
 * `documents`, the continua's documents in order) over [`runStarts[r]`, `runEnds[r]`) and counts
 * `weights[r]` characters; coder c's code set there is `keys[values[r * coders.length + c]]`, the
 * sets numbered in the order first met ('' for no code). Inputs and errors as `characterUnits`.
 */
export interface NumberedRuns {
  coders: string[];
  documents: readonly string[];
  runDocuments: Uint32Array;
  runStarts: Uint32Array;
  runEnds: Uint32Array;
  weights: Uint32Array;
  values: Uint32Array;
  keys: string[];
}

export function numberedCharacterRuns(spans: readonly Span[], continua: readonly Continuum[], listedCoders?: readonly string[]): NumberedRuns {
  const layout = layoutOf(continua);
  const coders = codersOf(spans, listedCoders);
  const m = coders.length;
  const coderIndex = new Map(coders.map((coder, index) => [coder, index]));
  // Codes numbered in code-unit order, so that a coder's codes listed by number are sorted as a key wants them.
  const codes = [...new Set(spans.map((span) => span.code))].sort();
  const codeIndex = new Map(codes.map((code, index) => [code, index]));
  const slots = m * codes.length;
  // Boundary events per document, each one number: at · 2·slots + (coder·codes + code)·2 + (1 for a start).
  const events: number[][] = layout.lengths.map(() => []);
  for (const span of spans) {
    const coder = coderIndex.get(span.coder);
    if (coder === undefined) continue;
    const document = documentIndexOf(span, layout);
    if (span.end <= span.start) continue;
    const slot = coder * codes.length + (codeIndex.get(span.code) as number);
    events[document].push(span.start * 2 * slots + slot * 2 + 1, span.end * 2 * slots + slot * 2);
  }

  const numbers = new Map<string, number>([['', 0]]);
  const keys = [''];
  const numberOf = (key: string) => {
    let number = numbers.get(key);
    if (number === undefined) {
      numbers.set(key, (number = keys.length));
      keys.push(key);
    }
    return number;
  };
  // At most one run per boundary and one more per document: the arrays are made once, at that size.
  const most = events.reduce((sum, list) => sum + list.length, 0) + layout.lengths.length;
  const runDocuments = new Uint32Array(most);
  const runStarts = new Uint32Array(most);
  const runEnds = new Uint32Array(most);
  const weights = new Uint32Array(most);
  const values = new Uint32Array(most * m);
  let count = 0;
  // How many spans of each code cover the current position, per coder; each coder's codes there, in number order.
  const depth = new Int32Array(slots);
  const active: number[][] = coders.map(() => []);
  const column = new Array<number>(m).fill(0);
  const changed = new Uint8Array(m);
  for (let document = 0; document < layout.lengths.length; document++) {
    const length = layout.lengths[document];
    if (length === 0) continue;
    const list = Float64Array.from(events[document]).sort();
    column.fill(0);
    let position = 0;
    let e = 0;
    let previousRun = -1;
    while (position < length) {
      while (e < list.length && Math.floor(list[e] / (2 * slots)) === position) {
        const event = list[e++] % (2 * slots);
        const slot = event >> 1;
        const coder = Math.floor(slot / codes.length);
        const code = slot % codes.length;
        const before = depth[slot];
        depth[slot] += event & 1 ? 1 : -1;
        if (before === 0 && depth[slot] > 0) insertSorted(active[coder], code);
        else if (before > 0 && depth[slot] === 0) active[coder].splice(active[coder].indexOf(code), 1);
        changed[coder] = 1;
      }
      for (let c = 0; c < m; c++) {
        if (!changed[c]) continue;
        changed[c] = 0;
        const own = active[c];
        column[c] = own.length === 0 ? 0 : numberOf(own.length === 1 ? codes[own[0]] : own.map((code) => codes[code]).join(CODE_SET_SEPARATOR));
      }
      const end = e < list.length ? Math.min(Math.floor(list[e] / (2 * slots)), length) : length;
      if (previousRun >= 0 && sameRun(values, previousRun * m, column)) {
        runEnds[previousRun] = end;
        weights[previousRun] += end - position;
      } else {
        previousRun = count++;
        runDocuments[previousRun] = document;
        runStarts[previousRun] = position;
        runEnds[previousRun] = end;
        weights[previousRun] = end - position;
        for (let c = 0; c < m; c++) values[previousRun * m + c] = column[c];
      }
      position = end;
    }
    // Spans that end with the text: their ends were not read above, and nothing carries over.
    for (; e < list.length; e++) depth[(list[e] % (2 * slots)) >> 1] = 0;
    for (const own of active) own.length = 0;
  }
  return {
    coders,
    documents: layout.documents,
    runDocuments: runDocuments.subarray(0, count),
    runStarts: runStarts.subarray(0, count),
    runEnds: runEnds.subarray(0, count),
    weights: weights.subarray(0, count),
    values: values.subarray(0, count * m),
    keys,
  };
}

function insertSorted(list: number[], value: number): void {
  let i = list.length;
  list.push(value);
  while (i > 0 && list[i - 1] > value) {
    list[i] = list[i - 1];
    i--;
  }
  list[i] = value;
}

function sameRun(values: Uint32Array, at: number, column: readonly number[]): boolean {
  for (let c = 0; c < column.length; c++) if (values[at + c] !== column[c]) return false;
  return true;
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


/** The all-codes `units` in the form of `numberedCharacterRuns` (the documents in the order of their runs). */
export function numberedRunsOf(units: CharacterUnits<string>): NumberedRuns {
  const m = units.coders.length;
  const count = units.runs.length;
  const documents: string[] = [];
  const numbers = new Map<string, number>([['', 0]]);
  const keys = [''];
  const result: NumberedRuns = {
    coders: units.coders,
    documents,
    runDocuments: new Uint32Array(count),
    runStarts: new Uint32Array(count),
    runEnds: new Uint32Array(count),
    weights: Uint32Array.from(units.weights),
    values: new Uint32Array(count * m),
    keys,
  };
  units.runs.forEach((run, r) => {
    if (documents[documents.length - 1] !== run.document) documents.push(run.document);
    result.runDocuments[r] = documents.length - 1;
    result.runStarts[r] = run.start;
    result.runEnds[r] = run.end;
    for (let c = 0; c < m; c++) {
      const key = units.columns[r][c];
      let number = numbers.get(key);
      if (number === undefined) {
        numbers.set(key, (number = keys.length));
        keys.push(key);
      }
      result.values[r * m + c] = number;
    }
  });
  return result;
}

/** Per code of `codeIds`, per code-set key of `keys`: 1 when the set holds the code, else 0. */
export function codeSetHolds(keys: readonly string[], codeIds: readonly string[]): Uint8Array[] {
  const sets = keys.map((key) => new Set(key === '' ? [] : key.split(CODE_SET_SEPARATOR)));
  return codeIds.map((codeId) => Uint8Array.from(sets, (set) => (set.has(codeId) ? 1 : 0)));
}
