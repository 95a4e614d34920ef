import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import type { ActionOutcome } from '../../shared/ipc';
import { openProject, segmentInput } from '../support/project';
import { value } from '../support/builders';

describe('memos, renaming and removing documents', () => {
  it('keeps memos on segments and documents across a restart, in the export too', async () => {
    const project = await openProject();
    const { store, handlers } = project;
    const document = store.overview().documents[3];
    const { text } = await store.openDocument(document.id);
    const input = segmentInput(document.id, text, 'military operation');
    await store.addSegment(input);
    const memo = value<ActionOutcome>(await dispatch(handlers, 'setSegmentMemo', { segmentId: input.id, memo: 'Framed as defensive.\nCheck source.' }));
    expect(memo.label).toBe('Edit the memo on “military operation”');
    await dispatch(handlers, 'updateDocument', { documentId: document.id, memo: 'Official statement.' });

    const again = await openProject(project.folder);
    expect((await again.store.openDocument(document.id)).segments[0].memo).toBe('Framed as defensive.\nCheck source.');
    expect(again.store.overview().documents[3].memo).toBe('Official statement.');
    const csv = await again.store.dataset();
    const { segmentRows } = await import('../../shared/exports/csv-export');
    expect(segmentRows(csv).map((row) => row.memo)).toEqual(['Framed as defensive.\nCheck source.']);
  });

  it('renames a document (not to nothing) and undoes the rename', async () => {
    const { store, handlers } = await openProject();
    const document = store.overview().documents[0];
    const renamed = value<ActionOutcome>(await dispatch(handlers, 'updateDocument', { documentId: document.id, title: '  Report 1  ' }));
    expect(renamed.documents).toEqual([{ id: document.id, document: expect.objectContaining({ title: 'Report 1', file: document.file }) }]);
    expect(await dispatch(handlers, 'updateDocument', { documentId: document.id, title: '   ' })).toMatchObject({ ok: false, error: { message: 'A document needs a title.' } });
    await dispatch(handlers, 'undo', {});
    expect(store.overview().documents[0].title).toBe(document.title);
  });

  it('removes a document with its segments as one action, and Undo brings both back', async () => {
    const project = await openProject();
    const { store, handlers } = project;
    const document = store.overview().documents[4];
    const { text } = await store.openDocument(document.id);
    await store.addSegment(segmentInput(document.id, text, 'Anarchist'));
    await store.addSegment(segmentInput(document.id, text, 'Voices', 'opinion'));
    const removed = value<ActionOutcome>(await dispatch(handlers, 'removeDocument', { documentId: document.id }));
    expect(removed.label).toBe(`Remove “${document.title}” and its 2 coded segments`);
    expect(store.overview().documents.map((d) => d.id)).not.toContain(document.id);
    expect((await store.dataset()).segments).toEqual([]);

    const again = await openProject(project.folder);
    expect(again.store.overview().documents).toHaveLength(4);
    await dispatch(again.handlers, 'undo', {});
    expect(again.store.overview().documents.map((d) => d.id)[4]).toBe(document.id); // back in its place
    expect((await again.store.openDocument(document.id)).segments.map((s) => s.quote).sort()).toEqual(['Anarchist', 'Voices']);
  });
});
