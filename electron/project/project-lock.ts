/**
 * One program at a time on a project folder. The app, the browser preview and the command line
 * all write the same project file and journal; two of them at once would overwrite each other's
 * work. Opening a project takes `project.lock` (naming the process, the machine and a token); a
 * lock whose process is gone (a crash, a power cut) is taken over; a lock of a running process,
 * or of another machine (a project on a network drive), is refused with a message that says what
 * to do. Closing gives the lock back.
 *
 * Several programs may start at the same moment on one stale lock, so every step is atomic: the
 * lock appears whole or not at all (written under a random name, then hard-linked to its name,
 * which fails if the name is taken), and a stale lock is removed only by the one program that
 * created the claim file named after that lock's token (created exclusively, so only one can).
 * The others see the new lock and are refused.
 *
 * A project folder may be copied or moved while open, or after a crash, and its lock goes with it.
 * On this computer such a lock is known not to be this folder's: it was taken for another folder
 * (it keeps a hash of the real path its holder locked, not the path itself); it is taken over. A lock from another computer is always refused: synced drives and
 * network shares give each copy a file of its own, so an inode that differs does not tell a copy
 * from the project still open over there. The message says how to go on once it is closed there.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { link, open, realpath, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { WorkbenchFailure } from '../../shared/model/failure';
import { readRegularFile } from './regular-file';

export const LOCK_FILE = 'project.lock';
/** A lock file is a line of JSON; anything larger is not one. */
const LOCK_MAX_BYTES = 64 * 1024;
/** How long a start keeps trying (create, or take over) while other programs race it for the lock. */
const PATIENCE_MS = 10_000;
/** The pause before looking again while another program takes a stale lock over. */
const PAUSE_MS = 20;

interface LockRecord {
  pid: number;
  host: string;
  since: string;
  token: string;
  /** A hash of the real path of the folder its holder locked (compared on the same computer only; the path is not kept). */
  place?: string;
  /** The inode of the lock file its holder made (told, not judged: synced copies get inodes of their own). */
  inode?: string;
}

