/**
 * Documents: opening one (its text and the segments the page may show), jumping to a passage,
 * renaming, memos, removal, and the values of its variables.
 */
import type { OperationInput } from '../../shared/ipc';
import { getState, isVisible, update, type State } from '../store';
import { openedDocument } from '../store/open-document';
import { api } from './api-client';
import { runAction } from './history';
import { refreshCounts } from './overview';
import { reportFailure } from './save-watch';

/** The document being opened and its call, so that a second ask for it waits on the same answer. */
let underWay: { documentId: string; done: Promise<void> } | null = null;

export function openDocument(documentId: string): Promise<void> {
  if (getState().open?.document.id === documentId) {
    // Back to the open document while another was being opened (two quick tab switches): the
    // other's answer must not replace it when it arrives.
    if (getState().opening) update({ opening: null });
    return Promise.resolve();
  }
  // Asked again while it is being opened (the list's click opens its tab, which opens it too):
  // one call to the main process, one text laid out, one view drawn.
  if (underWay && underWay.documentId === documentId && getState().opening === documentId) return underWay.done;
  const done = fetchAndShow(documentId).finally(() => {
    if (underWay?.done === done) underWay = null;
  });
  underWay = { documentId, done };
  return done;
}

/**
 * A document's answer asked for ahead, when the pointer went down on its entry in the list (a
 * click comes some tens of milliseconds later); used by the click's opening if it comes soon and
 * nothing changed meanwhile. `project` is the project as the page knew it when the answer was asked
 * for: every change the page is told of (an action, an undo, an import, a sync, another coder or
 * blind coding) gives it a new one, and an answer asked for before a change may not show it.
 */
let askedAhead: { documentId: string; answer: ReturnType<typeof api.openDocument>; at: number; project: State['project'] } | null = null;
/** How long an answer asked for ahead may wait for its click. */
const AHEAD_MS = 1_000;

/** Starts fetching a document that is likely to be opened next (the pointer is down on its entry). */
export function openDocumentAhead(documentId: string): void {
  if (getState().open?.document.id === documentId || getState().opening === documentId) return;
  if (askedAhead && isFresh(askedAhead) && askedAhead.documentId === documentId) return;
  askedAhead = { documentId, answer: api.openDocument({ documentId }), at: performance.now(), project: getState().project };
}

/** True while an answer asked for ahead may still serve: recent, and no change came since it was asked for. */
function isFresh(ahead: NonNullable<typeof askedAhead>): boolean {
  return performance.now() - ahead.at < AHEAD_MS && getState().project === ahead.project;
}

/** The answer asked for ahead for `documentId`, if it is fresh (taken: it serves one opening). */
function answerAskedAhead(documentId: string): NonNullable<typeof askedAhead> | null {
  const ahead = askedAhead;
  askedAhead = null;
  return ahead?.documentId === documentId && isFresh(ahead) ? ahead : null;
}

async function fetchAndShow(documentId: string): Promise<void> {
  update({ opening: documentId, popover: null });
  const ahead = answerAskedAhead(documentId);
  let result = await (ahead?.answer ?? api.openDocument({ documentId }));
  // A change told of while the answer asked for ahead was awaited may have come after it was
  // given (an undo sent after the pointer went down): asked again, so that no stale text is shown.
  if (ahead && getState().project !== ahead.project && getState().opening === documentId) result = await api.openDocument({ documentId });
  void refreshCounts(); // counts of the document left, and any notice the opening raised
  if (getState().opening !== documentId) return; // another document was chosen meanwhile
  if (!result.ok) {
    update({ opening: null });
    reportFailure(result.error);
    return;
  }
  const { document, text, segments } = result.value;
  const state = getState();
  update({ opening: null, open: openedDocument(document, text, segments, (segment) => isVisible(state, segment)) });
}

/** Fetches the open document's segments again (after the coder or blind mode changed). */
export async function reloadOpenDocument(): Promise<void> {
  const open = getState().open;
  if (!open) return;
  update({ open: null });
  await openDocument(open.document.id);
}

/**
 * Opens a document (if it is not open) and selects a passage of it, scrolled into view: at once
 * when its text is shown, else once its text view is up.
 */
export async function jumpTo(documentId: string, start: number, end: number): Promise<void> {
  update({ pendingReveal: { documentId, start, end } });
  await openDocument(documentId);
}

/** A document's text as the main process has it (to show a passage in its context); null when it cannot be read. */
export async function documentText(documentId: string): Promise<string | null> {
  const result = await api.openDocument({ documentId });
  return result.ok ? result.value.text : null;
}

export function renameDocument(documentId: string, title: string): Promise<boolean> {
  return runAction(api.updateDocument({ documentId, title }));
}

export function setDocumentMemo(documentId: string, memo: string): Promise<boolean> {
  return runAction(api.updateDocument({ documentId, memo }));
}

export function removeDocument(documentId: string): Promise<boolean> {
  return runAction(api.removeDocument({ documentId }));
}

/** Sets (or, with null, clears) a document's value of a variable. */
export function setDocumentValue(documentId: string, name: string, value: OperationInput<'setDocumentValue'>['value']): Promise<boolean> {
  return runAction(api.setDocumentValue({ documentId, name, value }));
}

export function defineVariable(definition: OperationInput<'defineVariable'>): Promise<boolean> {
  return runAction(api.defineVariable(definition));
}

export function removeVariable(name: string): Promise<boolean> {
  return runAction(api.removeVariable({ name }));
}
