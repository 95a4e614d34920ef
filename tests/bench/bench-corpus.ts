/**
 * The corpus part of the bench: a project of 5,000 documents and 100,000 coded segments
 * (scenario D) served by the preview server to Chromium, and timed where a researcher waits on
 * its lists: the start until the first document is drawn (target ≤ 1 s), and each interaction
 * with the document list, the coded-segments view, the search across the corpus and the
 * code-all-hits preview (target < 100 ms each, from the input event until the answer is laid
 * out). The timings run inside the page (probes-corpus.ts).
 *
 * Runnable on its own: `npx tsx tests/bench/bench-corpus.ts` (after `npm run build`) builds D in
 * a temporary folder, prints its rows and removes the folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createHandlers } from '../../electron/handlers/handlers';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/preview-server';
import { saveIntoFolder } from '../../electron/services/export-folder';
import { ProjectStore } from '../../electron/project/project-store';
import { mulberry32, type Random } from './generate';
import { probe, probesScript } from './page-bench';
import type { ListTimes, ShownWhen } from './probes-corpus';
import { closeEach, count, infoRow, limitRow, median, ms, progress, spread, table, timed, type BenchSection, type Row } from './report';
import { buildScenarioD, CODE_IDS, type BuiltProject } from './scenarios';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const START_RUNS = 5;
const OPEN_RUNS = 5;
const SEARCH_RUNS = 5;
const TIMEOUT_MS = 120_000;
/** How long to wait for a search's count of every hit (a build that does not mark it is noted, not failed). */
const COUNT_TIMEOUT_MS = 30_000;
/** A word in nearly every sentence, and one in about one sentence in fifty (generate.ts). */
const COMMON_WORD = 'the';
const RARE_WORD = 'Łódź';
/** Words searched once each, to time a count of every hit that no earlier search has made. */
const FRESH_WORDS = { 'search common': ['that', 'with', 'this'], 'search rare': ['café', 'Zürich', 'naïve'] } as const;

const FIRST_ROW = '.document-list .document-button';
const DOCUMENT_SCROLLER = '.document-list';
const RETRIEVAL_SCROLLER = '.retrieval-list';
const SEARCH_SCROLLER = '.search-hits';

/** What the corpus part needs: a browser, the probes' script and a folder for its files. */
export interface CorpusBenchInputs {
  browser: Browser;
  /** page-probes.ts bundled (probesScript() in page-bench.ts makes it). */
  script: string;
  /** A temporary folder the part may write into (scenario D goes there unless `built` is given). */
  tmp: string;
  random: Random;
  /** Scenario D already built (with 'actions'); built here when absent. */
  built?: BuiltProject;
  /** The built renderer (dist/renderer of this checkout unless given). */
  rendererFolder?: string;
}

/** The times of each measure, `drawn` for the targets. */
class Figures {
  readonly drawn = new Map<string, number[]>();
  readonly painted = new Map<string, number[]>();
  add(measure: string, times: ListTimes): void {
    this.drawn.set(measure, [...(this.drawn.get(measure) ?? []), times.drawn]);
    this.painted.set(measure, [...(this.painted.get(measure) ?? []), times.painted]);
  }
}

/** Loads the app afresh (a new document, not a fragment change) and waits for the document list. */
async function loadApp(page: Page, server: PreviewServer): Promise<void> {
  await page.goto('about:blank');
  await page.goto(server.url, { waitUntil: 'load' });
  await probe(page, 'waitFor', { kind: 'present', selector: FIRST_ROW }, TIMEOUT_MS);
}

/** Shows a side panel from the activity bar (untimed). */
async function showPanel(page: Page, panel: string): Promise<void> {
  if ((await probe(page, 'attributeOf', `.activity-bar button[data-action="${panel}"]`, 'aria-pressed')) !== 'true') {
    await page.click(`.activity-bar button[data-action="${panel}"]`);
  }
  await probe(page, 'waitFor', { kind: 'present', selector: `.side-panel[data-panel="${panel}"]` }, TIMEOUT_MS);
}

/** A measure that a build may not offer (a key the list does not answer): its failure is noted, not thrown. */
async function optional(notes: string[], what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    notes.push(`${what}: not measured (${(error as Error).message.split('\n')[0]})`);
  }
}

/**
 * Words to filter the document list by: one no title holds (the list empties), then one every
 * title holds (the whole list again, filtered). Scenario D's documents share their title (the
 * first line of each generated text), so a word narrows the list to none or to all of them.
 */
