/**
 * The workspace's commands: the side panel, the tabs of the main area, the dialogs. Opening a
 * document's tab opens the document (services/documents.ts); the store holds one open document,
 * the one whose tab is in front.
 */
import { getState, update } from '../store';
import { selectActiveTab, withPanelToggled, withTabClosed, withTabOpened, type MainView, type SidePanel, type WorkspaceDialog } from '../store/workspace';
import { openDocument } from './documents';

/** Shows a side panel (or folds the side bar away when it is the one shown). */
export function togglePanel(panel: SidePanel): void {
  update((state) => withPanelToggled(state, panel));
}

/** Shows a side panel, whatever is shown now. */
export function showPanel(panel: SidePanel): void {
  update({ sidePanel: panel });
}

/** Opens a document in a tab of its own (or brings its tab to the front). */
export function openDocumentTab(documentId: string): Promise<void> {
  update((state) => withTabOpened(state, { kind: 'document', documentId }));
  return openDocument(documentId);
}

/** Opens a view in a tab (or brings its tab to the front). */
export function openViewTab(view: MainView): void {
  update((state) => withTabOpened(state, { kind: 'view', view }));
}

/** Brings an open tab to the front. */
export function activateTab(key: string): void {
  update({ activeTab: key });
  const tab = selectActiveTab(getState());
  if (tab?.kind === 'document') void openDocument(tab.documentId);
}

/** Closes a tab; the tab that comes to the front is shown. */
export function closeTab(key: string): void {
  update((state) => withTabClosed(state, key));
  const tab = selectActiveTab(getState());
  if (tab?.kind === 'document') void openDocument(tab.documentId);
}

/** Shows a dialog of the workspace, or closes the one shown (null). */
export function showDialog(dialog: WorkspaceDialog | null): void {
  update({ dialog });
}
