/**
 * Every action the page offers, in one table: its id, the message key of its label (namespace
 * `commands`), the group the shortcuts sheet lists it under, its keys, when it can run and what it
 * does. The command palette and the shortcuts sheet are both drawn from this table, and a test
 * checks that every key the page's keymap (commands/keymap.ts) and the text view's keymap
 * (text-view/keymap.ts) take is listed here, so neither can go stale.
 */
import { REPEAT_KEY } from '../../shared/model/codebook';
import { EXPORT_FORMATS, type ExportFormat, type ExportFormatId } from '../../shared/ipc/export-formats';
import { setBlind } from '../services/coders';
import { exportAnalysisReport } from '../services/analysis-report';
import { exportFormat } from '../services/exports';
import { showCoderDialog } from '../services/page';
import { archiveProject, closeProject, openProjectFromDialog, showProjectDialog, whenChangeAllowed } from '../services/projects';
import { removeSegment } from '../services/segments';
import { setSearch } from '../services/search';
import { changeSettings, toggleTheme } from '../services/settings';
import { cycleTab, openDocumentTab, openViewTab, showDialog, showPanel } from '../services/workspace';
import { getState, selectBlind, type State } from '../store';
import type { MainView, SidePanel } from '../store/workspace';
import { t } from '../i18n/i18n';
import type enCommands from '../i18n/locales/en/commands.json';
import { closeFrontTabKeepingFocus } from '../components/workspace/close-tab';
import { focusRegion } from '../components/workspace/regions';
import { codeSelection, repeatLastCode } from './coding';
import { undoOrRedo } from './history';

/** The sheet's groups, in the order it lists them. */
export const COMMAND_GROUPS = ['project', 'coding', 'editing', 'navigation', 'views', 'export'] as const;
export type CommandGroup = (typeof COMMAND_GROUPS)[number];

/**
 * A key as the researcher presses it: `key` is KeyboardEvent.key (a letter in lower case), `mod`
 * is Ctrl on Linux and Windows and ⌘ on macOS.
 */
