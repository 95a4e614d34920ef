/**
 * Where a worker thread's bundle is: beside this bundle in dist/electron; from the sources (the
 * tests under vitest, the bench under tsx, which has no __dirname), the one `npm run build` made.
 * And the flags such a thread starts with: a bundle is plain CommonJS, so a loader the process
 * was started with (tsx under the tests and the bench) is left out instead of being loaded again
 * in every thread.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The path of the built worker `fileName`; throws, naming the worker (`what`), when it is not built. */
export function builtWorkerFile(fileName: string, what: string): string {
  const here = typeof __dirname === 'string' ? __dirname : null;
  const candidates = [
    here && join(here, fileName),
    here && join(here, '..', '..', 'dist', 'electron', fileName),
    join(process.cwd(), 'dist', 'electron', fileName),
  ].filter((path): path is string => !!path);
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`${what} (${fileName}) is not built: run npm run build.`);
  return found;
}

/**
 * The flags of the process a bundle's thread keeps: those that only change how errors and
 * warnings are told (each one a thread accepts; a V8 or process-wide flag such as
 * `--max-old-space-size` or `--expose-gc` would make the thread refuse to start).
 */
const REPORTING_FLAGS = new Set([
  '--enable-source-maps',
  '--no-warnings',
  '--trace-warnings',
  '--no-deprecation',
  '--trace-deprecation',
  '--throw-deprecation',
  '--trace-uncaught',
  '--unhandled-rejections',
]);

/**
 * The Node flags of a thread that runs a built bundle (a plain CommonJS file that needs no
 * loader): of the process's own (`execArgv`), only those that change how errors are reported.
 * Inheriting them all, as a thread does by default, started the process's loader again in each
 * thread (`--require …/preflight.cjs --import …/loader.mjs` under tsx, in the tests and the
 * bench): a compiler the bundle never used, loaded before its first line ran.
 */
export function bundleExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  return execArgv.filter((flag) => REPORTING_FLAGS.has(flag.split('=', 1)[0]!));
}
