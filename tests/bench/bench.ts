/**
 * `npm run bench`: measures the workbench at the sizes a real study reaches, through the real code
 * (the built renderer in Chromium over the preview server with the real handlers, the real project
 * store on real files, the worker threads as the app runs them), and prints each figure beside a
 * floor or baseline measured in the same run and its target. Its parts, each in its own file and
 * each runnable alone (`npx tsx tests/bench/bench-<part>.ts`):
 *
 *   bench-store.ts      building C through addSegment, a durable add at 100,000 segments, the
 *                       project file's size and opening time, the main process's memory with D open
 *   bench-text-view.ts  open + draw of A, B and C beside plain paragraphs, key → highlight,
 *                       scrolling C, the page's heap with C open
 *   bench-portrait.ts   C: the document portrait's strip binned and drawn again in the page
 *   bench-corpus.ts     D: start to the first document drawn, the document list, the coded-segments
 *                       view, search across the corpus, the code-all-hits preview
 *   bench.ts (here)     CSV export of 100,000 segments
 *   bench-exchange.ts   REFI-QDA export and import of 100,000 segments, in the worker thread
 *   bench-agreement.ts  the reliability report with 1,000 bootstrap samples, in the worker thread
 *   bench-analysis.ts   D: the Analysis area's tables (frequencies, co-occurrence, the code ×
 *                       document matrix, the crosstab, word lists, the corpus portraits)
 *   bench-suggestions.ts  suggestions in their worker thread: training on 10,000 segments of a
 *                       generated corpus (S), suggestions for B; on D, the corpus's list (first,
 *                       and after a rejection) and one rejection made durable
 *
 * Scenarios: A, the largest bundled document with 300 segments; B, a generated 2 MB document with
 * 10,000 segments; C, a generated 10 MB document with 100,000 segments; D, 5,000 generated
 * documents of 2–20 KB with 100,000 segments in all (scenarios.ts). A missed target is reported,
 * not failed: the bench exits non-zero only when something crashes. Data comes from a seeded PRNG,
 * so every run measures the same texts. `--json FILE` writes the figures also as JSON.
 */
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { DEFAULT_CODES } from '../../shared/model/codebook';
import { segmentsCsv, segmentsCsvChunks } from '../../shared/exports/csv-export';
import { type DatasetInput } from '../../shared/model/project';
import { newDocumentRecord } from '../../electron/project/document-texts';
import { writeFileDurably } from '../../electron/project/atomic-write';
import { layoutText } from '../../shared/text/text-layout';
import { generateDocument, mulberry32, randomCodedSpans, segmentsFor, type Random } from './generate';
import { benchAgreement } from './bench-agreement';
import { benchAnalysis } from './bench-analysis';
import { benchSuggestions, benchSuggestionsOnD } from './bench-suggestions';
import { benchCorpus } from './bench-corpus';
import { probesScript } from './page-bench';
import { benchExchange } from './bench-exchange';
import { benchPortrait } from './bench-portrait';
import { benchStore } from './bench-store';
import { benchTextView } from './bench-text-view';
import { buildScenarioC, buildScenarioD, CODE_IDS, type BuiltProject } from './scenarios';
import { closeEach, count, jsonRow, limitRow, median, megabytes, ms, progress, spread, table, tempFileSystem, timed, type BenchSection, type Row } from './report';

const SEED = 20251123;
const CHROMIUM = '/usr/bin/chromium';
const B_BYTES = 2_000_000;
const CSV_SEGMENTS = 100_000;
const CSV_RUNS = 3;

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

// ---------------------------------------------------------------------------------------------
// CSV export (Node only)

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
 * Times the export of 100,000 segments of B's text as the app runs it (segmentsCsvChunks streamed
 * into writeFileDurably), with the text alone and a plain write of the same CSV for reference.
 */
async function benchCsv(folder: string, text: string, random: Random): Promise<BenchSection> {
  await mkdir(folder, { recursive: true });
  const now = new Date(0).toISOString();
  const record = newDocumentRecord('generated-2mb.txt', text, { name: 'generated-2mb.txt', sha256: '', format: 'text', encoding: 'utf-8' }, now);
  const segments = segmentsFor(text, record.id, randomCodedSpans(random, text, CSV_SEGMENTS, CODE_IDS));
  const dataset: DatasetInput = { documents: [{ record, text }], codes: DEFAULT_CODES, segments };
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
  return {
    rows: [limitRow('CSV export, 100k segments', 'B', result.total, `${ms(median(result.plainWrite))} plain write of the CSV (ref.)`, 2000)],
    details: [
      `  CSV: ${count(result.rows)} rows, ${megabytes(result.bytes)}: export streamed to disk ${spread(result.total)}; ` +
        `the text alone in memory ${ms(median(result.build))}; writeFileSync of it ${spread(result.plainWrite)}`,
    ],
  };
}

