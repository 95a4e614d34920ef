/**
 * The heatmaps' colour scale: a cell's figure as a share of the theme's accent mixed into the
 * background (so the scale follows light, dark and high-contrast themes), and the text colour that
 * stays readable on it. A square-root scale, so that a few large cells do not wash out the rest.
 */

/** The strongest mix of the accent: above it the background's own colour would be lost. */
export const HEAT_MAX_PERCENT = 85;
/** From this mix on, the cell's text is drawn in the background's colour rather than the text's. */
export const HEAT_INVERT_PERCENT = 50;

/** How much of the accent a cell of `value` gets, 0 for nothing and HEAT_MAX_PERCENT for the largest (`max`). */
export function heatPercent(value: number, max: number): number {
  if (!(value > 0) || !(max > 0)) return 0;
  return Math.round(Math.sqrt(Math.min(value, max) / max) * HEAT_MAX_PERCENT);
}

/** The cell's background and text colours, as CSS values over the theme's variables. */
export function heatColours(value: number, max: number): { background: string; color: string } {
  const percent = heatPercent(value, max);
  return {
    background: percent === 0 ? 'var(--bg)' : `color-mix(in srgb, var(--accent) ${percent}%, var(--bg))`,
    color: percent >= HEAT_INVERT_PERCENT ? 'var(--bg)' : 'var(--text)',
  };
}
