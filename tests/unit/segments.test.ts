import { describe, expect, it } from 'vitest';
import { compareInTextOrder, countByCode, insertInTextOrder } from '../../shared/model/segments';
import { checkSelection } from '../../shared/text/selection';
import { WorkbenchFailure } from '../../shared/model/failure';

const failure = (f: () => void) => {
  try {
    f();
  } catch (error) {
    return error as WorkbenchFailure;
  }
  throw new Error('expected a failure');
};

describe('checkSelection', () => {
  const text = 'Words here\n\n  \u00A0\tand there 😀.';

  it('accepts a selection that holds words, across a paragraph break', () => {
    expect(() => checkSelection(text, 0, 20)).not.toThrow();
  });

  it('refuses an empty selection with a message', () => {
    const error = failure(() => checkSelection(text, 3, 3));
    expect(error.code).toBe('empty-selection');
    expect(error.message).toMatch(/Select a passage/);
  });

  it('refuses a selection of white space only (newlines, NBSP, tab)', () => {
    const error = failure(() => checkSelection(text, 10, 16));
    expect(error.code).toBe('empty-selection');
    expect(error.message).toMatch(/only white space/);
  });

  it('refuses a selection outside the text or through an emoji', () => {
    expect(failure(() => checkSelection(text, 0, 999)).code).toBe('invalid-input');
    const inside = text.indexOf('😀') + 1;
    expect(failure(() => checkSelection(text, 0, inside)).code).toBe('invalid-input');
  });
});

