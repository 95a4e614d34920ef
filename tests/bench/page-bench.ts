/**
 * The bench's way into the page: page-probes.ts (with the probes of each part it exports) bundled
 * by esbuild into one classic script installed as an init script (`window.__benchProbes`), and
 * `probe`, which calls one of them inside the page so that only the probe's own timing counts.
 * (Functions handed straight to page.evaluate would not do: tsx compiles them with `__name`
 * helpers that the page does not have.)
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type * as PageProbes from './page-probes';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

type Probes = typeof PageProbes;
type ProbeName = { [N in keyof Probes]: Probes[N] extends (...args: never[]) => unknown ? N : never }[keyof Probes];

/** Calls a probe inside the page; only the probe's own timing counts. */
export async function probe<N extends ProbeName>(page: Page, name: N, ...args: Parameters<Probes[N]>): Promise<Awaited<ReturnType<Probes[N]>>> {
  const value = await page.evaluate(
    ({ name, args }) => (window as unknown as { __benchProbes: Record<string, (...a: unknown[]) => unknown> }).__benchProbes[name](...args),
    { name: name as string, args: args as unknown[] },
  );
  return value as Awaited<ReturnType<Probes[N]>>;
}

/** page-probes.ts as one classic script that defines `window.__benchProbes`. */
export async function probesScript(): Promise<string> {
  const output = await build({
    entryPoints: [join(ROOT, 'tests', 'bench', 'page-probes.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__benchProbes',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  // Init scripts may run inside a function, so the global is set explicitly.
  return `${output.outputFiles[0].text}\nwindow.__benchProbes = __benchProbes;\n`;
}
