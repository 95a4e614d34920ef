/**
 * Handlers of coded segments: coding a passage (or many at once), recoding, moving bounds, memos,
 * removing, listing them all for retrieval, and undo and redo of every action.
 */
import { randomUUID } from 'node:crypto';
import { actionLabel } from '../../shared/edits/action-label';
import { codePassages, moveBounds, writeSegmentMemo } from '../../shared/edits/segments';
import { findSegment } from '../../shared/edits/find';
import { shownTo } from '../../shared/views/blind-coding';
import { segmentCounts } from '../../shared/views/segment-counts';
import { matchingSegments, rememberedViewOrder, retrievalRows, retrievedSegments, type RetrievalFilter } from '../../shared/views/retrieval';
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';
import { done, outcome } from './outcome';

type SegmentOperations =
  | 'addSegment'
  | 'setSegmentCode'
  | 'removeSegment'
  | 'listSegments'
  | 'retrieveSegments'
  | 'listSegmentIds'
  | 'countSegments'
  | 'codeSpans'
  | 'setSegmentBounds'
  | 'setSegmentMemo'
  | 'undo'
  | 'redo';

export function segmentHandlers({ store, shownDataset, idle }: HandlerContext): Pick<Handlers, SegmentOperations> {
  // The retrieval view's order, sorted again only when a segment or document has changed.
  const viewOrder = rememberedViewOrder();
  /** What the retrieval view lists: the documents, the codebook and the segments the viewer may see. */
  const retrievalSource = () => ({ documents: store.documents, codes: store.codebookState().codes, segments: shownTo(store.viewer, store.codebookState().segments) });
  // The order made ahead while the page is idle, once the project is open and again after each
  // change: with 100,000 segments, sorting them is most of the view's first open.
  const prepareOrder = () =>
    idle.schedule('retrieval order', function* () {
      const changes = store.changeCount;
      yield* viewOrder.prepare(retrievalSource());
      // Then the coder filter's choices, unless a change came meanwhile (its own warm-up follows).
      if (store.changeCount !== changes) return;
      yield;
      codersOf(retrievalSource());
    });
  let coders: { order: object; names: string[] } | null = null;
  // The last filter's segments, kept while the order is the same: the view's next pages need them again.
  let filtered: { order: object; filter: string; result: ReturnType<typeof matchingSegments> } | null = null;
  /** The segments the viewer may see that pass the filter, in the retrieval view's order (no text is read). */
  const matching = (filter: RetrievalFilter) => {
    const source = retrievalSource();
    const { codes } = source;
    const order = viewOrder(source);
    // The codebook's tree too: a code moved under another changes what "with sub-codes" holds.
    const key = JSON.stringify([filter, codes.map((code) => [code.id, code.parentId])]);
    if (filtered?.order !== order || filtered.filter !== key) filtered = { order, filter: key, result: matchingSegments(source, filter, () => order) };
    return { ...source, ...filtered.result };
  };
  /** Everyone whose segments are shown, by name (counted again only when the segments have changed). */
  const codersOf = (source: Parameters<typeof viewOrder>[0]) => {
    const order = viewOrder(source);
    if (coders?.order !== order) coders = { order, names: [...new Set(order.segments.map((segment) => segment.coder))].sort() };
    return coders.names;
  };
  prepareOrder();
  store.onChange(prepareOrder);
  return {
    addSegment: (input) => store.addSegment(input),
    setSegmentCode: (input) => store.setSegmentCode(input),
    removeSegment: (input) => store.removeSegment(input),
    listSegments: async () => {
      const dataset = await shownDataset();
      return retrievedSegments(dataset, dataset.segments);
    },
    // Only the texts of the page's documents are read: a page of 100,000 rows costs what one of 100 does.
    retrieveSegments: async ({ filter, offset, limit }) => {
      const { documents, codes, segments, matched, total } = matching(filter);
      const page = matched.slice(offset, offset + limit);
      const texts = new Map<string, string>();
      for (const { documentId } of page) if (!texts.has(documentId)) texts.set(documentId, await store.text(documentId));
      return { total, matched: matched.length, offset, rows: retrievalRows(page, documents, codes, texts), coders: codersOf({ documents, codes, segments }) };
    },
    listSegmentIds: ({ filter }) => matching(filter).matched.map((segment) => segment.id),
    countSegments: () => segmentCounts(shownTo(store.viewer, store.codebookState().segments), new Set(store.documents.map((document) => document.id))),
    codeSpans: async ({ codeId, spans }) => {
      const name = store.codebookState().codes.find((c) => c.id === codeId)?.name ?? codeId;
      const label = actionLabel`Code ${spans.length} passage${spans.length === 1 ? '' : 's'} as ${name}`;
      const texts = new Map<string, string>();
      for (const { documentId } of spans) if (!texts.has(documentId)) texts.set(documentId, await store.text(documentId));
      return done(store, await store.edit((state, at) => codePassages(state, { codeId, spans, label }, texts, at, randomUUID)));
    },
    setSegmentBounds: async (input) => {
      const text = await store.text(findSegment(store.state, input.segmentId).documentId);
      return done(store, await store.edit((state, at) => moveBounds(state, input, text, at)));
    },
    setSegmentMemo: async (input) => done(store, await store.edit((state, at) => writeSegmentMemo(state, input, at))),
    undo: async () => outcome(store, await store.undo(), 'backward', []),
    redo: async () => outcome(store, await store.redo(), 'forward', []),
  };
}
