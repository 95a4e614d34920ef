/**
 * Coders bringing their work together without a server, with real projects in temporary
 * folders: coder files exported and merged in either order, a shared folder synced in turns, and
 * what must never happen (a coder's own segments changed, another file written, a damaged file
 * changing anything).
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import type { ActionOutcome, ExportOutcome, ProjectImportOutcome } from '../../shared/ipc';
import { codePath } from '../../shared/model/codebook';
import { chooseSharedFolder, openProject, segmentInput, type OpenProject } from '../support/project';
import { tempFolder } from '../support/temp';
import { value } from '../support/builders';

/** A project from the bundled corpus with its coder set. */
async function coderProject(coder: string): Promise<OpenProject> {
  const project = await openProject();
  value(await dispatch(project.handlers, 'setCoder', { name: coder }));
  return project;
}

/** Codes a passage found by its words in the n-th bundled document. */
async function codeWords(project: OpenProject, n: number, words: string, codeId = 'factual-claim') {
  const document = project.store.overview().documents[n]!;
  const { text } = await project.store.openDocument(document.id);
  return project.store.addSegment(segmentInput(document.id, text, words, codeId));
}

/** Ana: a nested code, two passages, one with a memo. */
async function anasProject(): Promise<OpenProject> {
  const ana = await coderProject('ana');
  const added = value<ActionOutcome>(await dispatch(ana.handlers, 'addCode', { name: 'casualties', parentId: 'factual-claim' }));
  const casualties = added.codes!.find((c) => c.name === 'casualties')!;
  const one = await codeWords(ana, 0, 'thousands of casualties in both sides', casualties.id);
  value(await dispatch(ana.handlers, 'setSegmentMemo', { segmentId: one.id, memo: 'Unsourced number.\nCheck.' }));
  await codeWords(ana, 1, 'Armenian casualties: 105 soldiers dead.');
  return ana;
}

/** Bea: a passage overlapping Ana's, one Ana also coded (another code), and one of her own. */
async function beasProject(): Promise<OpenProject> {
  const bea = await coderProject('Bea Example');
  await codeWords(bea, 0, 'casualties in both sides', 'opinion');
  await codeWords(bea, 1, 'Armenian casualties: 105 soldiers dead.', 'opinion');
  const memo = await codeWords(bea, 4, 'Anarchist Voices', 'call-to-action');
  value(await dispatch(bea.handlers, 'setSegmentMemo', { segmentId: memo.id, memo: 'Bea’s memo ✓' }));
  return bea;
}

/** Exports the project's coder file through the operation; returns its name and text. */
async function exportCoderFile(project: OpenProject): Promise<{ name: string; content: string }> {
  const exported = value<ExportOutcome>(await dispatch(project.handlers, 'exportCoderFile', {}));
  const name = exported.path!.split('/').at(-1)!;
  return { name, content: await readFile(exported.path!, 'utf8') };
}

async function importCoderFile(project: OpenProject, file: { name: string; content: string }) {
  return value<ProjectImportOutcome>(await dispatch(project.handlers, 'importCoderFile', file));
}

