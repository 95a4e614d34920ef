/**
 * Electronegativity, Doyensec's scan for Electron security anti-patterns, over the main process's
 * sources and the page it loads, judged against the installed Electron: every finding above LOW
 * must be explained in electron/security-review.json, and every entry there must still match a
 * finding. The scan runs through build/electronegativity.mjs (which gives the scanner its own
 * TypeScript and keeps it offline).
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const SCANNER = join(root, 'build', 'electronegativity.mjs');
const SCANNED = ['electron', 'renderer/index.html'];
const SCAN_TIMEOUT = 60_000;

interface Finding {
  id: string;
  file: string;
  line: number;
  severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';
  description: string;
}
interface Report {
  electronVersion: string;
  findings: Finding[];
  unparsed: { file: string; message: string }[];
}
interface ReviewedFinding {
  check: string;
  file: string;
  why: string;
}

async function scan(from: string, paths: string[]): Promise<Report> {
  const { stdout } = await promisify(execFile)(process.execPath, [SCANNER, ...paths], { cwd: from, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as Report;
}

async function reviewedList(): Promise<ReviewedFinding[]> {
  return (JSON.parse(await readFile(join(root, 'electron', 'security-review.json'), 'utf8')) as { reviewed: ReviewedFinding[] }).reviewed;
}

const aboveLow = (finding: Finding) => finding.severity === 'MEDIUM' || finding.severity === 'HIGH';
const explains = (entry: ReviewedFinding, finding: Finding) => entry.check === finding.id && entry.file === finding.file;

/** Findings above LOW that no entry of the reviewed list explains, as "CHECK file:line". */
function unexplained(report: Report, reviewed: ReviewedFinding[]): string[] {
  return report.findings
    .filter((finding) => aboveLow(finding) && !reviewed.some((entry) => explains(entry, finding)))
    .map((finding) => `${finding.id} ${finding.file}:${finding.line}`);
}

/** A copy of the scanned sources with `change` made to the window's options. */
async function sourcesWithWindow(change: (source: string) => string): Promise<string> {
  const copy = await tempFolder('workbench-scan-');
  await cp(join(root, 'electron'), join(copy, 'electron'), { recursive: true });
  await mkdir(join(copy, 'renderer'));
  await cp(join(root, 'renderer', 'index.html'), join(copy, 'renderer', 'index.html'));
  const window = join(copy, 'electron', 'app', 'window.ts');
  const before = await readFile(window, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  await writeFile(window, after);
  return copy;
}

describe('Electronegativity', () => {
  it(
    'finds nothing above LOW in the app that the reviewed list does not explain, and the list holds no entry that matches nothing',
    async () => {
      const report = await scan(root, SCANNED);
      const reviewed = await reviewedList();
      const installed = JSON.parse(await readFile(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
      expect(report.electronVersion).toBe(installed.version);
      expect(report.unparsed).toEqual([]);
      expect(unexplained(report, reviewed)).toEqual([]);
      const stale = reviewed.filter((entry) => !report.findings.some((finding) => aboveLow(finding) && explains(entry, finding)));
      expect(stale.map((entry) => `${entry.check} ${entry.file} is reviewed but no longer found: remove it from electron/security-review.json`)).toEqual([]);
      for (const entry of reviewed) expect(entry.why.length).toBeGreaterThan(40);
    },
    SCAN_TIMEOUT,
  );

  it(
    'fails on a window with node integration',
    async () => {
      const folder = await tempFolder('workbench-scan-');
      await writeFile(
        join(folder, 'main.js'),
        ["const { BrowserWindow } = require('electron');", "new BrowserWindow({ webPreferences: { nodeIntegration: true } }).loadURL('https://example.org');"].join('\n'),
      );
      const report = await scan(folder, ['main.js']);
      expect(report.findings.filter((finding) => finding.file === 'main.js' && aboveLow(finding))).not.toEqual([]);
      expect(unexplained(report, await reviewedList())).not.toEqual([]);
    },
    SCAN_TIMEOUT,
  );

  it(
    "fails when the app's window loses its sandbox",
    async () => {
      const copy = await sourcesWithWindow((source) => source.replace('sandbox: true', 'sandbox: false'));
      expect(unexplained(await scan(copy, SCANNED), await reviewedList())).toEqual([expect.stringMatching(/^SANDBOX_JS_CHECK electron\/app\/window\.ts:/)]);
    },
    SCAN_TIMEOUT,
  );

  it(
    "fails when the app's window loses its context isolation",
    async () => {
      const copy = await sourcesWithWindow((source) => source.replace('contextIsolation: true', 'contextIsolation: false'));
      expect(unexplained(await scan(copy, SCANNED), await reviewedList())).toContainEqual(expect.stringMatching(/^CONTEXT_ISOLATION_JS_CHECK electron\/app\/window\.ts:/));
    },
    SCAN_TIMEOUT,
  );

  it(
    'names a file it cannot read rather than passing over it',
    async () => {
      const folder = await tempFolder('workbench-scan-');
      await writeFile(join(folder, 'broken.ts'), 'const window = (');
      expect((await scan(folder, ['broken.ts'])).unparsed).toEqual([{ file: 'broken.ts', message: expect.any(String) }]);
    },
    SCAN_TIMEOUT,
  );
});
