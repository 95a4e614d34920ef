/** `list`: the project's documents, with their segment counts. */
import type { CommandContext } from '../command-context';

export function list({ store }: CommandContext): unknown {
  return store.overview().documents.map(({ id, title, file, sha256, segmentCount, values: variables }) => ({
    id,
    title,
    file,
    sha256,
    segments: segmentCount,
    variables,
  }));
}
