/**
 * Actions: what the researcher does, as changes to the store plus calls to the main process.
 * Every change shows at once (the page never waits on the disk) and is marked pending until the
 * main process says it is durable; a failed call is rolled back and explained, and a failed save
 * keeps the change and says so until saving works again.
 */
import type { CsvFlavour } from '../shared/exports/csv-export';
import type { ActionOutcome, ExportOutcome } from '../shared/ipc';
import type { Result, WorkbenchError } from '../shared/ipc/result';
import { compareInTextOrder, insertInTextOrder, type CodedSegment } from '../shared/model/segments';
import { checkSelection, moveSegmentEdge, snapToWords, trimSelection } from '../shared/text/selection';
import { layoutText } from '../shared/text/text-layout';
import { api } from './api-client';
import { getState, selectBlind, update, writePreference, type SearchState, type State } from './store';

export interface TextRange {
  start: number;
  end: number;
}

export function showMessage(kind: 'info' | 'error', text: string): void {
  update({ message: { kind, text } });
}

export function dismissMessage(): void {
  if (getState().message) update({ message: null });
}

export async function loadProject(): Promise<void> {
  const result = await api.getProject({});
  if (result.ok) {
    update({ project: result.value, loadError: null });
  } else {
    update({ loadError: result.error.message });
  }
}

/** Opens a document (if it is not open) and selects a passage of it, scrolled into view. */
export async function jumpTo(documentId: string, start: number, end: number): Promise<void> {
  update({ pendingReveal: { documentId, start, end } });
  await openDocument(documentId);
}

/** Whether a segment is shown: in blind mode, only the current coder's are. */
export function isVisible(state: State, segment: { coder: string }): boolean {
  return !selectBlind(state) || segment.coder === state.project?.coder;
}

/**
 * Turns blind coding on or off. The main process keeps the setting and applies it: while it is
 * on, only the current coder's segments reach the page.
 */
export async function setBlind(blind: boolean): Promise<void> {
  const result = await api.setBlind({ blind });
  if (!result.ok) return showMessage('error', result.error.message);
  update((current) => ({ popover: null, project: current.project && { ...current.project, blind } }));
  await reloadOpenDocument();
  await refreshCounts();
}

/** Fetches the open document's segments again (after the coder or blind mode changed). */
async function reloadOpenDocument(): Promise<void> {
  const open = getState().open;
  if (!open) return;
  update({ open: null });
  await openDocument(open.document.id);
}

/** Sets who is coding: their name goes on every segment they make from now on. */
export async function setCoder(name: string): Promise<boolean> {
  const result = await api.setCoder({ name });
  if (!result.ok) {
    showMessage('error', result.error.message);
    return false;
  }
  const coder = result.value.coder;
  update((current) => ({
    coderDialog: false,
    project: current.project && {
      ...current.project,
      coder,
      coderConfirmed: true,
      coders: [...new Set([...current.project.coders, coder])].sort((a, b) => a.localeCompare(b)),
    },
  }));
  showMessage('info', `Coding as ${coder}.`);
  if (selectBlind(getState())) await reloadOpenDocument();
  return true;
}

export async function openDocument(documentId: string): Promise<void> {
  if (getState().open?.document.id === documentId) return;
  update({ opening: documentId, popover: null });
  const result = await api.openDocument({ documentId });
  void refreshCounts(); // counts of the document left, and any notice the opening raised
  if (getState().opening !== documentId) return; // another document was chosen meanwhile
  if (!result.ok) {
    update({ opening: null });
    reportFailure(result.error);
    return;
  }
  const { document, text } = result.value;
  const state = getState();
  const segments = result.value.segments
    .filter((segment) => isVisible(state, segment))
    .map((segment) => ({ ...segment, quote: text.slice(segment.start, segment.end) }))
    .sort(compareInTextOrder);
  update({ opening: null, open: { document, text, layout: layoutText(text), segments } });
}

export async function refreshCounts(): Promise<void> {
  const result = await api.getProject({});
  if (result.ok) update({ project: result.value });
}

