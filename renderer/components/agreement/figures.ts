/**
 * How the agreement figures are written, in the interface's language (German writes α = 0,830):
 * coefficients to three decimals, percentages to one, counts with the language's grouping.
 */
import { formatNumber } from '../../i18n/i18n';

/**
 * A coefficient as shown: three decimals, '—' where it is undefined (NaN; JSON, as the preview
 * sends it, turns NaN into null, so a measure that applies but is null is undefined too), and
 * nothing where the measure does not apply.
 */
export const figure = (value: number | null | undefined, applies = true) =>
  typeof value === 'number' && !Number.isNaN(value) ? formatNumber(value, { minimumFractionDigits: 3, maximumFractionDigits: 3 }) : applies ? '—' : '';

/** A share as a percentage with one decimal: `value` × `scale` is the percent (a fraction has scale 100). */
export const percent = (value: number | null | undefined, scale: number) =>
  typeof value === 'number' && !Number.isNaN(value) ? formatNumber((value * scale) / 100, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }) : '—';

/** A count (segments, characters) with the language's grouping of thousands. */
export const count = (value: number) => formatNumber(value);
