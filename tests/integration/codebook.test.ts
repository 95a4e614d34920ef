import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import type { ActionOutcome } from '../../shared/ipc';
import { openProject, segmentInput } from '../support/project';
import { value } from '../support/builders';

describe('editing the codebook through the API', () => {
  it('nests codes and exports each segment with its full code path', async () => {
    const { store, handlers } = await openProject();
    const parent = value<ActionOutcome>(await dispatch(handlers, 'addCode', { name: 'casualties', parentId: 'factual-claim' }));
    const parentId = parent.codes!.at(-1)!.id;
    const child = value<ActionOutcome>(await dispatch(handlers, 'addCode', { name: 'civilian', parentId, key: '4' }));
    const childId = child.codes!.at(-1)!.id;
    expect(child.label).toBe('Add code “civilian”');
    const document = store.overview().documents[0];
    const { text } = await store.openDocument(document.id);
    await store.addSegment(segmentInput(document.id, text, 'WAR IN ARTSAKH', childId));
    const exported = value<{ path: string }>(await dispatch(handlers, 'exportCsv', { flavour: 'standard' }));
    const rows = JSON.parse(
      execFileSync('python3', ['-c', 'import csv,json,sys; print(json.dumps(list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))))', exported.path]).toString(),
    );
    expect(rows.map((r: Record<string, string>) => [r.code, r.code_path])).toEqual([['civilian', 'factual claim / casualties / civilian']]);
  });

  it('merges, and deletes with moving or removing the segments; each is one undo step, also after a restart', async () => {
    const project = await openProject();
    const { store, handlers } = project;
    const document = store.overview().documents[4];
    const { text } = await store.openDocument(document.id);
    const a = segmentInput(document.id, text, 'Anarchist Voices', 'opinion');
    const b = segmentInput(document.id, text, 'Anarchist Voices', 'factual-claim');
    const c = segmentInput(document.id, text, 'Nagorno-Karabakh', 'opinion');
    for (const input of [a, b, c]) await store.addSegment(input);
    const codes = async () => (await store.openDocument(document.id)).segments.map((s) => `${s.quote}:${s.codeId}`).sort();

    expect(value(await dispatch(handlers, 'codeUsage', { id: 'opinion' }))).toEqual({ segments: 2, subcodes: 0 });
    const merged = value<ActionOutcome>(await dispatch(handlers, 'mergeCodes', { sourceId: 'opinion', targetId: 'factual-claim' }));
    expect(merged.label).toBe('Merge “opinion” into “factual claim”');
    expect(merged.codes!.map((code) => code.id)).toEqual(['factual-claim', 'call-to-action']);
    expect(await codes()).toEqual(['Anarchist Voices:factual-claim', 'Nagorno-Karabakh:factual-claim']);

    // Undo brings the code and both segments back, after a restart too.
    const again = await openProject(project.folder);
    const undone = value<ActionOutcome>(await dispatch(again.handlers, 'undo', {}));
    expect(undone.codes!.map((code) => code.id)).toEqual(['factual-claim', 'opinion', 'call-to-action']);
    expect((await again.store.openDocument(document.id)).segments.map((s) => `${s.quote}:${s.codeId}`).sort()).toEqual([
      'Anarchist Voices:factual-claim',
      'Anarchist Voices:opinion',
      'Nagorno-Karabakh:opinion',
    ]);

    const moved = value<ActionOutcome>(
      await dispatch(again.handlers, 'deleteCode', { id: 'opinion', disposal: { segments: 'move', to: 'call-to-action' } }),
    );
    expect(moved.segments.map((s) => s.segment?.codeId).sort()).toEqual(['call-to-action', 'call-to-action']);
    await dispatch(again.handlers, 'undo', {});
    const removed = value<ActionOutcome>(await dispatch(again.handlers, 'deleteCode', { id: 'opinion', disposal: { segments: 'remove' } }));
    expect(removed.label).toBe('Delete code “opinion” and its 2 segments');
    expect((await again.store.openDocument(document.id)).segments.map((s) => s.codeId)).toEqual(['factual-claim']);
  });

  it('exports the codebook as JSON and imports it into another project unchanged', async () => {
    const source = await openProject();
    await dispatch(source.handlers, 'updateCode', { id: 'opinion', patch: { definition: 'An evaluative statement.', whenNotToUse: 'Reported speech.' } });
    const parent = value<ActionOutcome>(await dispatch(source.handlers, 'addCode', { name: 'threat', colour: '#882255' }));
    await dispatch(source.handlers, 'addCode', { name: 'military threat', parentId: parent.codes!.at(-1)!.id });
    const exported = value<{ path: string; rows: number }>(await dispatch(source.handlers, 'exportCodebook', {}));
    expect(exported.rows).toBe(5);
    const json = await readFile(exported.path, 'utf8');
    expect(JSON.parse(json).codes.at(-1).path).toBe('threat / military threat');

    const target = await openProject();
    const imported = value<ActionOutcome>(await dispatch(target.handlers, 'importCodebook', { json }));
    expect(imported.notes).toEqual([]);
    expect(target.store.overview().codes).toEqual(source.store.overview().codes);
    // One undo takes the whole import back.
    await dispatch(target.handlers, 'undo', {});
    expect(target.store.overview().codes.map((c) => c.id)).toEqual(['factual-claim', 'opinion', 'call-to-action']);
  });

  it('refuses a file that is not a codebook, with a clear message and nothing changed', async () => {
    const { store, handlers } = await openProject();
    const before = JSON.stringify(store.overview().codes);
    expect(await dispatch(handlers, 'importCodebook', { json: '{"codes": [' })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/not JSON/) } });
    expect(await dispatch(handlers, 'importCodebook', { json: '{"format":"other"}' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not an annotation-workbench\/codebook file/) } });
    expect(JSON.stringify(store.overview().codes)).toBe(before);
  });
});
