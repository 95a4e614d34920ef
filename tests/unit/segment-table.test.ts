import { describe, expect, it } from 'vitest';
import { applyChanges, recordDone, redoLast, undoLast } from '../../shared/edits/changes';
import { indexSegments, segmentsOfDocument, segmentTableOf, segmentWithId } from '../../shared/model/segment-table';
import type { Action, Change, History } from '../../shared/model/changes';
import type { CodedSegment } from '../../shared/model/segments';
import { replay, type JournalRecord } from '../../electron/project/project-persistence';
import type { ProjectFile } from '../../shared/model/project-schema';
import { codedSegment } from '../support/builders';

type Project = { segments: CodedSegment[]; codes: []; documents: []; history: History };

function emptyProject(): Project {
  return { segments: [], codes: [], documents: [], history: { done: [], undone: [] } };
}

/** The project's segments as a plain scan sees them, and as the index answers for each id and document. */
function expectInStep(indexed: Project, plain: Project): void {
  expect(indexed.segments).toEqual(plain.segments);
  const table = segmentTableOf(indexed)!;
  expect(table.size).toBe(plain.segments.length);
  for (const segment of plain.segments) expect(segmentWithId(indexed, segment.id)).toBe(table.get(segment.id));
  for (const segment of plain.segments) expect(segmentWithId(indexed, segment.id)).toEqual(segment);
  for (const documentId of ['d1', 'd2', 'd3']) {
    expect(segmentsOfDocument(indexed, documentId)).toEqual(plain.segments.filter((s) => s.documentId === documentId));
  }
  expect(indexed.history).toEqual(plain.history);
  // The counts per document and coder the overview reads, kept in step, against a plain count.
  const counted = new Map<string, Map<string, number>>();
  for (const segment of plain.segments) {
    const ofDocument = counted.get(segment.documentId) ?? new Map<string, number>();
    ofDocument.set(segment.coder, (ofDocument.get(segment.coder) ?? 0) + 1);
    counted.set(segment.documentId, ofDocument);
  }
  expect(table.coderCounts()).toEqual(counted);
}

describe('the segment index', () => {
  it('stays in step with a plain scan through a random run of actions, undos, redos and their replay', () => {
    let seed = 20261201;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const indexed = emptyProject();
    indexSegments(indexed);
    const plain = emptyProject();
    const replayed = { ...emptyProject(), journalSeq: 0 } as unknown as ProjectFile;
    // Its counts made before the steps: from then on they are kept in step, not made again.
    indexSegments(replayed).coderCounts();
    const journal: JournalRecord[] = [];
    let made = 0;
    for (let step = 0; step < 400; step++) {
      const roll = next();
      if (roll < 0.15) {
        const undone = undoLast(indexed);
        expect(undoLast(plain)).toEqual(undone);
        if (undone) journal.push({ op: 'undo', seq: journal.length + 1 });
      } else if (roll < 0.25) {
        const redone = redoLast(indexed);
        expect(redoLast(plain)).toEqual(redone);
        if (redone) journal.push({ op: 'redo', seq: journal.length + 1 });
      } else {
        // An action of one to twenty changes: additions, recodings, moves to another document, removals.
        const live = new Map(plain.segments.map((s) => [s.id, s]));
        const changes: Change[] = [];
        for (let n = 1 + Math.floor(next() * 20); n > 0; n--) {
          const existing = live.size && next() < 0.6 ? pick([...live.values()]) : null;
          const before = existing;
          let after: CodedSegment | null;
          if (!existing) after = codedSegment({ id: `s${made++}`, documentId: pick(['d1', 'd2', 'd3']), codeId: 'opinion', coder: pick(['ana', 'bea']) });
          else if (next() < 0.4) after = null;
          else after = { ...existing, codeId: pick(['opinion', 'factual-claim']), documentId: next() < 0.2 ? pick(['d1', 'd2', 'd3']) : existing.documentId };
          const id = (after ?? before)!.id;
          changes.push({ kind: 'segment', id, before, after });
          if (after) live.set(id, after);
          else live.delete(id);
        }
        const action: Action = { id: `a${step}`, label: `step ${step}`, at: '2026-01-01T00:00:00.000Z', changes };
        for (const project of [indexed, plain]) {
          applyChanges(project, changes, 'forward');
          recordDone(project.history, action);
        }
        journal.push({ op: 'do', seq: journal.length + 1, action });
      }
      if (step % 25 === 0) expectInStep(indexed, plain);
    }
    expectInStep(indexed, plain);
    for (const record of journal) replay(replayed, record);
    expectInStep(replayed as unknown as Project, plain);
  });

  it('keeps a changed segment in its place, puts a new one last and leaves the others in order when one goes', () => {
    const project = emptyProject();
    const table = indexSegments(project);
    for (const id of ['a', 'b', 'c']) table.put(id, codedSegment({ id }));
    table.put('b', codedSegment({ id: 'b', codeId: 'factual-claim' }));
    table.put('a', null);
    table.put('a', codedSegment({ id: 'a' }));
    expect(project.segments.map((s) => [s.id, s.codeId])).toEqual([
      ['b', 'factual-claim'],
      ['c', 'opinion'],
      ['a', 'opinion'],
    ]);
    // Set anew, the list fills the index.
    project.segments = [codedSegment({ id: 'z' })];
    expect(segmentWithId(project, 'z')?.id).toBe('z');
    expect(segmentWithId(project, 'a')).toBeUndefined();
  });
});
