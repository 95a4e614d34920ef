/**
 * The journal: each change to the project is appended to `project.journal` as one line of JSON
 * and flushed to disk (fdatasync) before the change is acknowledged. A change then costs a write
 * of a few hundred bytes however large the project is, where rewriting the whole project file
 * would cost a write of all of it.
 *
 * The project file (lowdb) stays the full state: the store rewrites it atomically and then empties
 * the journal when the journal grows long, when the project opens and when it closes. Records are
 * numbered, and the project file says which number it holds up to, so a crash between rewriting
 * the project file and emptying the journal loses nothing and applies nothing twice. Appends go on
 * while the project file is rewritten (a large project takes a while to write): the journal is then
 * replaced, atomically, by the lines appended since the rewrite began, so it never loses one. A crash in
 * the middle of an append leaves a last line without its line break, which was never
 * acknowledged and is dropped. A damaged line elsewhere is skipped and reported; the lines after
 * it are still read, since each was acknowledged as saved.
 */
import { createReadStream } from 'node:fs';
import { dirname } from 'node:path';
import { openForAppend, syncFolder, truncateDurably, writeFileDurably } from './atomic-write';
import { decodeUtf8Exact } from './text-decoding';

export interface JournalContents<R> {
  /** Every record that could be read, in order. */
  records: R[];
  /** Line numbers (from 1) of the complete lines that are not records, in order. */
  damagedLines: number[];
  /** How many of `records` come before the first damaged line (all of them when none is damaged). */
  readBeforeDamage: number;
}

/**
 * Reads the records of a journal file; a missing file holds none. The file is read in pieces and
 * split at line breaks as bytes, so a journal larger than the longest string V8 can make (each
 * step of a large import or "code all hits" is one long line) still opens.
 */
export async function readJournal<R>(
  file: string,
  checkRecord: (json: unknown) => R | null,
  /** Bytes read at a time (a test seam). */
  pieceBytes = 1 << 20,
): Promise<JournalContents<R>> {
  const records: R[] = [];
  const damagedLines: number[] = [];
  let readBeforeDamage = 0;
  let lineNumber = 0;
  const takeLine = (bytes: Buffer): void => {
    lineNumber += 1;
    let record: R | null = null;
    try {
      // Strictly: a line whose bytes are not UTF-8 is damaged, not read with U+FFFD in its text.
      record = checkRecord(JSON.parse(decodeUtf8Exact(bytes)));
    } catch {
      record = null;
    }
    if (record) records.push(record);
    else damagedLines.push(lineNumber);
    if (!damagedLines.length) readBeforeDamage = records.length;
  };
  // The pieces of the line not yet ended by a line break.
  let partial: Buffer[] = [];
  try {
    for await (const piece of createReadStream(file, { highWaterMark: pieceBytes }) as AsyncIterable<Buffer>) {
      let start = 0;
      for (let end = piece.indexOf(0x0a); end !== -1; end = piece.indexOf(0x0a, start)) {
        partial.push(piece.subarray(start, end));
        takeLine(partial.length === 1 ? partial[0]! : Buffer.concat(partial));
        partial = [];
        start = end + 1;
      }
      if (start < piece.length) partial.push(piece.subarray(start));
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], damagedLines: [], readBeforeDamage: 0 };
    throw error;
  }
  // What follows the last line break is a torn append that was never acknowledged: dropped.
  return { records, damagedLines, readBeforeDamage };
}

/** The lines appended (and written) since a snapshot began: what the journal keeps after it. */
interface SinceSnapshot {
  written: string[];
}

export class Journal<R> {
  /** Lines waiting to be written, each with the snapshot under way when it was appended (if any). */
  private pending: Array<{ line: string; since: SinceSnapshot | null }> = [];
  /** While a snapshot is being written (`compact`): the lines appended since it began that are on disk. */
  private sinceSnapshot: SinceSnapshot | null = null;
  private waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushing: Promise<void> | null = null;
  private held: Promise<void> | null = null;
  /** Records written since the journal was last emptied. */
  length = 0;
  /** Bytes written since the journal was last emptied (the file's size, but for a torn append). */
  bytes = 0;

  constructor(readonly file: string) {}

  /** Makes sure the file exists and its folder entry is on disk, so appends need only fdatasync. */
  async create(): Promise<void> {
    const handle = await openForAppend(this.file);
    await handle.sync();
    await handle.close();
    await syncFolder(dirname(this.file));
  }

  /**
   * Appends records; resolves once they are on disk. Records that arrive while a write is under
   * way go together in the next one.
   */
  append(records: readonly R[]): Promise<void> {
    for (const record of records) this.pending.push({ line: `${JSON.stringify(record)}\n`, since: this.sinceSnapshot });
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    void this.flush();
    return done;
  }

  private flush(): Promise<void> {
    if (this.flushing || this.held || this.pending.length === 0) return this.flushing ?? Promise.resolve();
    const lines = this.pending;
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    this.flushing = (async () => {
      try {
        const handle = await openForAppend(this.file);
        try {
          await handle.write(lines.map((entry) => entry.line).join(''));
          await handle.datasync();
        } finally {
          await handle.close();
        }
        this.length += lines.length;
        for (const entry of lines) this.bytes += Buffer.byteLength(entry.line);
        for (const entry of lines) entry.since?.written.push(entry.line);
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error);
      } finally {
        this.flushing = null;
        void this.flush();
      }
    })();
    return this.flushing;
  }

  /**
   * Runs `writeSnapshot` (which must save the full state as it is when it is called, or later),
   * then empties the journal of every line the snapshot holds. Appends go on meanwhile: once the
   * snapshot is on disk, the journal is replaced, atomically, by the lines appended since it
   * began (appends are held back only for that short write). A crash at any moment leaves either
   * the old journal beside the old or the new snapshot, or the new journal beside the new
   * snapshot: the records' numbers tell which lines the snapshot already holds.
   */
  async compact(writeSnapshot: () => Promise<void>): Promise<void> {
    while (this.held || this.sinceSnapshot) await (this.held ?? this.compacting)?.catch(() => undefined);
    // Lines appended from here on may be missing from the snapshot: they are the ones kept.
    const since: SinceSnapshot = { written: [] };
    this.sinceSnapshot = since;
    const compaction = (async () => {
      try {
        await writeSnapshot();
      } finally {
        if (this.sinceSnapshot === since) this.sinceSnapshot = null;
      }
      let release!: () => void;
      this.held = new Promise<void>((resolve) => (release = resolve));
      try {
        while (this.flushing) await this.flushing;
        // Only lines already written: the ones still waiting are appended to the new journal.
        const kept = since.written;
        if (kept.length) await writeFileDurably(this.file, kept.join(''));
        else await truncateDurably(this.file);
        this.length = kept.length;
        this.bytes = kept.reduce((sum, line) => sum + Buffer.byteLength(line), 0);
      } finally {
        this.held = null;
        release();
        void this.flush();
      }
    })();
    this.compacting = compaction;
    try {
      await compaction;
    } finally {
      if (this.compacting === compaction) this.compacting = null;
    }
  }

  /** The compaction under way, if any. */
  private compacting: Promise<void> | null = null;

  /** Resolves when no write is under way or waiting. */
  async settled(): Promise<void> {
    while (this.flushing || this.held || this.compacting || this.pending.length) {
      await (this.flushing ?? this.held ?? this.compacting?.catch(() => undefined) ?? Promise.resolve());
      if (!this.flushing && !this.held && this.pending.length) await this.flush();
    }
  }
}
