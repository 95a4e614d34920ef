/**
 * Blind coding enforced where data leaves the main process: while it is on, the handlers send
 * only the current coder's segments (documents, the coded-segments list, counts, outcomes of
 * actions, the dataset exports) and refuse agreement and adjudication with a sentence saying why; it holds across a
 * restart until it is turned off. Real projects in temporary folders.
 */
import { readFile } from 'node:fs/promises';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import type { ActionOutcome, OpenedDocument, ProjectOverview } from '../../shared/ipc';
import type { RetrievedSegment } from '../../shared/views/retrieval';
import { openProject, segmentInput } from '../support/project';
import { value } from '../support/builders';

/** A project where ana coded two passages of one document and bea one passage of it and one of another. */
async function twoCoders() {
  const project = await openProject();
  const { store, handlers } = project;
  const [first, second] = store.overview().documents;
  const text = (await store.openDocument(first.id)).text;
  const otherText = (await store.openDocument(second.id)).text;
  const words = text.split(/\s+/).filter((w) => w.length > 6);
  const ana = [segmentInput(first.id, text, words[0]), segmentInput(first.id, text, words[1])];
  for (const input of ana) await store.addSegment(input);
  await dispatch(handlers, 'setCoder', { name: 'bea' });
  const bea = [segmentInput(first.id, text, words[2], 'opinion'), segmentInput(second.id, otherText, otherText.split(/\s+/).find((w) => w.length > 6)!)];
  for (const input of bea) await store.addSegment(input);
  await dispatch(handlers, 'setCoder', { name: 'ana' });
  return { ...project, first, second, ana, bea };
}

const selection = (documentIds: string[]) => ({ coders: ['ana', 'bea'], documentIds, codeIds: ['factual-claim', 'opinion'], minOverlap: 90 });

describe('blind coding', () => {
  it("sends only the coder's own segments and counts, and refuses agreement and adjudication, until it is turned off", async () => {
    const { handlers, first, second, ana, bea, folder, store } = await twoCoders();
    expect(value<{ blind: boolean }>(await dispatch(handlers, 'setBlind', { blind: true }))).toEqual({ blind: true });

    const opened = value<OpenedDocument>(await dispatch(handlers, 'openDocument', { documentId: first.id }));
    expect([...opened.segments.id].sort()).toEqual(ana.map((s) => s.id).sort());
    const listed = value<RetrievedSegment[]>(await dispatch(handlers, 'listSegments', {}));
    expect(listed.map((row) => row.segment.coder)).toEqual(['ana', 'ana']);
    const overview = value<ProjectOverview>(await dispatch(handlers, 'getProject', {}));
    expect(overview.blind).toBe(true);
    const counts = Object.fromEntries(overview.documents.map((d) => [d.id, [d.segmentCount, d.segmentsByCoder]]));
    expect(counts[first.id]).toEqual([2, { ana: 2 }]);
    expect(counts[second.id]).toEqual([0, {}]);

    const report = await dispatch(handlers, 'reliabilityReport', selection([first.id]));
    expect(report).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/Blind coding is on: agreement .* closed, because they show the other coders' work/) } });
    expect(await dispatch(handlers, 'exportReliability', { format: 'csv', selection: selection([first.id]) })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const settle = await dispatch(handlers, 'settleDisagreement', {
      disagreementId: 'x',
      documentId: first.id,
      codeId: 'factual-claim',
      decision: 'discussed',
      segmentIds: [ana[0].id, bea[0].id],
    });
    expect(settle).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(store.adjudications).toEqual([]);

    // The dataset exports hold only ana's segments: the CSV, the selection CSV and the JSON Lines.
    const csv = value<{ path: string; rows: number }>(await dispatch(handlers, 'exportCsv', { flavour: 'standard' }));
    expect(csv.rows).toBe(2);
    const rows = csvParse(await readFile(csv.path, 'utf8'));
    expect(rows.map((row) => row.coder)).toEqual(['ana', 'ana']);
    const chosen = value<{ rows: number }>(await dispatch(handlers, 'exportCsv', { flavour: 'standard', segmentIds: [ana[0].id, bea[0].id] }));
    expect(chosen.rows).toBe(1);
    const lines = value<{ path: string }>(await dispatch(handlers, 'exportDataset', { format: 'jsonl' }));
    const labels = (await readFile(lines.path, 'utf8')).trim().split('\n').flatMap((line) => JSON.parse(line).label as unknown[]);
    expect(labels).toHaveLength(2);

    // Undoing an action on bea's segment tells the page nothing of it.
    await dispatch(handlers, 'setBlind', { blind: false });
    await dispatch(handlers, 'removeSegment', { segmentId: bea[1].id });
    await dispatch(handlers, 'setBlind', { blind: true });
    const undone = value<ActionOutcome>(await dispatch(handlers, 'undo', {}));
    expect(undone.segments).toEqual([]);
    await store.close();

    // Still blind after a restart; everything is back once it is turned off.
    const again = await openProject(folder);
    expect(again.store.overview().blind).toBe(true);
    expect(value<OpenedDocument>(await dispatch(again.handlers, 'openDocument', { documentId: first.id })).segments.id).toHaveLength(2);
    await dispatch(again.handlers, 'setBlind', { blind: false });
    expect(value<OpenedDocument>(await dispatch(again.handlers, 'openDocument', { documentId: first.id })).segments.id).toHaveLength(3);
    expect(value<RetrievedSegment[]>(await dispatch(again.handlers, 'listSegments', {}))).toHaveLength(4);
    expect(value<ProjectOverview>(await dispatch(again.handlers, 'getProject', {})).documents.find((d) => d.id === second.id)!.segmentCount).toBe(1);
    expect(await dispatch(again.handlers, 'reliabilityReport', selection([first.id]))).toMatchObject({ ok: true });
    expect(value<{ rows: number }>(await dispatch(again.handlers, 'exportCsv', { flavour: 'standard' })).rows).toBe(4);
    await again.store.close();
  });
});
