import { describe, expect, it } from 'vitest';
import { isMoveKey, movedTo, pagesOf, rowWindow, sameWindow, scrollToShow } from '../../renderer/components/lists/list-window';

describe('the rows a windowed list draws', () => {
  it('draws the rows in view and a few beyond each edge, never past the list', () => {
    // 100,000 rows of 20 px in a 200 px box scrolled to row 500: rows 500–510 are in view.
    expect(rowWindow(500 * 20, 200, 20, 100_000, 6)).toEqual({ first: 494, end: 517 });
    expect(rowWindow(0, 200, 20, 100_000, 6)).toEqual({ first: 0, end: 17 });
    expect(rowWindow(99_990 * 20, 200, 20, 100_000, 6)).toEqual({ first: 99_984, end: 100_000 });
  });

  it('draws a short list whole, and nothing of an empty one', () => {
    expect(rowWindow(0, 600, 20, 5)).toEqual({ first: 0, end: 5 });
    expect(rowWindow(0, 600, 20, 0)).toEqual({ first: 0, end: 0 });
  });

  it('keeps to the list when scrolled past its end or above its top (as elastic scrolling can)', () => {
    expect(rowWindow(1e9, 200, 20, 50, 2)).toEqual({ first: 47, end: 50 });
    expect(rowWindow(-40, 200, 20, 50, 2)).toEqual({ first: 0, end: 13 });
  });

  it('tells two windows apart', () => {
    expect(sameWindow({ first: 1, end: 5 }, { first: 1, end: 5 })).toBe(true);
    expect(sameWindow({ first: 1, end: 5 }, { first: 1, end: 6 })).toBe(false);
  });
});

describe('the pages a paged list fetches for the rows drawn', () => {
  it('names every page the rows lie in, and none for no rows', () => {
    expect(pagesOf({ first: 494, end: 517 }, 100)).toEqual([4, 5]);
    expect(pagesOf({ first: 0, end: 17 }, 100)).toEqual([0]);
    expect(pagesOf({ first: 190, end: 410 }, 100)).toEqual([1, 2, 3, 4]);
    expect(pagesOf({ first: 0, end: 0 }, 100)).toEqual([]);
  });
});

describe('scrolling a row into view', () => {
  it('stays where it is when the row is wholly in view', () => {
    expect(scrollToShow(12, 200, 100, 20)).toBe(200);
  });

  it('moves as little as it can: the row at the top when it was above, at the bottom when below', () => {
    expect(scrollToShow(3, 200, 100, 20)).toBe(60);
    expect(scrollToShow(20, 200, 100, 20)).toBe(320);
    expect(scrollToShow(0, 200, 100, 20)).toBe(0);
  });
});

describe('moving the focus by key', () => {
  it('moves by a row, by a page less one row, and to either end, within the list', () => {
    expect(movedTo('ArrowDown', 4, 10, 5)).toBe(5);
    expect(movedTo('ArrowUp', 0, 10, 5)).toBe(0);
    expect(movedTo('ArrowDown', 9, 10, 5)).toBe(9);
    expect(movedTo('PageDown', 0, 100, 10)).toBe(9);
    expect(movedTo('PageUp', 5, 100, 10)).toBe(0);
    expect(movedTo('End', 0, 3_000, 10)).toBe(2_999);
    expect(movedTo('Home', 2_999, 3_000, 10)).toBe(0);
  });

  it('knows which keys move it', () => {
    expect(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'].every(isMoveKey)).toBe(true);
    expect(isMoveKey('Enter') || isMoveKey('ArrowLeft') || isMoveKey('Tab')).toBe(false);
  });
});
