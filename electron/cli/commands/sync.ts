/**
 * `sync DIR`: writes the coder's file into a shared folder and merges the others'. The folder comes
 * from the researcher's own command line, so the service is called with it directly (the page's
 * operation takes no folder: it syncs with the one chosen in the app).
 */
import { resolve } from 'node:path';
import { WorkbenchFailure } from '../../../shared/model/failure';
import { outcome } from '../../handlers/outcome';
import { syncSharedFolder } from '../../services/coder-exchange';
import { CliError, EXIT } from '../arguments';
import type { CommandContext } from '../command-context';

export async function sync({ files, store }: CommandContext): Promise<unknown> {
  if (!files[0]) throw new CliError(EXIT.usage, 'Name the shared folder to sync with.');
  try {
    const result = await syncSharedFolder(store, resolve(files[0]), new Date());
    return { outcome: outcome(store, result.action, 'forward', []), report: result.report };
  } catch (error) {
    if (error instanceof WorkbenchFailure) throw new CliError(error.code === 'save-failed' ? EXIT.file : EXIT.usage, error.message);
    throw error;
  }
}
