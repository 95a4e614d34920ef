/**
 * The bench's part on the project store at 100,000 segments (issue 14, items 5, 6 and 7):
 *
 *   - building scenario C through the real `addSegment`, one call per segment (500 at a time);
 *   - one durable add with 100,000 segments in the project, beside a plain append and flush of
 *     the same journal line to a file in the same folder (the floor);
 *   - the project file's size beside its segments' rows alone, with a full history: C (200 single
 *     additions in its history) and D (its 100,000 segments added in large actions, all undoable);
 *   - opening each project (reading, checking, indexing);
 *   - the main process's resident memory with D open, in a child process that opens it as the app
 *     does and answers the page's first calls.
 *
 * Run on its own with `npx tsx tests/bench/bench-store.ts`: it builds what it needs in a temporary
 * folder, prints its rows and removes the folder.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ProjectStore } from '../../electron/project/project-store';
import { mulberry32, randomCodedSpans, type Random } from './generate';
import { amountRow, count, limitRow, megabytes, median, ms, progress, spread, table, timed, withMedian, type BenchSection, type Row } from './report';
import { buildScenarioC, buildScenarioD, CODE_IDS, type BuiltProject } from './scenarios';

/** Single adds timed one after another, each awaited (a researcher's key presses). */
const DURABLE_ADDS = 200;
/** Openings timed per project. */
const OPENINGS = 3;

/** The targets of the issue. */
const BUILD_C_LIMIT_MS = 60_000;
const DURABLE_ADD_LIMIT_MS = 5;
const SIZE_RATIO_LIMIT = 2;
const OPEN_LIMIT_MS = 1000;
const RSS_LIMIT_MB = 250;

export interface StoreBenchInputs {
  /** A temporary folder the part may fill (and leaves for the caller to remove). */
  folder: string;
  random: Random;
  /** Scenario D already built (as actions), if the caller has it; built here otherwise. */
  d?: BuiltProject;
  /** Scenario C already built through addSegment (its `codingMs` is the build's time); built here otherwise. */
  c?: BuiltProject;
}

/** A row whose target is a limit in milliseconds given as "≤". */
function atMostRow(measure: string, document: string, values: number[], baseline: string, limit: number): Row {
  const value = median(values);
  return withMedian({ measure, document, result: ms(value), baseline, target: `≤ ${count(limit)} ms`, verdict: value <= limit ? 'PASS' : 'MISS' }, values);
}

/** Milliseconds of one append of `line` to `file`, flushed as the journal flushes it. */
async function plainAppend(file: string, line: string): Promise<number> {
  const started = performance.now();
  const handle = await open(file, 'a');
  try {
    await handle.write(line);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  return performance.now() - started;
}

/** Times DURABLE_ADDS single adds into the project in `folder`, and as many plain appends of the same journal line. */
async function durableAdds(built: BuiltProject, random: Random): Promise<{ adds: number[]; appends: number[]; segments: number }> {
  const store = await ProjectStore.open({ folder: built.folder, bundledDocuments: null, existingOnly: true });
  const adds: number[] = [];
  const appends: number[] = [];
  const segments = store.state.segments.length;
  try {
    const documentId = built.documentIds[0]!;
    const text = built.texts.get(documentId)!;
    const floorFile = join(built.folder, 'plain-append.bench');
    for (const span of randomCodedSpans(random, text, DURABLE_ADDS, CODE_IDS)) {
      const [segment, took] = await timed(() => store.addSegment({ id: randomUUID(), documentId, ...span }));
      adds.push(took);
      const line = `${JSON.stringify({ op: 'do', seq: 1, action: { id: randomUUID(), label: `Code “${segment.quote.slice(0, 40)}”`, at: segment.createdAt, changes: [{ kind: 'segment', id: segment.id, before: null, after: segment }] } })}\n`;
      appends.push(await plainAppend(floorFile, line));
    }
    await rm(floorFile, { force: true });
  } finally {
    await store.close();
  }
  return { adds, appends, segments };
}

/**
 * The project file's size and its segments' part alone (since schema 4, rows under one list of
 * field names: the history beside them is what the ratio measures), and how many actions its
 * history holds.
 */
async function fileSizes(folder: string): Promise<{ file: number; segments: number; segmentCount: number; done: number; undone: number }> {
  const bytes = await readFile(join(folder, 'project.json'));
  const project = JSON.parse(bytes.toString('utf8')) as { segments: { rows: unknown[] }; history: { done: unknown[]; undone: unknown[] } };
  return {
    file: bytes.length,
    segments: Buffer.byteLength(JSON.stringify(project.segments)),
    segmentCount: project.segments.rows.length,
    done: project.history.done.length,
    undone: project.history.undone.length,
  };
}

/**
 * Milliseconds to open the project in `folder` (each opening closed again, untimed), and the
 * processor time each took (which other programs on a loaded machine do not stretch as much).
 */
async function openings(folder: string): Promise<{ times: number[]; cpu: number[] }> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < OPENINGS; i++) {
    const before = process.cpuUsage();
    const [store, took] = await timed(() => ProjectStore.open({ folder, bundledDocuments: null, existingOnly: true }));
    const used = process.cpuUsage(before);
    times.push(took);
    cpu.push((used.user + used.system) / 1000);
    await store.close();
  }
  return { times, cpu };
}

