/**
 * Bench part: suggestions learnt from the researcher's coding (issue 16, item 6), as the app runs
 * them, in their worker thread (the built bundle, cut off from the network):
 *
 *   - training on 10,000 segments (target ≤ 2 s): a generated corpus of short documents, a share
 *     of its sentences coded with a planted code and another share at random
 *     (tests/support/suggestion-corpus.ts), from the call to the model's file in hand; the same
 *     with each code's 5-fold cross-validation is shown beside it;
 *   - suggestions for a 2 MB document (target ≤ 500 ms): B, uncoded, from the call to the list;
 *   - on D (5,000 documents, 100,000 segments; `benchSuggestionsOnD`), through the suggestions
 *     service over the real project store: the corpus's first list for a model (every document
 *     read, in batches, by the answering thread and a second one), the list again after one
 *     rejection (one document read again), and one rejection made durable (a journal step) beside
 *     a setting saved by rewriting the whole project file, the way rejections were saved before.
 *     The model there learns from 10,000 of D's segments, without cross-validation (the list's
 *     cost does not depend on what it learnt).
 *
 * The thread is started before the clock runs (as the app keeps one). Meanwhile a 5 ms timer on
 * this thread notes its longest pause, and Node's event-loop delay histogram
 * (monitorEventLoopDelay) its longest and 99th-percentile delay: the main process stays free to
 * answer other calls.
 * On its own, after `npm run build`: `npx tsx tests/bench/bench-suggestions.ts` (add `--no-d` to
 * leave D out).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ProjectStore } from '../../electron/project/project-store';
import { SuggestionsService } from '../../electron/services/suggestions-service';
import { SuggestionsThread } from '../../electron/services/suggestions-thread';
import type { TrainingInput } from '../../shared/suggestions/training-examples';
import { generateCodedCorpus, PLANTED_CODE, RANDOM_CODE } from '../support/suggestion-corpus';
import { generateDocument, mulberry32, type Random } from './generate';
import { count, infoRow, limitRow, longestPause, median, megabytes, ms, progress, spread, table, timed, type BenchSection } from './report';
import { buildScenarioD, CODE_IDS, type BuiltProject } from './scenarios';

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
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();

    progress(`suggestions: training on ${count(corpus.segments.length)} segments in the worker, ${RUNS} runs`);
    const trained = await timedRuns(() => thread.train(input, { now, crossValidate: false }));
    progress(`suggestions: the same with 5-fold cross-validation, ${RUNS} runs`);
    const checked = await timedRuns(() => thread.train(input, { now, crossValidate: true }));
    progress(`suggestions: for a ${megabytes(Buffer.byteLength(text))} document, ${RUNS} runs`);
    const document = { id: 'generated', text, locale: 'en' };
    const suggested = await timedRuns(() => thread.suggest(document, [], [], {}));
    delay.disable();
    const loopDelay = `event-loop delay (monitorEventLoopDelay) max ${ms(delay.max / 1e6)}, p99 ${ms(delay.percentile(99) / 1e6)}`;

    const quality = checked.last.quality ?? [];
    const f1 = quality.map((q) => `${q.codeId} ${q.status === 'checked' ? `F1 ${q.f1.toFixed(3)}` : q.status}`).join(', ');
    const json = trained.last.json;
    return {
      rows: [
        limitRow('16. suggestions: training, 10k segments', 'S', trained.durations, `in the worker; model file ${megabytes(Buffer.byteLength(json))}`, TRAIN_LIMIT_MS),
        infoRow('16. the same + 5-fold cross-validation', 'S', checked.durations, `${quality.length} codes × 5 folds`),
        limitRow('16. suggestions for a 2 MB document', 'B', suggested.durations, `in the worker; ${count(suggested.last.length)} suggested`, SUGGEST_LIMIT_MS),
        infoRow('16. main thread meanwhile: longest pause', '', [Math.max(trained.pause, checked.pause, suggested.pause)], `loop delay p99 ${ms(delay.percentile(99) / 1e6)}`),
      ],
      details: [
        `  S: ${count(corpus.documents.length)} generated documents, ${count(corpusChars)} chars, ${count(corpus.segments.length)} segments ` +
          `(${count(corpus.planted)} of a code planted by its words, ${count(corpus.random)} of a code given at random)`,
        `  S 16. training ${spread(trained.durations)} (processor time ${ms(median(trained.processor))}); ` +
          `with cross-validation ${spread(checked.durations)} (${ms(median(checked.processor))}; ${f1})`,
        `  B 16. suggestions ${spread(suggested.durations)} (processor time ${ms(median(suggested.processor))}); longest pause of the main thread meanwhile: ${ms(Math.max(trained.pause, checked.pause, suggested.pause))}; ${loopDelay}`,
      ],
    };
  } finally {
    thread.close();
  }
}

/** D's model learns from this many of its segments (a sample, in the order they were coded). */
const D_TRAINED_ON = 10_000;
const D_REJECTIONS = 20;
const D_REWRITES = 3;

