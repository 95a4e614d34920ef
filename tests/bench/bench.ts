/**
 * `npm run bench`: measures the workbench at the sizes researchers reach, through the real code
 * (the built renderer in Chromium over the preview server, the real project store and CSV
 * export), and prints each figure beside a baseline measured in the same run and its target.
 *
 *   1. open and draw a coded document      vs the same text without highlights   target ≤ 2x
 *   2. code key pressed → highlight drawn  (a no-op key + frame for reference)   target < 50 ms
 *   3. addSegment until durable on disk    vs a plain write of the project's bytes target ≤ 3x
 *   4. CSV export of 100,000 segments      (a plain write of the CSV for reference) target < 2 s
 *
 * for (A) the largest bundled document with ~300 segments and (B) a generated ~2 MB document with
 * 10,000 segments. A missed target is reported, not failed: the bench exits non-zero only when
 * something crashes. Data comes from a seeded PRNG, so every run measures the same texts.
 */
import { randomUUID } from 'node:crypto';
import { copyFile, cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEFAULT_CODES } from '../../shared/model/codebook';
import { segmentsCsv, segmentsCsvChunks } from '../../shared/exports/csv-export';
import { type DatasetInput } from '../../shared/model/project';
import { layoutText, type TextLayout } from '../../shared/text/text-layout';
import { writeFileDurably } from '../../electron/project/atomic-write';
import { qdpxBytes, readQdpx } from '../../electron/services/refi-qda';
import { planProjectImport } from '../../shared/exchange/refi-qda/project-import';
import { reliabilityReport } from '../../shared/stats/reliability-report';
import { saveIntoFolder } from '../../electron/services/export-folder';
import { createHandlers } from '../../electron/handlers/handlers';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/preview-server';
import { ProjectStore } from '../../electron/project/project-store';
import {
  generateDocument,
  mulberry32,
  pick,
  randomCodedSpans,
  randomSpan,
  segmentsFor,
  type Random,
  type Span,
} from './generate';
import type * as PageProbes from './page-probes';
import {
  closeEach,
  count,
  infoRow,
  limitRow,
  median,
  jsonRow,
  megabytes,
  ms,
  progress,
  ratioRow,
  spread,
  table,
  tempFileSystem,
  timed,
  type Row,
} from './report';
import type { FrameTimes, LinePassage } from './page-probes';

const SEED = 20251123;
const CHROMIUM = '/usr/bin/chromium';
const GENERATED_BYTES = 2_000_000;
const GENERATED_SEGMENTS = 10_000;
const BUNDLED_SEGMENTS = 300;
const CSV_SEGMENTS = 100_000;
/** addSegment calls made at once while building a project (the store merges their writes). */
const ADD_BATCH = 500;
/** Open-and-draw runs per variant: more for the small document, whose runs are short and noisy. */
const OPEN_RUNS = { A: 9, B: 7 } as const;
const PRESS_RUNS = 10;
const DURABLE_RUNS = 20;
const CSV_RUNS = 3;
const EXCHANGE_RUNS = 3;
const AGREEMENT_RUNS = 3;
const AGREEMENT_SEGMENTS = 10_000;
const PRESS_CODE = DEFAULT_CODES[0]; // factual-claim, key '1'

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CODE_IDS = DEFAULT_CODES.map((code) => code.id);

// ---------------------------------------------------------------------------------------------
// The two scenarios

interface Scenario {
  key: 'A' | 'B';
  file: string;
  text: string;
  layout: TextLayout;
  documentId: string;
  /** Folder the store copies the document from (holds only this document). */
  source: string;
  coded: ProjectStore;
  plain: ProjectStore;
  segmentCount: number;
}

/**
 * Makes two projects over one document: one coded with `segmentCount` random segments (added
 * through the real store, in concurrent batches) and one without segments (the baseline).
 */
async function prepareScenario(
  tmp: string,
  key: 'A' | 'B',
  file: string,
  writeSource: (target: string) => Promise<void>,
  text: string,
  segmentCount: number,
  random: Random,
): Promise<Scenario> {
  const source = join(tmp, `${key}-source`);
  await mkdir(source);
  await writeSource(join(source, file));
  const coded = await ProjectStore.open({ folder: join(tmp, `${key}-coded`), bundledDocuments: source, coder: 'bench' });
  const plain = await ProjectStore.open({ folder: join(tmp, `${key}-plain`), bundledDocuments: source, coder: 'bench' });
  const documentId = coded.overview().documents[0].id;
  const spans = randomCodedSpans(random, text, segmentCount, CODE_IDS);
  for (let i = 0; i < spans.length; i += ADD_BATCH) {
    await Promise.all(
      spans.slice(i, i + ADD_BATCH).map((span) => coded.addSegment({ id: randomUUID(), documentId, ...span })),
    );
  }
  return { key, file, text, layout: layoutText(text), documentId, source, coded, plain, segmentCount };
}