function withSegments(current: State, change: (segments: CodedSegment[]) => CodedSegment[]): Partial<State> {
  if (!current.open) return {};
  return { open: { ...current.open, segments: change(current.open.segments) } };
}

function markPending(id: string, pending: boolean): void {
  update((current) => {
    const next = new Set(current.pending);
    if (pending) next.add(id);
    else next.delete(id);
    return { pending: next };
  });
}

/**
 * Settles a change sent to the main process: on success it is durable; on a failed save it is
 * kept (the main process retries) and the researcher is told; on any other failure `undo` puts
 * the page back as it was and the reason is shown.
 */
function settle<T>(id: string, result: Result<T>, onSaved: (value: T) => void, undo: () => void): void {
  if (result.ok) {
    onSaved(result.value);
    markPending(id, false);
    if (getState().pending.size === 0) update({ saveError: null });
    void refreshCounts(); // counts and what Undo would take back
    return;
  }
  if (result.error.code === 'save-failed') {
    update({ saveError: result.error.message });
    watchForRecovery();
    return;
  }
  markPending(id, false);
  undo();
  reportFailure(result.error);
}

let recoveryTimer: ReturnType<typeof setTimeout> | null = null;

/** After a failed save, asks the main process until its retries have put everything on disk. */
function watchForRecovery(): void {
  if (recoveryTimer) return;
  recoveryTimer = setTimeout(async () => {
    recoveryTimer = null;
    const result = await api.getProject({});
    const saveError = getState().saveError;
    if (result.ok && saveError && !result.value.notices.includes(saveError)) {
      update({ saveError: null, pending: new Set() });
    } else if (getState().saveError) {
      watchForRecovery();
    }
  }, 3000);
}

/** Codes the selected range of the open document. */
export function applyCode(codeId: string, range: TextRange | null): void {
  const { open, project } = getState();
  if (!open || !project) {
    showMessage('info', 'Open a document first, then select a passage to code.');
    return;
  }
  if (range && getState().snapWords) range = snapToWords(open.text, range.start, range.end);
  try {
    checkSelection(open.text, range?.start ?? 0, range?.end ?? 0);
  } catch (error) {
    showMessage('info', (error as Error).message);
    return;
  }
  // White space at the edges is left out, as the main process does, so both show the same bounds.
  const { start, end } = trimSelection(open.text, range!.start, range!.end);
  lastCodeId = codeId;
  const now = new Date().toISOString();
  const segment: CodedSegment = {
    id: crypto.randomUUID(),
    documentId: open.document.id,
    codeId,
    start,
    end,
    quote: open.text.slice(start, end),
    coder: project.coder,
    createdAt: now,
    updatedAt: now,
    memo: '',
  };
  markPending(segment.id, true);
  update((current) => ({ ...withSegments(current, (list) => insertInTextOrder(list, segment)), message: null }));
  void api
    .addSegment({ id: segment.id, documentId: segment.documentId, codeId, start, end })
    .then((result) =>
      settle(
        segment.id,
        result,
        (saved) => update((current) => withSegments(current, (list) => list.map((s) => (s.id === saved.id ? saved : s)))),
        () => update((current) => withSegments(current, (list) => list.filter((s) => s.id !== segment.id))),
      ),
    );
}

export function changeSegmentCode(segmentId: string, codeId: string): void {
  const before = getState().open?.segments.find((s) => s.id === segmentId);
  if (!before || before.codeId === codeId) return;
  const replace = (replacement: CodedSegment) =>
    update((current) => withSegments(current, (list) => list.map((s) => (s.id === segmentId ? replacement : s))));
  markPending(segmentId, true);
  replace({ ...before, codeId, updatedAt: new Date().toISOString() });
  void api.setSegmentCode({ segmentId, codeId }).then((result) => settle(segmentId, result, replace, () => replace(before)));
}

