/**
 * Suggestions of one open project, learnt from its own coding (shared/suggestions/): the service
 * decides when a model is trained, keeps the model in use, and answers for it. Nothing here codes
 * anything unasked; accepting a suggestion is the one way it makes a segment.
 *
 * - **When it learns.** While suggestions are on, every change of the project (an action, an
 *   undo, a redo, a rejection) restarts a short wait (`debounceMs`, 2 s); when it ends, the
 *   signature of what the model learns from (the codebook, the segments the coder may see, the
 *   rejections) is compared with the model's, and a new model is trained only when it differs.
 *   Turning suggestions on trains at once, and so does the first question (the status, a
 *   document's suggestions) in a project where they are on: a project opened only to run a
 *   command never trains.
 * - **Threads.** One trains (suggestions-thread.ts, cut off from the network), the other
 *   answers with the model in use, so that the last model keeps answering while a new one learns;
 *   a model trained is handed to the answering thread as the text of its file. The corpus's list
 *   is read by a third as well where the machine has a second processor (see corpusList).
 * - **What it answers.** Suggestions only on uncoded sentences, never a code the researcher
 *   rejected on that sentence, never below the project's threshold; across the corpus, one list
 *   kept until the project or the model changes, ordered and paged as asked. Each document's
 *   suggestions are kept apart too, keyed by the model and what the document's suggestions
 *   depend on: after a change, only the documents it touched are read again.
 * - **Blind coding.** The model learns from, and leaves out, the segments the coder may see: in
 *   blind coding, their own.
 *
 * Every thread ends when the project is closed.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { findDocument, requireCode } from '../../shared/edits/find';
import { codePassage } from '../../shared/edits/segments';
import { actionLabel } from '../../shared/edits/action-label';
import type { ListedSuggestion, SuggestionPage, SuggestionStatus } from '../../shared/ipc/suggestions';
import type { DocumentRecord } from '../../shared/model/documents';
import { WorkbenchFailure } from '../../shared/model/failure';
import { segmentsOfDocument } from '../../shared/model/segment-table';
import type { CodedSegment } from '../../shared/model/segments';
import type { RejectedSuggestion, SuggestionOrder, SuggestionSettings } from '../../shared/model/suggestion-settings';
import { documentLanguage, documentLocale } from '../../shared/suggestions/sentences';
import { orderSuggestions, updatedCorpusList, type Suggestion } from '../../shared/suggestions/suggestions';
import type { CodedSpan, TrainingInput } from '../../shared/suggestions/training-examples';
import type { CodeQuality } from '../../shared/suggestions/training';
import { shortText } from '../../shared/text/short-text';
import { shownTo } from '../../shared/views/blind-coding';
import type { ProjectStore } from '../project/project-store';
import { SuggestionsThread, type DocumentToRead } from './suggestions-thread';

/** How long the service waits after the last change before it trains again. */
export const TRAINING_DELAY_MS = 2_000;

/** The longest quote of a listed suggestion, in characters (code points), "…" included. */
export const LISTED_QUOTE_MAX = 400;

export interface SuggestionsServiceOptions {
  now: () => Date;
  /** How long after the last change a new model is trained (TRAINING_DELAY_MS when not given). */
  debounceMs?: number;
  /** Starts a thread (a test seam; the built worker when not given). */
  makeThread?: () => SuggestionsThread;
  /** How many threads read the corpus's documents for its list (LISTING_THREADS when not given). */
  listingThreads?: number;
  /** How many documents, and about how much text, go to a thread at once for the corpus's list (LISTING_BATCH when not given). */
  listingBatch?: ListingBatch;
}

/** A batch of documents asked of a thread at once: at most `documents` of them, and about `units` UTF-16 units of text. */
export interface ListingBatch {
  documents: number;
  units: number;
}

/**
 * The corpus's list asks a thread for a batch of documents at once: a trip per document cost the
 * list of 5,000 documents seconds of waiting on top of the reading; a batch of about a quarter of
 * a megabyte of text is read in some tens of milliseconds, so the list's progress still moves.
 */
export const LISTING_BATCH: ListingBatch = { documents: 64, units: 256 * 1024 };

/**
 * Threads that read the corpus's documents for its list: two where the machine has more than one
 * processor (reading sentences is most of the list's work, and it is shared out), else one.
 */
