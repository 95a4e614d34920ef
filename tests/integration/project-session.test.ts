/**
 * The session of projects, through `dispatch` over the handlers as the page calls them, with real
 * folders: none open, new (in the preview's places and through the desktop's dialog), open from
 * the recent list or a place, close, the recent list and the last project at the next start, the
 * project's details, the preview's places kept below their root, and a second program refused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { placesBelow, type ProjectChooser } from '../../electron/services/project-places';
import { ProjectSession } from '../../electron/services/project-session';
import { RECENT_FILE } from '../../electron/services/recent-projects';
import { call } from '../support/calls';
import { BUNDLED_DOCUMENTS, tempFolder } from '../support/temp';

let clock = Date.parse('2026-07-01T09:00:00Z');
/** A clock that moves a minute each time it is read, so that every opening has its own time. */
const now = () => new Date((clock += 60_000));

interface Program {
  session: ProjectSession;
  handlers: Handlers;
  userData: string;
}

/** A program's session over `userData` (a new one when not given), with this chooser. */
async function program(chooser: ProjectChooser, userData?: string): Promise<Program> {
  const data = userData ?? (await tempFolder('workbench-user-data-'));
  const session = await ProjectSession.start({ userData: data, bundledDocuments: BUNDLED_DOCUMENTS, chooser, backups: false, coder: 'ana', now });
  return { session, handlers: createHandlers({ session, chooseSavePath: async () => null, now }), userData: data };
}

/** The desktop's dialogs, as a stand-in: the folder "chosen" for a new project, and the one to open. */
function dialogChooser(answers: { newProject?: string | null; open?: string | null }): ProjectChooser {
  return {
    kind: 'dialog',
    newProjectFolder: async () => answers.newProject ?? null,
    projectToOpen: async () => answers.open ?? null,
    restoreParent: async () => null,
    entries: async () => [],
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code: string }).code;
  }
  throw new Error('expected a failure');
}

describe('the session with no project open', () => {
  it('says so, offers the sample, and refuses every operation on a project with no-project', async () => {
    const { handlers } = await program(placesBelow(await tempFolder()));
    expect(await call(handlers, 'getSession')).toEqual({ project: null, recent: [], chooser: 'places', sampleAvailable: true, notices: [] });
    expect(await codeOf(call(handlers, 'getProject'))).toBe('no-project');
    expect(await codeOf(call(handlers, 'undo'))).toBe('no-project');
    expect(await codeOf(call(handlers, 'setCoder', { name: 'bea' }))).toBe('no-project');
  });
});

