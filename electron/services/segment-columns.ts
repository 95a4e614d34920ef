/**
 * Coded segments packed for crossing between the main process and a worker thread. Copying
 * 100,000 segments between threads as objects costs close to a second of CPU (on the sending
 * thread, half a second in which nothing else is answered); packed, their numbers travel in typed
 * arrays that are moved, not copied, their strings as a few joined strings, and their quotes not
 * at all when, as always in a sound project, a quote is its document's text between its offsets:
 * both sides have the text. Unpacking gives the same segments, and an import plan's changes the
 * same changes in the same order.
 */
import type { Change } from '../../shared/model/changes';
import type { CodedSegment } from '../../shared/model/segments';

/** Coded segments in columns. */
export interface PackedSegments {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** Index into `names` of each segment's document, code and coder. */
  documents: Int32Array;
  codes: Int32Array;
  coders: Int32Array;
  names: string[];
  /** Each segment's id, creation and update times, joined by line feeds (none of them holds one). */
  ids: string;
  created: string;
  updated: string;
  /** The memos that are not empty, by segment. */
  memos: Array<[number, string]>;
  /** The segments accepted from a suggestion (every other one was coded by hand). */
  suggested: number[];
  /** The quotes that are not their document's text between the segment's offsets, by segment. */
  quotes: Array<[number, string]>;
}

/** An import plan's changes: its new segments packed, and every other change after how many of them it comes. */
export interface PackedChanges {
  segments: PackedSegments;
  others: Array<[number, Change]>;
}

/** The text of a document, by its id. */
export type TextOf = (documentId: string) => string;

const SEPARATOR = '\n';

/** True when a segment's strings can be joined by the separator. */
const joinable = (segment: CodedSegment) => !segment.id.includes(SEPARATOR) && !segment.createdAt.includes(SEPARATOR) && !segment.updatedAt.includes(SEPARATOR);

/** Packs segments (each must be `joinable`); `transfer` lists the buffers to move with them. */
export function packSegments(segments: readonly CodedSegment[], textOf: TextOf): { packed: PackedSegments; transfer: ArrayBuffer[] } {
  const count = segments.length;
  const names: string[] = [];
  const indexOfName = new Map<string, number>();
  const nameIndex = (name: string) => {
    let index = indexOfName.get(name);
    if (index === undefined) {
      index = names.push(name) - 1;
      indexOfName.set(name, index);
    }
    return index;
  };
  const packed: PackedSegments = {
    count,
    starts: new Int32Array(count),
    ends: new Int32Array(count),
    documents: new Int32Array(count),
    codes: new Int32Array(count),
    coders: new Int32Array(count),
    names,
    ids: segments.map((s) => s.id).join(SEPARATOR),
    created: segments.map((s) => s.createdAt).join(SEPARATOR),
    updated: segments.map((s) => s.updatedAt).join(SEPARATOR),
    memos: [],
    suggested: [],
    quotes: [],
  };
  segments.forEach((segment, i) => {
    packed.starts[i] = segment.start;
    packed.ends[i] = segment.end;
    packed.documents[i] = nameIndex(segment.documentId);
    packed.codes[i] = nameIndex(segment.codeId);
    packed.coders[i] = nameIndex(segment.coder);
    if (segment.memo) packed.memos.push([i, segment.memo]);
    if (segment.origin === 'suggestion') packed.suggested.push(i);
    if (segment.quote !== textOf(segment.documentId).slice(segment.start, segment.end)) packed.quotes.push([i, segment.quote]);
  });
  const transfer = [packed.starts, packed.ends, packed.documents, packed.codes, packed.coders].map((column) => column.buffer as ArrayBuffer);
  return { packed, transfer };
}

/** The segments again, each quote taken from its document's text unless it was carried. */
export function unpackSegments(packed: PackedSegments, textOf: TextOf): CodedSegment[] {
  const ids = packed.count ? packed.ids.split(SEPARATOR) : [];
  const created = packed.count ? packed.created.split(SEPARATOR) : [];
  const updated = packed.count ? packed.updated.split(SEPARATOR) : [];
  const memos = new Map(packed.memos);
  const quotes = new Map(packed.quotes);
  const suggested = new Set(packed.suggested);
  const segments: CodedSegment[] = new Array(packed.count);
  for (let i = 0; i < packed.count; i++) {
    const documentId = packed.names[packed.documents[i]!]!;
    const start = packed.starts[i]!;
    const end = packed.ends[i]!;
    segments[i] = {
      id: ids[i]!,
      documentId,
      codeId: packed.names[packed.codes[i]!]!,
      start,
      end,
      quote: quotes.get(i) ?? textOf(documentId).slice(start, end),
      coder: packed.names[packed.coders[i]!]!,
      createdAt: created[i]!,
      updatedAt: updated[i]!,
      memo: memos.get(i) ?? '',
      origin: suggested.has(i) ? 'suggestion' : 'manual',
    };
  }
  return segments;
}

/** Packs a plan's changes: the new segments (changes with no `before`) in columns, the rest as they are. */
export function packChanges(changes: readonly Change[], textOf: TextOf): { packed: PackedChanges; transfer: ArrayBuffer[] } {
  const segments: CodedSegment[] = [];
  const others: Array<[number, Change]> = [];
  for (const change of changes) {
    if (change.kind === 'segment' && change.before === null && change.after !== null && joinable(change.after)) segments.push(change.after);
    else others.push([segments.length, change]);
  }
  const { packed, transfer } = packSegments(segments, textOf);
  return { packed: { segments: packed, others }, transfer };
}

/** The changes again, in their order. */
export function unpackChanges(packed: PackedChanges, textOf: TextOf): Change[] {
  const segments = unpackSegments(packed.segments, textOf);
  const changes: Change[] = [];
  let other = 0;
  for (let i = 0; i <= segments.length; i++) {
    while (other < packed.others.length && packed.others[other]![0] === i) changes.push(packed.others[other++]![1]);
    if (i === segments.length) break;
    changes.push({ kind: 'segment', id: segments[i]!.id, before: null, after: segments[i]! });
  }
  return changes;
}

/** A dataset's segments packed, when every one can be (else null: they cross as they are). */
export function packDatasetSegments(segments: readonly CodedSegment[], textOf: TextOf): { packed: PackedSegments; transfer: ArrayBuffer[] } | null {
  return segments.every(joinable) ? packSegments(segments, textOf) : null;
}
