/**
 * Automatic backups of an open project, in its `backups/` folder: each a project archive
 * (project-archive.ts) named with its time and kind. One is made when the project opens, one
 * after every few minutes of work in which something changed (the first of a new day is the
 * day's), one when the researcher asks, and one before a backup is restored. A rolling set is
 * kept: the ten newest, and the newest of each of the last 30 days.
 *
 * A backup that fails (a full disk) never disturbs coding: the project's notices say so, and the
 * next backup tries again.
 */
import { lstat, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupSummary } from '../../shared/ipc/projects';
import { WorkbenchFailure } from '../../shared/model/failure';
import { describeFileError, writeFileDurably } from '../project/atomic-write';
import type { ProjectStore } from '../project/project-store';
import { archiveManifest, projectArchive } from './project-archive';
import { ARCHIVE_EXTENSION } from './project-places';
import type { ArchiveLimits } from './zip-archive';

export const BACKUPS_FOLDER = 'backups';

/** How many of the newest backups are always kept. */
export const RECENT_BACKUPS_KEPT = 10;
/** For how many days (today included) the newest backup of each day is kept. */
export const DAILY_BACKUPS_DAYS = 30;
/** Minutes of work between automatic backups, unless told otherwise. */
export const BACKUP_INTERVAL_MS = 10 * 60 * 1000;

/** The notice topic of backups in the project's notices. */
const NOTICE_TOPIC = 'backups';

export interface BackupOptions {
  /** Clock, a test seam. */
  now?: () => Date;
  /** Milliseconds of work between automatic backups (10 minutes unless given). */
  intervalMs?: number;
  /** The limits a backup is written within (those archives are read with, unless a test narrows them). */
  limits?: ArchiveLimits;
}

type BackupKind = BackupSummary['kind'];
const KINDS: readonly BackupKind[] = ['open', 'interval', 'daily', 'manual', 'before-restore'];

/** A backup's id: its time (UTC, as in file names), its kind, and a number when two share a time. */
const BACKUP_ID = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z)-(open|interval|daily|manual|before-restore)(?:-(\d{1,4}))?$/;

interface BackupName {
  id: string;
  at: Date;
  kind: BackupKind;
  /** Tells apart backups made at the same millisecond. */
  n: number;
}

function parseId(id: string): BackupName | null {
  const match = BACKUP_ID.exec(id);
  if (!match) return null;
  const [, stamp, kind, n] = match;
  const at = new Date(stamp!.replace(/T(\d{2})-(\d{2})-(\d{2})/, 'T$1:$2:$3'));
  if (Number.isNaN(at.getTime()) || !KINDS.includes(kind as BackupKind)) return null;
  return { id, at, kind: kind as BackupKind, n: n ? Number(n) : 1 };
}

/** A time as backup names carry it: 2026-11-30T21-47-33.123Z. */
function stampOf(date: Date): string {
  return date.toISOString().replace(/:/g, '-');
}

