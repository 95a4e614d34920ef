/**
 * The bench's REFI-QDA part (issue 14, target 3): a `.qdpx` of 100,000 coded segments on scenario
 * B's generated 2 MB document, exported and read back as the app runs them, in the worker thread
 * (its start and the data crossing to it and back included):
 *
 *   export of 100,000 segments           target ≤ 1.5 s
 *   read + place the same file           target ≤ 3 s   (the plan the store then applies)
 *
 * The program keeps its worker thread between jobs, so each is measured twice per run: first in
 * a fresh thread (as a researcher's first export or import in a session runs: the thread is
 * started and its code not yet compiled) and then again in the same thread (every later one).
 * Both carry the target.
 *
 * and, for reference, how long the main thread went without answering while each ran (the
 * longest event-loop stall: the work itself is in the thread), and the whole import through the
 * handlers into a real project (read, place, save the text, apply the action).
 *
 * Beside them, the floors measured in the same run on the same data (`floors`): zlib alone
 * deflating the file's project.qde at the writer's level and inflating it again, decoding its
 * UTF-8, and JSON.parse of the same segments written as JSON (the least that reading this much
 * data as text costs, in the fastest parser there is).
 *
 * Runnable alone: `npx tsx tests/bench/bench-exchange.ts` builds the worker's bundle (as
 * `npm run build` does) and the data in a temporary folder, prints its rows and removes the folder.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { DEFAULT_CODES } from '../../shared/model/codebook';
import type { DatasetInput } from '../../shared/model/project';
import { newDocumentRecord } from '../../electron/project/document-texts';
import { ExchangeThread, exchangeWorkers, qdpxBytesInThread } from '../../electron/services/refi-qda-thread';
import { unpackChanges } from '../../electron/services/segment-columns';
import { importProjectFile } from '../../electron/services/project-exchange';
import { ProjectStore } from '../../electron/project/project-store';
import { DEFLATE_LEVEL } from '../../electron/services/zip-writer';
import { ZipArchive } from '../../electron/services/zip-archive';
import type { CodedSegment } from '../../shared/model/segments';
import { generateDocument, mulberry32, randomCodedSpans, segmentsFor, type Random } from './generate';
import { count, infoRow, limitRow, megabytes, median, ms, progress, spread, table, timed, type BenchSection } from './report';

/** The segments of the file. */
export const EXCHANGE_SEGMENTS = 100_000;
const EXCHANGE_RUNS = 3;
const EXPORT_TARGET_MS = 1500;
const IMPORT_TARGET_MS = 3000;
const CODE_IDS = DEFAULT_CODES.map((code) => code.id);

/**
 * Runs `work` while watching the main thread's event loop: the longest stall, and the CPU time the
 * process spent meanwhile on all its threads (on a shared machine, a figure that other work on it
 * does not stretch as much as the time on the clock), both in milliseconds.
 */
async function watching<T>(work: () => Promise<T>): Promise<[T, number, number]> {
  // A timer every millisecond: the longest gap between two of its turns is the longest stall
  // (counted from the start, so that work done at once, before the first turn, is counted too).
  let last = performance.now();
  let longest = 0;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  };
  const timer = setInterval(tick, 1);
  const cpu = process.cpuUsage();
  try {
    const value = await work();
    tick();
    const used = process.cpuUsage(cpu);
    return [value, longest, (used.user + used.system) / 1000];
  } finally {
    clearInterval(timer);
  }
}

/** Time and CPU time of `work` (synchronous, on this thread), in milliseconds. */
function timedCpu(work: () => unknown): [number, number] {
  const start = performance.now();
  const cpu = process.cpuUsage();
  work();
  const used = process.cpuUsage(cpu);
  return [performance.now() - start, (used.user + used.system) / 1000];
}

interface Floors {
  /** Times, then CPU times, of each floor's runs. */
  deflate: [number[], number[]];
  inflate: [number[], number[]];
  decode: [number[], number[]];
  json: [number[], number[]];
  xmlBytes: number;
}

/**
 * The floors of an export and an import of `bytes` (a .qdpx of `segments`), each on this thread,
 * `EXCHANGE_RUNS` times: deflating its project.qde alone (zlib at the writer's level, in one call),
 * inflating it again, decoding it as UTF-8, and JSON.parse of the segments as JSON.
 */
