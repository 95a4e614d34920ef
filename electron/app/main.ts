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
import { chooseFolderDialog, createWindow, currentWindow, saveDialog } from './window';
import { createHandlers } from '../handlers/handlers';
import { defaultProjectFolder } from '../services/paths';
import { ProjectStore } from '../project/project-store';
import { decodedPath, servedFile } from '../preview/served-file';

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

  let store: ProjectStore;
  try {
    store = await ProjectStore.open({
      folder: process.env.WORKBENCH_PROJECT ?? defaultProjectFolder(app.getPath('userData')),
      bundledDocuments,
    });
  } catch (error) {
    dialog.showErrorBox('Annotation Workbench cannot open its project', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  const handlers = createHandlers({ store, chooseSavePath: saveDialog(app.getPath('documents')), chooseFolder: chooseFolderDialog });
  registerIpcHandlers(handlers);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform === 'darwin', sendCommand)));
  createWindow(preloadFile);

  app.on('before-quit', (event) => {
    if (store.unsaved) {
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
