// The desktop shell's real modules (electron/app/*) run under Node against a recording stand-in
// of the `electron` module (tests/support/electron-stand-in.ts), which throws on any property or
// call it does not know: the app is started, made ready, and what it asked of Electron is read back.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_PREFIX, COMMAND_CHANNEL } from '../../shared/ipc/channels';
import { commandNames } from '../../shared/ipc/commands';
import { operationNames } from '../../shared/ipc';
import { preventableEvent, standIn } from '../support/electron-stand-in';

vi.mock('electron', async () => (await import('../support/electron-stand-in')).standIn.module);

const renderer = join(standIn.folders.appPath, 'dist', 'renderer');
const sibling = join(standIn.folders.appPath, 'dist', 'renderer-secrets');

beforeAll(async () => {
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  mkdirSync(sibling, { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
  writeFileSync(join(renderer, 'assets', 'app.js'), '');
  writeFileSync(join(sibling, 'secret.txt'), 'not for the page');
  // The app starts on a project made from its bundled texts (one here), as WORKBENCH_PROJECT names it.
  mkdirSync(join(standIn.folders.appPath, 'documents'));
  writeFileSync(join(standIn.folders.appPath, 'documents', 'speech.txt'), 'A short speech.\n');
  vi.stubEnv('WORKBENCH_PROJECT', join(standIn.folders.userData, 'Field study'));
  const { startDesktopApp } = await import('../../electron/app/lifecycle');
  const started = startDesktopApp();
  standIn.becomeReady();
  await started;
});

afterAll(() => {
  vi.unstubAllEnvs();
  for (const folder of Object.values(standIn.folders)) rmSync(folder, { recursive: true, force: true });
});

describe('the window', () => {
  it('is made once, with context isolation, sandbox, web security and no node integration', () => {
    expect(standIn.windows).toHaveLength(1);
    const { webPreferences } = standIn.windows[0]!.options as { webPreferences: Record<string, unknown> };
    expect(webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    for (const loosening of ['allowRunningInsecureContent', 'experimentalFeatures', 'webviewTag', 'enableBlinkFeatures']) {
      expect(webPreferences).not.toHaveProperty(loosening);
    }
    expect(webPreferences.preload).toMatch(/preload\.cjs$/);
  });

  it('turns off auxclick, so that a middle click cannot open a link', () => {
    const { webPreferences } = standIn.windows[0]!.options as { webPreferences: { disableBlinkFeatures?: string } };
    expect(webPreferences.disableBlinkFeatures?.split(',')).toContain('Auxclick');
  });

  it("shows the app's own page and nothing else", () => {
    expect(standIn.windows[0]!.url).toBe('app://workbench/index.html');
  });
});

describe('every web contents', () => {
  const guarded = () => {
    const made = standIn.webContents('contents');
    standIn.emitApp('web-contents-created', preventableEvent(), made.contents);
    return made;
  };

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])('refuses %s', (name) => {
    const { events } = guarded();
    const event = preventableEvent();
    expect(events.listeners.get(name)?.length).toBeGreaterThan(0);
    events.emit(name, event, 'https://example.org/');
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every new window', () => {
    const { state } = guarded();
    for (const url of ['https://example.org/', 'app://workbench/index.html', 'file:///etc/passwd']) {
      expect(state.windowOpenHandler?.({ url, disposition: 'new-window' })).toEqual({ action: 'deny' });
    }
  });
});

describe('permissions', () => {
  it('are denied when the page asks for one', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const answer = vi.fn();
      standIn.permissionHandlers.request?.({}, permission, answer, {});
      expect(answer).toHaveBeenCalledWith(false);
    }
  });

  it('are reported as not granted when the page checks for one', () => {
    expect(standIn.permissionHandlers.check).not.toBeNull();
    for (const permission of ['media', 'notifications', 'clipboard-read', 'hid', 'serial']) {
      expect(standIn.permissionHandlers.check?.({}, permission, 'app://workbench', {})).toBe(false);
    }
  });
});

