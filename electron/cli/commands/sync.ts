/** `sync DIR`: writes the coder's file into a shared folder and merges the others'. */
import { resolve } from 'node:path';
import { CliError, EXIT } from '../arguments';
import type { CommandContext } from '../command-context';

export function sync({ files, call }: CommandContext): Promise<unknown> {
  if (!files[0]) throw new CliError(EXIT.usage, 'Name the shared folder to sync with.');
  return call('syncSharedFolder', { folder: resolve(files[0]) });
}
