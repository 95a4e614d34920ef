/**
 * The desktop menu's commands, each to the service call it stands for: one table with an entry
 * for every command the main process may send (`commandNames`), so that a command the menu gains
 * cannot go unhandled (the table's type and tests/unit/menu-commands.test.ts both say so).
 */
import type { CommandName } from '../../shared/ipc/commands';
import { onMenuCommand } from '../services/menu-commands';
import { EXPORT_FORMATS } from '../../shared/ipc/export-formats';
import { exportFormat } from '../services/exports';
import { showDialog } from '../services/workspace';
import { openRecent } from '../services/projects';
import { getState } from '../store';
import { closeFrontTabKeepingFocus } from '../components/workspace/close-tab';
import { undoOrRedo } from './history';
import { isFormField } from './keymap';
import { commandsFor } from './registry';

function undoOrRedoHere(command: 'undo' | 'redo'): void {
  // In a form field the menu's Undo is the field's own.
  if (isFormField(document.activeElement)) document.execCommand(command);
  else if (getState().project) undoOrRedo(command);
}

/** Exports the format whose menu item sends `command` (a command without one is a mistake caught on loading). */
function exportCommand(command: CommandName): () => void {
  const format = EXPORT_FORMATS.find((candidate) => candidate.menu?.command === command);
  if (!format) throw new Error(`No export format has the menu command ${command}.`);
  return withProject(() => void exportFormat(format));
}

/** A project command runs as the registry's command of the same id, when it is offered now. */
function projectCommand(command: CommandName): () => void {
  return () => {
    const state = getState();
    const entry = commandsFor(state).find((candidate) => candidate.id === command);
    if (entry?.run && !entry.unavailable?.(state)) entry.run();
  };
}

/** A workspace command: without a project (the start screen) it has nothing to act on. */
function withProject(run: () => void): () => void {
  return () => {
    if (getState().project) run();
  };
}

/** What each menu command does in the page. */
export const MENU_COMMANDS: Readonly<Record<CommandName, (argument?: string) => void>> = {
  'new-project': projectCommand('new-project'),
  'open-project': projectCommand('open-project'),
  'close-project': projectCommand('close-project'),
  'archive-project': projectCommand('archive-project'),
  'restore-backup': projectCommand('restore-backup'),
  'project-details': projectCommand('project-details'),
  // Open Recent in the menu: the page saves what was typed, asks for the project, starts afresh.
  'open-recent': (id) => {
    if (id !== undefined) openRecent(id);
  },
  'close-tab': withProject(() => {
    // As with the page's own keys, the tabs behind a modal dialog stay while it is up.
    if (!document.activeElement?.closest('dialog[open],[aria-modal="true"]')) closeFrontTabKeepingFocus();
  }),
  'export-dialog': withProject(() => showDialog('export')),
  'analysis-report': projectCommand('analysis-report'),
  'export-csv': exportCommand('export-csv'),
  'export-csv-excel': exportCommand('export-csv-excel'),
  'export-wide-csv': exportCommand('export-wide-csv'),
  'export-jsonl': exportCommand('export-jsonl'),
  'export-datapackage': exportCommand('export-datapackage'),
  'export-xlsx': exportCommand('export-xlsx'),
  'export-qdpx': exportCommand('export-qdpx'),
  'export-qdc': exportCommand('export-qdc'),
  'export-coder-file': exportCommand('export-coder-file'),
  undo: () => undoOrRedoHere('undo'),
  redo: () => undoOrRedoHere('redo'),
};

/** Runs a command of the menu; anything else (a name it does not know, `toString`) does nothing. */
export function runMenuCommand(command: CommandName, argument?: string): void {
  if (Object.hasOwn(MENU_COMMANDS, command)) MENU_COMMANDS[command](argument);
}

/** Listens to the menu's commands; returns the stopper. */
export function listenToMenu(): () => void {
  return onMenuCommand(runMenuCommand);
}