/** The calendar day (the computer's own) of a time, as a key. */
function dayOf(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/** Newest first. */
function newestFirst(a: BackupName, b: BackupName): number {
  return b.at.getTime() - a.at.getTime() || b.n - a.n;
}

/**
 * Which backups the rolling set keeps at `now`: the ten newest, and the newest of each of the last
 * 30 days (today included). The rest may go.
 */
function backupsToKeep(backups: readonly BackupName[], now: Date): Set<string> {
  const sorted = [...backups].sort(newestFirst);
  const keep = new Set(sorted.slice(0, RECENT_BACKUPS_KEPT).map((backup) => backup.id));
  const days = new Set<string>();
  for (let i = 0; i < DAILY_BACKUPS_DAYS; i++) days.add(dayOf(new Date(now.getFullYear(), now.getMonth(), now.getDate() - i, 12)));
  const seen = new Set<string>();
  for (const backup of sorted) {
    const day = dayOf(backup.at);
    if (days.has(day) && !seen.has(day)) keep.add(backup.id);
    seen.add(day);
  }
  return keep;
}

/** The backups of one open project. */
export class ProjectBackups {
  private timer: NodeJS.Timeout | null = null;
  /** A work-time backup is under way: the timer's next round waits for the one after. */
  private ticking = false;
  /** The project is closing: no work-time backup starts any more. */
  private stopped = false;
  /** The project's change count at the last backup: a work-time backup is due only when it has moved. */
  private backedUpAt: number | null = null;
  /** One backup at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Summaries already read, by id (a backup never changes once made). */
  private readonly summaries = new Map<string, BackupSummary>();

  constructor(
    readonly store: ProjectStore,
    readonly options: BackupOptions = {},
  ) {}

  /** The folder the backups are in. */
  get folder(): string {
    return join(this.store.folder, BACKUPS_FOLDER);
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  /** Takes the backup of opening (unless told not to) and starts the timer of work-time backups. Never throws. */
  async start({ openingBackup = true }: { openingBackup?: boolean } = {}): Promise<void> {
    // Without one (the state just restored is a backup already), work from now on is what is new.
    if (openingBackup) await this.takeQuietly('open');
    else this.backedUpAt = this.store.changeCount;
    if (this.timer) return;
    this.timer = setInterval(() => void this.backUpIfChanged(), this.options.intervalMs ?? BACKUP_INTERVAL_MS);
    // The timer alone never keeps the program running.
    this.timer.unref();
  }

  /** Stops the timer and waits for a backup under way (the project is closing). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.queue.catch(() => undefined);
  }

  /**
   * What the timer does: a backup when something changed since the last one, the day's when the
   * last one is from an earlier day. Never throws; resolves with the backup made, or null.
   */
  async backUpIfChanged(): Promise<BackupSummary | null> {
    if (this.ticking || this.stopped || this.backedUpAt === this.store.changeCount) return null;
    this.ticking = true;
    try {
      const newest = (await this.names().catch(() => []))[0];
      if (this.stopped) return null;
      const kind: BackupKind = newest && dayOf(newest.at) === dayOf(this.now()) ? 'interval' : 'daily';
      return await this.takeQuietly(kind);
    } finally {
      this.ticking = false;
    }
  }

  /** The backups there are, newest first, with their date, size and counts (from their manifests). */
  async list(): Promise<BackupSummary[]> {
    const summaries: BackupSummary[] = [];
    for (const name of await this.names()) {
      const summary = await this.summaryOf(name);
      if (summary) summaries.push(summary);
    }
    return summaries;
  }

  /**
   * Makes a backup now, then removes those the rolling set no longer keeps (never this one, nor
   * the one `keep` names: the backup about to be restored). Throws a WorkbenchFailure
   * ('save-failed') when it cannot be written.
   */
  take(kind: BackupKind, { keep }: { keep?: string } = {}): Promise<BackupSummary> {
    const work = async (): Promise<BackupSummary> => {
      const changeCount = this.store.changeCount;
      const at = this.now();
      let made: BackupName;
      try {
        const bytes = await projectArchive(this.store, at, this.options.limits);
        await this.makeFolder();
        made = await this.freeName(at, kind);
        await writeFileDurably(join(this.folder, `${made.id}${ARCHIVE_EXTENSION}`), bytes);
      } catch (error) {
        const message = `The backup of the project could not be made in ${this.folder}: ${
          error instanceof WorkbenchFailure ? error.message : describeFileError(error)
        }. Your work is saved as usual; the next backup tries again.`;
        this.store.tell(NOTICE_TOPIC, message);
        throw new WorkbenchFailure('save-failed', message);
      }
      this.backedUpAt = changeCount;
      this.store.tell(NOTICE_TOPIC, null);
      await this.prune([made.id, ...(keep === undefined ? [] : [keep])], at);
      return (await this.summaryOf(made))!;
    };
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The archive file of a backup, by an id that `list()` gives; anything else (a path, say) is refused. */
  fileOf(id: string): string {
    const name = parseId(id);
    const file = name ? join(this.folder, `${name.id}${ARCHIVE_EXTENSION}`) : null;
    try {
      if (file && lstatSync(file).isFile()) return file;
    } catch {
      // Not there: refused below.
    }
    throw new WorkbenchFailure('not-found', `There is no backup “${id}” of this project.`);
  }

  /** Takes a backup; a failure is told in the project's notices, not thrown. */
  private async takeQuietly(kind: BackupKind): Promise<BackupSummary | null> {
    try {
      return await this.take(kind);
    } catch {
      return null;
    }
  }

  private async makeFolder(): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    // A link in the folder's place could lead the backups anywhere.
    if (!(await lstat(this.folder)).isDirectory()) throw new WorkbenchFailure('save-failed', `${this.folder} is not a folder`);
  }

  /** A name for a backup made at `at` that no backup has yet, numbered after any other of the same time, of any kind. */
  private async freeName(at: Date, kind: BackupKind): Promise<BackupName> {
    const sameTime = (await this.names()).filter((name) => name.at.getTime() === at.getTime());
    const n = Math.max(0, ...sameTime.map((name) => name.n)) + 1;
    return { id: `${stampOf(at)}-${kind}${n === 1 ? '' : `-${n}`}`, at, kind, n };
  }

  /** The backups in the folder, newest first. */
  private async names(): Promise<BackupName[]> {
    let files: string[];
    try {
      files = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const names: BackupName[] = [];
    for (const file of files) {
      if (!file.endsWith(ARCHIVE_EXTENSION)) continue;
      const name = parseId(file.slice(0, -ARCHIVE_EXTENSION.length));
      if (name) names.push(name);
    }
    return names.sort(newestFirst);
  }

  /** A backup's summary from its manifest; null for a file that is not a readable backup. */
  private async summaryOf(name: BackupName): Promise<BackupSummary | null> {
    const known = this.summaries.get(name.id);
    if (known) return known;
    const file = join(this.folder, `${name.id}${ARCHIVE_EXTENSION}`);
    try {
      const info = await stat(file);
      if (!info.isFile()) return null;
      const manifest = await archiveManifest(file);
      const summary: BackupSummary = {
        id: name.id,
        kind: name.kind,
        createdAt: manifest.createdAt,
        bytes: info.size,
        documents: manifest.counts.documents,
        segments: manifest.counts.segments,
      };
      this.summaries.set(name.id, summary);
      return summary;
    } catch {
      return null;
    }
  }

  /** Removes the backups the rolling set no longer keeps; those named in `alwaysKept` (the one just made) stay. */
  private async prune(alwaysKept: readonly string[], now: Date): Promise<void> {
    const names = await this.names();
    const keep = backupsToKeep(names, now);
    for (const id of alwaysKept) keep.add(id);
    for (const name of names) {
      if (keep.has(name.id)) continue;
      await rm(join(this.folder, `${name.id}${ARCHIVE_EXTENSION}`), { force: true }).catch(() => undefined);
      this.summaries.delete(name.id);
    }
  }
}
