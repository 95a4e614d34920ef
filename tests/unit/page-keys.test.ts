// The page's keymap (renderer/commands/keymap.ts) as a table: which key, in which phase, stands
// for a command, in the desktop app (whose menu has the Undo, Redo and Export accelerators).
import { beforeAll, describe, expect, it } from 'vitest';
import { code, documentRecord, projectOverview } from '../support/page-state';
import { segmentColumns } from '../../shared/ipc/documents';

let keymap: typeof import('../../renderer/commands/keymap');
let store: typeof import('../../renderer/store');

beforeAll(async () => {
  // The desktop app's bridge; no key here reaches the main process.
  (globalThis as { window?: unknown }).window = { workbench: { api: {}, onCommand: () => () => undefined } };
  keymap = await import('../../renderer/commands/keymap');
  store = await import('../../renderer/store');
  const { openedDocument } = await import('../../renderer/store/open-document');
  store.update({
    project: projectOverview({ codes: [code('claim', { key: '1' })] }),
    open: openedDocument(documentRecord('doc'), 'Some text.', segmentColumns([])),
  });
});

/** A key event as the window sees it, its target in a field (`in`) or not. */
function key(name: string, modifiers: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>> = {}, within?: string): KeyboardEvent {
  const target = { closest: (selector: string) => (within && selector.includes(within) ? {} : null) };
  return { key: name, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, defaultPrevented: false, target, ...modifiers } as unknown as KeyboardEvent;
}

const actions = { openSearch: () => undefined };

describe('the page keymap', () => {
  it('opens the search on Ctrl/Cmd+F, before the page sees the key, and with Shift over all documents', () => {
    expect(keymap.commandForKey(key('f', { ctrlKey: true }), true, actions)?.run).toBe(actions.openSearch);
    expect(keymap.commandForKey(key('F', { metaKey: true }), true, actions)?.run).toBe(actions.openSearch);
    let opened = 0;
    keymap.commandForKey(key('F', { ctrlKey: true, shiftKey: true }), true, { openSearch: () => opened++ })?.run();
    expect(opened).toBe(1);
    expect(store.getState().search.scope).toBe('corpus');
  });

  it('opens the command palette, the settings and the shortcuts sheet from anywhere, form fields too', () => {
    keymap.commandForKey(key('P', { ctrlKey: true, shiftKey: true }, 'input'), true, actions)?.run();
    expect(store.getState().dialog).toBe('palette');
    keymap.commandForKey(key(',', { metaKey: true }, 'input'), true, actions)?.run();
    expect(store.getState().dialog).toBe('settings');
    keymap.commandForKey(key('F1'), true, actions)?.run();
    expect(store.getState().dialog).toBe('shortcuts');
    store.update({ dialog: null });
  });

  it('opens the shortcuts sheet on ? only where the key would not type', () => {
    expect(keymap.commandForKey(key('?', { shiftKey: true }), false, actions)).not.toBeNull();
    for (const place of ['input', 'textarea', '.text-host', '[role="dialog"]']) expect(keymap.commandForKey(key('?', { shiftKey: true }, place), false, actions)).toBeNull();
  });

  it("keeps a code's key from coding while a dialog is open", () => {
    expect(keymap.commandForKey(key('1', {}, 'dialog'), false, actions)).toBeNull();
  });

  it('leaves Undo, Redo and Export to the desktop menu', () => {
    expect(keymap.commandForKey(key('z', { ctrlKey: true }), true, actions)).toBeNull();
    expect(keymap.commandForKey(key('y', { ctrlKey: true }), true, actions)).toBeNull();
    expect(keymap.commandForKey(key('e', { ctrlKey: true }), false, actions)).toBeNull();
  });

  it("takes a code's key outside the text view and form fields, while a document is open", () => {
    expect(keymap.commandForKey(key('1'), false, actions)).not.toBeNull();
    expect(keymap.commandForKey(key('1'), true, actions)).toBeNull(); // not before the text view sees it
    expect(keymap.commandForKey(key('1', {}, 'input'), false, actions)).toBeNull();
    expect(keymap.commandForKey(key('1', {}, '.text-host'), false, actions)).toBeNull();
    expect(keymap.commandForKey(key('1', { altKey: true }), false, actions)).toBeNull();
    expect(keymap.commandForKey(key('2'), false, actions)).toBeNull();
    store.update({ open: null });
    expect(keymap.commandForKey(key('1'), false, actions)).toBeNull();
  });
});
