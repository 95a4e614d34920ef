/**
 * The text view's part of the bench (issue 14, item 1): for A (the largest bundled document, 300
 * segments), B (a generated 2 MB document, 10,000 segments) and C (a generated 10 MB document,
 * 100,000 segments), through the built renderer in Chromium over the preview server:
 *
 *   open + draw             vs the floor: the same text as one plain <p> per line, same column   ≤ 1.2x
 *   key → highlight drawn   (a no-op key + frame for reference)                                   ≤ 16 ms
 *   C: scrolling from top to end, one screen per frame: the longest frame and the 95th percentile  < 50 ms
 *      (beside the same scroll over the floor's plain paragraphs), and a reader's scroll: 100 px
 *      per frame for 600 frames from the middle of the text                                        < 50 ms
 *   C: the page's JS heap after a garbage collection                                               ≤ 60 MB
 *   C: undo and redo of an action of 10,000 segments, key → outcome drawn (with the main process's part)  info
 *
 * `npx tsx tests/bench/bench-text-view.ts` runs it on its own (it builds its projects in a
 * temporary folder and removes it); `--only=scroll` measures C's scroll and heap rows alone, `--only=A`
 * A's open + draw and heap alone. A
 * missed target is reported, not failed.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEFAULT_CODES } from '../../shared/model/codebook';
import { layoutText, type TextLayout } from '../../shared/text/text-layout';
import { createHandlers } from '../../electron/handlers/handlers';
import { startPreviewServer } from '../../electron/preview/preview-server';
import { saveIntoFolder } from '../../electron/services/export-folder';
import { ProjectStore } from '../../electron/project/project-store';
import { generateDocument, mulberry32, randomCodedSpans, randomSpan, type Random, type Span } from './generate';
import { probe, probesScript } from './page-bench';
import type { FrameTimes, LinePassage } from './page-probes';
import type { ScrollFrames, TextColumn } from './probes-text-view';
import { amountRow, closeEach, count, median, megabytes, ms, progress, spread, table, withMedian, type BenchSection, type Row } from './report';
import { buildScenarioC, codeInto, CODE_IDS, type BuiltProject } from './scenarios';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEED = 20251201;
const PRESS_CODE = DEFAULT_CODES[0]; // factual-claim, key '1'
const OPEN_RUNS = { A: 7, B: 5, C: 3 } as const;
const PRESS_RUNS = 10;
/** Open + draw may take at most this times its floor. */
const OPEN_RATIO = 1.2;
/** One frame. */
const PRESS_LIMIT_MS = 16;
const SCROLL_LIMIT_MS = 50;
const HEAP_LIMIT_MB = 60;
/**
 * The floor's scroll goes this many screens at most: the plain paragraphs' page takes some 300 ms a
 * frame here, so the whole of C (over 6,000 screens) would hold the bench for half an hour.
 */
const FLOOR_SCROLL_SCREENS = 600;
/** Segments of the action undone and redone in C (as "code all hits" makes one), and how often. */
const BULK_SEGMENTS = 10_000;
const BULK_RUNS = 3;
/** A reader's scroll: this many pixels per frame (a wheel step), for this many frames. */
const WHEEL_STEP_PX = 100;
const WHEEL_FRAMES = 600;

type Key = 'A' | 'B' | 'C';

/** A project of one document for the bench, served to the page by its own store. */
export interface TextScenario {
  key: Key;
  what: string;
  text: string;
  layout: TextLayout;
  documentId: string;
  folder: string;
  source: string;
  segmentCount: number;
}

// ---------------------------------------------------------------------------------------------
// The projects

/** A closed project of one document, `segmentCount` random segments coded into it. */
async function buildOneDocument(tmp: string, key: Key, what: string, file: string, text: string, segmentCount: number, random: Random): Promise<TextScenario> {
  const source = join(tmp, `${key}-source`);
  const folder = join(tmp, `${key}-project`);
  await mkdir(source, { recursive: true });
  await writeFile(join(source, file), text);
  const store = await ProjectStore.open({ folder, bundledDocuments: source, coder: 'bench' });
  try {
    const documentId = store.documents[0].id;
    const spans = randomCodedSpans(random, text, segmentCount, CODE_IDS);
    await codeInto(store, spans.map((span) => ({ ...span, documentId })), 'actions');
    return { key, what, text, layout: layoutText(text), documentId, folder, source, segmentCount };
  } finally {
    await store.close();
  }
}

