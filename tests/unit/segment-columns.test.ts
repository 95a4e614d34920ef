/**
 * Segments and an import plan's changes packed for crossing between threads come back the same,
 * in the same order: segments (their quotes taken from the text again, unless a quote was not that
 * text), and every other change in its place.
 */
import { describe, expect, it } from 'vitest';
import { packChanges, packSegments, unpackChanges, unpackSegments } from '../../electron/services/segment-columns';
import type { Change } from '../../shared/model/changes';
import type { CodedSegment } from '../../shared/model/segments';
import { DEFAULT_CODES } from '../../shared/model/codebook';

const TEXTS: Record<string, string> = { 'doc-a': 'Rally 🇦🇲 today 😀!\r\nThey said: peace now', 'doc-b': 'Another text.' };

function segment(id: string, documentId: string, start: number, end: number, memo = ''): CodedSegment {
  const at = '2026-01-02T03:04:05.678Z';
  return { id, documentId, codeId: 'opinion', start, end, quote: TEXTS[documentId]!.slice(start, end), coder: 'Chen', createdAt: at, updatedAt: at, memo, origin: 'manual' };
}

describe('packed segments', () => {
  it('carry a quote that is not the text between its offsets, and only such a quote', () => {
    const sound = segment('s1', 'doc-a', 0, 5);
    const odd = { ...segment('s2', 'doc-b', 0, 7), quote: 'Another' + ' (as it was)' };
    const { packed } = packSegments([sound, odd], (id) => TEXTS[id]!);
    expect(packed.quotes).toEqual([[1, 'Another (as it was)']]);
    expect(unpackSegments(structuredClone(packed), (id) => TEXTS[id]!)).toEqual([sound, odd]);
  });
});

describe('packed import changes', () => {
  it('unpack to the very changes packed, in their order, with the typed arrays listed to be moved', () => {
    const code = DEFAULT_CODES[0]!;
    const changes: Change[] = [
      { kind: 'code', id: 'new-code', before: null, after: { ...code, id: 'new-code', name: 'New' } },
      { kind: 'segment', id: 's1', before: null, after: segment('s1', 'doc-a', 0, 5) },
      { kind: 'segment', id: 's2', before: null, after: segment('s2', 'doc-a', 6, 10, 'A memo\nover two lines') },
      { kind: 'document', id: 'doc-b', before: null, after: { id: 'doc-b' } as never },
      { kind: 'segment', id: 's3', before: null, after: segment('s3', 'doc-b', 0, 7) },
      { kind: 'segment', id: 's4', before: segment('s4', 'doc-b', 8, 12), after: null },
    ];
    const { packed, transfer } = packChanges(changes, (id) => TEXTS[id]!);
    expect(packed.segments.count).toBe(3);
    expect(packed.segments.quotes).toEqual([]);
    expect(transfer).toHaveLength(5);
    const unpacked = unpackChanges(structuredClone(packed), (id) => TEXTS[id]!);
    expect(unpacked).toEqual(changes);
    expect(JSON.stringify(unpacked)).toBe(JSON.stringify(changes));
  });

  it('packs nothing into nothing', () => {
    expect(unpackChanges(packChanges([], () => '').packed, () => '')).toEqual([]);
  });
});