describe('a new project', () => {
  it('in the preview: made in <root>/<name>, open, named and described; empty or with the sample texts', async () => {
    const root = await tempFolder();
    const { handlers } = await program(placesBelow(root));
    const empty = await call(handlers, 'newProject', { name: 'Interviews 2026', description: 'Twelve interviews in Goris.', withSample: false });
    expect(empty.project).toMatchObject({ name: 'Interviews 2026', description: 'Twelve interviews in Goris.', folder: join(root, 'Interviews 2026') });
    expect((await call(handlers, 'getProject')).documents).toHaveLength(0);
    const onDisk = JSON.parse(await readFile(join(root, 'Interviews 2026', 'project.json'), 'utf8')) as { name: string; description: string };
    expect(onDisk).toMatchObject({ name: 'Interviews 2026', description: 'Twelve interviews in Goris.' });

    const sample = await call(handlers, 'newProject', { name: 'Sample / press', withSample: true, place: 'sample-project' });
    expect(sample.project).toMatchObject({ name: 'Sample / press', description: '', folder: join(root, 'sample-project') });
    expect((await call(handlers, 'getProject')).documents).toHaveLength(5);
    // Named after the project when no place is given: its slash does not make a folder.
    await call(handlers, 'newProject', { name: 'Sample / press', withSample: false });
    expect((await readdir(root)).sort()).toEqual(['Interviews 2026', 'Sample press', 'sample-project']);
    expect(await call(handlers, 'listPlaces')).toEqual({
      available: true,
      entries: [
        { name: 'Interviews 2026', kind: 'project' },
        { name: 'Sample press', kind: 'project' },
        { name: 'sample-project', kind: 'project' },
      ],
    });
    // A name already taken below the root is refused, and its project left as it was.
    const before = await readFile(join(root, 'Interviews 2026', 'project.json'));
    expect(await codeOf(call(handlers, 'newProject', { name: 'Interviews 2026', withSample: true }))).toBe('conflict');
    expect(await readFile(join(root, 'Interviews 2026', 'project.json'))).toEqual(before);
  });

  it('through the dialog: an empty folder is used, a non-empty one gets a folder named after the project, one with a project is refused', async () => {
    const home = await tempFolder();
    const empty = join(home, 'empty');
    await mkdir(empty);
    const answers: { newProject?: string | null } = { newProject: empty };
    const { handlers } = await program(dialogChooser(answers));
    expect((await call(handlers, 'newProject', { name: 'Study A', withSample: false })).project?.folder).toBe(empty);

    const busy = join(home, 'Documents');
    await mkdir(busy);
    await writeFile(join(busy, 'notes.txt'), 'my notes');
    answers.newProject = busy;
    expect((await call(handlers, 'newProject', { name: 'Study B', withSample: false })).project?.folder).toBe(join(busy, 'Study B'));
    expect((await call(handlers, 'newProject', { name: 'Study B', withSample: false })).project?.folder).toBe(join(busy, 'Study B 2'));
    expect(await readFile(join(busy, 'notes.txt'), 'utf8')).toBe('my notes');

    answers.newProject = empty; // now holds Study A
    const before = await readFile(join(empty, 'project.json'));
    const names = await readdir(empty);
    const refused = call(handlers, 'newProject', { name: 'Study C', withSample: true });
    await expect(refused).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('There is already a project in') });
    expect(await readFile(join(empty, 'project.json'))).toEqual(before);
    expect(await readdir(empty)).toEqual(names);
    // Study B 2 is still the open project.
    expect((await call(handlers, 'getSession')).project?.name).toBe('Study B');
    expect((await call(handlers, 'getSession')).project?.folder).toBe(join(busy, 'Study B 2'));

    answers.newProject = null; // cancelled
    expect((await call(handlers, 'newProject', { name: 'Study D', withSample: false })).project?.folder).toBe(join(busy, 'Study B 2'));
  });
});