/** The project's segments and codes as plain facts: documents by hash, codes by path. */
async function facts(project: OpenProject) {
  const { documents, codes, segments } = await project.store.dataset();
  const hashOf = new Map(documents.map(({ record }) => [record.id, record.sha256]));
  return {
    codes: codes.map((c) => codePath(codes, c.id)).sort(),
    segments: segments
      .map((s) => ({ id: s.id, coder: s.coder, document: hashOf.get(s.documentId), code: codePath(codes, s.codeId), start: s.start, end: s.end, quote: s.quote, memo: s.memo, createdAt: s.createdAt, updatedAt: s.updatedAt, origin: s.origin }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** The coder's own segments, serialised exactly. */
async function ownSegments(project: OpenProject): Promise<string> {
  const coder = project.store.overview().coder;
  return JSON.stringify((await project.store.dataset()).segments.filter((s) => s.coder === coder));
}

describe('coder files', () => {
  it('merged in either order, give both projects the same segments, and leave the importing coder’s own segments as they were', async () => {
    const ana = await anasProject();
    const bea = await beasProject();
    const anaFile = await exportCoderFile(ana);
    const beaFile = await exportCoderFile(bea);
    expect([anaFile.name, beaFile.name]).toEqual(['ana.coder.json', 'bea-example.coder.json']);
    const anaOwn = await ownSegments(ana);
    const beaOwn = await ownSegments(bea);

    const intoAna = await importCoderFile(ana, beaFile);
    expect(intoAna.outcome!.label).toBe('Merge the coding of Bea Example (bea-example.coder.json)');
    expect(intoAna.outcome!.segments).toHaveLength(3);
    expect(intoAna.report[0]).toBe('Merged the coding of Bea Example: 3 new segments.');
    const intoBea = await importCoderFile(bea, anaFile);
    expect(intoBea.report[0]).toBe('Merged the coding of ana: 2 new segments, 1 new code.');
    expect(intoBea.outcome!.codes!.map((c) => codePath(intoBea.outcome!.codes!, c.id))).toContain('factual claim / casualties');

    const [a, b] = [await facts(ana), await facts(bea)];
    expect(a).toEqual(b);
    expect(a.segments).toHaveLength(5);
    expect(new Set(a.segments.map((s) => s.coder))).toEqual(new Set(['ana', 'Bea Example']));
    expect(a.segments.find((s) => s.memo === 'Unsourced number.\nCheck.')).toMatchObject({ coder: 'ana', code: 'factual claim / casualties' });
    expect(await ownSegments(ana)).toBe(anaOwn);
    expect(await ownSegments(bea)).toBe(beaOwn);

    // After a restart both projects still agree.
    await ana.store.close();
    const reopened = await openProject(ana.folder);
    expect(await facts(reopened)).toEqual(b);
    await reopened.store.close();
    await bea.store.close();
  });

  it('keep how each segment was made: one accepted from a suggestion stays one, a file without origins reads as coded by hand', async () => {
    const ana = await anasProject();
    const bea = await beasProject();
    const document = bea.store.overview().documents[2]!;
    const { text } = await bea.store.openDocument(document.id);
    const words = text.slice(0, 40).trim().split(/\s+/).slice(0, 3).join(' ');
    const accepted = await bea.store.addSegment({ ...segmentInput(document.id, text, words, 'opinion'), origin: 'suggestion' });
    expect(accepted.origin).toBe('suggestion');
    const beaFile = await exportCoderFile(bea);
    const written = JSON.parse(beaFile.content) as { segments: Array<{ id: string; origin: string }> };
    expect(written.segments.map((s) => [s.id === accepted.id, s.origin])).toEqual(expect.arrayContaining([[true, 'suggestion'], [false, 'manual']]));
    expect(written.segments.filter((s) => s.origin === 'suggestion')).toHaveLength(1);

    await importCoderFile(ana, beaFile);
    const merged = (await ana.store.dataset()).segments.filter((s) => s.coder === 'Bea Example');
    expect(merged).toHaveLength(4);
    // Still Bea's segment (a suggestion is never a coder of its own), marked as accepted from one.
    expect(merged.find((s) => s.id === accepted.id)).toMatchObject({ coder: 'Bea Example', origin: 'suggestion' });
    expect(merged.filter((s) => s.origin === 'manual')).toHaveLength(3);
    expect(await facts(ana)).toEqual(await importCoderFile(bea, await exportCoderFile(ana)).then(() => facts(bea)));

    // A coder file written before segments had an origin: every segment in it was coded by hand.
    const cara = await coderProject('cara');
    const older = { ...written, segments: written.segments.map(({ origin: _origin, ...rest }) => rest) };
    await importCoderFile(cara, { name: beaFile.name, content: JSON.stringify(older) });
    expect((await cara.store.dataset()).segments.map((s) => s.origin)).toEqual(['manual', 'manual', 'manual', 'manual']);
    await Promise.all([ana.store.close(), bea.store.close(), cara.store.close()]);
  });

  it('adds nothing the second time the same file is merged', async () => {
    const ana = await anasProject();
    const beaFile = await exportCoderFile(await beasProject());
    await importCoderFile(ana, beaFile);
    const before = await readFile(ana.store.file, 'utf8');
    const history = ana.store.historyLabels();
    const again = await importCoderFile(ana, beaFile);
    expect(again.outcome).toBeNull();
    expect(again.report[0]).toMatch(/^Nothing new from Bea Example/);
    expect(ana.store.historyLabels()).toEqual(history);
    expect(await readFile(ana.store.file, 'utf8')).toBe(before);
  });

  it('reports a document whose text differs, by its title, and merges none of its segments', async () => {
    const ana = await anasProject();
    const bea = await beasProject();
    const imported = value<{ outcome: ActionOutcome }>(
      await dispatch(bea.handlers, 'importDocument', { name: 'interview.txt', data: Buffer.from('Interview with a refugee\n\nWe left at night.').toString('base64') }),
    );
    const interview = imported.outcome.documents[0]!.document!;
    const { text } = await bea.store.openDocument(interview.id);
    await bea.store.addSegment(segmentInput(interview.id, text, 'We left at night.'));
    const result = await importCoderFile(ana, await exportCoderFile(bea));
    expect(result.report).toContain('“Interview with a refugee” differs from every document here, or is missing: its 1 segment by Bea Example was not merged.');
    expect(result.report[0]).toBe('Merged the coding of Bea Example: 3 new segments.');
    expect((await facts(ana)).segments.some((s) => s.quote === 'We left at night.')).toBe(false);
  });

  it('takes back a whole merge with one undo', async () => {
    const ana = await anasProject();
    const before = await facts(ana);
    await importCoderFile(ana, await exportCoderFile(await beasProject()));
    expect((await facts(ana)).segments).toHaveLength(5);
    const undone = value<ActionOutcome>(await dispatch(ana.handlers, 'undo', {}));
    expect(undone.label).toBe('Merge the coding of Bea Example (bea-example.coder.json)');
    expect(await facts(ana)).toEqual(before);
  });

  it('refuses a file by the project’s own coder, and a damaged file, by name, with nothing changed', async () => {
    const ana = await anasProject();
    const own = await exportCoderFile(ana);
    const before = await readFile(ana.store.file, 'utf8');
    const refused = await dispatch(ana.handlers, 'importCoderFile', own);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('holds the coding of “ana”, who is the coder of this project') } });
    const damaged = await dispatch(ana.handlers, 'importCoderFile', { name: 'carl.coder.json', content: own.content.slice(0, 200) });
    expect(damaged).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^carl\.coder\.json cannot be merged: it is not JSON/) } });
    const wrong = JSON.parse(own.content);
    wrong.coder = 'carl';
    wrong.segments[0].codeId = 'no-such-code';
    const invalid = await dispatch(ana.handlers, 'importCoderFile', { name: 'carl.coder.json', content: JSON.stringify(wrong) });
    expect(invalid).toMatchObject({ ok: false, error: { message: "carl.coder.json cannot be merged: it is not a valid coder file: segments.0: its code no-such-code is not in the file's codebook." } });
    expect(await readFile(ana.store.file, 'utf8')).toBe(before);
  });
});

