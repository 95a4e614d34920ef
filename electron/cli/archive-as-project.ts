/**
 * A project archive given as --project: the commands that only read (list, stats, export,
 * agreement, archive) run on a copy restored into a temporary folder, after every check, and
 * removed afterwards; the commands that write are refused, since what they wrote would be lost.
 */
import { lstat, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { restoreArchive } from '../services/project-archive';
import { ARCHIVE_EXTENSION } from '../services/project-places';
import { CliError, EXIT, READING_COMMANDS, type CommandName } from './arguments';
import { archiveError } from './commands/restore';

/**
 * True when --project names a project archive: a file ending in `.awbproj`. Any other file (a
 * text, a project.json) is not taken for one, so it is refused as no project, not as a damaged
 * archive, and the commands that write are not told to restore it.
 */
export async function isArchive(path: string): Promise<boolean> {
  if (extname(path).toLowerCase() !== ARCHIVE_EXTENSION) return false;
  try {
    return (await lstat(path)).isFile();
  } catch {
    return false;
  }
}

/** Runs `work` on the archive restored into a temporary folder, which is removed afterwards whatever happened. */
export async function onRestoredArchive<T>(command: CommandName, archiveFile: string, work: (folder: string) => Promise<T>): Promise<T> {
  if (!READING_COMMANDS.includes(command)) {
    throw new CliError(
      EXIT.usage,
      `${archiveFile} is a project archive, which ${command} cannot change; restore it first (annotation-workbench restore "${archiveFile}" --into DIR) and run ${command} on that folder.`,
    );
  }
  const temporary = await mkdtemp(join(tmpdir(), 'annotation-workbench-archive-'));
  try {
    const folder = join(temporary, 'project');
    await restoreArchive(archiveFile, folder).catch((error: unknown) => {
      throw archiveError(error);
    });
    return await work(folder);
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}
