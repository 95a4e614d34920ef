/**
 * The worker thread of a corpus search by regular expression (see corpus-search.ts): it runs the
 * query over the texts it was given and answers with the hits. It says when it starts, so that
 * the time limit counts the search and not the start of the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { findHits } from '../../shared/text/search';
import type { SearchWork, SearchWorkerMessage } from './corpus-search';

const { query, texts } = workerData as SearchWork;
const say = (message: SearchWorkerMessage) => parentPort!.postMessage(message);
say({ kind: 'started' });
say({ kind: 'done', results: texts.map((text) => findHits(text, query)) });
