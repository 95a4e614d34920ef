/**
 * A recording stand-in of the `electron` module, so that the desktop shell's real modules run
 * under Node: every call is recorded (by its path, `app.on`, `BrowserWindow#loadURL`), and any
 * property or call the stand-in does not know throws. A module that starts using a new Electron
 * API fails its test until the stand-in learns it (and its test says what the call must do).
 *
 * Load it with `vi.mock('electron', async () => (await import('../support/electron-stand-in')).standIn.module)`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One recorded call: who (`app.on`, `BrowserWindow#setTitle`) and with what. */
export interface RecordedCall {
  name: string;
  args: unknown[];
}

/** A stand-in object: only the listed properties exist; reading any other throws. */
function strict<T extends object>(name: string, known: T): T {
  return new Proxy(known, {
    get(target, property, receiver) {
      // Symbols are the runtime's own (inspection, iteration); `then` is asked by `await`.
      if (typeof property === 'symbol' || property in target) return Reflect.get(target, property, receiver);
      if (property === 'then') return undefined;
      throw new Error(`The electron stand-in does not know ${name}.${property}: teach it (tests/support/electron-stand-in.ts) and test what the call must do.`);
    },
    set(_target, property) {
      throw new Error(`The electron stand-in does not allow setting ${name}.${String(property)}.`);
    },
  });
}

/** A preventable event, as Electron passes to `will-navigate` and its kin. */
export interface StandInEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

/** A fresh preventable event. */
export function preventableEvent(): StandInEvent {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

type Listener = (...args: any[]) => unknown;

/** What a window's or a web contents' listeners are, by event name. */
class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  add(event: string, listener: Listener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((listener) => listener(...args));
  }
}

/** The stand-in, with what it recorded and ways to play Electron's part (emit an event, make web contents). */
export function electronStandIn() {
  const calls: RecordedCall[] = [];
  const record = (name: string, impl: Listener = () => undefined) =>
    (...args: unknown[]) => {
      calls.push({ name, args });
      return impl(...args);
    };

  const folders = { appPath: mkdtempSync(join(tmpdir(), 'workbench-app-')), userData: mkdtempSync(join(tmpdir(), 'workbench-user-')) };
  const appEvents = new Emitter();
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));

  /** Web contents as the guards see them: listeners and the window-open handler are kept. */
  function webContents(label = 'webContents') {
    const events = new Emitter();
    const state = { windowOpenHandler: null as null | Listener, sent: [] as unknown[][] };
    const contents = strict(label, {
      on: record(`${label}.on`, (event: string, listener: Listener) => events.add(event, listener)),
      setWindowOpenHandler: record(`${label}.setWindowOpenHandler`, (handler: Listener) => (state.windowOpenHandler = handler)),
      send: record(`${label}.send`, (...args: unknown[]) => state.sent.push(args)),
    });
    return { contents, events, state };
  }

  /** Each window made: its options, contents, page, title, and its own listeners (`page-title-updated`, ...). */
  const windows: Array<{ options: unknown; contents: ReturnType<typeof webContents>; url: string | null; title: string | null; events: Emitter }> = [];
  class BrowserWindow {
    static getAllWindows = record('BrowserWindow.getAllWindows', () => windows.map(() => ({})));
    readonly webContents: unknown;
    constructor(options: unknown) {
      calls.push({ name: 'new BrowserWindow', args: [options] });
      const contents = webContents('BrowserWindow#webContents');
      const events = new Emitter();
      const entry = { options, contents, url: null as string | null, title: null as string | null, events };
      windows.push(entry);
      this.webContents = contents.contents;
      return strict('BrowserWindow#', {
        webContents: contents.contents,
        once: record('BrowserWindow#once', (event: string, listener: Listener) => events.add(event, listener)),
        on: record('BrowserWindow#on', (event: string, listener: Listener) => events.add(event, listener)),
        show: record('BrowserWindow#show'),
        loadURL: record('BrowserWindow#loadURL', async (url: string) => {
          entry.url = url;
        }),
        setTitle: record('BrowserWindow#setTitle', (title: string) => (entry.title = title)),
      }) as unknown as BrowserWindow;
    }
  }

  const permissionHandlers = { request: null as null | Listener, check: null as null | Listener };
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const ipcHandlers = new Map<string, Listener>();
  const menus: { template: unknown[] | null } = { template: null };
  /** What the next system dialogs answer (the researcher's choices), in order; cancelled when none is left. */
  const dialogAnswers = { open: [] as string[], save: [] as string[] };

  const module = {
    app: strict('app', {
      isPackaged: false,
      getAppPath: record('app.getAppPath', () => folders.appPath),
      getPath: record('app.getPath', (name: string) => {
        if (name === 'userData') return folders.userData;
        if (name === 'documents') return join(folders.userData, 'Documents');
        throw new Error(`The electron stand-in does not know app.getPath('${name}').`);
      }),
      on: record('app.on', (event: string, listener: Listener) => appEvents.add(event, listener)),
      whenReady: record('app.whenReady', () => ready),
      quit: record('app.quit'),
    }),
    BrowserWindow: strict('BrowserWindow', BrowserWindow),
    dialog: strict('dialog', {
      showOpenDialog: record('dialog.showOpenDialog', async () => {
        const answer = dialogAnswers.open.shift();
        return answer === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [answer] };
      }),
      showSaveDialog: record('dialog.showSaveDialog', async () => {
        const answer = dialogAnswers.save.shift();
        return answer === undefined ? { canceled: true } : { canceled: false, filePath: answer };
      }),
      showErrorBox: record('dialog.showErrorBox'),
      showMessageBoxSync: record('dialog.showMessageBoxSync', () => 0),
    }),
    Menu: strict('Menu', {
      buildFromTemplate: record('Menu.buildFromTemplate', (template: unknown[]) => {
        menus.template = template;
        return { template };
      }),
      setApplicationMenu: record('Menu.setApplicationMenu'),
    }),
    net: strict('net', {
      // The file the app:// handler chose, answered as its URL: enough to see what would be served.
      fetch: record('net.fetch', async (url: string) => new Response(url, { status: 200 })),
    }),
    protocol: strict('protocol', {
      registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'),
      handle: record('protocol.handle', (scheme: string, handler: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, handler)),
    }),
    session: strict('session', {
      defaultSession: strict('session.defaultSession', {
        setPermissionRequestHandler: record('session.defaultSession.setPermissionRequestHandler', (handler: Listener) => (permissionHandlers.request = handler)),
        setPermissionCheckHandler: record('session.defaultSession.setPermissionCheckHandler', (handler: Listener) => (permissionHandlers.check = handler)),
      }),
    }),
    ipcMain: strict('ipcMain', {
      handle: record('ipcMain.handle', (channel: string, listener: Listener) => ipcHandlers.set(channel, listener)),
    }),
  };

  return {
    /** The `electron` module as the shell's modules import it. */
    module: strict('electron', module),
    calls,
    /** The temporary folders the stand-in's app answers with: the app folder and the user data. */
    folders,
    /** Electron's part: says the app is ready. */
    becomeReady: () => readyResolve(),
    /** Electron's part: emits an app event to its listeners. */
    emitApp: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
    /** Web contents that the guards can be attached to (as `web-contents-created` gives them). */
    webContents,
    windows,
    permissionHandlers,
    protocolHandlers,
    ipcHandlers,
    menus,
    dialogAnswers,
  };
}

/** The one stand-in of a test file (vi.mock's factory and the test both reach it). */
export const standIn = electronStandIn();
