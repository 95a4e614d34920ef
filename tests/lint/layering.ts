/**
 * The layering rule of the project (see README): who may import whom.
 *
 *   shared/    imports only shared/ and pure packages (no electron, node, DOM, react, prosemirror)
 *   electron/  imports electron/, shared/ and packages; never renderer/, react or prosemirror
 *   renderer/  imports renderer/, shared/, react and prosemirror; never electron/ or node
 */
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

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

// ---- electron/ folders: who may import whom inside the main process's code ----------------------
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
//
//   electron/project   the store and its files: never the handlers, the app, the CLI or the preview
//   electron/services  import, export and exchange work: never the app, the CLI or the preview
//   electron/handlers  the contract's handlers: never the app, the CLI or the preview
//   electron/app, electron/cli  entry points: nothing outside them imports them

/** Every TypeScript source file under a folder. */
export function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/.test(name) ? [path] : [];
  });
}

/** The folders of electron/, each with the folders of electron/ it may not import. */
const ELECTRON_FOLDER_RULES: Record<string, string[]> = {
  project: ['handlers', 'app', 'cli', 'preview'],
  services: ['app', 'cli', 'preview'],
  handlers: ['app', 'cli', 'preview'],
};
/** Folders of electron/ that only their own files may import (the entry points). */
const ELECTRON_ENTRY_FOLDERS = ['app', 'cli'];

/** Why `specifier`, imported by `file` under electron/, breaks the rules of electron's folders; null when it does not. */
export function electronFolderViolation(root: string, file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const [layer, from] = relative(root, file).split(sep);
  const [targetLayer, to] = relative(root, resolve(dirname(file), specifier)).split(sep);
  if (layer !== 'electron' || targetLayer !== 'electron' || from === to) return null;
  if (ELECTRON_FOLDER_RULES[from]?.includes(to)) return `electron/${from} may not import electron/${to}`;
  if (ELECTRON_ENTRY_FOLDERS.includes(to)) return `only electron/${to} imports electron/${to} (an entry point)`;
  return null;
}
