/**
 * The app's one window, locked down: context isolation, sandbox, no node integration, web
 * security, no middle-click (auxclick) events, the page served only from the app's own origin.
 */
import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from './trusted-sender';

let mainWindow: BrowserWindow | null = null;

/** The window, while it is open. */
export function currentWindow(): BrowserWindow | null {
  return mainWindow;
}

/** The window's title: the open project's name and the app's, or the app's alone. */
export function windowTitleOf(project: { name: string } | null): string {
  return project ? `${project.name} — Annotation Workbench` : 'Annotation Workbench';
}

/** Opens the window on the app's page, titled `title`; `preloadFile` is the bundled preload beside main. */
export function createWindow(preloadFile: string, title = windowTitleOf(null)): BrowserWindow {
  // The options are written out here, where Electronegativity (npm test) reads them; nothing may
  // loosen them (no allowRunningInsecureContent, experimentalFeatures or webviewTag).
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title,
    show: false,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      // A middle click would otherwise fire `auxclick`, which can open links past the navigation guards.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  mainWindow = window;
  // The title names the project (set by the main process); the page's <title> would replace it.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  return window;
}

/** Names the open project in the window's title (the page's own title is not used). */
export function setWindowTitle(title: string): void {
  mainWindow?.setTitle(title);
}
