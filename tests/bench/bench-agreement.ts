/**
 * Bench part: the intercoder reliability report on two coders' 10,000 segments each over a 2 MB
 * document (issue item 4: with 1,000 bootstrap samples ≤ 5 s, as the app runs it).
 *
 * The report alone is timed in this process (`reliabilityReport`, no interval). With 1,000
 * bootstrap samples it is timed as the app computes it: `reliabilityReportInWorker`, which copies
 * the input to a worker thread, computes there and reports progress to the job, from the start of
 * the call to the report in hand. Meanwhile a timer on this thread measures its longest pause,
 * which shows that the main process stays free to answer other calls.
 *
 * The worker is loaded from dist/electron (`npm run bench` builds it; on its own, run
 * `npm run build` first). On its own: `npx tsx tests/bench/bench-agreement.ts`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_CODES } from '../../shared/model/codebook';
import { reliabilityReport, type ReliabilityReport } from '../../shared/stats/reliability-report';
import type { ReliabilityInput, ReliabilityOptions } from '../../shared/stats/character-data';
import { Job } from '../../electron/services/jobs';
import { reliabilityReportInWorker } from '../../electron/services/reliability-job';
import { generateDocument, mulberry32, randomCodedSpans, segmentsFor, type Random } from './generate';
import { count, infoRow, limitRow, longestPause, ms, progress, spread, table, type BenchSection } from './report';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const DOCUMENT_BYTES = 2_000_000;
const SEGMENTS_PER_CODER = 10_000;
const SAMPLES = 1_000;
const RUNS = 3;
const LIMIT_MS = 5_000;
const CODE_IDS = DEFAULT_CODES.map((code) => code.id);

/** Two coders' independent random segments over `text`, and the selection of the report. */
function agreementInput(random: Random, text: string): { input: ReliabilityInput; options: ReliabilityOptions } {
  const segments = ['ana', 'bea'].flatMap((coder) =>
    segmentsFor(text, 'generated', randomCodedSpans(random, text, SEGMENTS_PER_CODER, CODE_IDS)).map((segment) => ({ ...segment, coder })),
  );
  return {
    input: { documents: [{ id: 'generated', title: 'Generated', text }], codes: DEFAULT_CODES, segments },
    options: { coders: ['ana', 'bea'], documentIds: ['generated'], codeIds: CODE_IDS, minOverlap: 90 },
  };
}

/**
 * The reliability figures on `text` (default: a generated 2 MB document) with two coders' random
 * segments drawn from `random`.
 */
export async function benchAgreement(random: Random, text = generateDocument(random, DOCUMENT_BYTES)): Promise<BenchSection> {
  const worker = join(ROOT, 'dist', 'electron', 'reliability-worker.cjs');
  if (!existsSync(worker)) {
    throw new Error('dist/electron/reliability-worker.cjs is missing: run npm run build first');
  }
  const { input, options } = agreementInput(random, text);
  const withIntervals = { ...options, bootstrap: { samples: SAMPLES, seed: 1 } };

  progress(`agreement: the report alone, ${RUNS} runs`);
  const plain: number[] = [];
  let units = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    units = reliabilityReport(input, options).units;
    plain.push(performance.now() - started);
  }

  progress(`agreement: with ${count(SAMPLES)} bootstrap samples in the worker, ${RUNS} runs`);
  const bootstrapped: number[] = [];
  const pauses: number[] = [];
  let report: ReliabilityReport | null = null;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const [made, pause] = await longestPause(() => reliabilityReportInWorker(input, withIntervals, new Job(), worker));
    bootstrapped.push(performance.now() - started);
    pauses.push(pause);
    report = made;
  }
  const overall = report!.rows.at(-1)!.measures;
  const ci = overall.alphaNominalCi!;

  return {
    rows: [
      infoRow('6. agreement, 2 × 10k segments', 'B', plain, `${count(units)} characters`),
      limitRow(`6. the same + ${count(SAMPLES)} bootstrap samples`, 'B', bootstrapped, `in a worker; ${count(report!.bootstrap!.clusters)} coded stretches`, LIMIT_MS),
    ],
    details: [
      `  B 6. report alone (this thread) ${spread(plain)}; with ${count(SAMPLES)} samples in the worker ${spread(bootstrapped)}`,
      `       longest pause of the main thread meanwhile: ${ms(Math.max(...pauses))}; overall α ${overall.alphaNominal.toFixed(4)}, ` +
        `95 % interval ${ci.lower.toFixed(4)} – ${ci.upper.toFixed(4)} (${count(report!.bootstrap!.clusters)} coded stretches resampled, seed 1)`,
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const section = await benchAgreement(mulberry32(20240611));
  console.log([table(section.rows), '', 'Details', ...section.details].join('\n'));
}
