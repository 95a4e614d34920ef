import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../electron/project/project-store';
import { checkProjectFile } from '../../shared/model/project-schema';
import { BUNDLED_DOCUMENTS, tempFolder } from '../support/temp';

let writer: string;

beforeAll(async () => {
  writer = join(await tempFolder(), 'segment-writer.cjs');
  await build({
    entryPoints: [new URL('./children/segment-writer.ts', import.meta.url).pathname],
    outfile: writer,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['pdfjs-dist'], // loaded only when a PDF is imported, never here
    logLevel: 'error',
  });
});

/** Runs the writer, kills it with SIGKILL after `delay` ms, and returns the ids it acknowledged. */
function runAndKill(folder: string, delay: number, compactAfter?: number): Promise<{ acked: string[]; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const args = [writer, folder, BUNDLED_DOCUMENTS, ...(compactAfter ? [String(compactAfter)] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!timer && out.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), delay);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`writer failed (${code}): ${err}`));
      // Only complete lines count: a kill can cut the last one short.
      const lines = out.split('\n').slice(0, -1);
      resolve({
        acked: lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4)),
        finished: lines.includes('done'),
      });
    });
  });
}

/**
 * Kills the writer `runs` times at random moments and checks, after each, that the project file
 * is valid and that opening it finds every segment ever acknowledged.
 */
async function killAndCheck(runs: number, compactAfter?: number): Promise<void> {
  const folder = join(await tempFolder(), 'project');
  const allAcked: string[] = [];
  const seed = Date.now();
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let run = 0; run < runs; run++) {
    const delay = Math.floor(random() * 900);
    const { acked } = await runAndKill(folder, delay, compactAfter);
    allAcked.push(...acked);
    const context = `run ${run} (seed ${seed}, delay ${delay} ms)`;
    // The project file always parses and validates, whatever moment the kill hit.
    const checked = checkProjectFile(JSON.parse(await readFile(join(folder, 'project.json'), 'utf8')));
    expect(checked.ok, context).toBe(true);
    // Opening the project (as the next start does) finds every acknowledged segment.
    const store = await ProjectStore.open({ folder, bundledDocuments: BUNDLED_DOCUMENTS });
    const document = store.overview().documents.at(-1)!;
    const saved = new Set((await store.openDocument(document.id)).segments.map((s) => s.id));
    expect(store.overview().notices, context).toEqual([]);
    await store.close();
    const lost = allAcked.filter((id) => !saved.has(id));
    expect(lost, context).toEqual([]);
  }
  // The kills did land while segments were being written.
  expect(allAcked.length).toBeGreaterThan(20);
}

describe('crash safety', () => {
  it('keeps every acknowledged segment and a valid file through 20 SIGKILLs at random moments', async () => {
    await killAndCheck(20);
  });

  it('keeps them too when the kills land while the project file is rewritten and segments go on being added', async () => {
    // A rewrite every 20 journal records: most kills fall during one, or just before or after.
    await killAndCheck(12, 20);
  });
});
