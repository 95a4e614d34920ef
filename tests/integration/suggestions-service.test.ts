/**
 * Suggestions of a real project (files in a temporary folder, the built worker threads), through
 * the handlers as the page calls them: off by default and the switch kept across reopening; a
 * code planted by its words learnt well enough to say so (F1 ≥ 0.9 by cross-validation); too few
 * examples said per code; suggestions only on uncoded sentences; accepting one makes a normal
 * segment that is on disk and undone like any coding; a rejection kept across reopening and never
 * suggested again; bad input refused with a clear message; the model exported as JSON that Python
 * reads back with its hashes; the model learning again after more coding.
 */
import { randomUUID } from 'node:crypto';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../electron/handlers/handlers';
import { SuggestionsService } from '../../electron/services/suggestions-service';
import { SuggestionsThread } from '../../electron/services/suggestions-thread';
import { codePassages } from '../../shared/edits/segments';
import type { SuggestionStatus } from '../../shared/ipc/suggestions';
import { PROJECT_FILE } from '../../electron/project/project-store';
import { call } from '../support/calls';
import { openProject, type OpenProject } from '../support/project';
import { runPythonScript } from '../support/python';
import { generateCodedCorpus, PLANTED_CODE, RANDOM_CODE, type CorpusSize } from '../support/suggestion-corpus';
import { tempFolder, textFolder } from '../support/temp';

/** The project's codes that stand for the generated corpus's codes. */
const CODE_OF: Record<string, string> = { [PLANTED_CODE]: 'call-to-action', [RANDOM_CODE]: 'opinion' };
const PLANTED = CODE_OF[PLANTED_CODE]!;
const CALL_WORDS = /sign the petition|join us on Saturday|call your representative today|donate whatever you can|share this with your friends|march with us|write to the mayor/i;

const opened: OpenProject[] = [];
afterEach(async () => {
  for (const project of opened.splice(0)) await project.store.close();
});

interface CorpusProject {
  project: OpenProject;
  /** The project's document id of each generated document, by the generated id. */
  idOf: Map<string, string>;
  /** The generated documents' texts, by the project's document id. */
  texts: Map<string, string>;
  /** The generated segments not coded into the project (of the documents left uncoded). */
  uncoded: ReturnType<typeof generateCodedCorpus>['segments'];
}

/**
 * A project of a generated corpus with the segments of its first `coded` documents (all when not
 * given) coded, one action per code; training waits `suggestionDelayMs` after a change.
 */
async function corpusProject(seed: number, size: CorpusSize, coded = size.documents, suggestionDelayMs = 30): Promise<CorpusProject> {
  const corpus = generateCodedCorpus(seed, size);
  const folder = await textFolder(Object.fromEntries(corpus.documents.map((document) => [`${document.id}.txt`, document.text])));
  const project = await openProject(undefined, folder, { suggestionDelayMs });
  opened.push(project);
  const idOf = new Map(corpus.documents.map((document) => [document.id, project.store.documents.find((record) => record.file === `${document.id}.txt`)!.id]));
  const texts = new Map(corpus.documents.map((document) => [idOf.get(document.id)!, document.text]));
  const codedIds = new Set(corpus.documents.slice(0, coded).map((document) => document.id));
  await codeSpans(project, texts, corpus.segments.filter((segment) => codedIds.has(segment.documentId)).map((segment) => ({ ...segment, documentId: idOf.get(segment.documentId)! })));
  return { project, idOf, texts, uncoded: corpus.segments.filter((segment) => !codedIds.has(segment.documentId)) };
}

/** Codes the spans of the generated codes into the project, one action per code. */
async function codeSpans(project: OpenProject, texts: ReadonlyMap<string, string>, spans: ReadonlyArray<{ documentId: string; codeId: string; start: number; end: number }>): Promise<void> {
  for (const generated of [PLANTED_CODE, RANDOM_CODE]) {
    const mine = spans.filter((span) => span.codeId === generated);
    if (!mine.length) continue;
    await project.store.edit((state, at) => codePassages(state, { codeId: CODE_OF[generated]!, spans: mine, label: `Code ${generated}` }, texts, at, randomUUID));
  }
}

