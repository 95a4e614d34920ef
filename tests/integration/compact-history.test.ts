import { randomUUID } from 'node:crypto';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codePassages } from '../../shared/edits/segments';
import { ProjectStore } from '../../electron/project/project-store';
import type { CodedSegment } from '../../shared/model/segments';
import { openProject } from '../support/project';
import { BUNDLED_DOCUMENTS, tempFolder } from '../support/temp';
import { segmentsInFile } from '../support/project-file';

/** Passages of `length` characters every `step` characters of a text, where they hold a word. */
function passages(documentId: string, text: string, count: number) {
  const spans = [];
  const step = Math.floor(text.length / (count + 1));
  for (let i = 0; spans.length < count && i * step + 40 < text.length; i++) {
    const start = i * step;
    if (/\S/.test(text.slice(start, start + 40))) spans.push({ documentId, start, end: start + 40 });
  }
  return spans;
}

type ProjectJson = {
  segments: CodedSegment[];
  history: { done: Array<{ label: string; changes: Array<Record<string, unknown>> }>; undone: Array<{ label: string; changes: Array<Record<string, unknown>> }> };
};

/** The project file as parsed, its segments as objects. */
const projectJson = async (folder: string): Promise<ProjectJson> => {
  const json = JSON.parse(await readFile(join(folder, 'project.json'), 'utf8'));
  return { ...json, segments: segmentsInFile(json) };
};
const reopen = (folder: string) => ProjectStore.open({ folder, bundledDocuments: BUNDLED_DOCUMENTS, existingOnly: true });
const byId = (segments: readonly CodedSegment[]) => [...segments].sort((a, b) => a.id.localeCompare(b.id));

describe('the history in the project file', () => {
  it('keeps an action of many new segments as their ids, with no second copy of any segment', async () => {
    const { folder, store } = await openProject();
    const document = store.documents[0]!;
    const text = await store.text(document.id);
    const spans = passages(document.id, text, 500);
    await store.edit((state, at) => codePassages(state, { codeId: 'opinion', spans, label: 'Code all hits' }, new Map([[document.id, text]]), at, randomUUID));
    const one = store.state.segments[0]!;
    await store.edit((_state, at) => ({ label: 'Recode one', changes: [{ kind: 'segment', id: one.id, before: one, after: { ...one, codeId: 'factual-claim', updatedAt: at } }] }));
    await store.close();

    const saved = await projectJson(folder);
    expect(saved.segments).toHaveLength(spans.length);
    const [codeAll, recodeOne] = saved.history.done;
    expect(codeAll!.label).toBe('Code all hits');
    // Each change of the action is its record's id and its state before: nothing, for a new segment.
    expect(codeAll!.changes).toHaveLength(spans.length);
    expect(codeAll!.changes.every((change) => Object.keys(change).join() === 'kind,id,before' && change.before === null)).toBe(true);
    expect(codeAll!.changes.map((change) => change.id).sort()).toEqual(saved.segments.map((s) => s.id).sort());
    // A change of a segment keeps only the state before it: the state after is the segment itself.
    expect(recodeOne!.changes).toEqual([{ kind: 'segment', id: one.id, before: one }]);
    // No segment as it is now appears anywhere in the history.
    const history = JSON.stringify(saved.history);
    for (const segment of saved.segments) expect(history.includes(JSON.stringify(segment))).toBe(false);
  });

  it('undoes and redoes an action of many changes exactly, also after restarts, keeping only the after states of an undone one', async () => {
    const { folder, store } = await openProject();
    const document = store.documents[0]!;
    const text = await store.text(document.id);
    const existing = passages(document.id, text, 10);
    await store.edit((state, at) => codePassages(state, { codeId: 'opinion', spans: existing, label: 'First ten' }, new Map([[document.id, text]]), at, randomUUID));
    const beforeAction = byId(store.state.segments);
    // One action that adds 300 segments, recodes five and removes three.
    const added = passages(document.id, text.slice(0, Math.floor(text.length / 2)), 300).map((span) => ({ ...span, start: span.start + 7, end: span.end + 7 }));
    const addition = codePassages(store.state, { codeId: 'factual-claim', spans: added, label: 'x' }, new Map([[document.id, text]]), '2026-02-01T00:00:00.000Z', randomUUID);
    const [r1, r2, r3, r4, r5, g1, g2, g3] = beforeAction;
    await store.applyEdit({
      label: 'A large action',
      changes: [
        ...addition.changes,
        ...[r1, r2, r3, r4, r5].map((s) => ({ kind: 'segment' as const, id: s!.id, before: s!, after: { ...s!, codeId: 'call-to-action' } })),
        ...[g1, g2, g3].map((s) => ({ kind: 'segment' as const, id: s!.id, before: s!, after: null })),
      ],
    });
    const afterAction = byId(store.state.segments);
    expect(afterAction).toHaveLength(10 + added.length - 3);
    await store.close();

    let again = await reopen(folder);
    expect(again.historyLabels()).toEqual({ undo: 'A large action', redo: null });
    expect(byId(again.state.segments)).toEqual(afterAction);
    const undone = await again.undo();
    expect(undone!.changes).toHaveLength(added.length + 8);
    expect(byId(again.state.segments)).toEqual(beforeAction);
    await again.close();

    const saved = await projectJson(folder);
    expect(saved.history.undone).toHaveLength(1);
    expect(saved.history.undone[0]!.changes.every((change) => Object.keys(change).join() === 'kind,id,after')).toBe(true);

    again = await reopen(folder);
    expect(byId(again.state.segments)).toEqual(beforeAction);
    expect(again.historyLabels()).toEqual({ undo: 'First ten', redo: 'A large action' });
    await again.redo();
    expect(byId(again.state.segments)).toEqual(afterAction);
    await again.close();

    again = await reopen(folder);
    expect(byId(again.state.segments)).toEqual(afterAction);
    await again.undo();
    await again.undo();
    expect(again.state.segments).toEqual([]);
    await again.redo();
    await again.redo();
    expect(byId(again.state.segments)).toEqual(afterAction);
    // The four steps are in the journal only (as after a crash): a copy of the folder replays them.
    const copy = join(await tempFolder(), 'copy');
    await cp(folder, copy, { recursive: true, filter: (path) => !path.endsWith('.lock') });
    expect((await readFile(join(copy, 'project.journal'), 'utf8')).trim().split('\n')).toHaveLength(4);
    const replayed = await reopen(copy);
    expect(byId(replayed.state.segments)).toEqual(afterAction);
    expect(replayed.historyLabels()).toEqual({ undo: 'A large action', redo: null });
    await replayed.undo();
    expect(byId(replayed.state.segments)).toEqual(beforeAction);
    await replayed.close();
    await again.close();
  });
});
