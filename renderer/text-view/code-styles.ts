/**
 * Colours of the codes as CSS. A highlight is an underline in its code's colour below the letters,
 * at the depth of its segment's lane (see shared/text/segment-lanes.ts), over a faint tint of one
 * of its codes; the same colours draw the coding stripes in the margin. A code whose colour an
 * earlier code already has is drawn dashed (then dotted, then dash-dotted), so that two codes
 * never look alike. The rules are built from the codebook and installed as a constructed
 * stylesheet (allowed under the strict CSP, unlike inline style elements).
 *
 * Each piece of a highlight carries the class `lane<N>-<code id>`; the rule of that class sets the
 * image of lane N (`--lane<N>`), and `.seg` stacks the lanes' images under the text, down to the
 * span's deepest lane. Overlapping segments never share a lane, so one span never gets two images
 * for one lane. The images are placed below the letters' box (origin: the content box) and painted
 * in the padding below it, which is as deep as the span's deepest lane; the tint is the span's
 * background colour, clipped to the letters' box.
 */
import type { Code } from '../../shared/model/codebook';

/** Lanes drawn apart; deeper lanes share the last (more than this many codes on one passage is rare). */
export const DRAWN_LANES = 10;
/** Thickness of an underline, in CSS pixels. */
export const BAR_HEIGHT = 2;
/** Distance from one lane's underline to the next. */
export const LANE_STEP = 3;
/** Gap between the bottom of the letters' box (below the descenders) and the first underline. */
const FIRST_GAP = 1;

/** Room below the letters a highlight takes for its underlines down to `lane` (padding: no layout space). */
function underlineRoom(lane: number): number {
  return FIRST_GAP + lane * LANE_STEP + BAR_HEIGHT;
}

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255}`;
}

/** How a code's underline is drawn, by how many codes before it share its colour. */
const PATTERNS: ReadonlyArray<(colour: string, direction: string) => string> = [
  (c) => `linear-gradient(${c}, ${c})`,
  (c, d) => `repeating-linear-gradient(${d}, ${c} 0 7px, transparent 7px 10px)`,
  (c, d) => `repeating-linear-gradient(${d}, ${c} 0 2px, transparent 2px 4px)`,
  (c, d) => `repeating-linear-gradient(${d}, ${c} 0 8px, transparent 8px 10px, ${c} 10px 12px, transparent 12px 14px)`,
];

/** For each code, how many codes before it in the codebook have the same colour. */
export function colourRepeats(codes: readonly Code[]): Map<string, number> {
  const seen = new Map<string, number>();
  const repeats = new Map<string, number>();
  for (const code of codes) {
    const colour = code.colour.toLowerCase();
    const count = seen.get(colour) ?? 0;
    repeats.set(code.id, count);
    seen.set(colour, count + 1);
  }
  return repeats;
}

/** The image of a code's underline (`to right`) or stripe (`to bottom`). */
export function codePattern(colour: string, repeat: number, direction: 'to right' | 'to bottom'): string {
  return PATTERNS[repeat % PATTERNS.length](colour, direction);
}

/** The lane a piece is drawn in (the deepest lanes share the last one drawn). */
export function drawnLane(lane: number): number {
  return Math.min(lane, DRAWN_LANES - 1);
}

/** Extra line height a line needs so that `lanes` underlines stay clear of the next line's letters. */
export function extraLineHeight(lanes: number): number {
  // The line's leading below the letters holds two underlines; each further one needs a step.
  return Math.max(0, lanes - 2) * LANE_STEP;
}

/**
 * The background declarations of a highlight whose deepest lane is `depth - 1`: one image per lane
 * down to it, then an empty last layer that clips the tint (the background colour, which takes the
 * last layer's clip) to the letters' box.
 */
function laneLayers(depth: number): string {
  const lanes = Array.from({ length: depth }, (_, lane) => lane);
  const images = [...lanes.map((lane) => `var(--lane${lane}, none)`), 'none'];
  const sizes = [...lanes.map(() => `100% ${BAR_HEIGHT}px`), 'auto'];
  // 100% puts an image's bottom on the letters' box's bottom; each lane goes that far below it.
  const positions = [...lanes.map((lane) => `0 calc(100% + ${underlineRoom(lane)}px)`), '0 0'];
  const clips = [...lanes.map(() => 'padding-box'), 'content-box'];
  return (
    `padding-bottom: ${underlineRoom(depth - 1)}px; background-image: ${images.join(', ')}; background-size: ${sizes.join(', ')}; ` +
    `background-position: ${positions.join(', ')}; background-clip: ${clips.join(', ')};`
  );
}

/** The CSS text for a codebook. */
export function codeStyles(codes: readonly Code[]): string {
  const lanes = Array.from({ length: DRAWN_LANES }, (_, lane) => lane);
  // Most highlights lie in lane 0 alone: each image layer costs style and paint work on every
  // highlight's span, so a span gets only the layers down to its deepest lane (later rules win:
  // deeper lanes come later), not one per lane that could be drawn.
  const rules = [`.seg { ${laneLayers(1)} background-origin: content-box; background-repeat: no-repeat; cursor: pointer; }`];
  for (const lane of lanes.slice(1)) rules.push(`.seg[class*=" lane${lane}-"] { ${laneLayers(lane + 1)} }`);
  for (let lane = 1; lane <= DRAWN_LANES; lane++) {
    const extra = extraLineHeight(lane);
    if (extra) rules.push(`.tv-line.lanes-${lane} { line-height: calc(1.75em + ${extra}px); }`);
  }
  const repeats = colourRepeats(codes);
  for (const code of codes) {
    const repeat = repeats.get(code.id) ?? 0;
    rules.push(
      `.code-${code.id} { --code-colour: ${code.colour}; --code-stripe: ${codePattern(code.colour, repeat, 'to bottom')}; }`,
      // One tint per span (where codes overlap, one of theirs); each code keeps its own underline.
      // A colour, not an image: it is neither rasterised nor laid out as a layer.
      `.seg.code-${code.id} { background-color: rgb(${rgb(code.colour)} / var(--tint-alpha)); }`,
    );
    // A suggestion's dotted underline (suggestion-plugin.ts): the code's colour, a little faded.
    rules.push(`.suggested-${code.id} { text-decoration-color: rgb(${rgb(code.colour)} / 0.8); }`);
    const underline = codePattern(code.colour, repeat, 'to right');
    for (const lane of lanes) rules.push(`.lane${lane}-${code.id} { --lane${lane}: ${underline}; }`);
  }
  return rules.join('\n');
}

let sheet: CSSStyleSheet | null = null;

/** The one stylesheet of code colours, adopted by the page and by the text view's shadow root. */
export function codeStyleSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  return sheet;
}

/** The rules the sheet holds now. */
let installed: string | null = null;

/**
 * Installs (or replaces) the code colours everywhere the sheet is adopted. A codebook that gives
 * the same rules (the project's codes sent again as a document opens) leaves the sheet alone:
 * replacing it restyles the page and the whole text view.
 */
export function installCodeStyles(codes: readonly Code[]): void {
  const rules = codeStyles(codes);
  if (rules === installed) return;
  codeStyleSheet().replaceSync(rules);
  installed = rules;
}
