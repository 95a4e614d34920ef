/**
 * The release build's configuration (the `build` key of package.json), checked without running
 * electron-builder (which needs a network): it loads and validates through electron-builder's own
 * loader, names a target per platform, sets the Electron fuses, carries the icons each target
 * needs, and its `files` globs, applied to the tree after `npm run build` by electron-builder's own
 * matcher, pack everything the app loads at run time and nothing of the sources or tests.
 */
import { builtinModules, createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, posix, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const require = createRequire(join(root, 'package.json'));

/** The parts of electron-builder's configuration that the checks read. */
interface Configuration {
  files?: string[];
  extraResources?: { from: string; to: string; filter: string[] }[];
  asar?: boolean;
  publish?: unknown;
  electronFuses?: Record<string, boolean>;
  linux?: { target: string[]; icon: string };
  win?: { target: string; icon: string };
  mac?: { target: string; icon: string };
  [key: string]: unknown;
}
interface FileMatcher {
  from: string;
  createFilter(): unknown;
}

const builderConfig = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, logger: unknown): Promise<void>;
};
const fileMatcher = require('app-builder-lib/out/fileMatcher') as {
  getMainFileMatchers(appDir: string, destination: string, expand: (pattern: string) => string, platformOptions: object, packager: object, outDir: string, isElectronCompile: boolean): FileMatcher[];
  getFileMatchers(config: Configuration, name: 'extraResources', destination: string, options: object): FileMatcher[] | null;
};
const { PlatformPackager } = require('app-builder-lib') as { PlatformPackager: { prototype: { generateFuseConfig(fuses: object): Promise<Record<string, unknown>> } } };
const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number> };
const { DebugLogger, walk } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
  walk(folder: string, filter: unknown): Promise<string[]>;
};

const expand = (pattern: string) => pattern;
const PLATFORMS = ['linux', 'win', 'mac'] as const;

let config: Configuration;
beforeAll(async () => {
  config = await builderConfig.getConfig(root, null, null);
});

/** The files electron-builder puts into the app (app.asar) for a platform, relative to the project. */
async function packedFiles(platform: (typeof PLATFORMS)[number]): Promise<string[]> {
  const packager = { info: { projectDir: root, buildResourcesDir: 'build', config, isPrepackedAppAsar: false, debugLogger: new DebugLogger(false) } };
  const matchers = fileMatcher.getMainFileMatchers(root, '/app', expand, config[platform] ?? {}, packager, join(root, 'release'), false);
  const files = await Promise.all(matchers.map((matcher) => walk(matcher.from, matcher.createFilter())));
  return [...new Set(files.flat().map((file) => relative(root, file).split('\\').join('/')))].sort();
}

/** Width and height from a PNG's header. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The sizes of the pictures in an .ico file, each read from its own header (PNG or bitmap). */
function icoSizes(bytes: Buffer): number[] {
  expect(bytes.readUInt16LE(0)).toBe(0);
  expect(bytes.readUInt16LE(2)).toBe(1);
  return Array.from({ length: bytes.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const picture = bytes.subarray(bytes.readUInt32LE(entry + 12), bytes.readUInt32LE(entry + 12) + bytes.readUInt32LE(entry + 8));
    const listed = bytes.readUInt8(entry) || 256;
    if (picture[0] === 0x89) {
      const { width, height } = pngSize(picture);
      expect([width, height]).toEqual([listed, listed]);
      return width;
    }
    // A bitmap: its header's height counts the picture and its mask.
    expect(picture.readUInt32LE(0)).toBe(40);
    expect([picture.readInt32LE(4), picture.readInt32LE(8), picture.readUInt16LE(14)]).toEqual([listed, 2 * listed, 32]);
    return listed;
  });
}

/** The PNG pictures of an .icns file, by type, with their sizes. */
function icnsPictures(bytes: Buffer): Record<string, number> {
  expect(bytes.toString('ascii', 0, 4)).toBe('icns');
  expect(bytes.readUInt32BE(4)).toBe(bytes.length);
  const pictures: Record<string, number> = {};
  for (let offset = 8; offset < bytes.length; offset += bytes.readUInt32BE(offset + 4)) {
    const { width, height } = pngSize(bytes.subarray(offset + 8, offset + bytes.readUInt32BE(offset + 4)));
    expect(height).toBe(width);
    pictures[bytes.toString('ascii', offset, offset + 4)] = width;
  }
  return pictures;
}

