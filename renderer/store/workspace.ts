/**
 * The workspace's shape: which side panel the activity bar shows, the tabs open in the main area
 * (documents and views) and which one is in front, and which dialog is up. Pure state and
 * reducers; renderer/services/workspace.ts changes it.
 */

/** The side panels the activity bar switches between. */
export type SidePanel = 'documents' | 'codebook' | 'search' | 'segments' | 'suggestions' | 'analysis' | 'agreement';

export const SIDE_PANELS: readonly SidePanel[] = ['documents', 'codebook', 'search', 'segments', 'suggestions', 'analysis', 'agreement'];

/** The views that open as tabs in the main area beside documents. */
export type MainView = 'retrieval' | 'variables' | 'reliability' | 'analysis' | 'portrait';

/** A tab of the main area: a document's text, or a view. */
export type Tab = { kind: 'document'; documentId: string } | { kind: 'view'; view: MainView };

/** The dialogs of the workspace (one at a time). */
export type WorkspaceDialog = 'export' | 'palette' | 'shortcuts' | 'settings';

export interface WorkspaceState {
  /** The side panel shown, or null when the side bar is folded away. */
  sidePanel: SidePanel | null;
  tabs: readonly Tab[];
  /** The key (tabKey) of the tab in front, or null when no tab is open. */
  activeTab: string | null;
  dialog: WorkspaceDialog | null;
}

export const workspaceInitial: WorkspaceState = { sidePanel: 'documents', tabs: [], activeTab: null, dialog: null };

/** A tab's identity: one tab per document and per view. */
export function tabKey(tab: Tab): string {
  return tab.kind === 'document' ? `document:${tab.documentId}` : `view:${tab.view}`;
}

/** The tab in front, if any. */
export function selectActiveTab(state: WorkspaceState): Tab | null {
  return state.tabs.find((tab) => tabKey(tab) === state.activeTab) ?? null;
}

/** Shows `panel` in the side bar; asking for the panel already shown folds the side bar away. */
export function withPanelToggled(state: WorkspaceState, panel: SidePanel): Partial<WorkspaceState> {
  return { sidePanel: state.sidePanel === panel ? null : panel };
}

/** Opens `tab` (or finds it open) and brings it to the front. */
export function withTabOpened(state: WorkspaceState, tab: Tab): Partial<WorkspaceState> {
  const key = tabKey(tab);
  const tabs = state.tabs.some((open) => tabKey(open) === key) ? state.tabs : [...state.tabs, tab];
  return { tabs, activeTab: key };
}

/** Closes the tab `key`; the neighbour to its right (else its left) comes to the front. */
export function withTabClosed(state: WorkspaceState, key: string): Partial<WorkspaceState> {
  const index = state.tabs.findIndex((tab) => tabKey(tab) === key);
  if (index < 0) return {};
  const tabs = state.tabs.filter((_, i) => i !== index);
  if (state.activeTab !== key) return { tabs };
  const next = tabs[Math.min(index, tabs.length - 1)];
  return { tabs, activeTab: next ? tabKey(next) : null };
}
