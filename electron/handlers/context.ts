/**
 * What every feature's handlers share: the open project, the desktop's (or the preview's) ways to
 * ask where to save, the clock, the long jobs under way, and saving a file atomically.
 */
import type { FileKind } from '../../shared/ipc/export-formats';
import { shownTo } from '../../shared/views/blind-coding';
import type { DatasetInput } from '../../shared/model/project';
import { fileFailure, writeFileDurably } from '../project/atomic-write';
import type { ProjectStore } from '../project/project-store';
import { IdleWork } from './idle-work';
import { Jobs, type Job } from '../services/jobs';
import type { ProjectSession } from '../services/project-session';
import type { SharedFolders } from '../services/shared-folders';

export type { FileKind } from '../../shared/ipc/export-formats';

/** Asks the researcher where to save a file; null when they cancel. */
export type ChooseSavePath = (suggestedName: string, kind: FileKind) => Promise<string | null>;

/**
 * What the handlers run over: a session of projects (the app, the preview: projects are opened
 * and closed), or one project fixed for the handlers' life (the command line, most tests).
 */
export type Services = CommonServices & ({ session: ProjectSession; store?: undefined } | { store: ProjectStore; session?: undefined });

export interface CommonServices {
  chooseSavePath: ChooseSavePath;
  now?: () => Date;
  /** Long exports and imports under way (made here when not given). */
  jobs?: Jobs;
  /** Asks the researcher to choose a folder (the desktop app's dialog); absent where there is none. */
  chooseFolder?: (title: string) => Promise<string | null>;
  /** The folder of a name below the preview's root (the preview's way to choose a folder); absent elsewhere. */
  folderBelow?: (name: string) => Promise<string>;
  /** Each project's shared folder, remembered by the main process (in memory when not given). */
  sharedFolders?: SharedFolders;
  /** How long after the last change suggestions learn again, in ms (2 s when not given). */
  suggestionDelayMs?: number;
  /** How long no call must have come before idle work (idle-work.ts) begins, in ms (half a second when not given). */
  idleQuietMs?: number;
}

/** What a file's content may be: text, bytes, or text in chunks (written with checkpoints between them). */
export type FileContent = string | Uint8Array | Iterable<string>;

export interface HandlerContext {
  store: ProjectStore;
  services: CommonServices;
  now: () => Date;
  jobs: Jobs;
  /** Today, as file names carry it: 2026-11-30. */
  day: () => string;
  /**
   * Asks where to save, then makes the content and writes it atomically, with checkpoints of the
   * job between chunks (a cancelled job leaves no file); null when the dialog was cancelled.
   */
  saveAs: (suggested: string, kind: FileKind, job: Job | null, make: () => FileContent | Promise<string | Uint8Array>) => Promise<string | null>;
  /** The dataset as the current coder may see it: in blind coding, with their own segments only. */
  shownDataset: () => Promise<DatasetInput>;
  /** Work done ahead while the page asks nothing (every call to the project's handlers holds it back); ended with the project. */
  idle: IdleWork;
}

/** The context of the handlers of one open project; `jobs` are shared by every project of a session. */
export function handlerContext(services: CommonServices, store: ProjectStore, jobs: Jobs): HandlerContext {
  const now = services.now ?? (() => new Date());
  const idle = new IdleWork({ quietMs: services.idleQuietMs });
  store.onClose(() => idle.close());
  return {
    store,
    services,
    now,
    jobs,
    day: () => now().toISOString().slice(0, 10),
    saveAs: async (suggested, kind, job, make) => {
      job?.report('Choosing where to save', 0, 0);
      const path = await services.chooseSavePath(suggested, kind);
      if (!path) return null;
      try {
        await writeFileDurably(path, await make(), { checkpoint: job ? () => job.checkpoint() : undefined });
      } catch (error) {
        throw fileFailure(error, 'save-failed', `Could not write ${path}`);
      }
      return path;
    },
    shownDataset: async () => {
      const dataset = await store.dataset();
      return { ...dataset, segments: shownTo(store.viewer, dataset.segments) };
    },
    idle,
  };
}
