/**
 * Durable, atomic file writes: write a temporary file beside the target, fsync it, rename it over
 * the target, fsync the folder. A crash at any moment leaves either the old file or the new one,
 * never a torn one, and once the promise resolves the new file survives a power cut.
 */
import { mkdir, mkdtemp, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Plain words for the file-system errors a researcher can do something about. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'permission was denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EISDIR':
      return 'a folder has that name';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Writes `data` (or its chunks, in order) to `file` atomically and durably. `checkpoint` runs
 * before each chunk and once more before the file takes its name: if it throws (a cancelled
 * export), the temporary file is removed and the target is left as it was.
 */
export async function writeFileDurably(
  file: string,
  data: string | Uint8Array | Iterable<string>,
  options: { checkpoint?: () => Promise<void> } = {},
): Promise<void> {
  const folder = dirname(file);
  const temporary = join(folder, `.${basename(file)}.tmp`);
  try {
    const handle = await open(temporary, 'w');
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
      else {
        for (const chunk of data) {
          await options.checkpoint?.();
          await handle.write(chunk);
        }
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.checkpoint?.();
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

/**
 * Writes several files into a folder so that a failure or a cancel leaves none of them behind:
 * all are written into a temporary folder beside it first, and only then moved into place (each
 * move atomic). Contents given as functions are made when their turn comes.
 */
export async function writeFolderDurably(
  folder: string,
  files: Record<string, string | Uint8Array | (() => string | Iterable<string>)>,
  checkpoint?: () => Promise<void>,
): Promise<void> {
  const parent = dirname(folder);
  const temporary = await mkdtemp(join(parent, `.${basename(folder)}.tmp-`));
  try {
    for (const [name, data] of Object.entries(files)) {
      await writeFileDurably(join(temporary, name), typeof data === 'function' ? data() : data, { checkpoint });
    }
    await checkpoint?.();
    await mkdir(folder, { recursive: true });
    for (const name of Object.keys(files)) await rename(join(temporary, name), join(folder, name));
    await syncFolder(folder);
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

/** Flushes a folder's entries (a rename is durable only once its folder is). */
export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    // Some platforms (Windows) cannot open or fsync a folder; the rename is still atomic there.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw error;
  } finally {
    await handle?.close();
  }
}
