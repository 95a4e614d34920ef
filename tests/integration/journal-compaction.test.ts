import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, readJournal } from '../../electron/project/journal';
import { SaveLoop } from '../../electron/project/save-loop';
import { projectChunks } from '../../electron/project/project-persistence';
import { checkProjectFile, type ProjectFile } from '../../shared/model/project-schema';
import { openProject, segmentInput } from '../support/project';
import { tempFolder } from '../support/temp';
import { segmentsInFile } from '../support/project-file';
import type { SegmentRows } from '../../shared/model/segment-rows';

type Line = { seq: number };
/** A journal record of these tests: an object with a `seq`. */
const checkLine = (json: unknown) => (typeof json === 'object' && json && 'seq' in json ? (json as Line) : null);

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

describe('an append that fails while the project file is rewritten', () => {
  it('leaves no step missing from both the project file and the journal', async () => {
    const folder = await tempFolder();
    const journal = new Journal<Line>(join(folder, 'project.journal'));
    await journal.create();
    // The steps applied in memory, and what the last rewrite of the project file held.
    const state: number[] = [];
    let snapshot: number[] = [];
    const first = gate();
    let rewrites = 0;
    const loop = new SaveLoop(join(folder, 'project.json'), journal, async () => {
      rewrites++;
      const held = [...state];
      if (rewrites === 1) await first.opened;
      snapshot = held;
    }, 60_000, () => 3);
    const step = async (seq: number) => {
      state.push(seq);
      await loop.commit({ op: 'undo', seq });
    };
    for (let seq = 1; seq <= 3; seq++) await step(seq);
    expect(rewrites).toBe(1);
    // Step 4 is made while the rewrite (which began before it) is under way, and its append fails.
    const append = journal.append.bind(journal);
    journal.append = () => {
      journal.append = append;
      return Promise.reject(Object.assign(new Error('i/o error'), { code: 'EIO' }));
    };
    await expect(step(4)).rejects.toThrow('Could not save');
    first.open();
    await loop.settled();
    expect(loop.error).toBeNull();
    await step(5);
    const journalled = (await readJournal<{ seq: number }>(journal.file, (json) => json as { seq: number })).records.map((r) => r.seq);
    // Replaying the journal on the project file gives every step, none skipped.
    expect([...snapshot, ...journalled.filter((seq) => !snapshot.includes(seq))]).toEqual([1, 2, 3, 4, 5]);
    await loop.stop();
  });
});

describe('a journal of large steps', () => {
  it('has the project file rewritten once its bytes pass the limit, however few lines it has', async () => {
    const folder = await tempFolder();
    const journal = new Journal<Line>(join(folder, 'project.journal'));
    await journal.create();
    let rewrites = 0;
    // A line limit never reached, and a byte limit of about three lines.
    const loop = new SaveLoop(join(folder, 'project.json'), journal, async () => void rewrites++, 60_000, () => 1000, () => 80);
    for (let seq = 1; seq <= 2; seq++) await loop.commit({ op: 'undo', seq });
    expect(rewrites).toBe(0);
    expect(journal.bytes).toBe(Buffer.byteLength((await readFile(journal.file, 'utf8'))));
    for (let seq = 3; seq <= 4; seq++) await loop.commit({ op: 'undo', seq });
    await loop.settled();
    expect(rewrites).toBe(1);
    expect(journal.bytes).toBe(0);
    await loop.stop();
  });

  it('is read piece by piece into the same records, skipping a damaged line and a torn last one', async () => {
    const file = join(await tempFolder(), 'project.journal');
    const lines = [{ seq: 1, text: 'Straße – 東京 🙂' }, 'not json', { seq: 2, text: 'ü'.repeat(50) }, { seq: 3, text: '' }];
    const text = lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n{"seq": 4, "te';
    await writeFile(file, text);
    const whole = await readJournal(file, checkLine);
    expect(whole).toEqual({ records: [lines[0], lines[2], lines[3]], damagedLines: [2], readBeforeDamage: 1 });
    // Pieces of a few bytes split lines and characters anywhere.
    for (const pieceBytes of [1, 2, 3, 7, 64]) expect(await readJournal(file, checkLine, pieceBytes)).toEqual(whole);
    expect(await readJournal(join(file, '..', 'missing.journal'), checkLine, 3)).toEqual({ records: [], damagedLines: [], readBeforeDamage: 0 });
  });

  it('counts a line whose bytes are not UTF-8 as damaged, rather than reading U+FFFD into a quote that would be saved', async () => {
    const file = join(await tempFolder(), 'project.journal');
    const good = JSON.stringify({ seq: 1, text: 'Straße' });
    // The second record's "ß" with its second byte lost: valid JSON once decoded leniently.
    const broken = Buffer.from(JSON.stringify({ seq: 2, text: 'Straße' }), 'utf8');
    const torn = Buffer.concat([broken.subarray(0, broken.indexOf(0xc3) + 1), broken.subarray(broken.indexOf(0xc3) + 2)]);
    expect(JSON.parse(torn.toString('utf8')).text).toBe('Stra\ufffde');
    await writeFile(file, Buffer.concat([Buffer.from(`${good}\n`), torn, Buffer.from('\n')]));
    for (const pieceBytes of [3, 1 << 20]) {
      expect(await readJournal(file, checkLine, pieceBytes)).toEqual({ records: [{ seq: 1, text: 'Straße' }], damagedLines: [2], readBeforeDamage: 1 });
    }
  });
});

describe('the project file written in chunks', () => {
  it('holds the project as it was when the write began, whatever is done while the chunks are made', async () => {
    const { store } = await openProject();
    const document = store.documents[0]!;
    const text = await store.text(document.id);
    const [one, two, three] = [...new Set(text.split(/\s+/).filter((word) => /^\p{L}{6,}$/u.test(word)))];
    for (const words of [one!, two!]) await store.addSegment(segmentInput(document.id, text, words));
    const before = JSON.parse(JSON.stringify(store.state)) as unknown;
    const chunks = projectChunks(store.state as ProjectFile)[Symbol.iterator]();
    const first = chunks.next().value as string;
    // A step made after the write began, then one taken back: neither reaches these chunks.
    const later = await store.addSegment(segmentInput(document.id, text, three!));
    await store.undo();
    await store.undo();
    let json = first;
    for (let next = chunks.next(); !next.done; next = chunks.next()) json += next.value;
    const written = JSON.parse(json) as { segments: SegmentRows };
    expect({ ...written, segments: segmentsInFile(written) }).toEqual(before);
    expect(segmentsInFile(written).map((s) => s.id)).not.toContain(later.id);
    expect(checkProjectFile(written).ok).toBe(true);
    await store.close();
  });
});
