/**
 * Long exports and imports: the page can follow their progress while they run, and a cancel
 * stops them with no file left behind (an export, the analysis report among them) and nothing
 * changed (an import).
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import type { CorpusSearchResult, JobProgress, ProjectImportOutcome } from '../../shared/ipc';
import { analysisReportInSteps } from '../../electron/handlers/analysis-exports';
import { Job } from '../../electron/services/jobs';
import { analysisCorpus, NO_ANALYSIS_FILTER } from '../../shared/analysis/analysis-corpus';
import { REPORT_STEPS } from '../../shared/analysis/analysis-report';
import { openProject, type OpenProject } from '../support/project';
import { value } from '../support/builders';

/** A project with tens of thousands of segments: every word of the corpus, coded three times. */
async function bigProject(): Promise<OpenProject> {
  const project = await openProject();
  const spans: Array<{ documentId: string; start: number; end: number }> = [];
  for (const document of project.store.overview().documents) {
    const text = await project.store.text(document.id);
    for (const match of text.matchAll(/\S+/g)) spans.push({ documentId: document.id, start: match.index, end: match.index + match[0].length });
  }
  for (const codeId of ['factual-claim', 'opinion', 'call-to-action']) {
    for (let i = 0; i < spans.length; i += 50_000) await dispatch(project.handlers, 'codeSpans', { codeId, spans: spans.slice(i, i + 50_000) });
  }
  return project;
}

/**
 * Polls a job as the page does, until it has made some progress; every answer seen is kept. The
 * polls are a millisecond apart: work in a worker thread reports only once its thread has started.
 */
