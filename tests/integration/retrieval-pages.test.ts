/**
 * The coded-segments view's pages from the main process: the order and the filter are kept
 * between pages, and every change to a segment, its code, its document, the codebook or who may
 * see it shows on the next page (each change below is one the kept order must not miss).
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

  it('lists a change made after the order was made ahead in idle time, and one made while it was being made', async () => {
    const { store, handlers } = await openProject(undefined, undefined, { idleQuietMs: 0 });
    const [d0, d1] = store.overview().documents;
    const texts = [(await store.openDocument(d0!.id)).text, (await store.openDocument(d1!.id)).text];
    const first = await store.addSegment(segmentInput(d1!.id, texts[1]!, texts[1]!.split(/\s+/).find((w) => w.length > 4)!));
    const idle = () => new Promise((resolve) => setTimeout(resolve, 50));
    await idle();
    // Made ahead (no page asked yet), then a segment added: the next page has both.
    const second = await store.addSegment(segmentInput(d0!.id, texts[0]!, 'WAR IN ARTSAKH'));
    const page = async () => value<RetrievalPage>(await dispatch(handlers, 'retrieveSegments', { filter: NO_FILTER, offset: 0, limit: 10 }));
    expect((await page()).rows.map((row) => row.segment.id).sort()).toEqual([first.id, second.id].sort());
    // A change with the warm-up it starts still under way (no wait): the page has it too.
    await dispatch(handlers, 'removeSegment', { segmentId: first.id });
    expect((await page()).rows.map((row) => row.segment.id)).toEqual([second.id]);
    await idle();
    expect((await page()).rows.map((row) => row.segment.id)).toEqual([second.id]);
    await store.close();
  });

  /** Two documents with segments, the handlers' page of everything, and the order it lists. */
  async function twoDocuments() {
    const project = await openProject();
    const { store, handlers } = project;
    const [d0, d1] = store.overview().documents;
    const texts = [(await store.openDocument(d0!.id)).text, (await store.openDocument(d1!.id)).text];
    const word = (text: string, nth: number) => text.split(/\s+/).filter((w) => w.length > 4)[nth]!;
    const made = [
      await store.addSegment(segmentInput(d0!.id, texts[0]!, word(texts[0]!, 3))),
      await store.addSegment(segmentInput(d1!.id, texts[1]!, word(texts[1]!, 3))),
      await store.addSegment(segmentInput(d0!.id, texts[0]!, word(texts[0]!, 1))),
    ];
    const page = async () => value<RetrievalPage>(await dispatch(handlers, 'retrieveSegments', { filter: NO_FILTER, offset: 0, limit: 10 }));
    const listed = async () => (await page()).rows.map((row) => [row.documentTitle, row.segment.id, row.segment.codeId, row.segment.coder]);
    return { ...project, documents: [d0!, d1!], texts, made, page, listed };
  }

  it('lists the segments again after an undo and a redo', async () => {
    const { handlers, made, listed } = await twoDocuments();
    const before = await listed();
    expect(before).toHaveLength(3);
    await dispatch(handlers, 'undo', {});
    expect((await listed()).map((row) => row[1])).not.toContain(made[2]!.id);
    await dispatch(handlers, 'redo', {});
    expect(await listed()).toEqual(before);
  });

  it('puts the segments of a renamed document in the place of its new title', async () => {
    const { handlers, documents, made, listed } = await twoDocuments();
    const rename = (index: number, title: string) => dispatch(handlers, 'updateDocument', { documentId: documents[index]!.id, title });
    await rename(0, 'B report');
    await rename(1, 'A report');
    const renamed = await listed();
    expect(renamed.map((row) => row[0])).toEqual(['A report', 'B report', 'B report']);
    // The first document's segments by start: the one made last begins earlier in the text.
    expect(renamed.map((row) => row[1])).toEqual([made[1]!.id, made[2]!.id, made[0]!.id]);
    // The other way round: the order follows the titles, however often they change.
    await rename(1, 'C report');
    expect((await listed()).map((row) => row[0])).toEqual(['B report', 'B report', 'C report']);
  });

  it("lists only the coder's own segments under blind coding, and the other coder's after a switch", async () => {
    const { handlers, documents, texts, page, listed } = await twoDocuments();
    await dispatch(handlers, 'setCoder', { name: 'bea' });
    const beas = value<ActionOutcome & { segment?: { id: string } }>(
      await dispatch(handlers, 'addSegment', segmentInput(documents[1].id, texts[1]!, texts[1]!.split(/\s+/).filter((w) => w.length > 4)[5]!, 'opinion')),
    );
    expect(beas).toBeTruthy();
    expect((await page()).matched).toBe(4);
    await dispatch(handlers, 'setBlind', { blind: true });
    expect((await listed()).map((row) => row[3])).toEqual(['bea']);
    expect((await page()).coders).toEqual(['bea']);
    await dispatch(handlers, 'setCoder', { name: 'ana' });
    expect((await listed()).map((row) => row[3])).toEqual(['ana', 'ana', 'ana']);
    await dispatch(handlers, 'setBlind', { blind: false });
    expect((await page()).matched).toBe(4);
    expect((await page()).coders).toEqual(['ana', 'bea']);
  });
});

