import { describe, expect, it } from 'vitest';
import { bootstrapAlpha, krippendorffAlpha, mulberry32 } from '../../shared/stats';
import { KRIPPENDORFF_2011_4X12 } from '../support/reliability-fixtures';

const _ = null;

describe('mulberry32', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(1.5)).toEqual(draw(1));
  });

  it('draws numbers in [0, 1) spread evenly', () => {
    const random = mulberry32(7);
    const bins = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = random();
      if (x < 0 || x >= 1) outside++;
      else bins[Math.floor(x * 10)]++;
    }
    expect(outside).toBe(0);
    for (const count of bins) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});

describe('bootstrapAlpha', () => {
  it('gives the same interval for the same seed', () => {
    const options = { samples: 500, seed: 2011 };
    expect(bootstrapAlpha(KRIPPENDORFF_2011_4X12, 'nominal', options)).toEqual(bootstrapAlpha(KRIPPENDORFF_2011_4X12, 'nominal', options));
  });

  it('gives different intervals for different seeds', () => {
    const lowers = new Set([1, 2, 3].map((seed) => bootstrapAlpha(KRIPPENDORFF_2011_4X12, 'interval', { samples: 500, seed }).lower));
    expect(lowers.size).toBeGreaterThan(1);
  });

  for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
    it(`holds the point estimate inside lower ≤ α ≤ upper for ${level} data (Krippendorff 2011 example)`, () => {
      const result = bootstrapAlpha(KRIPPENDORFF_2011_4X12, level, { samples: 1000, seed: 12 });
      expect(result.alpha).toBe(krippendorffAlpha(KRIPPENDORFF_2011_4X12, level));
      expect(result.lower).toBeLessThanOrEqual(result.alpha);
      expect(result.alpha).toBeLessThanOrEqual(result.upper);
      expect(result.upper).toBeLessThanOrEqual(1);
      expect(result).toMatchObject({ samples: 1000, confidence: 0.95 });
    });
  }

  it('nests the intervals: a higher confidence gives a wider one for the same seed', () => {
    const narrow = bootstrapAlpha(KRIPPENDORFF_2011_4X12, 'nominal', { samples: 1000, seed: 5, confidence: 0.8 });
    const wide = bootstrapAlpha(KRIPPENDORFF_2011_4X12, 'nominal', { samples: 1000, seed: 5, confidence: 0.99 });
    expect(wide.lower).toBeLessThanOrEqual(narrow.lower);
    expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper);
    expect(narrow.lower).toBeLessThan(narrow.upper);
  });

  it('gives [1, 1] for perfect agreement, leaving out resamples without variation', () => {
    const result = bootstrapAlpha([[1, 2, 3, 4], [1, 2, 3, 4]], 'nominal', { samples: 1000, seed: 9 });
    expect(result).toMatchObject({ alpha: 1, lower: 1, upper: 1 });
    // A resample draws the same unit four times with probability 4/4⁴ = 1/64.
    expect(result.undefinedSamples).toBeGreaterThan(0);
    expect(result.undefinedSamples).toBeLessThan(60);
  });

  it('answers NaN and draws nothing when alpha is undefined on the data', () => {
    expect(bootstrapAlpha([[1, _], [_, 2]], 'nominal', { samples: 100, seed: 1 })).toMatchObject({
      lower: Number.NaN,
      upper: Number.NaN,
      samples: 0,
    });
  });

  it('refuses invalid options', () => {
    const data = KRIPPENDORFF_2011_4X12;
    expect(() => bootstrapAlpha(data, 'nominal', { samples: 0, seed: 1 })).toThrow(/samples must be a positive integer/);
    expect(() => bootstrapAlpha(data, 'nominal', { samples: 2.5, seed: 1 })).toThrow(/samples/);
    expect(() => bootstrapAlpha(data, 'nominal', { samples: 10, seed: Number.NaN })).toThrow(/seed/);
    expect(() => bootstrapAlpha(data, 'nominal', { samples: 10, seed: 1, confidence: 1 })).toThrow(/confidence/);
  });
});
