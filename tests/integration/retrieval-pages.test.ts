/**
 * The coded-segments view's pages from the main process: the order and the filter are kept
 * between pages, and every change to a segment, its code or the codebook shows on the next page.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import type { ActionOutcome } from '../../shared/ipc';
import type { RetrievalPage } from '../../shared/views/retrieval';
import { NO_FILTER } from '../../shared/views/retrieval';
import { value } from '../support/builders';
import { openProject, segmentInput } from '../support/project';

describe('pages of the coded-segments view', () => {
  it('lists each change on the next page: a segment added, recoded, removed, a code moved under another', async () => {
    const { store, handlers } = await openProject();
    const [d0] = store.overview().documents;
    const { text } = await store.openDocument(d0!.id);
    const first = await store.addSegment(segmentInput(d0!.id, text, 'WAR IN ARTSAKH', 'factual-claim'));
    const second = await store.addSegment(segmentInput(d0!.id, text, 'first week', 'opinion'));
    const page = async (filter: Partial<typeof NO_FILTER> = {}) =>
      value<RetrievalPage>(await dispatch(handlers, 'retrieveSegments', { filter: { ...NO_FILTER, ...filter }, offset: 0, limit: 10 }));
    const ids = async (filter: Partial<typeof NO_FILTER> = {}) => (await page(filter)).rows.map((row) => row.segment.id);

    expect(await ids({ codeId: 'opinion' })).toEqual([second.id]);
    await dispatch(handlers, 'setSegmentCode', { segmentId: first.id, codeId: 'opinion' });
    expect((await ids({ codeId: 'opinion' })).sort()).toEqual([first.id, second.id].sort());
    const third = await store.addSegment(segmentInput(d0!.id, text, 'Karabakh', 'call-to-action'));
    expect((await page()).matched).toBe(3);
    await dispatch(handlers, 'removeSegment', { segmentId: second.id });
    expect((await ids()).sort()).toEqual([first.id, third.id].sort());

    // A code moved under "opinion": the filter with sub-codes now holds its segments.
    const moved = value<ActionOutcome>(await dispatch(handlers, 'updateCode', { id: 'call-to-action', patch: { parentId: 'opinion' } }));
    expect(moved.label).toBeTruthy();
    expect((await ids({ codeId: 'opinion' })).sort()).toEqual([first.id, third.id].sort());
    expect(await ids({ codeId: 'opinion', withSubcodes: false })).toEqual([first.id]);

    // The ids of everything the filter passes, for the export, in the view's order.
    expect(value<string[]>(await dispatch(handlers, 'listSegmentIds', { filter: { ...NO_FILTER, codeId: 'opinion' } }))).toEqual(await ids({ codeId: 'opinion' }));
    const counts = value<{ segments: number; perCode: Record<string, { segments: number }> }>(await dispatch(handlers, 'countSegments', {}));
    expect(counts).toMatchObject({ segments: 2, perCode: { opinion: { segments: 1 }, 'call-to-action': { segments: 1 } } });
  });
});
