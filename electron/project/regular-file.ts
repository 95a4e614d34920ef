/**
 * Reading a file that someone else may have put in a shared folder: only a regular file, only
 * up to a size, and never through a symbolic link. A FIFO (named pipe) under a coder file's name
 * would make a plain read wait forever for a writer, and a device or a huge file would never end;
 * each is refused at once with a reason instead.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { SymbolicLinkError } from './atomic-write';

// Neither flag exists on Windows, where FIFOs and links of this kind do not appear in folders.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const NON_BLOCKING = constants.O_NONBLOCK ?? 0;

/** Why a file was not read: not a regular file, or larger than allowed. */
export class NotReadableFileError extends Error {
  readonly code = 'ENOTREGULAR';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'NotReadableFileError';
  }
}

/**
 * Reads `file` as UTF-8 when it is a regular file of at most `maxBytes` bytes. Throws
 * NotReadableFileError (a FIFO, a device, a folder, too large), SymbolicLinkError, or the
 * file system's own error (ENOENT, EACCES).
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<string> {
  let handle;
  try {
    // Non-blocking, so that opening a FIFO returns at once instead of waiting for a writer.
    handle = await open(file, constants.O_RDONLY | NO_FOLLOW | NON_BLOCKING);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') throw new SymbolicLinkError(file);
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new NotReadableFileError(file, 'it is not a regular file (a pipe, a device or a folder)');
    if (info.size > maxBytes) throw new NotReadableFileError(file, `it is larger than ${formatSize(maxBytes)}`);
    // Read at most one byte past the limit: a file that grows while it is read is still bounded.
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > maxBytes) throw new NotReadableFileError(file, `it is larger than ${formatSize(maxBytes)}`);
        break;
      }
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await handle.close();
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${bytes} bytes`;
}
