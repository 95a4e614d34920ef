/**
 * Which file of the built renderer a URL path names. The app's `app://` scheme and the preview
 * server both serve that folder and nothing else: a path that is not properly %-encoded, leads out
 * of the folder, or reaches a file through a link is not served.
 */
import { realpath, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';

/** A URL path part decoded, or null when its %-escapes are malformed. */
export function decodedPath(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * The file a path names inside the renderer folder `root` (itself a real path, links resolved),
 * or null: only a regular file whose real path is the path itself, under the folder, is served.
 */
export async function servedFile(root: string, relative: string): Promise<string | null> {
  const file = normalize(join(root, relative));
  if (!file.startsWith(root + sep)) return null;
  try {
    const real = await realpath(file);
    if (!real.startsWith(root + sep) || real !== file) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}