async function watchUntilUnderWay(project: OpenProject, jobId: string, seen: JobProgress[]): Promise<void> {
  for (let i = 0; i < 10_000; i++) {
    const progress = value<JobProgress | null>(await dispatch(project.handlers, 'jobProgress', { jobId }));
    if (progress) seen.push(progress);
    if (progress && progress.total > 0 && progress.done > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error('the job never reported any progress');
}

describe('long exports and imports', () => {
  let project: OpenProject;
  beforeAll(async () => {
    project = await bigProject();
  }, 120_000);

  it('report their progress while they run, and nothing once they have ended', async () => {
    const segments = (await project.store.dataset()).segments.length;
    expect(segments).toBeGreaterThan(20_000);
    const jobId = randomUUID();
    const running = dispatch(project.handlers, 'exportCsv', { flavour: 'standard', jobId });
    const seen: JobProgress[] = [];
    await watchUntilUnderWay(project, jobId, seen);
    const result = value<{ path: string; rows: number }>(await running);
    expect(result.rows).toBe(segments);
    expect(seen.at(-1)).toMatchObject({ phase: 'Writing the segments', total: segments });
    expect(value(await dispatch(project.handlers, 'jobProgress', { jobId }))).toBeNull();
    expect(value(await dispatch(project.handlers, 'cancelJob', { jobId }))).toEqual({ cancelled: false });
  });

  for (const [name, input] of [
    ['CSV', { operation: 'exportCsv', input: { flavour: 'excel' } }],
    ['data package', { operation: 'exportDataset', input: { format: 'datapackage' } }],
    ['REFI-QDA', { operation: 'exportDataset', input: { format: 'qdpx' } }],
    ['analysis report', { operation: 'exportAnalysisReport', input: { filter: { documentIds: null, coders: null, variable: null }, variable: null } }],
  ] as const) {
    it(`a cancelled ${name} export leaves no file behind, not even a temporary one`, async () => {
      const before = await readdir(project.exportsFolder).catch(() => []);
      const jobId = randomUUID();
      const running = dispatch(project.handlers, input.operation, { ...input.input, jobId });
      await watchUntilUnderWay(project, jobId, []);
      expect(value(await dispatch(project.handlers, 'cancelJob', { jobId }))).toEqual({ cancelled: true });
      expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled', message: expect.stringMatching(/Cancelled: nothing was written/) } });
      expect(await readdir(project.exportsFolder).catch(() => [])).toEqual(before);
    });
  }

  it('the analysis report, cancelled while its sections are made, stops at the next section', async () => {
    // The job as the report's export runs it, cancelled once the first section is done: whatever
    // the timing, the report must stop there rather than go on to the other sections.
    const corpus = analysisCorpus(await project.store.dataset(), project.store.viewer);
    const meta = { projectName: 'big', createdAt: '2026-01-01T00:00:00Z', filter: NO_ANALYSIS_FILTER, variable: null, blindCoder: null };
    const job = new Job();
    const phases: string[] = [];
    job.report = (phase, done, total) => {
      phases.push(phase);
      expect(total).toBe(REPORT_STEPS);
      if (done === 1) job.cancel();
    };
    await expect(analysisReportInSteps(corpus, meta, job)).rejects.toMatchObject({ code: 'cancelled' });
    expect(phases).toEqual(['Writing the codebook', 'Counting the frequencies']);
    // Not cancelled, the same report goes through every section.
    const whole = new Job();
    const all: string[] = [];
    whole.report = (phase) => void all.push(phase);
    expect(await analysisReportInSteps(corpus, meta, whole)).toContain('</html>');
    expect(all).toHaveLength(REPORT_STEPS);
  });

  it('a cancelled import changes nothing and stores no text', async () => {
    const exported = value<{ path: string }>(await dispatch(project.handlers, 'exportDataset', { format: 'qdpx' }));
    const fresh = await openProject();
    const documentsBefore = await readdir(`${fresh.folder}/documents`);
    const datasetBefore = JSON.stringify(await fresh.store.dataset());
    const jobId = randomUUID();
    const data = (await readFile(exported.path)).toString('base64');
    // The import is cancelled as soon as it is under way.
    const running = dispatch(fresh.handlers, 'importProject', { name: 'big.qdpx', data, jobId });
    for (let i = 0; i < 10_000 && !value(await dispatch(fresh.handlers, 'cancelJob', { jobId })); i++) await new Promise((resolve) => setImmediate(resolve));
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await readdir(`${fresh.folder}/documents`)).toEqual(documentsBefore);
    expect(JSON.stringify(await fresh.store.dataset())).toBe(datasetBefore);
    // Not cancelled, the same import goes through.
    const done = value<ProjectImportOutcome>(await dispatch(fresh.handlers, 'importProject', { name: 'big.qdpx', data }));
    expect(done.outcome).not.toBeNull();
  });

  describe('a reliability report, computed in a worker thread', () => {
    const selection = { coders: ['ana', 'bea'], codeIds: ['factual-claim', 'opinion'], minOverlap: 90, bootstrap: { samples: 20_000, seed: 3 } };
    let coded: OpenProject;
    beforeAll(async () => {
      coded = await openProject();
      const documents = coded.store.overview().documents;
      for (const [coder, every] of [['ana', 1], ['bea', 2]] as const) {
        await dispatch(coded.handlers, 'setCoder', { name: coder });
        const spans: Array<{ documentId: string; start: number; end: number }> = [];
        for (const document of documents) {
          const text = await coded.store.text(document.id);
          [...text.matchAll(/\S+/g)].forEach((m, i) => i % every === 0 && spans.push({ documentId: document.id, start: m.index, end: m.index + m[0].length }));
        }
        await dispatch(coded.handlers, 'codeSpans', { codeId: 'factual-claim', spans });
      }
    });

    /** Polls the job with a short pause (the worker takes a moment to start) until the bootstrap is under way. */
    async function untilBootstrapping(jobId: string): Promise<JobProgress> {
      for (let i = 0; i < 6_000; i++) {
        const progress = value<JobProgress | null>(await dispatch(coded.handlers, 'jobProgress', { jobId }));
        if (progress && progress.done > 0) return progress;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      throw new Error('the bootstrap never reported any progress');
    }

    it('shows the bootstrap’s progress and can be cancelled', async () => {
      const documentIds = coded.store.overview().documents.map((d) => d.id);
      const jobId = randomUUID();
      const running = dispatch(coded.handlers, 'reliabilityReport', { ...selection, documentIds, jobId });
      expect(await untilBootstrapping(jobId)).toMatchObject({ phase: 'Bootstrapping the intervals of α', total: 20_000 });
      expect(value(await dispatch(coded.handlers, 'cancelJob', { jobId }))).toEqual({ cancelled: true });
      expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(value(await dispatch(coded.handlers, 'jobProgress', { jobId }))).toBeNull();
    });

    it('lets the main process answer other calls while the bootstrap runs', async () => {
      // The most samples the page may ask for (20,000 resamples of thousands of stretches take far
      // longer than three searches): the job is still running after the calls below and is then
      // cancelled, so no time limit is asserted.
      const documentIds = coded.store.overview().documents.map((d) => d.id);
      const jobId = randomUUID();
      let ended = false;
      const running = dispatch(coded.handlers, 'reliabilityReport', { ...selection, documentIds, jobId }).finally(() => {
        ended = true;
      });
      let before = await untilBootstrapping(jobId);
      for (let call = 0; call < 3; call++) {
        const found = value<CorpusSearchResult>(
          await dispatch(coded.handlers, 'searchCorpus', { query: { pattern: 'the', regex: false, caseSensitive: false, wholeWord: true } }),
        );
        expect(found.total).toBeGreaterThan(0);
        // Answered while the report is still being computed: the job is still there, no further back.
        const now = value<JobProgress | null>(await dispatch(coded.handlers, 'jobProgress', { jobId }));
        expect(ended).toBe(false);
        expect(now).toMatchObject({ phase: 'Bootstrapping the intervals of α', total: 20_000 });
        expect(now!.done).toBeGreaterThanOrEqual(before.done);
        before = now!;
      }
      expect(value(await dispatch(coded.handlers, 'cancelJob', { jobId }))).toEqual({ cancelled: true });
      expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    });
  });

  it('refuses a malformed job id', async () => {
    expect(await dispatch(project.handlers, 'jobProgress', { jobId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