export const LISTING_THREADS = Math.min(2, availableParallelism());

/** The model that answers: the text of its file, what it was learnt from, and its codes' figures. */
export interface ModelInUse {
  json: string;
  quality: CodeQuality[];
  trainedAt: string;
  /** How many segments it learnt from. */
  trainedOn: number;
  /** The codes that have a model (the others had too few examples). */
  trainedCodes: ReadonlySet<string>;
  signature: string;
  /** Counts the models of this service: a list made with one model is not used with the next. */
  generation: number;
}

/** What a model is to learn from now, and its signature. */
interface TrainingPlan {
  signature: string;
  segments: CodedSpan[];
  rejected: CodedSpan[];
  codeIds: string[];
  documents: DocumentRecord[];
}

const spanOf = (span: CodedSpan): CodedSpan => ({ documentId: span.documentId, codeId: span.codeId, start: span.start, end: span.end });

export class SuggestionsService {
  private readonly trainer: SuggestionsThread;
  private readonly answerer: SuggestionsThread;
  /** The second thread of the corpus's lists (see listingThreads), started with the first list that needs it, and the model it has. */
  private helper: { thread: SuggestionsThread; generation: number } | null = null;
  private readonly listingWorkers: number;
  private readonly listingBatch: ListingBatch;
  private readonly debounceMs: number;
  private model: ModelInUse | null = null;
  private generation = 0;
  /** The training under way, if any. */
  private running: Promise<void> | null = null;
  /** A change came while training: look again once it ends. */
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Why the last training failed (null once one succeeds). */
  private failure: string | null = null;
  /** The store's change count when the project was last compared with the model. */
  private checkedAt = -1;
  /**
   * Every suggestion of the corpus, in confidence order, for one model and one state of the
   * project, and each document's list it was put together from (by document id).
   */
  private corpus: { key: string; suggestions: Suggestion[]; from: ReadonlyMap<string, readonly Suggestion[]> } | null = null;
  /** The corpus's list in the order of uncertainty, made from `of` (the list in confidence order) when first asked. */
  private uncertain: { of: readonly Suggestion[]; ordered: Suggestion[] } | null = null;
  /** The corpus's list being made: its key, the promise of it, and how many documents are read of how many. */
  private listing: { key: string; made: Promise<Suggestion[]>; done: number; total: number } | null = null;
  /** Each document's suggestions from the model in use, with what they depend on (see cachedOrAsk). */
  private readonly perDocument = new Map<string, { key: string; suggestions: Suggestion[] }>();
  /** Each text's language (by its SHA-256), as its variable gives it or its start suggests: guessed once. */
  private readonly languages = new Map<string, string>();
  private closed = false;
  /**
   * Someone has asked for suggestions or their status: only then do changes train a model (the
   * command line, which never asks, opens a project with suggestions on without training).
   */
  private asked = false;
  private readonly stopListening: Array<() => void>;

  constructor(
    private readonly store: ProjectStore,
    private readonly options: SuggestionsServiceOptions,
  ) {
    const makeThread = options.makeThread ?? (() => new SuggestionsThread());
    this.trainer = makeThread();
    this.answerer = makeThread();
    this.listingWorkers = options.listingThreads ?? LISTING_THREADS;
    this.listingBatch = options.listingBatch ?? LISTING_BATCH;
    this.debounceMs = options.debounceMs ?? TRAINING_DELAY_MS;
    this.stopListening = [store.onChange(() => this.projectChanged()), store.onClose(() => this.close())];
  }

  get settings(): SuggestionSettings {
    return this.store.suggestionSettings;
  }

  /** Changes the settings (saved at once); turning suggestions on trains a model at once, turning them off drops it. */
  async setSettings(change: Partial<SuggestionSettings>): Promise<SuggestionSettings> {
    const wasOn = this.settings.enabled;
    const settings = await this.store.setSuggestionSettings(change);
    if (settings.enabled && !wasOn) {
      this.asked = true;
      this.failure = null;
      this.schedule(0);
    } else if (!settings.enabled && wasOn) {
      this.stopWaiting();
    }
    return settings;
  }