/** Runs the memory child on the project in `folder`: its resident memory with the project open. */
async function mainProcessMemory(folder: string, work: string): Promise<{ rss: number; heapUsed: number; readyMs: number }> {
  const child = join(work, 'main-process-memory.cjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./children/main-process-memory.ts', import.meta.url))],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['pdfjs-dist', 'electron'],
    logLevel: 'error',
  });
  return new Promise((resolve, reject) => {
    const run = spawn(process.execPath, ['--expose-gc', child, folder], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    run.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    run.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    run.on('error', reject);
    run.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the memory child failed (${code}): ${err}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1)!) as { rss: number; heapUsed: number; readyMs: number });
    });
  });
}

/** The store's part of the bench: its rows and details. */
export async function benchStore(inputs: StoreBenchInputs): Promise<BenchSection> {
  const { folder, random } = inputs;
  const rows: Row[] = [];
  const details: string[] = [];

  const c = inputs.c ?? (progress('store: building C through addSegment (100,000 calls, 500 at a time)'),
    await buildScenarioC(random, join(folder, 'store-c'), join(folder, 'store-c-source'), 'addSegment'));
  rows.push(limitRow('Build C through addSegment', 'C', [c.codingMs], `${count(c.segmentCount)} segments, ${ms(c.codingMs / c.segmentCount)} each`, BUILD_C_LIMIT_MS));

  progress(`store: ${DURABLE_ADDS} durable adds with C open`);
  const durable = await durableAdds(c, random);
  rows.push(atMostRow('Durable add (addSegment, on disk)', 'C', durable.adds, `${ms(median(durable.appends))} plain append+fdatasync`, DURABLE_ADD_LIMIT_MS));
  details.push(`durable add with ${count(durable.segments)} segments in the project: ${spread(durable.adds)}; plain journal append: ${spread(durable.appends)}`);

  const d = inputs.d ?? (progress('store: building D as actions'), await buildScenarioD(random, join(folder, 'store-d'), join(folder, 'store-d-source'), 'actions'));
  for (const [name, built] of [['C', c], ['D', d]] as const) {
    const sizes = await fileSizes(built.folder);
    const ratio = sizes.file / sizes.segments;
    rows.push({
      measure: 'project.json beside its segments alone',
      document: name,
      result: `${megabytes(sizes.file)} (${ratio.toFixed(2)}x)`,
      baseline: `${megabytes(sizes.segments)} segments' rows`,
      target: `< ${SIZE_RATIO_LIMIT}x`,
      verdict: ratio < SIZE_RATIO_LIMIT ? 'PASS' : 'MISS',
    });
    details.push(`${name}: ${count(sizes.segmentCount)} segments, history ${sizes.done} actions to undo, ${sizes.undone} to redo`);
    progress(`store: opening ${name}`);
    const { times, cpu } = await openings(built.folder);
    rows.push(atMostRow('Open the project (read, check, index)', name, times, `${ms(median(cpu))} processor time`, OPEN_LIMIT_MS));
    details.push(`opening ${name}: ${spread(times)}; processor time ${spread(cpu)}`);
  }

  progress('store: main-process memory with D open');
  const memory = await mainProcessMemory(d.folder, folder);
  rows.push(amountRow('Main process RSS, project open', 'D', memory.rss / 1e6, 'MB', `heap ${megabytes(memory.heapUsed)}, ready in ${ms(memory.readyMs)}`, RSS_LIMIT_MB));
  details.push('main-process memory: a child process opens D through the session and the handlers, answers getSession, getProject and openDocument, collects garbage, then reads process.memoryUsage().rss');
  return { rows, details };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const folder = await mkdtemp(join(tmpdir(), 'bench-store-'));
  try {
    const section = await benchStore({ folder, random: mulberry32(14) });
    console.log(table(section.rows));
    for (const line of section.details) console.log(`  ${line}`);
  } finally {
    await rm(folder, { recursive: true, force: true, maxRetries: 5 });
  }
}
