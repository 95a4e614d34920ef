/**
 * One project, one folder, portable: a project folder moved, copied, renamed or put under a path
 * with spaces and letters beyond ASCII opens through the session with the same state, and nothing
 * in it names the place where it was made, not even a lock that came along with it. A lock from
 * another computer is refused wherever the folder is, since a synced copy looks like a moved one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile, open } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/handlers/handlers';
import { LOCK_FILE } from '../../electron/project/project-lock';
import { ProjectSession } from '../../electron/services/project-session';
import { call } from '../support/calls';
import { BUNDLED_DOCUMENTS, tempFolder } from '../support/temp';

const NOW = new Date('2026-06-01T12:00:00Z');
const INTERVIEW = 'Interview 3, Goris.\nThe road was closed for a week; nobody told us why.\n';

async function startSession(): Promise<ProjectSession> {
  return ProjectSession.start({ userData: await tempFolder(), bundledDocuments: BUNDLED_DOCUMENTS, backups: false, coder: 'ana', now: () => NOW });
}

/** Makes a project in `folder`: the sample texts, a coded passage, an imported document, a variable with a value; then closes it. */
async function makeProject(folder: string): Promise<void> {
  const session = await startSession();
  const handlers = createHandlers({ session, chooseSavePath: async () => null });
  await session.create(folder, { name: 'Karabakh press 2020', description: 'Five texts from opposing standpoints.', withSample: true });
  const [first] = (await call(handlers, 'getProject')).documents;
  const { text } = await call(handlers, 'openDocument', { documentId: first.id });
  const start = text.indexOf(text.trim().split(/\s+/)[2]);
  await call(handlers, 'addSegment', { id: crypto.randomUUID(), documentId: first.id, codeId: 'opinion', start, end: start + 12 });
  // Named as a script might send it, with the folders it came from: only the file's name is kept.
  const imported = await call(handlers, 'importDocument', { name: `${folder}-sources/Interview 3.txt`, data: Buffer.from(INTERVIEW).toString('base64') });
  expect(imported.duplicateOf).toBeNull();
  await call(handlers, 'defineVariable', { name: 'outlet', type: 'text', choices: [] });
  await call(handlers, 'setDocumentValue', { documentId: first.id, name: 'outlet', value: 'Azatutyun' });
  await session.shutdown();
}

/** The state of the project in `folder`, opened through a new session, with every document's text. */
async function stateAt(folder: string) {
  const session = await startSession();
  await session.open(folder);
  const store = session.requireStore();
  const texts = await Promise.all(store.documents.map((d) => store.text(d.id)));
  const { projectId, name, description, documents, codes, segments, variables, history } = structuredClone(store.state as typeof store.state & { history: unknown; projectId: string; name: string; description: string });
  await session.shutdown();
  return { projectId, name, description, documents, codes, segments, variables, history, texts };
}

/** Every file below `folder` that holds `words`, by name. */
async function filesHolding(folder: string, words: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path)).includes(Buffer.from(words))) found.push(path.slice(folder.length + 1));
  }
  return found;
}

describe('a project folder is portable', () => {
  it('opens with the same state moved, copied, renamed, and under a path with spaces and non-ASCII letters; no file names the old place', async () => {
    const home = await tempFolder();
    const made = join(home, 'made-here', 'study');
    await makeProject(made);
    const original = await stateAt(made);
    expect(original.name).toBe('Karabakh press 2020');
    expect(original.documents).toHaveLength(6);
    expect(original.segments).toHaveLength(1);
    expect(original.variables.map((v) => v.name)).toEqual(['outlet']);
    // Documents are named relative to the folder, sources by file name only.
    for (const document of original.documents) expect(document.file).not.toMatch(/[\\/]/);
    expect(original.documents.find((d) => d.source)?.source?.name).toBe('Interview 3.txt');

    const copied = join(home, 'copies', 'study copy');
    await cp(made, copied, { recursive: true });
    const renamed = join(home, 'made-here', 'study, renamed');
    await rename(made, renamed);
    const moved = join(home, 'elsewhere', 'deeper', 'study');
    await mkdir(join(home, 'elsewhere', 'deeper'), { recursive: true });
    await rename(renamed, moved);
    const unusual = join(home, 'Études 2026', 'Projekt Ärger – Ереван 研究');
    await mkdir(join(home, 'Études 2026'));
    await cp(moved, unusual, { recursive: true });

    for (const folder of [copied, moved, unusual]) {
      expect(await stateAt(folder), folder).toEqual(original);
      expect(await filesHolding(folder, join(home, 'made-here')), folder).toEqual([]);
      expect(await filesHolding(folder, home), folder).toEqual([]);
    }
  });
});

