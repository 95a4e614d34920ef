/** The desktop menu's commands, each to the service call it stands for. */
import type { CommandName } from '../../shared/ipc/commands';
import { onMenuCommand } from '../services/menu-commands';
import { EXPORT_FORMATS } from '../../shared/ipc/export-formats';
import { exportFormat } from '../services/exports';
import { showDialog } from '../services/workspace';
import { startAfresh } from '../services/projects';
import { getState } from '../store';
import { closeFrontTabKeepingFocus } from '../components/workspace/close-tab';
import { undoOrRedo } from './history';
import { isFormField } from './keymap';
import { commandsFor } from './registry';

/** The menu's project commands, each the registry's command of the same id. */
const PROJECT_COMMANDS: readonly CommandName[] = ['new-project', 'open-project', 'close-project', 'archive-project', 'restore-backup', 'project-details'];

/** Runs a command of the menu. */
export function runMenuCommand(command: CommandName): void {
  // The main process opened another project (Open Recent in the menu): the page loads afresh.
  if (command === 'project-changed') return void startAfresh();
  if (PROJECT_COMMANDS.includes(command)) {
    const state = getState();
    const entry = commandsFor(state).find((candidate) => candidate.id === command);
    if (entry?.run && !entry.unavailable?.(state)) entry.run();
    return;
  }
  if (command === 'undo' || command === 'redo') {
    // In a form field the menu's Undo is the field's own.
    if (isFormField(document.activeElement)) document.execCommand(command);
    else if (getState().project) undoOrRedo(command);
    return;
  }
  // Without a project (the start screen) the workspace's commands have nothing to act on.
  if (!getState().project) return;
  if (command === 'close-tab') {
    // As with the page's own keys, the tabs behind a modal dialog stay while it is up.
    if (!document.activeElement?.closest('dialog[open],[aria-modal="true"]')) closeFrontTabKeepingFocus();
    return;
  }
  if (command === 'export-dialog') {
    showDialog('export');
    return;
  }
  // Every other command exports the format whose menu item sent it.
  const format = EXPORT_FORMATS.find((candidate) => candidate.menu?.command === command);
  if (format) void exportFormat(format);
}

/** Listens to the menu's commands; returns the stopper. */
export function listenToMenu(): () => void {
  return onMenuCommand(runMenuCommand);
}
