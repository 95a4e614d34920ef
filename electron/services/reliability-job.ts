/**
 * Computing a reliability report without holding up the app. The report of a large corpus, and
 * above all its bootstrap, takes seconds of CPU: it runs in a worker thread, so the main process
 * answers every other call meanwhile (the page's progress polls, a cancel, its edits). The job
 * shows the worker's progress; cancelling the job stops the worker at once.
 */
import { Worker } from 'node:worker_threads';
import type { ReliabilityInput, ReliabilityOptions } from '../../shared/stats/character-data';
import type { ReliabilityReport } from '../../shared/stats/reliability-report';
import { WorkbenchFailure, type ErrorCode } from '../../shared/model/failure';
import type { Job } from './jobs';
import { builtWorkerFile, bundleExecArgv } from './worker-file';

/** What the worker is given: the chosen documents' texts, the codebook and segments, the selection. */
export interface ReliabilityWork {
  input: ReliabilityInput;
  selection: ReliabilityOptions;
}

/** What the worker says: how far the bootstrap is, then the report or why there is none. */
export type ReliabilityWorkerMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; report: ReliabilityReport }
  | { kind: 'failed'; code: ErrorCode | null; message: string };

/** The phases the job reports, as the page shows them. */
export const COMPUTING_PHASE = 'Computing the agreement';
export const BOOTSTRAP_PHASE = 'Bootstrapping the intervals of α';

/** The worker's bundle (see worker-file.ts). */
function reliabilityWorkerFile(): string {
  return builtWorkerFile('reliability-worker.cjs', 'The reliability worker');
}

/** Only what the report reads, so that no more than that is copied to the worker. */
function slim({ documents, codes, segments }: ReliabilityInput): ReliabilityInput {
  return {
    documents: documents.map(({ id, title, text }) => ({ id, title, text })),
    codes: codes.map(({ id, name, parentId }) => ({ id, name, parentId })),
    segments: segments.map(({ id, documentId, codeId, start, end, coder }) => ({ id, documentId, codeId, start, end, coder })),
  };
}

/**
 * The reliability report of `input` for `selection`, computed in a worker thread. The job reports
 * the bootstrap's progress; when it is cancelled the worker is stopped and a 'cancelled' failure
 * thrown. A failure of the computation arrives as it was thrown (a `WorkbenchFailure` keeps its
 * code; any other error its message). `workerFile` is for a caller without `__dirname` (a script
 * run as an ES module, such as the bench), which names the built bundle itself.
 */
export function reliabilityReportInWorker(
  input: ReliabilityInput,
  selection: ReliabilityOptions,
  job: Job,
  workerFile: string = reliabilityWorkerFile(),
): Promise<ReliabilityReport> {
  // A job cancelled before it began starts no worker at all.
  if (job.cancelled) return Promise.reject(cancelledFailure());
  job.report(COMPUTING_PHASE, 0, 0);
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { execArgv: bundleExecArgv(), workerData: { input: slim(input), selection } satisfies ReliabilityWork });
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      job.signal.removeEventListener('abort', onCancel);
      void worker.terminate();
      done();
    };
    const onCancel = () => settle(() => reject(cancelledFailure()));
    job.signal.addEventListener('abort', onCancel);
    worker.on('message', (message: ReliabilityWorkerMessage) => {
      if (message.kind === 'progress') job.report(BOOTSTRAP_PHASE, message.done, message.total);
      else if (message.kind === 'done') settle(() => resolve(message.report));
      else settle(() => reject(message.code === null ? new Error(message.message) : new WorkbenchFailure(message.code, message.message)));
    });
    worker.on('error', (error) => settle(() => reject(new Error(`the reliability report failed in its worker thread: ${error.message}`, { cause: error }))));
    worker.on('exit', (code) => settle(() => reject(new Error(`the reliability report stopped before it finished (its worker thread exited with code ${code})`))));
  });
}

/** What a cancelled report throws. */
function cancelledFailure(): WorkbenchFailure {
  return new WorkbenchFailure('cancelled', 'Cancelled: nothing was written and nothing changed.');
}