describe('a lock that came along with the folder', () => {
  let holder: string;
  beforeAll(async () => {
    holder = join(await tempFolder(), 'project-holder.cjs');
    await build({ entryPoints: [new URL('./children/project-holder.ts', import.meta.url).pathname], bundle: true, platform: 'node', format: 'cjs', outfile: holder, logLevel: 'silent' });
  });

  /** Starts another program that holds the project in `folder` open; resolves once it has. */
  function hold(folder: string): Promise<ChildProcess> {
    const child = spawn(process.execPath, [holder, folder, BUNDLED_DOCUMENTS], { stdio: ['pipe', 'pipe', 'inherit'] });
    return new Promise((resolve, reject) => {
      child.stdout!.on('data', (data: Buffer) => data.toString().includes('ready') && resolve(child));
      child.on('exit', (code) => reject(new Error(`the holder exited (${code})`)));
    });
  }

  it('copied while another program has the project open: the copy opens, the original stays refused', async () => {
    const home = await tempFolder();
    const original = join(home, 'study');
    const child = await hold(original);
    try {
      const copy = join(home, 'study on a stick');
      await cp(original, copy, { recursive: true });
      expect(JSON.parse(await readFile(join(copy, LOCK_FILE), 'utf8')).pid).toBe(child.pid);
      // Not even the lock names where the project was.
      expect(await filesHolding(copy, original)).toEqual([]);
      const session = await startSession();
      await session.open(copy);
      expect(session.requireStore().folder).toBe(copy);
      await session.shutdown();
      await expect(session.open(original)).rejects.toThrow(new RegExp(`open in another Annotation Workbench \\(process ${child.pid}`));
    } finally {
      child.stdin!.end();
      await new Promise((resolve) => child.on('exit', resolve));
    }
  });

  it('from another computer: refused, copied here (a synced drive gives the copy its own inode) or in its own folder, saying how to go on', async () => {
    const home = await tempFolder();
    const shared = join(home, 'network drive', 'study');
    await makeProject(shared);
    // The lock as the office computer made it: its record names the lock file's own inode there.
    const lockFile = join(shared, LOCK_FILE);
    const handle = await open(lockFile, 'wx');
    const inode = (await handle.stat({ bigint: true })).ino.toString();
    await handle.writeFile(`${JSON.stringify({ pid: 4242, host: `office-${hostname()}`, since: '2026-05-31T17:00:00.000Z', token: 'office', place: 'a-folder-on-the-office-computer', inode })}\n`);
    await handle.close();

    const copy = join(home, 'laptop', 'study');
    await cp(shared, copy, { recursive: true });
    const session = await startSession();
    for (const folder of [copy, shared]) {
      const lock = join(folder, LOCK_FILE);
      const before = await readFile(lock, 'utf8');
      await expect(session.open(folder), folder).rejects.toThrow(/open on another computer \(office-.*Close it there first/);
      await expect(session.open(folder), folder).rejects.toThrow(`delete ${lock} and open the project again`);
      expect(await readFile(lock, 'utf8')).toBe(before);
    }
    expect(session.store).toBeNull();
    // Once the researcher has closed it there and deleted the lock as told, the copy opens.
    await rm(join(copy, LOCK_FILE));
    await session.open(copy);
    expect(session.requireStore().name).toBe('Karabakh press 2020');
    await session.shutdown();
  });

  it('left by a program that crashed, then moved: opens', async () => {
    const home = await tempFolder();
    const folder = join(home, 'study');
    const child = await hold(folder);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const moved = join(home, 'moved study');
    await rename(folder, moved);
    const session = await startSession();
    await session.open(moved);
    expect(JSON.parse(await readFile(join(moved, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await session.shutdown();
  });

  it('written by an older version (no place, no inode) is judged by its holder, as before', async () => {
    const folder = join(await tempFolder(), 'study');
    await makeProject(folder);
    await writeFile(join(folder, LOCK_FILE), `${JSON.stringify({ pid: 4242, host: `office-${hostname()}`, since: '2026-05-31T17:00:00.000Z', token: 'old' })}\n`);
    const session = await startSession();
    await expect(session.open(folder)).rejects.toThrow(/open on another computer/);
  });
});
