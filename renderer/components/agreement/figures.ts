/** How the agreement figures are written: coefficients to three decimals, percentages to one. */
/**
 * A coefficient as shown: three decimals, '—' where it is undefined (NaN; JSON, as the preview
 * sends it, turns NaN into null, so a measure that applies but is null is undefined too), and
 * nothing where the measure does not apply.
 */
export const figure = (value: number | null | undefined, applies = true) =>
  typeof value === 'number' && !Number.isNaN(value) ? value.toFixed(3) : applies ? '—' : '';
export const percent = (value: number | null | undefined, scale: number) =>
  typeof value === 'number' && !Number.isNaN(value) ? `${(value * scale).toFixed(1)}%` : '—';