describe('a shared folder', () => {
  const sync = async (project: OpenProject, folder: string) => {
    await chooseSharedFolder(project, folder);
    return value<ProjectImportOutcome>(await dispatch(project.handlers, 'syncSharedFolder', {}));
  };

  it('converges after each coder syncs in turn, and holds only each coder’s own file', async () => {
    const folder = await tempFolder('workbench-shared-');
    const ana = await anasProject();
    const bea = await beasProject();
    const anaOwn = await ownSegments(ana);

    const first = await sync(ana, folder);
    expect(first.outcome).toBeNull();
    expect(first.report).toEqual(['Wrote your file ana.coder.json (2 segments).', `No other coder's file is in ${folder} yet.`]);
    const anaFileBefore = await readFile(join(folder, 'ana.coder.json'), 'utf8');
    const anaFileTime = (await stat(join(folder, 'ana.coder.json'))).mtimeMs;

    const second = await sync(bea, folder);
    expect(second.report.slice(0, 2)).toEqual(['Wrote your file bea-example.coder.json (3 segments).', 'ana.coder.json: Merged the coding of ana: 2 new segments, 1 new code.']);
    expect(second.outcome!.label).toBe('Merge the coding of ana from the shared folder');
    // Bea's sync wrote her file only.
    expect(await readFile(join(folder, 'ana.coder.json'), 'utf8')).toBe(anaFileBefore);
    expect((await stat(join(folder, 'ana.coder.json'))).mtimeMs).toBe(anaFileTime);

    const third = await sync(ana, folder);
    expect(third.report.slice(0, 2)).toEqual(['Your file ana.coder.json is up to date (2 segments).', 'bea-example.coder.json: Merged the coding of Bea Example: 3 new segments.']);
    expect(await facts(ana)).toEqual(await facts(bea));
    expect((await facts(ana)).segments).toHaveLength(5);
    expect(await ownSegments(ana)).toBe(anaOwn);
    expect((await readdir(folder)).sort()).toEqual(['ana.coder.json', 'bea-example.coder.json']);

    // Nothing more to do either way; one undo takes a sync's merge back.
    expect((await sync(bea, folder)).outcome).toBeNull();
    expect((await sync(ana, folder)).outcome).toBeNull();
    expect(value<ActionOutcome>(await dispatch(ana.handlers, 'undo', {})).label).toBe('Merge the coding of Bea Example from the shared folder');
    expect((await facts(ana)).segments).toHaveLength(2);
    value(await dispatch(ana.handlers, 'redo', {}));

    // Bea deletes a segment and changes a memo; after both sync, Ana's copy follows.
    const [gone, kept] = (await bea.store.dataset()).segments.filter((s) => s.coder === 'Bea Example');
    value(await dispatch(bea.handlers, 'removeSegment', { segmentId: gone!.id }));
    value(await dispatch(bea.handlers, 'setSegmentMemo', { segmentId: kept!.id, memo: 'revised' }));
    await sync(bea, folder);
    const fourth = await sync(ana, folder);
    expect(fourth.report).toContain('bea-example.coder.json: Merged the coding of Bea Example: 1 changed, 1 removed (deleted by Bea Example).');
    expect(await facts(ana)).toEqual(await facts(bea));
    expect((await readdir(folder)).sort()).toEqual(['ana.coder.json', 'bea-example.coder.json']);
  });

  it('reports an unreadable coder file by name, merges the others, and writes or deletes nothing else', async () => {
    const folder = await tempFolder('workbench-shared-');
    const bea = await beasProject();
    await sync(bea, folder);
    await writeFile(join(folder, 'carl.coder.json'), '{"format": "annotation-workbench/coder-file", "version": 1, "coder": "carl"');
    await writeFile(join(folder, 'notes.txt'), 'not a coder file');
    const ana = await anasProject();
    const result = await sync(ana, folder);
    expect(result.report.find((l) => l.startsWith('carl'))).toMatch(/^carl\.coder\.json was not merged: it is not JSON \(.+\)\.$/);
    expect(result.report).toContain('bea-example.coder.json: Merged the coding of Bea Example: 3 new segments.');
    expect((await readdir(folder)).sort()).toEqual(['ana.coder.json', 'bea-example.coder.json', 'carl.coder.json', 'notes.txt']);
    expect(await readFile(join(folder, 'carl.coder.json'), 'utf8')).toMatch(/"coder": "carl"$/);
  });

  it("never overwrites another coder's file that has the same file name", async () => {
    const folder = await tempFolder('workbench-shared-');
    const other = await coderProject('Bea-Example');
    await codeWords(other, 0, 'first week');
    await sync(other, folder);
    const theirs = await readFile(join(folder, 'bea-example.coder.json'), 'utf8');
    const bea = await beasProject();
    const result = await sync(bea, folder);
    expect(result.report[0]).toBe('bea-example.coder.json holds the coding of Bea-Example, whose name gives the same file name as yours: it was left as it is, and your file was not written.');
    expect(result.report).toContain('bea-example.coder.json: Merged the coding of Bea-Example: 1 new segment.');
    expect(await readFile(join(folder, 'bea-example.coder.json'), 'utf8')).toBe(theirs);
  });
});
