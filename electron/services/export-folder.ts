/**
 * Save "dialog" for the preview and scripted runs, where no native dialog exists: files go into
 * an exports folder, and an existing file is never replaced (a number is added to the name).
 */
import { lstat, mkdir } from 'node:fs/promises';
import { extname, join, basename } from 'node:path';
import type { ChooseSavePath } from '../handlers/context';

export function saveIntoFolder(folder: string): ChooseSavePath {
  return async (suggestedName) => {
    await mkdir(folder, { recursive: true });
    const extension = extname(suggestedName);
    const stem = basename(suggestedName, extension);
    for (let n = 1; ; n++) {
      const candidate = join(folder, n === 1 ? suggestedName : `${stem}-${n}${extension}`);
      try {
        // lstat, not access: a symbolic link (even one leading nowhere) takes its name too.
        await lstat(candidate);
      } catch {
        return candidate;
      }
    }
  };
}
