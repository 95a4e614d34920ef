/**
 * Long exports and imports as jobs the page can follow and stop. The page names a job when it
 * starts the work; while the work runs it asks how far it is (`progress`) and may cancel it. The
 * work reports its progress and passes checkpoints, where it lets the other calls in and stops
 * when cancelled: a cancelled export throws before its file is renamed into place, so no partial
 * file is left behind, and a cancelled import throws before its action is applied.
 */
import type { JobProgress } from '../../shared/ipc';
import { WorkbenchFailure } from '../../shared/model/failure';

/** How long work may run before a checkpoint lets other calls in. */
const SLICE_MS = 30;

export class Job {
  private readonly controller = new AbortController();
  private sliceStart = Date.now();
  progress: JobProgress = { phase: 'Starting', done: 0, total: 0 };

  /** Records how far the work is. */
  report(phase: string, done: number, total: number): void {
    this.progress = { phase, done, total };
  }

  /** Starts a phase of `total` steps; the function returned counts one step each time it is called. */
  counter(phase: string, total: number): () => void {
    let done = 0;
    this.report(phase, 0, total);
    return () => this.report(phase, Math.min(++done, total), total);
  }

  get cancelled(): boolean {
    return this.controller.signal.aborted;
  }

  /** Aborted when the job is cancelled: for work that runs elsewhere (a worker) and must be stopped. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  cancel(): void {
    this.controller.abort();
  }

  /**
   * A point where the work may stop: now and then it yields to the event loop (so that progress
   * and cancel calls are answered), and it throws a 'cancelled' failure once the job is cancelled.
   */
  async checkpoint(): Promise<void> {
    if (Date.now() - this.sliceStart >= SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.sliceStart = Date.now();
    }
    if (this.cancelled) throw cancelledFailure();
  }
}

/** What a cancelled job fails with. */
export function cancelledFailure(): WorkbenchFailure {
  return new WorkbenchFailure('cancelled', 'Cancelled: nothing was written and nothing changed.');
}

/** The jobs under way, by the id the page gave them. */
export class Jobs {
  private readonly running = new Map<string, Job>();

  /** Starts a job (under the page's id, if it gave one) and ends it when `work` settles. */
  async run<T>(id: string | undefined, work: (job: Job) => Promise<T>): Promise<T> {
    const job = new Job();
    if (id) {
      if (this.running.has(id)) throw new WorkbenchFailure('conflict', `A job ${id} is already running.`);
      this.running.set(id, job);
    }
    try {
      return await work(job);
    } finally {
      if (id) this.running.delete(id);
    }
  }

  /** How far a job is; null when there is no such job (it has ended, or never began). */
  progress(id: string): JobProgress | null {
    return this.running.get(id)?.progress ?? null;
  }

  /** Cancels a job; false when there is no such job running. */
  cancel(id: string): boolean {
    const job = this.running.get(id);
    job?.cancel();
    return !!job;
  }
}
