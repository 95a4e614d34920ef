/**
 * A lowdb adapter that makes every write atomic and durable (lowdb's own JSONFile renames a
 * temporary file but never fsyncs), checks what it reads, and merges writes that arrive while a
 * write is under way into one write of the latest state. Each caller's promise resolves only once
 * a write that began after its call has reached the disk.
 */
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileDurably } from './atomic-write';
import { decodeUtf8Exact, notUtf8Reason } from './text-decoding';

/** Why a file on disk could not be taken as the data it should hold. */
export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'UnreadableFileError';
  }
}

export type Check<T> = (json: unknown) => { ok: true; value: T } | { ok: false; reason: string };

export class DurableJsonFile<T> implements Adapter<T> {
  private inFlight: Promise<void> | null = null;
  private queued: { data: T; promise: Promise<void> } | null = null;

  constructor(
    readonly file: string,
    private readonly check: Check<T>,
    /**
     * Turns the data into JSON text, or chunks of it made as they are written (of the data as it
     * is when this is called); JSON.stringify unless the owner knows a better way.
     */
    private readonly serialize: (data: T) => string | Iterable<string> = (data) => JSON.stringify(data),
  ) {}

  /** Reads and checks the file; null when there is none. Throws UnreadableFileError otherwise. */
  async read(): Promise<T | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let text: string;
    try {
      // Strictly, so that a byte that is not UTF-8 is not turned into U+FFFD and written back.
      text = decodeUtf8Exact(bytes);
    } catch {
      throw new UnreadableFileError(this.file, notUtf8Reason(bytes));
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new UnreadableFileError(this.file, `it is not valid JSON (${(error as Error).message})`);
    }
    const checked = this.check(json);
    if (!checked.ok) throw new UnreadableFileError(this.file, checked.reason);
    return checked.value;
  }

  /** The text a write of `data` would put in the file, without writing it. */
  serialized(data: T): string {
    const json = this.serialize(data);
    return typeof json === 'string' ? json : [...json].join('');
  }

  write(data: T): Promise<void> {
    if (!this.inFlight) return this.start(data);
    if (this.queued) {
      this.queued.data = data;
      return this.queued.promise;
    }
    const promise = this.inFlight
      .catch(() => undefined)
      .then(() => {
        const next = this.queued!;
        this.queued = null;
        return this.start(next.data);
      });
    this.queued = { data, promise };
    return promise;
  }

  /** Resolves when no write is under way or queued (failures are the writers' to report). */
  async settled(): Promise<void> {
    while (this.inFlight || this.queued) {
      await (this.queued?.promise ?? this.inFlight)?.catch(() => undefined);
    }
  }

  private start(data: T): Promise<void> {
    // Serialised now, so the write holds every change made before it began.
    const text = this.serialize(data);
    const write = writeFileDurably(this.file, text).finally(() => {
      if (this.inFlight === write) this.inFlight = null;
    });
    this.inFlight = write;
    return write;
  }
}