  /** Where the model stands (see SuggestionStatus); looks whether the project changed since the model was trained. */
  status(): SuggestionStatus {
    const enabled = this.settings.enabled;
    if (enabled) this.lookForChanges();
    const model = this.model;
    const listing = this.listing ? { done: this.listing.done, total: this.listing.total } : null;
    const shown = { enabled, trainedAt: model?.trainedAt ?? null, trainedOn: model?.trainedOn ?? 0, quality: model?.quality ?? [], failure: this.failure, listing };
    if (!enabled) return { ...shown, state: 'off', failure: null, listing: null };
    if (this.timer || this.running) return { ...shown, state: 'training' };
    if (this.failure) return { ...shown, state: 'failed' };
    if (!model) return { ...shown, state: 'training' };
    return { ...shown, state: model.trainedCodes.size > 0 ? 'ready' : 'too-few' };
  }

  /** The model that answers now, or null. */
  get modelInUse(): ModelInUse | null {
    return this.model;
  }

  /** The suggestions on one document's uncoded sentences, in text order (none while off or without a model). */
  async documentSuggestions(documentId: string): Promise<Suggestion[]> {
    const document = findDocument(this.store.state, documentId);
    const model = this.answeringModel();
    if (!model) return [];
    const suggestions = [...(await this.suggestionsOf(document, model))];
    return suggestions.sort((a, b) => a.start - b.start || a.end - b.end || (a.codeId < b.codeId ? -1 : a.codeId > b.codeId ? 1 : 0));
  }

  /** One page of the corpus's suggestions (of one code, or of all), in the order asked, with the status. */
  async corpusSuggestions(request: { codeId: string | null; order: SuggestionOrder; offset: number; limit: number }): Promise<SuggestionPage> {
    if (request.codeId !== null) requireCode(this.store.state, request.codeId);
    const model = this.answeringModel();
    const confident = model ? await this.corpusList(model) : [];
    const all = request.order === 'confidence' ? confident : this.inUncertaintyOrder(confident);
    const chosen = request.codeId === null ? all : all.filter((suggestion) => suggestion.codeId === request.codeId);
    const titles = new Map(this.store.documents.map((document) => [document.id, document.title]));
    const page: ListedSuggestion[] = [];
    for (const suggestion of chosen.slice(request.offset, request.offset + request.limit)) {
      const text = await this.store.text(suggestion.documentId);
      page.push({ ...suggestion, documentName: titles.get(suggestion.documentId) ?? suggestion.documentId, quote: shortText(text.slice(suggestion.start, suggestion.end), LISTED_QUOTE_MAX) });
    }
    return { suggestions: page, total: chosen.length, status: this.status() };
  }

  /** The corpus's list (in confidence order) in the order of uncertainty, ordered once per list. */
  private inUncertaintyOrder(list: readonly Suggestion[]): Suggestion[] {
    if (this.uncertain?.of !== list) this.uncertain = { of: list, ordered: orderSuggestions([...list], 'uncertainty') };
    return this.uncertain.ordered;
  }

  /**
   * Codes a suggested passage as a segment of the current coder, marked as accepted from a
   * suggestion (`origin: 'suggestion'`): a normal action (undone like any coding), resolved once
   * it is on disk.
   */
  async accept(input: { id: string; documentId: string; codeId: string; start: number; end: number }): Promise<CodedSegment> {
    findDocument(this.store.state, input.documentId);
    requireCode(this.store.state, input.codeId);
    const text = await this.store.text(input.documentId);
    let made: CodedSegment | null = null;
    await this.store.edit((state, at) => {
      const edit = codePassage(state, { ...input, origin: 'suggestion' }, text, at);
      made = edit.segment;
      const code = state.codes.find((c) => c.id === input.codeId)!;
      return { label: actionLabel`Accept suggestion as ${code.name}`, changes: edit.changes };
    });
    return made!;
  }

  /**
   * Remembers that the researcher rejected this code on this passage (saved at once): it is never
   * suggested there again, and the next model learns from it. Says how many rejections the project keeps.
   */
  async reject(rejection: RejectedSuggestion): Promise<number> {
    findDocument(this.store.state, rejection.documentId);
    requireCode(this.store.state, rejection.codeId);
    const text = await this.store.text(rejection.documentId);
    if (rejection.end <= rejection.start) {
      throw new WorkbenchFailure('invalid-input', `A rejected suggestion spans some text: ${rejection.start}–${rejection.end} is empty.`);
    }
    if (rejection.end > text.length) {
      throw new WorkbenchFailure('invalid-input', `The passage ${rejection.start}–${rejection.end} lies outside the document (0–${text.length}).`);
    }
    return this.store.rejectSuggestion(rejection);
  }

