import { describe, expect, it } from 'vitest';
import { applyChanges, HISTORY_LIMIT, recordDone, type Action, type History } from '../../shared/changes';
import type { CodedSegment } from '../../shared/segments';

const segment = (id: string, codeId = 'opinion'): CodedSegment => ({
  id,
  documentId: 'd',
  codeId,
  start: 0,
  end: 1,
  quote: 'x',
  coder: 'c',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  memo: '',
});

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

  it(`keeps the last ${HISTORY_LIMIT} actions and forgets what was undone once something new is done`, () => {
    const history: History = { done: [], undone: [] };
    const action = (n: number): Action => ({ id: String(n), label: `action ${n}`, at: '2026-01-01T00:00:00.000Z', changes: [] });
    for (let n = 0; n < HISTORY_LIMIT + 5; n++) recordDone(history, action(n));
    expect(history.done).toHaveLength(HISTORY_LIMIT);
    expect(history.done[0].id).toBe('5');
    history.undone.push(history.done.pop()!);
    recordDone(history, action(999));
    expect(history.undone).toEqual([]);
  });
});
