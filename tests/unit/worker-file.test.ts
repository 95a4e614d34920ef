/**
 * The flags a worker thread that runs a built bundle starts with: the process's loader (tsx under
 * the tests and the bench) is not started again in it, and no flag a thread refuses is passed on.
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { bundleExecArgv } from '../../electron/services/worker-file';

/** What a thread started with `execArgv` sees as its own flags, and whether it started at all. */
function threadFlags(execArgv: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker("require('node:worker_threads').parentPort.postMessage(process.execArgv)", { eval: true, execArgv });
    worker.once('message', (flags: string[]) => {
      resolve(flags);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('the flags of a bundle thread', () => {
  it("leaves out tsx's loader, given as the next argument or after =", () => {
    const underTsx = ['--require', '/app/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///app/node_modules/tsx/dist/loader.mjs'];
    expect(bundleExecArgv(underTsx)).toEqual([]);
    expect(bundleExecArgv(['--import=tsx', '--loader=tsx', '--experimental-loader', 'tsx', '-r', 'ts-node/register'])).toEqual([]);
  });

  it('keeps the flags that change how errors are reported, and only those', () => {
    const flags = ['--enable-source-maps', '--max-old-space-size=4096', '--import', 'tsx', '--unhandled-rejections=strict', '--expose-gc', '--title=bench'];
    expect(bundleExecArgv(flags)).toEqual(['--enable-source-maps', '--unhandled-rejections=strict']);
  });

  it('gives a thread flags it accepts, where the whole list would stop it from starting', async () => {
    const flags = ['--enable-source-maps', '--max-old-space-size=4096', '--expose-gc'];
    await expect(threadFlags(flags)).rejects.toThrow();
    await expect(threadFlags(bundleExecArgv(flags))).resolves.toEqual(['--enable-source-maps']);
  });

  it("is the process's own flags by default", () => {
    expect(bundleExecArgv()).toEqual(bundleExecArgv(process.execArgv));
    expect(bundleExecArgv().some((flag) => /tsx|loader|preflight/.test(flag))).toBe(false);
  });
});