async function largestBundledDocument(): Promise<{ file: string; text: string }> {
  const folder = join(ROOT, 'documents');
  let best: { file: string; size: number } | null = null;
  for (const file of (await readdir(folder)).filter((name) => name.endsWith('.txt'))) {
    const { size } = await stat(join(folder, file));
    if (!best || size > best.size) best = { file, size };
  }
  if (!best) throw new Error('there is no .txt file in documents/');
  return { file: best.file, text: await readFile(join(folder, best.file), 'utf8') };
}

export function fromBuilt(key: Key, what: string, built: BuiltProject): TextScenario {
  const documentId = built.documentIds[0];
  const text = built.texts.get(documentId)!;
  return { key, what, text, layout: layoutText(text), documentId, folder: built.folder, source: built.source, segmentCount: built.segmentCount };
}

// ---------------------------------------------------------------------------------------------
// Passages to code

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
  const endLine = lineOf(layout, span.end - 1);
  return { startLine, startColumn: span.start - layout.lines[startLine].start, endLine, endColumn: span.end - layout.lines[endLine].start };
}

function lineText(layout: TextLayout, line: number): string {
  const { start, length } = layout.lines[line];
  return layout.text.slice(start, start + length);
}

/** A random passage of 10–120 characters not yet wholly coded with the pressed code. */
async function freshPassage(page: Page, scenario: TextScenario, random: Random): Promise<LinePassage> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const passage = toLinePassage(scenario.layout, randomSpan(random, scenario.text, 10, 120));
    const check = await probe(page, 'checkPassage', passage, PRESS_CODE.id);
    if (check.startLineText !== lineText(scenario.layout, passage.startLine) || check.endLineText !== lineText(scenario.layout, passage.endLine)) {
      throw new Error(`the text view does not show line ${passage.startLine} as the text has it`);
    }
    if (!check.covered) return passage;
  }
  throw new Error('found no passage that is not already coded');
}

// ---------------------------------------------------------------------------------------------
// The measures

interface TextViewResult {
  floor: number[];
  open: FrameTimes[];
  press: FrameTimes[];
  pressBaseline: FrameTimes[];
  column: TextColumn | null;
  heapMB: number | null;
  /** The heap again after the scroll has passed every section. */
  heapAfterScrollMB: number | null;
  scroll: ScrollFrames | null;
  /** The same scroll over the floor's plain paragraphs. */
  floorScroll: ScrollFrames | null;
  /** A reader's scroll (wheel steps) from the middle of the text. */
  wheel: ScrollFrames | null;
  undo: number[];
  redo: number[];
}

async function loadApp(page: Page, url: string, documentId: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(`.document-button[data-document-id="${documentId}"]`, { timeout: 120_000 });
  await probe(page, 'settle');
}

/** The floor, in a blank page: `text` as one plain paragraph per line in `column`. */
async function timeFloor(page: Page, text: string, column: TextColumn, script: string): Promise<number> {
  await page.goto('about:blank');
  if (!(await page.evaluate(() => 'undefined' !== typeof (window as unknown as { __benchProbes?: unknown }).__benchProbes))) {
    await page.addScriptTag({ content: script });
  }
  await probe(page, 'keepText', text);
  await probe(page, 'settle');
  return probe(page, 'layOutPlainParagraphs', column);
}

/** The page's JS heap after a full garbage collection, in MB. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1e6;
  } finally {
    await cdp.detach();
  }
}

/** What to measure (all of it by default; fewer runs or parts while working on one figure). */
export interface TextViewOptions {
  openRuns?: number;
  pressRuns?: number;
  scroll?: boolean;
  /** Where the scroll starts (a fraction of the text's height) and how many screens it goes at most. */
  scrollFrom?: number;
  scrollScreens?: number;
  /** Undo and redo of an action of many segments in C (by default). */
  bulk?: boolean;
  /** Only the heap and the scroll (no open + draw runs, no key presses). */
  scrollOnly?: boolean;
}

