/** The corpus portrait's operation over the open project: one portrait per document, blind coding applied, limits checked. */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import type { DocumentPortraits } from '../../shared/analysis/portrait';
import { openProject, segmentInput } from '../support/project';

describe('the documentPortraits operation', () => {
  it("answers every document's portrait, or the ones asked for, over the segments the coder may see", async () => {
    const { store, handlers } = await openProject();
    const documents = store.overview().documents;
    const { text } = await store.openDocument(documents[0].id);
    const last = text.trim().split(/\s+/).at(-1)!;
    await store.addSegment(segmentInput(documents[0].id, text, last, 'opinion'));
    await dispatch(handlers, 'setCoder', { name: 'bea' });
    await store.addSegment(segmentInput(documents[0].id, text, text.slice(0, 5)));
    const all = await dispatch(handlers, 'documentPortraits', { documentIds: null, bins: 100 });
    const portraits = (all as { ok: true; value: DocumentPortraits }).value;
    expect(portraits.documents.map((d) => d.documentId)).toEqual(documents.map((d) => d.id));
    expect(portraits.codeIds).toEqual(['factual-claim', 'opinion']);
    expect(portraits.documents[0].codes).toEqual([
      { codeId: 'factual-claim', runs: [0, 1] },
      { codeId: 'opinion', runs: [99, 100] },
    ]);
    await dispatch(handlers, 'setBlind', { blind: true });
    const blind = await dispatch(handlers, 'documentPortraits', { documentIds: [documents[0].id], bins: 100 });
    expect((blind as { ok: true; value: DocumentPortraits }).value.documents).toMatchObject([{ documentId: documents[0].id, codes: [{ codeId: 'factual-claim', runs: [0, 1] }] }]);
    await store.close();
  });

  it('refuses bins out of range and unknown fields', async () => {
    const { store, handlers } = await openProject();
    for (const input of [{ documentIds: null, bins: 0 }, { documentIds: null, bins: 5000 }, { documentIds: null, bins: 1.5 }, { bins: 10 }, { documentIds: null, bins: 10, extra: 1 }]) {
      expect((await dispatch(handlers, 'documentPortraits', input as never)).ok, JSON.stringify(input)).toBe(false);
    }
    await store.close();
  });
});
