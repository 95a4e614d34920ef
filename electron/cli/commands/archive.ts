/** `archive --out FILE.awbproj`: writes the project as one archive, as File › Save a Copy as Archive does. */
import { stat } from 'node:fs/promises';
import type { CommandContext } from '../command-context';

export async function archive({ store, call }: CommandContext): Promise<unknown> {
  // The handler asks where to save; the command line's answer is --out (checked with the call line).
  const { path } = (await call('archiveProject', {})) as { path: string };
  return { archive: path, bytes: (await stat(path)).size, documents: store.documents.length, segments: store.state.segments.length };
}
