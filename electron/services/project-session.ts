/**
 * The program's projects: which one is open (or none, and the start screen shows), making a new
 * one, opening one (a folder, or an archive restored into a new folder), closing it, the recent
 * list, the last project opened again at the next start, and the backups of the open one. The app,
 * the preview and the tests share it; the handlers reach the open project through it.
 */
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { OpenProjectInfo, SessionState } from '../../shared/ipc/projects';
import { WorkbenchFailure } from '../../shared/model/failure';
import { PROJECT_FILE, ProjectStore } from '../project/project-store';
import { readProjectArchive, restoreArchive, replaceFromArchive } from './project-archive';
import { ProjectBackups, type BackupOptions } from './project-backups';
import { ARCHIVE_EXTENSION, newFolderIn, noChooser, type ProjectChooser } from './project-places';
import { RecentProjects } from './recent-projects';

export interface SessionOptions {
  /** The user's data folder (the recent list lives there); null keeps it in memory. */
  userData: string | null;
  /** The bundled texts, offered as the sample project; null when there are none. */
  bundledDocuments: string | null;
  chooser?: ProjectChooser;
  now?: () => Date;
  /** Coder name for new projects (tests); the login name otherwise. */
  coder?: string;
  /** Options of the open project's backups; `false` turns them off (a project fixed by a test). */
  backups?: BackupOptions | false;
  retryDelayMs?: number;
}

type Listener = (state: { project: OpenProjectInfo | null }) => void;

/** What a path given to open is: a folder, a file, something else (a device, say), or nothing. */
async function kindOf(path: string): Promise<'folder' | 'file' | 'other' | 'missing'> {
  try {
    // Followed through links: a link to a project folder opens the folder.
    const info = await stat(path);
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw error;
  }
}

export class ProjectSession {
  private current: ProjectStore | null = null;
  private currentBackups: ProjectBackups | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly startNotices: string[] = [];
  /** What `tell` was given: on the start screen, and said again in each project opened. */
  private readonly programNotices: string[] = [];
  /** One change of project at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly options: SessionOptions,
    private readonly recentList: RecentProjects,
  ) {}

  static async start(options: SessionOptions): Promise<ProjectSession> {
    return new ProjectSession(options, await RecentProjects.load(options.userData));
  }

  /** A session around a project already open (the command line, tests that fix one project). */
  static around(store: ProjectStore): ProjectSession {
    const session = new ProjectSession({ userData: null, bundledDocuments: null, chooser: noChooser, backups: false }, RecentProjects.inMemory());
    session.current = store;
    return session;
  }

  get chooser(): ProjectChooser {
    return this.options.chooser ?? noChooser;
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  /** The open project, or null. */
  get store(): ProjectStore | null {
    return this.current;
  }

  /** The open project's backups, or null (none open, or backups off). */
  get backups(): ProjectBackups | null {
    return this.currentBackups;
  }

  get recent(): RecentProjects {
    return this.recentList;
  }

  /** The open project; refused with 'no-project' when none is open. */
  requireStore(): ProjectStore {
    if (!this.current) throw new WorkbenchFailure('no-project', 'No project is open. Open or create a project first.');
    return this.current;
  }

  /** Called with the new state whenever a project is opened, closed or renamed. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    const project = this.info();
    for (const listener of this.listeners) listener({ project });
  }

  info(): OpenProjectInfo | null {
    const store = this.current;
    return store ? { projectId: store.projectId, name: store.name, description: store.description, folder: store.folder } : null;
  }

  async state(): Promise<SessionState> {
    // A change of project (or of its details) under way is seen finished, never half done.
    await this.queue;
    return {
      project: this.info(),
      recent: await this.recentList.list(),
      chooser: this.chooser.kind,
      sampleAvailable: this.options.bundledDocuments !== null,
      notices: [...this.recentList.notices, ...this.programNotices, ...this.startNotices],
    };
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Something about the program (not one project) the researcher must be told: shown on the start
   * screen, and in the notices of every project opened while this program runs.
   */
  tell(notice: string): void {
    this.programNotices.push(notice);
    this.current?.tell(`program:${this.programNotices.length}`, notice);
  }

  /** Opens the project open when the program last stopped, if it is still there; a notice says why not. */
  async openLast(): Promise<void> {
    const last = this.recentList.lastOpen;
    if (!last) return;
    try {
      await this.open(last);
    } catch (error) {
      this.startNotices.push(`The last project (${last}) could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Opens a project folder, or restores an archive (`.awbproj`) into a new folder beside it (or
   * where the chooser says) and opens that. The project open before is saved and closed first.
   */
  open(path: string, restoreInto?: string): Promise<void> {
    return this.serial(async () => {
      let folder = path;
      const kind = await kindOf(path);
      if (kind === 'missing') throw new WorkbenchFailure('not-found', `${path} is not there any more; it may have been moved, renamed or deleted.`);
      const archive = kind === 'file' && extname(path).toLowerCase() === ARCHIVE_EXTENSION;
      if (kind !== 'folder' && !archive) {
        throw new WorkbenchFailure('invalid-input', `${path} is neither a project folder nor a project archive (${ARCHIVE_EXTENSION}); choose the project's folder or its ${PROJECT_FILE}.`);
      }
      if (archive) {
        const parent = restoreInto ?? (await this.chooser.restoreParent(path));
        if (parent === null) return;
        folder = await newFolderIn(parent, basename(path, extname(path)));
        await restoreArchive(path, folder);
      }
      if (this.current && this.current.folder === folder) return this.changed();
      // The new project is opened before the old one is closed, so that a project that cannot be
      // opened (locked, newer, not a project) leaves the one open before as it was.
      const store = await ProjectStore.open({ folder, bundledDocuments: null, existingOnly: true, now: this.options.now, retryDelayMs: this.options.retryDelayMs });
      await this.switchTo(store);
    });
  }

