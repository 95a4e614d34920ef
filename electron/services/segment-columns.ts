/**
 * The changes of an import plan packed for crossing from the worker thread to the main process.
 * Copying 100,000 new segments as objects between threads costs close to a second (and half of it
 * on the main thread); packed, their numbers travel in typed arrays that are moved, not copied,
 * their strings as a few joined strings, and their quotes not at all: a new segment's quote is its
 * document's text between its offsets, and the main process has the text. Unpacking gives the
 * same changes in the same order.
 */
import type { Change } from '../../shared/model/changes';
import type { CodedSegment } from '../../shared/model/segments';

/** New coded segments (changes with no `before`) in columns, and every other change by its place among them. */
export interface PackedChanges {
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
  /** Every other change, after how many segments it comes. */
  others: Array<[number, Change]>;
}

const SEPARATOR = '\n';

/** Packs a plan's changes; `transfer` lists the buffers to move with them. */
export function packChanges(changes: readonly Change[]): { packed: PackedChanges; transfer: ArrayBuffer[] } {
  const segments: CodedSegment[] = [];
  const others: Array<[number, Change]> = [];
  for (const change of changes) {
    const fits = change.kind === 'segment' && change.before === null && change.after !== null && ![change.after.id, change.after.createdAt, change.after.updatedAt].some((s) => s.includes(SEPARATOR));
    if (fits) segments.push(change.after as CodedSegment);
    else others.push([segments.length, change]);
  }
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
  const packed: PackedChanges = {
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
    others,
  };
  segments.forEach((segment, i) => {
    packed.starts[i] = segment.start;
    packed.ends[i] = segment.end;
    packed.documents[i] = nameIndex(segment.documentId);
    packed.codes[i] = nameIndex(segment.codeId);
    packed.coders[i] = nameIndex(segment.coder);
    if (segment.memo) packed.memos.push([i, segment.memo]);
  });
  const transfer = [packed.starts, packed.ends, packed.documents, packed.codes, packed.coders].map((column) => column.buffer as ArrayBuffer);
  return { packed, transfer };
}

/** The changes again, each new segment's quote taken from its document's text (`textOf`). */
export function unpackChanges(packed: PackedChanges, textOf: (documentId: string) => string): Change[] {
  const ids = packed.count ? packed.ids.split(SEPARATOR) : [];
  const created = packed.count ? packed.created.split(SEPARATOR) : [];
  const updated = packed.count ? packed.updated.split(SEPARATOR) : [];
  const memos = new Map(packed.memos);
  const changes: Change[] = [];
  let other = 0;
  for (let i = 0; i <= packed.count; i++) {
    while (other < packed.others.length && packed.others[other]![0] === i) changes.push(packed.others[other++]![1]);
    if (i === packed.count) break;
    const documentId = packed.names[packed.documents[i]!]!;
    const start = packed.starts[i]!;
    const end = packed.ends[i]!;
    const segment: CodedSegment = {
      id: ids[i]!,
      documentId,
      codeId: packed.names[packed.codes[i]!]!,
      start,
      end,
      quote: textOf(documentId).slice(start, end),
      coder: packed.names[packed.coders[i]!]!,
      createdAt: created[i]!,
      updatedAt: updated[i]!,
      memo: memos.get(i) ?? '',
    };
    changes.push({ kind: 'segment', id: segment.id, before: null, after: segment });
  }
  return changes;
}
