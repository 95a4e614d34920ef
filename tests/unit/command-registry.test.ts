// The command registry (renderer/commands/registry.ts), the one table the palette and the
// shortcuts sheet are drawn from: every entry has a label in every shipped language, no two
// entries share a key, and every key the page's keymap and the text view's keymap take is in it,
// so that the sheet cannot go stale.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MESSAGES, LANGUAGES } from '../../renderer/i18n/languages';
import { code, documentRecord, projectOverview } from '../support/page-state';
import { segmentColumns } from '../../shared/ipc/documents';

// The text view's keymap acts through these; here each only records that a key did something.
const acted = vi.hoisted(() => ({ calls: [] as string[] }));
vi.mock('../../renderer/text-view/live-selection', () => ({ caretPos: () => 1 }));
vi.mock('../../renderer/text-view/highlight-plugin', () => ({ segmentIdsAt: () => ['segment'] }));
vi.mock('../../renderer/services/page', async (original) => ({
  ...(await original<object>()),
  openPopover: () => acted.calls.push('openPopover'),
  closePopover: () => acted.calls.push('closePopover'),
}));
vi.mock('../../renderer/services/segments', async (original) => ({
  ...(await original<object>()),
  adjustSegment: () => (acted.calls.push('adjustSegment'), null),
}));
vi.mock('../../renderer/commands/coding', async (original) => ({
  ...(await original<object>()),
  codeSelection: () => acted.calls.push('codeSelection'),
  repeatLastCode: () => acted.calls.push('repeatLastCode'),
}));

let registry: typeof import('../../renderer/commands/registry');
let keymap: typeof import('../../renderer/commands/keymap');
let workspaceKeys: typeof import('../../renderer/components/workspace/workspace-keys');
let textKeys: typeof import('../../renderer/text-view/keymap');
let store: typeof import('../../renderer/store');

beforeAll(async () => {
  // The browser preview (no desktop menu), where the page takes Undo, Redo and Export itself.
  const storage = { getItem: () => null, setItem: () => undefined };
  Object.assign(globalThis, { window: { location: { hash: '', pathname: '/', search: '' } }, sessionStorage: storage, localStorage: storage });
  registry = await import('../../renderer/commands/registry');
  keymap = await import('../../renderer/commands/keymap');
  workspaceKeys = await import('../../renderer/components/workspace/workspace-keys');
  textKeys = await import('../../renderer/text-view/keymap');
  store = await import('../../renderer/store');
  const { openedDocument } = await import('../../renderer/store/open-document');
  const segment = { id: 'segment', documentId: 'doc', codeId: 'claim', start: 0, end: 4, quote: 'Some', coder: 'ana', createdAt: '', updatedAt: '', memo: '', origin: 'manual' as const };
  store.update({
    project: projectOverview({ codes: [code('claim', { key: '1' }), code('opinion', { key: '2' }), code('call', { key: '3' })] }),
    open: openedDocument(documentRecord('doc'), 'Some text.', segmentColumns([segment])),
  });
});

type Messages = { [key: string]: string | Messages };

