/**
 * Bench part: the document portrait's strip beside scenario C (one 10 MB document, 100,000
 * segments) in the real page. Two rows: the binning of every segment into the strip's rows on its
 * own (Node, the pure function the strip uses), and the strip built again and drawn in the page
 * after its height changes (one pixel taller: a ResizeObserver callback bins every segment, the
 * next frame draws the canvas), timed from the change until the frame after the drawing, beside
 * the same wait with no change (two frames, for reference). The corpus portraits of scenario D are
 * a row of the Analysis part (bench-analysis.ts). On its own: `npx tsx tests/bench/bench-portrait.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { createHandlers } from '../../electron/handlers/handlers';
import { ProjectStore } from '../../electron/project/project-store';
import { startPreviewServer } from '../../electron/preview/preview-server';
import { saveIntoFolder } from '../../electron/services/export-folder';
import { binCounts } from '../../shared/analysis/portrait';
import { CHROMIUM } from '../support/browser';
import { mulberry32 } from './generate';
import { closeEach, count, infoRow, median, ms, progress, spread, type BenchSection, type Row } from './report';
import { buildScenarioC, type BuiltProject } from './scenarios';

const RUNS = 7;
const ROOT = new URL('../..', import.meta.url).pathname;
/** The strip's rows at the window the text view's bench uses (900 px high, less the bars). */
const STRIP_ROWS = 760;

/**
 * Milliseconds from a change of the strip's height (or none) until the frame after its canvas is
 * drawn again. Run in the page; kept as text, since the bench's compiler adds helpers to named
 * functions that the page does not have.
 */
const REDRAW_STRIP_IN_PAGE = `async (change) => {
  const strip = document.querySelector('.document-strip');
  const canvas = strip.querySelector('canvas');
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  await frame();
  const height = strip.getBoundingClientRect().height;
  const rows = canvas.height;
  const started = performance.now();
  strip.style.height = (Math.round(height) + (change ? (rows % 2 ? 1 : -1) : 0)) + 'px';
  if (change) while (canvas.height === rows) await frame();
  // The drawing comes a frame after the rows are binned; one more frame shows it.
  await frame();
  await frame();
  return performance.now() - started;
}`;

export async function benchPortrait(inputs: { tmp: string; scenarioC?: BuiltProject; browser?: Browser }): Promise<BenchSection> {
  const built = inputs.scenarioC ?? (progress('portrait: building C (as actions)'), await buildScenarioC(mulberry32(20251124), join(inputs.tmp, 'C'), join(inputs.tmp, 'C-source'), 'actions'));
  const documentId = built.documentIds[0]!;
  const text = built.texts.get(documentId)!;
  const store = await ProjectStore.open({ folder: built.folder, bundledDocuments: built.source });
  const segments = (await store.openDocument(documentId)).segments;

  progress(`portrait: binning ${count(segments.length)} segments, ${RUNS} runs`);
  const binning: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    binCounts(segments, text.length, STRIP_ROWS);
    binning.push(performance.now() - started);
  }

  const server = await startPreviewServer({ handlers: createHandlers({ store, chooseSavePath: saveIntoFolder(join(inputs.tmp, 'exports')) }), rendererFolder: join(ROOT, 'dist', 'renderer') });
  const browser = inputs.browser ?? (await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] }));
  const redraw: number[] = [];
  const wait: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url, { waitUntil: 'load' });
    await page.click(`.document-button[data-document-id="${documentId}"]`, { timeout: 120_000 });
    await page.waitForSelector(`.text-host[data-ready][data-document-id="${documentId}"]`, { timeout: 300_000 });
    await page.waitForSelector(`.document-strip[data-segments="${segments.length}"]`, { timeout: 120_000 });
    progress(`portrait: the strip drawn again in the page, ${RUNS} runs`);
    for (let run = -1; run < RUNS; run++) {
      const changed = await page.evaluate(`(${REDRAW_STRIP_IN_PAGE})(true)`) as number;
      const still = await page.evaluate(`(${REDRAW_STRIP_IN_PAGE})(false)`) as number;
      if (run < 0) continue;
      redraw.push(changed);
      wait.push(still);
    }
  } finally {
    await closeEach([() => (inputs.browser ? Promise.resolve() : browser.close()), () => server.close(), () => store.close()]);
  }
  const rows: Row[] = [
    infoRow('15.4 strip: bin every segment into its rows', 'C', binning, `${count(segments.length)} segments, ${STRIP_ROWS} rows (Node)`),
    infoRow('15.4 strip: built again and drawn, in the page', 'C', redraw, `${ms(median(wait))} the same frames with no change (ref.)`),
  ];
  const details = [`  strip binning ${spread(binning)}; rebuilt and drawn ${spread(redraw)}; frames alone ${spread(wait)}`];
  return { rows, details };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const tmp = await mkdtemp(join(tmpdir(), 'workbench-bench-portrait-'));
  try {
    const { table } = await import('./report');
    const section = await benchPortrait({ tmp });
    console.log([table(section.rows), '', 'Details', ...section.details].join('\n'));
  } finally {
    await rm(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}
