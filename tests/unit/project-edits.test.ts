import { describe, expect, it } from 'vitest';
import { DEFAULT_CODES } from '../../shared/codebook';
import { codePassage, codePassages, recode, type ProjectState } from '../../shared/project-edits';

const text = 'Shelling resumed at dawn. Residents fled.';
const now = '2026-03-01T00:00:00.000Z';
let n = 0;
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const state = (coder: string, segments: ProjectState['segments'] = []): ProjectState => ({ codes: DEFAULT_CODES, segments, documents: [], variables: [], coder });
const texts = new Map([['d', text]]);
const span = (words: string) => ({ documentId: 'd', start: text.indexOf(words), end: text.indexOf(words) + words.length });

describe('edits of coded segments', () => {
  it('codes a passage in the name of the current coder, and refuses an empty or white-space selection', () => {
    const { segment, label } = codePassage(state('ana'), { id: newId(), codeId: 'opinion', ...span('Residents fled') }, text, now);
    expect(segment).toMatchObject({ quote: 'Residents fled', coder: 'ana', createdAt: now, memo: '' });
    expect(label).toBe('Code “Residents fled” as opinion');
    expect(() => codePassage(state('ana'), { id: newId(), codeId: 'opinion', documentId: 'd', start: 25, end: 26 }, text, now)).toThrow(/white space/);
    expect(() => codePassage(state('ana'), { id: newId(), codeId: 'nope', ...span('Residents') }, text, now)).toThrow(/no code nope/);
  });

  it("codes many passages, skipping those the current coder already coded with the code but not another coder's", () => {
    const first = codePassage(state('bea'), { id: newId(), codeId: 'factual-claim', ...span('Shelling resumed') }, text, now).segment;
    const mine = codePassage(state('ana'), { id: newId(), codeId: 'factual-claim', ...span('Residents fled') }, text, now).segment;
    const edit = codePassages(state('ana', [first, mine]), { codeId: 'factual-claim', spans: [span('Shelling resumed'), span('Residents fled')], label: 'Code 2' }, texts, now, newId);
    expect(edit.changes.map((c) => (c.kind === 'segment' ? [c.after?.quote, c.after?.coder] : null))).toEqual([['Shelling resumed', 'ana']]);
    expect(() => codePassages(state('ana', [mine]), { codeId: 'factual-claim', spans: [span('Residents fled')], label: 'x' }, texts, now, newId)).toThrow(/already coded as factual claim/);
  });

  it('recodes a segment, and does nothing when it already has the code', () => {
    const segment = codePassage(state('ana'), { id: newId(), codeId: 'opinion', ...span('dawn') }, text, now).segment;
    expect(recode(state('ana', [segment]), { segmentId: segment.id, codeId: 'opinion' }, now)).toBeNull();
    expect(recode(state('ana', [segment]), { segmentId: segment.id, codeId: 'call-to-action' }, now)!.segment.codeId).toBe('call-to-action');
  });
});
