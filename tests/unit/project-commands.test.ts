// Changes of project from the page (renderer/services/projects.ts) and the menu's project commands
// (renderer/commands/menu.ts) over the real store and a recording bridge: the page starts afresh
// only once every call under way has been answered, only when the open project changed, and
// without a project the workspace's menu commands do nothing. No change starts while a save has
// failed or another change runs; one that fails half-way starts afresh on what is open.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { projectOverview } from '../support/page-state';

let menu: typeof import('../../renderer/commands/menu');
let projects: typeof import('../../renderer/services/projects');
let store: typeof import('../../renderer/store');
const calls: string[] = [];
let reloads = 0;
let memoAnswer: (() => void) | null = null;
const media = { projectId: 'p-media', name: 'Media study', description: '', folder: '/studies/media' };
const session = (project: typeof media | null) => ({ project, recent: [], chooser: 'dialog', sampleAvailable: true, notices: [] });
let sessionAfter: ReturnType<typeof session> = session(null);
// What getSession answers (after a failed change, the page asks again).
let sessionNow: ReturnType<typeof session> = session(media);
// How a change of project answers; a failure unless null.
let changeFails: string | null = null;
let openAnswer: (() => void) | null = null;
const stored = new Map<string, string>();

beforeAll(async () => {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {
    // A memo whose save is still on its way when the project changes.
    setSegmentMemo: () => new Promise((resolve) => (memoAnswer = () => resolve({ ok: true, value: null }))),
    closeProject: async () => (calls.push('closeProject'), changeFails ? { ok: false, error: { code: 'io', message: changeFails } } : { ok: true, value: sessionAfter }),
    newProject: async () => (calls.push('newProject'), { ok: true, value: sessionAfter }),
    // An opening that waits to be answered, to see what the page does meanwhile.
    openProject: (input) =>
      new Promise((resolve) => {
        calls.push(`openProject ${JSON.stringify(input)}`);
        openAnswer = () => resolve({ ok: true, value: sessionAfter });
      }),
    restoreBackup: async () => (calls.push('restoreBackup'), { ok: false, error: { code: 'invalid-input', message: changeFails ?? 'damaged' } }),
    getSession: async () => (calls.push('getSession'), { ok: true, value: sessionNow }),
  };
  (globalThis as Record<string, unknown>).sessionStorage = {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => stored.set(key, value),
    removeItem: (key: string) => stored.delete(key),
  };
  (globalThis as Record<string, unknown>).window = {
    workbench: { api: new Proxy(api, { get: (target, name) => target[name as string] ?? (async () => ({ ok: true, value: null })) }), onCommand: () => () => undefined },
    location: { reload: () => (reloads += 1) },
  };
  (globalThis as Record<string, unknown>).document = { activeElement: null, documentElement: {} };
  (globalThis as Record<string, unknown>).HTMLElement = class {};
  menu = await import('../../renderer/commands/menu');
  projects = await import('../../renderer/services/projects');
  store = await import('../../renderer/store');
});

beforeEach(() => {
  store.update({ ...store.initialState(), project: projectOverview(), session: session(media) as never });
  calls.length = 0;
  reloads = 0;
  memoAnswer = null;
  openAnswer = null;
  changeFails = null;
  sessionNow = session(media);
  stored.clear();
});

