/**
 * The layering rule of the project (see README): who may import whom.
 *
 *   shared/    imports only shared/ and pure packages (no electron, node, DOM, react, prosemirror)
 *   electron/  imports electron/, shared/ and packages; never renderer/, react or prosemirror
 *   renderer/  imports renderer/, shared/, react and prosemirror; never electron/ or node
 */
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

export type Layer = 'shared' | 'electron' | 'renderer';

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Packages that shared/ may use: pure code that runs anywhere. */
const SHARED_PACKAGES = ['zod', 'd3-dsv', 'fast-xml-parser'];
/** Packages that renderer/ may use. */
const RENDERER_PACKAGES = [/^react(-dom)?(\/.*)?$/, /^prosemirror-[a-z]+$/];

/** Every module specifier a source file imports (static, re-export, dynamic, require). */
export function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /^\s*import\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm,
    /^\s*export\s+(?:type\s+)?[^'"]*?\s+from\s+['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) specifiers.push(match[1]);
  }
  return specifiers;
}

/** Why `specifier`, imported by `file` of `layer`, breaks the rule; null when it does not. */
export function violation(root: string, layer: Layer, file: string, specifier: string): string | null {
  if (specifier.startsWith('.')) {
    const target = relative(root, resolve(dirname(file), specifier)).split(sep)[0];
    const allowed: Record<Layer, string[]> = {
      shared: ['shared'],
      electron: ['electron', 'shared'],
      renderer: ['renderer', 'shared'],
    };
    return allowed[layer].includes(target) ? null : `${layer}/ may not import from ${target}/`;
  }
  const isNode = NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]);
  switch (layer) {
    case 'shared':
      return SHARED_PACKAGES.includes(specifier) ? null : `shared/ may not import ${specifier} (only ${SHARED_PACKAGES.join(', ')})`;
    case 'renderer':
      if (specifier === 'electron' || isNode) return `renderer/ may not import ${specifier}: use the preload API`;
      return RENDERER_PACKAGES.some((allowed) => allowed.test(specifier)) ? null : `renderer/ may not import ${specifier}`;
    case 'electron':
      return /^(react|react-dom|prosemirror-)/.test(specifier) ? `electron/ may not import ${specifier}` : null;
  }
}

// ---- renderer/ rooms -------------------------------------------------------------------------
// Inside renderer/: only services/ talk to the main process (services/api-client.ts is the
// preload API); the store is plain data and functions (store/ imports only store/ and shared/,
// and React only in store/use-store.ts), so that its reducers and selectors run under Node.

/** The room of renderer/ a file is in (its first folder, or '' for a file at the top). */
function rendererRoom(root: string, file: string): string {
  const parts = relative(join(root, 'renderer'), file).split(sep);
  return parts.length > 1 ? parts[0] : '';
}

/** Why `specifier`, imported by `file` of renderer/, breaks a rule of its rooms; null when it does not. */
export function rendererRoomViolation(root: string, file: string, specifier: string): string | null {
  const room = rendererRoom(root, file);
  if (!specifier.startsWith('.')) {
    const storeMayUse = room !== 'store' || file.endsWith(`${sep}use-store.ts`) || !/^react/.test(specifier);
    return storeMayUse && (room !== 'store' || !/^prosemirror-/.test(specifier)) ? null : `renderer/store/ may not import ${specifier}`;
  }
  const target = resolve(dirname(file), specifier);
  const inRenderer = relative(join(root, 'renderer'), target);
  if (inRenderer.startsWith('..')) return null; // shared/ (the layering above checks the rest)
  const targetRoom = inRenderer.split(sep).length > 1 ? inRenderer.split(sep)[0] : '';
  if (/^services[/\\]api-client(\.ts)?$/.test(inRenderer) && room !== 'services') {
    return `renderer/${room || '.'}/ may not call the main process: go through renderer/services`;
  }
  if (room === 'store' && targetRoom !== 'store') return `renderer/store/ may not import renderer/${targetRoom || inRenderer}`;
  return null;
}
