/**
 * Electron main process: thin glue. It opens the project through the services, registers the IPC
 * handlers from the API contract, serves the renderer from the app:// scheme, and keeps the window
 * locked down (context isolation, sandbox, no node integration, no navigation, no new windows).
 */
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  net,
  protocol,
  session,
  type MenuItemConstructorOptions,
} from 'electron';
import { pathToFileURL } from 'node:url';
import { COMMAND_CHANNEL, type CommandName } from '../../shared/api';
import { registerIpcHandlers } from './ipc';
import { APP_ORIGIN } from './trusted-sender';
import { createHandlers } from '../handlers/handlers';
import { defaultProjectFolder } from '../services/paths';
import { ProjectStore } from '../project/project-store';
import { decodedPath, servedFile } from '../preview/served-file';

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const appRoot = app.getAppPath();
const rendererFolder = join(appRoot, 'dist', 'renderer');
const bundledDocuments = app.isPackaged ? join(process.resourcesPath, 'documents') : join(appRoot, 'documents');

let mainWindow: BrowserWindow | null = null;

function sendCommand(command: CommandName): void {
  mainWindow?.webContents.send(COMMAND_CHANNEL, command);
}

function buildMenu(): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Export Coded Segments as CSV…', accelerator: 'CmdOrCtrl+E', click: () => sendCommand('export-csv') },
        {
          label: 'Export for Excel (CSV)…',
          accelerator: 'CmdOrCtrl+Shift+E',
          click: () => sendCommand('export-csv-excel'),
        },
        { label: 'Export Wide Table (CSV)…', click: () => sendCommand('export-wide-csv') },
        { label: 'Export Excel Workbook (XLSX)…', click: () => sendCommand('export-xlsx') },
        { label: 'Export for Classifier Training (JSONL)…', click: () => sendCommand('export-jsonl') },
        { label: 'Export Data Package…', click: () => sendCommand('export-datapackage') },
        { label: 'Export REFI-QDA Project (QDPX)…', click: () => sendCommand('export-qdpx') },
        { label: 'Export REFI-QDA Codebook (QDC)…', click: () => sendCommand('export-qdc') },
        { label: 'Export My Coder File…', click: () => sendCommand('export-coder-file') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => sendCommand('undo') },
        { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', click: () => sendCommand('redo') },
        ...(isMac ? [] : [{ label: 'Redo', accelerator: 'Ctrl+Y', visible: false, click: () => sendCommand('redo') }]),
        { type: 'separator' },
        { role: 'copy' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Annotation Workbench',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
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
  const handlers = createHandlers({
    store,
    chooseSavePath: async (suggestedName, kind) => {
      const options = {
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [kind],
      };
      const result = mainWindow
        ? await dialog.showSaveDialog(mainWindow, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseFolder: async (title) => {
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
    },
  });
  registerIpcHandlers(handlers);
  buildMenu();
  createWindow();

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
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
