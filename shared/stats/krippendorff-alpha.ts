/**
 * Krippendorff's alpha: reliability of coding for any number of coders, missing values, and the
 * nominal, ordinal, interval and ratio metrics.
 *
 * Follows the coincidence-matrix computation of Krippendorff (2011), "Computing Krippendorff's
 * Alpha-Reliability" (Annenberg School for Communication, Departmental Papers 43):
 *
 *   o_ck = Σ_u (number of c–k pairs of values in unit u) / (m_u − 1)     (m_u ≥ 2 values)
 *   n_c  = Σ_k o_ck,  n = Σ_c n_c
 *   D_o  = (1/n) Σ_c Σ_k o_ck δ²_ck
 *   D_e  = 1/(n(n − 1)) Σ_c Σ_k n_c n_k δ²_ck
 *   α    = 1 − D_o / D_e
 *
 * A unit with fewer than two values has no pairs and drops out. This module owns the reduction of
 * reliability data to "pairable units" (distinct values and their counts per unit), which the
 * bootstrap reuses to recompute alpha on resampled units without reading the matrix again.
 */
import { tally, unitsOf, type CodedValue, type ReliabilityData } from './reliability-data';

/**
 * How values are compared: `nominal` (equal or not), `ordinal` (ranks; the distance counts the
 * values coded between two ranks), `interval` ((c − k)²) or `ratio` (((c − k)/(c + k))²).
 */
export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

const LEVELS: readonly MeasurementLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/** Alpha with the quantities it is made of, for a report that shows its working. */
export interface AlphaResult {
  /** 1 − D_o/D_e; `NaN` when there are no pairable values or when D_e = 0 (no variation). */
  alpha: number;
  level: MeasurementLevel;
  /** Units with at least two values; the others take no part. */
  pairableUnits: number;
  /** n: the number of values in the pairable units. */
  pairableValues: number;
  /** D_o (`NaN` without pairable values). */
  observedDisagreement: number;
  /** D_e (`NaN` without pairable values; 0 when every pairable value is the same). */
  expectedDisagreement: number;
}

/** One pairable unit: which distinct values it holds (indices into `values`) and how often. */
export interface PairableUnit {
  readonly valueIndices: readonly number[];
  readonly counts: readonly number[];
  /** m_u, the number of values in the unit (≥ 2). */
  readonly size: number;
}

/** Reliability data reduced to what alpha reads: the pairable units over a table of values. */
export interface PairableUnits {
  readonly level: MeasurementLevel;
  /** Distinct values of the pairable units; ascending for the ordinal, interval and ratio levels. */
  readonly values: readonly CodedValue[];
  readonly units: readonly PairableUnit[];
}

/**
 * Krippendorff's alpha of `data` at `level`.
 *
 * `data` is coders × units (`data[c][u]`, `null` for a missing value; rows of equal length).
 * Values are strings or finite numbers; the ordinal, interval and ratio levels need numbers
 * (ordinal ranks them in numeric order) and ratio needs numbers ≥ 0. Units with fewer than two
 * values are dropped.
 *
 * Returns `NaN` when alpha is undefined: no unit has two values, or every pairable value is the
 * same (D_e = 0, so the data show no variation against which to judge agreement). Krippendorff
 * treats that case as undefined and the `krippendorff` Python package raises an error; NLTK's
 * `AnnotationTask.alpha()` answers 1 instead. Throws on malformed data (see `unitsOf`), on a
 * string at a numeric level, on a negative value at the ratio level, and on an unknown level.
 */
export function krippendorffAlpha(data: ReliabilityData, level: MeasurementLevel): number {
  return krippendorffAlphaDetails(data, level).alpha;
}

/** Krippendorff's alpha with its parts (units, n, D_o, D_e); inputs and errors as `krippendorffAlpha`. */
export function krippendorffAlphaDetails(data: ReliabilityData, level: MeasurementLevel): AlphaResult {
  return alphaOfUnits(pairableUnitsOf(data, level));
}

/**
 * Reduces coders × units data to its pairable units at `level`, checking every value (also those
 * of units that drop out) against the level. Inputs and errors as `krippendorffAlpha`.
 */
