import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectStore } from '../../electron/project/project-store';
import { SEGMENT_FIELDS, type SegmentRows } from '../../shared/model/segment-rows';
import type { CodedSegment } from '../../shared/model/segments';
import { openProject, segmentInput } from '../support/project';
import { segmentsInFile } from '../support/project-file';
import { pythonWith, runPythonScript } from '../support/python';
import { BUNDLED_DOCUMENTS } from '../support/temp';

const reopen = (folder: string) => ProjectStore.open({ folder, bundledDocuments: BUNDLED_DOCUMENTS, existingOnly: true, now: () => new Date('2026-06-07T08:09:10Z') });
const projectFile = async (folder: string) => JSON.parse(await readFile(join(folder, 'project.json'), 'utf8')) as Record<string, unknown> & { segments: SegmentRows };
const byId = (segments: readonly CodedSegment[]) => [...segments].sort((a, b) => a.id.localeCompare(b.id));

/** A project with segments whose every field is set, memos and quotes holding the hard characters, one accepted from a suggestion. */
async function codedProject() {
  const project = await openProject();
  const { store } = project;
  const document = store.documents[0]!;
  const text = await store.text(document.id);
  const plain = await store.addSegment(segmentInput(document.id, text, text.slice(0, 12)));
  await store.addSegment({ ...segmentInput(document.id, text, text.slice(80, 92)), origin: 'suggestion' });
  const memos = ['“Quoted” – and \'single\' "double" \\ backslash', 'Two lines,\r\nwith a tab\there, ü, ﬁ, Ελλάδα, שלום and 🙂', ''];
  for (const [i, memo] of memos.entries()) {
    const made = await store.addSegment({ ...segmentInput(document.id, text, text.slice(20 + i * 10, 26 + i * 10)), codeId: 'opinion' });
    await store.edit((_state, at) => ({ label: 'Write a memo', changes: [{ kind: 'segment', id: made.id, before: made, after: { ...made, memo, updatedAt: at } }] }));
  }
  await store.setSegmentCode({ segmentId: plain.id, codeId: 'call-to-action' });
  return project;
}