async function measureScenario(browser: Browser, script: string, tmp: string, scenario: TextScenario, random: Random, options: TextViewOptions = {}): Promise<TextViewResult> {
  const store = await ProjectStore.open({ folder: scenario.folder, bundledDocuments: scenario.source });
  const server = await startPreviewServer({
    handlers: createHandlers({ store, chooseSavePath: saveIntoFolder(join(tmp, 'exports')) }),
    rendererFolder: join(ROOT, 'dist', 'renderer'),
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const result: TextViewResult = { floor: [], open: [], press: [], pressBaseline: [], column: null, heapMB: null, heapAfterScrollMB: null, scroll: null, floorScroll: null, wheel: null, undo: [], redo: [] };
  const { key, documentId } = scenario;
  try {
    await context.addInitScript({ content: script });
    const page = await context.newPage();
    page.on('pageerror', (error) => progress(`page error: ${error.message}`));

    // Open + draw beside the floor, alternating in the same page; one warm-up pair first. (One
    // page only: a second page would leave the other in the background, where frames are throttled.)
    for (let run = -1; !options.scrollOnly && run < (options.openRuns ?? OPEN_RUNS[key]); run++) {
      await loadApp(page, server.url, documentId);
      const open = await probe(page, 'openAndDraw', documentId, 300_000);
      result.column ??= await probe(page, 'textColumn');
      const floor = await timeFloor(page, scenario.text, result.column, script);
      progress(`  ${key} open ${run < 0 ? 'warm-up' : `run ${run + 1}`}: floor ${ms(floor)}, open + draw ${ms(open.drawn)}`);
      if (run < 0) continue;
      result.floor.push(floor);
      result.open.push(open);
    }

    // The heap, and (for C) a scroll from top to end, with the document freshly open.
    await loadApp(page, server.url, documentId);
    await probe(page, 'openAndDraw', documentId, 300_000);
    result.column ??= await probe(page, 'textColumn');
    await probe(page, 'settle');
    result.heapMB = await heapAfterGc(page);
    progress(`  ${key} heap ${result.heapMB.toFixed(1)} MB`);
    if (key === 'C' && options.scroll !== false) {
      const screens = options.scrollScreens ?? 20_000;
      const from = options.scrollFrom ?? 0;
      result.scroll = await probe(page, 'scrollThrough', screens, from);
      progress(`  ${key} scroll: ${result.scroll.screens} screens, longest frame ${ms(Math.max(...result.scroll.deltas))}, p95 ${ms(percentile(result.scroll.deltas, 95))}`);
      result.heapAfterScrollMB = await heapAfterGc(page);
      progress(`  ${key} heap after the scroll ${result.heapAfterScrollMB.toFixed(1)} MB`);
      result.wheel = await probe(page, 'scrollThrough', WHEEL_FRAMES, 0.5, WHEEL_STEP_PX);
      progress(`  ${key} reader's scroll: longest frame ${ms(Math.max(...result.wheel.deltas))}, p95 ${ms(percentile(result.wheel.deltas, 95))}`);
      await timeFloor(page, scenario.text, result.column, script);
      // The floor's page paints each screen in hundreds of milliseconds: its first screens are enough for a floor.
      result.floorScroll = await probe(page, 'scrollPlainParagraphs', Math.min(screens, FLOOR_SCROLL_SCREENS), from);
      progress(`  ${key} floor scroll: longest frame ${ms(Math.max(...result.floorScroll.deltas))}, p95 ${ms(percentile(result.floorScroll.deltas, 95))}`);
      await loadApp(page, server.url, documentId);
      await probe(page, 'openAndDraw', documentId, 300_000);
    }

    // Key press → highlight, each on a fresh passage; one warm-up press first.
    for (let run = -1; !options.scrollOnly && run < (options.pressRuns ?? PRESS_RUNS); run++) {
      const passage = await freshPassage(page, scenario, random);
      await probe(page, 'selectPassage', passage);
      const baseline = await probe(page, 'pressNoOpKey');
      const press = await probe(page, 'pressCodeKey', PRESS_CODE.key ?? '1', passage, PRESS_CODE.id, 10_000);
      await page.waitForSelector('.save-status[data-state="saved"]', { timeout: 60_000 });
      if (run < 0) continue;
      result.pressBaseline.push(baseline);
      result.press.push(press);
    }
    if (!options.scrollOnly) progress(`  ${key} key presses: ${result.press.map((p) => ms(p.drawn)).join(', ')}`);

    // C: an action of 10,000 segments in the open document (made by the store, as "code all hits"
    // makes one), then undone and redone by key, each until the page shows the outcome.
    if (key === 'C' && options.bulk !== false && !options.scrollOnly) {
      const codeId = CODE_IDS[1];
      const spans = randomCodedSpans(random, scenario.text, BULK_SEGMENTS, [codeId]);
      await codeInto(store, spans.map((span) => ({ ...span, documentId })), 'actions');
      await loadApp(page, server.url, documentId);
      await probe(page, 'openAndDraw', documentId, 300_000);
      await probe(page, 'settle');
      for (let run = 0; run < BULK_RUNS; run++) {
        for (const direction of ['undo', 'redo'] as const) {
          const taken = await probe(page, 'stepHistoryByKey', direction, documentId, 120_000);
          await page.waitForSelector('.save-status[data-state="saved"]', { timeout: 120_000 });
          await probe(page, 'settle');
          result[direction].push(taken);
        }
      }
      progress(`  ${key} undo ${result.undo.map(ms).join(', ')}; redo ${result.redo.map(ms).join(', ')}`);
    }
  } finally {
    await closeEach([() => context.close(), () => server.close(), () => store.close()]);
  }
  return result;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function atMostRow(measure: string, document: string, values: number[], baseline: string, limit: number): Row {
  return withMedian({
    measure,
    document,
    result: ms(median(values)),
    baseline,
    target: `≤ ${count(limit)} ms`,
    verdict: median(values) <= limit ? 'PASS' : 'MISS',
  }, values);
}

function rowsOf(scenario: TextScenario, r: TextViewResult): { rows: Row[]; details: string[] } {
  const { key } = scenario;
  const open = r.open.map((t) => t.drawn);
  const ratio = open.length ? median(open) / median(r.floor) : NaN;
  const rows: Row[] = r.open.length === 0 ? [] : [
    withMedian({
      measure: '1. open + draw (text view)',
      document: key,
      result: ms(median(open)),
      baseline: `${ms(median(r.floor))} plain <p> per line`,
      target: `≤ ${OPEN_RATIO}x floor (is ${ratio.toFixed(2)}x)`,
      verdict: ratio <= OPEN_RATIO ? 'PASS' : 'MISS',
    }, open),
    atMostRow('1. key → highlight drawn', key, r.press.map((t) => t.drawn), `${ms(median(r.pressBaseline.map((t) => t.drawn)))} no-op key + frame (ref.)`, PRESS_LIMIT_MS),
  ];
  const frames = (measure: string, scroll: ScrollFrames, verdict: boolean): Row => {
    const deltas = scroll.deltas;
    const longest = Math.max(...deltas);
    return withMedian({
      measure,
      document: key,
      result: ms(longest),
      baseline: `p95 ${ms(percentile(deltas, 95))}, median ${ms(median(deltas))}`,
      target: verdict ? `every frame < ${SCROLL_LIMIT_MS} ms` : '—',
      verdict: verdict ? (longest < SCROLL_LIMIT_MS ? 'PASS' : 'MISS') : 'info',
    }, [longest]);
  };
  if (r.scroll) rows.push(frames('1. scroll top → end, one screen a frame, longest frame', r.scroll, true));
  if (r.floorScroll) rows.push(frames('1. the same scroll over plain <p> per line (floor, ref.)', r.floorScroll, false));
  if (r.wheel) rows.push(frames(`1. reader's scroll, ${WHEEL_STEP_PX} px a frame × ${WHEEL_FRAMES}, longest frame`, r.wheel, true));
  for (const direction of ['undo', 'redo'] as const) {
    if (!r[direction].length) continue;
    rows.push(withMedian({
      measure: `1. ${direction} of a ${count(BULK_SEGMENTS)}-segment action → drawn`,
      document: key,
      result: ms(median(r[direction])),
      baseline: 'key → list count and highlights shown, main process included',
      target: '— (info)',
      verdict: 'info',
    }, r[direction]));
  }
  if (r.heapMB !== null) {
    rows.push(key === 'C' ? amountRow('1. JS heap, document open', key, r.heapMB, 'MB', 'after a full GC', HEAP_LIMIT_MB) : { measure: '1. JS heap, document open', document: key, result: `${r.heapMB.toFixed(1)} MB`, baseline: 'after a full GC', target: '—', verdict: 'info' });
  }
  if (r.heapAfterScrollMB !== null) {
    rows.push(amountRow('1. JS heap, after scrolling to the end', key, r.heapAfterScrollMB, 'MB', 'after a full GC', HEAP_LIMIT_MB));
  }
  const details = r.open.length === 0 ? [] : [
    `  ${key} open + draw ${spread(open)}; floor ${spread(r.floor)}; until painted (median) ${ms(median(r.open.map((t) => t.painted)))}`,
    `  ${key} key '${PRESS_CODE.key}' ${spread(r.press.map((t) => t.drawn))}; until painted (median) ${ms(median(r.press.map((t) => t.painted)))}`,
  ];
  if (r.column) details.push(`  ${key} text column ${r.column.width.toFixed(0)} px, ${r.column.fontSize} / ${r.column.lineHeight} ${r.column.fontFamily.slice(0, 40)}`);
  if (r.scroll) details.push(`  ${key} scroll: ${count(r.scroll.screens)} screens of 900 px viewport, text ${count(Math.round(r.scroll.height))} px tall; frames over 33 ms: ${r.scroll.deltas.filter((d) => d > 33).length}`);
  if (r.floorScroll) details.push(`  ${key} floor scroll: ${count(r.floorScroll.screens)} screens, ${count(Math.round(r.floorScroll.height))} px tall; frames over 33 ms: ${r.floorScroll.deltas.filter((d) => d > 33).length}`);
  return { rows, details };
}

export interface TextViewInputs {
  /** A folder for the part's projects (removed by the caller). */
  tmp: string;
  /** Scenario C as the bench built it; built here (as actions) when absent. */
  scenarioC?: BuiltProject;
  browser?: Browser;
}

/** The text view's rows: open + draw beside its floor, key → highlight, and for C scrolling and the heap. */
export async function benchTextView(inputs: TextViewInputs): Promise<BenchSection> {
  return measureTextView(await prepareTextScenarios(inputs.tmp, inputs.scenarioC), inputs.tmp, inputs.browser);
}

/** The projects of A, B and C in `tmp` (C as given, or built as actions). */
export async function prepareTextScenarios(tmp: string, scenarioC?: BuiltProject, onlyC = false): Promise<TextScenario[]> {
  const random = mulberry32(SEED);
  const scenarios: TextScenario[] = [];
  if (!onlyC) {
    progress('text view: building A and B');
    scenarios.push(
      await scenarioA(tmp, random),
      await buildOneDocument(tmp, 'B', 'generated document', 'generated-2mb.txt', generateDocument(random, 2_000_000), 10_000, random),
    );
  }
  let built = scenarioC;
  if (!built) {
    progress('text view: building C (as actions)');
    built = await buildScenarioC(mulberry32(SEED + 1), join(tmp, 'C-project'), join(tmp, 'C-source'), 'actions');
  }
  scenarios.push(fromBuilt('C', 'generated document', built));
  return scenarios;
}

/** A: the largest bundled document with 300 segments coded into it. */
async function scenarioA(tmp: string, random: Random): Promise<TextScenario> {
  const bundled = await largestBundledDocument();
  return buildOneDocument(tmp, 'A', `largest bundled document ${bundled.file}`, bundled.file, bundled.text, 300, random);
}

/** Measures the text view on `scenarios` (in `tmp`, with the browser given or one of its own). */
export async function measureTextView(scenarios: readonly TextScenario[], tmp: string, given?: Browser, options: TextViewOptions = {}): Promise<BenchSection> {
  const random = mulberry32(SEED + 2);
  const browser = given ?? (await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  }));
  const rows: Row[] = [];
  const details: string[] = [];
  try {
    const script = await probesScript();
    for (const scenario of scenarios) {
      progress(`text view: ${scenario.key}`);
      const result = await measureScenario(browser, script, tmp, scenario, random, options);
      const part = rowsOf(scenario, result);
      rows.push(...part.rows);
      const blank = scenario.layout.lines.filter((line) => line.length === 0).length;
      details.push(
        `  ${scenario.key}: ${scenario.what}, ${megabytes(Buffer.byteLength(scenario.text))}, ${count(scenario.layout.lines.length)} lines (${count(blank)} blank), ${count(scenario.segmentCount)} segments`,
        ...part.details,
      );
    }
  } finally {
    if (!given) await browser.close();
  }
  details.push(
    '  Open + draw: from the click on the document button until .text-host[data-ready] and one frame plus a forced layout;',
    '  the floor: the same text as one <p> per line in a column of the text view\'s width and font, built and laid out',
    '  in a blank page, until one frame plus a forced layout. Scroll: requestAnimationFrame deltas while the document',
    `  pane scrolls by its own height each frame (the floor: the plain paragraphs' page the same way, its first ${count(FLOOR_SCROLL_SCREENS)} screens; the reader's`,
    `  scroll: ${WHEEL_STEP_PX} px each frame). Heap: Runtime.getHeapUsage after HeapProfiler.collectGarbage.`,
  );
  return { rows, details };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const tmp = await mkdtemp(join(tmpdir(), 'workbench-bench-text-'));
  try {
    const scrollOnly = process.argv.includes('--only=scroll');
    const openA = process.argv.includes('--only=A');
    const section = scrollOnly
      ? await measureTextView(await prepareTextScenarios(tmp, undefined, true), tmp, undefined, { scrollOnly })
      : openA
        ? await measureTextView([await scenarioA(tmp, mulberry32(SEED))], tmp, undefined, { pressRuns: 1, scroll: false, bulk: false })
        : await benchTextView({ tmp });
    process.stdout.write(`${table(section.rows)}\n\nDetails\n${section.details.join('\n')}\n`);
  } finally {
    await rm(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}
