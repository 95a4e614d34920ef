/**
 * A bootstrap confidence interval for Krippendorff's alpha, resampling units.
 *
 * Method: the pairable units (those with at least two values) are drawn with replacement, as many
 * as there are, `samples` times; alpha is recomputed on each resample (coincidences, and for the
 * ordinal metric the ranks' weights, from the drawn units); the interval is the percentile interval
 * of those alphas (quantiles interpolated linearly between order statistics, R's type 7).
 * Resamples on which alpha is undefined (all drawn values the same) are counted and left out.
 *
 * This is the ordinary nonparametric bootstrap over units, which keeps each unit's values
 * together. It is not Krippendorff's own bootstrap (Hayes & Krippendorff 2007, the KALPHA macro),
 * which resamples pairs of values from the coincidence matrix with D_e held fixed; the two give
 * similar but not identical intervals.
 *
 * It suits units that are independent, such as the items of a questionnaire. The characters of a
 * coded text are not: the reliability report resamples coded stretches instead
 * (`stretch-bootstrap.ts`), with this module's checks and percentile interval.
 */
import { alphaOfUnits, pairableUnitsOf, type MeasurementLevel } from './krippendorff-alpha';
import type { ReliabilityData } from './reliability-data';
import { mulberry32 } from '../model/seeded-random';

/** How to bootstrap. */
export interface BootstrapOptions {
  /** Number of resamples, a positive integer (1000 or more for a reported interval). */
  samples: number;
  /** Seed of the random draws; the same seed gives the same interval (low 32 bits are used). */
  seed: number;
  /** Coverage of the interval, strictly between 0 and 1; 0.95 when left out. */
  confidence?: number;
}

/** Alpha and its bootstrap percentile interval. */
export interface BootstrapInterval {
  /** Alpha of the data as given (`krippendorffAlpha`). */
  alpha: number;
  /** Lower and upper bounds; `NaN` when alpha is undefined on the data or on every resample. */
  lower: number;
  upper: number;
  confidence: number;
  /** Number of resamples drawn: `options.samples`, or 0 when alpha is undefined on the data. */
  samples: number;
  /** How many of them had an undefined alpha and were left out of the interval. */
  undefinedSamples: number;
}

/**
 * Krippendorff's alpha of `data` at `level` with a bootstrap interval over units (see the module
 * comment for the method). `data` and `level` are as for `krippendorffAlpha`. Deterministic for a
 * given seed. Throws on invalid options and as `krippendorffAlpha` on malformed data.
 */
export function bootstrapAlpha(
  data: ReliabilityData,
  level: MeasurementLevel,
  options: BootstrapOptions,
): BootstrapInterval {
  const { samples, seed } = options;
  const confidence = options.confidence ?? 0.95;
  checkBootstrapOptions(samples, seed, confidence);

  const prepared = pairableUnitsOf(data, level);
  const alpha = alphaOfUnits(prepared).alpha;
  const result: BootstrapInterval = { alpha, lower: Number.NaN, upper: Number.NaN, confidence, samples, undefinedSamples: 0 };
  if (Number.isNaN(alpha)) return { ...result, samples: 0 };

  const random = mulberry32(seed);
  const unitCount = prepared.units.length;
  const drawn = new Uint32Array(unitCount);
  const alphas: number[] = [];
  for (let sample = 0; sample < samples; sample++) {
    drawn.fill(0);
    for (let draw = 0; draw < unitCount; draw++) drawn[Math.floor(random() * unitCount)]++;
    const resampled = alphaOfUnits(prepared, drawn).alpha;
    if (Number.isNaN(resampled)) result.undefinedSamples++;
    else alphas.push(resampled);
  }
  return { ...result, ...percentileInterval(alphas, confidence) };
}

/** A bootstrap percentile interval. */
export interface ConfidenceInterval {
  lower: number;
  upper: number;
  confidence: number;
}

/** How far a long computation is: `done` of `total` steps. */
export interface StepProgress {
  done: number;
  total: number;
}

/** Throws a `RangeError` for a bad number of samples, seed or coverage. */
export function checkBootstrapOptions(samples: number, seed: number, confidence: number): void {
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`samples must be a positive integer, not ${samples}.`);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, not ${seed}.`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must lie strictly between 0 and 1, not ${confidence}.`);
}

/** The percentile interval of the resampled `alphas` (sorted in place); `NaN` bounds when there are none. */
export function percentileInterval(alphas: number[], confidence: number): { lower: number; upper: number } {
  if (alphas.length === 0) return { lower: Number.NaN, upper: Number.NaN };
  alphas.sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  return { lower: quantile(alphas, tail), upper: quantile(alphas, 1 - tail) };
}

/** The p-quantile of ascending `sorted` (non-empty), interpolating between order statistics (type 7). */
function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}
