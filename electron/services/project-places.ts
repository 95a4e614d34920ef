/**
 * Where projects are made and found. The page never names a path: in the desktop app the system's
 * dialogs choose (electron/app gives a `dialog` chooser); in the browser preview, names below the
 * root folder given at its start, and nothing outside it (`placesBelow`).
 */
import { lstat, readdir, realpath } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import type { PlaceEntry } from '../../shared/ipc/projects';
import { WorkbenchFailure } from '../../shared/model/failure';
import { PROJECT_FILE } from '../project/project-opening';
import { folderNameFor } from '../../shared/text/folder-name';

export const ARCHIVE_EXTENSION = '.awbproj';

/** How the program asks for folders and files of projects. */
export interface ProjectChooser {
  readonly kind: 'dialog' | 'places';
  /** A folder chosen for a new project (empty or not there yet, or one to make the project's folder in); null when cancelled. */
  newProjectFolder(name: string, place?: string): Promise<string | null>;
  /** A project folder or archive chosen to open; null when cancelled. */
  projectToOpen(place?: string): Promise<string | null>;
  /** The folder in which an archive's project is restored (a new folder is made in it); null when cancelled. */
  restoreParent(archive: string): Promise<string | null>;
  /** The preview's entries below its root; empty for the dialogs. */
  entries(): Promise<PlaceEntry[]>;
}


async function kindOf(path: string): Promise<'missing' | 'empty-folder' | 'folder' | 'file' | 'other'> {
  try {
    const stat = await lstat(path);
    if (stat.isFile()) return 'file';
    if (!stat.isDirectory()) return 'other';
    return (await readdir(path)).length === 0 ? 'empty-folder' : 'folder';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

/**
 * The folder a new project goes into, given the folder the researcher chose: the chosen folder
 * itself when it is empty (or not there yet), otherwise a new folder named after the project in
 * it (with " 2", " 3", ... when that name is taken). A folder that already holds a project is never used.
 */
export async function newFolderIn(chosen: string, name: string): Promise<string> {
  const chosenKind = await kindOf(chosen);
  if (chosenKind === 'missing' || chosenKind === 'empty-folder') return chosen;
  if (chosenKind !== 'folder') throw new WorkbenchFailure('conflict', `${chosen} is not a folder; choose a folder for the new project.`);
  const base = folderNameFor(name);
  for (let n = 1; n < 1000; n++) {
    const candidate = join(chosen, n === 1 ? base : `${base} ${n}`);
    const kind = await kindOf(candidate);
    if (kind === 'missing' || kind === 'empty-folder') return candidate;
  }
  throw new WorkbenchFailure('conflict', `There are too many folders named “${base}” in ${chosen}; choose another folder.`);
}

/**
 * The folder a new project goes into, given the folder chosen in the system dialog (see
 * newFolderIn); a folder that holds a project is refused: the new project is neither written
 * over it nor put inside it.
 */
export async function newProjectFolderIn(chosen: string, name: string): Promise<string> {
  if ((await kindOf(join(chosen, PROJECT_FILE))) !== 'missing') {
    throw new WorkbenchFailure('conflict', `There is already a project in ${chosen}; it was left as it is. Choose another folder for the new project.`);
  }
  return newFolderIn(chosen, name);
}

/** True when `path` (real) is the root or below it. */
function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..'));
}

/** The preview's places: its chooser of projects, and of other folders (a coders' shared folder) below its root. */
export interface PlacesBelow extends ProjectChooser {
  /** The existing folder of that name directly below the root. */
  folderBelow(name: string): Promise<string>;
}

/**
 * The preview's chooser: projects, archives and folders directly below `root`, named by the page;
 * a name with a slash, `..`, or a link that leads out of the root is refused.
 */
export function placesBelow(root: string): PlacesBelow {
  const rootPath = resolve(root);
  async function realRoot(): Promise<string> {
    return realpath(rootPath);
  }
  async function named(name: string): Promise<string> {
    if (!name || /[\\/\0]/.test(name) || name === '.' || name === '..') {
      throw new WorkbenchFailure('forbidden', `“${name}” is not a name of a folder below the preview's root folder.`);
    }
    const rootReal = await realRoot();
    const path = join(rootReal, name);
    // A link below the root may lead anywhere: only what really lies below the root is used.
    try {
      const real = await realpath(path);
      if (!within(rootReal, real)) throw new WorkbenchFailure('forbidden', `“${name}” leads outside the preview's root folder; it is not used.`);
    } catch (error) {
      if (error instanceof WorkbenchFailure) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return path;
  }
  return {
    kind: 'places',
    async newProjectFolder(name, place) {
      const path = await named(place ?? folderNameFor(name));
      const kind = await kindOf(path);
      if (kind !== 'missing' && kind !== 'empty-folder') {
        throw new WorkbenchFailure('conflict', `There is already a ${kind === 'file' ? 'file' : 'folder'} named “${basename(path)}” in the preview's root folder; choose another name.`);
      }
      return path;
    },
    async projectToOpen(place) {
      if (place === undefined) throw new WorkbenchFailure('invalid-input', 'Name the project folder or archive to open.');
      const path = await named(place);
      const kind = await kindOf(path);
      if (kind === 'missing') throw new WorkbenchFailure('not-found', `There is nothing named “${place}” in the preview's root folder.`);
      return path;
    },
    async restoreParent() {
      return realRoot();
    },
    async folderBelow(name) {
      const path = await named(name);
      const kind = await kindOf(path);
      if (kind === 'missing') throw new WorkbenchFailure('not-found', `There is no folder named “${name}” in the preview's root folder.`);
      if (kind !== 'folder' && kind !== 'empty-folder') throw new WorkbenchFailure('invalid-input', `“${name}” in the preview's root folder is not a folder.`);
      return path;
    },
    async entries() {
      const rootReal = await realRoot();
      const names = (await readdir(rootReal)).filter((name) => !name.startsWith('.')).sort((a, b) => a.localeCompare(b));
      const entries: PlaceEntry[] = [];
      for (const name of names) {
        const kind = await kindOf(join(rootReal, name));
        if (kind === 'file' && extname(name).toLowerCase() === ARCHIVE_EXTENSION) entries.push({ name, kind: 'archive' });
        else if (kind === 'folder' || kind === 'empty-folder') {
          const hasProject = (await kindOf(join(rootReal, name, PROJECT_FILE))) === 'file';
          entries.push({ name, kind: hasProject ? 'project' : 'folder' });
        }
      }
      return entries;
    },
  };
}

/** A chooser for a program that cannot ask (the command line, tests that fix one project). */
export const noChooser: ProjectChooser = {
  kind: 'dialog',
  newProjectFolder: async () => null,
  projectToOpen: async () => null,
  restoreParent: async () => null,
  entries: async () => [],
};
