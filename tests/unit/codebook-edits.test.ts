import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../shared/edits/changes';
import { codePath, DEFAULT_CODES, type Code } from '../../shared/model/codebook';
import { addCode, blankCodeFields, codeUsage, deleteCode, importCodebook, mergeCodes, moveCode, updateCode } from '../../shared/edits/codebook';
import { codebookFile } from '../../shared/exchange/codebook-file';
import { type Edit } from '../../shared/model/changes';
import { WorkbenchFailure } from '../../shared/model/failure';
import type { CodedSegment } from '../../shared/model/segments';
import { codedSegment } from '../support/builders';

const NOW = '2026-02-02T00:00:00.000Z';
const fields = (name: string, parentId: string | null = null): Omit<Code, 'id'> => ({ ...blankCodeFields(name, '#117733'), parentId });
const segment = (id: string, codeId: string, start: number, end: number, documentId = 'd1'): CodedSegment =>
  codedSegment({ id, documentId, codeId, start, end, quote: 'q', coder: 'ana' });

function project() {
  const state = { codes: DEFAULT_CODES.map((c) => ({ ...c })), segments: [] as CodedSegment[], documents: [] };
  const apply = (edit: Edit) => applyChanges(state, edit.changes, 'forward');
  const undo = (edit: Edit) => applyChanges(state, edit.changes, 'backward');
  return { state, apply, undo };
}

const failureOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error as WorkbenchFailure;
  }
  throw new Error('expected a failure');
};

