/**
 * Setting aside a file of the program's own (the recent list, the shared folders) that cannot be
 * read: it is renamed under a dated name of its own, never over one set aside before, so that
 * nothing the researcher might still want is lost, and the program starts that list afresh.
 */
import { lstat, rename } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

async function taken(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Renames `file` (`recent-projects.json`) to `recent-projects.unreadable-<time>.json` beside it,
 * numbered (`-2`, `-3`, …) when that name is taken; returns the name it is kept under. A rename
 * that fails leaves the file where it is (it is read as unreadable again at the next start).
 */
export async function setAsideUnreadable(file: string, now: Date = new Date()): Promise<string> {
  const ext = extname(file);
  const stem = basename(file, ext);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const named = (n: number) => join(dirname(file), `${stem}.unreadable-${stamp}${n === 1 ? '' : `-${n}`}${ext}`);
  let n = 1;
  while (await taken(named(n))) n += 1;
  await rename(file, named(n)).catch(() => undefined);
  return named(n);
}