function floors(bytes: Uint8Array, segments: readonly CodedSegment[]): Floors {
  const xml = ZipArchive.open('bench.qdpx', bytes).read('project.qde');
  const packed = deflateRawSync(xml, { level: DEFLATE_LEVEL });
  const json = JSON.stringify(segments);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const result: Floors = { deflate: [[], []], inflate: [[], []], decode: [[], []], json: [[], []], xmlBytes: xml.length };
  const add = (into: [number[], number[]], [time, cpu]: [number, number]) => {
    into[0].push(time);
    into[1].push(cpu);
  };
  for (let run = 0; run < EXCHANGE_RUNS; run++) {
    add(result.deflate, timedCpu(() => deflateRawSync(xml, { level: DEFLATE_LEVEL })));
    add(result.inflate, timedCpu(() => inflateRawSync(packed, { chunkSize: xml.length + 1 })));
    add(result.decode, timedCpu(() => utf8.decode(xml)));
    add(result.json, timedCpu(() => JSON.parse(json)));
  }
  return result;
}

/** Reads a bundle and plans its import into an empty project, as importProjectFile does, in the worker thread. */
async function readAndPlace(bytes: Uint8Array, document: DatasetInput['documents'][number]['record'], text: string, now: string): Promise<number> {
  const thread = new ExchangeThread();
  try {
    const read = await thread.ask({ kind: 'read', name: 'bench.qdpx', bytes });
    if (read.kind !== 'read') throw new Error(`read answered ${read.kind}`);
    const planned = await thread.ask({ kind: 'plan', sources: [{ sources: [0], document, isNew: false }], target: { codes: DEFAULT_CODES, segments: [], variables: [] }, now });
    if (planned.kind !== 'planned') throw new Error(`plan answered ${planned.kind}`);
    // As the main process takes the plan: its changes unpacked, each quote from the text.
    return unpackChanges(planned.changes, () => text).length;
  } finally {
    thread.close();
  }
}

/**
 * Exports 100,000 random segments on `text` (scenario B's document) to a `.qdpx` and reads them
 * back, `EXCHANGE_RUNS` times each; `folder` holds the project of the whole-import reference.
 */