/** A thread that learns from a sample of the segments, without cross-validation (the list's cost is what D measures). */
class SampledThread extends SuggestionsThread {
  override train(input: TrainingInput, options: Parameters<SuggestionsThread['train']>[1]): ReturnType<SuggestionsThread['train']> {
    return super.train({ ...input, segments: input.segments.slice(0, D_TRAINED_ON) }, { ...options, crossValidate: false });
  }
}

/** The suggestions' figures on D: the corpus's list, first and after a change, and one rejection (D built here unless given). */
export async function benchSuggestionsOnD(random: Random, tmp: string, given?: BuiltProject): Promise<BenchSection> {
  let built = given;
  if (!built) {
    progress('D: building 5,000 documents with 100,000 segments');
    built = await buildScenarioD(random, join(tmp, 'D-project'), join(tmp, 'D-source'), 'actions');
  }
  const store = await ProjectStore.open({ folder: built.folder, bundledDocuments: built.source });
  try {
    // One rejection, as the researcher presses r: a journal step each.
    progress(`D: ${D_REJECTIONS} rejections, then ${D_REWRITES} settings saved by rewriting the project file`);
    const documentId = built.documentIds[0]!;
    const rejections: number[] = [];
    for (let i = 0; i < D_REJECTIONS; i++) {
      const [, took] = await timed(() => store.rejectSuggestion({ documentId, codeId: CODE_IDS[0]!, start: 40 * i, end: 40 * i + 30 }));
      rejections.push(took);
    }
    // The whole-file path rejections took before: a setting is saved that way.
    const rewrites: number[] = [];
    for (let i = 0; i < D_REWRITES; i++) rewrites.push((await timed(() => store.setBlind(false)))[1]);

    progress(`D: a model on ${count(D_TRAINED_ON)} of its segments, then the corpus's list`);
    const service = new SuggestionsService(store, { now: () => new Date(), debounceMs: 3_600_000, makeThread: () => new SampledThread() });
    await service.setSettings({ enabled: true, threshold: 0.5 });
    while (service.status().state === 'training') await new Promise((resolve) => setTimeout(resolve, 100));
    const state = service.status().state;
    const request = { codeId: null, order: 'confidence' as const, offset: 0, limit: 50 };
    const [[first, firstMs], firstPause] = await longestPause(() => timed(() => service.corpusSuggestions(request)));
    const again: number[] = [];
    for (const suggestion of first.suggestions.slice(0, 3)) {
      await service.reject({ documentId: suggestion.documentId, codeId: suggestion.codeId, start: suggestion.start, end: suggestion.end });
      again.push((await timed(() => service.corpusSuggestions(request)))[1]);
    }
    return {
      rows: [
        infoRow('16. suggestions: the corpus list, first', 'D', [firstMs], `${count(built.documentIds.length)} documents read; ${count(first.total)} suggested`),
        infoRow('16. the list again after a rejection', 'D', again, 'one document read again'),
        limitRow('16. one rejection (journal step)', 'D', rejections, `${ms(median(rewrites))} whole project file rewritten (ref.)`, 50),
      ],
      details: [
        `  D 16. model (${state}) on ${count(D_TRAINED_ON)} of ${count(built.segmentCount)} segments, no cross-validation; first list ${ms(firstMs)} ` +
          `(longest pause of the main thread meanwhile ${ms(firstPause)}); after a rejection ${spread(again)}`,
        `  D 16. rejections ${spread(rejections)}; a setting saved by rewriting the project file ${spread(rewrites)}`,
      ],
    };
  } finally {
    await store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const random = mulberry32(20261201);
  const section = await benchSuggestions(random);
  const sections = [section];
  if (!process.argv.includes('--no-d')) {
    const tmp = await mkdtemp(join(tmpdir(), 'bench-suggestions-'));
    try {
      sections.push(await benchSuggestionsOnD(random, tmp));
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }
  console.log([table(sections.flatMap((part) => part.rows)), '', 'Details', ...sections.flatMap((part) => part.details)].join('\n'));
}