describe('closing and opening', () => {
  it('after Close project every project operation answers no-project; the project opens again from the recent list', async () => {
    const root = await tempFolder();
    const { handlers } = await program(placesBelow(root));
    await call(handlers, 'newProject', { name: 'Press', withSample: true });
    const closed = await call(handlers, 'closeProject');
    expect(closed.project).toBeNull();
    expect(await codeOf(call(handlers, 'getProject'))).toBe('no-project');
    const [entry] = closed.recent;
    expect(entry).toMatchObject({ name: 'Press', folder: join(root, 'Press'), missing: false });
    const opened = await call(handlers, 'openProject', { from: 'recent', id: entry.id });
    expect(opened.project?.name).toBe('Press');
    expect((await call(handlers, 'getProject')).documents).toHaveLength(5);
    expect(await codeOf(call(handlers, 'openProject', { from: 'recent', id: 'not-listed' }))).toBe('not-found');
  });

  it('refuses a folder without a project, and the project open before stays open and unchanged', async () => {
    const root = await tempFolder();
    const { handlers } = await program(placesBelow(root));
    await call(handlers, 'newProject', { name: 'Press', withSample: true });
    await mkdir(join(root, 'holiday photos'));
    await writeFile(join(root, 'holiday photos', 'beach.jpg'), 'not a project');
    const refused = call(handlers, 'openProject', { from: 'place', name: 'holiday photos' });
    await expect(refused).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('There is no Annotation Workbench project in') });
    expect(await readdir(join(root, 'holiday photos'))).toEqual(['beach.jpg']);
    expect((await call(handlers, 'getSession')).project?.name).toBe('Press');
    expect((await call(handlers, 'getProject')).documents).toHaveLength(5);
  });

  it('refuses a folder whose project.json is unreadable or another program\'s, naming the file and why, and leaves the folder as it was', async () => {
    const root = await tempFolder();
    const { session, handlers } = await program(placesBelow(root));
    await call(handlers, 'newProject', { name: 'Press', withSample: true });
    const cases = {
      'half written': '{"schemaVersion": 2, "projectId": ',
      'another program': JSON.stringify({ name: 'my-web-app', version: '1.0.0', dependencies: {} }),
    };
    for (const [name, contents] of Object.entries(cases)) {
      const folder = join(root, name);
      await mkdir(folder);
      await writeFile(join(folder, 'project.json'), contents);
      const refused = call(handlers, 'openProject', { from: 'place', name });
      await expect(refused, name).rejects.toMatchObject({
        code: 'project-unreadable',
        message: expect.stringMatching(new RegExp(`${join(folder, 'project.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not an Annotation Workbench project that can be read: .+\\. The folder was left as it is`)),
      });
      // No file set aside, no new project, no documents/, journal, lock or backups/.
      expect(await readdir(folder), name).toEqual(['project.json']);
      expect(await readFile(join(folder, 'project.json'), 'utf8'), name).toBe(contents);
    }
    expect(session.store?.name).toBe('Press');
  });

  it('refuses a path that is neither a folder nor an archive, or is not there, with a sentence (never an internal error)', async () => {
    const root = await tempFolder();
    const { session } = await program(placesBelow(root));
    await session.create(join(root, 'press'), { name: 'Press', description: '', withSample: false });
    await writeFile(join(root, 'notes.txt'), 'not a project');
    await expect(session.open(join(root, 'notes.txt'))).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('is neither a project folder nor a project archive') });
    await expect(session.open(join(root, 'notes.txt', 'inside'))).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('is not there any more') });
    await expect(session.open(join(root, 'gone.awbproj'))).rejects.toMatchObject({ code: 'not-found' });
    await expect(session.open(join(root, 'gone'))).rejects.toMatchObject({ code: 'not-found' });
    expect(await readdir(root)).toEqual(['notes.txt', 'press']);
    expect(session.store?.name).toBe('Press');
  });

  it('through the dialog: opens the folder chosen; a cancelled dialog changes nothing', async () => {
    const home = await tempFolder();
    const answers: { newProject?: string | null; open?: string | null } = { newProject: join(home, 'one') };
    const { handlers } = await program(dialogChooser(answers));
    await call(handlers, 'newProject', { name: 'One', withSample: false });
    answers.newProject = join(home, 'two');
    await call(handlers, 'newProject', { name: 'Two', withSample: false });
    answers.open = join(home, 'one');
    expect((await call(handlers, 'openProject', { from: 'dialog' })).project?.name).toBe('One');
    answers.open = null;
    expect((await call(handlers, 'openProject', { from: 'dialog' })).project?.name).toBe('One');
  });
});

