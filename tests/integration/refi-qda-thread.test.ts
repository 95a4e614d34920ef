/**
 * A large REFI-QDA project is read and placed, or written, in a worker thread: while it is, the
 * main process answers other calls (reading the project, opening a document, coding a passage),
 * and a passage coded meanwhile is kept beside everything the file brings in. Jobs in a row share one thread;
 * a cancelled job's thread is ended and the job after it runs in a fresh one.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { newDocumentRecord } from '../../electron/project/document-texts';
import { cancelledFailure, Job } from '../../electron/services/jobs';
import { importProjectFile } from '../../electron/services/project-exchange';
import { qdpxBytes, WRITING_SEGMENTS, type QdpxOptions } from '../../electron/services/refi-qda';
import { exchangeWorkers, qdpxBytesInThread } from '../../electron/services/refi-qda-thread';
import type { DatasetInput } from '../../shared/model/project';
import { DEFAULT_CODES } from '../../shared/model/codebook';
import type { CodedSegment } from '../../shared/model/segments';
import type { JobProgress, ProjectImportOutcome } from '../../shared/ipc';
import { ZipArchive } from '../../electron/services/zip-archive';
import { openProject, segmentInput } from '../support/project';
import { value } from '../support/builders';

const LINES = 20_000;
const CODES = ['factual-claim', 'opinion', 'call-to-action'];

/** One generated transcript with every line coded with three codes (60,000 segments), and how to export it. */
function largeDataset(): { dataset: DatasetInput; options: QdpxOptions } {
  const lines = Array.from({ length: LINES }, (_, i) => `Line ${i + 1}: the council met the union about the budget, café ${i % 97}.`);
  const text = `${lines.join('\n')}\n`;
  const now = '2026-01-01T00:00:00.000Z';
  const record = newDocumentRecord('transcript.txt', text, { name: 'transcript.txt', sha256: '', format: 'text', encoding: 'utf-8' }, now, 'Transcript');
  const segments: CodedSegment[] = [];
  let start = 0;
  for (const line of lines) {
    for (const codeId of CODES) {
      segments.push({ id: randomUUID(), documentId: record.id, codeId, start, end: start + line.length, quote: line, coder: 'Chen', createdAt: now, updatedAt: now, memo: '', origin: 'manual' });
    }
    start += line.length + 1;
  }
  return { dataset: { documents: [{ record, text }], codes: DEFAULT_CODES, segments }, options: { projectId: 'elsewhere', projectName: 'Large study', coder: 'Chen', now } };
}

/** A .qdpx of the generated transcript (see largeDataset). */
async function largeBundle(): Promise<{ data: string; segments: number }> {
  const { dataset, options } = largeDataset();
  const bytes = await qdpxBytes(dataset, options);
  return { data: Buffer.from(bytes).toString('base64'), segments: dataset.segments.length };
}