// ---------------------------------------------------------------------------------------------

/** The sizes of C and D as the report's header gives them. */
function scenarioLines(c: BuiltProject, d: BuiltProject, b: string): string[] {
  const [cText] = c.texts.values();
  const cLayout = layoutText(cText!);
  const dBytes = [...d.texts.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const dChars = [...d.texts.values()].reduce((sum, text) => sum + text.length, 0);
  return [
    `  B: generated document, ${megabytes(Buffer.byteLength(b))}, ${count(b.length)} chars (CSV, REFI-QDA and agreement use its text)`,
    `  C: generated document, ${megabytes(Buffer.byteLength(cText!))}, ${count(cText!.length)} chars, ${count(cLayout.lines.length)} lines, ` +
      `${count(c.segmentCount)} coded segments (built through addSegment)`,
    `  D: ${count(d.documentIds.length)} generated documents, ${megabytes(dBytes)} (${count(dChars)} chars) in all, ${count(d.segmentCount)} coded segments`,
  ];
}

async function main(): Promise<void> {
  const random = mulberry32(SEED);
  const tmp = await mkdtemp(join(tmpdir(), 'workbench-bench-'));
  let browser: Browser | null = null;
  try {
    const bText = generateDocument(random, B_BYTES);
    progress('building D: 5,000 documents with 100,000 segments (as actions)');
    const d = await buildScenarioD(random, join(tmp, 'D'), join(tmp, 'D-source'), 'actions');
    progress('building C: 100,000 segments through addSegment, 500 at a time');
    const c = await buildScenarioC(random, join(tmp, 'C'), join(tmp, 'C-source'), 'addSegment');
    progress(`C built in ${ms(c.codingMs)}`);

    const sections: Array<{ title: string; section: BenchSection }> = [];
    sections.push({ title: 'Store', section: await benchStore({ folder: join(tmp, 'store'), random, c, d }) });

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const chromiumVersion = browser.version();
    sections.push({ title: 'Text view', section: await benchTextView({ tmp: join(tmp, 'text-view'), scenarioC: c, browser }) });
    sections.push({ title: 'Portrait', section: await benchPortrait({ tmp: join(tmp, 'portrait'), scenarioC: c, browser }) });
    sections.push({
      title: 'Corpus',
      section: await benchCorpus({ browser, script: await probesScript(), tmp: join(tmp, 'corpus'), random, built: d }),
    });
    await browser.close();
    browser = null;

    progress('timing the CSV export');
    sections.push({ title: 'CSV', section: await benchCsv(join(tmp, 'csv'), bText, random) });
    sections.push({ title: 'REFI-QDA', section: await benchExchange(bText, random, join(tmp, 'exchange')) });
    sections.push({ title: 'Reliability', section: await benchAgreement(random, bText) });
    sections.push({ title: 'Analysis', section: await benchAnalysis({ tmp: join(tmp, 'analysis'), random, built: d }) });
    sections.push({ title: 'Suggestions', section: await benchSuggestions(random, bText) });
    // Last of D's parts: it rejects suggestions in D and turns them on.
    sections.push({ title: 'Suggestions on D', section: await benchSuggestionsOnD(random, join(tmp, 'suggestions'), d) });

    const rows: Row[] = sections.flatMap(({ section }) => section.rows);
    const lines = [
      'Annotation Workbench bench',
      `node ${process.version} · ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}) · Chromium ${chromiumVersion} (${CHROMIUM}) · ` +
        `temp files on ${tempFileSystem()} · seed ${SEED}`,
      '',
      'Scenarios (A and the text view\'s own B are described under Text view)',
      ...scenarioLines(c, d, bText),
      '',
      table(rows),
      '',
      'Details',
    ];
    for (const { title, section } of sections) lines.push(`${title}`, ...section.details);
    lines.push('', 'A MISS is reported, not failed.');
    process.stdout.write(`${lines.join('\n')}\n`);
    if (JSON_OUT !== null) {
      const [cText] = c.texts.values();
      const figures = {
        bench: 'Annotation Workbench',
        at: new Date().toISOString(),
        node: process.version,
        cpus: cpus().length,
        chromium: chromiumVersion,
        seed: SEED,
        scenarios: [
          { key: 'B', bytes: Buffer.byteLength(bText), chars: bText.length, documents: 1 },
          { key: 'C', bytes: Buffer.byteLength(cText!), chars: cText!.length, documents: 1, segments: c.segmentCount },
          { key: 'D', bytes: [...d.texts.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0), documents: d.documentIds.length, segments: d.segmentCount },
        ],
        rows: rows.map(jsonRow),
      };
      writeFileSync(JSON_OUT, `${JSON.stringify(figures, null, 2)}\n`);
      progress(`figures written to ${JSON_OUT}`);
    }
  } finally {
    try {
      await closeEach([() => browser?.close()]);
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
