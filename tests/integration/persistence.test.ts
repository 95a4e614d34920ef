import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import type { ActionOutcome } from '../../shared/ipc';
import { openProject, segmentInput } from '../support/project';
import { segmentsInFile } from '../support/project-file';
import { value } from '../support/builders';

describe('saving without a save button', () => {
  it('keeps a segment across a restart of the services', async () => {
    const first = await openProject();
    const document = first.store.overview().documents[4];
    const { text } = await first.store.openDocument(document.id);
    const input = segmentInput(document.id, text, 'Anarchist Voices');
    const added = await dispatch(first.handlers, 'addSegment', input);
    expect(added).toMatchObject({ ok: true, value: { id: input.id, quote: 'Anarchist Voices', coder: 'ana' } });
    // No close(): the change is on disk (in the journal beside the project file) as soon as
    // addSegment resolved.
    const journal = await readFile(join(first.folder, 'project.journal'), 'utf8');
    expect(journal.trimEnd().split('\n').map((line) => JSON.parse(line).action.changes[0].after.id)).toEqual([input.id]);

    const second = await openProject(first.folder);
    const reopened = await second.store.openDocument(document.id);
    expect(reopened.segments).toEqual([expect.objectContaining({ id: input.id, start: input.start, end: input.end })]);
    await first.store.close();
    await second.store.close();
  });

  it('changes and removes segments durably', async () => {
    const first = await openProject();
    const document = first.store.overview().documents[0];
    const { text } = await first.store.openDocument(document.id);
    const a = segmentInput(document.id, text, 'WAR IN ARTSAKH');
    const b = segmentInput(document.id, text, 'first week', 'opinion');
    await first.store.addSegment(a);
    await first.store.addSegment(b);
    const changed = await dispatch(first.handlers, 'setSegmentCode', { segmentId: a.id, codeId: 'call-to-action' });
    expect(changed).toMatchObject({ ok: true, value: { codeId: 'call-to-action' } });
    expect(await dispatch(first.handlers, 'removeSegment', { segmentId: b.id })).toMatchObject({ ok: true });

    const second = await openProject(first.folder);
    const { segments } = await second.store.openDocument(document.id);
    expect(segments.map((s) => [s.id, s.codeId])).toEqual([[a.id, 'call-to-action']]);
    expect(segments[0].updatedAt >= segments[0].createdAt).toBe(true);
  });

  it('merges changes made while a write is under way, and acknowledges each only once durable', async () => {
    const { store, folder } = await openProject();
    const document = store.overview().documents[4];
    const { text } = await store.openDocument(document.id);
    const words = text.split(/\s+/).filter((w) => w.length > 3).slice(0, 50);
    const inputs = words.map((w) => ({ ...segmentInput(document.id, text, w) }));
    await Promise.all(inputs.map((input) => store.addSegment(input)));
    const reopened = await openProject(folder);
    const ids = new Set((await reopened.store.openDocument(document.id)).segments.map((s) => s.id));
    expect(inputs.every((input) => ids.has(input.id))).toBe(true);
  });
});

/** A new project with one segment on document 002, made through the store. */
async function projectWithOneSegment() {
  const project = await openProject();
  const document = project.store.overview().documents[2];
  const { text } = await project.store.openDocument(document.id);
  const input = segmentInput(document.id, text, 'moment of truth');
  await project.store.addSegment(input);
  return { ...project, document, text, input };
}

describe('the journal of changes', () => {
  it('is folded into the project file when the project opens, and emptied', async () => {
    const first = await projectWithOneSegment();
    const { input } = first;
    const second = await openProject(first.folder);
    const saved = JSON.parse(await readFile(second.store.file, 'utf8'));
    expect(segmentsInFile(saved).map((s) => s.id)).toEqual([input.id]);
    expect(await readFile(join(first.folder, 'project.journal'), 'utf8')).toBe('');
  });

  it('drops a torn last line (a write cut short, never acknowledged) and keeps the rest', async () => {
    const first = await projectWithOneSegment();
    const { document, input } = first;
    await appendFile(join(first.folder, 'project.journal'), '{"op":"put","segment":{"id":"cut sh');
    const second = await openProject(first.folder);
    expect((await second.store.openDocument(document.id)).segments.map((s) => s.id)).toEqual([input.id]);
    expect(second.store.overview().notices).toEqual([]);
  });

  it('keeps a journal with a damaged line aside, applies the changes before and after it, and names the line', async () => {
    const first = await projectWithOneSegment();
    const { document, text, input: before } = first;
    await appendFile(join(first.folder, 'project.journal'), 'not json\n');
    const after = segmentInput(document.id, text, 'Karabakh');
    await first.store.addSegment(after);
    const second = await openProject(first.folder);
    // The change after the damaged line was acknowledged as saved: it is kept.
    expect((await second.store.openDocument(document.id)).segments.map((s) => s.id)).toEqual([before.id, after.id]);
    const [notice] = second.store.overview().notices;
    expect(notice).toMatch(/^Some recent changes could not be read back: line 2 of .*project\.journal could not be read and was left out; the change after it was kept\. The journal was kept as .*project\.journal\.unreadable-/);
    const kept = (await readdir(first.folder)).filter((name) => name.startsWith('project.journal.unreadable-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(first.folder, kept[0]), 'utf8')).toContain('not json');
    await second.store.close();
    // Folded into a project file that loads again, without a notice.
    const third = await openProject(first.folder);
    expect((await third.store.openDocument(document.id)).segments.map((s) => s.id)).toEqual([before.id, after.id]);
    expect(third.store.overview().notices).toEqual([]);
    await third.store.close();
  });

  it('leaves out the changes after a damaged line when they build on it, and keeps the project loadable', async () => {
    const first = await projectWithOneSegment();
    const { document, text, input: before } = first;
    const added = value<ActionOutcome>(await dispatch(first.handlers, 'addCode', { name: 'casualties' }));
    const code = added.codes!.find((c) => c.name === 'casualties')!;
    await first.store.addSegment(segmentInput(document.id, text, 'Karabakh', code.id));
    // The line that added the code is damaged: the segment after it names a code the project lacks.
    const journal = join(first.folder, 'project.journal');
    const lines = (await readFile(journal, 'utf8')).split('\n');
    lines[1] = lines[1].slice(0, 40);
    await writeFile(journal, lines.join('\n'));
    const second = await openProject(first.folder);
    expect((await second.store.openDocument(document.id)).segments.map((s) => s.id)).toEqual([before.id]);
    expect(second.store.overview().notices[0]).toMatch(/line 2 of .*project\.journal could not be read; the change after line 2 builds on it and could not be applied without it/);
    await second.store.close();
    const third = await openProject(first.folder);
    expect(third.store.overview().notices).toEqual([]);
    await third.store.close();
  });
});

/** The value of a call that must succeed. */
