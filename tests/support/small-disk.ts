/**
 * A full disk, for real: a small file system of its own (a tmpfs mounted for the test, which needs
 * root, as `npm test` has on Debian), filled to the last byte, then freed.
 */
import { execFileSync } from 'node:child_process';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { tempFolder } from './temp';

/** Runs `use` with a folder on a 2 MB file system of its own, unmounted afterwards. */
export async function onSmallDisk(use: (folder: string) => Promise<void>): Promise<void> {
  const folder = await tempFolder();
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', folder]);
  try {
    await use(folder);
  } finally {
    execFileSync('umount', ['-l', folder]);
  }
}

/** Fills the file system that holds `folder` until not one more byte fits; returns the filler file. */
export async function fill(folder: string): Promise<string> {
  const filler = join(folder, 'filler');
  const handle = await open(filler, 'w');
  try {
    for (const size of [65536, 4096, 1]) {
      const chunk = Buffer.alloc(size, 1);
      for (;;) {
        try {
          await handle.write(chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    await handle.close();
  }
  return filler;
}
