// The workspace's commands (renderer/services/workspace.ts) and keys
// (renderer/components/workspace/workspace-keys.ts) over the real store: panels, tabs, the segment
// details closed by another panel or tab, documents opened elsewhere brought forward in their tab.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { documentRecord, outcome, projectOverview } from '../support/page-state';
import { segmentColumns } from '../../shared/ipc/documents';

let workspace: typeof import('../../renderer/services/workspace');
let keys: typeof import('../../renderer/components/workspace/workspace-keys');
let store: typeof import('../../renderer/store');
let openedDocument: typeof import('../../renderer/store/open-document').openedDocument;
const opened: string[] = [];
/** Each document's text as the main process has it now (else 'Some text.'). */
const texts = new Map<string, string>();

beforeAll(async () => {
  // The desktop app's bridge: opening a document answers with its text and no segments.
  const api = {
    openDocument: async ({ documentId }: { documentId: string }) => {
      opened.push(documentId);
      return { ok: true, value: { document: documentRecord(documentId), text: texts.get(documentId) ?? 'Some text.', segments: segmentColumns([]) } };
    },
    getProject: async () => ({ ok: true, value: projectOverview() }),
  };
  (globalThis as { window?: unknown }).window = { workbench: { api: new Proxy(api, { get: (target, name) => (target as Record<string, unknown>)[name as string] ?? (async () => ({ ok: true, value: null })) }), onCommand: () => () => undefined } };
  // Closing a tab by key puts the focus on the next frame; there is no page here to focus.
  (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame = () => 0;
  workspace = await import('../../renderer/services/workspace');
  keys = await import('../../renderer/components/workspace/workspace-keys');
  store = await import('../../renderer/store');
  ({ openedDocument } = await import('../../renderer/store/open-document'));
});

beforeEach(() => {
  store.update({ ...store.initialState(), project: projectOverview() });
  opened.length = 0;
  texts.clear();
});

const popover = { segmentIds: ['s'], anchor: 0, takeFocus: false };
const tabs = () => store.getState().tabs.map((tab) => (tab.kind === 'document' ? tab.documentId : tab.view));

describe('the workspace commands', () => {
  it('closes a segment\'s details when another panel or tab is shown, not when the side panel folds away', () => {
    store.update({ popover });
    workspace.togglePanel('documents'); // the panel shown: it folds away, the text only widens
    expect(store.getState().sidePanel).toBe(null);
    expect(store.getState().popover).toEqual(popover);
    workspace.togglePanel('codebook');
    expect(store.getState().popover).toBe(null);
    store.update({ popover });
    workspace.openViewTab('variables');
    expect(store.getState().popover).toBe(null);
  });

  it('asks the main process once for a document asked for twice while it is being opened (its list entry and its tab)', async () => {
    const documents = await import('../../renderer/services/documents');
    await Promise.all([workspace.openDocumentTab('a'), documents.openDocument('a')]);
    expect(opened).toEqual(['a']);
    expect(store.getState().open?.document.id).toBe('a');
    expect(store.getState().opening).toBe(null);
    // Another document asked for after it is open: asked for again, as before.
    await documents.openDocument('b');
    expect(opened).toEqual(['a', 'b']);
  });

  it('opens a document from the answer asked for as the pointer went down on its entry, once', async () => {
    const documents = await import('../../renderer/services/documents');
    documents.openDocumentAhead('a');
    await workspace.openDocumentTab('a');
    expect(opened).toEqual(['a']);
    expect(store.getState().open?.document.id).toBe('a');
    // An answer asked for ahead serves only its own document, and one opening.
    documents.openDocumentAhead('b');
    await documents.openDocument('c');
    expect(store.getState().open?.document.id).toBe('c');
    await documents.openDocument('b');
    expect(opened).toEqual(['a', 'b', 'c', 'b']);
  });

  it('never shows a document from an answer asked for ahead when a change came after it was asked for', async () => {
    const documents = await import('../../renderer/services/documents');
    const history = await import('../../renderer/services/history');
    // Changed between the pointer going down and the click (an undo, an import, a sync): asked again.
    texts.set('a', 'Before the undo.');
    documents.openDocumentAhead('a');
    texts.set('a', 'After the undo.');
    history.applyOutcome(outcome({ label: 'Undo' }), 'Undone.');
    await workspace.openDocumentTab('a');
    expect(store.getState().open?.text).toBe('After the undo.');
    expect(opened).toEqual(['a', 'a']);
    // Changed while the click's opening waits for the answer asked for ahead: asked again too.
    texts.set('b', 'Before the import.');
    documents.openDocumentAhead('b');
    const opening = documents.openDocument('b');
    texts.set('b', 'After the import.');
    history.applyOutcome(outcome({ label: 'Import' }), 'Imported.');
    await opening;
    expect(store.getState().open?.text).toBe('After the import.');
    expect(opened).toEqual(['a', 'a', 'b', 'b']);
  });

  it('opens a tab once per document and view, and closes the document when its last tab goes', async () => {
    await workspace.openDocumentTab('a');
    workspace.openViewTab('retrieval');
    await workspace.openDocumentTab('a');
    expect(tabs()).toEqual(['a', 'retrieval']);
    expect(store.getState().activeTab).toBe('document:a');
    expect(store.getState().open?.document.id).toBe('a');
    workspace.closeTab('document:a');
    expect(tabs()).toEqual(['retrieval']);
    expect(store.getState().open).toBe(null);
  });

  it('closes the document whose tab is closed when a view\'s tab comes to the front', async () => {
    await workspace.openDocumentTab('a');
    await workspace.openDocumentTab('b');
    workspace.openViewTab('variables');
    workspace.activateTab('document:b');
    await Promise.resolve();
    expect(store.getState().open?.document.id).toBe('b');
    workspace.closeTab('document:b'); // Variables, its right neighbour, comes to the front
    expect(store.getState().activeTab).toBe('view:variables');
    expect(store.getState().open).toBe(null);
    expect(store.getState().opening).toBe(null);
  });

  it('cycles the tabs both ways, going round, and Ctrl+W closes the one in front', () => {
    workspace.openViewTab('retrieval');
    workspace.openViewTab('variables');
    workspace.openViewTab('reliability');
    workspace.cycleTab(1);
    expect(store.getState().activeTab).toBe('view:retrieval');
    workspace.cycleTab(-1);
    expect(store.getState().activeTab).toBe('view:reliability');
    const ctrlW = { key: 'w', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false };
    // In the desktop app the File menu's Close Tab takes Ctrl/Cmd+W; in the browser preview the page does.
    expect(keys.workspaceCommandForKey(ctrlW, false)).toBe(null);
    expect(keys.workspaceCommandForKey({ ...ctrlW, key: 'F4' }, false)).not.toBe(null);
    keys.workspaceCommandForKey(ctrlW, true)!();
    expect(tabs()).toEqual(['retrieval', 'variables']);
    expect(store.getState().activeTab).toBe('view:variables'); // the last tab closed: its left neighbour
    keys.workspaceCommandForKey({ key: 'Tab', ctrlKey: true, metaKey: false, shiftKey: true, altKey: false })!();
    expect(store.getState().activeTab).toBe('view:retrieval');
  });

  it('opens the Export… dialog on Ctrl/Cmd+Shift+X in the page only where no menu does it', () => {
    const event = { key: 'X', ctrlKey: true, metaKey: false, shiftKey: true, altKey: false };
    expect(keys.workspaceCommandForKey(event, false)).toBe(null);
    keys.workspaceCommandForKey(event, true)!();
    expect(store.getState().dialog).toBe('export');
    expect(keys.workspaceCommandForKey({ ...event, key: 'x', shiftKey: false })).toBe(null);
  });

  it('takes F6 and Shift+F6 (not with Ctrl) to move between the regions, both listed among the commands with those keys', async () => {
    const registry = await import('../../renderer/commands/registry');
    const press = { key: 'F6', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
    for (const event of [press, { ...press, shiftKey: true }]) {
      expect(keys.workspaceCommandForKey(event)).not.toBe(null);
      const listed = registry.commandsFor(store.getState()).filter((command) => command.shortcuts.some((shortcut) => registry.matchesShortcut(event, shortcut)));
      expect(listed.map((command) => command.id)).toEqual([event.shiftKey ? 'previous-region' : 'next-region']);
    }
    expect(keys.workspaceCommandForKey({ ...press, ctrlKey: true })).toBe(null);
  });

  it('brings forward the tab of a document opened or jumped to from elsewhere, shows the list for a document brought back, and closes the tab of a document removed', () => {
    store.update({ project: projectOverview({ documents: ['b', 'c'].map((id) => ({ ...documentRecord(id), segmentCount: 0, segmentsByCoder: {} })) }) });
    const stop = workspace.followOpenedDocuments();
    try {
      workspace.openViewTab('retrieval');
      store.update({ pendingReveal: { documentId: 'b', start: 0, end: 4 } });
      expect(tabs()).toEqual(['retrieval', 'b']);
      expect(store.getState().activeTab).toBe('document:b');
      store.update({ opening: 'c' });
      expect(store.getState().activeTab).toBe('document:c');
      store.update({ sidePanel: 'search', open: openedDocument(documentRecord('c'), 'Some text.', segmentColumns([])), focusDocument: 'd' });
      expect(store.getState().sidePanel).toBe('documents');
      // Document b removed from the project: its tab closes.
      const project = store.getState().project!;
      store.update({ project: { ...project, documents: project.documents.filter((document) => document.id !== 'b') } });
      expect(tabs()).toEqual(['retrieval', 'c']);
    } finally {
      stop();
    }
  });
});
