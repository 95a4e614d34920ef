/**
 * `npm start`'s launcher (build/start.mjs), run as a real process: without Electron's program it
 * says so in one sentence and fails; with a program (a small stand-in named through the electron
 * package's own ELECTRON_OVERRIDE_DIST_PATH) it starts it on the app folder, passes on its exit
 * code and hands it the signal that ends the launcher.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmod, cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const LAUNCHER = join(root, 'build', 'start.mjs');
const ELECTRON_PACKAGE = join(root, 'node_modules', 'electron');

/** The environment of a shell, without any Electron override the test runner may carry. */
function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { ELECTRON_OVERRIDE_DIST_PATH: _ignored, ...rest } = process.env;
  return { ...rest, ...extra };
}

function expectOneSentenceAndFailure(result: { status: number | null; stdout: string; stderr: string }): void {
  expect(result.status).not.toBe(0);
  expect(result.status).not.toBeNull();
  expect(result.stdout).toBe('');
  const said = result.stderr.trim();
  expect(said.split('\n')).toHaveLength(1);
  expect(said).not.toMatch(/^\s*at /m);
  expect(said).toMatch(/Electron's program is not installed/);
  expect(said).toMatch(/`npm rebuild electron`/);
  expect(said).toMatch(/`npm run preview`/);
}

/** A folder holding a stand-in `electron` program: `body` is its shell script. */
async function fakeElectron(body: string): Promise<string> {
  const folder = await tempFolder('workbench-electron-');
  await writeFile(join(folder, 'electron'), `#!/bin/sh\n${body}\n`);
  await chmod(join(folder, 'electron'), 0o755);
  return folder;
}

describe('npm start', () => {
  it("says in one sentence what is missing where the electron package never downloaded its program, as on a machine installed with ELECTRON_SKIP_BINARY_DOWNLOAD", async () => {
    // A copy of the app's launcher beside the electron package's own path logic, without dist/:
    // the package throws "Electron failed to install correctly" there, as it does on such a machine.
    const app = await tempFolder('workbench-app-');
    await mkdir(join(app, 'build'));
    await cp(LAUNCHER, join(app, 'build', 'start.mjs'));
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', type: 'module' }));
    await mkdir(join(app, 'node_modules', 'electron'), { recursive: true });
    for (const file of ['index.js', 'package.json']) await cp(join(ELECTRON_PACKAGE, file), join(app, 'node_modules', 'electron', file));
    expect(existsSync(join(app, 'node_modules', 'electron', 'dist'))).toBe(false);
    const thrown = spawnSync(process.execPath, ['-e', "require('electron')"], { cwd: app, encoding: 'utf8', env: environment() });
    expect(thrown.stderr).toMatch(/Electron failed to install correctly/);

    expectOneSentenceAndFailure(spawnSync(process.execPath, [join(app, 'build', 'start.mjs')], { encoding: 'utf8', env: environment() }));
  });

  it('says the same where the program the package names does not exist', async () => {
    const empty = await tempFolder('workbench-electron-');
    expectOneSentenceAndFailure(spawnSync(process.execPath, [LAUNCHER], { encoding: 'utf8', env: environment({ ELECTRON_OVERRIDE_DIST_PATH: empty }) }));
  });

  it("starts Electron's program on the app folder with the arguments given, and ends with its exit code", async () => {
    const out = await tempFolder();
    const record = join(out, 'arguments.txt');
    const program = await fakeElectron(`printf '%s\\n' "$@" > "${record}"\nexit 7`);
    const result = spawnSync(process.execPath, [LAUNCHER, '--lang=de'], { encoding: 'utf8', env: environment({ ELECTRON_OVERRIDE_DIST_PATH: program }) });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(7);
    expect((await readFile(record, 'utf8')).split('\n')).toEqual([root, '--lang=de', '']);
  });

  it('hands a terminating signal on to the program and ends as the program ends', async () => {
    const out = await tempFolder();
    const marker = join(out, 'terminated.txt');
    const program = await fakeElectron(`trap 'echo SIGTERM > "${marker}"; exit 143' TERM\necho started\nwhile :; do sleep 0.1; done`);
    const launcher = spawn(process.execPath, [LAUNCHER], { env: environment({ ELECTRON_OVERRIDE_DIST_PATH: program }) });
    await new Promise<void>((resolve) => launcher.stdout.once('data', () => resolve()));
    launcher.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => launcher.on('close', (exit) => resolve(exit)));
    expect(code).toBe(143);
    expect((await readFile(marker, 'utf8')).trim()).toBe('SIGTERM');
  });
});