// ---------------------------------------------------------------------------------------------
// 3. Durability (Node only)

interface DurableResult {
  add: number[];
  plainWrite: number[];
  projectBytes: number;
  /** A plain write of just the journal record that the add appended (reference). */
  recordWrite: number[];
  /** Rewriting the whole project file durably, as on open, close and every 2,000 changes. */
  fullSave: number[];
}

/**
 * On a copy of the coded project, times addSegment (which resolves once its journal record is
 * flushed to disk) against a plain writeFileSync of project.json's bytes into the same folder,
 * alternating the two; for reference, a plain write of the record alone and a durable rewrite of
 * the whole project file.
 */
async function measureDurable(tmp: string, scenario: Scenario, random: Random): Promise<DurableResult> {
  const folder = join(tmp, `${scenario.key}-durable`);
  await cp(scenario.coded.folder, folder, { recursive: true });
  const store = await ProjectStore.open({ folder, bundledDocuments: scenario.source });
  const baselineFile = join(folder, 'baseline-plain-write.json');
  const result: DurableResult = { add: [], plainWrite: [], projectBytes: 0, recordWrite: [], fullSave: [] };
  const journalFile = join(folder, 'project.journal');
  try {
    for (let run = -2; run < DURABLE_RUNS; run++) {
      // Two warm-up rounds: the first add reads and checks the document text.
      const span = randomSpan(random, scenario.text, 5, 300);
      const input = { id: randomUUID(), documentId: scenario.documentId, codeId: pick(random, CODE_IDS), ...span };
      const [, add] = await timed(() => store.addSegment(input));
      const bytes = readFileSync(store.file);
      const [, plainWrite] = await timed(() => writeFileSync(baselineFile, bytes));
      const record = readFileSync(journalFile, 'utf8').trimEnd().split('\n').at(-1) ?? '';
      const [, recordWrite] = await timed(() => writeFileSync(`${baselineFile}.record`, `${record}\n`));
      if (run < 0) continue;
      result.add.push(add);
      result.plainWrite.push(plainWrite);
      result.recordWrite.push(recordWrite);
      result.projectBytes = bytes.length;
    }
    for (let run = 0; run < 5; run++) result.fullSave.push((await timed(() => store.retrySave()))[1]);
  } finally {
    await store.close();
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// 1 and 2. The renderer in Chromium

type Probes = typeof PageProbes;
type ProbeName = {
  [N in keyof Probes]: Probes[N] extends (...args: never[]) => unknown ? N : never;
}[keyof Probes];

/** Calls a probe inside the page (see page-probes.ts); only the probe's own timing counts. */
async function probe<N extends ProbeName>(
  page: Page,
  name: N,
  ...args: Parameters<Probes[N]>
): Promise<Awaited<ReturnType<Probes[N]>>> {
  const value = await page.evaluate(
    ({ name, args }) => {
      const probes = (window as unknown as { __benchProbes: Record<string, (...a: unknown[]) => unknown> })
        .__benchProbes;
      return probes[name](...args);
    },
    { name: name as string, args: args as unknown[] },
  );
  return value as Awaited<ReturnType<Probes[N]>>;
}

/** page-probes.ts as one classic script that defines `window.__benchProbes`. */
async function probesScript(): Promise<string> {
  const output = await build({
    entryPoints: [join(ROOT, 'tests', 'bench', 'page-probes.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__benchProbes',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  // Init scripts may run inside a function, so the global is set explicitly.
  return `${output.outputFiles[0].text}\nwindow.__benchProbes = __benchProbes;\n`;
}

/** Loads the app fresh (a new document, not a fragment change) and waits for the document list. */
async function loadApp(page: Page, server: PreviewServer, documentId: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForSelector(`.document-button[data-document-id="${documentId}"]`, { timeout: 60_000 });
  await probe(page, 'settle');
}

async function timeOpen(page: Page, server: PreviewServer, documentId: string): Promise<FrameTimes> {
  await loadApp(page, server, documentId);
  return probe(page, 'openAndDraw', documentId, 120_000);
}

/** Line index of an offset inside some line's content. */
function lineOf(layout: TextLayout, offset: number): number {
  let lo = 0;
  let hi = layout.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (layout.lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function toLinePassage(layout: TextLayout, span: Span): LinePassage {
  const startLine = lineOf(layout, span.start);
  const endLine = lineOf(layout, span.end - 1); // the span ends on a character, never past a break
  return {
    startLine,
    startColumn: span.start - layout.lines[startLine].start,
    endLine,
    endColumn: span.end - layout.lines[endLine].start,
  };
}

function lineText(layout: TextLayout, line: number): string {
  const { start, length } = layout.lines[line];
  return layout.text.slice(start, start + length);
}

/** A random passage of 10–120 characters not yet wholly coded with the pressed code. */
async function freshPassage(page: Page, scenario: Scenario, random: Random): Promise<LinePassage> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const passage = toLinePassage(scenario.layout, randomSpan(random, scenario.text, 10, 120));
    const check = await probe(page, 'checkPassage', passage, PRESS_CODE.id);
    if (
      check.startLineText !== lineText(scenario.layout, passage.startLine) ||
      check.endLineText !== lineText(scenario.layout, passage.endLine)
    ) {
      throw new Error(`the text view does not show line ${passage.startLine} as the text has it`);
    }
    if (!check.covered) return passage;
  }
  throw new Error('found no passage that is not already coded');
}

/** Per measure, the `drawn` times (the targets) and the `painted` times (supplementary). */
interface Timings {
  drawn: number[];
  painted: number[];
}

function timings(): Timings {
  return { drawn: [], painted: [] };
}

function record(into: Timings, times: FrameTimes): void {
  into.drawn.push(times.drawn);
  into.painted.push(times.painted);
}

interface BrowserResult {
  open: Timings;
  openBaseline: Timings;
  press: Timings;
  pressBaseline: Timings;
}

async function measureBrowser(browser: Browser, script: string, tmp: string, scenario: Scenario, random: Random): Promise<BrowserResult> {
  const rendererFolder = join(ROOT, 'dist', 'renderer');
  const chooseSavePath = saveIntoFolder(join(tmp, 'exports'));
  const codedServer = await startPreviewServer({ handlers: createHandlers({ store: scenario.coded, chooseSavePath }), rendererFolder });
  const plainServer = await startPreviewServer({ handlers: createHandlers({ store: scenario.plain, chooseSavePath }), rendererFolder });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const result: BrowserResult = { open: timings(), openBaseline: timings(), press: timings(), pressBaseline: timings() };
  try {
    await context.addInitScript({ content: script });
    const page = await context.newPage();
    page.on('pageerror', (error) => progress(`page error: ${error.message}`));

    // 1. Open and draw, alternating baseline and highlighted runs; one warm-up pair first.
    for (let run = -1; run < OPEN_RUNS[scenario.key]; run++) {
      const baseline = await timeOpen(page, plainServer, scenario.documentId);
      const coded = await timeOpen(page, codedServer, scenario.documentId);
      progress(
        `  ${scenario.key} open ${run < 0 ? 'warm-up' : `run ${run + 1}`}: ` +
          `no highlights ${ms(baseline.drawn)}, highlighted ${ms(coded.drawn)}`,
      );
      if (run < 0) continue;
      record(result.openBaseline, baseline);
      record(result.open, coded);
    }

    // 2. Key press to highlight, each on a fresh passage; one warm-up press first.
    await loadApp(page, codedServer, scenario.documentId);
    await probe(page, 'openAndDraw', scenario.documentId, 120_000);
    for (let run = -1; run < PRESS_RUNS; run++) {
      const passage = await freshPassage(page, scenario, random);
      await probe(page, 'selectPassage', passage);
      const baseline = await probe(page, 'pressNoOpKey');
      const press = await probe(page, 'pressCodeKey', PRESS_CODE.key ?? '1', passage, PRESS_CODE.id, 10_000);
      // Let the save finish before the next press, so that presses do not overlap writes.
      await page.waitForSelector('.save-status[data-state="saved"]', { timeout: 60_000 });
      if (run < 0) continue;
      record(result.pressBaseline, baseline);
      record(result.press, press);
    }
    progress(`  ${scenario.key} key presses: ${result.press.drawn.map(ms).join(', ')}`);
  } finally {
    // The page first, so that it sends nothing more; each server then waits for its operations.
    await closeEach([() => context.close(), () => codedServer.close(), () => plainServer.close()]);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// 4. CSV export

interface CsvResult {
  /** Making the CSV text alone, in memory (reference). */
  build: number[];
  /** The export as the app runs it: text made in chunks and written durably as it is made. */
  total: number[];
  plainWrite: number[];
  bytes: number;
  rows: number;
}

/**
 * Times the export of 100,000 segments as the app runs it (segmentsCsvChunks streamed into
 * writeFileDurably), with the text alone and a plain write of the same CSV for reference.
 */
async function measureCsv(tmp: string, scenario: Scenario, random: Random): Promise<CsvResult> {
  const folder = join(tmp, 'csv');
  await mkdir(folder);
  const { documents, codes } = await scenario.coded.dataset();
  const spans = randomCodedSpans(random, scenario.text, CSV_SEGMENTS, CODE_IDS);
  const dataset: DatasetInput = { documents, codes, segments: segmentsFor(scenario.text, scenario.documentId, spans) };
  const result: CsvResult = { build: [], total: [], plainWrite: [], bytes: 0, rows: 0 };
  for (let run = 0; run < CSV_RUNS; run++) {
    const [, total] = await timed(() => writeFileDurably(join(folder, 'export.csv'), segmentsCsvChunks(dataset, 'standard')));
    const [csv, build] = await timed(() => segmentsCsv(dataset, 'standard'));
    const [, plainWrite] = await timed(() => writeFileSync(join(folder, 'baseline-plain-write.csv'), csv));
    result.build.push(build);
    result.total.push(total);
    result.plainWrite.push(plainWrite);
    result.bytes = (await stat(join(folder, 'export.csv'))).size;
    result.rows = dataset.segments.length;
  }
  return result;
}

interface ExchangeResult {
  exportQdpx: number[];
  importPlan: number[];
  bytes: number;
  segments: number;
  placed: number;
}

/** REFI-QDA: a .qdpx of the generated document with 100k segments written, then read and placed again. */
async function measureExchange(scenario: Scenario, random: Random): Promise<ExchangeResult> {
  const { documents, codes } = await scenario.coded.dataset();
  const spans = randomCodedSpans(random, scenario.text, CSV_SEGMENTS, CODE_IDS);
  const dataset: DatasetInput = { documents, codes, segments: segmentsFor(scenario.text, scenario.documentId, spans) };
  const result: ExchangeResult = { exportQdpx: [], importPlan: [], bytes: 0, segments: dataset.segments.length, placed: 0 };
  const options = { projectId: 'bench', projectName: 'bench', coder: 'bench', now: new Date(0).toISOString() };
  for (let run = 0; run < EXCHANGE_RUNS; run++) {
    const [bytes, exportTime] = await timed(() => qdpxBytes(dataset, options));
    const [plan, importTime] = await timed(() => {
      const bundle = readQdpx('bench.qdpx', bytes);
      const resolved = bundle.sources.map(({ source, text }) => ({ source, document: documents[0].record, text: text!, isNew: false }));
      return planProjectImport(bundle.project, resolved, { codes, segments: [], variables: [] }, { now: options.now, newCodeId: (ref) => ref, newSegmentId: randomUUID });
    });
    result.exportQdpx.push(exportTime);
    result.importPlan.push(importTime);
    result.bytes = bytes.length;
    result.placed = plan.counts.segments;
  }
  return result;
}

interface AgreementResult {
  plain: number[];
  bootstrap: number[];
  units: number;
  segments: number;
}

/** The reliability report of two coders with 10k random segments each on the generated document. */
function measureAgreement(scenario: Scenario, random: Random): AgreementResult {
  const segments = ['ana', 'bea'].flatMap((coder) =>
    segmentsFor(scenario.text, scenario.documentId, randomCodedSpans(random, scenario.text, AGREEMENT_SEGMENTS, CODE_IDS)).map((s) => ({ ...s, coder })),
  );
  const input = { documents: [{ id: scenario.documentId, title: 'B', text: scenario.text }], codes: DEFAULT_CODES, segments };
  const options = { coders: ['ana', 'bea'], documentIds: [scenario.documentId], codeIds: CODE_IDS, minOverlap: 90 };
  const result: AgreementResult = { plain: [], bootstrap: [], units: 0, segments: segments.length };
  for (let run = 0; run < AGREEMENT_RUNS; run++) {
    const started = performance.now();
    result.units = reliabilityReport(input, options).units;
    result.plain.push(performance.now() - started);
  }
  // Once: it takes a while (its time grows with samples × characters).
  const again = performance.now();
  reliabilityReport(input, { ...options, bootstrap: { samples: 200, seed: 1 } });
  result.bootstrap.push(performance.now() - again);
  return result;
}

// ---------------------------------------------------------------------------------------------

async function largestBundledDocument(): Promise<{ file: string; path: string }> {
  const folder = join(ROOT, 'documents');
  let best: { file: string; path: string; size: number } | null = null;
  for (const file of (await readdir(folder)).filter((name) => name.endsWith('.txt'))) {
    const path = join(folder, file);
    const { size } = await stat(path);
    if (!best || size > best.size) best = { file, path, size };
  }
  if (!best) throw new Error('there is no .txt file in documents/');
  return best;
}

/** `--json FILE`: the figures also as JSON, so that two runs can be compared. */
const JSON_OUT = ((): string | null => {
  const at = process.argv.indexOf('--json');
  if (at === -1) return null;
  const file = process.argv[at + 1];
  if (!file || file.startsWith('--')) {
    process.stderr.write('bench: --json needs a file name (npm run bench -- --json figures.json)\n');
    process.exit(2);
  }
  return file;
})();

async function main(): Promise<void> {
  const random = mulberry32(SEED);
  const tmp = await mkdtemp(join(tmpdir(), 'workbench-bench-'));
  const scenarios: Scenario[] = [];
  let browser: Browser | null = null;
  try {
    progress('building the projects');
    const bundled = await largestBundledDocument();
    const bundledText = readFileSync(bundled.path, 'utf8');
    scenarios.push(
      await prepareScenario(tmp, 'A', bundled.file, (target) => copyFile(bundled.path, target), bundledText, BUNDLED_SEGMENTS, random),
    );
    const generatedText = generateDocument(random, GENERATED_BYTES);
    scenarios.push(
      await prepareScenario(tmp, 'B', 'generated-2mb.txt', (target) => writeFile(target, generatedText), generatedText, GENERATED_SEGMENTS, random),
    );

    const durable = new Map<string, DurableResult>();
    for (const scenario of scenarios) {
      progress(`${scenario.key}: timing durable adds`);
      durable.set(scenario.key, await measureDurable(tmp, scenario, random));
    }

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const chromiumVersion = browser.version();
    const script = await probesScript();
    const browserResults = new Map<string, BrowserResult>();
    for (const scenario of scenarios) {
      progress(`${scenario.key}: timing the renderer`);
      browserResults.set(scenario.key, await measureBrowser(browser, script, tmp, scenario, random));
    }
    await browser.close();
    browser = null;

    progress('timing the CSV export');
    const csv = await measureCsv(tmp, scenarios[1], random);
    progress('timing the REFI-QDA export and import');
    const exchange = await measureExchange(scenarios[1], random);
    progress('timing the reliability report');
    const agreement = measureAgreement(scenarios[1], random);

    // The report.
    const rows: Row[] = [];
    for (const scenario of scenarios) {
      const b = browserResults.get(scenario.key)!;
      rows.push(ratioRow('1. open + draw', scenario.key, b.open.drawn, b.openBaseline.drawn, 'no highlights', 2));
    }
    for (const scenario of scenarios) {
      const b = browserResults.get(scenario.key)!;
      const reference = `${ms(median(b.pressBaseline.drawn))} no-op key + frame (ref.)`;
      rows.push(limitRow('2. key → highlight drawn', scenario.key, b.press.drawn, reference, 50));
    }
    for (const scenario of scenarios) {
      const d = durable.get(scenario.key)!;
      rows.push(ratioRow('3. addSegment until durable', scenario.key, d.add, d.plainWrite, 'plain write', 3));
    }
    rows.push(limitRow('4. CSV export, 100k segments', 'B', csv.total, `${ms(median(csv.plainWrite))} plain write of CSV (ref.)`, 2000));
    rows.push(infoRow('5. QDPX export, 100k segments', 'B', exchange.exportQdpx, `${megabytes(exchange.bytes)} zipped`));
    rows.push(infoRow('5. QDPX read + place, 100k', 'B', exchange.importPlan, `${count(exchange.placed)} placed`));
    rows.push(infoRow('6. agreement, 2 × 10k segments', 'B', agreement.plain, `${count(agreement.units)} characters`));
    rows.push(infoRow('6. the same + 200 bootstrap samples', 'B', agreement.bootstrap, 'seed 1'));

    const lines = [
      'Annotation Workbench bench',
      `node ${process.version} · ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}) · Chromium ${chromiumVersion} (${CHROMIUM}) · temp files on ${tempFileSystem()} · seed ${SEED}`,
      '',
      'Documents',
    ];
    for (const scenario of scenarios) {
      const blank = scenario.layout.lines.filter((line) => line.length === 0).length;
      const what = scenario.key === 'A' ? `largest bundled document ${scenario.file}` : 'generated document';
      lines.push(
        `  ${scenario.key}: ${what}, ${megabytes(Buffer.byteLength(scenario.text))}, ${count(scenario.text.length)} chars, ` +
          `${count(scenario.layout.lines.length)} lines (${count(blank)} blank), ${count(scenario.segmentCount)} coded segments; ` +
          `project file ${megabytes(durable.get(scenario.key)!.projectBytes)}`,
      );
    }
    lines.push('', table(rows), '', 'Details');
    for (const scenario of scenarios) {
      const b = browserResults.get(scenario.key)!;
      const d = durable.get(scenario.key)!;
      lines.push(
        `  ${scenario.key} 1. highlighted ${spread(b.open.drawn)}; no highlights ${spread(b.openBaseline.drawn)}`,
        `       until painted (median): highlighted ${ms(median(b.open.painted))}; no highlights ${ms(median(b.openBaseline.painted))}`,
        `  ${scenario.key} 2. key '${PRESS_CODE.key}' (${PRESS_CODE.id}) ${spread(b.press.drawn)}; no-op key (Shift) + frame ${spread(b.pressBaseline.drawn)}`,
        `       until painted (median): key '${PRESS_CODE.key}' ${ms(median(b.press.painted))}; no-op key ${ms(median(b.pressBaseline.painted))}`,
        `  ${scenario.key} 3. addSegment ${spread(d.add)}; writeFileSync of project.json bytes ${spread(d.plainWrite)}`,
        `       for reference: writeFileSync of the journal record alone ${ms(median(d.recordWrite))}; ` +
          `durable rewrite of the whole project file (on open, close, every 2,000 changes) ${ms(median(d.fullSave))}`,
      );
    }
    lines.push(
      `  B 4. ${count(csv.rows)} rows, ${megabytes(csv.bytes)}: export streamed to disk ${spread(csv.total)}; ` +
        `the text alone in memory ${ms(median(csv.build))}; writeFileSync of it ${spread(csv.plainWrite)}`,
      '',
      'Timings 1–2 run inside the page (performance.now()): 1 from the click on the document button until',
      '.text-host[data-ready] exists and one animation frame plus a forced layout have passed; 2 from the',
      "keydown until the passage is inside .seg.code-factual-claim spans and one frame plus a forced layout",
      'have passed. "Until painted" adds the rest of that frame (paint and the commit to the compositor):',
      'the time until the next task after it; it is for reference and has no target. 3 resolves when the',
      "change's record is appended to project.journal and flushed (fdatasync); the project file itself is",
      'rewritten (temporary file, fsync, rename, fsync of the folder) on open, on close and every 2,000',
      'changes. A MISS is reported, not failed.',
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    if (JSON_OUT !== null) {
      const figures = {
        bench: 'Annotation Workbench',
        at: new Date().toISOString(),
        node: process.version,
        cpus: cpus().length,
        chromium: chromiumVersion,
        seed: SEED,
        scenarios: scenarios.map((scenario) => ({
          key: scenario.key,
          bytes: Buffer.byteLength(scenario.text),
          chars: scenario.text.length,
          lines: scenario.layout.lines.length,
          segments: scenario.segmentCount,
          projectFileBytes: durable.get(scenario.key)!.projectBytes,
        })),
        rows: rows.map(jsonRow),
      };
      writeFileSync(JSON_OUT, `${JSON.stringify(figures, null, 2)}\n`);
      progress(`figures written to ${JSON_OUT}`);
    }
  } finally {
    try {
      // Whatever could still write into the temporary folder is closed before it is removed.
      await closeEach([
        () => browser?.close(),
        ...scenarios.flatMap((scenario) => [() => scenario.coded.close(), () => scenario.plain.close()]),
      ]);
    } finally {
      await removeTemporaryFolder(tmp);
    }
  }
}

/**
 * Removes the bench's temporary folder, retrying while the file system still settles (ENOTEMPTY,
 * EBUSY). A folder left behind is reported, not a failure: the measurements are complete by then.
 */
async function removeTemporaryFolder(folder: string): Promise<void> {
  try {
    await rm(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    process.stderr.write(`bench: could not remove its temporary folder ${folder} (${(error as Error).message}); remove it by hand.\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