  /**
   * Opens the project in `folder` given when the program was started (the preview's --project,
   * the app's WORKBENCH_PROJECT), making it from the bundled texts if the folder holds none.
   */
  openGiven(folder: string): Promise<void> {
    return this.serial(async () => {
      const store = await ProjectStore.open({ folder, bundledDocuments: this.options.bundledDocuments, coder: this.options.coder, now: this.options.now, retryDelayMs: this.options.retryDelayMs });
      await this.switchTo(store);
    });
  }

  /** Makes a new project in `folder` (missing or empty) and opens it. */
  create(folder: string, details: { name: string; description: string; withSample: boolean }): Promise<void> {
    return this.serial(async () => {
      const store = await ProjectStore.open({
        folder,
        bundledDocuments: details.withSample ? this.options.bundledDocuments : null,
        newProjectOnly: true,
        name: details.name,
        coder: this.options.coder,
        now: this.options.now,
        retryDelayMs: this.options.retryDelayMs,
      });
      if (details.description) {
        try {
          await store.setDetails(details.name, details.description);
        } catch (error) {
          // The new project's lock is given back; its folder stays as made, to be opened or removed.
          await store.close().catch(() => undefined);
          throw error;
        }
      }
      await this.switchTo(store);
    });
  }

  /** Saves and closes the open project; the next start shows the start screen. */
  close(): Promise<void> {
    return this.serial(async () => {
      await this.closeCurrent();
      await this.recentList.closed();
      this.changed();
    });
  }

  /** Sets the open project's name and description (in turn with the changes of project). */
  setDetails(name: string, description: string): Promise<OpenProjectInfo> {
    return this.serial(async () => {
      const store = this.requireStore();
      await store.setDetails(name, description);
      await this.recentList.renamed(store.folder, store.name);
      this.changed();
      return this.info()!;
    });
  }

  /**
   * Replaces the open project by one of its backups, after backing up its state now. The backup
   * is read and checked whole first: a damaged one is refused and the project stays open as it
   * was. Whatever happens once it is closed, the project in its folder is opened again.
   */
  restoreBackup(id: string): Promise<void> {
    return this.serial(async () => {
      const store = this.requireStore();
      const backups = this.currentBackups;
      if (!backups) throw new WorkbenchFailure('not-found', 'This project keeps no backups.');
      const file = backups.fileOf(id);
      // In memory, every sum checked, before anything is written or closed.
      const checked = await readProjectArchive(file);
      // The backup being restored is not pruned by the one made of the state before it.
      await backups.take('before-restore', { keep: id });
      const folder = store.folder;
      await this.closeCurrent();
      let failure: unknown = null;
      try {
        await replaceFromArchive(file, folder, checked);
      } catch (error) {
        failure = error;
      }
      try {
        // Restored, the state is a backup already; not restored, the one before was just backed up.
        await this.adopt(await ProjectStore.open({ folder, bundledDocuments: null, existingOnly: true, now: this.options.now, retryDelayMs: this.options.retryDelayMs }), false);
      } catch (error) {
        failure ??= error;
      } finally {
        this.changed();
      }
      if (failure) throw failure;
    });
  }

  /** Saves and closes the open project, for the program's end (the researcher was asked about unsaved changes). */
  async shutdown(): Promise<void> {
    await this.serial(() => this.closeCurrent({ evenUnsaved: true }));
  }

  /** Makes `store` the open project; `openingBackup` false after a restore, whose state is a backup already. */
  private async adopt(store: ProjectStore, openingBackup = true): Promise<void> {
    this.current = store;
    this.programNotices.forEach((notice, i) => store.tell(`program:${i + 1}`, notice));
    await this.recentList.opened(store.folder, store.name, this.now());
    if (this.options.backups !== false) {
      this.currentBackups = new ProjectBackups(store, { now: this.options.now, ...this.options.backups });
      await this.currentBackups.start({ openingBackup });
    }
    this.changed();
  }

  /**
   * Closes the project open now and makes `store` the open one; when the one open now cannot be
   * closed (changes not saved yet), `store` is closed again and the one open stays as it was.
   */
  private async switchTo(store: ProjectStore): Promise<void> {
    try {
      await this.closeCurrent();
    } catch (error) {
      await store.close().catch(() => undefined);
      throw error;
    }
    await this.adopt(store);
  }

  /**
   * Closes the open project, saving it. Refused ('save-failed') while some changes are not saved
   * yet: closing would give up its lock with the only copy of them in memory.
   */
  private async closeCurrent({ evenUnsaved = false } = {}): Promise<void> {
    const store = this.current;
    if (!store) return;
    if (store.unsaved && !evenUnsaved) await store.retrySave().catch(() => undefined);
    if (store.unsaved && !evenUnsaved) {
      throw new WorkbenchFailure(
        'save-failed',
        `Some changes to the project “${store.name}” could not be saved yet, so it stays open. Free some space (or mend its folder) and try again once they are saved.`,
      );
    }
    await this.currentBackups?.stop();
    this.currentBackups = null;
    this.current = null;
    await store.close();
  }
}
