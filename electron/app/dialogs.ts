/**
 * The system's dialogs, attached to the app's window while it is open: where to save a file,
 * which folder to use, and the chooser of projects (a folder for a new project, a project folder
 * or archive to open, where to restore an archive).
 */
import { basename, dirname, join } from 'node:path';
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { ChooseSavePath } from '../handlers/context';
import type { ProjectChooser } from '../services/project-places';
import { ARCHIVE_EXTENSION } from '../services/project-places';
import { PROJECT_FILE } from '../project/project-opening';

type WindowOf = () => BrowserWindow | null;

async function showOpen(windowOf: WindowOf, options: OpenDialogOptions): Promise<string | null> {
  const window = windowOf();
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
}

async function showSave(windowOf: WindowOf, options: SaveDialogOptions): Promise<string | null> {
  const window = windowOf();
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** The native save dialog, starting in the user's documents folder. */
export function saveDialog(windowOf: WindowOf, documentsFolder: string): ChooseSavePath {
  return (suggestedName, kind) => showSave(windowOf, { defaultPath: join(documentsFolder, suggestedName), filters: [kind] });
}

/** The native dialog that chooses a folder (and may make one). */
export function chooseFolderDialog(windowOf: WindowOf): (title: string) => Promise<string | null> {
  return (title) => showOpen(windowOf, { title, properties: ['openDirectory', 'createDirectory'] });
}

/** The chooser of projects through the system's dialogs. */
export function dialogChooser(windowOf: WindowOf, documentsFolder: string): ProjectChooser {
  const extension = ARCHIVE_EXTENSION.slice(1);
  return {
    kind: 'dialog',
    newProjectFolder: (name) =>
      showOpen(windowOf, {
        title: `Choose a folder for the project “${name}”`,
        buttonLabel: 'Create Project Here',
        defaultPath: documentsFolder,
        properties: ['openDirectory', 'createDirectory'],
      }),
    // Linux and Windows cannot offer folders and files in one dialog: the project's file
    // (project.json in its folder) or an archive is chosen, and a project file stands for its folder.
    projectToOpen: async () => {
      const file = await showOpen(windowOf, {
        title: 'Open a project (its project.json) or a project archive',
        defaultPath: documentsFolder,
        properties: ['openFile'],
        filters: [{ name: 'Annotation Workbench projects and archives', extensions: ['json', extension] }],
      });
      return file !== null && basename(file) === PROJECT_FILE ? dirname(file) : file;
    },
    restoreParent: (archive) =>
      showOpen(windowOf, {
        title: `Choose where to restore ${archive}`,
        buttonLabel: 'Restore Here',
        defaultPath: documentsFolder,
        properties: ['openDirectory', 'createDirectory'],
      }),
    entries: async () => [],
  };
}
