import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, rendererRoomViolation, violation, type Layer } from './layering';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/.test(name) ? [path] : [];
  });
}

describe('layering', () => {
  for (const layer of ['shared', 'electron', 'renderer'] as Layer[]) {
    it(`${layer}/ imports only what its layer may`, () => {
      const found: string[] = [];
      for (const file of sourceFiles(join(root, layer))) {
        for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
          const problem = violation(root, layer, file, specifier);
          if (problem) found.push(`${file.slice(root.length + 1)}: ${problem}`);
        }
      }
      expect(found).toEqual([]);
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
    const inShared = join(root, 'shared', 'api.ts');
    for (const bad of ['react', 'path', 'electron', 'prosemirror-view', '../renderer/store']) {
      expect(violation(root, 'shared', inShared, bad), bad).not.toBeNull();
    }
    expect(violation(root, 'electron', join(root, 'electron', 'main.ts'), '../renderer/App')).not.toBeNull();
    expect(violation(root, 'electron', join(root, 'electron', 'main.ts'), 'prosemirror-state')).not.toBeNull();
    expect(violation(root, 'shared', inShared, './result')).toBeNull();
    expect(violation(root, 'renderer', inRenderer, 'prosemirror-view')).toBeNull();
  });
});

describe('renderer rooms', () => {
  it('only renderer/services calls the main process, and the store imports only the store and shared/', () => {
    const found: string[] = [];
    for (const file of sourceFiles(join(root, 'renderer'))) {
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        const problem = rendererRoomViolation(root, file, specifier);
        if (problem) found.push(`${file.slice(root.length + 1)}: ${problem}`);
      }
    }
    expect(found).toEqual([]);
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
