import { describe, expect, it } from 'vitest';
import { codePassage, codePassages, moveBounds, recode } from '../../shared/edits/segments';
import { type ProjectState } from '../../shared/model/project';
import { projectState } from '../support/builders';

const text = 'Shelling resumed at dawn. Residents fled.';
const now = '2026-03-01T00:00:00.000Z';
let n = 0;
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const state = (coder: string, segments: ProjectState['segments'] = []): ProjectState => projectState({ coder, segments });
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

describe('white space at the edges of coded segments', () => {
  const paragraphs = 'Opening line.\n\nAs the struggle for land goes on,\nfew leave.\n';
  const from = paragraphs.indexOf('\n\n') + 1; // the blank line before the paragraph

  it('codes a selection that starts on a blank line without the line break, and says so in the label', () => {
    const { segment, label } = codePassage(state('ana'), { id: newId(), codeId: 'opinion', documentId: 'd', start: from, end: paragraphs.length }, paragraphs, now);
    expect(segment.quote).toBe('As the struggle for land goes on,\nfew leave.');
    expect(paragraphs.slice(segment.start, segment.end)).toBe(segment.quote);
    expect(label).toBe('Code “As the struggle for land goes on, few…” as opinion');
  });

  it('trims a moved boundary, and refuses a move that leaves the segment as it was', () => {
    const segment = codePassage(state('ana'), { id: newId(), codeId: 'opinion', documentId: 'd', start: paragraphs.indexOf('As'), end: paragraphs.indexOf(' for') }, paragraphs, now).segment;
    const edit = moveBounds(state('ana', [segment]), { segmentId: segment.id, start: from, end: paragraphs.indexOf('for land') + 4 }, paragraphs, now);
    const after = edit.changes[0].kind === 'segment' ? edit.changes[0].after : null;
    // From the blank line to the space after "for": the line breaks and the space are left out.
    expect(after?.quote).toBe('As the struggle for');
    expect(after).toMatchObject({ start: paragraphs.indexOf('As'), end: paragraphs.indexOf(' land') });
    expect(edit.label).toBe('Adjust “As the struggle” to “As the struggle for”');
    expect(() => moveBounds(state('ana', [segment]), { segmentId: segment.id, start: from, end: paragraphs.indexOf(' for') + 1 }, paragraphs, now)).toThrow(/already covers/);
  });

  it('trims the passages coded from search hits, and counts a trimmed hit once', () => {
    const hits = new Map([['d', paragraphs]]);
    const spans = [
      { documentId: 'd', start: paragraphs.indexOf('\nfew'), end: paragraphs.indexOf('\nfew') + 4 },
      { documentId: 'd', start: paragraphs.indexOf('few'), end: paragraphs.indexOf('few') + 3 },
    ];
    const edit = codePassages(state('ana'), { codeId: 'opinion', spans, label: 'Code 2' }, hits, now, newId);
    expect(edit.changes.map((c) => (c.kind === 'segment' ? c.after?.quote : null))).toEqual(['few']);
  });
});

describe('long document titles in the labels of actions', () => {
  it('cuts a paragraph-long title in the label, and keeps the title itself whole', async () => {
    const { updateDocument } = await import('../../shared/edits/documents');
    const long = `The ${'very '.repeat(90)}long first paragraph`;
    const document = { id: 'd', title: long, file: 'd.txt', sha256: '0'.repeat(64), byteLength: 1, length: 1, codePointLength: 1, addedAt: now, memo: '', source: null, values: {} };
    const edit = updateDocument({ ...state('ana'), documents: [document] }, { documentId: 'd', memo: 'Read again.' });
    expect(edit.label).toBe(`Edit the memo of “The ${'very '.repeat(14)}very…”`);
    expect(edit.changes[0].after).toMatchObject({ title: long });
  });
});
