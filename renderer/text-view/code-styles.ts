/**
 * Colours of the codes as CSS. A highlight is a translucent tint of its code's colour and an
 * underline bar; where codes overlap, each code keeps its own bar at its own height (the tint is
 * one of theirs), so that overlapping segments stay distinguishable. The rules are built from the codebook and installed
 * as a constructed stylesheet (allowed under the strict CSP, unlike inline style elements).
 */
import type { Code } from '../../shared/model/codebook';

const BAR_HEIGHT = 2;
const BAR_STEP = 3;
const BAR_LEVELS = 4;

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255}`;
}

/** The CSS text for a codebook. */
export function codeStyles(codes: readonly Code[]): string {
  const layers: string[] = [];
  const sizes: string[] = [];
  const positions: string[] = [];
  codes.forEach((_code, slot) => {
    layers.push(`linear-gradient(var(--hl-b${slot}, transparent), var(--hl-b${slot}, transparent))`);
    sizes.push(`100% ${BAR_HEIGHT}px`);
    positions.push(`0 calc(100% - ${(slot % BAR_LEVELS) * BAR_STEP}px)`);
  });
  const rules = [
    `.seg { background-image: ${layers.join(', ') || 'none'}; background-size: ${sizes.join(', ')}; ` +
      `background-position: ${positions.join(', ')}; background-repeat: no-repeat; ` +
      `cursor: pointer; }`,
  ];
  codes.forEach((code, slot) => {
    rules.push(`.code-${code.id} { --hl-b${slot}: ${code.colour}; --code-colour: ${code.colour}; }`);
    // One tint per span (where codes overlap, one of theirs); each code keeps its own bar.
    rules.push(`.seg.code-${code.id} { background-color: rgb(${rgb(code.colour)} / var(--tint-alpha)); }`);
  });
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

/** Installs (or replaces) the code colours everywhere the sheet is adopted. */
export function installCodeStyles(codes: readonly Code[]): void {
  codeStyleSheet().replaceSync(codeStyles(codes));
}