/** The status once no training is waiting or under way. */
async function settledStatus(handlers: Handlers): Promise<SuggestionStatus> {
  for (;;) {
    const status = await call(handlers, 'suggestionStatus');
    if (status.state !== 'training') return status;
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

async function reopen(project: OpenProject): Promise<OpenProject> {
  await project.store.close();
  opened.splice(opened.indexOf(project), 1);
  const again = await openProject(project.folder, undefined, { suggestionDelayMs: 30 });
  opened.push(again);
  return again;
}

async function turnOn(handlers: Handlers): Promise<SuggestionStatus> {
  await call(handlers, 'setSuggestionSettings', { enabled: true });
  return settledStatus(handlers);
}

describe('the settings of suggestions', () => {
  it('are off in a new project, suggest nothing while off, and the switch holds across reopening', async () => {
    const { project } = await corpusProject(3, { documents: 4, sentencesPerDocument: 10 });
    expect(await call(project.handlers, 'suggestionSettings')).toEqual({ enabled: false, order: 'confidence', threshold: 0.7 });
    expect(await call(project.handlers, 'suggestionStatus')).toMatchObject({ enabled: false, state: 'off', trainedAt: null, trainedOn: 0 });
    const documentId = project.store.documents[0]!.id;
    expect(await call(project.handlers, 'documentSuggestions', { documentId })).toEqual([]);
    expect(await call(project.handlers, 'setSuggestionSettings', { enabled: true, order: 'uncertainty', threshold: 0.8 })).toEqual({ enabled: true, order: 'uncertainty', threshold: 0.8 });
    const again = await reopen(project);
    expect(await call(again.handlers, 'suggestionSettings')).toEqual({ enabled: true, order: 'uncertainty', threshold: 0.8 });
    await call(again.handlers, 'setSuggestionSettings', { enabled: false });
    const third = await reopen(again);
    expect(await call(third.handlers, 'suggestionSettings')).toMatchObject({ enabled: false, threshold: 0.8 });
  });

  it('are off, with nothing rejected, in a project file written before suggestions existed', async () => {
    const { project } = await corpusProject(4, { documents: 2, sentencesPerDocument: 5 });
    await project.store.close();
    opened.splice(opened.indexOf(project), 1);
    const file = join(project.folder, PROJECT_FILE);
    const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    delete json.suggestions;
    delete json.rejectedSuggestions;
    await writeFile(file, JSON.stringify(json), 'utf8');
    const older = await openProject(project.folder);
    opened.push(older);
    expect(await call(older.handlers, 'suggestionSettings')).toEqual({ enabled: false, order: 'confidence', threshold: 0.7 });
    expect(older.store.rejectedSuggestions).toEqual([]);
  });

  it('refuses a threshold outside 0.5–0.99 and keeps the one set', async () => {
    const { project } = await corpusProject(5, { documents: 2, sentencesPerDocument: 5 });
    const refused = await dispatch(project.handlers, 'setSuggestionSettings', { threshold: 0.3 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!refused.ok && refused.error.message).toMatch(/threshold/);
    expect((await call(project.handlers, 'suggestionSettings')).threshold).toBe(0.7);
  });
});

describe('the model learnt from the project', () => {
  it('learns a code planted by its words to F1 ≥ 0.9 by cross-validation, and says which codes have too few examples', async () => {
    const { project } = await corpusProject(16, { documents: 30, sentencesPerDocument: 25 });
    const status = await turnOn(project.handlers);
    expect(status.state).toBe('ready');
    expect(status.failure).toBeNull();
    expect(status.trainedOn).toBe(project.store.state.segments.length);
    expect(Date.parse(status.trainedAt!)).not.toBeNaN();
    const planted = status.quality.find((quality) => quality.codeId === PLANTED);
    expect(planted).toMatchObject({ status: 'checked', folds: 5 });
    expect(planted!.status === 'checked' && planted!.f1).toBeGreaterThanOrEqual(0.9);
    // The codes nobody used: too few examples, with how many they have and need.
    const unused = status.quality.filter((quality) => quality.codeId !== PLANTED && quality.codeId !== CODE_OF[RANDOM_CODE]);
    expect(unused.length).toBeGreaterThan(0);
    for (const quality of unused) expect(quality).toMatchObject({ status: 'too-few-examples', positives: 0, needed: 10 });
  });

  it('says per code that there are too few examples, and suggests nothing', async () => {
    const { project, texts } = await corpusProject(7, { documents: 3, sentencesPerDocument: 20 }, 0);
    // Six passages of one code and three of another: fewer than ten each.
    const [documentId, text] = [...texts][0]!;
    const sentences = text.split(/(?<=[.!])\s+/).slice(0, 9);
    const spans = sentences.map((sentence, at) => ({ documentId, codeId: at < 6 ? PLANTED_CODE : RANDOM_CODE, start: text.indexOf(sentence), end: text.indexOf(sentence) + sentence.length }));
    await codeSpans(project, texts, spans);
    const status = await turnOn(project.handlers);
    expect(status.state).toBe('too-few');
    expect(status.quality.find((quality) => quality.codeId === PLANTED)).toMatchObject({ status: 'too-few-examples', positives: 6, needed: 10 });
    expect(status.quality.find((quality) => quality.codeId === 'opinion')).toMatchObject({ status: 'too-few-examples', positives: 3, needed: 10 });
    expect(await call(project.handlers, 'documentSuggestions', { documentId })).toEqual([]);
    expect(await call(project.handlers, 'corpusSuggestions', { codeId: null, order: 'confidence', offset: 0, limit: 50 })).toMatchObject({ suggestions: [], total: 0, status: { state: 'too-few' } });
  });

  it('learns again after more coding: the status says it learnt from more segments', async () => {
    const { project, texts, uncoded, idOf } = await corpusProject(16, { documents: 30, sentencesPerDocument: 25 }, 20);
    const first = await turnOn(project.handlers);
    expect(first.state).toBe('ready');
    await codeSpans(project, texts, uncoded.map((segment) => ({ ...segment, documentId: idOf.get(segment.documentId)! })));
    const second = await settledStatus(project.handlers);
    expect(second.state).toBe('ready');
    expect(second.trainedOn).toBe(project.store.state.segments.length);
    expect(second.trainedOn).toBeGreaterThan(first.trainedOn);
  });

  it('keeps the last model answering while the project has changed and a new one is to learn', async () => {
    // A wait longer than the test: the change is seen, and the model learnt before it answers meanwhile.
    const { project, texts, uncoded, idOf } = await corpusProject(16, { documents: 30, sentencesPerDocument: 25 }, 20, 600_000);
    const first = await turnOn(project.handlers);
    expect(first.state).toBe('ready');
    const documentId = idOf.get('doc-25')!;
    const before = await call(project.handlers, 'documentSuggestions', { documentId });
    expect(before.length).toBeGreaterThan(0);
    await codeSpans(project, texts, uncoded.filter((segment) => segment.documentId === 'doc-29').map((segment) => ({ ...segment, documentId: idOf.get(segment.documentId)! })));
    const waiting = await call(project.handlers, 'suggestionStatus');
    expect(waiting).toMatchObject({ state: 'training', trainedOn: first.trainedOn, trainedAt: first.trainedAt, quality: first.quality });
    expect(await call(project.handlers, 'documentSuggestions', { documentId })).toEqual(before);
  });

  it("in blind coding learns only from the coder's own segments", async () => {
    const { project } = await corpusProject(16, { documents: 30, sentencesPerDocument: 25 });
    const ana = await turnOn(project.handlers);
    expect(ana).toMatchObject({ state: 'ready', trainedOn: project.store.state.segments.length });
    await call(project.handlers, 'setCoder', { name: 'bea' });
    await call(project.handlers, 'setBlind', { blind: true });
    await call(project.handlers, 'suggestionStatus');
    const bea = await settledStatus(project.handlers);
    expect(bea).toMatchObject({ state: 'too-few', trainedOn: 0 });
    expect(bea.quality.find((quality) => quality.codeId === PLANTED)).toMatchObject({ status: 'too-few-examples', positives: 0 });
  });
});

describe('suggestions in the text and across the corpus', () => {
  it('are made only on uncoded sentences, above the threshold, and listed with the document and a quote', async () => {
    const { project, texts, uncoded } = await corpusProject(16, { documents: 30, sentencesPerDocument: 25 }, 20);
    await turnOn(project.handlers);
    const page = await call(project.handlers, 'corpusSuggestions', { codeId: PLANTED, order: 'confidence', offset: 0, limit: 500 });
    expect(page.status.state).toBe('ready');
    expect(page.total).toBeGreaterThan(10);
    expect(page.suggestions).toHaveLength(page.total);
    const calls = page.suggestions.filter((suggestion) => CALL_WORDS.test(suggestion.quote));
    // Nearly all are sentences with a call to action, and most of the uncoded ones are found.
    expect(calls.length / page.suggestions.length).toBeGreaterThanOrEqual(0.9);
    expect(calls.length / uncoded.filter((segment) => segment.codeId === PLANTED_CODE).length).toBeGreaterThanOrEqual(0.75);
    const probabilities = page.suggestions.map((suggestion) => suggestion.probability);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    expect(Math.min(...probabilities)).toBeGreaterThanOrEqual(0.7);
    for (const suggestion of page.suggestions) {
      const text = texts.get(suggestion.documentId)!;
      expect(suggestion.quote).toBe(text.slice(suggestion.start, suggestion.end));
      expect(suggestion.documentName).toBe(project.store.documents.find((document) => document.id === suggestion.documentId)!.title);
      // No segment touches a suggested sentence.
      const touching = project.store.state.segments.filter((segment) => segment.documentId === suggestion.documentId && segment.start < suggestion.end && segment.end > suggestion.start);
      expect(touching).toEqual([]);
    }
    // Paged in the same order; by uncertainty the least sure come first.
    const second = await call(project.handlers, 'corpusSuggestions', { codeId: PLANTED, order: 'confidence', offset: 5, limit: 3 });
    expect(second.suggestions.map((s) => [s.documentId, s.start])).toEqual(page.suggestions.slice(5, 8).map((s) => [s.documentId, s.start]));
    expect(second.total).toBe(page.total);
    const unsure = await call(project.handlers, 'corpusSuggestions', { codeId: null, order: 'uncertainty', offset: 0, limit: 500 });
    const distances = unsure.suggestions.map((suggestion) => Math.abs(suggestion.probability - 0.5));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // One document's suggestions: the same, in text order.
    const documentId = page.suggestions[0]!.documentId;
    const inDocument = await call(project.handlers, 'documentSuggestions', { documentId });
    expect(inDocument.map((s) => s.start)).toEqual([...inDocument.map((s) => s.start)].sort((a, b) => a - b));
    expect(inDocument.filter((s) => s.codeId === PLANTED).map((s) => s.start).sort((a, b) => a - b)).toEqual(
      page.suggestions.filter((s) => s.documentId === documentId).map((s) => s.start).sort((a, b) => a - b),
    );
  });

  it('accepting one makes a segment of the current coder that is on disk, and Undo takes it back', async () => {
    const { project } = await corpusProject(16, { documents: 30, sentencesPerDocument: 25 }, 20);
    await turnOn(project.handlers);
    const [suggestion] = (await call(project.handlers, 'corpusSuggestions', { codeId: PLANTED, order: 'confidence', offset: 0, limit: 1 })).suggestions;
    const id = randomUUID();
    const segment = await call(project.handlers, 'acceptSuggestion', { id, documentId: suggestion!.documentId, codeId: suggestion!.codeId, start: suggestion!.start, end: suggestion!.end });
    expect(segment).toMatchObject({ id, documentId: suggestion!.documentId, codeId: PLANTED, start: suggestion!.start, end: suggestion!.end, coder: 'ana', quote: suggestion!.quote, origin: 'suggestion' });
    // The segments coded by hand say so.
    expect(new Set(project.store.state.segments.filter((s) => s.id !== id).map((s) => s.origin))).toEqual(new Set(['manual']));
    expect(project.store.historyLabels().undo).toBe('Accept suggestion as call to action');
    // Coded now: no longer suggested.
    const after = await call(project.handlers, 'documentSuggestions', { documentId: suggestion!.documentId });
    expect(after.some((s) => s.start === suggestion!.start)).toBe(false);
    const again = await reopen(project);
    expect(again.store.state.segments.find((s) => s.id === id)).toMatchObject({ codeId: PLANTED, start: suggestion!.start, origin: 'suggestion' });
    await call(again.handlers, 'undo');
    const third = await reopen(again);
    expect(third.store.state.segments.find((s) => s.id === id)).toBeUndefined();
  });

  it("the corpus's list asks each document once per model, and after a change only the document it touched", async () => {
    const { project } = await corpusProject(16, { documents: 30, sentencesPerDocument: 25 }, 20);
    const asked: string[] = [];
    class CountingThread extends SuggestionsThread {
      override suggestEach(...args: Parameters<SuggestionsThread['suggestEach']>): ReturnType<SuggestionsThread['suggestEach']> {
        for (const { document } of args[0]) asked.push(document.id);
        return super.suggestEach(...args);
      }
    }
    const service = new SuggestionsService(project.store, { now: () => new Date(), debounceMs: 60_000, makeThread: () => new CountingThread() });
    await service.setSettings({ enabled: true });
    while (service.status().state === 'training') await new Promise((resolve) => setTimeout(resolve, 40));
    const request = { codeId: null, order: 'confidence' as const, offset: 0, limit: 1000 };
    const first = await service.corpusSuggestions(request);
    expect(service.status().state).toBe('ready');
    expect(first.total).toBeGreaterThan(1);
    expect([...asked].sort()).toEqual(project.store.documents.map((document) => document.id).sort());
    asked.length = 0;
    // Nothing changed: the list is the one kept; a document's marks come from its cache.
    expect(await service.corpusSuggestions(request)).toEqual(first);
    await service.documentSuggestions(first.suggestions[0]!.documentId);
    expect(asked).toEqual([]);
    // One suggestion rejected: its document alone is asked again, and the suggestion leaves the list.
    const [top] = first.suggestions;
    await service.reject({ documentId: top!.documentId, codeId: top!.codeId, start: top!.start, end: top!.end });
    const after = await service.corpusSuggestions(request);
    expect(asked).toEqual([top!.documentId]);
    expect(after.total).toBe(first.total - 1);
    expect(after.suggestions.some((s) => s.documentId === top!.documentId && s.start === top!.start && s.codeId === top!.codeId)).toBe(false);
    // A passage coded by hand in another document: that document alone.
    asked.length = 0;
    const other = first.suggestions.find((s) => s.documentId !== top!.documentId)!;
    await project.store.addSegment({ id: randomUUID(), documentId: other.documentId, codeId: other.codeId, start: other.start, end: other.end });
    await service.corpusSuggestions(request);
    expect(asked).toEqual([other.documentId]);
  });

  it("the corpus's list is read by two threads in batches, and is the list one thread makes, in the same order", async () => {
    const { project } = await corpusProject(17, { documents: 30, sentencesPerDocument: 25 }, 20);
    const batches: Array<{ thread: number; documents: string[] }> = [];
    let made = 0;
    const closed: number[] = [];
    class NamedThread extends SuggestionsThread {
      readonly number = ++made;
      override suggestEach(...args: Parameters<SuggestionsThread['suggestEach']>): ReturnType<SuggestionsThread['suggestEach']> {
        batches.push({ thread: this.number, documents: args[0].map(({ document }) => document.id) });
        return super.suggestEach(...args);
      }
      override close(): void {
        closed.push(this.number);
        super.close();
      }
    }
    const ready = async (service: SuggestionsService) => {
      await service.setSettings({ enabled: true });
      while (service.status().state === 'training') await new Promise((resolve) => setTimeout(resolve, 40));
      expect(service.status().state).toBe('ready');
    };
    const request = { codeId: null, order: 'confidence' as const, offset: 0, limit: 100_000 };
    const shared = new SuggestionsService(project.store, { now: () => new Date(), debounceMs: 60_000, makeThread: () => new NamedThread(), listingThreads: 2, listingBatch: { documents: 3, units: Infinity } });
    await ready(shared);
    const list = await shared.corpusSuggestions(request);
    // Every document once, in batches of at most three, read by both threads that answer (the trainer, thread 1, reads none).
    expect(batches.flatMap((batch) => batch.documents).sort()).toEqual(project.store.documents.map((document) => document.id).sort());
    expect(Math.max(...batches.map((batch) => batch.documents.length))).toBe(3);
    expect(new Set(batches.map((batch) => batch.thread))).toEqual(new Set([2, 3]));
    // The same model read by one thread, a document at a time: the same list, in the same order.
    batches.length = 0;
    const alone = new SuggestionsService(project.store, { now: () => new Date(), debounceMs: 60_000, makeThread: () => new NamedThread(), listingThreads: 1, listingBatch: { documents: 1, units: Infinity } });
    await ready(alone);
    const single = await alone.corpusSuggestions(request);
    expect(new Set(batches.map((batch) => batch.thread))).toEqual(new Set([5]));
    expect(single.total).toBeGreaterThan(10);
    expect(list.suggestions).toEqual(single.suggestions);
    // The second thread of the list ends with the others.
    shared.close();
    expect(closed.sort()).toEqual([1, 2, 3]);
    alone.close();
  });

  it("says in its state how many documents are read while the corpus's list is made, and nothing once it is made", async () => {
    const { project } = await corpusProject(16, { documents: 30, sentencesPerDocument: 25 }, 20);
    let answered = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const holding = new Promise<void>((resolve) => (reached = resolve));
    class HeldThread extends SuggestionsThread {
      override async suggestEach(...args: Parameters<SuggestionsThread['suggestEach']>): ReturnType<SuggestionsThread['suggestEach']> {
        // The fourth document is held until the test has looked.
        if (++answered === 4) {
          reached();
          await held;
        }
        return super.suggestEach(...args);
      }
    }
    // One thread, a document at a time: the count moves with each document.
    const service = new SuggestionsService(project.store, {
      now: () => new Date(),
      debounceMs: 60_000,
      makeThread: () => new HeldThread(),
      listingThreads: 1,
      listingBatch: { documents: 1, units: Infinity },
    });
    await service.setSettings({ enabled: true });
    while (service.status().state === 'training') await new Promise((resolve) => setTimeout(resolve, 40));
    expect(service.status().listing).toBeNull();
    const request = { codeId: null, order: 'confidence' as const, offset: 0, limit: 10 };
    const listed = service.corpusSuggestions(request);
    await holding;
    expect(service.status()).toMatchObject({ state: 'ready', listing: { done: 3, total: 30 } });
    // Asked again meanwhile: the same making, no document asked twice.
    const again = service.corpusSuggestions(request);
    release();
    const [page, second] = await Promise.all([listed, again]);
    expect(second).toEqual(page);
    expect(answered).toBe(30);
    expect(page.status.listing).toBeNull();
    expect(service.status().listing).toBeNull();
  });

  it('a rejection is a line appended to the journal, the project file left as it was, and is there after reopening without a clean close', async () => {
    const { project } = await corpusProject(5, { documents: 3, sentencesPerDocument: 10 });
    const file = join(project.folder, PROJECT_FILE);
    const before = await readFile(file);
    const [document] = project.store.documents;
    const rejections = [0, 1, 2].map((i) => ({ documentId: document!.id, codeId: PLANTED, start: 10 * i, end: 10 * i + 8 }));
    for (const rejection of rejections) expect(await call(project.handlers, 'rejectSuggestion', rejection)).toMatchObject({ rejected: rejections.indexOf(rejection) + 1 });
    expect((await readFile(file)).equals(before)).toBe(true);
    const lines = (await readFile(join(project.folder, 'project.journal'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { op: string; rejection?: unknown });
    expect(lines.filter((line) => line.op === 'reject').map((line) => line.rejection)).toEqual(rejections);
    // As after a crash: the folder as it is on disk, the store never closed.
    const copy = join(await tempFolder(), 'copy');
    await cp(project.folder, copy, { recursive: true, filter: (path) => !path.endsWith('.lock') });
    const crashed = await openProject(copy, undefined, { suggestionDelayMs: 30 });
    opened.push(crashed);
    expect(crashed.store.rejectedSuggestions).toEqual(rejections);
  });

  it('a rejection is kept across reopening, and that sentence is never suggested that code again', async () => {
    const { project } = await corpusProject(16, { documents: 30, sentencesPerDocument: 25 }, 20);
    const before = await turnOn(project.handlers);
    const negatives = (status: SuggestionStatus) => status.quality.find((quality) => quality.codeId === PLANTED)!.negatives;
    const [suggestion] = (await call(project.handlers, 'corpusSuggestions', { codeId: PLANTED, order: 'confidence', offset: 0, limit: 1 })).suggestions;
    const rejection = { documentId: suggestion!.documentId, codeId: PLANTED, start: suggestion!.start, end: suggestion!.end };
    expect(await call(project.handlers, 'rejectSuggestion', rejection)).toEqual({ rejected: 1 });
    // The same rejection again is kept once.
    expect(await call(project.handlers, 'rejectSuggestion', rejection)).toEqual({ rejected: 1 });
    const isIt = (s: { documentId: string; codeId: string; start: number }) => s.documentId === rejection.documentId && s.codeId === PLANTED && s.start === rejection.start;
    expect((await call(project.handlers, 'documentSuggestions', { documentId: rejection.documentId })).some(isIt)).toBe(false);
    const again = await reopen(project);
    expect(again.store.rejectedSuggestions).toEqual([rejection]);
    const status = await settledStatus(again.handlers);
    expect(status.state).toBe('ready');
    // The model learnt from it: one more negative of the code.
    expect(negatives(status)).toBe(negatives(before) + 1);
    expect((await call(again.handlers, 'documentSuggestions', { documentId: rejection.documentId })).some(isIt)).toBe(false);
    const all = await call(again.handlers, 'corpusSuggestions', { codeId: null, order: 'confidence', offset: 0, limit: 500 });
    expect(all.suggestions.some(isIt)).toBe(false);
  });

  it('refuses an unknown document, a passage outside the text and a code not in the codebook, saying which', async () => {
    const { project } = await corpusProject(8, { documents: 2, sentencesPerDocument: 5 });
    const documentId = project.store.documents[0]!.id;
    const length = (await project.store.text(documentId)).length;
    const segmentsBefore = project.store.state.segments.length;
    const failure = async (name: 'acceptSuggestion' | 'rejectSuggestion' | 'documentSuggestions' | 'corpusSuggestions', input: unknown) => {
      const result = await dispatch(project.handlers, name, input);
      expect(result.ok).toBe(false);
      return !result.ok ? result.error : null;
    };
    const span = { documentId, codeId: PLANTED, start: 0, end: 10 };
    expect(await failure('rejectSuggestion', { ...span, documentId: 'no-such-document' })).toMatchObject({ code: 'not-found', message: expect.stringMatching(/no document no-such-document/) });
    expect(await failure('acceptSuggestion', { ...span, id: randomUUID(), documentId: 'no-such-document' })).toMatchObject({ code: 'not-found', message: expect.stringMatching(/no document/) });
    expect(await failure('documentSuggestions', { documentId: 'no-such-document' })).toMatchObject({ code: 'not-found' });
    expect(await failure('rejectSuggestion', { ...span, end: length + 5 })).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/outside the document/) });
    expect(await failure('acceptSuggestion', { ...span, id: randomUUID(), end: length + 5 })).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/outside the document/) });
    expect(await failure('rejectSuggestion', { ...span, end: 0 })).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/empty/) });
    expect(await failure('rejectSuggestion', { ...span, codeId: 'no-such-code' })).toMatchObject({ code: 'not-found', message: expect.stringMatching(/no code no-such-code in the codebook/) });
    expect(await failure('acceptSuggestion', { ...span, id: randomUUID(), codeId: 'no-such-code' })).toMatchObject({ code: 'not-found', message: expect.stringMatching(/no code no-such-code/) });
    expect(await failure('corpusSuggestions', { codeId: 'no-such-code', order: 'confidence', offset: 0, limit: 10 })).toMatchObject({ code: 'not-found' });
    // Nothing was kept or coded by the refusals.
    expect(project.store.rejectedSuggestions).toEqual([]);
    expect(project.store.state.segments).toHaveLength(segmentsBefore);
  });
});

