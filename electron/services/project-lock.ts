/**
 * One program at a time on a project folder. The app, the browser preview and the command line
 * all write the same project file and journal; two of them at once would overwrite each other's
 * work. Opening a project takes `project.lock` (created exclusively, naming the process, the
 * machine and a token); a lock whose process is gone (a crash, a power cut) is taken over; a lock
 * of a running process, or of another machine (a project on a network drive), is refused with a
 * message that says what to do. Closing gives the lock back.
 */
import { randomUUID } from 'node:crypto';
import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { WorkbenchFailure } from '../../shared/result';
import { writeFileDurably } from './atomic-write';

export const LOCK_FILE = 'project.lock';

interface LockRecord {
  pid: number;
  host: string;
  since: string;
  token: string;
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

async function readLock(path: string): Promise<LockRecord | null> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<LockRecord>;
    return typeof value.pid === 'number' && typeof value.host === 'string' ? (value as LockRecord) : null;
  } catch {
    return null;
  }
}

/** Takes the lock of the project in `folder`, or throws a 'conflict' failure saying who holds it. */
export async function lockProject(folder: string, now: Date): Promise<ProjectLock> {
  const path = join(folder, LOCK_FILE);
  const record: LockRecord = { pid: process.pid, host: hostname(), since: now.toISOString(), token: randomUUID() };
  const text = `${JSON.stringify(record)}\n`;
  try {
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = await readLock(path);
    if (holder && holder.host !== record.host) {
      throw new WorkbenchFailure(
        'conflict',
        `The project in ${folder} is open on another computer (${holder.host}, since ${holder.since}). Close it there first: ` +
          `two programs writing one project would overwrite each other's work. If that computer stopped without closing it, delete ${path}.`,
      );
    }
    if (holder && holder.pid !== process.pid && isRunning(holder.pid)) {
      throw new WorkbenchFailure(
        'conflict',
        `The project in ${folder} is open in another Annotation Workbench (process ${holder.pid}, since ${holder.since}): ` +
          `the app, the browser preview or the command line. Close it there first: two programs writing one project would overwrite each other's work.`,
      );
    }
    // Left by a process that is gone (or by this one, reopening): taken over.
    await writeFileDurably(path, text);
  }
  return {
    async release() {
      const current = await readLock(path);
      if (current?.token === record.token) await rm(path, { force: true });
    },
  };
}
