/**
 * Suggestions trained and asked in a worker thread (see suggestions-worker.ts for the thread's
 * side), so that the main process answers every other call while a model learns from 10,000
 * segments or reads a 2 MB document. The thread is cut off from the network before it reads
 * anything (network-guard.ts). It gets plain data and gives back plain data: the model as the
 * text of its file (model-file.ts; one string crosses between threads at once, where its tens of
 * thousands of objects would hold up the main thread while they are copied), each code's quality,
 * suggestions. It keeps the last model it trained (or
 * was given), so that suggestions need not send the model again; the main process stays the only
 * one that touches the project.
 *
 * Requests are answered one at a time, in order. The thread is started on first use, does not keep
 * the process alive while idle, and is started afresh after it failed or was ended.
 */
import { Worker } from 'node:worker_threads';
import { WorkbenchFailure, type ErrorCode } from '../../shared/model/failure';
import type { Suggestion, SuggestionOptions } from '../../shared/suggestions/suggestions';
import type { CodedSpan, TrainingDocument, TrainingInput } from '../../shared/suggestions/training-examples';
import type { CodeQuality, TrainingSettings } from '../../shared/suggestions/training';
import { builtWorkerFile, bundleExecArgv } from './worker-file';

const WORKER_FILE = 'suggestions-worker.cjs';

/** What the main process asks of the thread. */
export type SuggestionsRequest =
  /** Learn a model from the project's segments; with `crossValidate`, each code's quality too. */
  | { kind: 'train'; input: TrainingInput; settings: TrainingSettings | null; crossValidate: boolean; now: string }
  /** Use this model (the text of its file, checked in the thread) for the suggestions that follow. */
  | { kind: 'use'; json: string }
  /** The suggestions for some documents (each with its segments and rejections), from the model trained or given last. */
  | { kind: 'suggest'; documents: DocumentToRead[]; options: SuggestionOptions };

/** What the thread says. */
export type SuggestionsReply =
  | { kind: 'trained'; json: string; quality: CodeQuality[] | null }
  | { kind: 'using'; codes: string[] }
  /** Each document's suggestions, in the order the documents were asked. */
  | { kind: 'suggested'; suggestions: Suggestion[][] }
  | { kind: 'failed'; code: ErrorCode | null; message: string };

/** A document to read for suggestions: its text, and the segments and rejections that leave sentences out. */
export interface DocumentToRead {
  document: TrainingDocument;
  segments: CodedSpan[];
  rejected: CodedSpan[];
}

/** The thread's bundle (see worker-file.ts). */
export function suggestionsWorkerFile(): string {
  return builtWorkerFile(WORKER_FILE, 'The suggestions worker');
}

/** A suggestions thread: train a model, then ask it for suggestions, off the main thread. */
export class SuggestionsThread {
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private pending: { resolve: (reply: SuggestionsReply) => void; reject: (error: Error) => void } | null = null;

  constructor(
    /** Starts a thread (a test seam: a stand-in, or the worker run inside a wrapper). */
    private readonly makeWorker: () => Worker = () => new Worker(suggestionsWorkerFile(), { execArgv: bundleExecArgv() }),
  ) {}

  /**
   * Learns a model from the project's segments (and with `crossValidate`, each code's quality); the
   * thread keeps it for `suggest`. The model comes as the text of its file (JSON).
   */
  async train(input: TrainingInput, options: { now: string; crossValidate?: boolean; settings?: TrainingSettings }): Promise<{ json: string; quality: CodeQuality[] | null }> {
    const reply = await this.ask({ kind: 'train', input, settings: options.settings ?? null, crossValidate: options.crossValidate ?? true, now: options.now });
    if (reply.kind !== 'trained') throw new Error(`the suggestions worker answered ${reply.kind} to a training`);
    return { json: reply.json, quality: reply.quality };
  }

  /** Gives the thread a model, the text of its file (checked there; refused with `invalid-input`); the codes that have a model. */
  async use(json: string): Promise<string[]> {
    const reply = await this.ask({ kind: 'use', json });
    if (reply.kind !== 'using') throw new Error(`the suggestions worker answered ${reply.kind} to a model`);
    return reply.codes;
  }

  /** The suggestions for one document from the thread's model (its segments and rejections decide which sentences are left). */
  async suggest(document: TrainingDocument, segments: CodedSpan[], rejected: CodedSpan[], options: SuggestionOptions = {}): Promise<Suggestion[]> {
    const [suggestions] = await this.suggestEach([{ document, segments, rejected }], options);
    return suggestions!;
  }

  /**
   * The suggestions for each of some documents, in one trip to the thread and back (a trip per
   * document cost about as much as reading a short one).
   */
  async suggestEach(documents: DocumentToRead[], options: SuggestionOptions = {}): Promise<Suggestion[][]> {
    const reply = await this.ask({ kind: 'suggest', documents, options });
    if (reply.kind !== 'suggested') throw new Error(`the suggestions worker answered ${reply.kind} to a request for suggestions`);
    if (reply.suggestions.length !== documents.length) {
      throw new Error(`the suggestions worker answered for ${reply.suggestions.length} documents of ${documents.length}`);
    }
    return reply.suggestions;
  }

  /** Ends the thread (the model it kept goes with it). */
  close(): void {
    const worker = this.worker;
    this.worker = null;
    this.fail(new Error('the suggestions worker was closed'));
    if (worker) void worker.terminate();
  }

  /** Sends a request once the ones before it are answered; a failure in the thread is thrown here, with its code. */
  private ask(request: SuggestionsRequest): Promise<SuggestionsReply> {
    const answer = this.queue.then(() => this.send(request));
    this.queue = answer.catch(() => undefined);
    return answer;
  }

  private async send(request: SuggestionsRequest): Promise<SuggestionsReply> {
    const worker = this.thread();
    worker.ref();
    try {
      const reply = await new Promise<SuggestionsReply>((resolve, reject) => {
        this.pending = { resolve, reject };
        worker.postMessage(request);
      });
      if (reply.kind === 'failed') throw reply.code ? new WorkbenchFailure(reply.code, reply.message) : new Error(reply.message);
      return reply;
    } finally {
      this.pending = null;
      worker.unref();
    }
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = this.makeWorker();
    const stop = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      this.fail(error);
    };
    worker.on('message', (reply: SuggestionsReply) => {
      const pending = this.pending;
      this.pending = null;
      pending?.resolve(reply);
    });
    worker.on('error', (error) => stop(new Error(`the suggestions worker failed: ${error.message}`, { cause: error })));
    worker.on('messageerror', (error) => stop(new Error(`the suggestions worker's answer could not be read (${error.message})`)));
    worker.on('exit', (code) => stop(new Error(`the suggestions worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }
}