export function pairableUnitsOf(data: ReliabilityData, level: MeasurementLevel): PairableUnits {
  if (!LEVELS.includes(level)) throw new Error(`Unknown level of measurement: ${String(level)}.`);
  const units = unitsOf(data);
  if (level !== 'nominal') {
    units.forEach((values, unit) => {
      for (const value of values) {
        if (typeof value !== 'number') {
          throw new TypeError(`The ${level} level needs numbers; unit ${unit + 1} holds the text "${value}".`);
        }
        if (level === 'ratio' && value < 0) {
          throw new RangeError(`The ratio level needs values ≥ 0; unit ${unit + 1} holds ${value}.`);
        }
      }
    });
  }
  const pairable = units.filter((values) => values.length >= 2).map(tally);
  const distinct = new Set<CodedValue>();
  for (const counts of pairable) for (const value of counts.keys()) distinct.add(value);
  const values = [...distinct];
  if (level !== 'nominal') (values as number[]).sort((a, b) => a - b);
  const indexOf = new Map(values.map((value, index) => [value, index]));
  return {
    level,
    values,
    units: pairable.map((counts) => ({
      valueIndices: [...counts.keys()].map((value) => indexOf.get(value) as number),
      counts: [...counts.values()],
      size: [...counts.values()].reduce((sum, count) => sum + count, 0),
    })),
  };
}

/**
 * Alpha over pairable units, each unit taken `weights[u]` times (default once each): the bootstrap
 * passes how often each unit was drawn. `weights`, when given, has one non-negative integer per unit.
 */
export function alphaOfUnits(prepared: PairableUnits, weights?: ArrayLike<number>): AlphaResult {
  const size = prepared.values.length;
  const coincidences = new Float64Array(size * size);
  const marginals = new Float64Array(size);
  let pairableUnits = 0;
  prepared.units.forEach((unit, u) => {
    const weight = weights === undefined ? 1 : weights[u];
    if (weight === 0) return;
    pairableUnits += weight;
    const scale = weight / (unit.size - 1);
    unit.valueIndices.forEach((c, i) => {
      const nc = unit.counts[i];
      marginals[c] += weight * nc;
      unit.valueIndices.forEach((k, j) => {
        const pairs = i === j ? nc * (nc - 1) : nc * unit.counts[j];
        coincidences[c * size + k] += scale * pairs;
      });
    });
  });
  const n = marginals.reduce((sum, count) => sum + count, 0);
  const result: AlphaResult = {
    alpha: Number.NaN,
    level: prepared.level,
    pairableUnits,
    pairableValues: n,
    observedDisagreement: Number.NaN,
    expectedDisagreement: Number.NaN,
  };
  if (n < 2) return result;

  const delta = distances(prepared, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = delta[c * size + k];
      if (d === 0) continue;
      observed += coincidences[c * size + k] * d;
      expected += marginals[c] * marginals[k] * d;
    }
  }
  result.observedDisagreement = observed / n;
  result.expectedDisagreement = expected / (n * (n - 1));
  // Written as (n − 1)·ΣoΔ / Σn·nΔ, the form in Krippendorff (2011), to keep one division.
  if (expected > 0) result.alpha = 1 - ((n - 1) * observed) / expected;
  return result;
}

/** The squared difference δ²_ck of every pair of value indices, as a row-major size × size table. */
function distances(prepared: PairableUnits, marginals: Float64Array): Float64Array {
  const size = prepared.values.length;
  const delta = new Float64Array(size * size);
  const numbers = prepared.values as readonly number[];
  // Ordinal: running totals of n_g over the ranked values, so Σ_{g=c..k} n_g is one subtraction.
  const below = new Float64Array(size + 1);
  for (let g = 0; g < size; g++) below[g + 1] = below[g] + marginals[g];
  for (let c = 0; c < size; c++) {
    for (let k = c + 1; k < size; k++) {
      let d: number;
      switch (prepared.level) {
        case 'nominal':
          d = 1;
          break;
        case 'ordinal': {
          const between = below[k + 1] - below[c];
          d = (between - (marginals[c] + marginals[k]) / 2) ** 2;
          break;
        }
        case 'interval':
          d = (numbers[c] - numbers[k]) ** 2;
          break;
        case 'ratio': {
          const a = numbers[c];
          const b = numbers[k];
          d = a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
          break;
        }
      }
      delta[c * size + k] = d;
      delta[k * size + c] = d;
    }
  }
  return delta;
}
