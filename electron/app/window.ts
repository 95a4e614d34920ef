/**
 * The app's one window, locked down: context isolation, sandbox, no node integration, the page
 * served only from the app's own origin; and the native dialogs that ask where to save or which
 * folder to use, attached to that window while it is open.
 */
import { join } from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import type { ChooseSavePath } from '../handlers/context';
import { APP_ORIGIN } from './trusted-sender';

let mainWindow: BrowserWindow | null = null;

/** The window, while it is open. */
export function currentWindow(): BrowserWindow | null {
  return mainWindow;
}

/** Opens the window on the app's page; `preloadFile` is the bundled preload beside main. */
export function createWindow(preloadFile: string): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Annotation Workbench',
    show: false,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** The native save dialog, starting in the user's documents folder. */
export function saveDialog(documentsFolder: string): ChooseSavePath {
  return async (suggestedName, kind) => {
    const options = {
      defaultPath: join(documentsFolder, suggestedName),
      filters: [kind],
    };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}

/** The native dialog that chooses a folder (and may make one). */
export async function chooseFolderDialog(title: string): Promise<string | null> {
  const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
}
