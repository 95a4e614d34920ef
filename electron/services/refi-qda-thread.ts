/**
 * REFI-QDA work in a worker thread, so that the main process answers every other call while a
 * project of 100,000 coded segments is zipped or read (see refi-qda-worker.ts for the thread's
 * side). The thread gets plain data and gives back plain data: the bytes of an export, or what an
 * import read and the plan of its changes. Nothing in it touches the project: the store, in the
 * main process, stays the only writer. A cancelled job stops the thread at once; the thread's
 * progress is the job's progress.
 *
 * One thread is kept between jobs (`ExchangeWorkers`): a thread that has run a job has compiled
 * its code, and the next job in it runs a fifth or so quicker than in a fresh one, besides not
 * waiting for it to start. It is started on first use and never keeps the process alive while
 * no job uses it; a thread that was stopped (a cancel), failed or ended is not used again, and the
 * next job starts a fresh one.
 */
import { Worker } from 'node:worker_threads';
import type { ImportPlan, ImportTarget } from '../../shared/exchange/refi-qda/project-import';
import type { DocumentRecord } from '../../shared/model/documents';
import { WorkbenchFailure, type ErrorCode } from '../../shared/model/failure';
import type { DatasetInput } from '../../shared/model/project';
import { cancelledFailure, type Job } from './jobs';
import { packDatasetSegments, type PackedChanges, type PackedSegments } from './segment-columns';
import type { CodedSegment } from '../../shared/model/segments';
import { WRITING_SEGMENTS, type QdpxOptions } from './refi-qda';
import { builtWorkerFile, bundleExecArgv } from './worker-file';

const WORKER_FILE = 'refi-qda-worker.cjs';

/** What the main process asks of the thread. */
export type ExchangeRequest =
  | { kind: 'export'; dataset: Omit<DatasetInput, 'segments'>; segments: { packed: PackedSegments } | { plain: readonly CodedSegment[] }; options: QdpxOptions }
  | { kind: 'read'; name: string; bytes: Uint8Array }
  | { kind: 'plan'; sources: SourceGroup[]; target: ImportTarget; now: string }
  /** Drops what the last reading kept (sent when a job gives the thread back; not answered). */
  | { kind: 'forget' };

/** A source of the file as the thread read it: its name, and its text or why there is none. */
export interface ReadSource {
  name: string;
  text: string | null;
  problem: string | null;
}

/** What the thread read of a bundle (it keeps the rest for the plan). */
export interface ReadProject {
  projectName: string;
  notes: string[];
  /** The SHA-256 of the file's bytes. */
  sha256: string;
  sources: ReadSource[];
}

/** The sources of the file (by their place in `ReadProject.sources`) that go into one document, new or already in the project. */
export interface SourceGroup {
  sources: number[];
  document: DocumentRecord;
  isNew: boolean;
}

/** What the thread says: how far it is, its answer, or why it failed. */
export type ExchangeReply =
  | { kind: 'progress'; phase: string; done: number; total: number }
  | { kind: 'exported'; bytes: Uint8Array }
  | ({ kind: 'read' } & ReadProject)
  /** The plan's report and counts, and its changes packed (see segment-columns.ts). */
  | { kind: 'planned'; plan: Omit<ImportPlan, 'changes'>; changes: PackedChanges }
  | { kind: 'failed'; code: ErrorCode | null; message: string };

/** The thread's bundle (see worker-file.ts). */
function workerFile(): string {
  return builtWorkerFile(WORKER_FILE, 'The REFI-QDA worker');
}

/**
 * The REFI-QDA threads of the process: at most one is kept, idle and unreferenced, between jobs.
 * A job takes the kept thread, or starts one when there is none (or another job is using it);
 * when the job ends well, its thread is kept for the next (or ended, when one is kept already).
 */
export class ExchangeWorkers {
  private idle: Worker | null = null;
  /** How many threads were started (for the tests: two jobs in a row start one). */
  started = 0;

  constructor(
    /** Starts a thread (a test seam: a stand-in that says what a test wants). */
    private readonly makeWorker: () => Worker = () => new Worker(workerFile(), { execArgv: bundleExecArgv() }),
  ) {}

  /** A thread for one job, kept alive by the job while it runs. */
  take(): Worker {
    const worker = this.idle ?? this.start();
    this.idle = null;
    worker.ref();
    return worker;
  }

  /** Gives back a thread that answered its job well: it is kept (unless one is already), and no longer keeps the process alive. */
  keep(worker: Worker): void {
    if (this.idle) {
      void worker.terminate();
      return;
    }
    // What an import read is of no use to the next job.
    worker.postMessage({ kind: 'forget' } satisfies ExchangeRequest);
    worker.unref();
    this.idle = worker;
  }

  /** Ends the kept thread (when the program or its project closes; the next job starts a fresh one). */
  end(): void {
    const worker = this.idle;
    this.idle = null;
    if (worker) void worker.terminate();
  }

