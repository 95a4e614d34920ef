/**
 * The layering rule of the project (see README): who may import whom.
 *
 *   shared/    imports only shared/ and pure packages (no electron, node, DOM, react, prosemirror)
 *   electron/  imports electron/, shared/ and packages; never renderer/, react or prosemirror
 *   renderer/  imports renderer/, shared/, react, prosemirror and Observable Plot (the Analysis area's charts); never electron/ or node
 *
 * Inside shared/, each folder is one concern and imports only the folders beneath it
 * (SHARED_ROOMS), and no source file imports a file that imports it back, at any distance.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

export type Layer = 'shared' | 'electron' | 'renderer';

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Packages that shared/ may use: pure code that runs anywhere. */
const SHARED_PACKAGES = ['zod', 'd3-dsv', 'stopword'];
/** Packages that renderer/ may use. */
const RENDERER_PACKAGES = [/^react(-dom)?(\/.*)?$/, /^prosemirror-[a-z]+$/, /^(react-)?i18next$/, /^@observablehq\/plot$/];

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
      return /^(react|react-dom|prosemirror-|@observablehq\/plot)/.test(specifier) ? `electron/ may not import ${specifier}` : null;
  }
}

/**
 * The folders of shared/ and what each may import of shared/ besides itself: the records first,
 * the text beside them, the features above, the contract on top.
 */
export const SHARED_ROOMS: Record<string, readonly string[]> = {
  model: [],
  text: ['model'],
  stats: ['model', 'text'],
  edits: ['model', 'text'],
  exchange: ['model', 'text'],
  exports: ['model', 'text'],
  views: ['model', 'text'],
  analysis: ['model', 'text', 'stats', 'views', 'exports'],
  suggestions: ['model', 'text'],
  ipc: ['model', 'text', 'stats', 'edits', 'exchange', 'exports', 'views', 'analysis', 'suggestions'],
};

/** The undo engine: it applies records' changes, so it knows the records and no kind of edit. */
export const UNDO_ENGINE = 'shared/edits/changes.ts';

/** Why `specifier`, imported by `file` inside shared/, reaches a shared/ folder it may not; null when it may. */
export function roomViolation(root: string, file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const [layer, room] = relative(root, file).split(sep);
  const [targetLayer, targetRoom] = relative(root, resolve(dirname(file), specifier)).split(sep);
  if (layer !== 'shared' || targetLayer !== 'shared') return null;
  if (relative(root, file).split(sep).join('/') === UNDO_ENGINE && targetRoom !== 'model') {
    return `the undo engine (${UNDO_ENGINE}) may import only shared/model/, not ${specifier}`;
  }
  if (!(room! in SHARED_ROOMS)) return `shared/${room} is not one of the folders of shared/ (${Object.keys(SHARED_ROOMS).join(', ')})`;
  if (targetRoom === room) return null;
  return SHARED_ROOMS[room!]!.includes(targetRoom!) ? null : `shared/${room}/ may not import from shared/${targetRoom}/`;
}

/**
 * The import cycles among source files: each a list of files that reach one another through
 * their imports (type-only imports count too, since they tie the modules' meanings together).
 * `imports` maps each file to the files it imports.
 */
export function importCycles(imports: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's strongly connected components, without recursion so that a deep chain cannot overflow.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  for (const start of imports.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ file: string; edge: number }> = [{ file: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const targets = imports.get(frame.file) ?? [];
      if (frame.edge < targets.length) {
        const target = targets[frame.edge++]!;
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push({ file: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.file, Math.min(low.get(frame.file)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.file, Math.min(low.get(parent.file)!, low.get(frame.file)!));
      if (low.get(frame.file) === index.get(frame.file)) {
        const component: string[] = [];
        for (let file = stack.pop()!; ; file = stack.pop()!) {
          onStack.delete(file);
          component.push(file);
          if (file === frame.file) break;
        }
        const selfImport = component.length === 1 && (imports.get(frame.file) ?? []).includes(frame.file);
        if (component.length > 1 || selfImport) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

/** The source file a relative specifier names (with or without its extension, or a folder's index), or null. */
export function resolvedImport(file: string, specifier: string, exists: (path: string) => boolean): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(file), specifier);
  return [`${base}.ts`, `${base}.tsx`, base, join(base, 'index.ts'), join(base, 'index.tsx')].find(exists) ?? null;
}

// ---- electron/ folders: who may import whom inside the main process's code ----------------------
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

/**
 * Every import under `folder` that breaks `rule`, as "file: why" lines (paths from the root): what
 * each rule's test expects to be empty.
 */
export function importsBreaking(root: string, folder: string, rule: (file: string, specifier: string) => string | null): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(join(root, folder))) {
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      const problem = rule(file, specifier);
      if (problem) found.push(`${file.slice(root.length + 1)}: ${problem}`);
    }
  }
  return found;
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
