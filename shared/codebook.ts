/**
 * Codebook: the codes a researcher applies to passages. Each code has a colour chosen to stay
 * distinguishable for colour-blind readers and legible on light and dark backgrounds, a one-line
 * description, and an optional key for coding without the mouse.
 */

export interface Code {
  /** Stable id: lowercase letters, digits and hyphens (it also names the code's CSS class). */
  id: string;
  name: string;
  /** `#rrggbb`. */
  colour: string;
  description: string;
  /** A single key that applies the code, or null. */
  key: string | null;
}

/**
 * The default codebook. The colours (blue from Okabe–Ito, magenta and olive from Paul Tol's
 * palettes) stay apart under simulated protanopia, deuteranopia and tritanopia, and each keeps a
 * contrast of at least 3:1 against both the light and the dark background
 * (tests/unit/codebook.test.ts checks both).
 */
export const DEFAULT_CODES: readonly Code[] = [
  {
    id: 'factual-claim',
    name: 'factual claim',
    colour: '#0072B2',
    description: 'A statement presented as verifiable fact: an event, a number, a quotation, a date.',
    key: '1',
  },
  {
    id: 'opinion',
    name: 'opinion',
    colour: '#EE3377',
    description: 'A judgement, evaluation or interpretation that the author presents as their view.',
    key: '2',
  },
  {
    id: 'call-to-action',
    name: 'call to action',
    colour: '#999933',
    description: 'A passage that urges the reader or a named actor to do, support or oppose something.',
    key: '3',
  },
];

/** The code bound to a key, if any. */
export function codeForKey(codes: readonly Code[], key: string): Code | undefined {
  return codes.find((code) => code.key === key);
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio between two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
