/**
 * The recent projects: the last ten project folders opened, newest first, kept in the user's data
 * folder (never inside a project, so a project folder stays free of where it has been). The file
 * is small JSON written atomically; one that cannot be read is set aside and the list starts
 * empty, with a notice.
 */
import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecentProject } from '../../shared/ipc/projects';
import { z } from '../../shared/model/zod';
import { writeFileDurably } from '../project/atomic-write';
import { PROJECT_FILE } from '../project/project-opening';
import { setAsideUnreadable } from './set-aside';

export const RECENT_FILE = 'recent-projects.json';
export const RECENT_MAX = 10;

const recentFileSchema = z.object({
  version: z.literal(1),
  projects: z.array(z.object({ folder: z.string().min(1), name: z.string(), openedAt: z.string() })),
  /** The project open when the program last stopped (opened again at the next start); null after Close project. */
  lastOpen: z.string().nullable().default(null),
});
type RecentFile = z.infer<typeof recentFileSchema>;

/** The id that stands for a folder in calls from the page. */
export function recentId(folder: string): string {
  return createHash('sha256').update(folder).digest('hex').slice(0, 16);
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

export class RecentProjects {
  private data: RecentFile = { version: 1, projects: [], lastOpen: null };
  readonly notices: string[] = [];

  /** `file` null keeps the list in memory only (tests, the command line). */
  private constructor(private readonly file: string | null) {}

  static inMemory(): RecentProjects {
    return new RecentProjects(null);
  }

  static async load(userDataFolder: string | null): Promise<RecentProjects> {
    const recent = new RecentProjects(userDataFolder === null ? null : join(userDataFolder, RECENT_FILE));
    if (recent.file === null) return recent;
    let text: string;
    try {
      text = await readFile(recent.file, 'utf8');
    } catch {
      return recent;
    }
    try {
      recent.data = recentFileSchema.parse(JSON.parse(text));
    } catch {
      const keptAs = await setAsideUnreadable(recent.file);
      recent.notices.push(`The list of recent projects could not be read; it was kept as ${keptAs} and starts empty.`);
    }
    return recent;
  }

  /** The list, newest first, each marked when its folder or project file is gone. */
  async list(): Promise<RecentProject[]> {
    return Promise.all(
      this.data.projects.map(async (entry) => ({
        id: recentId(entry.folder),
        name: entry.name,
        folder: entry.folder,
        openedAt: entry.openedAt,
        missing: !(await exists(join(entry.folder, PROJECT_FILE))),
      })),
    );
  }

  /** The folder of a listed project, by its id; null when not listed. */
  folderOf(id: string): string | null {
    return this.data.projects.find((entry) => recentId(entry.folder) === id)?.folder ?? null;
  }

  /** The project open when the program last stopped, if any. */
  get lastOpen(): string | null {
    return this.data.lastOpen;
  }

  /** Puts a project at the top of the list (and remembers it as open). */
  async opened(folder: string, name: string, at: Date): Promise<void> {
    const others = this.data.projects.filter((entry) => entry.folder !== folder);
    this.data.projects = [{ folder, name, openedAt: at.toISOString() }, ...others].slice(0, RECENT_MAX);
    this.data.lastOpen = folder;
    await this.save();
  }

  /** Renames a listed project (after its name was changed). */
  async renamed(folder: string, name: string): Promise<void> {
    const entry = this.data.projects.find((e) => e.folder === folder);
    if (!entry || entry.name === name) return;
    entry.name = name;
    await this.save();
  }

  /** Remembers that no project is open (Close project): the next start shows the start screen. */
  async closed(): Promise<void> {
    this.data.lastOpen = null;
    await this.save();
  }

  /**
   * Empties the list (the menu's Clear Recent), in one write. The project open now is still the
   * one opened at the next start: only the list is cleared, not what is open.
   */
  async clear(): Promise<void> {
    this.data.projects = [];
    await this.save();
  }

  /** Removes one project from the list (the page's Forget). */
  async forget(id: string): Promise<void> {
    const folder = this.folderOf(id);
    this.data.projects = this.data.projects.filter((entry) => recentId(entry.folder) !== id);
    if (folder !== null && this.data.lastOpen === folder) this.data.lastOpen = null;
    await this.save();
  }

  private async save(): Promise<void> {
    if (this.file === null) return;
    await writeFileDurably(this.file, JSON.stringify(this.data, null, 2) + '\n');
  }
}
