/**
 * Suggestions trained and made in their worker thread (the built bundle, as the app runs it),
 * with the network cut off: in the thread, fetch, http.request, https.request, net.connect and
 * dns.lookup are replaced by stubs that throw and count every call, before the worker's own code
 * runs; training and suggesting then work, and no stub was called. A probe shows that calling one
 * of them in the thread throws, with the test's stubs and with the worker's own guard alone.
 */
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { readSuggestionModelFile } from '../../shared/suggestions/model-file';
import { SuggestionsThread, suggestionsWorkerFile } from '../../electron/services/suggestions-thread';
import { generateCodedCorpus, PLANTED_CODE, RANDOM_CODE } from '../support/suggestion-corpus';

/**
 * The worker inside a wrapper: with `stubs`, the network functions are replaced by the test's
 * throwing, counting stubs first; then the worker is loaded (and cuts the network itself); a
 * message `{ probe: true }` calls each network function and answers which threw, and how many calls
 * the stubs have seen.
 */
const WRAPPER = `
const { parentPort, workerData } = require('node:worker_threads');
const calls = [];
const stub = (name) => (...args) => { calls.push(name); throw new Error('stubbed: ' + name); };
function install() {
  globalThis.fetch = stub('fetch');
  require('node:http').request = stub('http.request');
  require('node:https').request = stub('https.request');
  require('node:net').connect = stub('net.connect');
  require('node:dns').lookup = stub('dns.lookup');
}
if (workerData.stubs) install();
require(workerData.worker);
// The worker's guard replaced them in turn: the test's stubs go back over it, so that the test counts every call.
if (workerData.stubs) install();
parentPort.on('message', (message) => {
  if (!message || message.probe !== true) return;
  const tries = {
    fetch: () => globalThis.fetch('http://127.0.0.1:9/'),
    'http.request': () => require('node:http').request('http://127.0.0.1:9/'),
    'https.request': () => require('node:https').request('https://127.0.0.1:9/'),
    'net.connect': () => require('node:net').connect(9, '127.0.0.1'),
    'dns.lookup': () => require('node:dns').lookup('example.org', () => {}),
  };
  const threw = {};
  for (const [name, attempt] of Object.entries(tries)) {
    try { attempt(); threw[name] = null; } catch (error) { threw[name] = error.message; }
  }
  parentPort.postMessage({ kind: 'probed', threw, calls: [...calls] });
});
`;

function wrapped(stubs: boolean): Worker {
  return new Worker(WRAPPER, { eval: true, workerData: { worker: suggestionsWorkerFile(), stubs } });
}

/** Asks the wrapper to call every network function; which threw (and why), and the stubs' calls so far. */
function probe(worker: Worker): Promise<{ threw: Record<string, string | null>; calls: string[] }> {
  return new Promise((resolve) => {
    const listen = (message: { kind: string; threw: Record<string, string | null>; calls: string[] } | undefined) => {
      // The worker itself answers the probe too (that it does not know it): only the wrapper's answer counts.
      if (message?.kind !== 'probed') return;
      worker.off('message', listen);
      resolve(message);
    };
    worker.on('message', listen);
    worker.postMessage({ probe: true });
  });
}

const corpus = generateCodedCorpus(16, { documents: 30, sentencesPerDocument: 25 });
const input = { documents: corpus.documents, segments: corpus.segments, rejected: [], codeIds: [PLANTED_CODE, RANDOM_CODE] };
const NOW = '2026-12-01T08:00:00.000Z';

describe('suggestions in their worker thread, without a network', () => {
  const opened: Opened[] = [];
  afterEach(() => {
    for (const { thread } of opened.splice(0)) thread.close();
  });
  /** A thread whose worker runs in the wrapper (started by its first request). */
  const open = (stubs: boolean): Opened => {
    const entry: Opened = { worker: null, thread: new SuggestionsThread(() => (entry.worker = wrapped(stubs))) };
    opened.push(entry);
    return entry;
  };

  it('trains, checks each code and suggests with every network function stubbed to throw, and never calls one', async () => {
    const entry = open(true);
    const { json, quality } = await entry.thread.train(input, { now: NOW });
    const reading = readSuggestionModelFile(JSON.parse(json));
    if (!reading.ok) throw new Error(reading.reason);
    const { file } = reading;
    expect(file.createdAt).toBe(NOW);
    expect(file.examples.length).toBeGreaterThan(500);
    expect(file.examples.every((example) => /^[0-9a-f]{64}$/.test(example.sha256))).toBe(true);
    const planted = quality!.find((q) => q.codeId === PLANTED_CODE)!;
    expect(planted.status === 'checked' && planted.f1).toBeGreaterThanOrEqual(0.9);

    const [document] = corpus.documents;
    const fresh = { ...document!, id: 'fresh', text: 'Please sign the petition before Friday. The weather was mild in the village.' };
    const suggestions = await entry.thread.suggest(fresh, [], [], {});
    expect(suggestions.map((s) => [s.codeId, fresh.text.slice(s.start, s.end)])).toContainEqual([PLANTED_CODE, 'Please sign the petition before Friday.']);

    const probed = await probe(entry.worker!);
    // The probe's own five calls are the only ones the stubs have seen: training and suggesting made none.
    expect(probed.calls).toEqual(['fetch', 'http.request', 'https.request', 'net.connect', 'dns.lookup']);
  });

  it('throws in the worker when a network function is called: with the stubs, and with the worker cutting the network itself', async () => {
    const stubbed = await probe(await started(open(true)));
    for (const name of ['fetch', 'http.request', 'https.request', 'net.connect', 'dns.lookup']) expect(stubbed.threw[name], name).toBe(`stubbed: ${name}`);

    const guarded = await probe(await started(open(false)));
    for (const name of ['fetch', 'http.request', 'https.request', 'net.connect', 'dns.lookup']) {
      expect(guarded.threw[name], name).toBe(`${name} was refused: this worker thread has no network access`);
    }
  });

  it('refuses a damaged model, and says so when asked for suggestions before any model', async () => {
    const { thread } = open(false);
    await expect(thread.suggest(corpus.documents[0]!, [], [], {})).rejects.toMatchObject({ code: 'not-found' });
    const { json } = await thread.train(input, { now: NOW, crossValidate: false });
    await expect(thread.use(json.replace('"schemaVersion":1', '"schemaVersion":2'))).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/schemaVersion/) });
    await expect(thread.use(json.slice(0, -10))).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/not JSON/) });
    expect(await thread.use(json)).toEqual([PLANTED_CODE, RANDOM_CODE]);
  });
});

interface Opened {
  thread: SuggestionsThread;
  worker: Worker | null;
}

/** The entry's worker, once the thread has started it (a first request starts it; a model-less suggest answers at once). */
async function started(entry: Opened): Promise<Worker> {
  await entry.thread.suggest({ id: 'x', text: '', locale: 'en' }, [], []).catch(() => undefined);
  return entry.worker!;
}