export async function benchExchange(text: string, random: Random, folder: string): Promise<BenchSection> {
  const now = new Date(0).toISOString();
  const record = newDocumentRecord('generated-2mb.txt', text, { name: 'generated-2mb.txt', sha256: '', format: 'text', encoding: 'utf-8' }, now);
  const dataset: DatasetInput = {
    documents: [{ record, text }],
    codes: DEFAULT_CODES,
    segments: segmentsFor(text, record.id, randomCodedSpans(random, text, EXCHANGE_SEGMENTS, CODE_IDS)),
  };
  const options = { projectId: 'bench', projectName: 'bench', coder: 'bench', now };
  /** Times, event-loop stalls and CPU times of each way, fresh thread ('first') or kept one ('again'). */
  const figures = () => ({ times: [] as number[], stalls: [] as number[], cpu: [] as number[] });
  const exports = { first: figures(), again: figures() };
  const imports = { first: figures(), again: figures() };
  const measure = async <T>(into: ReturnType<typeof figures>, work: () => Promise<T>): Promise<T> => {
    const [[value, time], stall, used] = await watching(() => timed(work));
    into.times.push(time);
    into.stalls.push(stall);
    into.cpu.push(used);
    return value;
  };
  let bytes: Uint8Array = new Uint8Array(0);
  let placed = 0;
  for (let run = 0; run < EXCHANGE_RUNS; run++) {
    progress(`REFI-QDA: export and read back ${count(EXCHANGE_SEGMENTS)} segments, run ${run + 1} of ${EXCHANGE_RUNS}`);
    exchangeWorkers.end();
    bytes = await measure(exports.first, () => qdpxBytesInThread(dataset, options));
    await measure(exports.again, () => qdpxBytesInThread(dataset, options));
    exchangeWorkers.end();
    placed = await measure(imports.first, () => readAndPlace(bytes, record, text, now));
    await measure(imports.again, () => readAndPlace(bytes, record, text, now));
  }
  progress('REFI-QDA: the floors (zlib alone, UTF-8 decoding, JSON.parse of the same segments)');
  const floor = floors(bytes, dataset.segments);
  const deflateFloor = `zlib deflate alone ${ms(median(floor.deflate[0]))}`;
  const readFloor = `inflate + decode alone ${ms(median(floor.inflate[0]) + median(floor.decode[0]))}`;
  // Once: the whole import into a real project, through the store (its apply and save are the store's to make fast).
  progress('REFI-QDA: the whole import into a project');
  await mkdir(join(folder, 'no-documents'), { recursive: true });
  const store = await ProjectStore.open({ folder: join(folder, 'exchange-project'), bundledDocuments: join(folder, 'no-documents'), coder: 'bench' });
  let whole: number;
  try {
    [, whole] = await timed(() => importProjectFile(store, 'bench.qdpx', bytes, new Date()));
  } finally {
    await store.close();
  }
  return {
    rows: [
      limitRow('REFI-QDA export, 100k segments, fresh worker', 'B', exports.first.times, `${deflateFloor}; first in a session`, EXPORT_TARGET_MS),
      limitRow('REFI-QDA export, 100k segments, kept worker', 'B', exports.again.times, `${deflateFloor}; every later export`, EXPORT_TARGET_MS),
      limitRow('REFI-QDA read + place, 100k, fresh worker', 'B', imports.first.times, `${readFloor}; first in a session`, IMPORT_TARGET_MS),
      limitRow('REFI-QDA read + place, 100k, kept worker', 'B', imports.again.times, `${readFloor}; every later import`, IMPORT_TARGET_MS),
      infoRow('REFI-QDA whole import into a project', 'B', [whole], 'read, place, save, apply'),
    ],
    details: [
      `  B REFI-QDA export fresh ${spread(exports.first.times)}, kept ${spread(exports.again.times)}; read + place fresh ${spread(imports.first.times)}, kept ${spread(imports.again.times)}; ${count(dataset.segments.length)} segments, ${megabytes(bytes.length)} .qdpx`,
      `       the main thread's longest stall meanwhile (median): export ${ms(median(exports.first.stalls))} fresh, ${ms(median(exports.again.stalls))} kept; read + place ${ms(median(imports.first.stalls))} fresh, ${ms(median(imports.again.stalls))} kept`,
      `       CPU time of all threads (median): export ${ms(median(exports.first.cpu))} fresh, ${ms(median(exports.again.cpu))} kept; read + place ${ms(median(imports.first.cpu))} fresh, ${ms(median(imports.again.cpu))} kept`,
      `       the whole import through the store (read, place, save the text, apply one action): ${ms(whole)}; ${count(placed)} placed`,
      `       floors on this thread (median time / CPU time): the ${megabytes(floor.xmlBytes)} project.qde deflated by zlib alone at level ${DEFLATE_LEVEL} ` +
        `${ms(median(floor.deflate[0]))} / ${ms(median(floor.deflate[1]))}, inflated ${ms(median(floor.inflate[0]))} / ${ms(median(floor.inflate[1]))}, ` +
        `decoded as UTF-8 ${ms(median(floor.decode[0]))} / ${ms(median(floor.decode[1]))}; JSON.parse of the same segments as JSON ${ms(median(floor.json[0]))} / ${ms(median(floor.json[1]))}`,
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
  // The worker's bundle, as npm run build makes it (the thread loads it from dist/electron).
  const { build } = await import('esbuild');
  await build({
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'pdfjs-dist'],
    logLevel: 'warning',
    entryPoints: [join(root, 'electron', 'services', 'refi-qda-worker.ts')],
    outfile: join(root, 'dist', 'electron', 'refi-qda-worker.cjs'),
  });
  process.chdir(root);
  const folder = await mkdtemp(join(tmpdir(), 'awb-bench-exchange-'));
  try {
    const random = mulberry32(20251123);
    const text = generateDocument(random, 2_000_000);
    const section = await benchExchange(text, random, folder);
    console.log(table(section.rows));
    console.log(section.details.join('\n'));
  } finally {
    await rm(folder, { recursive: true, force: true, maxRetries: 5 });
  }
}
