/**
 * The app's one window, locked down: context isolation, sandbox, no node integration, the page
 * served only from the app's own origin.
 */
import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from './trusted-sender';

let mainWindow: BrowserWindow | null = null;

/** The window, while it is open. */
export function currentWindow(): BrowserWindow | null {
  return mainWindow;
}

/** Opens the window on the app's page; `preloadFile` is the bundled preload beside main. */
export function createWindow(preloadFile: string, title = 'Annotation Workbench'): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 820,
    title,
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

/** Names the open project in the window's title (the page's own title is not used). */
export function setWindowTitle(title: string): void {
  mainWindow?.setTitle(title);
}
