/**
 * The built preload (dist/electron/preload.cjs, made by `npm run build`) run as Electron runs it in
 * a sandboxed window: in a context of its own whose `require` answers only 'electron' (with
 * contextBridge and ipcRenderer stand-ins) and throws for any other module, with the small
 * `process` a sandboxed preload sees and no Buffer. It must run, and expose exactly one method per
 * operation of the contract and the menu-command subscription.
 */
import { readFileSync } from 'node:fs';
import { runInContext, createContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CHANNEL_PREFIX, COMMAND_CHANNEL } from '../../shared/ipc/channels';
import { operationNames } from '../../shared/ipc';

const PRELOAD = new URL('../../dist/electron/preload.cjs', import.meta.url).pathname;

interface Sandboxed {
  exposed: Map<string, Record<string, unknown>>;
  invoked: unknown[][];
  required: string[];
  listeners: Map<string, (...args: unknown[]) => void>;
}

/** Runs `source` as a sandboxed preload; what it exposed, invoked and required is returned. */
function runSandboxed(source: string): Sandboxed {
  const seen: Sandboxed = { exposed: new Map(), invoked: [], required: [], listeners: new Map() };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, value: Record<string, unknown>) => seen.exposed.set(key, value),
    },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        seen.invoked.push(args);
        return { ok: true, value: null };
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => seen.listeners.set(channel, listener),
      removeListener: (channel: string) => seen.listeners.delete(channel),
    },
  };
  const require = (name: string) => {
    seen.required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`Module "${name}" is not available in a sandboxed preload.`);
  };
  const module = { exports: {} };
  // What Electron's sandbox gives a preload besides require: a few facts in `process`, timers, the page's globals.
  const context = createContext({
    require,
    module,
    exports: module.exports,
    process: { platform: process.platform, arch: process.arch, type: 'renderer', sandboxed: true, contextIsolated: true, env: {}, versions: { electron: '41.0.0' } },
    console,
    setTimeout,
    clearTimeout,
    queueMicrotask,
  });
  runInContext(source, context, { filename: 'preload.cjs' });
  return seen;
}

describe('the built preload, run as in a sandboxed window', () => {
  const source = readFileSync(PRELOAD, 'utf8');

  it("runs, requiring nothing but 'electron'", () => {
    const { required } = runSandboxed(source);
    expect([...new Set(required)]).toEqual(['electron']);
  });

  it('exposes only window.workbench: one method per operation and the menu-command subscription', () => {
    const { exposed } = runSandboxed(source);
    expect([...exposed.keys()]).toEqual(['workbench']);
    const bridge = exposed.get('workbench')!;
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onCommand']);
    expect(typeof bridge.onCommand).toBe('function');
    const api = bridge.api as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...operationNames].sort());
    for (const name of operationNames) expect(typeof api[name]).toBe('function');
  });

  it("sends each call on the operation's own channel, with its input", async () => {
    const { exposed, invoked } = runSandboxed(source);
    const api = exposed.get('workbench')!.api as Record<string, (input: unknown) => Promise<unknown>>;
    for (const name of operationNames) await api[name]!({ probe: name });
    expect(invoked).toEqual(operationNames.map((name) => [CHANNEL_PREFIX + name, { probe: name }]));
  });

  it('passes on only the known menu commands, with a short string argument and nothing else', () => {
    const { exposed, listeners } = runSandboxed(source);
    const received: unknown[][] = [];
    const stop = (exposed.get('workbench')!.onCommand as (listener: (...args: unknown[]) => void) => () => void)((...args) => received.push(args));
    const listener = listeners.get(COMMAND_CHANNEL)!;
    listener({}, 'undo');
    listener({}, 'shell.openExternal');
    listener({}, 'open-recent', '0123456789abcdef');
    listener({}, 'open-recent', 'x'.repeat(65));
    listener({}, 'open-recent', { id: '0123456789abcdef' });
    expect(received).toEqual([['undo'], ['open-recent', '0123456789abcdef'], ['open-recent'], ['open-recent']]);
    stop();
    expect(listeners.has(COMMAND_CHANNEL)).toBe(false);
  });

  it('would fail on a bundle that requires a Node module', () => {
    expect(() => runSandboxed(`require("electron"); require("node:fs");`)).toThrow(/not available in a sandboxed preload/);
    expect(() => runSandboxed(`Buffer.from("x")`)).toThrow(/Buffer is not defined/);
  });
});