/** The files the built page loads: what index.html names, and what those stylesheets and scripts name in turn. */
async function filesThePageLoads(): Promise<string[]> {
  const renderer = join(root, 'dist', 'renderer');
  const found = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (found.has(file)) return;
    found.add(file);
    const text = await readFile(join(renderer, file), 'utf8');
    const named = file.endsWith('.html')
      ? [...text.matchAll(/\s(?:src|href)="(?!data:|https?:|#)([^"]+)"/g)]
      : file.endsWith('.css')
        ? [...text.matchAll(/url\(\s*["']?(?!data:|#)([^"')]+)["']?\s*\)/g)]
        : [...text.matchAll(/["'`](\.{1,2}\/[\w./-]+\.\w+)["'`]/g)];
    for (const [, reference] of named) {
      const target = posix.normalize(posix.join(posix.dirname(file), reference.split(/[?#]/)[0]));
      expect(existsSync(join(renderer, target)), `${file} names ${reference}, which the build did not make`).toBe(true);
      await visit(target);
    }
  };
  await visit('index.html');
  return [...found].map((file) => `dist/renderer/${file}`);
}

/** Every `*.cjs` file the main process's sources name (the preload, the workers they start). */
async function bundlesTheMainProcessNames(): Promise<string[]> {
  const named = new Set<string>();
  const visit = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      // The preview server and the command line are not part of the desktop app.
      if (entry.isDirectory() && !['preview', 'cli'].includes(entry.name)) await visit(path);
      else if (entry.name.endsWith('.ts')) {
        for (const [, file] of (await readFile(path, 'utf8')).matchAll(/['"`]([\w.-]+\.cjs)['"`]/g)) named.add(`dist/electron/${file}`);
      }
    }
  };
  await visit(join(root, 'electron'));
  return [...named].sort();
}

describe('the release build', () => {
  it("loads and validates through electron-builder's own configuration loader", async () => {
    await expect(builderConfig.validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The validator does catch a mistake: a fuse spelt wrong.
    await expect(builderConfig.validateConfiguration({ ...config, electronFuses: { runAsNod: false } }, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('builds AppImage and deb for Linux, an NSIS installer for Windows and a dmg for macOS, and offers no auto-update', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toBe('nsis');
    expect(config.mac?.target).toBe('dmg');
    expect(config.publish).toBeNull();
    const manifest = require('./package.json') as { dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(Object.keys(manifest.dependencies)).not.toContain('electron-updater');
    // `npm run dist` builds the app first, then the installers of the platform it runs on (a dmg
    // can only be made on macOS), and never publishes.
    expect(manifest.scripts.dist).toBe('npm run build && electron-builder --publish never');
  });

  it('sets the Electron fuses: no running as Node, no NODE_OPTIONS, no inspector; cookies encrypted; the app only from an asar whose integrity is checked', async () => {
    expect(config.asar).not.toBe(false);
    // The fuse wire as electron-builder will flip it when it packs the app.
    const wire = await PlatformPackager.prototype.generateFuseConfig.call(null, config.electronFuses ?? {});
    expect(wire).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      // The page is served from app://, never file://.
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('has the icon at the sizes each target needs', async () => {
    expect(config.linux?.icon).toBe('build/icons');
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(await readFile(join(root, 'build', 'icons', `${size}x${size}.png`)))).toEqual({ width: size, height: size });
    }
    expect(config.win?.icon).toBe('build/icon.ico');
    expect(icoSizes(await readFile(join(root, config.win!.icon)))).toEqual([16, 24, 32, 48, 64, 128, 256]);
    expect(config.mac?.icon).toBe('build/icon.icns');
    expect(icnsPictures(await readFile(join(root, config.mac!.icon)))).toMatchObject({ ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic13: 256, ic14: 512 });
  });

  it('carries the bundled corpus as a resource, every text of it', async () => {
    const matchers = fileMatcher.getFileMatchers(config, 'extraResources', '/resources', { macroExpander: expand, customBuildOptions: {}, globalOutDir: join(root, 'release'), defaultSrc: root });
    expect(config.extraResources).toEqual([{ from: 'documents', to: 'documents', filter: ['*.txt'] }]);
    const carried = (await Promise.all((matchers ?? []).map((matcher) => walk(matcher.from, matcher.createFilter())))).flat();
    const corpus = (await readdir(join(root, 'documents'))).map((name) => join(root, 'documents', name));
    expect(corpus.length).toBeGreaterThan(0);
    expect(carried.sort()).toEqual(corpus.sort());
  });

  it.each(PLATFORMS)('packs for %s everything the app loads at run time, and no sources, tests or source maps', async (platform) => {
    expect(existsSync(join(root, 'dist', 'renderer', 'index.html')), 'run `npm run build` first').toBe(true);
    const packed = await packedFiles(platform);
    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };
    const needed = ['package.json', manifest.main, ...(await bundlesTheMainProcessNames()), ...(await filesThePageLoads())];
    expect(needed).toEqual(expect.arrayContaining(['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/corpus-search-worker.cjs', 'dist/renderer/index.html']));
    expect(needed.filter((file) => file.startsWith('dist/renderer/assets/')).length).toBeGreaterThan(1);
    expect(packed).toEqual(expect.arrayContaining(needed));
    const built = (await readdir(join(root, 'dist', 'renderer'), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.map'))
      .map((entry) => relative(root, join(entry.parentPath, entry.name)));
    expect(packed).toEqual(expect.arrayContaining(built));
    expect(packed.filter((file) => /\.map$|\.tsx?$|^tests\/|^electron\/|^renderer\/|^shared\/|^build\/|^documents\/|node_modules/.test(file))).toEqual([]);

    // What the bundles load by name at run time is Node's, Electron's, or a dependency that
    // electron-builder packs beside them (pdf.js).
    for (const bundle of packed.filter((file) => file.endsWith('.cjs'))) {
      const text = await readFile(join(root, bundle), 'utf8');
      // esbuild writes the calls it leaves with double quotes; a comment's import('…') is not one.
      for (const [, name] of text.matchAll(/\b(?:require|import)\("([^"./][^"]*)"\)/g)) {
        const module = name.replace(/^node:/, '');
        const packageName = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0];
        const known = builtinModules.includes(module) || builtinModules.includes(module.split('/')[0]) || name === 'electron' || packageName in manifest.dependencies;
        expect(known, `${bundle} loads ${name}, which is not packed`).toBe(true);
      }
    }
  });

  it('tells a packed list that misses a file the app loads: without the preload, it is missing', async () => {
    const full = config;
    // electron-builder's loader turns the `files` list into one file set with a filter.
    const [fileSet] = full.files as unknown as { filter: string[] }[];
    config = { ...full, files: [{ filter: [...fileSet.filter, '!dist/electron/preload.cjs'] }] as unknown as string[] };
    try {
      expect(await packedFiles('linux')).not.toContain('dist/electron/preload.cjs');
    } finally {
      config = full;
    }
    expect(await packedFiles('linux')).toContain('dist/electron/preload.cjs');
  });
});
