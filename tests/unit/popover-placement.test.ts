import { describe, expect, it } from 'vitest';
import { MARGIN, placePopover } from '../../renderer/components/coding/popover-placement';

const window = { width: 1024, height: 700 };

describe('placing a segment\'s details', () => {
  it('puts them below the line when they fit there', () => {
    expect(placePopover({ left: 300, top: 100, bottom: 120 }, { width: 330, height: 250 }, window)).toEqual({
      left: 300,
      top: 120 + MARGIN,
      maxHeight: 700 - 2 * MARGIN,
    });
  });

  it('puts them above the line near the bottom of the window, so they do not run off it', () => {
    const placed = placePopover({ left: 300, top: 600, bottom: 620 }, { width: 330, height: 250 }, window);
    expect(placed.top).toBe(600 - MARGIN - 250);
    expect(placed.top + 250).toBeLessThanOrEqual(600);
  });

  it('keeps details taller than either side inside the window (several overlapping segments)', () => {
    const placed = placePopover({ left: 300, top: 350, bottom: 370 }, { width: 330, height: 600 }, window);
    expect(placed.top).toBeGreaterThanOrEqual(MARGIN);
    expect(placed.top + 600).toBeLessThanOrEqual(700 - MARGIN);
  });

  it('caps details taller than the window at its height, from its top', () => {
    const placed = placePopover({ left: 300, top: 350, bottom: 370 }, { width: 330, height: 1500 }, window);
    expect(placed).toEqual({ left: 300, top: MARGIN, maxHeight: 700 - 2 * MARGIN });
  });

  it('keeps them inside the window at the right edge and the left edge', () => {
    expect(placePopover({ left: 1000, top: 100, bottom: 120 }, { width: 330, height: 200 }, window).left).toBe(1024 - 330 - MARGIN);
    expect(placePopover({ left: -40, top: 100, bottom: 120 }, { width: 330, height: 200 }, window).left).toBe(MARGIN);
  });
});
