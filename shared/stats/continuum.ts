/**
 * Spans on continua: the input shapes of the span statistics and their shared preparation. Coders
 * mark spans of a text freely, so there is no fixed list of units to compare; the unitizing
 * coefficients (`unitizing-alpha.ts`, `unitizing-2016.ts`) and the character runs
 * (`character-units.ts`) compare the coders' segmentations of the text (the "continuum") directly.
 *
 * This module owns the span and continuum shapes, the checks of both, and each coder's units per
 * document as sorted intervals (never per character, so a 1 MB text with thousands of segments
 * costs the same as a short one with as many segments).
 *
 * Offsets everywhere are those of the rest of the workbench: UTF-16 code units of the exact text,
 * start inclusive, end exclusive. "Character" below means one such code unit.
 */

/** One coded passage: `coder` marked [start, end) of `document` with `code`. */
export interface Span {
  coder: string;
  code: string;
  document: string;
  /** Inclusive start offset (UTF-16 code units). */
  start: number;
  /** Exclusive end offset (UTF-16 code units). */
  end: number;
}

/** A document as a continuum: its text length in UTF-16 code units. */
export interface Continuum {
  document: string;
  length: number;
}

/** Which coders and codes a unitizing coefficient compares. */
export interface UnitizingOptions {
  /**
   * The coders compared. Default: every coder that has a span, in code-unit order. A listed coder
   * with no span counts as having coded nothing anywhere (the whole text is a gap for them).
   * Spans of coders not listed are ignored.
   */
  coders?: readonly string[];
  /** The codes analysed. Default: every code of the listed coders' spans, in code-unit order. */
  codes?: readonly string[];
}

/** A coefficient with the two disagreements it is made of, for a report that shows its working. */
export interface AlphaParts {
  /** 1 − D_o / D_e; `NaN` where the coefficient is undefined (see each function). */
  alpha: number;
  observedDisagreement: number;
  expectedDisagreement: number;
}

/** The parts of a coefficient that is undefined: all `NaN`. */
export function undefinedAlphaParts(): AlphaParts {
  return { alpha: Number.NaN, observedDisagreement: Number.NaN, expectedDisagreement: Number.NaN };
}

/** The continua in the order given, with their lengths and the total. */
export interface ContinuumLayout {
  readonly documents: readonly string[];
  readonly lengths: readonly number[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly total: number;
}

/** Checks the continua (distinct documents, integer lengths ≥ 0) and indexes them. */
export function layoutOf(continua: readonly Continuum[]): ContinuumLayout {
  const indexOf = new Map<string, number>();
  let total = 0;
  continua.forEach((continuum, index) => {
    if (indexOf.has(continuum.document)) {
      throw new RangeError(`The document "${continuum.document}" is listed twice among the continua.`);
    }
    if (!Number.isInteger(continuum.length) || continuum.length < 0) {
      throw new RangeError(
        `The document "${continuum.document}" has length ${continuum.length}; use a whole number ≥ 0.`,
      );
    }
    indexOf.set(continuum.document, index);
    total += continuum.length;
  });
  return {
    documents: continua.map((continuum) => continuum.document),
    lengths: continua.map((continuum) => continuum.length),
    indexOf,
    total,
  };
}

/**
 * The index of `span`'s document in `layout`; throws a `RangeError` when the document is not
 * there or the span's offsets are not whole numbers inside it.
 */
export function documentIndexOf(span: Span, layout: ContinuumLayout): number {
  const index = layout.indexOf.get(span.document);
  if (index === undefined) {
    throw new RangeError(`A span of ${span.coder} lies in "${span.document}", which is not among the continua.`);
  }
  const length = layout.lengths[index];
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > length) {
    throw new RangeError(
      `A span of ${span.coder} (${span.start}–${span.end}) lies outside "${span.document}" (0–${length}).`,
    );
  }
  return index;
}

/** `listed`, or every coder that has a span, in code-unit order. */
export function codersOf(spans: readonly Span[], listed: readonly string[] | undefined): string[] {
  if (listed !== undefined) return [...new Set(listed)];
  return [...new Set(spans.map((span) => span.coder))].sort();
}

/** `listed`, or every code of the spans of `coders`, in code-unit order. */
export function codesOf(spans: readonly Span[], coders: readonly string[], listed: readonly string[] | undefined): string[] {
  if (listed !== undefined) return [...new Set(listed)];
  const included = new Set(coders);
  return [...new Set(spans.filter((span) => included.has(span.coder)).map((span) => span.code))].sort();
}

/** A unit on one document: [start, end) carrying a value index. */
export interface Unit {
  start: number;
  end: number;
  value: number;
}

/**
 * Each listed coder's units per document ([coder][document], sorted by start), from the spans for
 * which `valueOf` gives an index ≥ 0. Overlapping units of one value merge into their union; with
 * `partition`, overlapping units of two values throw (`nameOf` names a value in the message).
 * Spans are checked as `documentIndexOf`; spans with end ≤ start are left out.
 */
export function unitsByCoder(
  spans: readonly Span[],
  layout: ContinuumLayout,
  coders: readonly string[],
  valueOf: (span: Span) => number,
  partition: boolean,
  nameOf: (value: number) => string = String,
): Unit[][][] {
  const coderIndex = new Map(coders.map((coder, index) => [coder, index]));
  const units: Unit[][][] = coders.map(() => layout.lengths.map(() => []));
  for (const span of spans) {
    const coder = coderIndex.get(span.coder);
    if (coder === undefined) continue;
    const value = valueOf(span);
    if (value < 0) continue;
    const document = documentIndexOf(span, layout);
    if (span.end <= span.start) continue;
    units[coder][document].push({ start: span.start, end: span.end, value });
  }
  return units.map((perDocument, coder) =>
    perDocument.map((list, document) => {
      list.sort((a, b) => a.value - b.value || a.start - b.start);
      const merged: Unit[] = [];
      for (const unit of list) {
        const last = merged[merged.length - 1];
        if (last !== undefined && last.value === unit.value && unit.start < last.end) {
          last.end = Math.max(last.end, unit.end);
        } else {
          // Made above for this list alone, so a unit is merged into in place.
          merged.push(unit);
        }
      }
      merged.sort((a, b) => a.start - b.start);
      if (partition) {
        for (let i = 1; i < merged.length; i++) {
          const [a, b] = [merged[i - 1], merged[i]];
          if (b.start < a.end) {
            throw new RangeError(
              `${coders[coder]} coded ${a.start}–${a.end} of "${layout.documents[document]}" with ` +
                `${nameOf(a.value)} and ${b.start}–${b.end} with ${nameOf(b.value)}; these coefficients ` +
                'need the analysed codes of one coder not to overlap.',
            );
          }
        }
      }
      return merged;
    }),
  );
}

/** A section of one coder's partition of a document: a unit (`coded`) or a gap. */
export interface Section {
  start: number;
  end: number;
  coded: boolean;
}

/** Units (sorted, not overlapping) and the gaps between them, covering [0, length). */
export function sectionsOf(units: readonly Unit[], length: number): Section[] {
  const sections: Section[] = [];
  let position = 0;
  for (const unit of units) {
    if (unit.start > position) sections.push({ start: position, end: unit.start, coded: false });
    sections.push({ start: unit.start, end: unit.end, coded: true });
    position = unit.end;
  }
  if (position < length) sections.push({ start: position, end: length, coded: false });
  return sections;
}