export function removeSegment(segmentId: string): void {
  const before = getState().open?.segments.find((s) => s.id === segmentId);
  if (!before) return;
  markPending(segmentId, true);
  update((current) => ({
    ...withSegments(current, (list) => list.filter((s) => s.id !== segmentId)),
    popover: current.popover && {
      ...current.popover,
      segmentIds: current.popover.segmentIds.filter((id) => id !== segmentId),
    },
  }));
  void api.removeSegment({ segmentId }).then((result) =>
    settle(
      segmentId,
      result,
      () => undefined,
      () => update((current) => withSegments(current, (list) => insertInTextOrder(list, before))),
    ),
  );
}

/** Shows what an action, undo or redo did: its segments in the open document, the codebook, Undo's label. */
function applyOutcome(step: ActionOutcome, message: string): void {
  update((current) => {
    const open = current.open;
    let segments = open?.segments ?? [];
    for (const { id, documentId, segment } of step.segments) {
      if (!open || documentId !== open.document.id) continue;
      segments = segments.filter((s) => s.id !== id);
      if (segment && isVisible(current, segment)) segments = insertInTextOrder(segments, segment);
    }
    let openState = open && { ...open, segments };
    for (const { id, document } of step.documents) {
      if (openState && openState.document.id === id) openState = document ? { ...openState, document } : null;
    }
    return {
      open: openState,
      project: current.project && { ...current.project, history: step.history, codes: step.codes ?? current.project.codes },
      popover:
        current.popover && openState
          ? { ...current.popover, segmentIds: current.popover.segmentIds.filter((id) => segments.some((s) => s.id === id)) }
          : null,
      message: { kind: 'info', text: [message, ...step.notes].join(' ') },
    };
  });
  void refreshCounts();
}

/**
 * Reports a failed call: a failed save is kept and watched; with the main process out of reach
 * the header says nothing is being saved (until it answers again); anything else is shown.
 */
function reportFailure(error: WorkbenchError): void {
  if (error.code === 'save-failed' || error.code === 'unreachable') {
    update({ saveError: error.message });
    watchForRecovery();
  } else showMessage('error', error.message);
}

let boundsQueue: Promise<unknown> = Promise.resolve();

/** Sends a segment's new bounds to the main process (after the page already shows them). */
function commitBounds(segment: CodedSegment, start: number, end: number): void {
  markPending(segment.id, true);
  boundsQueue = boundsQueue.then(async () => {
    const result = await api.setSegmentBounds({ segmentId: segment.id, start, end });
    markPending(segment.id, false);
    // The page already shows these bounds; only what Undo offers changes.
    if (result.ok) update((current) => ({ project: current.project && { ...current.project, history: result.value.history } }));
    else {
      update((current) => withSegments(current, (list) => insertInTextOrder(list.filter((s) => s.id !== segment.id), segment)));
      reportFailure(result.error);
    }
  });
}

/** Shows a segment with new bounds at once; with `commit`, saves them as one undoable action. */
export function moveSegmentTo(segmentId: string, start: number, end: number, commit: boolean, original?: CodedSegment): void {
  const open = getState().open;
  const segment = open?.segments.find((s) => s.id === segmentId);
  if (!open || !segment || end <= start || !/\S/.test(open.text.slice(start, end))) return;
  ({ start, end } = trimSelection(open.text, start, end));
  const moved = { ...segment, start, end, quote: open.text.slice(start, end) };
  update((current) => withSegments(current, (list) => insertInTextOrder(list.filter((s) => s.id !== segmentId), moved)));
  if (commit && (start !== (original ?? segment).start || end !== (original ?? segment).end)) commitBounds(original ?? segment, start, end);
}

/**
 * Moves one edge of a segment by a character or a word. The highlight moves at once; the changes
 * go to the main process one after another, each an undoable action. Returns the new bounds.
 */