// A moment for anything that would wrongly run before the answer (a check that nothing happened yet).
const moment = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('changes of project from the page', () => {
  it("opens the menu's recent project only once the calls under way are answered, then starts afresh", async () => {
    const { api } = await import('../../renderer/services/api-client');
    const memo = api.setSegmentMemo({ segmentId: 's', memo: 'typed just now' } as never);
    sessionAfter = session({ ...media, projectId: 'p-other', folder: '/studies/other' });
    menu.runMenuCommand('open-recent', '0123456789abcdef');
    await moment();
    expect(calls).toEqual([]);
    memoAnswer!();
    await memo;
    await vi.waitFor(() => expect(calls).toEqual(['openProject {"from":"recent","id":"0123456789abcdef"}']));
    openAnswer!();
    await vi.waitFor(() => expect(reloads).toBe(1));
  });

  it('runs one change of project at a time: while one runs, the others are greyed and ignored', async () => {
    const { commandsFor } = await import('../../renderer/commands/registry');
    sessionAfter = session({ ...media, projectId: 'p-other', folder: '/studies/other' });
    projects.openRecent('0123456789abcdef');
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(store.getState().projectBusy).toBe('changing');
    const state = store.getState();
    for (const id of ['new-project', 'open-project', 'restore-backup', 'close-project']) {
      expect(commandsFor(state).find((command) => command.id === id)?.unavailable?.(state)).toBe('reasons.changingProject');
    }
    projects.openRecent('fedcba9876543210');
    projects.closeProject();
    expect(await projects.restoreBackup('b1')).toBe('Another project is being opened; wait until it has opened.');
    await moment();
    expect(calls).toHaveLength(1);
    openAnswer!();
    await vi.waitFor(() => expect(reloads).toBe(1));
  });

  it('lets another change start once one has failed', async () => {
    changeFails = 'The disk is full';
    projects.closeProject();
    await vi.waitFor(() => expect(store.getState().message?.text).toBe('The disk is full'));
    expect(store.getState().projectBusy).toBeNull();
    expect(reloads).toBe(0);
    changeFails = null;
    projects.closeProject();
    await vi.waitFor(() => expect(reloads).toBe(1));
  });

  it('refuses every change of project while a save has failed, saying why and what to do', async () => {
    store.update({ saveError: 'ENOSPC: no space left on device' });
    const refusal = 'Your latest changes are not saved yet';
    projects.closeProject();
    await vi.waitFor(() => expect(store.getState().message?.text).toContain(refusal));
    store.update({ message: null });
    projects.openRecent('0123456789abcdef');
    await vi.waitFor(() => expect(store.getState().message?.text).toContain(refusal));
    expect(await projects.restoreBackup('b1')).toContain(refusal);
    expect(await projects.newProject({ name: 'Other', description: '', withSample: false })).toContain(refusal);
    store.update({ message: null });
    menu.runMenuCommand('new-project');
    menu.runMenuCommand('restore-backup');
    expect(store.getState().projectDialog).toBeNull();
    expect(store.getState().message?.text).toContain(refusal);
    await moment();
    expect(calls).toEqual([]);
    expect(reloads).toBe(0);
  });

  it('after a change that failed, stays with the message when the project is still open', async () => {
    changeFails = 'The backup is damaged';
    expect(await projects.restoreBackup('b1')).toBe('The backup is damaged');
    expect(calls).toEqual(['restoreBackup', 'getSession']);
    expect(reloads).toBe(0);
    expect(store.getState().projectBusy).toBeNull();
  });

  it('after a change that failed half-way (the project is no longer open), starts afresh and keeps the message for after', async () => {
    changeFails = 'The backup is damaged';
    sessionNow = session(null);
    expect(await projects.restoreBackup('b1')).toBeNull();
    expect(reloads).toBe(1);
    // The page after the start afresh shows it.
    await projects.loadSession();
    expect(store.getState().message).toMatchObject({ kind: 'error', text: 'The backup is damaged' });
    expect(stored.size).toBe(0);
  });

  it('closes the project after the calls under way, then starts afresh on the start screen', async () => {
    const { api } = await import('../../renderer/services/api-client');
    void api.setSegmentMemo({ segmentId: 's', memo: 'typed just now' } as never);
    sessionAfter = session(null);
    menu.runMenuCommand('close-project');
    await moment();
    expect(calls).toEqual([]);
    memoAnswer!();
    await vi.waitFor(() => expect(reloads).toBe(1));
    expect(calls).toEqual(['closeProject']);
  });

  it('stays on the project when the folder dialog of New project is cancelled', async () => {
    sessionAfter = session(media);
    expect(await projects.newProject({ name: 'Other', description: '', withSample: false })).toBeNull();
    expect(calls).toEqual(['newProject']);
    expect(reloads).toBe(0);
  });

  it('opens the project dialogs from the menu, and leaves the workspace commands alone without a project', () => {
    menu.runMenuCommand('restore-backup');
    expect(store.getState().projectDialog).toBe('restore-backup');
    store.update({ project: null, session: session(null) as never, projectDialog: null, dialog: null });
    menu.runMenuCommand('export-dialog');
    expect(store.getState().dialog).toBeNull();
    menu.runMenuCommand('project-details');
    expect(store.getState().projectDialog).toBeNull();
    menu.runMenuCommand('new-project');
    expect(store.getState().projectDialog).toBe('new-project');
  });
});