describe('a REFI-QDA import in its worker thread', () => {
  it('lets other calls be answered while it runs, and keeps a passage coded meanwhile', async () => {
    const { data, segments } = await largeBundle();
    const project = await openProject();
    const [document] = project.store.overview().documents;
    const text = await project.store.text(document!.id);
    const answered: string[] = [];
    const jobId = randomUUID();
    const importing = dispatch(project.handlers, 'importProject', { name: 'large.qdpx', data, jobId }).then((result) => {
      answered.push('importProject');
      return result;
    });
    // Once the file is with the worker thread, the page asks for other things.
    for (let i = 0; i < 10_000; i++) {
      const progress = value<JobProgress | null>(await dispatch(project.handlers, 'jobProgress', { jobId }));
      if (progress?.phase === 'Reading the project file') break;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const phase = async () => value<JobProgress | null>(await dispatch(project.handlers, 'jobProgress', { jobId }))?.phase;
    const overview = await dispatch(project.handlers, 'getProject', {});
    answered.push('getProject');
    // Answered while the file is still being read: not merely between two steps of the import.
    const phaseAfterOverview = await phase();
    const opened = await dispatch(project.handlers, 'openDocument', { documentId: document!.id });
    answered.push('openDocument');
    const phaseAfterOpening = await phase();
    const coded = segmentInput(document!.id, text, text.split(/\s+/).find((word) => word.length > 6)!);
    const added = await dispatch(project.handlers, 'addSegment', coded);
    answered.push('addSegment');

    const result = value<ProjectImportOutcome>(await importing);
    expect(answered).toEqual(['getProject', 'openDocument', 'addSegment', 'importProject']);
    expect(overview.ok && opened.ok && added.ok).toBe(true);
    expect([phaseAfterOverview, phaseAfterOpening]).toEqual(['Reading the project file', 'Reading the project file']);
    expect(result.report[0]).toBe(`Imported 1 document, 0 new codes and ${segments} coded segments by Chen.`);
    const dataset = await project.store.dataset();
    expect(dataset.segments.filter((segment) => segment.coder === 'Chen')).toHaveLength(segments);
    expect(dataset.segments.map((segment) => segment.id)).toContain(coded.id);
  });

  it('lets other calls be answered while a QDPX export is written, and the file holds every segment', async () => {
    const { data, segments } = await largeBundle();
    const project = await openProject();
    value<ProjectImportOutcome>(await dispatch(project.handlers, 'importProject', { name: 'large.qdpx', data }));
    const [document] = project.store.overview().documents;
    const text = await project.store.text(document!.id);
    const answered: string[] = [];
    const jobId = randomUUID();
    const exporting = dispatch(project.handlers, 'exportDataset', { format: 'qdpx', jobId }).then((result) => {
      answered.push('exportDataset');
      return result;
    });
    // Once the worker thread is writing the segments (it has said how far it is), the page asks for other things.
    const progress = async () => value<JobProgress | null>(await dispatch(project.handlers, 'jobProgress', { jobId }));
    for (let i = 0; i < 10_000; i++) {
      const now = await progress();
      if (now?.phase === WRITING_SEGMENTS && now.done > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const overview = await dispatch(project.handlers, 'getProject', {});
    answered.push('getProject');
    // Answered while the export is still under way: its job is still there, in the same phase.
    const phaseAfterOverview = (await progress())?.phase;
    const opened = await dispatch(project.handlers, 'openDocument', { documentId: document!.id });
    answered.push('openDocument');
    const coded = segmentInput(document!.id, text, text.split(/\s+/).find((word) => word.length > 6)!);
    const added = await dispatch(project.handlers, 'addSegment', coded);
    answered.push('addSegment');

    const exported = value<{ path: string; rows: number }>(await exporting);
    expect(answered).toEqual(['getProject', 'openDocument', 'addSegment', 'exportDataset']);
    expect(overview.ok && opened.ok && added.ok).toBe(true);
    expect(phaseAfterOverview).toBe(WRITING_SEGMENTS);
    // The export holds the project as it was when it began: every imported segment, each a selection.
    expect(exported.rows).toBe(segments);
    const xml = Buffer.from(ZipArchive.open('large.qdpx', await readFile(exported.path)).read('project.qde')).toString('utf8');
    expect(xml.match(/<PlainTextSelection /g)).toHaveLength(segments);
    expect((await project.store.dataset()).segments.map((segment) => segment.id)).toContain(coded.id);
  });

  it('runs jobs in a row in one thread, and the job after a cancelled one in a fresh thread', async () => {
    const { dataset, options } = largeDataset();
    exchangeWorkers.end();
    const before = exchangeWorkers.started;
    const first = await qdpxBytesInThread(dataset, options, new Job());
    const second = await qdpxBytesInThread(dataset, options, new Job());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    // An import after the exports: the same thread reads and places the file.
    const project = await openProject();
    const imported = await importProjectFile(project.store, 'large.qdpx', first, new Date(), new Job());
    expect(imported.counts.segments).toBe(dataset.segments.length);
    expect(exchangeWorkers.started - before).toBe(1);

    // A cancel while the thread writes: the export fails as cancelled, and its thread is ended.
    const job = new Job();
    const cancelled = qdpxBytesInThread(dataset, options, job);
    for (let i = 0; i < 10_000 && job.progress.done === 0; i++) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(job.progress.done).toBeGreaterThan(0);
    job.cancel();
    await expect(cancelled).rejects.toThrow(cancelledFailure().message);
    const after = await qdpxBytesInThread(dataset, options, new Job());
    expect(Buffer.from(after).equals(Buffer.from(first))).toBe(true);
    expect(exchangeWorkers.started - before).toBe(2);
  });
});
