/**
 * What every figure of the Analysis area is computed from: the documents and coded segments the
 * viewer may see (blind coding hides the other coders' segments) that pass the analysis filter
 * (documents, coders, a variable's values), with each segment's offsets also in Unicode code
 * points. Characters are counted in code points throughout, as the exports give offsets.
 *
 * A cache keeps, per document text, what is costly and never changes while the text does not
 * (its code-point index and its words), so that figures are recomputed as coding goes on without
 * reading every text again.
 */
import { codeAndDescendants, codePath, codeTree, type Code } from '../model/codebook';
import type { DocumentRecord } from '../model/documents';
import type { DatasetInput } from '../model/project';
import type { CodedSegment } from '../model/segments';
import type { VariableDefinition, VariableValue } from '../model/variables';
import { CodePointIndex } from '../text/offsets';
import { isShownTo, type Viewer } from '../views/blind-coding';
import { paragraphRanges, type ParagraphBreak } from './paragraphs';
import type { Range } from './spans';
import { wordIndexer, type WordIndex } from '../text/word-index';

/** Which documents and segments a figure counts. Null: no limit. */
export interface AnalysisFilter {
  documentIds: readonly string[] | null;
  coders: readonly string[] | null;
  /** A document variable and the values its documents must have, as text ('' for no value). */
  variable: { name: string; values: readonly string[] } | null;
}

export const NO_ANALYSIS_FILTER: AnalysisFilter = { documentIds: null, coders: null, variable: null };

/** A coded segment as the figures count it: UTF-16 offsets (`start16`, `end16`) and code points (`start`, `end`). */
export interface AnalysisSegment {
  segment: CodedSegment;
  codeId: string;
  coder: string;
  start16: number;
  end16: number;
  start: number;
  end: number;
}

/** A document of the analysis, with its segments in text order. */
export interface AnalysisDocument {
  record: DocumentRecord;
  text: string;
  /** Length in code points. */
  length: number;
  codePoints: CodePointIndex;
  segments: AnalysisSegment[];
}

/** The documents and segments that pass the filter, and the codebook. */
export interface AnalysisCorpus {
  documents: AnalysisDocument[];
  codes: readonly Code[];
  variables: readonly VariableDefinition[];
  /** The coders whose segments are counted, by name. */
  coders: string[];
  cache: AnalysisCache;
}

interface CachedText {
  text: string;
  codePoints: CodePointIndex;
  words: Map<string, WordIndex>;
  forms: Map<string, Int32Array>;
  paragraphs: Map<ParagraphBreak, Range[]>;
  /** The document's segments as last given, and as the figures count them. */
  segments: { given: CodedSegment[]; counted: AnalysisSegment[] } | null;
}

/** The lower-case forms of the words of every text, numbered, for one locale. */
export interface WordForms {
  forms: string[];
  idOf: Map<string, number>;
}

/** True when the two lists hold the very same items in the same order. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Per-document work kept between figures, by document id, while the text is the same: code-point
 * and word indexes, each word's lower-case form as a number, the paragraphs, and the document's
 * segments with their code-point offsets (made again only when a segment of the document has
 * changed: edits replace the records they change, never change them in place).
 */
export class AnalysisCache {
  private readonly texts = new Map<string, CachedText>();
  private readonly indexers = new Map<string, (text: string) => WordIndex>();
  private readonly lexicons = new Map<string, WordForms & { rawId: Map<string, number> }>();
  private grouped: { segments: CodedSegment[]; key: string; byDocument: Map<string, CodedSegment[]> } | null = null;

  /**
   * The segments `keep` accepts, by document id, in their given order; made again only when the
   * list of segments or `key` (what `keep` depends on) has changed.
   */
  segmentsByDocument(segments: readonly CodedSegment[], key: string, keep: (segment: CodedSegment) => boolean): Map<string, CodedSegment[]> {
    if (this.grouped && this.grouped.key === key && sameItems(this.grouped.segments, segments)) return this.grouped.byDocument;
    const byDocument = new Map<string, CodedSegment[]>();
    for (const segment of segments) {
      if (!keep(segment)) continue;
      const list = byDocument.get(segment.documentId);
      if (list) list.push(segment);
      else byDocument.set(segment.documentId, [segment]);
    }
    this.grouped = { segments: [...segments], key, byDocument };
    return byDocument;
  }

