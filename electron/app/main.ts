/**
 * Electron main process: thin glue. It opens the project through the services, registers the IPC
 * handlers from the API contract, serves the renderer from the app:// scheme, and keeps the window
 * locked down (context isolation, sandbox, no node integration, no navigation, no new windows).
 */
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, net, protocol, session } from 'electron';
import { pathToFileURL } from 'node:url';
import { COMMAND_CHANNEL } from '../../shared/ipc/channels';
import { type CommandName } from '../../shared/ipc/commands';
import { registerIpcHandlers } from './ipc';
import { menuTemplate } from './menu';
import { createWindow, currentWindow, setWindowTitle } from './window';
import { chooseFolderDialog, dialogChooser, saveDialog } from './dialogs';
import { createHandlers } from '../handlers/handlers';
import { defaultProjectFolder } from '../services/paths';
import { ProjectSession } from '../services/project-session';
import { PROJECT_FILE } from '../project/project-opening';
import { decodedPath, servedFile } from '../preview/served-file';
import { existsSync } from 'node:fs';

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const appRoot = app.getAppPath();
const rendererFolder = join(appRoot, 'dist', 'renderer');
const preloadFile = join(__dirname, 'preload.cjs');
const bundledDocuments = app.isPackaged ? join(process.resourcesPath, 'documents') : join(appRoot, 'documents');

function sendCommand(command: CommandName): void {
  currentWindow()?.webContents.send(COMMAND_CHANNEL, command);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.whenReady().then(async () => {
  // Only the built renderer is served; nothing is fetched from the network.
  // A path with a malformed %-escape, outside the folder, or through a link is not served.
  const rendererRoot = await realpath(rendererFolder);
  protocol.handle('app', async (request) => {
    const { host, pathname } = new URL(request.url);
    const relative = pathname === '/' ? 'index.html' : decodedPath(pathname.slice(1));
    if (relative === null) return new Response('Bad request', { status: 400 });
    const file = host === 'workbench' ? await servedFile(rendererRoot, relative) : null;
    if (file === null) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  const projects = await ProjectSession.start({
    userData: app.getPath('userData'),
    bundledDocuments,
    chooser: dialogChooser(currentWindow, app.getPath('documents')),
  });
  try {
    const given = process.env.WORKBENCH_PROJECT;
    const legacy = defaultProjectFolder(app.getPath('userData'));
    if (given) await projects.openGiven(given);
    else if (projects.recent.lastOpen) await projects.openLast();
    // The one project of earlier versions, before there was a recent list, opens as it did.
    else if ((await projects.recent.list()).length === 0 && existsSync(join(legacy, PROJECT_FILE))) await projects.open(legacy);
  } catch (error) {
    dialog.showErrorBox('Annotation Workbench cannot open its project', error instanceof Error ? error.message : String(error));
  }
  const handlers = createHandlers({ session: projects, chooseSavePath: saveDialog(currentWindow, app.getPath('documents')), chooseFolder: chooseFolderDialog(currentWindow) });
  registerIpcHandlers(handlers);
  const isMac = process.platform === 'darwin';
  const refreshMenu = async () => {
    const state = await projects.state();
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(isMac, sendCommand, {
          recent: state.recent,
          open: state.project !== null,
          openRecent: (id) => {
            const folder = projects.recent.folderOf(id);
            if (folder === null) return;
            projects.open(folder).then(
              () => sendCommand('project-changed'),
              (error: unknown) => dialog.showErrorBox('The project could not be opened', error instanceof Error ? error.message : String(error)),
            );
          },
          clearRecent: () => {
            void Promise.all(state.recent.map((entry) => projects.recent.forget(entry.id))).then(refreshMenu);
          },
        }),
      ),
    );
    setWindowTitle(state.project ? `${state.project.name} — Annotation Workbench` : 'Annotation Workbench');
  };
  projects.onChange(() => void refreshMenu());
  await refreshMenu();
  createWindow(preloadFile);

  app.on('before-quit', (event) => {
    const store = projects.store;
    if (store?.unsaved) {
      const choice = dialog.showMessageBoxSync({
        type: 'warning',
        buttons: ['Keep the app open', 'Quit and lose unsaved changes'],
        defaultId: 0,
        message: 'Some changes could not be saved yet.',
        detail: store.notices.join('\n'),
      });
      if (choice === 0) event.preventDefault();
    }
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(preloadFile);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
