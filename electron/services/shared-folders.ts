/**
 * The coders' shared folder of each project, remembered by the main process: chosen in the
 * system's dialog (or, in the preview, by a name below its root), never handed over by the page.
 * Kept in the user's data folder, keyed by the project's id, never inside the project: a project
 * folder stays free of absolute paths, so it can be moved, copied and handed on.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from '../../shared/model/zod';
import { writeFileDurably } from '../project/atomic-write';
import { setAsideUnreadable } from './set-aside';

export const SHARED_FOLDERS_FILE = 'shared-folders.json';

const sharedFoldersSchema = z.object({
  version: z.literal(1),
  /** By project id: the folder and when it was chosen. */
  projects: z.record(z.string(), z.object({ folder: z.string().min(1), chosenAt: z.string() })),
});
type SharedFoldersFile = z.infer<typeof sharedFoldersSchema>;

/** The shared folder of each project, by the project's id. */
export class SharedFolders {
  private data: SharedFoldersFile = { version: 1, projects: {} };
  /** What could not be read when loading (the file is set aside and the list starts empty). */
  readonly notices: string[] = [];

  /** `file` null keeps the folders in memory only (the command line, tests that fix one project). */
  private constructor(private readonly file: string | null) {}

  static inMemory(): SharedFolders {
    return new SharedFolders(null);
  }

  /** The remembered folders of a user data folder (none yet when its file is missing). */
  static async load(userDataFolder: string): Promise<SharedFolders> {
    const folders = new SharedFolders(join(userDataFolder, SHARED_FOLDERS_FILE));
    let text: string;
    try {
      text = await readFile(folders.file!, 'utf8');
    } catch {
      return folders;
    }
    try {
      folders.data = sharedFoldersSchema.parse(JSON.parse(text));
    } catch {
      const keptAs = await setAsideUnreadable(folders.file!);
      folders.notices.push(`The list of shared folders could not be read; it was kept as ${keptAs}, and each project's shared folder is to be chosen again.`);
    }
    return folders;
  }

  /** The project's shared folder, or null when none has been chosen. */
  folderOf(projectId: string): string | null {
    return Object.hasOwn(this.data.projects, projectId) ? this.data.projects[projectId]!.folder : null;
  }

  /** Remembers the project's shared folder (written at once, atomically). */
  async remember(projectId: string, folder: string, at: Date): Promise<void> {
    this.data.projects = { ...this.data.projects, [projectId]: { folder, chosenAt: at.toISOString() } };
    if (this.file !== null) await writeFileDurably(this.file, JSON.stringify(this.data, null, 2) + '\n');
  }
}
