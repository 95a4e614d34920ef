// A document's segments as they cross to the page: column by column, and made records again on
// the page exactly as the main process holds them (quotes cut from the text).
import { describe, expect, it } from 'vitest';
import { segmentColumns, segmentsFromColumns } from '../../shared/ipc/documents';
import type { CodedSegment } from '../../shared/model/segments';

const TEXT = 'Zürich 🙂 said: the council met, and the budget passed.\nA second line.';

function segment(id: string, quote: string, fields: Partial<CodedSegment> = {}): CodedSegment {
  const start = TEXT.indexOf(quote);
  const time = '2025-01-01T10:00:00.000Z';
  return { id, documentId: 'doc', codeId: 'opinion', start, end: start + quote.length, quote, coder: 'ana', createdAt: time, updatedAt: time, memo: '', origin: 'manual', ...fields };
}

describe('segment columns', () => {
  it('gives back the same records, with memos, changed times, several codes and coders', () => {
    const segments = [
      segment('a', 'Zürich 🙂'),
      segment('b', 'the council met', { codeId: 'factual-claim', coder: 'bea', memo: 'Check the minutes.\nTwo lines.' }),
      segment('c', 'budget passed.\nA second', { updatedAt: '2025-02-03T04:05:06.000Z' }),
      segment('d', 'line', { coder: 'bea', codeId: 'call-to-action' }),
    ];
    const columns = segmentColumns(segments);
    expect(columns.codes).toEqual(['opinion', 'factual-claim', 'call-to-action']);
    expect(columns.coders).toEqual(['ana', 'bea']);
    expect(columns.updatedAt).toEqual([null, null, '2025-02-03T04:05:06.000Z', null]);
    expect(columns.memos).toEqual([[1, 'Check the minutes.\nTwo lines.']]);
    // Through JSON, as the page receives them.
    expect(segmentsFromColumns('doc', TEXT, JSON.parse(JSON.stringify(columns)))).toEqual(segments);
  });

  it('sends a document without segments as empty columns', () => {
    expect(segmentsFromColumns('doc', TEXT, segmentColumns([]))).toEqual([]);
  });

  it('takes far fewer characters than the records do', () => {
    const many = Array.from({ length: 1_000 }, (_, i) => segment(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, 'the council met'));
    const records = JSON.stringify(many.map(({ quote: _quote, ...rest }) => rest)).length;
    expect(JSON.stringify(segmentColumns(many)).length).toBeLessThan(records / 2);
  });
});
