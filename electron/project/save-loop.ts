/**
 * Saving a project's steps: each is appended to the journal; after a failed append the step stays
 * in memory, the researcher is told, and the whole project file is written again (every few
 * seconds, and before each next step) until that succeeds, so the journal never has a gap.
 */
import { WorkbenchFailure } from '../../shared/model/failure';
import { describeFileError } from './atomic-write';
import type { Journal } from './journal';
import type { JournalRecord } from './project-persistence';

/**
 * Journal records after which the project file is rewritten and the journal emptied, at the
 * least; a large project waits longer (`compactAfter`), since each rewrite writes all of it.
 */
export const COMPACT_AFTER = 2000;

/**
 * Journal bytes after which the project file is rewritten, at the least: one step of a large
 * import can be a line of tens of megabytes, and the journal must stay far below the longest
 * string V8 makes; a large project waits until the journal is as large as its file.
 */
export const COMPACT_AFTER_BYTES = 64 * 1024 * 1024;

/** How many times in a row saveAll rewrites the project file while appends fail meanwhile. */
const REWRITES_AFTER_FAILED_APPEND = 3;

export class SaveLoop {
  private saveError: string | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  /** Stopped (the project is closing or closed): nothing is scheduled any more. */
  private stopped = false;
  /** The rewrite of the project file started because the journal grew long, while under way. */
  private compaction: Promise<void> | null = null;
  /**
   * Failed saves so far: a rewrite of the project file that a failed append overlapped may not
   * hold that step (the file may have been serialised before it), so it is made again.
   */
  private failures = 0;

  constructor(
    /** The project file, named in messages. */
    private readonly file: string,
    private readonly journal: Journal<JournalRecord>,
    /** Writes the whole project file. */
    private readonly writeProject: () => Promise<void>,
    /** Milliseconds between attempts to save again after a failed save. */
    private readonly retryDelayMs: number,
    /** How many journal records to let gather before the project file is rewritten. */
    private readonly compactAfter: () => number = () => COMPACT_AFTER,
    /** How many journal bytes to let gather before the project file is rewritten. */
    private readonly compactAfterBytes: () => number = () => COMPACT_AFTER_BYTES,
  ) {}

  /** Why the last save failed, while it is not yet made good; null when all is saved. */
  get error(): string | null {
    return this.saveError;
  }

  /**
   * Makes a step durable by appending it to the journal. On failure the step stays in memory,
   * the error is reported to the caller and in the overview, and the whole project is saved
   * again until that succeeds.
   */
  async commit(record: JournalRecord): Promise<void> {
    // After a failed append the journal may miss a step (or end in half a line): until the whole
    // project has been saved again, steps are saved that way too, so the journal never has a gap.
    if (this.saveError) {
      await this.saveAll();
      if (this.saveError) throw new WorkbenchFailure('save-failed', this.saveError);
      return;
    }
    try {
      await this.journal.append([record]);
    } catch (error) {
      this.failedSave(error);
    }
    // One rewrite at a time: appends go on while it is written (journal.ts), and the steps made
    // meanwhile must not each start another rewrite of the whole file.
    if (!this.compaction && (this.journal.length >= this.compactAfter() || this.journal.bytes >= this.compactAfterBytes())) {
      this.compaction = this.saveAll()
        .catch(() => undefined)
        .finally(() => (this.compaction = null));
    }
  }

  /** Writes the whole project file and empties the journal; this also recovers a failed save. */
  async saveAll(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const failuresBefore = this.failures;
      try {
        await this.journal.compact(this.writeProject);
      } catch (error) {
        this.failedSave(error);
      }
      // An append failed while the file was written: that step may be in neither the file nor
      // the journal, and the next appended step would leave a gap. Write the file again, which
      // holds it; after a few such rounds the retry timer goes on trying.
      if (this.failures === failuresBefore) {
        this.saveError = null;
        return;
      }
      if (attempt >= REWRITES_AFTER_FAILED_APPEND) {
        this.scheduleRetry();
        if (this.saveError) throw new WorkbenchFailure('save-failed', this.saveError);
        return;
      }
    }
  }

  /** Resolves when no rewrite started by a long journal, and no journal write, is under way. */
  async settled(): Promise<void> {
    while (this.compaction) await this.compaction;
    await this.journal.settled();
  }

  private failedSave(error: unknown): never {
    this.failures += 1;
    this.saveError =
      `Could not save ${this.file}: ${describeFileError(error)}. ` +
      'Your changes are kept in memory and saving is tried again every few seconds; do not close the app until they are saved.';
    this.scheduleRetry();
    throw new WorkbenchFailure('save-failed', this.saveError);
  }

  private scheduleRetry(): void {
    // After stop() the folder's lock may be given back: a later write could land in another program's project.
    if (this.retryTimer || this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.saveAll().catch(() => undefined);
    }, this.retryDelayMs);
    this.retryTimer.unref?.();
  }

  /** Stops retrying and saves what the journal holds (or a failed save left in memory), if anything. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.journal.settled();
    if (this.journal.length > 0 || this.saveError) await this.saveAll().catch(() => undefined);
  }
}
