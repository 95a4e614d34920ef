/**
 * Durable, atomic file writes: write a temporary file beside the target, fsync it, rename it over
 * the target, fsync the folder. A crash at any moment leaves either the old file or the new one,
 * never a torn one, and once the promise resolves the new file survives a power cut.
 *
 * Project and shared folders may be synced by git, Dropbox or Syncthing, which carry symbolic
 * links: a link planted under a file's name must never redirect a write into some other file the
 * user can write. Temporary files get random names and are created exclusively (O_EXCL does not
 * follow a link), and a target that is a link is refused.
 */
import { constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, mkdtemp, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { WorkbenchFailure, type ErrorCode } from '../../shared/model/failure';

/** Thrown when a file to be written (or a shared file to be read) is a symbolic link: it is left as it is, and not followed. */
export class SymbolicLinkError extends Error {
  readonly code = 'ESYMLINK';
  constructor(readonly file: string) {
    super(`${file} is a symbolic link; it was left as it is and not followed`);
    this.name = 'SymbolicLinkError';
  }
}

/** Throws SymbolicLinkError when `file` is a symbolic link (a missing file is fine). */
export async function refuseSymbolicLink(file: string): Promise<void> {
  try {
    if ((await lstat(file)).isSymbolicLink()) throw new SymbolicLinkError(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

// O_NOFOLLOW is missing on Windows, where links need special rights to make.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Opens `file` for appending (made if missing) without following a symbolic link in its place:
 * for files written in place, such as the journal.
 */
export async function openForAppend(file: string): Promise<FileHandle> {
  try {
    return await open(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NO_FOLLOW, 0o666);
  } catch (error) {
    // Linux says ELOOP, the BSDs EMLINK, for a link met under O_NOFOLLOW.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') throw new SymbolicLinkError(file);
    throw error;
  }
}

/** Empties `file` in place (made if missing), without following a symbolic link, and flushes it. */
export async function truncateDurably(file: string): Promise<void> {
  const handle = await openForAppend(file);
  try {
    await handle.truncate(0);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates a new, empty temporary file beside `file`, under a random name nobody could plant first. */
async function createTemporary(file: string): Promise<{ path: string; handle: FileHandle }> {
  const path = join(dirname(file), `.${basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
  // 'wx' is O_CREAT|O_EXCL: it fails on anything already there, a symbolic link included.
  return { path, handle: await open(path, 'wx') };
}

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
    case 'ENOTREGULAR':
      return (error as Error).message;
    case 'ESYMLINK':
      return `${(error as SymbolicLinkError).file} is a symbolic link, which is never followed (it could lead to any file); remove the link or choose another name`;
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The failure to report for an error met while working on a file: a WorkbenchFailure (a cancelled
 * job, a refused link) as it is; anything else as `code`, saying what could not be done and why.
 */
export function fileFailure(error: unknown, code: ErrorCode, whatFailed: string): WorkbenchFailure {
  if (error instanceof WorkbenchFailure) return error;
  return new WorkbenchFailure(code, `${whatFailed}: ${describeFileError(error)}.`);
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
  await refuseSymbolicLink(file);
  const { path: temporary, handle } = await createTemporary(file);
  try {
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
    // Checked again just before: a link could have been planted while the file was written.
    await refuseSymbolicLink(file);
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
    await refuseSymbolicLink(folder);
    await mkdir(folder, { recursive: true });
    for (const name of Object.keys(files)) await refuseSymbolicLink(join(folder, name));
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