  /** Resolves once no training is waiting or under way (for the command line and tests). */
  async settled(): Promise<void> {
    for (;;) {
      if (this.timer) await new Promise((resolve) => setTimeout(resolve, Math.min(this.debounceMs, 50)));
      else if (this.running) await this.running;
      else return;
    }
  }

  /** Ends both threads and stops listening to the project. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopWaiting();
    for (const stop of this.stopListening) stop();
    this.trainer.close();
    this.answerer.close();
    this.helper?.thread.close();
  }

  /** The model to answer with, when suggestions are on and it has a code to suggest. */
  private answeringModel(): ModelInUse | null {
    if (!this.settings.enabled) return null;
    this.lookForChanges();
    const model = this.model;
    return model && model.trainedCodes.size > 0 ? model : null;
  }

  private projectChanged(): void {
    if (this.closed || !this.asked || !this.settings.enabled) return;
    this.schedule(this.debounceMs);
  }

  /** A change the store did not announce (the coder, blind coding): trains after the usual wait. */
  private lookForChanges(): void {
    this.asked = true;
    if (this.closed || this.timer || this.running) return;
    // Unchanged since the last look: the model (or why there is none) still holds.
    if (this.store.changeCount === this.checkedAt && (this.model || this.failure)) return;
    this.schedule(this.model ? this.debounceMs : 0);
  }

