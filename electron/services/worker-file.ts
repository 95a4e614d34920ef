/**
 * Where a worker thread's bundle is: beside this bundle in dist/electron; from the sources (the
 * tests under vitest, the bench under tsx, which has no __dirname), the one `npm run build` made.
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
