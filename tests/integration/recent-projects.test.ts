/**
 * The recent list's file in the user data folder: Clear Recent empties it in one write (each write
 * is a durable, atomic replacement of the file), and the project open stays the one opened next.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeFileDurably } from '../../electron/project/atomic-write';
import { RECENT_FILE, RecentProjects } from '../../electron/services/recent-projects';
import { tempFolder } from '../support/temp';

vi.mock('../../electron/project/atomic-write', async (original) => {
  const real = await original<typeof import('../../electron/project/atomic-write')>();
  return { ...real, writeFileDurably: vi.fn(real.writeFileDurably) };
});

describe('Clear Recent', () => {
  it('empties the list in one write, and keeps the project open for the next start', async () => {
    const userData = await tempFolder();
    const recent = await RecentProjects.load(userData);
    for (let n = 1; n <= 10; n++) await recent.opened(join(userData, `study ${n}`), `Study ${n}`, new Date(2026, 0, n));
    const writes = vi.mocked(writeFileDurably);
    writes.mockClear();

    await recent.clear();
    expect(writes).toHaveBeenCalledTimes(1);
    expect(await recent.list()).toEqual([]);
    const again = await RecentProjects.load(userData);
    expect(await again.list()).toEqual([]);
    expect(again.lastOpen).toBe(join(userData, 'study 10'));
    expect(JSON.parse(await readFile(join(userData, RECENT_FILE), 'utf8')).projects).toEqual([]);
  });
});
