/**
 * The journal: each change to the project is appended to `project.journal` as one line of JSON
 * and flushed to disk (fdatasync) before the change is acknowledged. A change then costs a write
 * of a few hundred bytes however large the project is, where rewriting the whole project file
 * would cost a write of all of it.
 *
 * The project file (lowdb) stays the full state: the store rewrites it atomically and then empties
 * the journal when the journal grows long, when the project opens and when it closes. Records are
 * numbered, and the project file says which number it holds up to, so a crash between rewriting
 * the project file and emptying the journal loses nothing and applies nothing twice. A crash in
 * the middle of an append leaves a last line without its line break, which was never
 * acknowledged and is dropped. A damaged line elsewhere is skipped and reported; the lines after
 * it are still read, since each was acknowledged as saved.
 */
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { openForAppend, syncFolder, truncateDurably } from './atomic-write';

export interface JournalContents<R> {
  /** Every record that could be read, in order. */
  records: R[];
  /** Line numbers (from 1) of the complete lines that are not records, in order. */
  damagedLines: number[];
  /** How many of `records` come before the first damaged line (all of them when none is damaged). */
  readBeforeDamage: number;
}

/** Reads the records of a journal file; a missing file holds none. */
export async function readJournal<R>(file: string, checkRecord: (json: unknown) => R | null): Promise<JournalContents<R>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], damagedLines: [], readBeforeDamage: 0 };
    throw error;
  }
  const lines = text.split('\n');
  lines.pop(); // after the last line break: empty, or a torn append that was never acknowledged
  const records: R[] = [];
  const damagedLines: number[] = [];
  let readBeforeDamage = 0;
  for (let i = 0; i < lines.length; i++) {
    let record: R | null = null;
    try {
      record = checkRecord(JSON.parse(lines[i]));
    } catch {
      record = null;
    }
    if (record) records.push(record);
    else damagedLines.push(i + 1);
    if (!damagedLines.length) readBeforeDamage = records.length;
  }
  return { records, damagedLines, readBeforeDamage };
}

export class Journal<R> {
  private pending: string[] = [];
  private waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushing: Promise<void> | null = null;
  private held: Promise<void> | null = null;
  /** Records written since the journal was last emptied. */
  length = 0;

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
    this.pending.push(...records.map((record) => `${JSON.stringify(record)}\n`));
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
          await handle.write(lines.join(''));
          await handle.datasync();
        } finally {
          await handle.close();
        }
        this.length += lines.length;
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
   * Runs `writeSnapshot` (which must save the full state) with appends held back, then empties
   * the journal. Appends made meanwhile are written after it, so none is lost.
   */
  async compact(writeSnapshot: () => Promise<void>): Promise<void> {
    while (this.held) await this.held.catch(() => undefined);
    let release!: () => void;
    this.held = new Promise<void>((resolve) => (release = resolve));
    try {
      while (this.flushing) await this.flushing;
      await writeSnapshot();
      await truncateDurably(this.file);
      this.length = 0;
    } finally {
      this.held = null;
      release();
      void this.flush();
    }
  }

  /** Resolves when no write is under way or waiting. */
  async settled(): Promise<void> {
    while (this.flushing || this.held || this.pending.length) {
      await (this.flushing ?? this.held ?? Promise.resolve());
      if (!this.flushing && !this.held && this.pending.length) await this.flush();
    }
  }
}