/** The message at a dotted path (a plural's `_other` form for a plural key), or undefined. */
function message(messages: Messages, path: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** Every key press worth trying: letters, digits, signs, named keys, with each set of modifiers. */
function everyKeyPress(): KeyboardEvent[] {
  const keys = [
    ...'abcdefghijklmnopqrstuvwxyz0123456789.,;:?!/\\\'"[]{}-=+`~@#$%^&*()<>| ',
    ...['Enter', 'Escape', 'Tab', 'Backspace', 'Delete', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'],
    ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`),
  ];
  const presses: KeyboardEvent[] = [];
  for (const key of keys) {
    for (let flags = 0; flags < 16; flags++) {
      const event = { key, ctrlKey: !!(flags & 1), metaKey: !!(flags & 8), shiftKey: !!(flags & 2), altKey: !!(flags & 4), defaultPrevented: false, isComposing: false };
      presses.push({ ...event, target: { closest: () => null } } as unknown as KeyboardEvent);
    }
  }
  return presses;
}

const describePress = (event: KeyboardEvent) => `${event.ctrlKey ? 'Ctrl+' : ''}${event.metaKey ? 'Meta+' : ''}${event.altKey ? 'Alt+' : ''}${event.shiftKey ? 'Shift+' : ''}${event.key}`;

describe('the command registry', () => {
  it('gives every command a label in every shipped language', () => {
    const commands = registry.commandsFor(store.getState());
    const missing = LANGUAGES.flatMap((language) =>
      commands.filter((command) => !message(MESSAGES[language] as Messages, `commands.${command.label}`)).map((command) => `${language}: ${command.label}`),
    );
    expect(missing).toEqual([]);
    // …and every reason a command may give for not running.
    const reasons = Object.keys(MESSAGES.en.commands.reasons);
    for (const language of LANGUAGES) for (const reason of reasons) expect(message(MESSAGES[language] as Messages, `commands.reasons.${reason}`)).toBeTruthy();
  });

  it('covers every action the brief names: each code, each side panel, each view, each export format', () => {
    const ids = registry.commandsFor(store.getState()).map((command) => command.id);
    expect(ids).toEqual(expect.arrayContaining(['code-claim', 'code-opinion', 'code-call', 'repeat-code', 'remove-segment', 'undo', 'redo', 'find', 'search-corpus']));
    expect(ids).toEqual(expect.arrayContaining(['panel-documents', 'panel-codebook', 'panel-search', 'panel-segments', 'panel-analysis', 'panel-agreement']));
    expect(ids).toEqual(expect.arrayContaining(['view-retrieval', 'view-variables', 'view-reliability', 'close-tab', 'next-document', 'previous-document']));
    expect(ids).toEqual(expect.arrayContaining(['export', 'export-segments-csv', 'export-qdpx', 'export-coder-file', 'change-coder', 'blind-on', 'blind-off']));
    expect(ids).toEqual(expect.arrayContaining(['add-code', 'import-documents', 'settings', 'shortcuts', 'palette', 'toggle-theme']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives no two commands the same key', () => {
    const owners = new Map<string, string[]>();
    for (const command of registry.commandsFor(store.getState())) {
      for (const shortcut of command.shortcuts) {
        const keys = registry.formatShortcut(shortcut, false);
        owners.set(keys, [...(owners.get(keys) ?? []), command.id]);
      }
    }
    expect([...owners].filter(([, ids]) => ids.length > 1)).toEqual([]);
  });

  it("lists every key the page's keymap takes", () => {
    const commands = registry.commandsFor(store.getState());
    const actions = { openSearch: () => undefined };
    const unlisted = everyKeyPress()
      .filter((event) => keymap.commandForKey(event, true, actions) ?? keymap.commandForKey(event, false, actions))
      .filter((event) => !commands.some((command) => command.shortcuts.some((shortcut) => registry.matchesShortcut(event, shortcut))))
      .map(describePress);
    expect(unlisted).toEqual([]);
  });

  it("lists every key the workspace's keys take (tabs, regions, Export…), with the browser-safe ones for tabs", () => {
    const commands = registry.commandsFor(store.getState());
    const taken = everyKeyPress().filter((event) => workspaceKeys.workspaceCommandForKey(event, true) ?? workspaceKeys.workspaceCommandForKey(event, false));
    const unlisted = taken.filter((event) => !commands.some((command) => command.shortcuts.some((shortcut) => registry.matchesShortcut(event, shortcut)))).map(describePress);
    expect(unlisted).toEqual([]);
    const keysOf = (id: string) => commands.find((command) => command.id === id)!.shortcuts.map((shortcut) => registry.formatShortcut(shortcut, false));
    expect(keysOf('close-tab')).toEqual(['Ctrl+W', 'Ctrl+F4']);
    expect(keysOf('next-tab')).toEqual(['Ctrl+Tab', 'Ctrl+PgDn']);
    expect(keysOf('previous-tab')).toEqual(['Ctrl+Shift+Tab', 'Ctrl+PgUp']);
    expect(keysOf('export')).toEqual(['Ctrl+Shift+X']);
    expect(taken.map(describePress)).toEqual(expect.arrayContaining(['Ctrl+w', 'Ctrl+F4', 'Ctrl+Tab', 'Ctrl+Shift+Tab', 'Ctrl+PageDown', 'Ctrl+PageUp', 'Ctrl+Shift+x', 'F6', 'Shift+F6']));
  });

  it("lists the Suggestions list's keys a, r and s (accept, reject, skip), marked as keys of that list", async () => {
    const { suggestionKeyAction } = await import('../../renderer/components/suggestions/suggestion-keys');
    const commands = registry.commandsFor(store.getState());
    // The list reads a letter whatever its case (Shift+A accepts too); the sheet lists the plain letter.
    const deciding = everyKeyPress().filter((event) => !event.shiftKey && ['accept', 'reject', 'skip'].includes(suggestionKeyAction(event) ?? ''));
    expect(deciding.map(describePress)).toEqual(['a', 'r', 's']);
    const listedAs = (event: KeyboardEvent) => commands.find((command) => command.inSuggestions && command.shortcuts.some((shortcut) => registry.matchesShortcut(event, shortcut)))?.id;
    expect(deciding.filter((event) => !listedAs(event)).map(describePress)).toEqual([]);
    const keysOf = (id: string) => commands.find((command) => command.id === id)!.shortcuts.map((shortcut) => registry.formatShortcut(shortcut, false));
    expect([keysOf('accept-suggestion'), keysOf('reject-suggestion'), keysOf('skip-suggestion')]).toEqual([['A'], ['R'], ['S']]);
    for (const press of deciding) expect(listedAs(press), describePress(press)).toBe(`${suggestionKeyAction(press)}-suggestion`);
  });

  it("lists every key the text view's keymap acts on, as a key of the text", () => {
    const commands = registry.commandsFor(store.getState());
    const view = {} as Parameters<typeof textKeys.handleTextKey>[0];
    const unlisted: string[] = [];
    let acting = 0;
    for (const event of everyKeyPress()) {
      acted.calls = [];
      textKeys.handleTextKey(view, event);
      if (!acted.calls.length) continue; // passed on, or refused (typing, cutting, deleting)
      acting += 1;
      if (!commands.some((command) => command.shortcuts.some((shortcut) => registry.matchesShortcut(event, shortcut)))) unlisted.push(describePress(event));
    }
    expect(acting).toBeGreaterThan(10); // the mocks above do see the keymap act
    expect(unlisted).toEqual([]);
  });

  it('writes keys as the platform does: Ctrl on Linux and Windows, symbols on macOS', () => {
    const palette = { key: 'p', mod: true, shift: true };
    expect(registry.formatShortcut(palette, false)).toBe('Ctrl+Shift+P');
    expect(registry.formatShortcut(palette, true)).toBe('⇧⌘P');
    expect(registry.formatShortcut({ key: 'ArrowLeft', alt: true }, false)).toBe('Alt+←');
    expect(registry.formatShortcut({ key: 'ArrowLeft', alt: true }, true)).toBe('⌥←');
  });

  it('names the keys in the interface\'s language (Strg, Umschalt, Bild↓ in German), and spells a command\'s first keys for tooltips', async () => {
    const { chooseLanguage } = await import('../../renderer/i18n/i18n');
    try {
      chooseLanguage('de');
      expect(registry.formatShortcut({ key: 'PageDown', mod: true, shift: true }, false)).toBe('Strg+Umschalt+Bild↓');
      expect(registry.formatShortcut({ key: 'Delete', alt: true }, false)).toBe('Alt+Entf');
      expect(registry.formatShortcut({ key: 'Escape' }, false)).toBe('Esc');
      expect(registry.formatShortcut({ key: 'Enter' }, false)).toBe('Eingabe');
      expect(registry.commandKeys('close-tab', false)).toBe('Strg+W');
      expect(registry.commandKeys('export', true)).toBe('⇧⌘X');
      chooseLanguage('en');
      expect(registry.formatShortcut({ key: 'PageUp', mod: true }, false)).toBe('Ctrl+PgUp');
      expect(registry.commandKeys('redo', false)).toBe('Ctrl+Shift+Z');
    } finally {
      chooseLanguage('en');
    }
  });

  it('offers the project commands (New with Ctrl+Shift+N, Open with Ctrl+O), and only those that need no project while none is open', () => {
    const keysOf = (id: string) => registry.commandsFor(store.getState()).find((command) => command.id === id)!.shortcuts.map((shortcut) => registry.formatShortcut(shortcut, false));
    const ids = () => registry.commandsFor(store.getState()).map((command) => command.id);
    expect(ids()).toEqual(expect.arrayContaining(['new-project', 'open-project', 'close-project', 'project-details', 'archive-project', 'restore-backup']));
    expect(keysOf('new-project')).toEqual(['Ctrl+Shift+N']);
    expect(keysOf('open-project')).toEqual(['Ctrl+O']);
    const project = store.getState().project;
    try {
      // The start screen: no project, nothing for the workspace's commands to act on.
      store.update({ project: null });
      expect(ids().sort()).toEqual(['new-project', 'open-project', 'palette', 'settings', 'shortcuts', 'toggle-theme']);
    } finally {
      store.update({ project });
    }
  });

  it('says why a command cannot run, and runs it when it can', () => {
    const byId = (id: string) => registry.commandsFor(store.getState()).find((command) => command.id === id)!;
    expect(byId('blind-off').unavailable?.(store.getState())).toBe('reasons.blindAlreadyOff');
    expect(byId('blind-on').unavailable?.(store.getState())).toBeNull();
    expect(byId('close-tab').unavailable?.(store.getState())).toBe('reasons.noTab');
    byId('settings').run!();
    expect(store.getState().dialog).toBe('settings');
    byId('panel-codebook').run!();
    expect(store.getState().sidePanel).toBe('codebook');
    byId('view-variables').run!();
    expect(store.getState().activeTab).toBe('view:variables');
    expect(byId('close-tab').unavailable?.(store.getState())).toBeNull();
  });
});
