import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importsBreaking, importsOf, rendererRoomViolation, resolvedImport, roomViolation, SHARED_ROOMS, sourceFiles, violation, type Layer } from './layering';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

describe('layering', () => {
  for (const layer of ['shared', 'electron', 'renderer'] as Layer[]) {
    it(`${layer}/ imports only what its layer may`, () => {
      expect(importsBreaking(root, layer, (file, specifier) => violation(root, layer, file, specifier))).toEqual([]);
    });
  }

  it('flags the imports that break the rule', () => {
    const source = [
      "import { ipcRenderer } from 'electron';",
      "import fs from 'node:fs';",
      "import type { ProjectStore } from '../electron/services/project-store';",
      "export { x } from 'react';",
      "const lazy = await import('path');",
    ].join('\n');
    const specifiers = importsOf(source);
    expect(specifiers).toEqual(['electron', 'node:fs', '../electron/services/project-store', 'react', 'path']);
    const inRenderer = join(root, 'renderer', 'App.tsx');
    expect(violation(root, 'renderer', inRenderer, 'electron')).toMatch(/preload API/);
    expect(violation(root, 'renderer', inRenderer, 'node:fs')).not.toBeNull();
    expect(violation(root, 'renderer', inRenderer, '../electron/services/project-store')).toMatch(/electron\//);
    const inShared = join(root, 'shared', 'ipc', 'index.ts');
    for (const bad of ['react', 'path', 'electron', 'prosemirror-view', '../../renderer/store']) {
      expect(violation(root, 'shared', inShared, bad), bad).not.toBeNull();
    }
    expect(violation(root, 'electron', join(root, 'electron', 'main.ts'), '../renderer/App')).not.toBeNull();
    expect(violation(root, 'electron', join(root, 'electron', 'main.ts'), 'prosemirror-state')).not.toBeNull();
    expect(violation(root, 'shared', inShared, './result')).toBeNull();
    expect(violation(root, 'renderer', inRenderer, 'prosemirror-view')).toBeNull();
  });

  it('each folder of shared/ imports only the folders beneath it', () => {
    expect(importsBreaking(root, 'shared', (file, specifier) => roomViolation(root, file, specifier))).toEqual([]);
  });

  it('flags an import that reaches a folder of shared/ above its own', () => {
    const inModel = join(root, 'shared', 'model', 'segments.ts');
    expect(roomViolation(root, inModel, '../text/short-text')).toMatch(/shared\/model\/ may not import from shared\/text\//);
    expect(roomViolation(root, inModel, '../edits/changes')).not.toBeNull();
    expect(roomViolation(root, inModel, './limits')).toBeNull();
    const inStats = join(root, 'shared', 'stats', 'kappa.ts');
    expect(roomViolation(root, inStats, '../model/segments')).toBeNull();
    expect(roomViolation(root, inStats, '../edits/changes')).toMatch(/shared\/stats\/ may not import from shared\/edits\//);
    expect(roomViolation(root, inStats, '../ipc')).not.toBeNull();
    const inText = join(root, 'shared', 'text', 'offsets.ts');
    expect(roomViolation(root, inText, '../model/result')).toBeNull();
    expect(roomViolation(root, inText, '../views/retrieval')).not.toBeNull();
    expect(roomViolation(root, join(root, 'shared', 'edits', 'changes.ts'), '../exchange/coder-file')).not.toBeNull();
    // The undo engine knows the records only: not a kind of edit, though they share its folder.
    expect(roomViolation(root, join(root, 'shared', 'edits', 'changes.ts'), './adjudication')).toMatch(/undo engine/);
    expect(roomViolation(root, join(root, 'shared', 'edits', 'changes.ts'), '../model/changes')).toBeNull();
    expect(roomViolation(root, join(root, 'shared', 'edits', 'segments.ts'), './action-label')).toBeNull();
    expect(roomViolation(root, join(root, 'shared', 'loose.ts'), './model/zod')).toMatch(/not one of the folders/);
    expect(roomViolation(root, join(root, 'shared', 'ipc', 'index.ts'), '../edits/changes')).toBeNull();
    // Suggestions learn from the records and the text alone.
    const inSuggestions = join(root, 'shared', 'suggestions', 'training.ts');
    expect(roomViolation(root, inSuggestions, '../text/word-index')).toBeNull();
    expect(roomViolation(root, inSuggestions, '../model/segments')).toBeNull();
    expect(roomViolation(root, inSuggestions, '../stats/seeded-random')).toMatch(/shared\/suggestions\/ may not import from shared\/stats\//);
    expect(roomViolation(root, inSuggestions, '../analysis/word-frequencies')).not.toBeNull();
    // Only shared/ has rooms; the layers outside it are the rule above.
    expect(roomViolation(root, join(root, 'electron', 'main.ts'), '../shared/edits/changes')).toBeNull();
    expect(Object.keys(SHARED_ROOMS).sort()).toEqual(
      readdirSync(join(root, 'shared')).filter((name) => statSync(join(root, 'shared', name)).isDirectory()).sort(),
    );
  });

  it('no source file imports a file that imports it back', () => {
    const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
    const imports = new Map<string, string[]>();
    for (const layer of ['shared', 'electron', 'renderer']) {
      for (const file of sourceFiles(join(root, layer))) {
        const targets = importsOf(readFileSync(file, 'utf8')).map((specifier) => resolvedImport(file, specifier, isFile));
        imports.set(file.slice(root.length + 1), targets.filter((t): t is string => t !== null).map((t) => t.slice(root.length + 1)));
      }
    }
    expect(imports.size).toBeGreaterThan(100);
    expect(importCycles(imports)).toEqual([]);
  });

  it('finds import cycles, direct and at a distance, and only those', () => {
    const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));
    expect(importCycles(graph({ changes: ['adjudication'], adjudication: ['changes'], model: [] }))).toEqual([['adjudication', 'changes']]);
    expect(importCycles(graph({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] }))).toEqual([['a', 'b', 'c']]);
    expect(importCycles(graph({ self: ['self'] }))).toEqual([['self']]);
    expect(importCycles(graph({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
    const files = new Set(['/p/shared/model/index.ts', '/p/shared/model/codebook.ts']);
    expect(resolvedImport('/p/shared/edits/codebook.ts', '../model/codebook', (path) => files.has(path))).toBe('/p/shared/model/codebook.ts');
    expect(resolvedImport('/p/shared/edits/codebook.ts', '../model', (path) => files.has(path))).toBe('/p/shared/model/index.ts');
    expect(resolvedImport('/p/shared/edits/codebook.ts', 'zod', (path) => files.has(path))).toBeNull();
  });
});

describe('renderer rooms', () => {
  it('only renderer/services calls the main process, and the store imports only the store and shared/', () => {
    expect(importsBreaking(root, 'renderer', (file, specifier) => rendererRoomViolation(root, file, specifier))).toEqual([]);
  });

  it('flags a component, a command or the text view that calls the API, and a store module that reaches out', () => {
    const component = join(root, 'renderer', 'components', 'codebook', 'CodebookEditor.tsx');
    expect(rendererRoomViolation(root, component, '../../services/api-client')).toMatch(/renderer\/services/);
    expect(rendererRoomViolation(root, join(root, 'renderer', 'App.tsx'), './services/api-client')).not.toBeNull();
    expect(rendererRoomViolation(root, join(root, 'renderer', 'commands', 'menu.ts'), '../services/api-client')).not.toBeNull();
    expect(rendererRoomViolation(root, join(root, 'renderer', 'text-view', 'mount.ts'), '../services/api-client.ts')).not.toBeNull();
    const store = join(root, 'renderer', 'store', 'search.ts');
    expect(rendererRoomViolation(root, store, '../services/search')).toMatch(/store/);
    expect(rendererRoomViolation(root, store, 'react')).not.toBeNull();
    expect(rendererRoomViolation(root, store, 'prosemirror-view')).not.toBeNull();
    // What the rooms allow.
    expect(rendererRoomViolation(root, join(root, 'renderer', 'services', 'segments.ts'), './api-client')).toBeNull();
    expect(rendererRoomViolation(root, component, '../../services/codebook')).toBeNull();
    expect(rendererRoomViolation(root, store, './store')).toBeNull();
    expect(rendererRoomViolation(root, store, '../../shared/search')).toBeNull();
    expect(rendererRoomViolation(root, join(root, 'renderer', 'store', 'use-store.ts'), 'react')).toBeNull();
  });
});
