/**
 * Searching the documents of the corpus without freezing the app. Plain words are found on this
 * thread (their pattern is escaped, so it cannot backtrack); a regular expression runs in a worker
 * thread with a time limit, because a pattern such as `(\w+\s?)+$` can backtrack for minutes on
 * one text. When the limit passes, the worker is stopped and the search is refused in words, and
 * every other call is answered meanwhile.
 */
import { Worker } from 'node:worker_threads';
import { compileSearch, findHits, type SearchHit, type SearchQuery } from '../../shared/text/search';
import { WorkbenchFailure } from '../../shared/model/failure';
import { builtWorkerFile, bundleExecArgv } from './worker-file';

/** How long a regular expression may run over the texts before it is stopped. */
export const REGEX_TIME_LIMIT_MS = 1000;

/** What the worker is given: the query and the texts to run it over. */
export interface SearchWork {
  query: SearchQuery;
  texts: string[];
}

/** The hits in one text, as `findHits` gives them. */
export type TextHits = { hits: SearchHit[]; truncated: boolean };

/** What the worker says: that the search has begun, then its hits per text. */
export type SearchWorkerMessage = { kind: 'started' } | { kind: 'done'; results: TextHits[] };

/** The worker's bundle (see worker-file.ts). */
function workerFile(): string {
  return builtWorkerFile('corpus-search-worker.cjs', 'The search worker');
}

/**
 * The hits of the query in each text, in order. A broken pattern is refused at once; a regular
 * expression that runs longer than `timeLimitMs` is stopped and refused with a message that says so.
 */
export function searchTexts(texts: string[], query: SearchQuery, timeLimitMs = REGEX_TIME_LIMIT_MS): Promise<TextHits[]> {
  compileSearch(query);
  if (!query.regex) return Promise.resolve(texts.map((text) => findHits(text, query)));
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile(), { execArgv: bundleExecArgv(), workerData: { query, texts } satisfies SearchWork });
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      done();
    };
    worker.on('message', (message: SearchWorkerMessage) => {
      // The limit counts the search itself, not the start of the thread.
      if (message.kind === 'started') {
        timer = setTimeout(() => {
          const seconds = timeLimitMs / 1000;
          settle(() =>
            reject(
              new WorkbenchFailure(
                'invalid-input',
                `The regular expression took longer than ${seconds} s and was stopped; simplify it (a repetition inside a repetition, such as (\\w+\\s?)+, can take forever).`,
              ),
            ),
          );
        }, timeLimitMs);
      } else {
        settle(() => resolve(message.results));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the search stopped before it finished (exit code ${code})`))));
  });
}