export interface Shortcut {
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

type Messages = typeof enCommands;
/** The message key of a command's label, inside the `commands` namespace. */
export type CommandLabel = `labels.${keyof Messages['labels']}` | `exportFormats.${keyof Messages['exportFormats'] & ExportFormatId}`;
/** The message key of why a command cannot run now. */
export type DisabledReason = `reasons.${keyof Messages['reasons']}`;

/** One action of the page. */
export interface Command {
  /** Stable id (the palette's option ids and the tests use it). */
  id: string;
  group: CommandGroup;
  label: CommandLabel;
  /** Values for the label's placeholders (a code's name). */
  values?: { code: string };
  /** Its keys, the first one shown first; none when it is reached from the palette and menus only. */
  shortcuts: readonly Shortcut[];
  /** The keys work with the caret in the text only (the text view's own keys). */
  inText?: boolean;
  /** The keys work with the focus in the Suggestions panel's list only (suggestion-keys.ts). */
  inSuggestions?: boolean;
  /** Why it cannot run now, or null when it can; absent when it always can. */
  unavailable?(state: State): DisabledReason | null;
  /** Runs it; absent for keys that act on the place of the caret (listed in the sheet only). */
  run?(): void;
  /** Offered while no project is open too (the start screen); the others need a project. */
  withoutProject?: boolean;
}

const mod = (key: string, more: Omit<Shortcut, 'key' | 'mod'> = {}): Shortcut => ({ key, mod: true, ...more });
const needsText = (state: State): DisabledReason | null => (state.open && state.textView ? null : 'reasons.noDocument');
const needsTwoTabs = (state: State): DisabledReason | null => (state.tabs.length > 1 ? null : 'reasons.oneTab');
const needsProject = (state: State): DisabledReason | null => (state.project?.documents.length ? null : 'reasons.noDocuments');
const needsOpenProject = (state: State): DisabledReason | null => (state.session?.project || state.project ? null : 'reasons.noProject');
// One change of project at a time: while one runs, the others wait (greyed, with the reason).
const notWhileChanging = (state: State): DisabledReason | null => (state.projectBusy === 'changing' ? 'reasons.changingProject' : null);

/** The segment a removal means: the one whose details are shown, else the shortest one at the caret. */
function segmentToRemove(state: State): string | null {
  const open = state.open;
  if (!open) return null;
  if (state.popover?.segmentIds.length === 1) return state.popover.segmentIds[0];
  const caret = state.textView?.selection().start;
  if (caret === undefined) return null;
  const at = open.segments.filter((segment) => segment.start <= caret && caret < segment.end);
  return at.sort((a, b) => a.end - a.start - (b.end - b.start))[0]?.id ?? null;
}

/** The document `step` places after (1) or before (-1) the open one, in the list's order. */
function neighbourDocument(state: State, step: 1 | -1): string | null {
  const documents = state.project?.documents ?? [];
  const index = documents.findIndex((document) => document.id === state.open?.document.id);
  if (index < 0) return documents[0]?.id ?? null;
  return documents[index + step]?.id ?? null;
}

function panelCommand(panel: SidePanel, label: CommandLabel): Command {
  return { id: `panel-${panel}`, group: 'views', label, shortcuts: [], run: () => showPanel(panel) };
}

function viewCommand(view: MainView, label: CommandLabel): Command {
  return { id: `view-${view}`, group: 'views', label, shortcuts: [], run: () => openViewTab(view) };
}

/** A shortcut of the export table's menu accelerator ("CmdOrCtrl+Shift+E"). */
function acceleratorShortcut(accelerator: string | undefined): Shortcut[] {
  if (!accelerator) return [];
  const parts = accelerator.split('+');
  const key = parts.pop()!.toLowerCase();
  return [{ key, mod: parts.includes('CmdOrCtrl'), shift: parts.includes('Shift') || undefined, alt: parts.includes('Alt') || undefined }];
}

const STATIC_COMMANDS: readonly Command[] = [
  // Project. Ctrl/Cmd+Shift+N and Ctrl/Cmd+O are the File menu's accelerators in the app, the page's keys in the preview.
  {
    id: 'new-project',
    group: 'project',
    label: 'labels.newProject',
    shortcuts: [mod('n', { shift: true })],
    withoutProject: true,
    unavailable: notWhileChanging,
    run: () => whenChangeAllowed(() => showProjectDialog('new-project')),
  },
  { id: 'open-project', group: 'project', label: 'labels.openProject', shortcuts: [mod('o')], withoutProject: true, unavailable: notWhileChanging, run: openProjectFromDialog },
  { id: 'project-details', group: 'project', label: 'labels.projectDetails', shortcuts: [], unavailable: needsOpenProject, run: () => showProjectDialog('project-details') },
  {
    id: 'archive-project',
    group: 'project',
    label: 'labels.archiveProject',
    shortcuts: [],
    unavailable: (state) => needsOpenProject(state) ?? (state.projectBusy === 'archive' ? 'reasons.archiving' : null),
    run: () => void archiveProject(),
  },
  {
    id: 'restore-backup',
    group: 'project',
    label: 'labels.restoreBackup',
    shortcuts: [],
    unavailable: (state) => needsOpenProject(state) ?? notWhileChanging(state),
    run: () => whenChangeAllowed(() => showProjectDialog('restore-backup')),
  },
  { id: 'close-project', group: 'project', label: 'labels.closeProject', shortcuts: [], unavailable: (state) => needsOpenProject(state) ?? notWhileChanging(state), run: closeProject },
  // Coding
  { id: 'repeat-code', group: 'coding', label: 'labels.repeatCode', shortcuts: [{ key: REPEAT_KEY }], unavailable: needsText, run: repeatLastCode },
  {
    id: 'remove-segment',
    group: 'coding',
    label: 'labels.removeSegment',
    shortcuts: [],
    unavailable: (state) => needsText(state) ?? (segmentToRemove(state) ? null : 'reasons.noSegment'),
    run: () => {
      const id = segmentToRemove(getState());
      if (id) removeSegment(id);
    },
  },
  { id: 'segment-details', group: 'coding', label: 'labels.segmentDetails', shortcuts: [{ key: 'Enter' }], inText: true },
  { id: 'close-details', group: 'coding', label: 'labels.closeDetails', shortcuts: [{ key: 'Escape' }], inText: true },
  { id: 'move-start', group: 'coding', label: 'labels.moveStart', shortcuts: [{ key: 'ArrowLeft', alt: true }, { key: 'ArrowRight', alt: true }], inText: true },
  {
    id: 'move-end',
    group: 'coding',
    label: 'labels.moveEnd',
    shortcuts: [{ key: 'ArrowLeft', alt: true, shift: true }, { key: 'ArrowRight', alt: true, shift: true }],
    inText: true,
  },
  {
    id: 'move-start-word',
    group: 'coding',
    label: 'labels.moveStartByWord',
    shortcuts: [mod('ArrowLeft', { alt: true }), mod('ArrowRight', { alt: true })],
    inText: true,
  },
  {
    id: 'move-end-word',
    group: 'coding',
    label: 'labels.moveEndByWord',
    shortcuts: [mod('ArrowLeft', { alt: true, shift: true }), mod('ArrowRight', { alt: true, shift: true })],
    inText: true,
  },
  // The Suggestions panel's list takes these (components/suggestions/suggestion-keys.ts).
  { id: 'accept-suggestion', group: 'coding', label: 'labels.acceptSuggestion', shortcuts: [{ key: 'a' }], inSuggestions: true },
  { id: 'reject-suggestion', group: 'coding', label: 'labels.rejectSuggestion', shortcuts: [{ key: 'r' }], inSuggestions: true },
  { id: 'skip-suggestion', group: 'coding', label: 'labels.skipSuggestion', shortcuts: [{ key: 's' }], inSuggestions: true },
  { id: 'change-coder', group: 'coding', label: 'labels.changeCoder', shortcuts: [], run: () => showCoderDialog(true) },
  {
    id: 'blind-on',
    group: 'coding',
    label: 'labels.blindOn',
    shortcuts: [],
    unavailable: (state) => (selectBlind(state) ? 'reasons.blindAlreadyOn' : null),
    run: () => void setBlind(true),
  },
  {
    id: 'blind-off',
    group: 'coding',
    label: 'labels.blindOff',
    shortcuts: [],
    unavailable: (state) => (selectBlind(state) ? null : 'reasons.blindAlreadyOff'),
    run: () => void setBlind(false),
  },
  {
    id: 'add-code',
    group: 'coding',
    label: 'labels.addCode',
    shortcuts: [],
    run: () => {
      showPanel('codebook');
      // The codebook's field for a new code's name is drawn once the panel is shown.
      requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.add-code input[type="text"]')?.focus());
    },
  },
  // Editing
  { id: 'undo', group: 'editing', label: 'labels.undo', shortcuts: [mod('z')], run: () => undoOrRedo('undo') },
  { id: 'redo', group: 'editing', label: 'labels.redo', shortcuts: [mod('z', { shift: true }), mod('y')], run: () => undoOrRedo('redo') },
  { id: 'select-text', group: 'editing', label: 'labels.extendSelection', shortcuts: [{ key: 'ArrowLeft', shift: true }, { key: 'ArrowRight', shift: true }], inText: true },
  {
    id: 'select-words',
    group: 'editing',
    label: 'labels.extendSelectionByWord',
    shortcuts: [mod('ArrowLeft', { shift: true }), mod('ArrowRight', { shift: true })],
    inText: true,
  },
  // Navigation
  { id: 'find', group: 'navigation', label: 'labels.find', shortcuts: [mod('f')], run: () => showPanel('search') },
  {
    id: 'search-corpus',
    group: 'navigation',
    label: 'labels.searchCorpus',
    shortcuts: [mod('f', { shift: true })],
    run: () => {
      setSearch({ scope: 'corpus' });
      showPanel('search');
    },
  },
  {
    id: 'next-document',
    group: 'navigation',
    label: 'labels.nextDocument',
    shortcuts: [{ key: 'PageDown', alt: true }],
    unavailable: (state) => needsProject(state) ?? (neighbourDocument(state, 1) ? null : 'reasons.lastDocument'),
    run: () => {
      const next = neighbourDocument(getState(), 1);
      if (next) void openDocumentTab(next);
    },
  },
  {
    id: 'previous-document',
    group: 'navigation',
    label: 'labels.previousDocument',
    shortcuts: [{ key: 'PageUp', alt: true }],
    unavailable: (state) => needsProject(state) ?? (neighbourDocument(state, -1) ? null : 'reasons.firstDocument'),
    run: () => {
      const previous = neighbourDocument(getState(), -1);
      if (previous) void openDocumentTab(previous);
    },
  },
  // Taken by the workspace's keys (components/workspace/workspace-keys.ts), wherever the focus is.
  // The browser keeps Ctrl+W and Ctrl+Tab for itself in the preview: Ctrl+F4 and Ctrl+PageDown/Up
  // do the same there.
  {
    id: 'close-tab',
    group: 'navigation',
    label: 'labels.closeTab',
    shortcuts: [mod('w'), mod('F4')],
    unavailable: (state) => (state.activeTab ? null : 'reasons.noTab'),
    run: closeFrontTabKeepingFocus,
  },
  { id: 'next-tab', group: 'navigation', label: 'labels.nextTab', shortcuts: [mod('Tab'), mod('PageDown')], unavailable: needsTwoTabs, run: () => cycleTab(1) },
  { id: 'previous-tab', group: 'navigation', label: 'labels.previousTab', shortcuts: [mod('Tab', { shift: true }), mod('PageUp')], unavailable: needsTwoTabs, run: () => cycleTab(-1) },
  { id: 'next-region', group: 'navigation', label: 'labels.nextRegion', shortcuts: [{ key: 'F6' }], run: () => focusRegion(1) },
  { id: 'previous-region', group: 'navigation', label: 'labels.previousRegion', shortcuts: [{ key: 'F6', shift: true }], run: () => focusRegion(-1) },
  { id: 'palette', group: 'views', label: 'labels.palette', shortcuts: [mod('p', { shift: true })], withoutProject: true, run: () => showDialog('palette') },
  { id: 'shortcuts', group: 'views', label: 'labels.shortcuts', shortcuts: [{ key: 'F1' }, { key: '?' }], withoutProject: true, run: () => showDialog('shortcuts') },
  { id: 'settings', group: 'views', label: 'labels.settings', shortcuts: [mod(',')], withoutProject: true, run: () => showDialog('settings') },
  {
    id: 'import-documents',
    group: 'navigation',
    label: 'labels.importDocuments',
    shortcuts: [],
    // The file chooser belongs to the import button's file field, in the Documents panel; the
    // command shows the panel and presses the button once it is drawn.
    run: () => {
      showPanel('documents');
      requestAnimationFrame(() => document.querySelector<HTMLInputElement>('input[data-action="import-documents"]')?.click());
    },
  },
  // Views
  panelCommand('documents', 'labels.panelDocuments'),
  panelCommand('codebook', 'labels.panelCodebook'),
  panelCommand('search', 'labels.panelSearch'),
  panelCommand('segments', 'labels.panelSegments'),
  panelCommand('suggestions', 'labels.panelSuggestions'),
  panelCommand('analysis', 'labels.panelAnalysis'),
  panelCommand('agreement', 'labels.panelAgreement'),
  viewCommand('retrieval', 'labels.viewRetrieval'),
  viewCommand('variables', 'labels.viewVariables'),
  viewCommand('reliability', 'labels.viewReliability'),
  // Ctrl/Cmd+Shift+A: the Analysis area.
  { ...viewCommand('analysis', 'labels.viewAnalysis'), shortcuts: [mod('a', { shift: true })] },
  viewCommand('portrait', 'labels.viewPortrait'),
  {
    id: 'toggle-document-portrait',
    group: 'views',
    label: 'labels.toggleDocumentPortrait',
    shortcuts: [],
    run: () => changeSettings({ documentPortrait: !getState().settings.documentPortrait }),
  },
  { id: 'toggle-theme', group: 'views', label: 'labels.toggleTheme', shortcuts: [], withoutProject: true, run: toggleTheme },
  // Export
  // Ctrl/Cmd+Shift+X: the File menu's accelerator in the app, the workspace's key in the preview.
  { id: 'export', group: 'export', label: 'labels.exportDialog', shortcuts: [mod('x', { shift: true })], run: () => showDialog('export') },
  {
    id: 'analysis-report',
    group: 'export',
    label: 'labels.analysisReport',
    shortcuts: [],
    unavailable: (state) => needsOpenProject(state) ?? (state.exporting ? 'reasons.exporting' : null),
    run: () => void exportAnalysisReport(),
  },
  ...EXPORT_FORMATS.map(
    (format): Command => ({
      id: `export-${format.id}`,
      group: 'export',
      label: `exportFormats.${format.id}`,
      shortcuts: acceleratorShortcut((format as ExportFormat).menu?.accelerator),
      unavailable: (state) => (state.exporting ? 'reasons.exporting' : null),
      run: () => void exportFormat(format),
    }),
  ),
];

/**
 * Every command the page offers now: one per code of the codebook (by its key), then the rest;
 * while no project is open (the start screen), only those that need none.
 */
export function commandsFor(state: State): Command[] {
  if (!state.project) return STATIC_COMMANDS.filter((command) => command.withoutProject);
  const codes = state.project?.codes ?? [];
  const coding = codes.map(
    (code): Command => ({
      id: `code-${code.id}`,
      group: 'coding',
      label: 'labels.codeSelection',
      values: { code: code.name },
      shortcuts: code.key ? [{ key: code.key }] : [],
      unavailable: needsText,
      run: () => codeSelection(code.id),
    }),
  );
  return [...coding, ...STATIC_COMMANDS];
}

/** Whether the page runs on macOS, where the command key is ⌘ and modifiers are shown as symbols. */
export const onMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The keys whose names are words, by the message key (`commands.keys.*`) that names them in the interface's language. */
const KEY_WORDS: Record<string, keyof Messages['keys']> = { Escape: 'escape', Enter: 'enter', Delete: 'delete', Tab: 'tab', PageUp: 'pageUp', PageDown: 'pageDown', Home: 'home', End: 'end' };
const KEY_SYMBOLS: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };
const MAC_KEY_SYMBOLS: Record<string, string> = { ...KEY_SYMBOLS, Enter: '↩', Escape: '⎋', Delete: '⌦', Tab: '⇥' };

