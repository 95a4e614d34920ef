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
 * Percent agreement (0–1) over weighted units, every coder having a value in every unit: the mean
 * over units of the share of agreeing coder pairs, as `percentAgreement` on the expanded units.
 * `NaN` without units.
 */
export function weightedPercentAgreement({ columns, weights }: WeightedUnits): number {
  let sum = 0;
  let total = 0;
  columns.forEach((column, r) => {
    const m = column.length;
    const agreeing = agreeingPairs(column);
    sum += (weights[r] * agreeing) / (m * (m - 1));
    total += weights[r];
  });
  return total === 0 ? Number.NaN : sum / total;
}

/**
 * Cohen's kappa of two coders over weighted units (integer weights), as `cohenKappa` on the
 * expanded units: p_o from the weighted agreements, p_e from each coder's weighted distribution.
 * `NaN` without units or when p_e = 1.
 */
export function weightedCohenKappa({ columns, weights }: WeightedUnits): number {
  const first = new Map<string | number, number>();
  const second = new Map<string | number, number>();
  let total = 0;
  let agreeing = 0;
  columns.forEach(([a, b], r) => {
    const w = weights[r];
    total += w;
    if (a === b) agreeing += w;
    first.set(a, (first.get(a) ?? 0) + w);
    second.set(b, (second.get(b) ?? 0) + w);
  });
  let chance = 0;
  for (const [value, count] of first) chance += count * (second.get(value) ?? 0);
  return chanceCorrected(agreeing / total, chance, total * total);
}

/**
 * Fleiss' kappa over weighted units (integer weights), each unit rated by every coder, as
 * `fleissKappa` on the expanded units. `NaN` without units or when p_e = 1.
 */
export function weightedFleissKappa({ columns, weights }: WeightedUnits): number {
  const totals = new Map<string | number, number>();
  let agreeing = 0;
  let units = 0;
  let m = 0;
  columns.forEach((column, r) => {
    const w = weights[r];
    m = column.length;
    units += w;
    agreeing += w * agreeingPairs(column);
    for (const value of column) totals.set(value, (totals.get(value) ?? 0) + w);
  });
  let chance = 0;
  for (const total of totals.values()) chance += total * total;
  return chanceCorrected(agreeing / (units * m * (m - 1)), chance, (units * m) ** 2);
}

/**
 * The ordered pairs of different coders that agree on a unit: Σ count·(count − 1) over its
 * distinct values. Compared pair by pair, with no table per unit: a report reads hundreds of
 * thousands of runs, each of a few coders.
 */
function agreeingPairs(column: ReadonlyArray<string | number>): number {
  let pairs = 0;
  for (let i = 0; i < column.length; i++) for (let j = i + 1; j < column.length; j++) if (column[i] === column[j]) pairs += 2;
  return pairs;
}

/** (p_o − p_e)/(1 − p_e) with p_e = chance/chanceOf in whole numbers, so p_e = 1 is seen exactly. */
function chanceCorrected(observed: number, chance: number, chanceOf: number): number {
  if (chanceOf === 0 || chance === chanceOf) return Number.NaN;
  const expected = chance / chanceOf;
  return (observed - expected) / (1 - expected);
}