export function adjustSegment(
  segmentId: string,
  edge: 'start' | 'end',
  direction: -1 | 1,
  byWord: boolean,
): { start: number; end: number } | null {
  const open = getState().open;
  const segment = open?.segments.find((s) => s.id === segmentId);
  if (!open || !segment) return null;
  const { start, end } = moveSegmentEdge(open.text, segment, edge, direction, byWord);
  try {
    checkSelection(open.text, start, end);
  } catch (error) {
    showMessage('info', (error as Error).message);
    return null;
  }
  const moved = { ...segment, start, end, quote: open.text.slice(start, end) };
  update((current) =>
    withSegments(current, (list) => insertInTextOrder(list.filter((s) => s.id !== segmentId), moved)),
  );
  commitBounds(segment, start, end);
  return { start, end };
}

let searchRun = 0;

/** Runs the search as it stands in the store (the query, in this document or all). */
export async function runSearch(): Promise<void> {
  const { search, open } = getState();
  const run = ++searchRun;
  if (!search.query.pattern) {
    update((current) => ({ search: { ...current.search, result: null, error: null, running: false } }));
    return;
  }
  update((current) => ({ search: { ...current.search, running: true } }));
  const documentIds = search.scope === 'document' ? (open ? [open.document.id] : []) : undefined;
  const result = await api.searchCorpus({ query: search.query, documentIds });
  if (run !== searchRun) return; // a newer search has started
  update((current) => ({
    search: {
      ...current.search,
      running: false,
      result: result.ok ? result.value : null,
      error: result.ok ? null : result.error.message,
    },
  }));
}

/** Takes the search's hits off the text when the search closes; its words stay for next time. */
export function endSearch(): void {
  searchRun++; // a search still under way draws nothing
  update((current) => ({ search: { ...current.search, result: null, error: null, running: false } }));
}

export function setSearch(change: Partial<Pick<SearchState, 'query' | 'scope'>>): void {
  update((current) => ({ search: { ...current.search, ...change } }));
}

/** Codes every hit of the current search as one action. */
export async function codeAllHits(codeId: string): Promise<boolean> {
  const result = getState().search.result;
  if (!result?.total) return false;
  const spans = result.documents.flatMap((d) => d.hits.map((h) => ({ documentId: d.documentId, start: h.start, end: h.end })));
  return runAction(api.codeSpans({ codeId, spans }));
}

export function setSnapWords(value: boolean): void {
  writePreference('snap-words', value);
  update({ snapWords: value });
}

