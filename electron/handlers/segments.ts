/**
 * Handlers of coded segments: coding a passage (or many at once), recoding, moving bounds, memos,
 * removing, listing them all for retrieval, and undo and redo of every action.
 */
import { randomUUID } from 'node:crypto';
import { actionLabel } from '../../shared/edits/action-label';
import { codePassages, moveBounds, writeSegmentMemo } from '../../shared/edits/segments';
import { findSegment } from '../../shared/edits/find';
import { retrievedSegments } from '../../shared/views/retrieval';
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';
import { done, outcome } from './outcome';

type SegmentOperations =
  | 'addSegment'
  | 'setSegmentCode'
  | 'removeSegment'
  | 'listSegments'
  | 'codeSpans'
  | 'setSegmentBounds'
  | 'setSegmentMemo'
  | 'undo'
  | 'redo';

export function segmentHandlers({ store, shownDataset }: HandlerContext): Pick<Handlers, SegmentOperations> {
  return {
    addSegment: (input) => store.addSegment(input),
    setSegmentCode: (input) => store.setSegmentCode(input),
    removeSegment: (input) => store.removeSegment(input),
    listSegments: async () => {
      const dataset = await shownDataset();
      return retrievedSegments(dataset, dataset.segments);
    },
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