describe('the recent list', () => {
  it('keeps the last ten, newest first; marks a missing folder; Forget removes it', async () => {
    const root = await tempFolder();
    const { handlers } = await program(placesBelow(root));
    for (let i = 1; i <= 12; i++) await call(handlers, 'newProject', { name: `Study ${i}`, withSample: false });
    // Opening an older one puts it on top again.
    const state = await call(handlers, 'getSession');
    const third = state.recent.find((r) => r.name === 'Study 3')!;
    await call(handlers, 'openProject', { from: 'recent', id: third.id });
    let recent = (await call(handlers, 'getSession')).recent;
    expect(recent.map((r) => r.name)).toEqual(['Study 3', 'Study 12', 'Study 11', 'Study 10', 'Study 9', 'Study 8', 'Study 7', 'Study 6', 'Study 5', 'Study 4']);
    expect(recent.map((r) => r.openedAt)).toEqual([...recent.map((r) => r.openedAt)].sort().reverse());

    await rm(join(root, 'Study 7'), { recursive: true });
    recent = (await call(handlers, 'getSession')).recent;
    expect(recent.filter((r) => r.missing).map((r) => r.name)).toEqual(['Study 7']);
    const gone = recent.find((r) => r.missing)!;
    expect(await codeOf(call(handlers, 'openProject', { from: 'recent', id: gone.id }))).toBe('not-found');
    expect((await call(handlers, 'getSession')).project?.name).toBe('Study 3');
    recent = (await call(handlers, 'forgetRecent', { id: gone.id })).recent;
    expect(recent.map((r) => r.name)).not.toContain('Study 7');
    expect(recent).toHaveLength(9);
  });

  it('opens the last project at the next start, and none after Close project', async () => {
    const root = await tempFolder();
    const first = await program(placesBelow(root));
    await call(first.handlers, 'newProject', { name: 'Press', withSample: true });
    await first.session.shutdown(); // the program ends with the project open

    const second = await program(placesBelow(root), first.userData);
    await second.session.openLast();
    expect((await call(second.handlers, 'getSession')).project?.name).toBe('Press');
    await call(second.handlers, 'closeProject');
    await second.session.shutdown();

    const third = await program(placesBelow(root), first.userData);
    await third.session.openLast();
    const state = await call(third.handlers, 'getSession');
    expect(state.project).toBeNull();
    expect(state.recent.map((r) => r.name)).toEqual(['Press']);
  });

  it('tells at the next start when the last project can no longer be opened', async () => {
    const root = await tempFolder();
    const first = await program(placesBelow(root));
    await call(first.handlers, 'newProject', { name: 'Press', withSample: false });
    await first.session.shutdown();
    await rm(join(root, 'Press'), { recursive: true });
    const second = await program(placesBelow(root), first.userData);
    await second.session.openLast();
    const state = await call(second.handlers, 'getSession');
    expect(state.project).toBeNull();
    expect(state.notices).toEqual([expect.stringContaining(`The last project (${join(root, 'Press')}) could not be opened`)]);
  });

  it('an unreadable list is set aside, with a notice, and starts empty; one set aside before is kept', async () => {
    const userData = await tempFolder('workbench-user-data-');
    const damaged = ['{"version": 1, "projects": [ {"folder": ', '{"version": 7}'];
    for (const text of damaged) {
      await writeFile(join(userData, RECENT_FILE), text);
      const { handlers } = await program(placesBelow(await tempFolder()), userData);
      const state = await call(handlers, 'getSession');
      expect(state.recent).toEqual([]);
      expect(state.notices).toEqual([expect.stringMatching(/^The list of recent projects could not be read; it was kept as .*recent-projects\.unreadable-.*\.json and starts empty\.$/)]);
    }
    const kept = (await readdir(userData)).filter((name) => name.startsWith('recent-projects.unreadable-'));
    expect((await Promise.all(kept.map((name) => readFile(join(userData, name), 'utf8')))).sort()).toEqual([...damaged].sort());
  });
});