describe('segment order and counts', () => {
  const s = (id: string, start: number, end: number, codeId = 'opinion') => ({
    id,
    documentId: 'd',
    codeId,
    start,
    end,
    quote: '',
    coder: 'c',
    createdAt: '',
    updatedAt: '',
    memo: '',
    origin: 'manual' as const,
  });

  it('orders by start, then end, then id', () => {
    const sorted = [s('c', 5, 9), s('b', 0, 9), s('a', 0, 4), s('d', 0, 4)].sort(compareInTextOrder);
    expect(sorted.map((x) => x.id)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('inserts a segment in its place in text order', () => {
    const sorted = [s('a', 0, 4), s('b', 5, 9), s('c', 10, 12)];
    expect(insertInTextOrder(sorted, s('x', 5, 7)).map((x) => x.id)).toEqual(['a', 'x', 'b', 'c']);
    expect(insertInTextOrder(sorted, s('y', 20, 21)).map((x) => x.id)).toEqual(['a', 'b', 'c', 'y']);
    expect(insertInTextOrder([], s('z', 0, 1)).map((x) => x.id)).toEqual(['z']);
    expect(sorted.map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });

  it('counts per code', () => {
    expect(countByCode([s('a', 0, 1), s('b', 0, 1, 'factual-claim'), s('c', 0, 1)])).toEqual({ opinion: 2, 'factual-claim': 1 });
  });
});

describe('document titles', () => {
  it('is the first non-empty line, trimmed, past a BOM and blank lines', async () => {
    const { documentTitle } = await import('../../shared/text/short-text');
    expect(documentTitle('\uFEFF\n \u00A0\n  Title here  \nbody', 'file')).toBe('Title here');
    expect(documentTitle('\r\n\r\nCRLF title\r\nbody', 'file')).toBe('CRLF title');
    expect(documentTitle(' \n\t\n', 'fallback')).toBe('fallback');
  });

  it('cuts a first line longer than 80 characters at a word, with an ellipsis', async () => {
    const { documentTitle, shortTitle } = await import('../../shared/text/short-text');
    const paragraph = ' date 2023-11-08 Azerbaijan has initiated a military operation supported by artillery attacks in the region, and more.';
    const title = documentTitle(`${paragraph}\n\nBody.`, 'file');
    expect(title).toBe('date 2023-11-08 Azerbaijan has initiated a military operation supported by…');
    expect(title.length).toBeLessThanOrEqual(80);
    expect(shortTitle('Short title')).toBe('Short title');
    // One long word is cut inside it, never through an emoji.
    expect(shortTitle('x'.repeat(120))).toBe(`${'x'.repeat(79)}…`);
    // Counted in code points: an emoji is one character.
    expect(shortTitle('😀'.repeat(80))).toBe('😀'.repeat(80));
    expect(shortTitle('😀'.repeat(100))).toBe(`${'😀'.repeat(79)}…`);
    expect(shortTitle('A title, with words, cut here', 12)).toBe('A title…');
  });
});

describe('word boundaries', () => {
  it('widens a selection that starts or ends inside a word to the whole word', async () => {
    const { snapToWords } = await import('../../shared/text/selection');
    const text = 'The cease-fire held, they said. Café naïve 😀 end';
    const at = (words: string) => text.indexOf(words);
    expect(snapToWords(text, at('ase-fi'), at('ase-fi') + 6)).toEqual({ start: at('cease'), end: at('cease') + 'cease-fire'.length });
    expect(snapToWords(text, at('held'), at('held') + 4)).toEqual({ start: at('held'), end: at('held') + 4 });
    expect(snapToWords(text, at('afé'), at('naï') + 2)).toEqual({ start: at('Café'), end: at('naïve') + 5 });
  });

  it('moves a boundary by a character, or by a word, never inside an emoji', async () => {
    const { moveBoundary } = await import('../../shared/text/selection');
    const text = 'one two 😀 three';
    expect(moveBoundary(text, 0, 1, false)).toBe(1);
    expect(moveBoundary(text, 0, 1, true)).toBe(3); // to the end of "one"
    expect(moveBoundary(text, 3, 1, true)).toBe(7); // across the space, to the end of "two"
    expect(moveBoundary(text, 7, -1, true)).toBe(4); // back to the start of "two"
    const emoji = text.indexOf('😀');
    expect(moveBoundary(text, emoji, 1, false)).toBe(emoji + 2);
    expect(moveBoundary(text, emoji + 2, -1, false)).toBe(emoji);
    expect(moveBoundary(text, 0, -1, false)).toBe(0);
  });
});

describe('white space at the edges of a selection', () => {
  const text = 'First paragraph.\n\nAs the struggle for land\u00A0goes on \n\nLast.';
  const at = (words: string) => text.indexOf(words);

  it('leaves out line breaks, spaces and no-break spaces at both edges, and keeps those inside', async () => {
    const { trimSelection } = await import('../../shared/text/selection');
    // A keyboard selection from the blank line before the paragraph to past its end.
    const from = at('First paragraph.') + 'First paragraph.'.length + 1;
    const to = at('Last.');
    const trimmed = trimSelection(text, from, to);
    expect(text.slice(trimmed.start, trimmed.end)).toBe('As the struggle for land\u00A0goes on');
    expect(trimSelection(text, at('As'), at('As') + 2)).toEqual({ start: at('As'), end: at('As') + 2 });
    expect(trimSelection(text, from, from + 1)).toEqual({ start: from + 1, end: from + 1 });
  });

  it('moves an edge past white space, so that every step changes the coded text', async () => {
    const { moveSegmentEdge } = await import('../../shared/text/selection');
    const words = 'the struggle';
    const segment = { start: at(words), end: at(words) + words.length };
    const quote = (b: { start: number; end: number }) => text.slice(b.start, b.end);
    expect(quote(moveSegmentEdge(text, segment, 'start', -1, false))).toBe('s the struggle');
    expect(quote(moveSegmentEdge(text, segment, 'end', 1, false))).toBe('the struggle f');
    expect(quote(moveSegmentEdge(text, { start: at('As'), end: segment.end }, 'start', -1, false))).toBe('.\n\nAs the struggle');
    expect(quote(moveSegmentEdge(text, { start: at('the'), end: at('the') + 4 }, 'end', -1, false))).toBe('the');
    expect(quote(moveSegmentEdge(text, { start: at('s the'), end: at('s the') + 5 }, 'start', 1, false))).toBe('the');
    expect(quote(moveSegmentEdge(text, { start: at('Last.'), end: text.length }, 'end', 1, false))).toBe('Last.');
  });
});
