/**
 * How a reliability report computed in a worker thread fails: a failure of the computation reaches
 * the caller as it was thrown (a WorkbenchFailure with its code), a worker that dies or exits says
 * so, and a job cancelled before it began starts no worker. Stub workers are small CommonJS files
 * in a temporary folder, named through `workerFile`; one case runs the built worker itself.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Job } from '../../electron/services/jobs';
import { reliabilityReportInWorker } from '../../electron/services/reliability-job';
import { WorkbenchFailure } from '../../shared/model/failure';
import type { ReliabilityInput, ReliabilityOptions } from '../../shared/stats/character-data';

const input: ReliabilityInput = {
  documents: [{ id: 'doc', title: 'Doc', text: 'a'.repeat(100) }],
  codes: [{ id: 'x', name: 'x', parentId: null }],
  segments: [
    { id: 's1', documentId: 'doc', codeId: 'x', start: 0, end: 10, coder: 'ann' },
    { id: 's2', documentId: 'doc', codeId: 'x', start: 2, end: 12, coder: 'bob' },
  ],
};
const selection: ReliabilityOptions = { coders: ['ann', 'bob'], documentIds: ['doc'], codeIds: ['x'], minOverlap: 50 };

describe('a reliability report in a worker thread, when it fails', () => {
  let folder: string;
  const stub = async (name: string, source: string) => {
    const file = join(folder, name);
    await writeFile(file, source);
    return file;
  };
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'reliability-worker-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('passes on a WorkbenchFailure with its code and message', async () => {
    const file = await stub(
      'fails.cjs',
      `require('node:worker_threads').parentPort.postMessage({ kind: 'failed', code: 'not-found', message: 'The code "z" is gone.' });`,
    );
    const failure = await reliabilityReportInWorker(input, selection, new Job(), file).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkbenchFailure);
    expect(failure).toMatchObject({ code: 'not-found', message: 'The code "z" is gone.' });
  });

  it('passes on any other error of the computation with its message (the built worker)', async () => {
    const failure = await reliabilityReportInWorker(input, { ...selection, codeIds: ['nope'] }, new Job()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(WorkbenchFailure);
    expect((failure as Error).message).toMatch(/nope/);
  });

  it('says so when the worker throws outside the computation', async () => {
    const file = await stub('throws.cjs', `throw new Error('the stub broke');`);
    await expect(reliabilityReportInWorker(input, selection, new Job(), file)).rejects.toThrow(
      'the reliability report failed in its worker thread: the stub broke',
    );
  });

  it('says so when the worker exits without an answer', async () => {
    const file = await stub('exits.cjs', `process.exit(3);`);
    await expect(reliabilityReportInWorker(input, selection, new Job(), file)).rejects.toThrow(
      'the reliability report stopped before it finished (its worker thread exited with code 3)',
    );
  });

  it('starts no worker for a job cancelled before it began', async () => {
    const job = new Job();
    job.cancel();
    // A worker file name that Node refuses at once: creating the worker would throw a TypeError.
    const failure = await reliabilityReportInWorker(input, selection, job, 'not-a-worker-path.cjs').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkbenchFailure);
    expect(failure).toMatchObject({ code: 'cancelled' });
    await expect(reliabilityReportInWorker(input, selection, new Job(), 'not-a-worker-path.cjs')).rejects.toThrow(/must be an absolute path|relative path/);
  });
});
