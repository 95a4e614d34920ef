// The page's keymap (renderer/commands/keymap.ts) as a table: which key, in which phase, stands
// for a command, in the desktop app (whose menu has the Undo, Redo and Export accelerators).
import { beforeAll, describe, expect, it } from 'vitest';
import { code, documentRecord, projectOverview } from '../support/page-state';

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
    open: openedDocument(documentRecord('doc'), 'Some text.', []),
  });
});

/** A key event as the window sees it, its target in a field (`in`) or not. */
function key(name: string, modifiers: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>> = {}, within?: string): KeyboardEvent {
  const target = { closest: (selector: string) => (within && selector.includes(within) ? {} : null) };
  return { key: name, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, defaultPrevented: false, target, ...modifiers } as unknown as KeyboardEvent;
}

const actions = { openSearch: () => undefined };

describe('the page keymap', () => {
  it('opens the search on Ctrl/Cmd+F, before the page sees the key, and not with Shift', () => {
    expect(keymap.commandForKey(key('f', { ctrlKey: true }), true, actions)?.run).toBe(actions.openSearch);
    expect(keymap.commandForKey(key('F', { metaKey: true }), true, actions)?.run).toBe(actions.openSearch);
    expect(keymap.commandForKey(key('f', { ctrlKey: true, shiftKey: true }), true, actions)).toBeNull();
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
