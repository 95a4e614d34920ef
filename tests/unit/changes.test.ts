import { describe, expect, it } from 'vitest';
import { applyChanges, HISTORY_LIMIT, recordDone } from '../../shared/edits/changes';
import { type Action, type Change, type History } from '../../shared/model/changes';
import type { CodedSegment } from '../../shared/model/segments';
import { codedSegment } from '../support/builders';

const segment = (id: string, codeId = 'opinion'): CodedSegment => codedSegment({ id, codeId });

describe('applying changes', () => {
  it('does an action forward and takes it back backward, in reverse order', () => {
    const project = { segments: [segment('a'), segment('b')], codes: [], documents: [] };
    const changes = [
      { kind: 'segment' as const, id: 'c', before: null, after: segment('c') },
      { kind: 'segment' as const, id: 'a', before: segment('a'), after: segment('a', 'factual-claim') },
      { kind: 'segment' as const, id: 'b', before: segment('b'), after: null },
    ];
    applyChanges(project, changes, 'forward');
    expect(project.segments.map((s) => [s.id, s.codeId])).toEqual([
      ['a', 'factual-claim'],
      ['c', 'opinion'],
    ]);
    applyChanges(project, changes, 'backward');
    expect(project.segments.map((s) => [s.id, s.codeId]).sort()).toEqual([
      ['a', 'opinion'],
      ['b', 'opinion'],
    ]);
  });

  it('applies a large action (many changes to one list) exactly as the same changes one at a time', () => {
    // A fixed pseudo-random mix of additions, replacements, removals and re-additions.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const start = Array.from({ length: 300 }, (_, i) => segment(`s${i}`));
    const changes: Change[] = [];
    const live = new Map(start.map((s) => [s.id, s]));
    for (let i = 0; i < 2000; i++) {
      const id = `s${Math.floor(next() * 400)}`;
      const before = live.get(id) ?? null;
      const after = next() < 0.3 ? null : segment(id, next() < 0.5 ? 'opinion' : 'factual-claim');
      if (!before && !after) continue;
      changes.push({ kind: 'segment', id, before, after });
      if (after) live.set(id, after);
      else live.delete(id);
    }
    const together = { segments: [...start], codes: [], documents: [] };
    const oneByOne = { segments: [...start], codes: [], documents: [] };
    applyChanges(together, changes, 'forward');
    for (const change of changes) applyChanges(oneByOne, [change], 'forward');
    expect(together.segments).toEqual(oneByOne.segments);
    applyChanges(together, changes, 'backward');
    for (const change of [...changes].reverse()) applyChanges(oneByOne, [change], 'backward');
    expect(together.segments).toEqual(oneByOne.segments);
    expect([...together.segments].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...start].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it(`keeps the last ${HISTORY_LIMIT} actions and forgets what was undone once something new is done`, () => {
    const history: History = { done: [], undone: [] };
    const action = (n: number): Action => ({ id: String(n), label: `action ${n}`, at: '2026-01-01T00:00:00.000Z', changes: [] });
    for (let n = 0; n < HISTORY_LIMIT + 5; n++) recordDone(history, action(n));
    expect(history.done).toHaveLength(HISTORY_LIMIT);
    expect(history.done[0].id).toBe('5');
    history.undone.push({ ...history.done.pop()!, changes: [] });
    recordDone(history, action(999));
    expect(history.undone).toEqual([]);
  });
});
