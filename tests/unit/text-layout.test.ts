import { describe, expect, it } from 'vitest';
import { layoutText, offsetToPos, posToOffset, rangeToLinePieces } from '../../shared/text/text-layout';
import { documentNode } from '../../renderer/text-view/document-node';
import { FIXTURE_TEXTS } from '../support/fixtures';

describe('text layout', () => {
  it('makes one line per line of the text, blank and leading lines included', () => {
    const layout = layoutText('\n\nA  b\u00A0c\n\nD');
    expect(layout.lines.map((l) => layout.text.slice(l.start, l.start + l.length))).toEqual([
      '',
      '',
      'A  b\u00A0c',
      '',
      'D',
    ]);
  });

  it('treats CRLF as one line break of two characters', () => {
    const layout = layoutText('ab\r\ncd\re\nf');
    expect(layout.lines.map((l) => [l.start, l.length, l.breakLength])).toEqual([
      [0, 2, 2],
      [4, 2, 1],
      [7, 1, 1],
      [9, 1, 0],
    ]);
  });

  for (const [name, text] of Object.entries(FIXTURE_TEXTS)) {
    it(`matches a real ProseMirror document position for position (${name})`, () => {
      const layout = layoutText(text, 2); // small sections, so that section boundaries are crossed
      const doc = documentNode(layout);
      expect(doc.content.size).toBe(layout.docSize);
      for (const line of layout.lines) {
        const $pos = doc.resolve(line.contentPos);
        expect($pos.parent.type.name).toBe('line');
        expect($pos.parentOffset).toBe(0);
        expect(doc.textBetween(line.contentPos, line.contentPos + line.length)).toBe(
          text.slice(line.start, line.start + line.length),
        );
      }
      // Every offset that is not inside a line break maps there and back.
      for (const line of layout.lines) {
        for (let offset = line.start; offset <= line.start + line.length; offset++) {
          const pos = offsetToPos(layout, offset);
          expect(posToOffset(layout, pos, 'start')).toBe(offset);
          expect(posToOffset(layout, pos, 'end')).toBe(offset);
        }
      }
    });
  }

  it('maps a position between two lines to the next start or the previous end', () => {
    const layout = layoutText('one\r\ntwo', 1);
    const between = layout.lines[0].contentPos + 3 + 1; // after line 0 closes
    expect(posToOffset(layout, between, 'start')).toBe(5);
    expect(posToOffset(layout, between, 'end')).toBe(3);
    expect(posToOffset(layout, 0, 'start')).toBe(0);
    expect(posToOffset(layout, layout.docSize, 'end')).toBe(8);
  });

  it('maps an offset inside a CRLF to the end of the line', () => {
    const layout = layoutText('one\r\ntwo');
    expect(offsetToPos(layout, 4)).toBe(offsetToPos(layout, 3));
  });

  it('splits a range that crosses paragraph breaks into one piece per line, breaks left out', () => {
    const text = 'first line\n\nthird line';
    const layout = layoutText(text);
    const pieces = rangeToLinePieces(layout, 6, 17);
    const doc = documentNode(layout);
    expect(pieces.map(({ from, to }) => doc.textBetween(from, to))).toEqual(['line', 'third']);
  });
});