describe('the model as a file', () => {
  it('is written where the researcher chose, and Python reads it back with the hashes of the sentences it learnt from', async () => {
    const { project, texts } = await corpusProject(16, { documents: 30, sentencesPerDocument: 25 }, 20);
    expect(await dispatch(project.handlers, 'exportSuggestionModel', {})).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/suggestions are off/) } });
    const status = await turnOn(project.handlers);
    const outcome = await call(project.handlers, 'exportSuggestionModel', {});
    expect(outcome.path).toMatch(/suggestion-model-\d{4}-\d\d-\d\d\.json$/);
    expect(outcome.rows).toBe(status.trainedOn);
    // A passage coded with the planted code that is one whole sentence: its SHA-256 is a training example's.
    const coded = project.store.state.segments.find((segment) => segment.codeId === PLANTED && /^[A-Z]/.test(segment.quote) && /[.!]$/.test(segment.quote))!;
    const sentence = texts.get(coded.documentId)!.slice(coded.start, coded.end);
    const read = runPythonScript<{ format: string; codes: string[]; examples: number; hashesWellFormed: boolean; hasSentence: boolean; labelsPerExample: number[] }>(
      '/usr/bin/python3',
      `
import hashlib, json, re, sys
given = json.load(sys.stdin)
with open(sys.argv[1], encoding='utf-8') as f:
    model = json.load(f)
hashes = [example['sha256'] for example in model['examples']]
print(json.dumps({
    'format': model['format'],
    'codes': [code['codeId'] for code in model['codes']],
    'examples': len(model['examples']),
    'hashesWellFormed': all(re.fullmatch('[0-9a-f]{64}', h) for h in hashes),
    'hasSentence': hashlib.sha256(given['sentence'].encode('utf-8')).hexdigest() in hashes,
    'labelsPerExample': sorted(set(len(example['labels']) for example in model['examples'])),
}))
`,
      { sentence },
      [outcome.path!],
    );
    expect(read.format).toBe('annotation-workbench/suggestion-model');
    expect(read.codes).toEqual(project.store.state.codes.map((code) => code.id));
    expect(read.examples).toBeGreaterThan(status.trainedOn);
    expect(read.hashesWellFormed).toBe(true);
    expect(read.labelsPerExample).toEqual([project.store.state.codes.length]);
    expect(read.hasSentence).toBe(true);
  });
});

describe('the service and its threads', () => {
  it('ends both of its threads when the project is closed', async () => {
    const { project } = await corpusProject(9, { documents: 2, sentencesPerDocument: 5 });
    const closed: string[] = [];
    let made = 0;
    class CountedThread extends SuggestionsThread {
      constructor(private readonly name: string) {
        super();
      }
      override close(): void {
        closed.push(this.name);
        super.close();
      }
    }
    new SuggestionsService(project.store, { now: () => new Date(), makeThread: () => new CountedThread(`thread ${++made}`) });
    expect(closed).toEqual([]);
    await project.store.close();
    expect(closed.sort()).toEqual(['thread 1', 'thread 2']);
  });
});