  private schedule(delay: number): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.trainIfChanged();
    }, delay);
    // A wait for training never keeps the program (or a test) from ending.
    this.timer.unref?.();
  }

  private stopWaiting(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Trains a model when the project's signature differs from the model's (one training at a time). */
  private trainIfChanged(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    if (this.closed || !this.settings.enabled) return Promise.resolve();
    this.checkedAt = this.store.changeCount;
    const plan = this.plan();
    if (this.model?.signature === plan.signature && !this.failure) return Promise.resolve();
    const run = this.train(plan).finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.trainIfChanged();
      }
    });
    this.running = run;
    return run;
  }

  private async train(plan: TrainingPlan): Promise<void> {
    try {
      const documents = [];
      for (const record of plan.documents) {
        const text = await this.store.text(record.id);
        documents.push({ id: record.id, text, locale: this.languageOf(record, text) });
      }
      const input: TrainingInput = { documents, segments: plan.segments, rejected: plan.rejected, codeIds: plan.codeIds };
      const trainedAt = this.options.now().toISOString();
      const { json, quality } = await this.trainer.train(input, { now: trainedAt, crossValidate: true });
      const trainedCodes = await this.answerer.use(json);
      if (this.closed) return;
      this.model = { json, quality: quality ?? [], trainedAt, trainedOn: plan.segments.length, trainedCodes: new Set(trainedCodes), signature: plan.signature, generation: ++this.generation };
      this.corpus = null;
      this.uncertain = null;
      this.perDocument.clear();
      this.failure = null;
    } catch (error) {
      if (this.closed) return;
      this.failure = `The model could not be trained: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** The locale a document's sentences are found in (documentLanguage), kept per text and language variable. */
  private languageOf(document: DocumentRecord, text: string): string {
    const key = `${document.sha256}:${documentLocale(document.values, '')}`;
    let language = this.languages.get(key);
    if (language === undefined) this.languages.set(key, (language = documentLanguage(document.values, text)));
    return language;
  }

  /** What a model is to learn from now: the codebook, the segments the coder may see, the rejections; and their signature. */
  private plan(): TrainingPlan {
    const state = this.store.state;
    const codeIds = state.codes.map((code) => code.id);
    const known = new Set(codeIds);
    const documentIds = new Set(state.documents.map((document) => document.id));
    const counts = (span: CodedSpan) => known.has(span.codeId) && documentIds.has(span.documentId);
    const segments = shownTo(this.store.viewer, state.segments).filter(counts).map(spanOf);
    const rejected = this.store.rejectedSuggestions.filter(counts).map(spanOf);
    const used = new Set([...segments, ...rejected].map((span) => span.documentId));
    const documents = this.store.documents.filter((document) => used.has(document.id));
    const hash = createHash('sha256');
    hash.update(JSON.stringify(codeIds));
    for (const document of documents) hash.update(`d${document.id}:${document.sha256}:${documentLocale(document.values)}\n`);
    for (const span of segments) hash.update(`s${span.documentId}:${span.codeId}:${span.start}:${span.end}\n`);
    for (const span of rejected) hash.update(`r${span.documentId}:${span.codeId}:${span.start}:${span.end}\n`);
    return { signature: hash.digest('hex'), segments, rejected, codeIds, documents };
  }

  /**
   * A document's suggestions from the model in use, from its cache when nothing they depend on
   * changed (the model, the threshold, the codebook's codes, the document's language, and its
   * segments and rejections); else what is to be asked of a thread for it. Within one call of
   * `corpusList`, `rejectedHere` gives the document's rejections already grouped.
   */
  private cachedOrAsk(document: DocumentRecord, model: ModelInUse, rejectedHere?: readonly RejectedSuggestion[]): { cached: Suggestion[] } | { ask: DocumentAsk } {
    const segments = shownTo(this.store.viewer, segmentsOfDocument(this.store.state, document.id));
    const rejected = rejectedHere ?? this.store.rejectedSuggestions.filter((span) => span.documentId === document.id);
    // The language variable's locale; without one, the text's own (guessed once it is read, and
    // the same for as long as the text is: the key holds what the text's language depends on).
    const locale = documentLocale(document.values, `guess:${document.sha256}`);
    const codeIds = this.store.state.codes.map((code) => code.id);
    const threshold = this.settings.threshold;
    const key = documentKey(model.generation, threshold, locale, codeIds, segments, rejected);
    const cached = this.perDocument.get(document.id);
    if (cached?.key === key) return { cached: cached.suggestions };
    return { ask: { document, key, segments: segments.map(spanOf), rejected: rejected.map(spanOf), codeIds, threshold } };
  }

  /**
   * Asks `thread` for the suggestions of some documents in one request (each document's codes
   * since deleted left out), and keeps each in its document's cache.
   */
  private async answer(model: ModelInUse, thread: SuggestionsThread, asks: readonly DocumentAsk[]): Promise<Suggestion[][]> {
    const documents: DocumentToRead[] = [];
    for (const { document, segments, rejected } of asks) {
      const text = await this.store.text(document.id);
      documents.push({ document: { id: document.id, text, locale: this.languageOf(document, text) }, segments, rejected });
    }
    // Asked together, so under the same settings (the threshold is in each one's key).
    const options = { threshold: asks[0]?.threshold, order: 'confidence' as const };
    let answers: Suggestion[][];
    try {
      answers = await thread.suggestEach(documents, options);
    } catch (error) {
      // A thread started afresh (after it failed) has no model yet: it is given the one in use again.
      if (!(error instanceof WorkbenchFailure && error.code === 'not-found')) throw error;
      await thread.use(model.json);
      answers = await thread.suggestEach(documents, options);
    }
    return answers.map((suggestions, i) => {
      const { document, key, codeIds } = asks[i]!;
      const codes = new Set(codeIds);
      const kept = suggestions.filter((suggestion) => codes.has(suggestion.codeId));
      // A model replaced while this one answered: its answer is not kept for the next.
      if (this.model === model) this.perDocument.set(document.id, { key, suggestions: kept });
      return kept;
    });
  }

  /** A document's suggestions from the model in use (from its cache, or asked of the answering thread). */
  private async suggestionsOf(document: DocumentRecord, model: ModelInUse): Promise<Suggestion[]> {
    const found = this.cachedOrAsk(document, model);
    if ('cached' in found) return found.cached;
    const [suggestions] = await this.answer(model, this.answerer, [found.ask]);
    return suggestions!;
  }

  /**
   * The threads that read the corpus's documents for its list: the answering thread, and while a
   * list is made on a machine with more than one processor, a second one given the same model
   * (the documents are shared out between them).
   */
  private async listingThreads(model: ModelInUse): Promise<SuggestionsThread[]> {
    if (this.listingWorkers < 2) return [this.answerer];
    if (!this.helper) this.helper = { thread: (this.options.makeThread ?? (() => new SuggestionsThread()))(), generation: -1 };
    const helper = this.helper;
    if (helper.generation !== model.generation) {
      await helper.thread.use(model.json);
      helper.generation = model.generation;
    }
    return [this.answerer, helper.thread];
  }

  /**
   * Every suggestion of the corpus in confidence order, kept until the model or the project
   * changes; made again from each document's cache, so that after a change only the documents it
   * touched are asked again (the first list of a model asks every document). The documents to ask
   * go to the threads in batches (`LISTING_BATCH`), each thread taking the next batch when it is done.
   */
  private async corpusList(model: ModelInUse): Promise<Suggestion[]> {
    const key = `${model.generation}:${this.store.changeCount}:${this.settings.threshold}`;
    if (this.corpus?.key === key) return this.corpus.suggestions;
    // Asked again while it is being made (the page asks as the researcher decides): the same making.
    if (this.listing?.key === key) return this.listing.made;
    const documents = this.store.documents;
    const listing = { key, made: Promise.resolve<Suggestion[]>([]), done: 0, total: documents.length };
    listing.made = (async () => {
      const rejectedBy = new Map<string, RejectedSuggestion[]>();
      for (const span of this.store.rejectedSuggestions) {
        const list = rejectedBy.get(span.documentId);
        if (list) list.push(span);
        else rejectedBy.set(span.documentId, [span]);
      }
      const present = new Set(documents.map((document) => document.id));
      for (const id of this.perDocument.keys()) if (!present.has(id)) this.perDocument.delete(id);
      // Each document's suggestions in the documents' order, whichever thread read it.
      const byDocument: Suggestion[][] = new Array(documents.length);
      const asks: Array<{ index: number; ask: DocumentAsk }> = [];
      for (const [index, document] of documents.entries()) {
        const found = this.cachedOrAsk(document, model, rejectedBy.get(document.id) ?? []);
        if ('cached' in found) {
          byDocument[index] = found.cached;
          listing.done += 1;
        } else asks.push({ index, ask: found.ask });
      }
      const batches = batchesOf(asks, this.listingBatch);
      const threads = batches.length > 1 ? await this.listingThreads(model) : [this.answerer];
      let next = 0;
      let failed = false;
      await Promise.all(
        threads.map(async (thread) => {
          while (!failed && next < batches.length) {
            const batch = batches[next++]!;
            try {
              const answers = await this.answer(model, thread, batch.map(({ ask }) => ask));
              for (const [i, { index }] of batch.entries()) byDocument[index] = answers[i]!;
            } catch (error) {
              failed = true;
              throw error;
            }
            listing.done += batch.length;
          }
        }),
      );
      const from = new Map(documents.map((document, index) => [document.id, byDocument[index]!]));
      const suggestions = updatedCorpusList(this.corpus, from);
      this.corpus = { key, suggestions, from };
      return suggestions;
    })();
    this.listing = listing;
    try {
      return await listing.made;
    } finally {
      if (this.listing === listing) this.listing = null;
    }
  }
}

/** A document whose suggestions are to be asked of a thread, with what its cache entry is kept under. */
interface DocumentAsk {
  document: DocumentRecord;
  key: string;
  segments: CodedSpan[];
  rejected: CodedSpan[];
  /** The codebook's codes when it was asked (suggestions of codes since deleted are left out). */
  codeIds: readonly string[];
  /** The project's threshold when it was asked. */
  threshold: number;
}

/** Consecutive runs of `asks`, each of at most `limit.documents` documents and about `limit.units` UTF-16 units of text. */
function batchesOf<T extends { ask: DocumentAsk }>(asks: readonly T[], limit: ListingBatch): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let units = 0;
  for (const item of asks) {
    if (batch.length && (batch.length >= limit.documents || units >= limit.units)) {
      batches.push(batch);
      batch = [];
      units = 0;
    }
    batch.push(item);
    units += item.ask.document.length;
  }
  if (batch.length) batches.push(batch);
  return batches;
}

/** What of a segment or a rejection a document's key holds. */
type KeySpan = Pick<CodedSpan, 'codeId' | 'start' | 'end'>;

/** What a document's suggestions depend on besides its text (which never changes), as one string. */
function documentKey(generation: number, threshold: number, locale: string, codeIds: readonly string[], segments: readonly KeySpan[], rejected: readonly KeySpan[]): string {
  const spans = (list: readonly KeySpan[]) => {
    let text = '';
    for (const span of list) text += `${span.codeId}:${span.start}:${span.end},`;
    return text;
  };
  return `${generation}|${threshold}|${locale}|${codeIds.join(',')}|${spans(segments)}|${spans(rejected)}`;
}
