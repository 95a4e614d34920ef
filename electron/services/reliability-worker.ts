/**
 * The worker thread of a reliability report (see reliability-job.ts): it computes the report of
 * the input it was given, saying how far the bootstrap is as it goes, and answers with the report
 * or with why it failed. The main thread stops it (terminates the thread) to cancel it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { WorkbenchFailure } from '../../shared/model/failure';
import { reliabilityReportSteps } from '../../shared/stats/reliability-report';
import type { ReliabilityWork, ReliabilityWorkerMessage } from './reliability-job';

/** How often progress is said at most: often enough for the page's polling, rarely enough to cost nothing. */
const PROGRESS_EVERY_MS = 50;

const { input, selection } = workerData as ReliabilityWork;
const say = (message: ReliabilityWorkerMessage) => parentPort!.postMessage(message);
try {
  const steps = reliabilityReportSteps(input, selection);
  let said = 0;
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      say({ kind: 'done', report: step.value });
      break;
    }
    const now = Date.now();
    if (now - said >= PROGRESS_EVERY_MS || step.value.done === step.value.total) {
      said = now;
      say({ kind: 'progress', done: step.value.done, total: step.value.total });
    }
  }
} catch (error) {
  say({
    kind: 'failed',
    code: error instanceof WorkbenchFailure ? error.code : null,
    message: error instanceof Error ? error.message : String(error),
  });
}