  private entry(documentId: string, text: string): CachedText {
    let entry = this.texts.get(documentId);
    if (!entry || entry.text !== text) {
      entry = { text, codePoints: new CodePointIndex(text), words: new Map(), forms: new Map(), paragraphs: new Map(), segments: null };
      this.texts.set(documentId, entry);
    }
    return entry;
  }

  /** The document's segments as the figures count them, in text order. */
  countedSegments(documentId: string, text: string, given: CodedSegment[]): AnalysisSegment[] {
    const entry = this.entry(documentId, text);
    if (entry.segments && sameItems(entry.segments.given, given)) return entry.segments.counted;
    const codePoints = entry.codePoints;
    const counted = given.map((segment) => ({
      segment,
      codeId: segment.codeId,
      coder: segment.coder,
      start16: segment.start,
      end16: segment.end,
      start: codePoints.toCodePoints(segment.start),
      end: codePoints.toCodePoints(segment.end),
    }));
    counted.sort((a, b) => a.start - b.start || a.end - b.end || (a.segment.id < b.segment.id ? -1 : a.segment.id > b.segment.id ? 1 : 0));
    entry.segments = { given, counted };
    return counted;
  }

  paragraphs(documentId: string, text: string, breaks: ParagraphBreak): Range[] {
    const entry = this.entry(documentId, text);
    let paragraphs = entry.paragraphs.get(breaks);
    if (!paragraphs) entry.paragraphs.set(breaks, (paragraphs = paragraphRanges(text, breaks)));
    return paragraphs;
  }

  /** The numbered lower-case forms of the words of the texts seen so far, for `locale`. */
  lexicon(locale = 'en'): WordForms & { rawId: Map<string, number> } {
    let lexicon = this.lexicons.get(locale);
    if (!lexicon) this.lexicons.set(locale, (lexicon = { forms: [], idOf: new Map(), rawId: new Map() }));
    return lexicon;
  }

  /** The number of each word's lower-case form in `lexicon(locale)`, word by word of `words(…)`. */
  wordForms(documentId: string, text: string, locale = 'en'): Int32Array {
    const entry = this.entry(documentId, text);
    let ids = entry.forms.get(locale);
    if (!ids) {
      const words = this.words(documentId, text, locale);
      const lexicon = this.lexicon(locale);
      ids = new Int32Array(words.count);
      for (let i = 0; i < words.count; i++) {
        const raw = text.slice(words.starts[i], words.ends[i]);
        let id = lexicon.rawId.get(raw);
        if (id === undefined) {
          const form = raw.toLocaleLowerCase(locale);
          id = lexicon.idOf.get(form);
          if (id === undefined) {
            id = lexicon.forms.length;
            lexicon.forms.push(form);
            lexicon.idOf.set(form, id);
          }
          lexicon.rawId.set(raw, id);
        }
        ids[i] = id;
      }
      entry.forms.set(locale, ids);
    }
    return ids;
  }

  /**
   * Lets go of the work kept for documents the project no longer has (removed, or replaced by an
   * import), so that a long session of imports and removals does not keep every text ever seen.
   */
  keepOnly(documentIds: ReadonlySet<string>): void {
    if (this.texts.size <= documentIds.size && [...this.texts.keys()].every((id) => documentIds.has(id))) return;
    for (const id of this.texts.keys()) if (!documentIds.has(id)) this.texts.delete(id);
  }

  /** How many documents' work is kept (for tests). */
  get keptDocuments(): number {
    return this.texts.size;
  }

  codePoints(documentId: string, text: string): CodePointIndex {
    return this.entry(documentId, text).codePoints;
  }

