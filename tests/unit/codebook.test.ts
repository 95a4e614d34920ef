import { describe, expect, it } from 'vitest';
import { contrastRatio, DEFAULT_CODES } from '../../shared/model/codebook';

// The page backgrounds of the light and dark themes (renderer/styles.css).
const LIGHT_BACKGROUND = '#ffffff';
const DARK_BACKGROUND = '#1e1e1e';

/** sRGB → linear RGB. */
function linear(hex: string): number[] {
  return [0, 1, 2].map((i) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
}

/** Linear RGB → CIELAB (D65). */
function lab([r, g, b]: number[]): number[] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
const SIMULATIONS: Record<string, number[][]> = {
  none: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function seenAs(hex: string, matrix: number[][]): number[] {
  const rgb = linear(hex);
  return lab(matrix.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))));
}

describe('default codebook', () => {
  it('has factual claim, opinion and call to action on keys 1, 2, 3', () => {
    expect(DEFAULT_CODES.map((c) => [c.name, c.key])).toEqual([
      ['factual claim', '1'],
      ['opinion', '2'],
      ['call to action', '3'],
    ]);
    expect(DEFAULT_CODES.every((c) => c.description.length > 10)).toBe(true);
  });

  it('keeps every colour at 3:1 or more against the light and the dark background', () => {
    for (const code of DEFAULT_CODES) {
      expect(contrastRatio(code.colour, LIGHT_BACKGROUND), code.name).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(code.colour, DARK_BACKGROUND), code.name).toBeGreaterThanOrEqual(3);
    }
  });

  for (const [vision, matrix] of Object.entries(SIMULATIONS)) {
    it(`keeps the colours apart for ${vision} vision (CIELAB ΔE ≥ 20)`, () => {
      const seen = DEFAULT_CODES.map((c) => seenAs(c.colour, matrix));
      for (let i = 0; i < seen.length; i++) {
        for (let j = i + 1; j < seen.length; j++) {
          const distance = Math.hypot(...seen[i].map((v, k) => v - seen[j][k]));
          expect(distance, `${DEFAULT_CODES[i].name} vs ${DEFAULT_CODES[j].name}`).toBeGreaterThanOrEqual(20);
        }
      }
    });
  }
});

describe('colours offered for new codes', () => {
  it('keep 3:1 contrast on the light and the dark background', async () => {
    const { CODE_PALETTE, nextCodeColour } = await import('../../shared/model/codebook');
    expect(CODE_PALETTE.slice(0, 3)).toEqual(DEFAULT_CODES.map((c) => c.colour));
    expect(nextCodeColour(DEFAULT_CODES)).toBe(CODE_PALETTE[3]);
    for (const colour of CODE_PALETTE) {
      expect(contrastRatio(colour, LIGHT_BACKGROUND), colour).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(colour, DARK_BACKGROUND), colour).toBeGreaterThanOrEqual(3);
    }
  });

  it('offers the palette in turn to codes added one by one', async () => {
    const { CODE_PALETTE, nextCodeColour } = await import('../../shared/model/codebook');
    const codes: { colour: string }[] = [];
    for (let i = 0; i < CODE_PALETTE.length; i++) codes.push({ colour: nextCodeColour(codes) });
    expect(codes.map((c) => c.colour)).toEqual(CODE_PALETTE);
  });

  // Thresholds: ΔE 15 is a difference seen at a glance on thin lines; the first six (the codes
  // most codebooks reach) keep 20, as the defaults do.
  for (const [vision, matrix] of Object.entries(SIMULATIONS)) {
    it(`keep the eight colours apart for ${vision} vision (CIELAB ΔE ≥ 15, the first six ≥ 20)`, async () => {
      const { CODE_PALETTE } = await import('../../shared/model/codebook');
      const seen = CODE_PALETTE.map((colour) => seenAs(colour, matrix));
      for (let i = 0; i < seen.length; i++) {
        for (let j = i + 1; j < seen.length; j++) {
          const distance = Math.hypot(...seen[i].map((v, k) => v - seen[j][k]));
          expect(distance, `${CODE_PALETTE[i]} vs ${CODE_PALETTE[j]}`).toBeGreaterThanOrEqual(j < 6 ? 20 : 15);
        }
      }
    });
  }
});
