/**
 * The page's keys outside the text view (which has its own, text-view/keymap.ts), as one table:
 * which key, in which phase, runs which command. Undo, Redo and Export have menu accelerators in
 * the desktop app; the preview has no menu, so the page takes them there.
 */
import { codeForKey } from '../../shared/model/codebook';
import { exportCsv } from '../services/exports';
import { menuShortcutsInPage } from '../services/menu-commands';
import { setSearch } from '../services/search';
import { getState } from '../store';
import { codeSelection } from './coding';
import { isFormField } from './focus';
import { undoOrRedo } from './history';
import { commandsFor, matchesShortcut } from './registry';

export { isFormField };

const withCommand = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;

/** What the page's keys ask of the page beyond the services. */
export interface PageKeyActions {
  /** Show the search panel. */
  openSearch(): void;
}

interface KeyBinding {
  /** Capture: before the page's own handlers (and the text view) see the key. */
  capture: boolean;
  /** The key goes no further once taken (the text view would refuse Undo and Redo). */
  stop?: boolean;
  /** The command the key stands for, or null when it is not this binding's key. */
  command(event: KeyboardEvent, actions: PageKeyActions): (() => void) | null;
}

/**
 * The registry's command `id` when the key is one of its shortcuts and it can run now (the
 * palette, the sheet, the settings, the next document: their keys are the registry's).
 */
function registryCommand(id: string, event: KeyboardEvent): (() => void) | null {
  const state = getState();
  const command = commandsFor(state).find((candidate) => candidate.id === id);
  if (!command?.run || command.unavailable?.(state) || !command.shortcuts.some((shortcut) => matchesShortcut(event, shortcut))) return null;
  return command.run;
}

/** Where typed keys mean text: a form field, the text view (its shadow host), a segment's details, a dialog. */
const TYPING_PLACES = 'input, select, textarea, .text-host, .popover, dialog, [role="dialog"]';

const bindings: KeyBinding[] = [
  {
    // The command palette (Ctrl/Cmd+Shift+P), the settings (Ctrl/Cmd+,), the shortcuts sheet (F1)
    // and the Analysis area (Ctrl/Cmd+Shift+A) open from anywhere, a form field too: none of these
    // keys types anything.
    capture: true,
    stop: true,
    command(event) {
      return (
        registryCommand('palette', event) ??
        registryCommand('settings', event) ??
        registryCommand('view-analysis', event) ??
        (event.key === 'F1' ? registryCommand('shortcuts', event) : null)
      );
    },
  },
  {
    // New project (Ctrl/Cmd+Shift+N) and Open project (Ctrl/Cmd+O): the File menu's accelerators
    // in the app; the preview has no menu, so the page takes them there, a form field too.
    capture: true,
    stop: true,
    command(event) {
      if (!menuShortcutsInPage) return null;
      return registryCommand('new-project', event) ?? registryCommand('open-project', event);
    },
  },
  {
    // Undo and Redo (Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, Ctrl/Cmd+Y); in a form field they are the field's own.
    capture: true,
    stop: true,
    command(event) {
      if (!menuShortcutsInPage || !withCommand(event) || event.altKey || isFormField(event.target as Element)) return null;
      const key = event.key.toLowerCase();
      const direction = key === 'z' ? (event.shiftKey ? 'redo' : 'undo') : key === 'y' && !event.shiftKey ? 'redo' : null;
      return direction && (() => undoOrRedo(direction));
    },
  },
  {
    // Find: the search panel.
    capture: true,
    command(event, actions) {
      return withCommand(event) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'f' ? actions.openSearch : null;
    },
  },
  {
    // Search all documents (Ctrl/Cmd+Shift+F): the search panel, its scope the whole corpus.
    capture: true,
    command(event, actions) {
      if (!withCommand(event) || !event.shiftKey || event.altKey || event.key.toLowerCase() !== 'f') return null;
      return () => {
        setSearch({ scope: 'corpus' });
        actions.openSearch();
      };
    },
  },
  {
    // Export CSV (Ctrl/Cmd+E), for Excel with Shift.
    capture: false,
    command(event) {
      if (!menuShortcutsInPage || !withCommand(event) || event.altKey || event.key.toLowerCase() !== 'e') return null;
      return () => void exportCsv(event.shiftKey ? 'excel' : 'standard');
    },
  },
  {
    // A code's key works wherever the focus is (a code button, the segment list), except in form
    // fields and in the text view (its shadow host), which handles its own keys.
    capture: false,
    command(event) {
      const target = event.target as HTMLElement | null;
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
      if (target?.closest(TYPING_PLACES)) return null;
      const code = event.key.length === 1 ? codeForKey(getState().project?.codes ?? [], event.key) : undefined;
      return code && getState().open ? () => codeSelection(code.id) : null;
    },
  },
  {
    // The shortcuts sheet on `?`, where the key would not type (after the codes' keys, so that a
    // code given `?` as its key keeps it).
    capture: false,
    command(event) {
      if (event.defaultPrevented || (event.target as HTMLElement | null)?.closest(TYPING_PLACES)) return null;
      return event.key === '?' ? registryCommand('shortcuts', event) : null;
    },
  },
  {
    // The next or previous document (Alt+PageDown, Alt+PageUp), outside form fields.
    capture: false,
    command(event) {
      if (event.defaultPrevented || isFormField(event.target as Element)) return null;
      return registryCommand('next-document', event) ?? registryCommand('previous-document', event);
    },
  },
];

/** The command a key stands for in the capture or bubble phase, if any (the first binding that takes it). */
export function commandForKey(event: KeyboardEvent, capture: boolean, actions: PageKeyActions): { run: () => void; stop: boolean } | null {
  for (const binding of bindings) {
    if (binding.capture !== capture) continue;
    const run = binding.command(event, actions);
    if (run) return { run, stop: !!binding.stop };
  }
  return null;
}

/** Installs the page's keys on the window; returns the uninstaller. */
export function installPageKeys(actions: PageKeyActions): () => void {
  const listener = (capture: boolean) => (event: KeyboardEvent) => {
    const command = commandForKey(event, capture, actions);
    if (!command) return;
    event.preventDefault();
    if (command.stop) event.stopPropagation();
    command.run();
  };
  const onCapture = listener(true);
  const onBubble = listener(false);
  window.addEventListener('keydown', onCapture, { capture: true });
  window.addEventListener('keydown', onBubble);
  return () => {
    window.removeEventListener('keydown', onCapture, { capture: true });
    window.removeEventListener('keydown', onBubble);
  };
}
