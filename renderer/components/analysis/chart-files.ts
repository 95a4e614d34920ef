/**
 * Charts drawn by Observable Plot, made fit for the page and for files. Plot puts a `<style>`
 * element inside each SVG; the page's CSP (style-src 'self') would refuse it, so it is taken out
 * before the SVG reaches the document, and the same rules live in styles.css (`.analysis-chart`).
 * For a file, the SVG gets what the page's CSS gave it: the theme's background, text colour and
 * font as presentation attributes (no style sheet, no script); a PNG is that SVG drawn on a canvas
 * CHART_PNG_WIDTH pixels wide.
 */

/** The width of a saved PNG, in pixels. */
export const CHART_PNG_WIDTH = 1400;
/** The font the page's CSS gives the charts (also written into saved SVGs). */
export const CHART_FONT = 'system-ui, sans-serif';

/** How many ticks an axis of counts up to `max` gets: no more than there are whole numbers to mark. */
export function countTicks(max: number): number {
  return Math.max(1, Math.min(10, Math.floor(max)));
}

/**
 * Takes out every `<style>` element Plot put in the chart (call before the chart is attached),
 * and the ARIA labels Plot gives its groups of marks: the chart is one image, named as a whole
 * (a `<g>` may not carry a label of its own).
 */
export function fitForPage<E extends Element>(chart: E): E {
  for (const style of chart.querySelectorAll('style')) style.remove();
  for (const labelled of chart.querySelectorAll('[aria-label], [aria-description]')) {
    labelled.removeAttribute('aria-label');
    labelled.removeAttribute('aria-description');
  }
  return chart;
}

/** The chart's `<svg>` (Plot gives a `<figure>` around it when there is a legend or title). */
export function chartSvg(chart: Element): SVGSVGElement | null {
  return chart instanceof SVGSVGElement ? chart : chart.querySelector('svg');
}

/** The theme's colours now, as the page's CSS variables give them. */
export function themeColours(): { background: string; text: string } {
  const style = getComputedStyle(document.documentElement);
  return { background: style.getPropertyValue('--bg').trim() || '#ffffff', text: style.getPropertyValue('--text').trim() || '#000000' };
}

/** The SVG as a file: standalone, with the background, text colour and font it has in the page. */
export function svgFileText(svg: SVGSVGElement, colours = themeColours()): string {
  const width = svg.getAttribute('width') ?? String(svg.viewBox.baseVal?.width ?? 640);
  const height = svg.getAttribute('height') ?? String(svg.viewBox.baseVal?.height ?? 400);
  // Colours given as the theme's variables (var(--accent)) mean nothing outside the page.
  const root = getComputedStyle(document.documentElement);
  const inner = new XMLSerializer().serializeToString(svg).replace(/var\((--[a-z-]+)\)/g, (whole, name: string) => root.getPropertyValue(name).trim() || whole);
  const open = inner.indexOf('>') + 1;
  const tag = inner
    .slice(0, open)
    .replace(/\sclass="[^"]*"/, '')
    .replace(/\s(?:color|font-family|font-size)="[^"]*"/g, '')
    .replace(/^<svg/, `<svg color="${colours.text}" font-family="${CHART_FONT}" font-size="10"`);
  const background = `<rect width="${width}" height="${height}" fill="${colours.background}"/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${tag}${background}${inner.slice(open)}`;
}

/** The SVG drawn as a PNG CHART_PNG_WIDTH pixels wide, as base64 (without the data: prefix). */
export async function pngBase64(svgText: string, width: number, height: number): Promise<string> {
  const image = new Image();
  const bytes = new TextEncoder().encode(svgText);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  image.src = `data:image/svg+xml;base64,${btoa(binary)}`;
  await image.decode();
  const scale = CHART_PNG_WIDTH / width;
  const canvas = document.createElement('canvas');
  canvas.width = CHART_PNG_WIDTH;
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png').slice('data:image/png;base64,'.length);
}