/** A key's name as the researcher reads it, in the interface's language ("Strg", "Bild↓" in German). */
function keyName(key: string, mac: boolean): string {
  const symbol = (mac ? MAC_KEY_SYMBOLS : KEY_SYMBOLS)[key];
  if (symbol) return symbol;
  if (key in KEY_WORDS) return t(`commands.keys.${KEY_WORDS[key]}`);
  return key.length === 1 ? key.toUpperCase() : key;
}

/** The keys of a shortcut as the researcher reads them: "Ctrl+Shift+P" on Linux and Windows ("Strg+Umschalt+P" in German), "⇧⌘P" on macOS. */
export function shortcutKeys(shortcut: Shortcut, mac = onMac): string[] {
  const key = keyName(shortcut.key, mac);
  // macOS lists modifiers in the order ⌥ ⇧ ⌘ (Control is never used here).
  if (mac) return [shortcut.alt && '⌥', shortcut.shift && '⇧', shortcut.mod && '⌘', key].filter((part): part is string => !!part);
  return [shortcut.mod && t('commands.keys.ctrl'), shortcut.alt && t('commands.keys.alt'), shortcut.shift && t('commands.keys.shift'), key].filter((part): part is string => !!part);
}

/** A shortcut as one string (the keys joined as the platform writes them). */
export function formatShortcut(shortcut: Shortcut, mac = onMac): string {
  return shortcutKeys(shortcut, mac).join(mac ? '' : '+');
}

/** The first shortcut of the command `id`, written as the platform does (for tooltips), or empty when it has none. */
export function commandKeys(id: string, mac = onMac): string {
  const shortcut = STATIC_COMMANDS.find((command) => command.id === id)?.shortcuts[0];
  return shortcut ? formatShortcut(shortcut, mac) : '';
}

/** Whether a key press is `shortcut` (Ctrl or ⌘ both count as the command key). */
export function matchesShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, shortcut: Shortcut): boolean {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  // A digit or sign is the character typed, whatever Shift it took on this keyboard layout
  // (? needs Shift on most; the digits do on a French one); Shift does not change Enter or Escape.
  const shiftFree = shortcut.key.length === 1 ? !/\p{L}/u.test(shortcut.key) : shortcut.key === 'Enter' || shortcut.key === 'Escape';
  const printedWithShift = shiftFree && !shortcut.mod && !shortcut.alt;
  return (
    key === shortcut.key &&
    (event.ctrlKey || event.metaKey) === !!shortcut.mod &&
    event.altKey === !!shortcut.alt &&
    (printedWithShift || event.shiftKey === !!shortcut.shift)
  );
}