/** Takes back the last action (`undo`) or does again the last one taken back (`redo`). */
export async function stepHistory(direction: 'undo' | 'redo'): Promise<void> {
  const result = await (direction === 'undo' ? api.undo({}) : api.redo({}));
  if (!result.ok) return reportFailure(result.error);
  if (!result.value) {
    showMessage('info', direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
    return;
  }
  // A document brought back (an undone removal) takes the focus in the list, where it is again.
  const known = new Set(getState().project?.documents.map((d) => d.id));
  const restored = result.value.documents.find(({ id, document }) => document && !known.has(id));
  applyOutcome(result.value, `${direction === 'undo' ? 'Undone' : 'Redone'}: ${result.value.label}`);
  if (restored) update({ focusDocument: restored.id });
}

/** Runs an action (a codebook edit, a memo, a rename, a removal); true when it was made. */
export async function runAction(call: Promise<Result<ActionOutcome>>): Promise<boolean> {
  const result = await call;
  if (!result.ok) {
    reportFailure(result.error);
    return false;
  }
  applyOutcome(result.value, `${result.value.label}.`);
  return true;
}

/** The last code applied, for the repeat key. */
let lastCodeId: string | null = null;

/** The code applied last in this session, if it still exists. */
export function lastUsedCode(): string | null {
  const codes = getState().project?.codes ?? [];
  return codes.some((code) => code.id === lastCodeId) ? lastCodeId : null;
}

/** How long a job runs before its progress is shown. */
const SHOW_PROGRESS_AFTER_MS = 1000;
const PROGRESS_EVERY_MS = 250;

/**
 * Runs a long export or import as a job with an id of the page's making: once it has run a
 * second, asks how far it is a few times a second (shown with a Cancel button) until it ends.
 */
export async function followJob<T>(what: string, call: (jobId: string) => Promise<Result<T>>): Promise<Result<T>> {
  const id = crypto.randomUUID();
  update({ job: { id, what, progress: null } });
  let ended = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const poll = async () => {
    const result = await api.jobProgress({ jobId: id });
    if (ended) return;
    const progress = result.ok ? result.value : null;
    if (progress) update((current) => (current.job?.id === id ? { job: { ...current.job, progress } } : {}));
    timer = setTimeout(() => void poll(), PROGRESS_EVERY_MS);
  };
  timer = setTimeout(() => void poll(), SHOW_PROGRESS_AFTER_MS);
  try {
    return await call(id);
  } finally {
    ended = true;
    if (timer) clearTimeout(timer);
    update((current) => (current.job?.id === id ? { job: null } : {}));
  }
}

/** Cancels the export or import under way (an export then leaves no file behind). */
export function cancelJob(): void {
  const job = getState().job;
  if (job) void api.cancelJob({ jobId: job.id });
}

/**
 * Runs an export (which asks where to save), with the busy state and, when it takes a while,
 * its progress shown, and says where the file went, that it was cancelled, or why it failed.
 */
async function runExport(call: (jobId: string) => Promise<Result<ExportOutcome>>, done: (outcome: ExportOutcome) => string): Promise<void> {
  if (getState().exporting) return;
  update({ exporting: true });
  try {
    const result = await followJob('Export', call);
    if (!result.ok && result.error.code === 'cancelled') showMessage('info', 'Export cancelled: no file was written.');
    else if (!result.ok) showMessage('error', result.error.message);
    else if (result.value.path === null) showMessage('info', 'Export cancelled.');
    else showMessage('info', done(result.value));
  } finally {
    update({ exporting: false });
  }
}

/** Shows what an import did (a project from another program, another coder's file) and refreshes the lists. */
export function applyImportOutcome(outcome: ActionOutcome): void {
  applyOutcome(outcome, `${outcome.label}.`);
}

/** Runs an export that is not followed as a job (it is quick), saying where the file went. */
export function runExportOf(call: () => Promise<Result<ExportOutcome>>): Promise<void> {
  return runExport(() => call(), ({ path }) => `Exported to ${path}`);
}

const segmentsExported = ({ rows, path }: ExportOutcome) => `Exported ${rows} coded segment${rows === 1 ? '' : 's'} to ${path}`;

export type DatasetFormat = 'wide-csv' | 'jsonl' | 'xlsx' | 'datapackage' | 'qdpx';

/** Exports the wide table, JSON Lines, an Excel workbook, a data package or a REFI-QDA project, through the save dialog. */
export function exportDataset(format: DatasetFormat): Promise<void> {
  return runExport((jobId) => api.exportDataset({ format, jobId }), ({ path }) => `Exported to ${path}`);
}

/** Exports the codebook as JSON through the save dialog. */
export function exportCodebook(format: 'json' | 'qdc' | 'csv' = 'json'): Promise<void> {
  return runExport(() => api.exportCodebook({ format }), ({ rows, path }) => `Exported the codebook (${rows} codes) to ${path}`);
}

/** Exports the coded segments as CSV (all, or only those given) through the save dialog. */
export function exportCsv(flavour: CsvFlavour, segmentIds?: string[]): Promise<void> {
  return runExport((jobId) => api.exportCsv({ flavour, segmentIds, jobId }), segmentsExported);
}

/** Shows the details of the segments at a place of the text; from the keyboard, they take the focus. */
export function openPopover(segmentIds: string[], anchor: number, takeFocus: boolean): void {
  update({ popover: segmentIds.length ? { segmentIds, anchor, takeFocus } : null });
}

export function closePopover(): void {
  if (getState().popover) update({ popover: null });
}

export function dismissNotice(notice: string): void {
  update((current) => ({ dismissedNotices: new Set([...current.dismissedNotices, notice]) }));
}