function filterWords(titles: readonly string[]): { none: string; all: string } {
  const words = titles[0]!.split(/\s+/).filter((word) => titles.every((title) => title.includes(word)));
  return { none: 'no title holds this', all: words.sort((a, b) => b.length - a.length)[0] ?? titles[0]! };
}

/** Times the corpus interactions on scenario D (built here unless given) and returns the rows. */
export async function benchCorpus(inputs: CorpusBenchInputs): Promise<BenchSection> {
  const { browser, script, tmp, random } = inputs;
  let built = inputs.built;
  if (!built) {
    progress('D: building 5,000 documents with 100,000 segments');
    built = await buildScenarioD(random, join(tmp, 'D-project'), join(tmp, 'D-source'), 'actions');
    progress(`D: built (segments coded in ${ms(built.codingMs)})`);
  }
  const store = await ProjectStore.open({ folder: built.folder, bundledDocuments: built.source });
  const server = await startPreviewServer({
    handlers: createHandlers({ store, chooseSavePath: saveIntoFolder(join(tmp, 'corpus-exports')) }),
    rendererFolder: inputs.rendererFolder ?? join(ROOT, 'dist', 'renderer'),
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const figures = new Figures();
  const notes: string[] = [];
  const start = { listed: [] as number[], drawn: [] as number[] };
  const sizes: string[] = [];
  const counted = new Map<keyof typeof FRESH_WORDS, number[]>();
  const [overview, overviewMs] = await timed(() => store.overview());
  const titles = overview.documents.map((d) => d.title);
  const lastId = overview.documents.at(-1)!.id;
  try {
    await context.addInitScript({ content: script });
    const page = await context.newPage();
    page.on('pageerror', (error) => progress(`page error: ${error.message}`));

    // 1. Start → first document drawn, from the navigation's start; one warm-up first.
    for (let run = -1; run < START_RUNS; run++) {
      await page.goto('about:blank');
      await page.goto(server.url, { waitUntil: 'commit' });
      const times = await probe(page, 'startToFirstDocument', TIMEOUT_MS);
      progress(`  D start ${run < 0 ? 'warm-up' : `run ${run + 1}`}: list ${ms(times.listed)}, first document drawn ${ms(times.drawn)}`);
      if (run < 0) continue;
      start.listed.push(times.listed);
      start.drawn.push(times.drawn);
    }
    sizes.push(`document rows in the DOM: ${count(await probe(page, 'countOf', FIRST_ROW))} of ${count(titles.length)}`);

    // 2. The document list: scrolling, filtering, keys.
    progress('  D document list');
    await loadApp(page, server);
    for (const fraction of [0.5, 1, 0.25, 0.75, 0, 0.9, 0.1]) {
      figures.add('documents scroll', await probe(page, 'scrollUntilRow', DOCUMENT_SCROLLER, '.document-button', fraction, TIMEOUT_MS));
    }
    await probe(page, 'scrollUntilRow', DOCUMENT_SCROLLER, '.document-button', 0, TIMEOUT_MS);
    const words = filterWords(titles);
    const firstBack: ShownWhen = { kind: 'present', selector: `${FIRST_ROW}[data-document-id="${overview.documents[0]!.id}"]` };
    for (let run = 0; run < 3; run++) {
      figures.add('documents filter', await probe(page, 'enterUntil', '.document-filter', words.none, { kind: 'absent', selector: FIRST_ROW }, TIMEOUT_MS));
      figures.add('documents filter cleared', await probe(page, 'enterUntil', '.document-filter', '', firstBack, TIMEOUT_MS));
      figures.add('documents filter', await probe(page, 'enterUntil', '.document-filter', words.all, { kind: 'allContain', selector: FIRST_ROW, text: words.all }, TIMEOUT_MS));
      await probe(page, 'enterUntil', '.document-filter', '', firstBack, TIMEOUT_MS);
    }
    await optional(notes, 'document list keys', async () => {
      const first = `${FIRST_ROW}[data-document-id="${overview.documents[0]!.id}"]`;
      const second = `${FIRST_ROW}[data-document-id="${overview.documents[1]!.id}"]`;
      for (let run = 0; run < 3; run++) {
        figures.add('documents keys', await probe(page, 'keyUntil', first, 'ArrowDown', { kind: 'focused', selector: second }, 5_000));
        figures.add('documents keys', await probe(page, 'keyUntil', second, 'End', { kind: 'focused', selector: `[data-document-id="${lastId}"]` }, 5_000));
        figures.add('documents keys', await probe(page, 'keyUntil', `[data-document-id="${lastId}"]`, 'Home', { kind: 'focused', selector: first }, 5_000));
      }
    });

    // 3. The coded-segments view: open, scroll (to the end), filter.
    progress('  D coded-segments view');
    for (let run = 0; run < OPEN_RUNS; run++) {
      await loadApp(page, server);
      await showPanel(page, 'segments');
      figures.add('retrieval open', await probe(page, 'clickUntil', '.side-panel button[data-action="retrieval"]', { kind: 'present', selector: '.retrieval-row' }, TIMEOUT_MS));
    }
    for (const fraction of [1, 0.5, 0, 0.3, 1, 0.7, 0.1]) {
      figures.add('retrieval scroll', await probe(page, 'scrollUntilRow', RETRIEVAL_SCROLLER, '.retrieval-row', fraction, TIMEOUT_MS));
    }
    await probe(page, 'scrollUntilRow', RETRIEVAL_SCROLLER, '.retrieval-row', 1, TIMEOUT_MS);
    await probe(page, 'waitFor', { kind: 'present', selector: '.retrieval-list > li:last-child .retrieval-row' }, TIMEOUT_MS);
    const retrievalRows = await probe(page, 'countOf', '.retrieval-row');
    const lastPosition = await probe(page, 'attributeOf', '.retrieval-list [aria-posinset]:last-child', 'aria-posinset');
    const setSize = await probe(page, 'attributeOf', '.retrieval-list [aria-setsize]', 'aria-setsize');
    sizes.push(
      `coded-segments rows in the DOM: ${count(retrievalRows)}; scrolled to the end, the last row drawn is ` +
        `${lastPosition ? `number ${count(Number(lastPosition))} of ${count(Number(setSize))}` : `one of the first ${count(retrievalRows)} (no positions said)`}`,
    );
    for (const codeId of [...CODE_IDS, '', CODE_IDS[0]!, '']) {
      const before = (await probe(page, 'textOf', '.retrieval-count')) ?? '';
      figures.add('retrieval filter', await probe(page, 'enterUntil', 'select[aria-label="Code"]', codeId, { kind: 'textNot', selector: '.retrieval-count', text: before }, TIMEOUT_MS));
    }
    for (const words of ['council', '', 'report', '']) {
      const before = (await probe(page, 'textOf', '.retrieval-count')) ?? '';
      figures.add('retrieval filter', await probe(page, 'enterUntil', 'input[aria-label="Words in the quote"]', words, { kind: 'textNot', selector: '.retrieval-count', text: before }, TIMEOUT_MS));
    }

    // 4. Search across the corpus, its hits listed; 5. the code-all-hits preview.
    progress('  D search and the code-all-hits preview');
    await loadApp(page, server);
    await showPanel(page, 'search');
    await probe(page, 'enterUntil', 'select[aria-label="Where to search"]', 'corpus', { kind: 'present', selector: '.search-panel' }, TIMEOUT_MS);
    for (const [word, measure] of [[COMMON_WORD, 'search common'], [RARE_WORD, 'search rare']] as const) {
      for (let run = -1; run < SEARCH_RUNS; run++) {
        await probe(page, 'enterUntil', '.search-input', '', { kind: 'absent', selector: '.search-hit-row' }, TIMEOUT_MS);
        const times = await probe(page, 'enterUntil', '.search-input', word, { kind: 'present', selector: '.search-hit-row' }, TIMEOUT_MS);
        if (run >= 0) figures.add(measure, times);
      }
      await optional(notes, `search “${word}” count`, () => probe(page, 'waitFor', { kind: 'present', selector: '.search-count[data-counted]' }, COUNT_TIMEOUT_MS));
      sizes.push(`search for “${word}”: ${(await probe(page, 'textOf', '.search-count')) ?? ''}; hit rows in the DOM ${count(await probe(page, 'countOf', '.search-hit-row'))}`);
      // For reference: until every hit of a word not searched before is counted (a build
      // without the mark is noted, not failed).
      await optional(notes, `search ${measure} counted`, async () => {
        for (const fresh of FRESH_WORDS[measure]) {
          await probe(page, 'enterUntil', '.search-input', '', { kind: 'absent', selector: '.search-hit-row' }, TIMEOUT_MS);
          const times = await probe(page, 'enterUntil', '.search-input', fresh, { kind: 'present', selector: '.search-count[data-counted]' }, COUNT_TIMEOUT_MS);
          counted.set(measure, [...(counted.get(measure) ?? []), times.drawn]);
        }
      });
    }
    for (let run = -1; run < SEARCH_RUNS; run++) {
      await probe(page, 'enterUntil', '.search-input', '', { kind: 'absent', selector: '.search-hit-row' }, TIMEOUT_MS);
      await probe(page, 'enterUntil', '.search-input', COMMON_WORD, { kind: 'present', selector: '.search-hit-row' }, TIMEOUT_MS);
      await probe(page, 'enterUntil', '.code-hits select', CODE_IDS[1]!, { kind: 'present', selector: '[data-action="preview-code-hits"]:not([disabled])' }, TIMEOUT_MS);
      const times = await probe(page, 'clickUntil', '[data-action="preview-code-hits"]', { kind: 'present', selector: '.code-hits-preview [data-action="code-all-hits"]' }, TIMEOUT_MS);
      if (run >= 0) figures.add('code-all-hits preview', times);
      await page.click('.code-hits-preview button:not([data-action])');
    }
    for (const scroller of [SEARCH_SCROLLER]) {
      await optional(notes, 'search hits scroll', async () => {
        for (const fraction of [1, 0.5, 0, 0.8]) figures.add('search hits scroll', await probe(page, 'scrollUntilRow', scroller, '.search-hit-row', fraction, 10_000));
      });
    }
  } finally {
    await closeEach([() => context.close(), () => server.close(), () => store.close()]);
  }

  const rows: Row[] = [];
  const label: Record<string, string> = {
    'documents scroll': 'document list: scroll (7 places)',
    'documents filter': 'document list: filter typed (none, all match)',
    'documents filter cleared': 'document list: filter cleared',
    'documents keys': 'document list: ↓ / End / Home',
    'retrieval open': 'coded segments: open the view',
    'retrieval scroll': 'coded segments: scroll (to the end)',
    'retrieval filter': 'coded segments: filter (code, words)',
    'search common': `corpus search “${COMMON_WORD}”: hits drawn`,
    'search rare': `corpus search “${RARE_WORD}”: hits drawn`,
    'search hits scroll': 'search hits: scroll',
    'code-all-hits preview': `code-all-hits preview (“${COMMON_WORD}”)`,
  };
  rows.push(limitRow('D1. start → first document drawn', 'D', start.drawn, `${ms(median(start.listed))} until the list`, 1000));
  for (const [measure, values] of figures.drawn) rows.push(limitRow(`D2. ${label[measure] ?? measure}`, 'D', values, `${ms(median(figures.painted.get(measure)!))} painted`, 100));
  for (const [measure, values] of counted) {
    rows.push(infoRow(`D2. ${measure === 'search common' ? 'common' : 'rare'} words: all hits counted`, 'D', values, FRESH_WORDS[measure].join(', ')));
  }
  const details = [
    `  D: ${count(titles.length)} documents, ${count(built.segmentCount)} coded segments; the overview (counts per document) made in ${ms(overviewMs)} in Node`,
    ...sizes.map((line) => `  D ${line}`),
    `  D1. start ${spread(start.drawn)}: from the navigation's start (page load, the overview, the list drawn) until the first`,
    '      document of the list, clicked as soon as it is listed, is open, its text ready and one frame laid out.',
    '  D2. each from the input event (a click, a scroll position set, a value entered in a field with its input and change',
    '      events, a key pressed) until the list shows the answer (a row at the middle of the scrolled list, the filtered rows,',
    '      the count changed, the first hit row, the focused row) and one frame is laid out; "painted" adds the paint.',
    '      Corpus search: from the query entered in the search field (the panel\'s own pause before it searches included)',
    '      until the first hit row is drawn (the count of all hits may still be under way). "All hits counted": until the',
    '      count of every hit is shown, for words not searched before in the run (for reference).',
    ...[...figures.drawn].map(([measure, values]) => `  D2. ${label[measure] ?? measure}: ${spread(values)}`),
    ...notes.map((note) => `  D ${note}`),
  ];
  return { rows, details };
}

async function main(): Promise<void> {
  const tmp = await mkdtemp(join(tmpdir(), 'workbench-bench-corpus-'));
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const section = await benchCorpus({ browser, script: await probesScript(), tmp, random: mulberry32(20251123) });
    process.stdout.write(`${table(section.rows)}\n\nDetails\n${section.details.join('\n')}\n`);
  } finally {
    await closeEach([() => browser?.close()]);
    await rm(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench-corpus failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
