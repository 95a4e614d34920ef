/**
 * REFI-QDA work in a worker thread, so that the main process answers every other call while a
 * project of 100,000 coded segments is zipped or read (see refi-qda-worker.ts for the thread's
 * side). The thread gets plain data and gives back plain data: the bytes of an export, or what an
 * import read and the plan of its changes. Nothing in it touches the project: the store, in the
 * main process, stays the only writer. A cancelled job stops the thread at once; the thread's
 * progress is the job's progress.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportPlan, ImportTarget } from '../../shared/exchange/refi-qda/project-import';
import type { DocumentRecord } from '../../shared/model/documents';
import { WorkbenchFailure, type ErrorCode } from '../../shared/model/failure';
import type { DatasetInput } from '../../shared/model/project';
import { cancelledFailure, type Job } from './jobs';
import { packDatasetSegments, type PackedChanges, type PackedSegments } from './segment-columns';
import type { CodedSegment } from '../../shared/model/segments';
import { WRITING_SEGMENTS, type QdpxOptions } from './refi-qda';

const WORKER_FILE = 'refi-qda-worker.cjs';

/** What the main process asks of the thread. */
export type ExchangeRequest =
  | { kind: 'export'; dataset: Omit<DatasetInput, 'segments'>; segments: { packed: PackedSegments } | { plain: readonly CodedSegment[] }; options: QdpxOptions }
  | { kind: 'read'; name: string; bytes: Uint8Array }
  | { kind: 'plan'; sources: SourceGroup[]; target: ImportTarget; now: string };

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

/**
 * The thread's bundle: beside this bundle in dist/electron; from the sources (the tests under
 * vitest, the bench under tsx, which has no __dirname), the one `npm run build` made.
 */
function workerFile(): string {
  const here = typeof __dirname === 'string' ? __dirname : null;
  const candidates = [
    here && join(here, WORKER_FILE),
    here && join(here, '..', '..', 'dist', 'electron', WORKER_FILE),
    join(process.cwd(), 'dist', 'electron', WORKER_FILE),
  ].filter((path): path is string => !!path);
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`The REFI-QDA worker (${WORKER_FILE}) is not built: run npm run build.`);
  return found;
}

/** One worker thread for one job: requests are answered one at a time, in order. */
export class ExchangeThread {
  private readonly worker: Worker;
  private pending: { resolve: (reply: ExchangeReply) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;
  /** Closed: what the thread still says (progress posted before it ended) is no longer the job's. */
  private closed = false;
  private readonly stopOnCancel = () => this.stop(cancelledFailure());

  constructor(
    private readonly job?: Job,
    /** Starts the thread (a test seam: a stand-in that says what a test wants). */
    makeWorker: () => Worker = () => new Worker(workerFile()),
  ) {
    this.worker = makeWorker();
    this.worker.on('message', (reply: ExchangeReply) => {
      if (this.closed) return;
      if (reply.kind === 'progress') this.job?.report(reply.phase, reply.done, reply.total);
      else this.settle((pending) => pending.resolve(reply));
    });
    this.worker.on('error', (error) => this.stop(error));
    // An answer that could not be read back: the request under way would otherwise wait for ever.
    this.worker.on('messageerror', (error) => this.stop(new Error(`the REFI-QDA worker's answer could not be read (${error.message})`)));
    this.worker.on('exit', (code) => this.stop(new Error(`the REFI-QDA worker stopped (exit code ${code})`)));
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

  /** Ends the thread (after the job, or when it fails). */
  close(): void {
    this.closed = true;
    this.job?.signal.removeEventListener('abort', this.stopOnCancel);
    this.failure ??= new Error('the REFI-QDA worker was closed');
    this.pending = null;
    void this.worker.terminate();
  }

  private settle(done: (pending: NonNullable<ExchangeThread['pending']>) => void): void {
    const pending = this.pending;
    this.pending = null;
    if (pending) done(pending);
  }

  /** Stops the thread: the request under way fails with `error`. */
  private stop(error: Error): void {
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
