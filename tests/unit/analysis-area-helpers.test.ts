/**
 * The Analysis area's pure helpers in the page: sorting a table by a column (and what its header
 * says), the heatmaps' colour scale, and the ticks of an axis of counts.
 */
import { describe, expect, it } from 'vitest';
import { countTicks } from '../../renderer/components/analysis/chart-files';
import { heatMax, heatShare } from '../../renderer/components/analysis/heat-scale';
import { ariaSort, nextSort, sortRows } from '../../renderer/components/analysis/table-sort';

const rows = [
  { name: 'opinion', segments: 2 },
  { name: 'Call to action', segments: 0 },
  { name: 'factual claim', segments: 2 },
  { name: 'code 10', segments: 7 },
  { name: 'code 9', segments: null },
];

describe('sorting an analysis table', () => {
  it('sorts figures largest first at the first press, and the other way at the next', () => {
    const first = nextSort(null, 'segments', false);
    expect(first).toEqual({ key: 'segments', direction: 'descending' });
    expect(sortRows(rows, (r) => r.segments, first.direction).map((r) => r.name)).toEqual(['code 10', 'opinion', 'factual claim', 'Call to action', 'code 9']);
    const second = nextSort(first, 'segments', false);
    expect(second.direction).toBe('ascending');
    // Ties keep the given order whichever way: opinion before factual claim.
    expect(sortRows(rows, (r) => r.segments, second.direction).map((r) => r.name)).toEqual(['code 9', 'Call to action', 'opinion', 'factual claim', 'code 10']);
  });

  it('sorts names A–Z first, ignoring case and reading numbers as numbers', () => {
    const sort = nextSort(nextSort(null, 'segments', false), 'name', true);
    expect(sort).toEqual({ key: 'name', direction: 'ascending' });
    expect(sortRows(rows, (r) => r.name, sort.direction).map((r) => r.name)).toEqual(['Call to action', 'code 9', 'code 10', 'factual claim', 'opinion']);
  });

  it('says on each header which way it sorts, and none on the others', () => {
    const sort = { key: 'segments', direction: 'descending' } as const;
    expect(ariaSort(sort, 'segments')).toBe('descending');
    expect(ariaSort(sort, 'name')).toBe('none');
    expect(ariaSort(null, 'name')).toBe('none');
  });
});

describe('the heatmaps’ colour scale', () => {
  it('gives nothing no tint and the largest cell the full tint, on a square-root scale', () => {
    expect(heatShare(0, 12)).toBe(0);
    expect(heatShare(12, 12)).toBe(1);
    expect(heatShare(3, 12)).toBe(0.5);
    expect(heatShare(1, 4)).toBe(0.5);
  });

  it('leaves a figure out of the scale when it is not a number, and keeps an empty matrix untinted', () => {
    expect(heatShare(Number.NaN, 4)).toBe(0);
    expect(heatShare(5, 0)).toBe(0);
    expect(heatShare(20, 4)).toBe(1);
    expect(heatMax([[Number.NaN, 3], [7, Number.NaN]])).toBe(7);
    expect(heatMax([])).toBe(0);
  });
});

describe('an axis of counts', () => {
  it('gets no more ticks than whole numbers to mark, and at most ten', () => {
    expect(countTicks(2)).toBe(2);
    expect(countTicks(1)).toBe(1);
    expect(countTicks(0)).toBe(1);
    expect(countTicks(500)).toBe(10);
  });
});