  private start(): Worker {
    const worker = this.makeWorker();
    this.started++;
    // A kept thread that fails or ends on its own while idle is not given to the next job.
    const drop = () => {
      if (this.idle === worker) this.idle = null;
    };
    worker.on('error', drop);
    worker.on('exit', drop);
    return worker;
  }
}

/** The threads of the running program. */
export const exchangeWorkers = new ExchangeWorkers();

/** One job's use of a REFI-QDA thread: requests are answered one at a time, in order. */
export class ExchangeThread {
  private readonly worker: Worker;
  private pending: { resolve: (reply: ExchangeReply) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;
  /** Stopped: the thread was ended (a cancel, a failure of the thread itself) and is not kept. */
  private stopped = false;
  /** Closed: what the thread still says (progress posted before it ended) is no longer the job's. */
  private closed = false;
  private readonly stopOnCancel = () => this.stop(cancelledFailure());
  private readonly onMessage = (reply: ExchangeReply) => {
    if (this.closed) return;
    if (reply.kind === 'progress') this.job?.report(reply.phase, reply.done, reply.total);
    else this.settle((pending) => pending.resolve(reply));
  };
  private readonly onError = (error: Error) => this.stop(error);
  // An answer that could not be read back: the request under way would otherwise wait for ever.
  private readonly onMessageError = (error: Error) => this.stop(new Error(`the REFI-QDA worker's answer could not be read (${error.message})`));
  private readonly onExit = (code: number) => this.stop(new Error(`the REFI-QDA worker stopped (exit code ${code})`));

  constructor(
    private readonly job?: Job,
    private readonly workers: ExchangeWorkers = exchangeWorkers,
  ) {
    this.worker = workers.take();
    this.worker.on('message', this.onMessage);
    this.worker.on('error', this.onError);
    this.worker.on('messageerror', this.onMessageError);
    this.worker.on('exit', this.onExit);
    job?.signal.addEventListener('abort', this.stopOnCancel);
  }

  /** Sends a request and waits for its answer; a failure in the thread is thrown here, with its code. */
  async ask(request: ExchangeRequest, transfer: ArrayBuffer[] = []): Promise<ExchangeReply> {
    if (this.job?.cancelled) throw cancelledFailure();
    if (this.failure) throw this.failure;
    const reply = await new Promise<ExchangeReply>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(request, transfer);
    });
    if (reply.kind === 'failed') throw reply.code ? new WorkbenchFailure(reply.code, reply.message) : new Error(reply.message);
    return reply;
  }

  /**
   * Ends the job's use of the thread (after the job, or when it fails): a thread that answered
   * every request is kept for the next job; one with a request still under way, or stopped, is ended.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.job?.signal.removeEventListener('abort', this.stopOnCancel);
    this.worker.off('message', this.onMessage);
    this.worker.off('error', this.onError);
    this.worker.off('messageerror', this.onMessageError);
    this.worker.off('exit', this.onExit);
    const busy = this.pending !== null;
    this.failure ??= new Error('the REFI-QDA worker was closed');
    this.pending = null;
    if (this.stopped || busy) void this.worker.terminate();
    else this.workers.keep(this.worker);
  }

  private settle(done: (pending: NonNullable<ExchangeThread['pending']>) => void): void {
    const pending = this.pending;
    this.pending = null;
    if (pending) done(pending);
  }

  /** Stops the thread: the request under way fails with `error`, and the thread is not kept. */
  private stop(error: Error): void {
    this.stopped = true;
    this.failure ??= error;
    this.settle((pending) => pending.reject(this.failure!));
    void this.worker.terminate();
  }
}

/**
 * The bytes of a `.qdpx` bundle of the dataset, made in a worker thread (see `qdpxBytes`): the
 * job hears of the coded segments written, and a cancel stops the thread at once.
 */
export async function qdpxBytesInThread(dataset: DatasetInput, options: QdpxOptions, job?: Job): Promise<Uint8Array> {
  // Said at once, as the thread will say it: the page shows the phase before the thread has started.
  job?.report(WRITING_SEGMENTS, 0, dataset.segments.length);
  const thread = new ExchangeThread(job);
  try {
    const texts = new Map(dataset.documents.map(({ record, text }) => [record.id, text]));
    const packing = packDatasetSegments(dataset.segments, (id) => texts.get(id) ?? '');
    const { segments: _segments, ...rest } = dataset;
    const segments = packing ? { packed: packing.packed } : { plain: dataset.segments };
    const reply = await thread.ask({ kind: 'export', dataset: rest, segments, options }, packing?.transfer);
    if (reply.kind !== 'exported') throw new Error(`the REFI-QDA worker answered ${reply.kind} to an export`);
    return reply.bytes;
  } finally {
    thread.close();
  }
}
