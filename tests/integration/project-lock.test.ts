/**
 * One program at a time on a project: a second one (the app, the preview or the command line in
 * another process) is refused with a clear message and changes nothing; the lock of a process that
 * was killed is taken over; closing gives the lock back.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../electron/project/project-lock';
import { ProjectStore } from '../../electron/project/project-store';
import { BUNDLED_DOCUMENTS, tempFolder } from '../support/temp';

const CLI = new URL('../../dist/electron/cli.cjs', import.meta.url).pathname;
let holder: string;
let contender: string;

beforeAll(async () => {
  const children = await tempFolder();
  holder = join(children, 'project-holder.cjs');
  contender = join(children, 'lock-contender.cjs');
  await build({ entryPoints: [new URL('./children/project-holder.ts', import.meta.url).pathname], bundle: true, platform: 'node', format: 'cjs', outfile: holder, logLevel: 'silent' });
  await build({ entryPoints: [new URL('./children/lock-contender.ts', import.meta.url).pathname], bundle: true, platform: 'node', format: 'cjs', outfile: contender, logLevel: 'silent' });
});

/** The id of a process that has ended: its lock is stale. */
function deadProcessId(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

/** Starts `count` contenders, lets them all go at once, and returns what each said (and the processes). */
async function race(folder: string, count: number): Promise<{ answers: string[]; children: ChildProcess[] }> {
  const children = Array.from({ length: count }, () => spawn(process.execPath, [contender, folder], { stdio: ['pipe', 'pipe', 'inherit'] }));
  const lines = children.map(
    (child) =>
      new Promise<string[]>((resolve, reject) => {
        let out = '';
        const said: string[] = [];
        child.stdout!.on('data', (data: Buffer) => {
          out += data.toString();
          const complete = out.split('\n');
          out = complete.pop()!;
          said.push(...complete);
          if (said.length === 1 && said[0] === 'waiting') child.emit('waiting');
          if (said.length === 2) resolve(said);
        });
        child.on('exit', (code) => reject(new Error(`a contender exited (${code}) having said ${JSON.stringify(said)}`)));
      }),
  );
  // Every contender is loaded and waiting before any is let go.
  await Promise.all(children.map((child) => new Promise((resolve) => child.once('waiting', resolve))));
  for (const child of children) child.stdin!.write('go\n');
  const answers = (await Promise.all(lines)).map((said) => said[1]);
  return { answers, children };
}

/** Starts a process that holds the project open; resolves once it has. */
function hold(folder: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [holder, folder, BUNDLED_DOCUMENTS], { stdio: ['pipe', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (data: Buffer) => data.toString().includes('ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`the holder exited (${code})`)));
  });
}

describe('one program at a time on a project', () => {
  it('refuses a second process with a message naming the first, and lets it in once the first has closed', async () => {
    const folder = join(await tempFolder(), 'project');
    const child = await hold(folder);
    const before = await readFile(join(folder, 'project.json'));
    await expect(ProjectStore.open({ folder, bundledDocuments: BUNDLED_DOCUMENTS })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(new RegExp(`open in another Annotation Workbench \\(process ${child.pid}, since .*\\).*Close it there first`)),
    });
    // The command line too, with its exit code for "no readable project".
    const cli = spawnSync('node', [CLI, 'list', '--project', folder]);
    expect(cli.status).toBe(2);
    expect(cli.stderr.toString()).toContain(`open in another Annotation Workbench (process ${child.pid}`);
    expect(await readFile(join(folder, 'project.json'))).toEqual(before);

    child.stdin!.end();
    await new Promise((resolve) => child.on('exit', resolve));
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
    const store = await ProjectStore.open({ folder, bundledDocuments: BUNDLED_DOCUMENTS });
    expect(existsSync(join(folder, LOCK_FILE))).toBe(true);
    await store.close();
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
  });

  it('takes over the lock of a process that was killed', async () => {
    const folder = join(await tempFolder(), 'project');
    const child = await hold(folder);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(JSON.parse(await readFile(join(folder, LOCK_FILE), 'utf8')).pid).toBe(child.pid);
    const store = await ProjectStore.open({ folder, bundledDocuments: BUNDLED_DOCUMENTS });
    expect(JSON.parse(await readFile(join(folder, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await store.close();
  });

  it('lets exactly one of several programs started at once take over a stale lock, round after round', async () => {
    const folder = join(await tempFolder(), 'project');
    await mkdir(folder);
    const stale = { pid: deadProcessId(), host: hostname(), since: new Date().toISOString(), token: 'left-by-a-crash' };
    await writeFile(join(folder, LOCK_FILE), `${JSON.stringify(stale)}\n`);
    for (let round = 0; round < 20; round++) {
      const { answers, children } = await race(folder, 4);
      const locked = answers.filter((answer) => answer === 'locked');
      expect(locked, `round ${round}: ${answers.join(' | ')}`).toHaveLength(1);
      for (const answer of answers.filter((a) => a !== 'locked')) expect(answer).toMatch(/^refused .*open in another Annotation Workbench/);
      // The winner is killed: its lock is the stale lock of the next round.
      await Promise.all(children.map((child) => new Promise((resolve) => (child.kill('SIGKILL'), child.once('exit', resolve)))));
      const left = JSON.parse(await readFile(join(folder, LOCK_FILE), 'utf8'));
      expect(children.map((child) => child.pid)).toContain(left.pid);
    }
  });

  it('never writes through a symbolic link planted as the lock', async () => {
    const folder = join(await tempFolder(), 'project');
    await mkdir(folder);
    const victim = join(await tempFolder(), 'notes.txt');
    await writeFile(victim, 'my notes');
    await symlink(victim, join(folder, LOCK_FILE));
    const store = await ProjectStore.open({ folder, bundledDocuments: BUNDLED_DOCUMENTS });
    expect(JSON.parse(await readFile(join(folder, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await store.close();
    expect(await readFile(victim, 'utf8')).toBe('my notes');
  });
});