export interface ProjectLock {
  /** Gives the lock back (only if it is still this one). */
  release(): Promise<void>;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What a lock file holds: its record (null when it is not one) and a fingerprint of its bytes. */
async function readLock(path: string): Promise<{ holder: LockRecord | null; fingerprint: string } | null> {
  let text: string;
  try {
    text = await readRegularFile(path, LOCK_MAX_BYTES);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // A link, a pipe or an oversized file under the lock's name: no program's lock.
    return { holder: null, fingerprint: 'not-a-lock-file' };
  }
  const fingerprint = createHash('sha256').update(text).digest('hex').slice(0, 32);
  try {
    const value = JSON.parse(text) as Partial<LockRecord>;
    const ok = typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string';
    return { holder: ok ? (value as LockRecord) : null, fingerprint };
  } catch {
    return { holder: null, fingerprint };
  }
}

/** What a lock keeps of its folder's real path: enough to tell two folders apart, nothing of where they are. */
function placeOf(realFolder: string): string {
  return createHash('sha256').update(realFolder).digest('hex').slice(0, 32);
}

/** Writes the record whole and durably into a new file at `path`, with that file's inode in it. */
async function writeRecord(path: string, record: LockRecord): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    const inode = (await handle.stat({ bigint: true })).ino.toString();
    await handle.writeFile(`${JSON.stringify({ ...record, inode })}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes the record under a random name beside the lock; returns that name. */
async function writeCandidate(folder: string, record: LockRecord): Promise<string> {
  const path = join(folder, `.${LOCK_FILE}.${randomBytes(8).toString('hex')}.tmp`);
  await writeRecord(path, record);
  return path;
}

/**
 * Gives `path` the contents of `candidate` only if nothing has that name yet: true when it did.
 * A hard link is atomic and fails on any existing name (a symbolic link included), so the lock
 * is never seen half-written.
 */
async function createExclusively(candidate: string, path: string, record: LockRecord): Promise<boolean> {
  try {
    await link(candidate, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // Some file systems (FAT drives, some network shares) have no hard links: create it exclusively instead.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
  }
  try {
    // A file of its own, so the record names its inode.
    await writeRecord(path, record);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  return true;
}

/** Takes the lock of the project in `folder`, or throws a 'conflict' failure saying who holds it. */
export async function lockProject(folder: string, now: Date): Promise<ProjectLock> {
  const path = join(folder, LOCK_FILE);
  const record: LockRecord = { pid: process.pid, host: hostname(), since: now.toISOString(), token: randomUUID(), place: placeOf(await realpath(folder)) };
  const candidate = await writeCandidate(folder, record);
  try {
    for (const giveUpAt = Date.now() + PATIENCE_MS; Date.now() < giveUpAt; ) {
      if (await createExclusively(candidate, path, record)) return heldLock(path, record);
      const current = await readLock(path);
      if (!current) continue; // given back meanwhile: try again
      if (!cameAlong(current.holder, record)) refuseIfHeld(folder, path, current.holder, record);
      // Left by a process that is gone (or by this one, reopening): taken over by whoever claims it first.
      if (!(await takeOver(folder, path, current.fingerprint))) await delay(PAUSE_MS);
    }
    throw new WorkbenchFailure('conflict', `The project in ${folder} could not be locked: other programs kept taking its lock (${path}). Try again.`);
  } finally {
    await rm(candidate, { force: true });
  }
}

/**
 * True when a lock of this computer came with the folder from somewhere else (a copy, a move):
 * it was taken for another folder. A lock of another computer never counts as come along (its
 * file may be a synced copy of one still held there, under an inode of its own), and a lock
 * written by an older version records no place, and is judged by its holder alone.
 */
function cameAlong(holder: LockRecord | null, own: LockRecord): boolean {
  if (!holder || holder.host !== own.host) return false;
  return holder.place !== undefined && holder.place !== own.place;
}

/** Throws the 'conflict' failure when the lock belongs to a program that is still running. */
function refuseIfHeld(folder: string, path: string, holder: LockRecord | null, own: LockRecord): void {
  if (holder && holder.host !== own.host) {
    throw new WorkbenchFailure(
      'conflict',
      `The project in ${folder} is open on another computer (${holder.host}, since ${holder.since}). Close it there first: ` +
        `two programs writing one project would overwrite each other's work. If it is closed there, or that computer stopped without closing it, ` +
        `or this folder is a copy made while it was open there, delete ${path} and open the project again.`,
    );
  }
  if (holder && holder.pid !== process.pid && isRunning(holder.pid)) {
    throw new WorkbenchFailure(
      'conflict',
      `The project in ${folder} is open in another Annotation Workbench (process ${holder.pid}, since ${holder.since}): ` +
        `the app, the browser preview or the command line. Close it there first: two programs writing one project would overwrite each other's work.`,
    );
  }
}

/**
 * Removes the stale lock whose bytes have `fingerprint`, if this program is the one to claim it;
 * false when another program holds the claim.
 * The claim file is created exclusively, so of several programs that saw the same stale lock one
 * removes it; the lock is read again under the claim, so a lock made meanwhile is never removed.
 */
async function takeOver(folder: string, path: string, fingerprint: string): Promise<boolean> {
  const claim = join(folder, `.${LOCK_FILE}.takeover-${fingerprint}`);
  let handle;
  try {
    handle = await open(claim, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    await releaseAbandonedClaim(claim);
    return false; // another program is taking it over: the next round sees its lock
  }
  try {
    await handle.writeFile(`${JSON.stringify({ pid: process.pid, host: hostname() })}\n`);
    await handle.close();
    handle = null;
    const current = await readLock(path);
    if (current?.fingerprint === fingerprint) await rm(path, { force: true });
    return true;
  } finally {
    await handle?.close();
    await rm(claim, { force: true });
  }
}

/**
 * A claim left by a program killed in the middle of a takeover would block every later start:
 * it is removed once its program is gone. A claim still being written (no pid yet) is left.
 */
async function releaseAbandonedClaim(claim: string): Promise<void> {
  let owner: { pid?: unknown; host?: unknown };
  try {
    owner = JSON.parse(await readRegularFile(claim, LOCK_MAX_BYTES)) as typeof owner;
  } catch {
    return;
  }
  if (typeof owner.pid === 'number' && owner.host === hostname() && !isRunning(owner.pid)) await rm(claim, { force: true });
}

function heldLock(path: string, record: LockRecord): ProjectLock {
  return {
    async release() {
      const current = await readLock(path);
      if (current?.holder?.token === record.token) await rm(path, { force: true });
    },
  };
}
