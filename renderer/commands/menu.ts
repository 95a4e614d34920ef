/** The desktop menu's commands, each to the service call it stands for. */
import type { CommandName } from '../../shared/ipc/commands';
import { onMenuCommand } from '../services/menu-commands';
import { exportCodebook, exportCoderFile, exportCsv, exportDataset, type DatasetFormat } from '../services/exports';
import { undoOrRedo } from './history';
import { isFormField } from './keymap';

/** Menu commands that export a dataset format, by the format. */
const DATASET_COMMANDS: Partial<Record<CommandName, DatasetFormat>> = {
  'export-wide-csv': 'wide-csv',
  'export-jsonl': 'jsonl',
  'export-datapackage': 'datapackage',
  'export-qdpx': 'qdpx',
  'export-xlsx': 'xlsx',
};

/** Runs a command of the menu. */
export function runMenuCommand(command: CommandName): void {
  if (command === 'undo' || command === 'redo') {
    // In a form field the menu's Undo is the field's own.
    if (isFormField(document.activeElement)) document.execCommand(command);
    else undoOrRedo(command);
  } else if (DATASET_COMMANDS[command]) void exportDataset(DATASET_COMMANDS[command]);
  else if (command === 'export-qdc') void exportCodebook('qdc');
  else if (command === 'export-coder-file') void exportCoderFile();
  else void exportCsv(command === 'export-csv-excel' ? 'excel' : 'standard');
}

/** Listens to the menu's commands; returns the stopper. */
export function listenToMenu(): () => void {
  return onMenuCommand(runMenuCommand);
}
