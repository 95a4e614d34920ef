// Builds the app: the renderer with Vite into dist/renderer, and the main process, preload and
// preview server with esbuild into dist/electron (CommonJS: a sandboxed preload must be).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await viteBuild({
  root: join(root, 'renderer'),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  build: {
    outDir: join(root, 'dist', 'renderer'),
    emptyOutDir: true,
    // No inline scripts or styles: the CSP allows only files from the app itself.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  // pdf.js loads its worker module at run time: it stays a package beside the bundle.
  external: ['electron', 'pdfjs-dist'],
  logLevel: 'warning',
};
await Promise.all([
  esbuild({ ...common, entryPoints: [join(root, 'electron', 'app', 'main.ts')], outfile: join(root, 'dist', 'electron', 'main.cjs') }),
  esbuild({ ...common, entryPoints: [join(root, 'electron', 'app', 'preload.ts')], outfile: join(root, 'dist', 'electron', 'preload.cjs'), minify: true }),
  esbuild({ ...common, entryPoints: [join(root, 'electron', 'preview', 'preview.ts')], outfile: join(root, 'dist', 'electron', 'preview.cjs') }),
  // A regular expression searches in a worker thread, loaded from beside the bundles at run time.
  esbuild({
    ...common,
    entryPoints: [join(root, 'electron', 'services', 'corpus-search-worker.ts')],
    outfile: join(root, 'dist', 'electron', 'corpus-search-worker.cjs'),
  }),
  // A reliability report (its bootstrap above all) is computed in a worker thread, loaded the same way.
  esbuild({
    ...common,
    entryPoints: [join(root, 'electron', 'services', 'reliability-worker.ts')],
    outfile: join(root, 'dist', 'electron', 'reliability-worker.cjs'),
  }),
  // REFI-QDA projects are zipped and read in a worker thread, loaded the same way.
  esbuild({
    ...common,
    entryPoints: [join(root, 'electron', 'services', 'refi-qda-worker.ts')],
    outfile: join(root, 'dist', 'electron', 'refi-qda-worker.cjs'),
  }),
  // Suggestions are trained and made in a worker thread cut off from the network, loaded the same way.
  esbuild({
    ...common,
    entryPoints: [join(root, 'electron', 'services', 'suggestions-worker.ts')],
    outfile: join(root, 'dist', 'electron', 'suggestions-worker.cjs'),
  }),
  esbuild({
    ...common,
    entryPoints: [join(root, 'electron', 'cli', 'cli.ts')],
    outfile: join(root, 'dist', 'electron', 'cli.cjs'),
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
console.log('built dist/renderer and dist/electron');
