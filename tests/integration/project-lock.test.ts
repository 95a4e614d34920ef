/**
 * One program at a time on a project: a second one (the app, the preview or the command line in
 * another process) is refused with a clear message and changes nothing; the lock of a process that
 * was killed is taken over; closing gives the lock back.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../electron/services/project-lock';
import { ProjectStore } from '../../electron/services/project-store';
import { BUNDLED_DOCUMENTS, tempFolder } from '../support/temp';

const CLI = new URL('../../dist/electron/cli.cjs', import.meta.url).pathname;
let holder: string;

beforeAll(async () => {
  holder = join(await tempFolder(), 'project-holder.cjs');
  await build({ entryPoints: [new URL('./children/project-holder.ts', import.meta.url).pathname], bundle: true, platform: 'node', format: 'cjs', outfile: holder, logLevel: 'silent' });
});

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
});
