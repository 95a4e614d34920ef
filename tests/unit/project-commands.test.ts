// Changes of project from the page (renderer/services/projects.ts) and the menu's project commands
// (renderer/commands/menu.ts) over the real store and a recording bridge: the page starts afresh
// only once every call under way has been answered, only when the open project changed, and
// without a project the workspace's menu commands do nothing.
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

beforeAll(async () => {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {
    // A memo whose save is still on its way when the project changes.
    setSegmentMemo: () => new Promise((resolve) => (memoAnswer = () => resolve({ ok: true, value: null }))),
    closeProject: async () => (calls.push('closeProject'), { ok: true, value: sessionAfter }),
    newProject: async () => (calls.push('newProject'), { ok: true, value: sessionAfter }),
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
});

// A moment for anything that would wrongly run before the answer (a check that nothing happened yet).
const moment = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('changes of project from the page', () => {
  it('starts afresh on project-changed only once the calls under way are answered', async () => {
    const { api } = await import('../../renderer/services/api-client');
    const memo = api.setSegmentMemo({ segmentId: 's', memo: 'typed just now' } as never);
    menu.runMenuCommand('project-changed');
    await moment();
    expect(reloads).toBe(0);
    memoAnswer!();
    await memo;
    await vi.waitFor(() => expect(reloads).toBe(1));
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
