/**
 * `backup [--list]`: makes a backup in the project's backups/ folder, kept in the same rolling set
 * as the app's, or lists the backups there, newest first.
 */
import { ProjectBackups } from '../../services/project-backups';
import type { CommandContext } from '../command-context';

export async function backup({ store, options }: CommandContext): Promise<unknown> {
  const backups = new ProjectBackups(store);
  if (options.list) return backups.list();
  const made = await backups.take('manual');
  return { ...made, file: backups.fileOf(made.id) };
}
