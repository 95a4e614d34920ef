/**
 * Bench part: suggestions learnt from the researcher's coding (issue 16, item 6), as the app runs
 * them, in their worker thread (the built bundle, cut off from the network):
 *
 *   - training on 10,000 segments (target ≤ 2 s): a generated corpus of short documents, a share
 *     of its sentences coded with a planted code and another share at random
 *     (tests/support/suggestion-corpus.ts), from the call to the model's file in hand; the same
 *     with each code's 5-fold cross-validation is shown beside it;
 *   - suggestions for a 2 MB document (target ≤ 500 ms): B, uncoded, from the call to the list.
 *
 * The thread is started before the clock runs (as the app keeps one). Meanwhile a 5 ms timer on
 * this thread notes its longest pause: the main process stays free to answer other calls.
 * On its own, after `npm run build`: `npx tsx tests/bench/bench-suggestions.ts`.
 */
import { pathToFileURL } from 'node:url';
import { SuggestionsThread } from '../../electron/services/suggestions-thread';
import type { TrainingInput } from '../../shared/suggestions/training-examples';
import { generateCodedCorpus, PLANTED_CODE, RANDOM_CODE } from '../support/suggestion-corpus';
import { generateDocument, mulberry32, type Random } from './generate';
import { count, infoRow, limitRow, longestPause, median, megabytes, ms, progress, spread, table, type BenchSection } from './report';

const DOCUMENT_BYTES = 2_000_000;
/** 1,660 documents of 25 sentences: about 10,000 segments (12 % planted, 12 % at random). */
const CORPUS = { documents: 1_660, sentencesPerDocument: 25 };
const RUNS = 3;
const TRAIN_LIMIT_MS = 2_000;
const SUGGEST_LIMIT_MS = 500;

/**
 * Times `work` `RUNS` times: the durations, the processor time the process (all its threads) used
 * in each (on a machine shared with other work it says what the wall clock cannot), and the longest
 * pause of this thread over all runs.
 */
async function timedRuns<T>(work: () => Promise<T>): Promise<{ durations: number[]; processor: number[]; pause: number; last: T }> {
  const durations: number[] = [];
  const processor: number[] = [];
  let pause = 0;
  let last!: T;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const used = process.cpuUsage();
    const [value, longest] = await longestPause(work);
    durations.push(performance.now() - started);
    const { user, system } = process.cpuUsage(used);
    processor.push((user + system) / 1000);
    pause = Math.max(pause, longest);
    last = value;
  }
  return { durations, processor, pause, last };
}

/** The suggestions' figures; `text` is the 2 MB document suggested on (default: a generated one). */
export async function benchSuggestions(random: Random, text = generateDocument(random, DOCUMENT_BYTES)): Promise<BenchSection> {
  const corpus = generateCodedCorpus(Math.floor(random() * 2 ** 31), CORPUS);
  const input: TrainingInput = { documents: corpus.documents, segments: corpus.segments, rejected: [], codeIds: [PLANTED_CODE, RANDOM_CODE] };
  const corpusChars = corpus.documents.reduce((sum, document) => sum + document.text.length, 0);
  const thread = new SuggestionsThread();
  try {
    // Start the thread (a request without a model answers at once).
    await thread.suggest({ id: 'none', text: '', locale: 'en' }, [], []).catch(() => undefined);
    const now = new Date(0).toISOString();

    progress(`suggestions: training on ${count(corpus.segments.length)} segments in the worker, ${RUNS} runs`);
    const trained = await timedRuns(() => thread.train(input, { now, crossValidate: false }));
    progress(`suggestions: the same with 5-fold cross-validation, ${RUNS} runs`);
    const checked = await timedRuns(() => thread.train(input, { now, crossValidate: true }));
    progress(`suggestions: for a ${megabytes(Buffer.byteLength(text))} document, ${RUNS} runs`);
    const document = { id: 'generated', text, locale: 'en' };
    const suggested = await timedRuns(() => thread.suggest(document, [], [], {}));

    const quality = checked.last.quality ?? [];
    const f1 = quality.map((q) => `${q.codeId} ${q.status === 'checked' ? `F1 ${q.f1.toFixed(3)}` : q.status}`).join(', ');
    const json = trained.last.json;
    return {
      rows: [
        limitRow('16. suggestions: training, 10k segments', 'S', trained.durations, `in the worker; model file ${megabytes(Buffer.byteLength(json))}`, TRAIN_LIMIT_MS),
        infoRow('16. the same + 5-fold cross-validation', 'S', checked.durations, `${quality.length} codes × 5 folds`),
        limitRow('16. suggestions for a 2 MB document', 'B', suggested.durations, `in the worker; ${count(suggested.last.length)} suggested`, SUGGEST_LIMIT_MS),
      ],
      details: [
        `  S: ${count(corpus.documents.length)} generated documents, ${count(corpusChars)} chars, ${count(corpus.segments.length)} segments ` +
          `(${count(corpus.planted)} of a code planted by its words, ${count(corpus.random)} of a code given at random)`,
        `  S 16. training ${spread(trained.durations)} (processor time ${ms(median(trained.processor))}); ` +
          `with cross-validation ${spread(checked.durations)} (${ms(median(checked.processor))}; ${f1})`,
        `  B 16. suggestions ${spread(suggested.durations)} (processor time ${ms(median(suggested.processor))}); longest pause of the main thread meanwhile: ${ms(Math.max(trained.pause, checked.pause, suggested.pause))}`,
      ],
    };
  } finally {
    thread.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const section = await benchSuggestions(mulberry32(20261201));
  console.log([table(section.rows), '', 'Details', ...section.details].join('\n'));
}