  /** The words of the document's text, split for `locale`. */
  words(documentId: string, text: string, locale = 'en'): WordIndex {
    const entry = this.entry(documentId, text);
    let words = entry.words.get(locale);
    if (!words) {
      let indexer = this.indexers.get(locale);
      if (!indexer) this.indexers.set(locale, (indexer = wordIndexer(locale)));
      entry.words.set(locale, (words = indexer(text)));
    }
    return words;
  }
}

/** A document's value of a variable as text: '' when it has none. */
export function valueText(record: DocumentRecord, name: string): string {
  const value: VariableValue | undefined = record.values[name];
  return value === undefined || value === null ? '' : String(value);
}

/**
 * The corpus a figure counts: the documents of `input` that pass the filter (a document with no
 * segments stays: it counts in the denominators), each with the segments the viewer may see
 * whose coder passes the filter and whose code is in the codebook, in text order.
 */
export function analysisCorpus(input: DatasetInput, viewer: Viewer, filter: AnalysisFilter = NO_ANALYSIS_FILTER, cache = new AnalysisCache()): AnalysisCorpus {
  const wantedDocuments = filter.documentIds ? new Set(filter.documentIds) : null;
  const wantedCoders = filter.coders ? new Set(filter.coders) : null;
  const wantedValues = filter.variable ? new Set(filter.variable.values) : null;
  const known = new Set(input.codes.map((code) => code.id));
  // Blind coding, the coder filter and the codebook decide which segments count.
  const key = JSON.stringify([viewer.blind ? viewer.coder : null, filter.coders, [...known]]);
  const byDocument = cache.segmentsByDocument(input.segments, key, (segment) => isShownTo(viewer, segment) && (!wantedCoders || wantedCoders.has(segment.coder)) && known.has(segment.codeId));
  cache.keepOnly(new Set(input.documents.map(({ record }) => record.id)));
  const coders = new Set<string>();
  const documents: AnalysisDocument[] = [];
  for (const { record, text } of input.documents) {
    if (wantedDocuments && !wantedDocuments.has(record.id)) continue;
    if (filter.variable && !wantedValues!.has(valueText(record, filter.variable.name))) continue;
    const codePoints = cache.codePoints(record.id, text);
    const given = byDocument.get(record.id) ?? [];
    for (const segment of given) coders.add(segment.coder);
    const segments = cache.countedSegments(record.id, text, given);
    documents.push({ record, text, length: codePoints.codePointLength, codePoints, segments });
  }
  return { documents, codes: input.codes, variables: input.variables ?? [], coders: [...coders].sort(), cache };
}

/** A code as a row or column of a table: its id, path, depth in the tree and the codes it counts. */
export interface CodeColumn {
  codeId: string;
  name: string;
  path: string;
  colour: string;
  depth: number;
  /** The code ids whose segments count for it: itself, and with sub-codes summed its sub-codes at any depth. */
  members: ReadonlySet<string>;
}

/** The codes in tree order, each with what it counts. */
export function codeColumns(codes: readonly Code[], withSubcodes: boolean): CodeColumn[] {
  return codeTree(codes).map(({ code, depth }) => ({
    codeId: code.id,
    name: code.name,
    path: codePath(codes, code.id),
    colour: code.colour,
    depth,
    members: withSubcodes ? codeAndDescendants(codes, code.id) : new Set([code.id]),
  }));
}

/** The group of a variable's value: '' when the document has none (that group is named “(no value)”). */
export const NO_VALUE_LABEL = '(no value)';

/**
 * The values a variable takes among the documents, in order: a list variable's choices in their
 * order, numbers by size, other values alphabetically; the group with no value last.
 */
export function variableGroups(documents: readonly AnalysisDocument[], variables: readonly VariableDefinition[], name: string): string[] {
  const definition = variables.find((v) => v.name === name);
  const seen = new Set(documents.map((d) => valueText(d.record, name)));
  const present = [...seen].filter((value) => value !== '');
  if (definition?.type === 'choice') {
    const order = new Map(definition.choices.map((choice, i) => [choice, i]));
    present.sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b));
  } else if (definition?.type === 'number') present.sort((a, b) => Number(a) - Number(b));
  else present.sort((a, b) => a.localeCompare(b));
  return seen.has('') ? [...present, ''] : present;
}
