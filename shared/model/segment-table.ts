/**
 * The segments of an open project by id (and by document), kept in step with every change: a
 * project of 100,000 segments must not be scanned whole to add, change, find or remove one.
 *
 * A table is attached to a project object once (`indexSegments`); from then on the project's
 * `segments` is read from it, in the same order a plain list would keep (a record changed keeps
 * its place, a new one comes last, a removed one leaves the others in order), and the undo
 * engine (shared/edits/changes.ts) and the lookups (shared/edits/find.ts) go through it. A
 * project without a table (a copy, a test's plain object) keeps working on its list, by scanning.
 * It sits with the records, not the edits, since the undo engine may know records only.
 */
import type { CodedSegment } from './segments';

export class SegmentTable {
  private readonly byId = new Map<string, CodedSegment>();
  /** The segments of each document, made when first asked for and then kept in step. */
  private byDocument: Map<string, Map<string, CodedSegment>> | null = null;
  /** The segments as a list, made when first read after a change. */
  private list: CodedSegment[] | null = null;
  /** How many segments each coder has in each document, made when first asked for and then kept in step. */
  private counts: Map<string, Map<string, number>> | null = null;

  constructor(segments: Iterable<CodedSegment>) {
    // Nothing else is kept yet (the lists by document and the counts are made when first asked for).
    for (const segment of segments) this.byId.set(segment.id, segment);
    // A list without two segments of one id is already the table's list: no copy is made.
    if (Array.isArray(segments) && segments.length === this.byId.size) this.list = segments;
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): CodedSegment | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Puts a segment (keeping its place if one with its id is there) or takes it out (null). */
  put(id: string, segment: CodedSegment | null): void {
    if (this.counts) {
      const old = this.byId.get(id);
      if (old) count(this.counts, old, -1);
      if (segment) count(this.counts, segment, 1);
    }
    if (this.byDocument) {
      const old = this.byId.get(id);
      // A segment moved to another document (no edit does that) would come last in its new
      // document's list but keep its place in the whole list: the lists are made again instead.
      if (old && segment && old.documentId !== segment.documentId) this.byDocument = null;
      else if (old && !segment) this.byDocument.get(old.documentId)?.delete(id);
      else if (segment) this.putInDocument(this.byDocument, segment);
    }
    if (segment) this.byId.set(id, segment);
    else this.byId.delete(id);
    this.list = null;
  }

  private putInDocument(byDocument: Map<string, Map<string, CodedSegment>>, segment: CodedSegment): void {
    let ofDocument = byDocument.get(segment.documentId);
    if (!ofDocument) byDocument.set(segment.documentId, (ofDocument = new Map()));
    ofDocument.set(segment.id, segment);
  }

  private documents(): Map<string, Map<string, CodedSegment>> {
    if (!this.byDocument) {
      const byDocument = new Map<string, Map<string, CodedSegment>>();
      for (const segment of this.byId.values()) this.putInDocument(byDocument, segment);
      this.byDocument = byDocument;
    }
    return this.byDocument;
  }

  /** Every segment, in the list's order. The list is shared: read it, never change it. */
  items(): CodedSegment[] {
    return (this.list ??= [...this.byId.values()]);
  }

  /** The segments of one document, in the list's order. */
  ofDocument(documentId: string): CodedSegment[] {
    const ofDocument = this.documents().get(documentId);
    return ofDocument ? [...ofDocument.values()] : [];
  }

  /** How many segments one document has. */
  countOf(documentId: string): number {
    return this.documents().get(documentId)?.size ?? 0;
  }

  /**
   * How many segments each coder has in each document (document id → coder → count; none of 0),
   * kept in step with every change, so that the overview the page asks for after each change
   * does not count 100,000 segments again. Shared: read it, never change it.
   */
  coderCounts(): ReadonlyMap<string, ReadonlyMap<string, number>> {
    if (!this.counts) {
      const counts = new Map<string, Map<string, number>>();
      for (const segment of this.byId.values()) count(counts, segment, 1);
      this.counts = counts;
    }
    return this.counts;
  }

  /** Replaces every segment (a project's list set anew). */
  reset(segments: Iterable<CodedSegment>): void {
    this.byId.clear();
    this.byDocument = null;
    this.counts = null;
    for (const segment of segments) this.put(segment.id, segment);
    this.list = null;
  }
}

/** Adds `by` to the count of the segment's coder in its document, dropping a count that reaches 0. */
function count(counts: Map<string, Map<string, number>>, segment: CodedSegment, by: 1 | -1): void {
  let ofDocument = counts.get(segment.documentId);
  if (!ofDocument) counts.set(segment.documentId, (ofDocument = new Map()));
  const next = (ofDocument.get(segment.coder) ?? 0) + by;
  if (next > 0) ofDocument.set(segment.coder, next);
  else {
    ofDocument.delete(segment.coder);
    if (!ofDocument.size) counts.delete(segment.documentId);
  }
}

const tables = new WeakMap<object, SegmentTable>();

/**
 * Attaches a table to a project object (once: a project already indexed keeps its table), and
 * makes its `segments` read from the table and, set anew, fill it. `made` is a table of exactly
 * the project's segments, made already (by the check of a project file).
 */
export function indexSegments(project: { segments: CodedSegment[] }, made?: SegmentTable): SegmentTable {
  const existing = tables.get(project);
  if (existing) return existing;
  const table = made ?? new SegmentTable(project.segments);
  Object.defineProperty(project, 'segments', {
    configurable: true,
    enumerable: true,
    get: () => table.items(),
    set: (segments: Iterable<CodedSegment>) => table.reset(segments),
  });
  tables.set(project, table);
  return table;
}

/** The table attached to a project, if it has one. */
export function segmentTableOf(project: object): SegmentTable | undefined {
  return tables.get(project);
}

/** The segment with this id, through the project's table when it has one; undefined when there is none. */
export function segmentWithId(state: { segments: readonly CodedSegment[] }, id: string): CodedSegment | undefined {
  const table = tables.get(state);
  return table ? table.get(id) : state.segments.find((segment) => segment.id === id);
}

/** The segments of one document, through the project's table when it has one. */
export function segmentsOfDocument(state: { segments: readonly CodedSegment[] }, documentId: string): CodedSegment[] {
  const table = tables.get(state);
  return table ? table.ofDocument(documentId) : state.segments.filter((segment) => segment.documentId === documentId);
}
