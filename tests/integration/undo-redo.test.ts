import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { openProject, segmentInput } from '../support/project';

async function projectWithActions() {
  const project = await openProject();
  const [first, second] = project.store.overview().documents;
  const a = await project.store.openDocument(first.id);
  const b = await project.store.openDocument(second.id);
  const one = segmentInput(first.id, a.text, 'WAR IN ARTSAKH');
  const two = segmentInput(second.id, b.text, 'Azerbaijan', 'opinion');
  await project.store.addSegment(one);
  await project.store.addSegment(two);
  await project.store.setSegmentCode({ segmentId: one.id, codeId: 'call-to-action' });
  return { ...project, first, second, one, two };
}

const codesOf = async (project: Awaited<ReturnType<typeof openProject>>) => {
  const all = [];
  for (const document of project.store.overview().documents) all.push(...(await project.store.openDocument(document.id)).segments);
  return all.map((s) => `${s.id.slice(0, 4)}:${s.codeId}`).sort();
};

describe('undo and redo', () => {
  it('takes actions back across documents, in order, and does them again', async () => {
    const project = await projectWithActions();
    const { one, two, handlers } = project;
    const all = await codesOf(project);
    expect(project.store.overview().history.undo).toMatch(/^Change “WAR IN ARTSAKH” to call to action$/);

    const undone = await dispatch(handlers, 'undo', {});
    expect(undone).toMatchObject({ ok: true, value: { label: expect.stringMatching(/^Change/), segments: [{ id: one.id, segment: { codeId: 'factual-claim' } }] } });
    expect(await dispatch(handlers, 'undo', {})).toMatchObject({ ok: true, value: { segments: [{ id: two.id, segment: null }] } });
    expect(await dispatch(handlers, 'undo', {})).toMatchObject({ ok: true, value: { segments: [{ id: one.id, segment: null }] } });
    expect(await dispatch(handlers, 'undo', {})).toEqual({ ok: true, value: null });
    expect(await codesOf(project)).toEqual([]);

    for (let i = 0; i < 3; i++) await dispatch(handlers, 'redo', {});
    expect(await dispatch(handlers, 'redo', {})).toEqual({ ok: true, value: null });
    expect(await codesOf(project)).toEqual(all);
  });

  it('keeps the history across a restart, and a new action clears what could be redone', async () => {
    const project = await projectWithActions();
    await project.store.undo();
    const afterUndo = await codesOf(project);
    // No close: the journal alone carries the actions and the undo.
    const again = await openProject(project.folder);
    expect(await codesOf(again)).toEqual(afterUndo);
    expect(again.store.overview().history).toEqual({
      undo: expect.stringMatching(/^Code “Azerbaijan” as opinion$/),
      redo: expect.stringMatching(/^Change “WAR IN ARTSAKH”/),
    });
    await again.store.redo();
    expect((await codesOf(again)).some((c) => c.endsWith('call-to-action'))).toBe(true);
    await again.store.undo();
    await again.store.removeSegment({ segmentId: project.two.id });
    expect(again.store.overview().history.redo).toBeNull();
    const third = await openProject(project.folder);
    expect(await codesOf(third)).toEqual(await codesOf(again));
  });

  it('applies no journal step twice when the app stopped between saving the project file and emptying the journal', async () => {
    const project = await projectWithActions();
    await project.store.undo();
    const journal = join(project.folder, 'project.journal');
    const kept = `${journal}.copy`;
    await copyFile(journal, kept);
    const expected = await codesOf(project);
    await project.store.close(); // rewrites project.json and empties the journal
    await copyFile(kept, journal); // ...as if the app had stopped before emptying it
    expect((await readFile(journal, 'utf8')).split('\n').length).toBeGreaterThan(3);
    const again = await openProject(project.folder);
    expect(await codesOf(again)).toEqual(expected);
    expect(again.store.overview().history.redo).toMatch(/^Change/);
    let undoable = 0;
    while (await again.store.undo()) undoable++;
    expect(undoable).toBe(2);
    expect(await codesOf(again)).toEqual([]);
  });
});
