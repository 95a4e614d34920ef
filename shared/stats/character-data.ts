/**
 * What a reliability report reads and compares, checked against each other and converted to the
 * report's units: characters counted in Unicode code points, so that an emoji counts once, as it
 * does for Python and R. The workbench keeps offsets in UTF-16 code units; each span keeps those
 * too, for the disagreements shown in the text.
 */
import { CodePointIndex } from '../text/offsets';
import { CODE_SET_SEPARATOR } from './character-units';
import type { Continuum, Span } from './continuum';

/** What the report reads: the texts, the codebook and the coded segments of a project. */
export interface ReliabilityInput {
  /** The exact texts; segment offsets are UTF-16 code units into them. */
  documents: ReadonlyArray<{ id: string; title: string; text: string }>;
  codes: ReadonlyArray<{ id: string; name: string; parentId: string | null }>;
  /** [start, end) in UTF-16 code units of the document's text. */
  segments: ReadonlyArray<{ id: string; documentId: string; codeId: string; start: number; end: number; coder: string }>;
}

/** What the report compares. */
export interface ReliabilityOptions {
  /** The coders compared, at least two. */
  coders: readonly string[];
  /**
   * The documents compared. Every chosen coder is taken to have coded each of them: text a coder
   * left uncoded counts as "not coded", never as missing.
   */
  documentIds: readonly string[];
  /** The codes compared; segments of other codes are ignored. */
  codeIds: readonly string[];
  /** For segment agreement: the least overlap in percent (shared over covered characters). */
  minOverlap: number;
  /**
   * Bootstrap intervals for nominal α (over characters); none when left out. `unit`: what is
   * resampled, coded stretches (the default) or whole documents (at least 30 of them).
   */
  bootstrap?: { samples: number; seed: number; unit?: BootstrapUnit };
  /**
   * Whether the report lists the disagreements (each unmatched segment beside the other coder's
   * closest one); default true. The analysis report shows only the figures and asks for none:
   * the listing is most of the work on a large project. Every figure is the same either way.
   */
  listDisagreements?: boolean;
}

/**
 * What the bootstrap of α resamples: coded stretches (each with the uncoded text before it), or
 * whole documents, which also lets the stretches of one document depend on each other.
 */
export type BootstrapUnit = 'coded-stretch' | 'document';

/** A chosen segment with offsets in code points, keeping its id and its UTF-16 offsets. */
export interface CodePointSpan extends Span {
  id: string;
  utf16Start: number;
  utf16End: number;
}

/** The chosen data, checked, with offsets and lengths in code points. */
export interface CharacterData {
  coders: string[];
  documentIds: string[];
  codeIds: string[];
  /** The chosen documents, lengths in code points. */
  continua: Continuum[];
  /** The chosen segments that cover something, in code points. */
  spans: CodePointSpan[];
  /** Chosen segments with end ≤ start, which cover nothing and are left out. */
  emptySegments: number;
}

/**
 * Checks the options against the input and converts the chosen segments to code points (errors
 * as `reliabilityReport`). Lists are de-duplicated, their order kept.
 */
export function characterData(
  input: ReliabilityInput,
  options: Pick<ReliabilityOptions, 'coders' | 'documentIds' | 'codeIds'>,
): CharacterData {
  const coders = [...new Set(options.coders)];
  if (coders.length < 2) throw new RangeError(`Reliability compares at least two coders; ${coders.length} chosen.`);
  const documentIds = [...new Set(options.documentIds)];
  const codeIds = [...new Set(options.codeIds)];
  const texts = new Map(input.documents.map((document) => [document.id, document.text]));
  const known = new Set(input.codes.map((code) => code.id));
  for (const id of documentIds) if (!texts.has(id)) throw new RangeError(`There is no document "${id}".`);
  for (const id of codeIds) {
    if (!known.has(id)) throw new RangeError(`There is no code "${id}".`);
    if (id.includes(CODE_SET_SEPARATOR)) throw new RangeError(`The code id "${id}" holds U+001F, which the code sets use.`);
  }
  const indexes = new Map(documentIds.map((id) => [id, new CodePointIndex(texts.get(id) as string)]));
  const chosenCoders = new Set(coders);
  const chosenCodes = new Set(codeIds);
  const spans: CodePointSpan[] = [];
  let emptySegments = 0;
  for (const segment of input.segments) {
    const index = indexes.get(segment.documentId);
    if (index === undefined || !chosenCoders.has(segment.coder) || !chosenCodes.has(segment.codeId)) continue;
    let start: number;
    let end: number;
    try {
      start = index.toCodePoints(segment.start);
      end = index.toCodePoints(segment.end);
    } catch (error) {
      throw new RangeError(`Segment "${segment.id}" (${segment.start}–${segment.end}) does not fit its text: ${(error as Error).message}.`);
    }
    if (end <= start) {
      emptySegments++;
      continue;
    }
    const { id, documentId: document, codeId: code, coder } = segment;
    spans.push({ id, coder, code, document, start, end, utf16Start: segment.start, utf16End: segment.end });
  }
  const continua = documentIds.map((document) => ({ document, length: (indexes.get(document) as CodePointIndex).codePointLength }));
  return { coders, documentIds, codeIds, continua, spans, emptySegments };
}