describe('the project’s details', () => {
  it('persist across reopening and rename the entry of the recent list', async () => {
    const root = await tempFolder();
    const first = await program(placesBelow(root));
    await call(first.handlers, 'newProject', { name: 'Press', withSample: false });
    const details = await call(first.handlers, 'setProjectDetails', { name: '  Press   coverage 2020 ', description: 'Armenian and Azerbaijani outlets.\nSecond line.' });
    expect(details).toMatchObject({ name: 'Press coverage 2020', description: 'Armenian and Azerbaijani outlets.\nSecond line.' });
    expect((await call(first.handlers, 'getSession')).recent[0].name).toBe('Press coverage 2020');
    await first.session.shutdown();

    const second = await program(placesBelow(root), first.userData);
    expect((await call(second.handlers, 'getSession')).recent[0].name).toBe('Press coverage 2020');
    await call(second.handlers, 'openProject', { from: 'place', name: 'Press' });
    expect((await call(second.handlers, 'getSession')).project).toMatchObject({ name: 'Press coverage 2020', description: 'Armenian and Azerbaijani outlets.\nSecond line.' });
    expect(await codeOf(call(second.handlers, 'setProjectDetails', { name: '   ', description: '' }))).toBe('invalid-input');
    await call(second.handlers, 'closeProject');
    expect(await codeOf(call(second.handlers, 'setProjectDetails', { name: 'x', description: '' }))).toBe('no-project');
  });
});

describe('the preview’s places stay below their root', () => {
  it('refuses .., names with slashes or backslashes, NUL, and a link that leads outside', async () => {
    const home = await tempFolder();
    const root = join(home, 'root');
    await mkdir(root);
    const outside = join(home, 'outside');
    await mkdir(outside);
    await writeFile(join(outside, 'secret.txt'), 'not for the preview');
    await symlink(outside, join(root, 'shortcut'));
    const chooser = placesBelow(root);
    const { handlers } = await program(chooser);

    for (const name of ['..', '.', '../outside', 'a/b', 'a\\b', '..\\outside', 'nul\0name', 'shortcut']) {
      await expect(chooser.projectToOpen(name), name).rejects.toMatchObject({ code: 'forbidden' });
      await expect(chooser.newProjectFolder('x', name), name).rejects.toMatchObject({ code: 'forbidden' });
      // Through the contract, too: refused before the chooser is asked, or by it.
      expect(['invalid-input', 'forbidden'], name).toContain(await codeOf(call(handlers, 'openProject', { from: 'place', name })));
      expect(['invalid-input', 'forbidden'], name).toContain(await codeOf(call(handlers, 'newProject', { name: 'x', withSample: false, place: name })));
    }
    expect(await readdir(outside)).toEqual(['secret.txt']);
    expect((await call(handlers, 'listPlaces')).entries).toEqual([]);
    expect((await call(handlers, 'getSession')).project).toBeNull();
  });
});

describe('two programs on one project', () => {
  let holder: string;
  beforeAll(async () => {
    holder = join(await tempFolder(), 'session-holder.cjs');
    await build({ entryPoints: [new URL('./children/session-holder.ts', import.meta.url).pathname], bundle: true, platform: 'node', format: 'cjs', outfile: holder, logLevel: 'silent' });
  });

  it('the second is refused by the lock with a message naming the first, and keeps its own project open', async () => {
    const root = await tempFolder();
    const { session, handlers } = await program(placesBelow(root));
    await call(handlers, 'newProject', { name: 'Shared', withSample: true });
    await call(handlers, 'newProject', { name: 'Mine', withSample: false });
    const child: ChildProcess = spawn(process.execPath, [holder, join(root, 'Shared'), await tempFolder()], { stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise((resolve, reject) => {
      child.stdout!.on('data', (data: Buffer) => data.toString().includes('ready') && resolve(null));
      child.on('exit', (code) => reject(new Error(`the other program exited (${code})`)));
    });
    try {
      const refused = call(handlers, 'openProject', { from: 'place', name: 'Shared' });
      await expect(refused).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(new RegExp(`The project in .*Shared is open in another Annotation Workbench \\(process ${child.pid}, since .*\\).*Close it there first`)),
      });
      expect(session.requireStore().name).toBe('Mine');
    } finally {
      child.stdin!.end();
      await new Promise((resolve) => child.on('exit', resolve));
    }
    // Once the other program has closed it, it opens here.
    expect((await call(handlers, 'openProject', { from: 'place', name: 'Shared' })).project?.name).toBe('Shared');
    await session.shutdown();
  });
});
