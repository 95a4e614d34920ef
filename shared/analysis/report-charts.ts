/**
 * The pictures of the analysis report, drawn as plain markup by small pure functions (the report
 * holds no script, so no charting library can run in it): a horizontal bar chart as inline SVG,
 * and the background of a heatmap cell with a text colour that keeps its contrast.
 */
import { escapeHtml } from '../stats/reliability-exports';

/** One bar: its label, its value and its colour (`#rrggbb`, from the codebook). */
export interface Bar {
  label: string;
  value: number;
  colour: string;
}

const escapeMarkup = escapeHtml;

const COLOUR = /^#[0-9a-fA-F]{6}$/;
/** A colour safe to write into markup: a `#rrggbb`, or grey. */
const safeColour = (colour: string) => (COLOUR.test(colour) ? colour : '#808080');

/** `text` cut to `max` characters (whole code points), with an ellipsis when cut. */
function cut(text: string, max: number): string {
  const points = [...text];
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}

/**
 * A horizontal bar chart as an SVG element for an HTML page (no namespace declaration: the HTML
 * parser puts `<svg>` in the SVG namespace): one row per bar, its label on the left, the bar in
 * its colour scaled to the largest value, and the value after it. `title` is its accessible name.
 */
export function barChartSvg(bars: readonly Bar[], title: string): string {
  const labelWidth = 220;
  const barSpace = 360;
  const valueWidth = 70;
  const row = 22;
  const width = labelWidth + barSpace + valueWidth;
  const height = Math.max(1, bars.length) * row + 8;
  const largest = Math.max(0, ...bars.map((bar) => bar.value));
  const rows = bars.map((bar, i) => {
    const y = 4 + i * row;
    const length = largest > 0 ? Math.max(bar.value > 0 ? 1 : 0, Math.round((bar.value / largest) * barSpace)) : 0;
    return [
      `<g><title>${escapeMarkup(`${bar.label}: ${bar.value}`)}</title>`,
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeMarkup(cut(bar.label, 32))}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${length}" height="${row - 6}" fill="${safeColour(bar.colour)}"></rect>`,
      `<text x="${labelWidth + length + 6}" y="${y + 15}">${escapeMarkup(String(bar.value))}</text></g>`,
    ].join('');
  });
  return [
    `<svg class="chart" role="img" aria-label="${escapeMarkup(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeMarkup(title)}</title>`,
    ...rows,
    '</svg>',
  ].join('\n');
}

/** The heatmap's hue at full strength (Okabe–Ito blue). */
const HEAT = [0x00, 0x72, 0xb2] as const;

/** Relative luminance of an sRGB colour given as 0–255 channels (WCAG 2). */
function luminance([r, g, b]: readonly number[]): number {
  const linear = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

const hex = (channels: readonly number[]) => `#${channels.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/**
 * A heatmap cell's colours for `value` of `largest`: the background runs from white (0) to the
 * full hue (the largest), and the text is black or white, whichever contrasts more with it (at
 * least 4.5:1 at every strength).
 */
export function heatColours(value: number, largest: number): { background: string; text: string } {
  const strength = largest > 0 && value > 0 ? Math.min(1, value / largest) : 0;
  const background = HEAT.map((c) => 255 + (c - 255) * strength);
  const l = luminance(background);
  const withBlack = (l + 0.05) / 0.05;
  const withWhite = 1.05 / (l + 0.05);
  return { background: hex(background), text: withBlack >= withWhite ? '#000000' : '#ffffff' };
}
