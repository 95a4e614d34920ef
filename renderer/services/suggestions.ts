/**
 * Suggestions learnt from the researcher's own coding: the project's switch and listing settings,
 * the model's state (asked again while a model is being trained), the panel's page of the corpus's
 * suggestions, the open document's suggestions for its dotted marks, and deciding one: accepting
 * (the main process codes it as a segment of the current coder, marked as from a suggestion) or
 * rejecting (remembered). Nothing here codes anything unasked.
 */
import type { SuggestionSettings } from '../../shared/ipc/suggestions';
import type { Suggestion } from '../../shared/suggestions/suggestions';
import { getState, subscribe, update, type State } from '../store';
import { withSegmentInserted } from '../store/open-document';
import {
  SUGGESTIONS_PAGE,
  suggestionIdentity,
  withDocumentSuggestions,
  withSuggestionDecided,
  withSuggestionError,
  withSuggestionFocused,
  withSuggestionPage,
  withSuggestionSettings,
  withSuggestionStatus,
} from '../store/suggestions';
import { t } from '../i18n/i18n';
import { api } from './api-client';
import { runExport } from './exports';
import { refreshCounts } from './overview';
import { reportFailure } from './save-watch';

/** How often the model's state is asked again while a model is being trained. */
const TRAINING_POLL_MS = 1000;
/**
 * How long a request for the list may take before the model's state is asked for how far the
 * corpus has been read (the first list of a model reads every document), and how often after.
 */
const LISTING_POLL_MS = 500;
/** How long after the open document's segments change its suggestions are asked again. */
const DOCUMENT_PAUSE_MS = 400;

/** Reads the project's settings and the model's state, then (when on) the first page of the list. */
export async function loadSuggestions(): Promise<void> {
  const settings = await api.suggestionSettings({});
  if (!settings.ok) return void update((current) => withSuggestionError(current, settings.error.message));
  update((current) => withSuggestionSettings(current, settings.value));
  await refreshStatus();
  if (settings.value.enabled) await refreshSuggestionList();
}

/** Asks for the model's state again. */
export async function refreshStatus(): Promise<void> {
  const status = await api.suggestionStatus({});
  if (status.ok) update((current) => withSuggestionStatus(current, status.value));
  else update((current) => withSuggestionError(current, status.error.message));
}

/** Changes the project's settings (the switch, the order, the threshold), then lists again. */
export async function changeSuggestionSettings(change: Partial<SuggestionSettings>): Promise<void> {
  const result = await api.setSuggestionSettings(change);
  if (!result.ok) return void update((current) => withSuggestionError(current, result.error.message));
  update((current) => withSuggestionSettings(current, result.value));
  await refreshStatus();
  if (result.value.enabled) {
    // Another order or threshold lists from the start.
    update((current) => withSuggestionFocused(current, 0));
    await Promise.all([refreshSuggestionList(0), refreshDocumentSuggestions()]);
  }
}

/** The suggestions being accepted or rejected (by suggestionIdentity), until the main process has answered. */
const deciding = new Set<string>();
/** Counts the requests for a page of the list, so that an answer overtaken by a newer request is dropped. */
let listRequest = 0;

/** Asks for the page of the list from `offset` (the page shown, when not given). */
export async function refreshSuggestionList(offset = getState().suggestions.listing?.offset ?? 0): Promise<void> {
  const settings = getState().suggestions.settings;
  if (!settings?.enabled) return;
  const request = ++listRequest;
  const result = await whileListing(api.corpusSuggestions({ codeId: null, order: settings.order, offset, limit: SUGGESTIONS_PAGE }));
  if (request !== listRequest) return;
  if (!result.ok) return void update((current) => withSuggestionError(current, result.error.message));
  // A page past the end (the last suggestions decided): the page before it.
  if (result.value.suggestions.length === 0 && offset > 0 && result.value.total > 0) {
    return refreshSuggestionList(Math.max(0, Math.floor((result.value.total - 1) / SUGGESTIONS_PAGE) * SUGGESTIONS_PAGE));
  }
  update((current) => withSuggestionPage(current, offset, result.value, deciding));
}

/**
 * Waits for `answer`; should it take longer than LISTING_POLL_MS, asks the model's state meanwhile,
 * so that the panel shows how far the corpus has been read. A state that comes after the answer
 * is dropped (the answer carries a newer one).
 */
async function whileListing<T>(answer: Promise<T>): Promise<T> {
  let waiting = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ask = () => {
    timer = setTimeout(async () => {
      const status = await api.suggestionStatus({});
      if (!waiting) return;
      if (status.ok) update((current) => withSuggestionStatus(current, status.value));
      ask();
    }, LISTING_POLL_MS);
  };
  ask();
  try {
    return await answer;
  } finally {
    waiting = false;
    clearTimeout(timer);
  }
}

/** Shows another page of the list, its first suggestion with the focus. */
export async function showSuggestionPage(offset: number): Promise<void> {
  update((current) => withSuggestionFocused(current, 0));
  await refreshSuggestionList(Math.max(0, offset));
}

