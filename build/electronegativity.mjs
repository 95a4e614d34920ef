// Runs Electronegativity (Doyensec's scan for Electron security anti-patterns) on the app's
// sources and prints its findings as JSON:
//   node build/electronegativity.mjs electron renderer/index.html
// (the checks are judged against the installed electron package's version unless -e names one).
//
// Electronegativity parses TypeScript with @typescript-eslint/typescript-estree, which npm hoists
// beside the project and which then loads the project's TypeScript 7; that has no JavaScript API
// (typescript-estree fails on `SyntaxKind.BarBarToken`). Electronegativity carries the TypeScript
// it was made for in its own node_modules, so requests for `typescript` from inside the scanner's
// parser packages are resolved to that copy; the project's own TypeScript is left as it is.
import { createRequire } from 'node:module';
import Module from 'node:module';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const scannerFolder = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const scannerTypeScript = join(scannerFolder, 'node_modules', 'typescript', 'lib', 'typescript.js');
const offline = join(dirname(fileURLToPath(import.meta.url)), 'electronegativity-offline.cjs');

// The packages whose `require('typescript')` must get the scanner's own copy.
const parserPackages = ['@doyensec/electronegativity', '@typescript-eslint/typescript-estree', 'tsutils'].map(
  (name) => `${sep}node_modules${sep}${name.replace('/', sep)}${sep}`,
);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const from = parent?.filename ?? '';
  if (request === 'typescript' && parserPackages.some((folder) => from.includes(folder))) return scannerTypeScript;
  // The scanner fetches fresh translations of its messages (and Electron's release list) from the
  // network; the scan runs offline, with the English messages it ships.
  if (request === 'got' && from.startsWith(scannerFolder + sep)) return offline;
  return resolveFilename.call(this, request, parent, ...rest);
};

/** The version of the installed electron package, which the checks are judged against. */
export function installedElectronVersion() {
  return require('electron/package.json').version;
}

/**
 * Scans the given files and folders together, as one application, and returns the findings: each
 * with the check's id, the file (its path relative to `from`, with `/`), line and column,
 * severity, confidence and whether it asks for manual review. `unparsed` lists the files the
 * scanner could not read, which it would otherwise pass over in silence.
 */
export async function scan(paths, { from = process.cwd(), electronVersion = installedElectronVersion() } = {}) {
  // Copied into one folder, so that the checks that look across files (the page's CSP, the
  // navigation limits) see the main process and the page it loads side by side.
  const staged = await mkdtemp(join(tmpdir(), 'electronegativity-'));
  try {
    for (const path of paths) await cp(resolve(from, path), join(staged, relative(resolve(from), resolve(from, path))), { recursive: true });
    const run = require('@doyensec/electronegativity');
    const quiet = console.log;
    console.log = () => {};
    let report;
    try {
      report = await run(
        { input: staged, isRelative: true, electronVersionOverride: electronVersion, customScan: [], excludeFromScan: [], parserPlugins: [] },
        false,
      );
    } finally {
      console.log = quiet;
    }
    return {
      electronVersion,
      findings: report.issues.map((issue) => ({
        id: issue.id,
        file: issue.file.split(sep).join('/'),
        line: issue.location.line,
        column: issue.location.column,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        manualReview: issue.manualReview === true,
        description: issue.description,
      })),
      unparsed: report.errors
        .filter((error) => !error.tolerable)
        .map((error) => ({ file: relative(staged, error.file).split(sep).join('/'), message: error.message })),
    };
  } finally {
    await rm(staged, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { electron: { type: 'string', short: 'e' } } });
  if (positionals.length === 0) {
    console.error('usage: node build/electronegativity.mjs [-e ELECTRON_VERSION] PATH...');
    process.exit(1);
  }
  const report = await scan(positionals, { electronVersion: values.electron ?? installedElectronVersion() });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}
