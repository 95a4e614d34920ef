/**
 * The contract's operations for one feature: projects as the researcher handles them. Which
 * project is open, making a new one, opening one (a folder or an `.awbproj` archive), the recent
 * list, closing, the project's name and description, archives and backups.
 *
 * The page never hands the main process a path: in the desktop app every folder and file comes
 * from the system's dialog; in the browser preview, from the names listed under the root folder
 * the preview was started with (`listPlaces`).
 */
import { FILE_NAME_MAX_CHARS, PROJECT_DESCRIPTION_MAX_CHARS, PROJECT_NAME_MAX_CHARS } from '../model/limits';
import { z } from '../model/zod';
import { operation } from './fields';

/** The open project, as the start screen and the header name it. */
export interface OpenProjectInfo {
  projectId: string;
  name: string;
  description: string;
  /** The project folder, in full (shown, never sent back). */
  folder: string;
}

/** One entry of Open Recent. */
export interface RecentProject {
  /** Stands for the folder in calls from the page. */
  id: string;
  name: string;
  folder: string;
  /** When it was last opened (UTC, ISO 8601). */
  openedAt: string;
  /** The folder (or its project file) is no longer there: shown marked, and can be removed. */
  missing: boolean;
}

/** Where this program is, as far as projects go. */
export interface SessionState {
  /** The open project; null shows the start screen. */
  project: OpenProjectInfo | null;
  /** The last ten projects opened, newest first. */
  recent: RecentProject[];
  /**
   * How folders are chosen: `dialog` in the desktop app (the system's dialogs), `places` in the
   * browser preview (names below the root folder it was started with, from `listPlaces`).
   */
  chooser: 'dialog' | 'places';
  /** The bundled texts can start a sample project. */
  sampleAvailable: boolean;
  /** Things to tell on the start screen (the last project could not be opened, ...). */
  notices: string[];
}

/** One backup kept in the project's `backups/` folder. */
export interface BackupSummary {
  id: string;
  /** Why it was made: on opening, after minutes of work, the day's, by hand, before a restore. */
  kind: 'open' | 'interval' | 'daily' | 'manual' | 'before-restore';
  createdAt: string;
  bytes: number;
  documents: number;
  segments: number;
}

/** An entry below the preview's root folder. */
export interface PlaceEntry {
  name: string;
  kind: 'project' | 'archive' | 'folder';
}

const placeName = z
  .string()
  .min(1)
  .max(FILE_NAME_MAX_CHARS)
  .refine((name) => !/[\\/\0]/.test(name) && name !== '.' && name !== '..', { error: 'give a name without slashes' });

export const projectName = z.string().trim().min(1).max(PROJECT_NAME_MAX_CHARS);

/** The operations on projects: new, open, recent, close, details, archives, backups. */
export const projectsOperations = {
  getSession: operation<SessionState>()(
    z.strictObject({}),
    'Which project is open (null: the start screen), the recent projects, and how folders are chosen.',
  ),
  newProject: operation<SessionState>()(
    z.strictObject({
      name: projectName,
      description: z.string().max(PROJECT_DESCRIPTION_MAX_CHARS).default(''),
      /** Start with the bundled texts (the sample corpus) rather than empty. */
      withSample: z.boolean(),
      /** In the preview: the new folder's name below the root (the name is used when absent). Ignored by the desktop app, which asks in its dialog. */
      place: placeName.optional(),
    }),
    'Makes a new project in a new folder (chosen in the system dialog, or named below the preview root) and opens it; null project when cancelled.',
  ),
  openProject: operation<SessionState>()(
    z.discriminatedUnion('from', [
      z.strictObject({ from: z.literal('dialog') }),
      z.strictObject({ from: z.literal('recent'), id: z.string().min(1).max(64) }),
      z.strictObject({ from: z.literal('place'), name: placeName }),
    ]),
    'Opens a project folder, or restores a project archive (.awbproj) into a new folder after checking every sum and opens that: chosen in the dialog, from the recent list, or by name below the preview root.',
  ),
  closeProject: operation<SessionState>()(z.strictObject({}), 'Saves and closes the open project; the start screen follows.'),
  forgetRecent: operation<SessionState>()(
    z.strictObject({ id: z.string().min(1).max(64) }),
    'Removes a project from the recent list (its folder is left as it is).',
  ),
  listPlaces: operation<{ available: boolean; entries: PlaceEntry[] }>()(
    z.strictObject({}),
    'In the preview, the project folders and archives below its root; `available` is false in the desktop app.',
  ),
  setProjectDetails: operation<OpenProjectInfo>()(
    z.strictObject({ name: projectName, description: z.string().max(PROJECT_DESCRIPTION_MAX_CHARS) }),
    "Sets the open project's name and description (saved at once, in the project file).",
  ),
  archiveProject: operation<{ path: string | null }>()(
    z.strictObject({}),
    'Asks where to save, then writes the project as one archive (.awbproj: the project file and texts, with a manifest of SHA-256 sums); null when cancelled.',
  ),
  listBackups: operation<{ backups: BackupSummary[] }>()(
    z.strictObject({}),
    "The open project's backups, newest first, with date, size and counts.",
  ),
  backUpNow: operation<BackupSummary>()(z.strictObject({}), 'Makes a backup of the open project now.'),
  restoreBackup: operation<SessionState>()(
    z.strictObject({ id: z.string().min(1).max(128) }),
    'Replaces the open project by one of its backups, after a backup of its state now (so the restore can itself be undone by restoring that).',
  ),
} as const;