describe('the segments in the project file (schema 5)', () => {
  it('are rows under one list of field names, and every field of every segment comes back as it was', async () => {
    const { folder, store } = await codedProject();
    const before = byId(store.state.segments);
    expect(before.some((s) => s.memo.includes('🙂')) && before.some((s) => s.updatedAt !== s.createdAt)).toBe(true);
    expect(before.filter((s) => s.origin === 'suggestion')).toHaveLength(1);
    await store.close();
    const file = await projectFile(folder);
    expect(file.schemaVersion).toBe(5);
    expect(file.segments.fields).toEqual([...SEGMENT_FIELDS]);
    expect(file.segments.rows.every((row) => Array.isArray(row) && row.length === SEGMENT_FIELDS.length)).toBe(true);
    expect(byId(segmentsInFile(file) as CodedSegment[])).toEqual(before);
    const again = await reopen(folder);
    expect(byId(again.state.segments)).toEqual(before);
    // Saved again, the file holds the same; undo still takes the memos back.
    await again.undo();
    expect(again.state.segments.filter((s) => s.memo !== '')).toHaveLength(before.filter((s) => s.memo !== '').length);
    await again.redo();
    await again.close();
    expect(byId(segmentsInFile(await projectFile(folder)) as CodedSegment[])).toEqual(before);
  });

  it('are written as ASCII (JSON escapes for every other character), and the hard characters come back exactly', async () => {
    const { folder, store } = await codedProject();
    const before = byId(store.state.segments);
    await store.close();
    const bytes = await readFile(join(folder, 'project.json'));
    // Every byte ASCII: the file decodes to a one-byte string.
    expect(bytes.findIndex((byte) => byte > 0x7f)).toBe(-1);
    const text = bytes.toString('latin1');
    expect(text).toContain('\\u00fc');
    expect(text).toContain('\\ud83d\\ude42');
    // Python's json module reads the same memos as the program.
    const python = pythonWith('json', 'python3', 'the project file read by Python');
    const memos = runPythonScript<string[]>(python, 'import json, sys\nrows = json.load(open(sys.argv[1], encoding="utf-8"))["segments"]["rows"]\nprint(json.dumps(sorted(r[9] for r in rows)))', null, [join(folder, 'project.json')]);
    expect(memos).toEqual(before.map((s) => s.memo).sort());
    const again = await reopen(folder);
    expect(byId(again.state.segments)).toEqual(before);
    expect(again.state.segments.some((s) => s.memo.includes('Ελλάδα, שלום and 🙂'))).toBe(true);
    await again.close();
  });

  it('of a schema 3 file are migrated on opening to the same project, the old file kept', async () => {
    const { folder, store } = await codedProject();
    const document = store.documents[0]!;
    const text = await store.text(document.id);
    await store.close();
    // The file as version 3 wrote it: each segment an object, a memo left out where it was empty, no origin.
    const current = await projectFile(folder);
    const objects = segmentsInFile(current).map(({ memo, origin: _origin, ...rest }) => (memo === '' ? rest : { ...rest, memo }));
    const v3 = JSON.stringify({ ...current, schemaVersion: 3, segments: objects });
    await writeFile(join(folder, 'project.json'), v3);
    const expected = await reopen(folder).then(async (opened) => {
      const state = { segments: byId(opened.state.segments), history: opened.historyLabels(), documents: opened.state.documents, codes: opened.state.codes };
      await opened.close();
      return state;
    });
    const kept = (await readdir(folder)).filter((name) => name.startsWith('project.v3-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(folder, kept[0]!), 'utf8')).toBe(v3);
    // Every segment of version 3 was coded by hand.
    expect(expected.segments).toEqual(byId(segmentsInFile(current).map((s) => ({ ...s, origin: 'manual' })) as CodedSegment[]));
    // Opened again (now of schema 5), the project is the same, and a step after it replays on it.
    const again = await reopen(folder);
    expect(again.migrationNotice).toBeNull();
    expect({ segments: byId(again.state.segments), history: again.historyLabels(), documents: again.state.documents, codes: again.state.codes }).toEqual(expected);
    // The history came through: the last action (a segment recoded) is undone and redone.
    await again.undo();
    expect(again.state.segments.filter((s) => s.codeId === 'call-to-action')).toHaveLength(0);
    await again.redo();
    const added = await again.addSegment(segmentInput(document.id, text, text.slice(60, 70)));
    await again.close();
    expect((await projectFile(folder)).schemaVersion).toBe(5);
    const last = await reopen(folder);
    expect(last.state.segments.find((s) => s.id === added.id)).toEqual(added);
    await last.close();
  });

  it('of a schema 4 file (rows without an origin) are migrated on opening, every segment coded by hand', async () => {
    const { folder, store } = await codedProject();
    await store.close();
    // The file as version 4 wrote it: ten fields, the origin not among them.
    const current = await projectFile(folder);
    const at = SEGMENT_FIELDS.indexOf('origin');
    const v4 = JSON.stringify({
      ...current,
      schemaVersion: 4,
      segments: { fields: SEGMENT_FIELDS.filter((field) => field !== 'origin'), rows: current.segments.rows.map((row) => (row as unknown[]).filter((_, i) => i !== at)) },
    });
    await writeFile(join(folder, 'project.json'), v4);
    const opened = await reopen(folder);
    expect(opened.migrationNotice).toContain('records how each segment was made');
    const manual = byId(segmentsInFile(current).map((s) => ({ ...s, origin: 'manual' })) as CodedSegment[]);
    expect(byId(opened.state.segments)).toEqual(manual);
    await opened.close();
    const kept = (await readdir(folder)).filter((name) => name.startsWith('project.v4-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(folder, kept[0]!), 'utf8')).toBe(v4);
    const file = await projectFile(folder);
    expect(file.schemaVersion).toBe(5);
    expect(file.segments.fields).toEqual([...SEGMENT_FIELDS]);
    expect(file.segments.rows.every((row) => (row as unknown[])[at] === 'manual')).toBe(true);
  });

  it('with an origin that is neither manual nor suggestion is refused, naming the row and the field', async () => {
    const { folder, store } = await codedProject();
    await store.close();
    const file = await projectFile(folder);
    (file.segments.rows[0] as unknown[])[SEGMENT_FIELDS.indexOf('origin')] = 'model';
    await writeFile(join(folder, 'project.json'), JSON.stringify(file));
    await expect(reopen(folder)).rejects.toMatchObject({ code: 'project-unreadable', message: expect.stringMatching(/it is not a valid project file: segments\.rows\.0\.origin: /) });
  });

  it('with a damaged row is refused, naming the row, its field and the segment', async () => {
    const { folder, store } = await codedProject();
    await store.close();
    const file = await projectFile(folder);
    const row = file.segments.rows[1] as unknown[];
    row[SEGMENT_FIELDS.indexOf('end')] = -3;
    await writeFile(join(folder, 'project.json'), JSON.stringify(file));
    await expect(reopen(folder)).rejects.toMatchObject({ code: 'project-unreadable', message: expect.stringMatching(/it is not a valid project file: segments\.rows\.1\.end: /) });
    (file.segments.rows as unknown[])[1] = row.slice(0, 4);
    await writeFile(join(folder, 'project.json'), JSON.stringify(file));
    await expect(reopen(folder)).rejects.toThrow(`segments.rows.1 (segment ${String(row[0])}): expected 11 values (id, documentId, codeId, start, end, quote, coder, createdAt, updatedAt, memo, origin), found 4`);
    // Opened where a missing project would be made, the file is kept aside with the same reason.
    const fresh = await ProjectStore.open({ folder, bundledDocuments: BUNDLED_DOCUMENTS, coder: 'ana' });
    expect(fresh.notices[0]).toContain('segments.rows.1 (segment');
    await fresh.close();
  });
});

