/**
 * The commands table, and running one of them on an existing project: the project is opened (it
 * must exist, and nothing may be wrong with it), the command runs over the app's handlers, and
 * the project is closed again whatever happened.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHandlers } from '../handlers/handlers';
import { dispatch } from '../handlers/dispatch';
import { PROJECT_FILE, ProjectStore } from '../project/project-store';
import { saveIntoFolder } from '../services/export-folder';
import { CliError, EXIT, type CommandName, type CommandOptions } from './arguments';
import type { ProjectCommand } from './command-context';
import { isArchive, onRestoredArchive } from './archive-as-project';
import { agreement } from './commands/agreement';
import { analysis } from './commands/analysis';
import { archive } from './commands/archive';
import { backup } from './commands/backup';
import { exportDataset } from './commands/export';
import { importCodebook, importFiles } from './commands/import';
import { list } from './commands/list';
import { report } from './commands/report';
import { stats } from './commands/stats';
import { sync } from './commands/sync';

/** The commands that make a project rather than open one. */
type MakingCommand = 'init' | 'restore';

/** Every command but init and restore, which make a project rather than opening one. */
export const PROJECT_COMMANDS: Record<Exclude<CommandName, MakingCommand>, ProjectCommand> = {
  list,
  stats,
  export: exportDataset,
  import: importFiles,
  'import-codebook': importCodebook,
  sync,
  agreement,
  analysis,
  report,
  archive,
  backup,
};

/** Opens the project in `folder` (or a checked copy of the archive it names), runs the command on it, and closes it. */
export async function runOnProject(
  command: Exclude<CommandName, MakingCommand>,
  folder: string,
  bundledDocuments: string,
  options: CommandOptions,
  files: string[],
  out: string | null,
): Promise<unknown> {
  if (await isArchive(folder)) return onRestoredArchive(command, folder, (restored) => runOnProject(command, restored, bundledDocuments, options, files, out));
  // The other commands name an existing project: only init starts a new one, never by mistake.
  if (!existsSync(join(folder, PROJECT_FILE))) throw new CliError(EXIT.project, `There is no project in ${folder} (no ${PROJECT_FILE}).`);
  let store: ProjectStore;
  try {
    store = await ProjectStore.open({ folder, bundledDocuments });
  } catch (error) {
    // Open in the app or the preview (the project's lock), or not readable.
    throw new CliError(EXIT.project, error instanceof Error ? error.message : String(error));
  }
  try {
    // A migration from an older version lost nothing: it is told, and the command goes on.
    if (store.migrationNotice) process.stderr.write(`annotation-workbench: ${store.migrationNotice}\n`);
    const notices = store.notices.filter((notice) => notice !== store.migrationNotice);
    if (notices.length) throw new CliError(EXIT.project, notices.join('\n'));
    const handlers = createHandlers({ store, chooseSavePath: async () => out ?? (await saveIntoFolder(folder)('export', { name: '', extensions: [] })) });
    const call = async (operation: string, input: unknown) => {
      const result = await dispatch(handlers, operation, input);
      if (!result.ok) throw new CliError(result.error.code === 'save-failed' ? EXIT.file : EXIT.usage, result.error.message);
      return result.value;
    };
    return await PROJECT_COMMANDS[command]({ folder, store, handlers, options, files, out, call });
  } finally {
    await store.close();
  }
}
