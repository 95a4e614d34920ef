/**
 * The workspace's commands: the side panel, the tabs of the main area, the dialogs. Opening a
 * document's tab opens the document (services/documents.ts); the store holds at most one open
 * document: the one whose tab is in front, or, while a view's tab is in front, the document last in
 * front if its tab is still open (closing that tab closes it). A segment's details belong to the text they sit over: showing
 * another panel or tab closes them.
 */
import { getState, subscribe, update, type State } from '../store';
import { selectActiveTab, tabKey, withPanelToggled, withTabClosed, withTabOpened, type MainView, type SidePanel, type WorkspaceDialog } from '../store/workspace';
import { openDocument } from './documents';

/** Shows a side panel (or folds the side bar away when it is the one shown: the text only widens, so a segment's details stay). */
export function togglePanel(panel: SidePanel): void {
  update((state) => {
    const change = withPanelToggled(state, panel);
    return change.sidePanel ? { ...change, popover: null } : change;
  });
}

/** Shows a side panel, whatever is shown now. */
export function showPanel(panel: SidePanel): void {
  update({ sidePanel: panel, popover: null });
}

/** Folds the side bar away. */
export function hideSidePanel(): void {
  update({ sidePanel: null });
}

/** Opens a document in a tab of its own (or brings its tab to the front). */
export function openDocumentTab(documentId: string): Promise<void> {
  showDocumentTab(documentId);
  return openDocument(documentId);
}

/** Brings a document's tab to the front (opening the tab, not the document: its opener does that). */
export function showDocumentTab(documentId: string): void {
  const key = tabKey({ kind: 'document', documentId });
  if (getState().activeTab === key) return;
  update((state) => ({ ...withTabOpened(state, { kind: 'document', documentId }), popover: null }));
}

/** Opens a view in a tab (or brings its tab to the front). */
export function openViewTab(view: MainView): void {
  update((state) => ({ ...withTabOpened(state, { kind: 'view', view }), popover: null }));
}

/** Brings an open tab to the front. */
export function activateTab(key: string): void {
  if (getState().activeTab === key) return;
  update({ activeTab: key, popover: null });
  const tab = selectActiveTab(getState());
  if (tab?.kind === 'document') void openDocument(tab.documentId);
}

/** Closes a tab; the tab that comes to the front is shown. */
export function closeTab(key: string): void {
  const before = getState();
  if (!before.tabs.some((tab) => tabKey(tab) === key)) return;
  update((state) => ({ ...withTabClosed(state, key), popover: null }));
  const front = selectActiveTab(getState());
  if (front?.kind === 'document') void openDocument(front.documentId);
  // With a view in front, a document whose tab is gone must not stay open behind it (code keys
  // and "Remove segment" act on the open document); with no document's tab left, none is open.
  else if (closesOpenDocument(before, key) || !getState().tabs.some((tab) => tab.kind === 'document')) update({ open: null, opening: null });
}

/** Whether the tab `key` is the tab of the document open (or being opened). */
function closesOpenDocument(state: State, key: string): boolean {
  const documentId = state.opening ?? state.open?.document.id;
  return !!documentId && key === tabKey({ kind: 'document', documentId });
}

/** Brings the next open tab to the front (the previous one with `step` -1), going round. */
export function cycleTab(step: 1 | -1): void {
  const { tabs, activeTab } = getState();
  if (tabs.length === 0) return;
  const index = tabs.findIndex((tab) => tabKey(tab) === activeTab);
  activateTab(tabKey(tabs[(index + step + tabs.length) % tabs.length]));
}

/** Shows a dialog of the workspace, or closes the one shown (null). */
export function showDialog(dialog: WorkspaceDialog | null): void {
  update({ dialog });
}

/**
 * Keeps the workspace in step with documents opened from elsewhere: a document being opened or
 * a passage jumped to (from Coded segments, a disagreement, a search hit) brings its tab to the
 * front, a document removed closes its tab, and a document Undo brings back shows the document
 * list, where it takes the focus.
 * Returns the stopper.
 */
export function followOpenedDocuments(): () => void {
  let last: State = getState();
  return subscribe(() => {
    const state = getState();
    const previous = last;
    last = state;
    const opened = state.opening !== previous.opening ? state.opening : null;
    const revealed = state.pendingReveal !== previous.pendingReveal ? state.pendingReveal?.documentId : null;
    const documentId = opened ?? revealed;
    if (documentId) showDocumentTab(documentId);
    if (state.focusDocument && state.focusDocument !== previous.focusDocument && state.sidePanel !== 'documents') showPanel('documents');
    // A document removed from the project takes its tab with it.
    if (state.project && state.project.documents !== previous.project?.documents) {
      const kept = new Set(state.project.documents.map((document) => document.id));
      for (const tab of state.tabs) if (tab.kind === 'document' && !kept.has(tab.documentId)) closeTab(tabKey(tab));
    }
  });
}