describe('the app:// handler', () => {
  const get = (url: string) => standIn.protocolHandlers.get('app')!(new Request(url));
  const served = async (url: string) => {
    const response = await get(url);
    return response.status === 200 ? await response.text() : response.status;
  };

  it('is declared a standard, secure scheme before the app is ready (Electron ignores it later), and served after', () => {
    const names = standIn.calls.map((call) => call.name);
    const declared = standIn.calls.find((call) => call.name === 'protocol.registerSchemesAsPrivileged');
    expect(declared?.args[0]).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(names.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(names.indexOf('app.whenReady'));
    expect(names.indexOf('protocol.handle')).toBeGreaterThan(names.indexOf('app.whenReady'));
  });

  it('serves the files inside the renderer folder', async () => {
    expect(await served('app://workbench/')).toBe(pathToFileURL(join(renderer, 'index.html')).toString());
    expect(await served('app://workbench/index.html')).toBe(pathToFileURL(join(renderer, 'index.html')).toString());
    expect(await served('app://workbench/assets/app.js')).toBe(pathToFileURL(join(renderer, 'assets', 'app.js')).toString());
  });

  it.each([
    ['a parent step', 'app://workbench/../renderer-secrets/secret.txt'],
    ['an encoded parent step', 'app://workbench/%2e%2e/renderer-secrets/secret.txt'],
    ['an encoded parent step in capitals', 'app://workbench/%2E%2E/renderer-secrets/secret.txt'],
    ['an encoded slash', 'app://workbench/assets%2f..%2f..%2frenderer-secrets%2fsecret.txt'],
    ['an encoded backslash', 'app://workbench/assets%5c..%5c..%5crenderer-secrets%5csecret.txt'],
    ['an encoded slash in capitals', 'app://workbench/%2F..%2F..%2Frenderer-secrets%2Fsecret.txt'],
    ['a sibling folder whose name starts with the renderer folder', 'app://workbench/..%2f..%2frenderer-secrets/secret.txt'],
    ['an absolute path', `app://workbench/${encodeURIComponent(join(sibling, 'secret.txt'))}`],
    ['an absolute path after a double slash', `app://workbench/${join(sibling, 'secret.txt')}`],
    ['a file URL', `app://workbench/${encodeURIComponent(pathToFileURL(join(sibling, 'secret.txt')).toString())}`],
    ['another host', 'app://elsewhere/index.html'],
    ['a missing file', 'app://workbench/nothing.js'],
    ['the folder itself', 'app://workbench/assets'],
  ])('serves nothing for %s', async (_case, url) => {
    expect(await served(url)).toBe(404);
  });

  it('answers a malformed %-escape as a bad request', async () => {
    expect(await served('app://workbench/%E0%A4%A')).toBe(400);
    expect(await served('app://workbench/%zz')).toBe(400);
  });

  it('never fetches anything but a file of the renderer folder', () => {
    const fetched = standIn.calls.filter((call) => call.name === 'net.fetch').map((call) => String(call.args[0]));
    expect(fetched.length).toBeGreaterThan(0);
    for (const url of fetched) expect(url.startsWith(pathToFileURL(renderer).toString() + '/')).toBe(true);
  });
});

describe('the IPC channels', () => {
  it("are exactly the contract's operations, each on its own channel", () => {
    expect([...standIn.ipcHandlers.keys()].sort()).toEqual(operationNames.map((name) => CHANNEL_PREFIX + name).sort());
  });

  it("answer only the app's own main frame", async () => {
    const handler = standIn.ipcHandlers.get(`${CHANNEL_PREFIX}getSession`)!;
    const framed = await handler({ senderFrame: { url: 'app://workbench/index.html', parent: {} } }, {});
    const elsewhere = await handler({ senderFrame: { url: 'https://example.org/', parent: null } }, {});
    const own = await handler({ senderFrame: { url: 'app://workbench/index.html', parent: null } }, {});
    expect(framed).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(own).toMatchObject({ ok: true });
  });
});

describe("the coders' shared folder in the app", () => {
  const own = { senderFrame: { url: 'app://workbench/index.html', parent: null } };

  it("is chosen in the system's folder dialog, never named by the page", async () => {
    const choose = standIn.ipcHandlers.get(`${CHANNEL_PREFIX}chooseFolder`)!;
    expect(await choose(own, { purpose: 'shared-folder' })).toEqual({ ok: true, value: { folder: null, available: true } });
    const shown = standIn.calls.filter((call) => call.name === 'dialog.showOpenDialog').at(-1)!;
    expect(shown.args.at(-1)).toMatchObject({ title: 'Choose the shared folder of the coders', properties: ['openDirectory', 'createDirectory'] });
    expect(await choose(own, { purpose: 'shared-folder', place: 'coders' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const sync = standIn.ipcHandlers.get(`${CHANNEL_PREFIX}syncSharedFolder`)!;
    expect(await sync(own, { folder: standIn.folders.userData })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await sync(own, {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

type MenuItem = { label?: string; role?: string; click?: () => void; submenu?: MenuItem[] };

describe('the menu', () => {
  it("sends the page every command it knows, and only those (open-recent with the recent project's id, for the page to open)", async () => {
    const sent = standIn.windows[0]!.contents.state.sent;
    sent.length = 0;
    const clickAll = (items: MenuItem[]): void => {
      for (const item of items) {
        item.click?.();
        if (Array.isArray(item.submenu)) clickAll(item.submenu);
      }
    };
    clickAll(standIn.menus.template as MenuItem[]);
    expect(sent.every(([channel]) => channel === COMMAND_CHANNEL)).toBe(true);
    const openRecent = sent.filter(([, command]) => command === 'open-recent');
    expect(openRecent.length).toBeGreaterThan(0);
    for (const [, , id] of openRecent) expect(id).toMatch(/^[0-9a-f]{16}$/);
    // Every other command goes without an argument.
    expect(sent.filter(([, command]) => command !== 'open-recent').every((entry) => entry.length === 2)).toBe(true);
    const commands = new Set(sent.map(([, command]) => command));
    expect([...commands].sort()).toEqual([...commandNames].sort());
  });

  it('names the project open at the start in the window title', () => {
    // A project made from the bundled texts is named so until the researcher renames it.
    expect(standIn.windows[0]!.title).toBe('Default project — Annotation Workbench');
    // From its first moment, before the menu sets it.
    expect(standIn.windows[0]!.options).toMatchObject({ title: 'Default project — Annotation Workbench' });
  });

  it("keeps its title when the page's <title> changes", () => {
    const window = standIn.windows[0]!;
    const event = preventableEvent();
    expect(window.events.listeners.get('page-title-updated')?.length).toBeGreaterThan(0);
    window.events.emit('page-title-updated', event, 'Annotation Workbench', true);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe("the app's life", () => {
  it('quits when its window closes (except on macOS, where apps stay)', () => {
    standIn.emitApp('window-all-closed');
    expect(standIn.calls.filter((call) => call.name === 'app.quit')).toHaveLength(process.platform === 'darwin' ? 0 : 1);
  });

  it('opens no second window when activated with one open', () => {
    standIn.emitApp('activate');
    expect(standIn.windows).toHaveLength(1);
  });

  it('quits without asking when every change is saved', () => {
    const event = preventableEvent();
    standIn.emitApp('before-quit', event);
    expect(event.defaultPrevented).toBe(false);
    expect(standIn.calls.some((call) => call.name === 'dialog.showMessageBoxSync')).toBe(false);
  });

  it('closes the project before it ends: the lock given back, then quits', async () => {
    const lock = join(standIn.folders.userData, 'Field study', 'project.lock');
    expect(existsSync(lock)).toBe(true);
    const quitsBefore = standIn.calls.filter((call) => call.name === 'app.quit').length;
    const event = preventableEvent();
    standIn.emitApp('will-quit', event);
    // Held back until the project is closed, then the app is asked to quit again.
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(standIn.calls.filter((call) => call.name === 'app.quit').length).toBe(quitsBefore + 1));
    expect(existsSync(lock)).toBe(false);
    const again = preventableEvent();
    standIn.emitApp('will-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });
});

describe('the stand-in', () => {
  it('throws on any part of electron it does not know', () => {
    const electron = standIn.module as unknown as Record<string, Record<string, unknown>>;
    expect(() => electron.shell).toThrow(/does not know electron\.shell/);
    expect(() => electron.app!.setAsDefaultProtocolClient).toThrow(/does not know app\.setAsDefaultProtocolClient/);
    expect(() => electron.session!.defaultSession).not.toThrow();
  });
});

describe('projects in the app, through the system dialogs', () => {
  const own = { senderFrame: { url: 'app://workbench/index.html', parent: null } };
  const invoke = (name: string, input: unknown) => standIn.ipcHandlers.get(`${CHANNEL_PREFIX}${name}`)!(own, input) as Promise<{ ok: boolean; value?: any; error?: { code: string } }>;

  // After the app's life above: the app was asked to quit, its project closed; the session still answers.
  it('makes a new project in the folder chosen (a folder of its name when that one holds files), opens one by its project file, and restores an archive where asked', async () => {
    const first = join(standIn.folders.userData, 'Field study');
    const parent = join(standIn.folders.userData, 'Studies');
    mkdirSync(parent);
    writeFileSync(join(parent, 'notes.txt'), 'not a project');
    standIn.dialogAnswers.open.push(parent);
    const made = await invoke('newProject', { name: 'Second study', withSample: false });
    expect(made).toMatchObject({ ok: true, value: { project: { name: 'Second study', folder: join(parent, 'Second study') } } });
    const asked = standIn.calls.filter((call) => call.name === 'dialog.showOpenDialog').at(-1)!;
    expect(asked.args.at(-1)).toMatchObject({ properties: ['openDirectory', 'createDirectory'] });
    // The window's title follows the project open.
    await vi.waitFor(() => expect(standIn.windows[0]!.title).toBe('Second study — Annotation Workbench'));

    // Open project…: the project file chosen stands for its folder.
    standIn.dialogAnswers.open.push(join(first, 'project.json'));
    expect(await invoke('openProject', { from: 'dialog' })).toMatchObject({ ok: true, value: { project: { folder: first } } });

    // Save a copy as archive…, then Open project… of the archive, restored into a folder chosen.
    const archive = join(parent, 'handed over.awbproj');
    standIn.dialogAnswers.save.push(archive);
    expect(await invoke('archiveProject', {})).toEqual({ ok: true, value: { path: archive } });
    const into = join(standIn.folders.userData, 'Colleague');
    mkdirSync(into);
    standIn.dialogAnswers.open.push(archive, into);
    expect(await invoke('openProject', { from: 'dialog' })).toMatchObject({ ok: true, value: { project: { folder: into } } });
    // Cancelled: nothing changes.
    expect(await invoke('openProject', { from: 'dialog' })).toMatchObject({ ok: true, value: { project: { folder: into } } });
    expect(await invoke('openProject', { from: 'dialog', path: first })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
