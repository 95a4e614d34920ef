import { describe, expect, it } from 'vitest';
import { DEFAULT_CODES } from '../../shared/model/codebook';
import { csvChunks, looksLikeFormula, rowsToCsv, segmentRows, segmentsCsv, SEGMENT_CSV_COLUMNS } from '../../shared/exports/csv-export';
import type { DocumentRecord } from '../../shared/model/documents';
import type { CodedSegment } from '../../shared/model/segments';
import { codedSegment, documentRecord } from '../support/builders';

const record = (id: string, text: string): DocumentRecord => documentRecord(id, text);

const segment = (id: string, documentId: string, start: number, end: number, text: string, codeId = 'opinion'): CodedSegment =>
  codedSegment({ id, documentId, codeId, start, end, quote: text.slice(start, end), coder: 'ana', createdAt: '2026-01-02T03:04:05.000Z', updatedAt: '2026-01-02T03:04:05.000Z' });

describe('rowsToCsv', () => {
  it('quotes a field that holds a comma, a quote and a newline', () => {
    const csv = rowsToCsv([{ a: 'x, "y"\nz', b: 'plain' }], ['a', 'b'], 'standard');
    expect(csv).toBe('a,b\n"x, ""y""\nz",plain\n');
  });

  it('quotes a lone carriage return', () => {
    expect(rowsToCsv([{ a: 'x\ry' }], ['a'], 'standard')).toBe('a\n"x\ry"\n');
  });

  it('leaves formula-like cells unchanged in the standard flavour', () => {
    const csv = rowsToCsv([{ a: '=SUM(A1)', b: '+1', c: '-2', d: '@x' }], ['a', 'b', 'c', 'd'], 'standard');
    expect(csv).toBe('a,b,c,d\n=SUM(A1),+1,-2,@x\n');
  });

  it('makes formula-like cells inert in the Excel flavour, with BOM and CRLF', () => {
    const csv = rowsToCsv([{ a: '=SUM(A1)', b: '+1', c: '-2', d: '@x', e: 'safe', f: 7 }], ['a', 'b', 'c', 'd', 'e', 'f'], 'excel');
    expect(csv).toBe("\uFEFFa,b,c,d,e,f\r\n'=SUM(A1),'+1,'-2,'@x,safe,7\r\n");
  });

  it('prefixes tab and carriage-return starts too, and nothing else', () => {
    expect(rowsToCsv([{ a: '\t=1', b: '\r=1', c: 'a=1' }], ['a', 'b', 'c'], 'excel')).toBe(`\uFEFFa,b,c\r\n'\t=1,"'\r=1",a=1\r\n`);
    expect(['=', '+', '-', '@', '\t', '\r'].every((c) => looksLikeFormula(`${c}x`))).toBe(true);
    expect(looksLikeFormula('x=')).toBe(false);
  });
});

describe('csvChunks', () => {
  it('puts the BOM before the header only once, however many chunks there are', () => {
    const records = Array.from({ length: 10_000 }, (_, i) => [String(i)]);
    const chunks = [...csvChunks(['n'], records, 'excel')];
    expect(chunks.length).toBeGreaterThan(2);
    const text = chunks.join('');
    expect(text.startsWith('\uFEFFn\r\n0\r\n')).toBe(true);
    expect(text.match(/\uFEFF/g)).toHaveLength(1);
    expect(text.endsWith('9999\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(10_002);
  });
});

describe('segmentRows', () => {
  it('gives offsets in code points and text taken from the document', () => {
    const text = 'Rally 😀 now, 🇦🇲 today';
    const start = text.indexOf('now');
    const end = text.indexOf(' today');
    const rows = segmentRows({
      documents: [{ record: record('d1', text), text }],
      codes: DEFAULT_CODES,
      segments: [segment('s1', 'd1', start, end, text)],
    });
    expect(rows).toHaveLength(1);
    const points = Array.from(text);
    expect(points.slice(Number(rows[0].start), Number(rows[0].end)).join('')).toBe(rows[0].text);
    expect(rows[0].start).toBe(String(start - 1)); // one emoji before
    expect(rows[0].code).toBe('opinion');
  });

  it('orders rows by document, then by position in the text', () => {
    const a = 'aaaa bbbb';
    const b = 'cccc dddd';
    const rows = segmentRows({
      documents: [
        { record: record('d1', a), text: a },
        { record: record('d2', b), text: b },
      ],
      codes: DEFAULT_CODES,
      segments: [segment('s3', 'd2', 0, 4, b), segment('s2', 'd1', 5, 9, a), segment('s1', 'd1', 0, 4, a)],
    });
    expect(rows.map((r) => r.segment_id)).toEqual(['s1', 's2', 's3']);
  });

  it('writes the documented columns in order', () => {
    const text = 'hello world';
    const csv = segmentsCsv(
      { documents: [{ record: record('d1', text), text }], codes: DEFAULT_CODES, segments: [segment('s1', 'd1', 0, 5, text, 'factual-claim')] },
      'standard',
    );
    const [header, row] = csv.trimEnd().split('\n');
    expect(header.split(',')).toEqual([...SEGMENT_CSV_COLUMNS]);
    expect(row).toBe(`d1,d1,d1.txt,${'0'.repeat(64)},s1,factual claim,factual-claim,factual claim,0,5,hello,ana,2026-01-02T03:04:05.000Z,2026-01-02T03:04:05.000Z,,manual`);
  });

  it('marks a segment accepted from a suggestion "suggestion" in the origin column, every other one "manual"', () => {
    const text = 'hello wide world';
    const accepted = { ...segment('s2', 'd1', 6, 10, text), origin: 'suggestion' as const };
    const rows = segmentRows({ documents: [{ record: record('d1', text), text }], codes: DEFAULT_CODES, segments: [segment('s1', 'd1', 0, 5, text), accepted, segment('s3', 'd1', 11, 16, text)] });
    expect(rows.map((r) => [r.segment_id, r.coder, r.origin])).toEqual([
      ['s1', 'ana', 'manual'],
      ['s2', 'ana', 'suggestion'],
      ['s3', 'ana', 'manual'],
    ]);
    expect(SEGMENT_CSV_COLUMNS.at(-1)).toBe('origin');
  });
});