describe('codebook edits', () => {
  it('adds nested codes and gives each its full path', () => {
    const { state, apply } = project();
    apply(addCode(state, 'c-casualties', fields('casualties', 'factual-claim')));
    apply(addCode(state, 'c-civilian', fields('civilian', 'c-casualties')));
    expect(codePath(state.codes, 'c-civilian')).toBe('factual claim / casualties / civilian');
    expect(codebookFile(state.codes).codes.at(-1)).toMatchObject({ id: 'c-civilian', path: 'factual claim / casualties / civilian' });
  });

  it('refuses an empty name, a twin among siblings, a taken key and a code under its own sub-code', () => {
    const { state, apply } = project();
    apply(addCode(state, 'c-a', fields('a')));
    apply(addCode(state, 'c-b', fields('b', 'c-a')));
    expect(failureOf(() => addCode(state, 'c-x', fields('  '))).message).toMatch(/needs a name/);
    expect(failureOf(() => addCode(state, 'c-x', fields('Opinion'))).message).toMatch(/already a code “opinion”/);
    expect(failureOf(() => updateCode(state, 'c-a', { key: '2' })).message).toMatch(/key 2 already codes “opinion”/);
    expect(failureOf(() => updateCode(state, 'c-a', { parentId: 'c-b' })).message).toMatch(/cannot sit under itself/);
    expect(failureOf(() => updateCode(state, 'c-a', { colour: 'red' })).code).toBe('invalid-input');
    expect(failureOf(() => updateCode(state, 'c-a', { key: '.' })).message).toMatch(/repeats the last code/);
  });

  it('renames, recolours, sets a key and reorders, each undoable', () => {
    const { state, apply, undo } = project();
    const rename = updateCode(state, 'opinion', { name: 'evaluation', colour: '#882255', key: '9' });
    apply(rename);
    expect(rename.label).toBe('Rename “opinion” to “evaluation”');
    expect(state.codes[1]).toMatchObject({ name: 'evaluation', colour: '#882255', key: '9' });
    const move = moveCode(state, 'call-to-action', 0);
    apply(move);
    expect(state.codes.map((c) => c.id)).toEqual(['call-to-action', 'factual-claim', 'opinion']);
    undo(move);
    undo(rename);
    expect(state.codes).toEqual(DEFAULT_CODES);
  });

  it('merges a code into another: segments move, duplicates on the same span collapse, sub-codes follow', () => {
    const { state, apply, undo } = project();
    apply(addCode(state, 'c-sub', fields('sub', 'opinion')));
    state.segments.push(
      segment('s1', 'opinion', 0, 5),
      segment('s2', 'factual-claim', 0, 5), // same span as s1: s1 collapses into it
      segment('s3', 'opinion', 10, 20),
      segment('s4', 'factual-claim', 30, 40),
    );
    const before = structuredClone(state);
    const merge = mergeCodes(state, 'opinion', 'factual-claim', NOW);
    apply(merge);
    expect(state.codes.map((c) => c.id)).toEqual(['factual-claim', 'call-to-action', 'c-sub']);
    expect(state.codes.find((c) => c.id === 'c-sub')?.parentId).toBe('factual-claim');
    expect(state.segments.map((s) => [s.id, s.codeId]).sort()).toEqual([
      ['s2', 'factual-claim'],
      ['s3', 'factual-claim'],
      ['s4', 'factual-claim'],
    ]);
    expect(state.segments.find((s) => s.id === 's3')?.updatedAt).toBe(NOW);
    undo(merge);
    expect(state.segments.map((s) => [s.id, s.codeId]).sort()).toEqual(before.segments.map((s) => [s.id, s.codeId]).sort());
    expect(state.codes).toEqual(before.codes); // in the same order too
  });

  it('deletes a code with its segments, or moving them to another code; sub-codes move up', () => {
    const { state, apply } = project();
    apply(addCode(state, 'c-sub', fields('sub', 'opinion')));
    state.segments.push(segment('s1', 'opinion', 0, 5), segment('s2', 'opinion', 6, 9), segment('s3', 'c-sub', 1, 2));
    expect(codeUsage(state, 'opinion')).toEqual({ segments: 2, subcodes: 1 });

    const removing = deleteCode(structuredClone(state), 'opinion', { segments: 'remove' }, NOW);
    expect(removing.label).toBe('Delete code “opinion” and its 2 segments');
    const copy = structuredClone(state);
    applyChanges(copy, removing.changes, 'forward');
    expect(copy.segments.map((s) => s.id)).toEqual(['s3']);
    expect(copy.codes.find((c) => c.id === 'c-sub')?.parentId).toBeNull();

    const moving = deleteCode(state, 'opinion', { segments: 'move', to: 'call-to-action' }, NOW);
    apply(moving);
    expect(moving.label).toBe('Delete code “opinion”, its segments moved to “call to action”');
    expect(state.segments.map((s) => [s.id, s.codeId])).toEqual([
      ['s1', 'call-to-action'],
      ['s2', 'call-to-action'],
      ['s3', 'c-sub'],
    ]);
    expect(state.codes.some((c) => c.id === 'opinion')).toBe(false);
  });

  it('lists codes in tree order with their depth', async () => {
    const { codeTree } = await import('../../shared/model/codebook');
    const { state, apply } = project();
    apply(addCode(state, 'c-b', fields('b', 'opinion')));
    apply(addCode(state, 'c-c', fields('c', 'c-b')));
    apply(addCode(state, 'c-top', fields('top')));
    expect(codeTree(state.codes).map(({ code, depth }) => `${depth}:${code.id}`)).toEqual([
      '0:factual-claim',
      '0:opinion',
      '1:c-b',
      '2:c-c',
      '0:call-to-action',
      '0:c-top',
    ]);
  });

  it('round-trips a codebook through its file', () => {
    const source = project();
    source.apply(addCode(source.state, 'c-parent', { ...fields('parent'), definition: 'Def', example: 'Ex' }));
    source.apply(addCode(source.state, 'c-child', { ...fields('child', 'c-parent'), key: '7' }));
    const file = JSON.parse(JSON.stringify(codebookFile(source.state.codes)));
    const target = project();
    target.apply(updateCode(target.state, 'opinion', { key: null }));
    // In the file, the child comes before its parent: the import must still put parents first.
    file.codes.reverse();
    const imported = importCodebook(target.state, file.codes.map(({ path: _p, ...code }: Code & { path: string }) => code));
    target.apply(imported);
    expect(imported.notes).toEqual([]);
    const sorted = (codes: Code[]) => [...codes].sort((a, b) => a.id.localeCompare(b.id));
    expect(sorted(target.state.codes)).toEqual(sorted(source.state.codes));
  });

  it('leaves off an imported key that another code holds, and says so', () => {
    const { state, apply } = project();
    const imported = importCodebook(state, [{ ...fields('new'), id: 'c-new', key: '1' }]);
    apply(imported);
    expect(imported.notes).toEqual(['The key 1 stays with “factual claim”; “new” was imported without a key.']);
    expect(state.codes.find((c) => c.id === 'c-new')?.key).toBeNull();
  });
});