/** The suggestion at `index` of the page has the focus. */
export function focusSuggestion(index: number): void {
  update((current) => withSuggestionFocused(current, index));
}

/** Asks for the open document's suggestions (for its dotted marks); none while suggestions are off. */
export async function refreshDocumentSuggestions(): Promise<void> {
  const { open, suggestions } = getState();
  if (!open || !suggestions.settings?.enabled) {
    if (suggestions.inDocument) update((current) => withDocumentSuggestions(current, null));
    return;
  }
  const documentId = open.document.id;
  const result = await api.documentSuggestions({ documentId });
  // The document closed or another opened meanwhile: its answer is dropped.
  if (getState().open?.document.id !== documentId) return;
  if (result.ok) update((current) => withDocumentSuggestions(current, { documentId, suggestions: result.value }));
  else update((current) => withSuggestionError(current, result.error.message));
}

/**
 * Accepts a suggestion: it leaves the list at once, and the main process codes its sentence as a
 * segment of the current coder; the segment is drawn in the open text when it is that document.
 * A refusal puts the list back and says why. True when it was coded.
 */
export async function acceptSuggestion(suggestion: Suggestion): Promise<boolean> {
  const key = suggestionIdentity(suggestion);
  if (deciding.has(key)) return false;
  deciding.add(key);
  update((current) => withSuggestionDecided(current, suggestion));
  const { documentId, codeId, start, end } = suggestion;
  const result = await api.acceptSuggestion({ id: crypto.randomUUID(), documentId, codeId, start, end });
  deciding.delete(key);
  if (!result.ok) {
    reportFailure(result.error);
    await refreshSuggestionList();
    return false;
  }
  const segment = result.value;
  update((current) => (current.open?.segments.some((s) => s.id === segment.id) ? {} : withSegmentInserted(current, segment)));
  void refreshCounts(); // the counts, and what Undo would take back
  await refreshSuggestionList();
  return true;
}

/** Rejects a suggestion: it leaves the list and the text, and the main process remembers it. True when remembered. */
export async function rejectSuggestion(suggestion: Suggestion): Promise<boolean> {
  const key = suggestionIdentity(suggestion);
  if (deciding.has(key)) return false;
  deciding.add(key);
  update((current) => withSuggestionDecided(current, suggestion));
  const { documentId, codeId, start, end } = suggestion;
  const result = await api.rejectSuggestion({ documentId, codeId, start, end });
  deciding.delete(key);
  if (!result.ok) {
    reportFailure(result.error);
    await refreshSuggestionList();
    return false;
  }
  await refreshSuggestionList();
  return true;
}

/**
 * Keeps the suggestions in step with the page: read again when a project opens; the open
 * document's suggestions asked again when another document opens, its segments change (after a
 * pause), the switch turns, or a newer model is ready; the model's state asked again every second
 * while one is being trained. Returns the stopper.
 */
export function followSuggestions(): () => void {
  let last: State = getState();
  let documentTimer: ReturnType<typeof setTimeout> | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  const askForDocument = (pause: number) => {
    clearTimeout(documentTimer);
    documentTimer = setTimeout(() => {
      void refreshDocumentSuggestions();
      // Coding may start training (or give a code enough examples).
      if (pause) void refreshStatus();
    }, pause);
  };
  const poll = () => {
    if (pollTimer) return;
    pollTimer = setTimeout(async () => {
      await refreshStatus();
      pollTimer = undefined;
      if (getState().suggestions.status?.state === 'training') poll();
    }, TRAINING_POLL_MS);
  };
  const stop = subscribe(() => {
    const state = getState();
    const previous = last;
    last = state;
    const folder = state.session?.project?.folder;
    if (folder && folder !== previous.session?.project?.folder) return void loadSuggestions();
    const now = state.suggestions;
    const before = previous.suggestions;
    const enabled = !!now.settings?.enabled;
    if (state.open?.document.id !== previous.open?.document.id || enabled !== !!before.settings?.enabled) askForDocument(0);
    else if (enabled && state.open && state.open.segments !== previous.open?.segments) askForDocument(DOCUMENT_PAUSE_MS);
    if (enabled && now.status?.state === 'training') poll();
    // A newer model is ready: what it suggests is asked again.
    if (enabled && now.status && now.status.trainedAt !== before.status?.trainedAt && now.status.state === 'ready') {
      askForDocument(0);
      void refreshSuggestionList();
    }
  });
  return () => {
    stop();
    clearTimeout(documentTimer);
    clearTimeout(pollTimer);
  };
}

/** Writes the model in use as JSON (with the hashes of the sentences it learnt from), through the save dialog. */
export function exportSuggestionModel(): Promise<void> {
  return runExport((jobId) => api.exportSuggestionModel({ jobId }), ({ rows, path }) => t('suggestions.model.exported', { count: rows, path }));
}
