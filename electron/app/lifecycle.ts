/**
 * The app's life: before it is ready, the app:// scheme is declared and every web contents made
 * gets its guards; when ready, the renderer is served, permissions are denied, the projects'
 * session starts (the last project opens), the IPC handlers are registered, the menu is shown and
 * the window opens. Quitting with unsaved changes asks first.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { createHandlers } from '../handlers/handlers';
import { PROJECT_FILE } from '../project/project-opening';
import { defaultProjectFolder } from '../services/paths';
import { exchangeWorkers } from '../services/refi-qda-thread';
import { ProjectSession } from '../services/project-session';
import { SharedFolders } from '../services/shared-folders';
import { showApplicationMenu } from './application-menu';
import { chooseFolderDialog, dialogChooser, saveDialog } from './dialogs';
import { denyPermissions, guardWebContents } from './guards';
import { registerIpcHandlers } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { createWindow, currentWindow, windowTitleOf } from './window';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Opens the project the app starts with: the one named by WORKBENCH_PROJECT, else the last one. */
async function openFirstProject(projects: ProjectSession): Promise<void> {
  const given = process.env.WORKBENCH_PROJECT;
  const legacy = defaultProjectFolder(app.getPath('userData'));
  if (given) await projects.openGiven(given);
  else if (projects.recent.lastOpen) await projects.openLast();
  // The one project of earlier versions, before there was a recent list, opens as it did.
  else if ((await projects.recent.list()).length === 0 && existsSync(join(legacy, PROJECT_FILE))) await projects.open(legacy);
}

/** Asks before quitting while changes are not saved yet; the answer may keep the app open. */
function confirmQuit(projects: ProjectSession, event: Electron.Event): void {
  const store = projects.store;
  if (!store?.unsaved) return;
  const choice = dialog.showMessageBoxSync({
    type: 'warning',
    buttons: ['Keep the app open', 'Quit and lose unsaved changes'],
    defaultId: 0,
    message: 'Some changes could not be saved yet.',
    detail: store.notices.join('\n'),
  });
  if (choice === 0) event.preventDefault();
}

/** Everything the app does once Electron is ready; resolves when the window is open. */
async function whenReady(): Promise<void> {
  const appRoot = app.getAppPath();
  const preloadFile = join(__dirname, 'preload.cjs');
  const bundledDocuments = app.isPackaged ? join(process.resourcesPath, 'documents') : join(appRoot, 'documents');
  serveRenderer(join(appRoot, 'dist', 'renderer'));
  denyPermissions(session.defaultSession);

  const documentsFolder = app.getPath('documents');
  const projects = await ProjectSession.start({
    userData: app.getPath('userData'),
    bundledDocuments,
    chooser: dialogChooser(currentWindow, documentsFolder),
  });
  try {
    await openFirstProject(projects);
  } catch (error) {
    dialog.showErrorBox('Annotation Workbench cannot open its project', messageOf(error));
  }
  // The coders' shared folder of each project is kept here, beside the recent list, never in the project.
  const sharedFolders = await SharedFolders.load(app.getPath('userData'));
  for (const notice of sharedFolders.notices) projects.tell(notice);
  registerIpcHandlers(
    createHandlers({
      session: projects,
      chooseSavePath: saveDialog(currentWindow, documentsFolder),
      chooseFolder: chooseFolderDialog(currentWindow),
      sharedFolders,
    }),
  );
  createWindow(preloadFile, windowTitleOf(projects.info()));
  // After the window, so that its title names the project open at the start.
  const refreshMenu = await showApplicationMenu(projects, process.platform === 'darwin');
  projects.onChange(() => void refreshMenu());

  app.on('before-quit', (event) => confirmQuit(projects, event));
  // The project is closed before the app ends: its journal folded into the project file, its
  // backups' timer stopped, its lock given back (a lock left behind would be taken over, but
  // another program would have to judge it stale first).
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    exchangeWorkers.end(); // the REFI-QDA thread kept idle between jobs
    void projects.shutdown().finally(() => {
      closed = true;
      app.quit();
    });
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(preloadFile, windowTitleOf(projects.info()));
  });
}

/** Starts the desktop app; resolves when its window is open. */
export function startDesktopApp(): Promise<void> {
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  return app.whenReady().then(whenReady);
}
