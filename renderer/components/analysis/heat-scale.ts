/**
 * The heatmaps' colour scale: a cell's figure becomes a share (0–1, on a square-root scale, so
 * that a few large cells do not wash out the rest), set as the cell's `--heat`; the CSS mixes that
 * share of the theme's `--heat-range` of its accent into the background (`.heat-cell`). Each theme
 * chooses its range so that its text colour stays readable on the strongest tint (a unit test
 * checks 4.5:1, 7:1 in high contrast), and the scale follows the theme without drawing again.
 */

/** The cell's share of the strongest tint: 0 for nothing (or no figure), 1 for the largest (`max`). */
export function heatShare(value: number, max: number): number {
  if (!(value > 0) || !(max > 0)) return 0;
  return Math.round(Math.sqrt(Math.min(value, max) / max) * 1000) / 1000;
}

/** The largest figure among the cells (not-a-number cells, such as a diagonal left out, skipped). */
export function heatMax(rows: ReadonlyArray<readonly number[]>): number {
  let max = 0;
  for (const row of rows) for (const value of row) if (value > max) max = value;
  return max;
}
