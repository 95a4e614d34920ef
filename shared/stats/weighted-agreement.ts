/**
 * Percent agreement and the kappas over weighted units: units kept in runs (`character-units.ts`),
 * each run counting as many units as its weight, so that a long text costs as many columns as it
 * has segment boundaries rather than characters. Each coefficient equals its unweighted
 * counterpart in `kappa.ts` on the expanded units; like them, the kappas keep their counts whole
 * until the last division, so p_e = 1 (undefined) is recognised exactly.
 */

/** Units in runs: `columns[r]` holds every coder's value over run r, which counts `weights[r]` times. */
export interface WeightedUnits {
  columns: ReadonlyArray<ReadonlyArray<string | number>>;
  weights: readonly number[];
}

/**
 * Units in runs with their values numbered 0 … kinds − 1 (equal values, equal numbers): coder c's
 * value over run r is `values[r * coders + c]`, and run r counts `weights[r]` times. The form a
 * report with hundreds of thousands of runs reads without an array per run.
 */
export interface NumberedUnits {
  coders: number;
  kinds: number;
  values: ArrayLike<number>;
  weights: ArrayLike<number>;
}

/** `units` with their values numbered in the order first met. */
export function numberedUnits({ columns, weights }: WeightedUnits): NumberedUnits {
  const coders = columns[0]?.length ?? 0;
  const numbers = new Map<string | number, number>();
  const values = new Uint32Array(columns.length * coders);
  columns.forEach((column, r) => {
    if (column.length !== coders) throw new RangeError(`Every unit needs a value of each of the ${coders} coders; unit ${r} has ${column.length}.`);
    column.forEach((value, c) => {
      let number = numbers.get(value);
      if (number === undefined) numbers.set(value, (number = numbers.size));
      values[r * coders + c] = number;
    });
  });
  return { coders, kinds: numbers.size, values, weights };
}

/**
 * Percent agreement (0–1) over weighted units, every coder having a value in every unit: the mean
 * over units of the share of agreeing coder pairs, as `percentAgreement` on the expanded units.
 * `NaN` without units.
 */
export function weightedPercentAgreement(units: WeightedUnits | NumberedUnits): number {
  const { coders: m, values, weights } = numbered(units);
  let sum = 0;
  let total = 0;
  for (let r = 0; r < weights.length; r++) {
    sum += (weights[r] * agreeingPairs(values, r * m, m)) / (m * (m - 1));
    total += weights[r];
  }
  return total === 0 ? Number.NaN : sum / total;
}

/**
 * Cohen's kappa of two coders over weighted units (integer weights), as `cohenKappa` on the
 * expanded units: p_o from the weighted agreements, p_e from each coder's weighted distribution.
 * `NaN` without units or when p_e = 1.
 */
export function weightedCohenKappa(units: WeightedUnits | NumberedUnits): number {
  const { coders: m, kinds, values, weights } = numbered(units);
  const first = new Float64Array(kinds);
  const second = new Float64Array(kinds);
  let total = 0;
  let agreeing = 0;
  for (let r = 0; r < weights.length; r++) {
    const w = weights[r];
    const a = values[r * m];
    const b = values[r * m + 1];
    total += w;
    if (a === b) agreeing += w;
    first[a] += w;
    second[b] += w;
  }
  let chance = 0;
  for (let k = 0; k < kinds; k++) chance += first[k] * second[k];
  return chanceCorrected(agreeing / total, chance, total * total);
}

/**
 * Fleiss' kappa over weighted units (integer weights), each unit rated by every coder, as
 * `fleissKappa` on the expanded units. `NaN` without units or when p_e = 1.
 */
export function weightedFleissKappa(units: WeightedUnits | NumberedUnits): number {
  const { coders: m, kinds, values, weights } = numbered(units);
  const totals = new Float64Array(kinds);
  let agreeing = 0;
  let count = 0;
  for (let r = 0; r < weights.length; r++) {
    const w = weights[r];
    count += w;
    agreeing += w * agreeingPairs(values, r * m, m);
    for (let c = 0; c < m; c++) totals[values[r * m + c]] += w;
  }
  let chance = 0;
  for (let k = 0; k < kinds; k++) chance += totals[k] * totals[k];
  return chanceCorrected(agreeing / (count * m * (m - 1)), chance, (count * m) ** 2);
}

function numbered(units: WeightedUnits | NumberedUnits): NumberedUnits {
  return 'values' in units ? units : numberedUnits(units);
}

/**
 * The ordered pairs of different coders that agree on a unit (its `m` values from `at`):
 * Σ count·(count − 1) over its distinct values. Compared pair by pair, with no table per unit: a
 * report reads hundreds of thousands of runs, each of a few coders.
 */
function agreeingPairs(values: ArrayLike<number>, at: number, m: number): number {
  let pairs = 0;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) if (values[at + i] === values[at + j]) pairs += 2;
  return pairs;
}

/** (p_o − p_e)/(1 − p_e) with p_e = chance/chanceOf in whole numbers, so p_e = 1 is seen exactly. */
function chanceCorrected(observed: number, chance: number, chanceOf: number): number {
  if (chanceOf === 0 || chance === chanceOf) return Number.NaN;
  const expected = chance / chanceOf;
  return (observed - expected) / (1 - expected);
}
