import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, readJournal } from '../../electron/project/journal';
import { SaveLoop } from '../../electron/project/save-loop';
import { tempFolder } from '../support/temp';

type Line = { seq: number };

/** A promise and the function that settles it: a snapshot write the test lets finish when it wants. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const seqs = async (file: string) => (await readJournal<Line>(file, (json) => json as Line)).records.map((r) => r.seq);

describe('the journal while the project file is rewritten', () => {
  it('goes on taking appends, and then keeps exactly the lines appended since the rewrite began', async () => {
    const journal = new Journal<Line>(join(await tempFolder(), 'project.journal'));
    await journal.create();
    await journal.append([{ seq: 1 }, { seq: 2 }]);
    const snapshot = gate();
    let snapshotStarted = false;
    const compacting = journal.compact(async () => {
      snapshotStarted = true;
      await snapshot.opened;
    });
    expect(snapshotStarted).toBe(true);
    // Acknowledged while the snapshot is still being written.
    await journal.append([{ seq: 3 }]);
    await journal.append([{ seq: 4 }]);
    expect(await seqs(journal.file)).toEqual([1, 2, 3, 4]);
    snapshot.open();
    await compacting;
    expect(await seqs(journal.file)).toEqual([3, 4]);
    expect(journal.length).toBe(2);
    await journal.append([{ seq: 5 }]);
    expect(await seqs(journal.file)).toEqual([3, 4, 5]);
  });

  it('is left whole when the rewrite fails', async () => {
    const journal = new Journal<Line>(join(await tempFolder(), 'project.journal'));
    await journal.create();
    await journal.append([{ seq: 1 }]);
    await expect(journal.compact(async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    await journal.append([{ seq: 2 }]);
    expect(await seqs(journal.file)).toEqual([1, 2]);
  });

  it('starts one rewrite at a time, however many steps arrive while one is under way', async () => {
    const folder = await tempFolder();
    const journal = new Journal<Line>(join(folder, 'project.journal'));
    await journal.create();
    const snapshot = gate();
    let rewrites = 0;
    const loop = new SaveLoop(join(folder, 'project.json'), journal, async () => {
      rewrites++;
      await snapshot.opened;
    }, 60_000, () => 3);
    for (let seq = 1; seq <= 3; seq++) await loop.commit({ op: 'undo', seq });
    expect(rewrites).toBe(1);
    // Twenty more steps, acknowledged while the rewrite waits, start no second one.
    await Promise.all(Array.from({ length: 20 }, (_, i) => loop.commit({ op: 'undo', seq: 4 + i })));
    expect(rewrites).toBe(1);
    snapshot.open();
    await journal.settled();
    expect((await readFile(journal.file, 'utf8')).trim().split('\n')).toHaveLength(20);
    await loop.stop();
  });
});
