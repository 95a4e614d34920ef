/**
 * Percent agreement and the kappa family for nominal codes: Cohen's kappa and Scott's pi for two
 * coders, Fleiss' kappa for a fixed number of ratings per unit.
 *
 * Each coefficient is (p_o − p_e) / (1 − p_e); they differ in what counts as a unit and in p_e,
 * the agreement expected by chance. Inputs share the coders × units shape of Krippendorff's alpha
 * (`null` for a missing value) so a report can show all of them side by side. The kappas keep
 * their counts as integers until the last division, so p_e = 1 (undefined) is recognised exactly.
 */
import { requireTwoCoders, tally, unitsOf, type CodedValue, type ReliabilityData } from './reliability-data';

/** A chance-corrected agreement coefficient with the parts it is made of. */
export interface ChanceCorrectedAgreement {
  /** (p_o − p_e) / (1 − p_e); `NaN` when no unit qualifies or when p_e = 1. */
  coefficient: number;
  /** p_o, the observed share of agreement (`NaN` when no unit qualifies). */
  observedAgreement: number;
  /** p_e, the share of agreement expected by chance (`NaN` when no unit qualifies). */
  expectedAgreement: number;
  /** The units the coefficient was computed over. */
  units: number;
}

/**
 * Percent agreement as a share in [0, 1]: over the units that received at least two values, the
 * mean share of agreeing pairs of values (Σ_k n_uk(n_uk − 1) / (m_u(m_u − 1)) for unit u). With
 * two coders this is the share of units, among those both coded, on which they gave the same
 * value; with more coders it is the average pairwise agreement. `data` is coders × units with
 * `null` for a missing value, values compared by identity (`1` and `'1'` differ). `NaN` when no
 * unit has two values. Throws on malformed data (rows of different lengths, invalid cells).
 */
export function percentAgreement(data: ReliabilityData): number {
  let units = 0;
  let sum = 0;
  for (const values of unitsOf(data)) {
    const m = values.length;
    if (m < 2) continue;
    let agreeingPairs = 0;
    for (const count of tally(values).values()) agreeingPairs += count * (count - 1);
    sum += agreeingPairs / (m * (m - 1));
    units++;
  }
  return units === 0 ? Number.NaN : sum / units;
}

/**
 * Cohen's (1960) kappa for exactly two coders: `data` has two rows (coder A, coder B) of equal
 * length, one entry per unit, `null` for missing. Only units that both coders coded count.
 * p_e = Σ_k p_A(k) p_B(k) from each coder's own distribution of values. `NaN` when no unit was
 * coded by both, or when both coders used one and the same value throughout (p_e = 1).
 * Throws unless there are exactly two coders, and on malformed data.
 */
export function cohenKappa(data: ReliabilityData): number {
  return cohenKappaDetails(data).coefficient;
}

/** Cohen's kappa with p_o, p_e and the number of units; inputs and errors as `cohenKappa`. */
export function cohenKappaDetails(data: ReliabilityData): ChanceCorrectedAgreement {
  const { pairs, agreeing, first, second } = pairedUnits(data, "Cohen's kappa");
  let chance = 0;
  for (const [value, count] of first) chance += count * (second.get(value) ?? 0);
  return chanceCorrected(agreeing, pairs, chance, pairs * pairs);
}

/**
 * Scott's (1955) pi for exactly two coders: as `cohenKappa`, but p_e = Σ_k p(k)² from the values
 * of both coders pooled, as if both drew from one distribution. Same inputs, `NaN` cases and errors.
 */
export function scottPi(data: ReliabilityData): number {
  return scottPiDetails(data).coefficient;
}

/** Scott's pi with p_o, p_e and the number of units; inputs and errors as `scottPi`. */
export function scottPiDetails(data: ReliabilityData): ChanceCorrectedAgreement {
  const { pairs, agreeing, first, second } = pairedUnits(data, "Scott's pi");
  const pooled = new Map(first);
  for (const [value, count] of second) pooled.set(value, (pooled.get(value) ?? 0) + count);
  let chance = 0;
  for (const count of pooled.values()) chance += count * count;
  return chanceCorrected(agreeing, pairs, chance, 4 * pairs * pairs);
}

/**
 * Fleiss' (1971) kappa for nominal values: any number of coders, every unit rated the same number
 * of times m ≥ 2 (the raters may differ from unit to unit). `data` is coders × units, `null` for
 * missing; a unit with no value at all is left out. p_o is the mean over units of the share of
 * agreeing rating pairs, p_e = Σ_k p(k)² over all ratings. With two coders and no missing values
 * it equals Scott's pi.
 *
 * `NaN` when no unit is rated, when each unit holds a single rating (m = 1), or when every rating
 * is the same value (p_e = 1). Throws an `Error` when units are rated different numbers of times
 * (Krippendorff's alpha handles such data) and on malformed data.
 */
export function fleissKappa(data: ReliabilityData): number {
  return fleissKappaDetails(data).coefficient;
}

/** Fleiss' kappa with p_o, p_e and the number of units; inputs and errors as `fleissKappa`. */
export function fleissKappaDetails(data: ReliabilityData): ChanceCorrectedAgreement {
  const rated = unitsOf(data).filter((values) => values.length > 0);
  const first = rated[0];
  if (first === undefined) return chanceCorrected(0, 0, 0, 0);
  const m = first.length;
  rated.forEach((values, index) => {
    if (values.length !== m) {
      throw new Error(
        `Fleiss' kappa needs the same number of ratings for every unit; one unit has ${m} and another ${values.length} (rated unit ${index + 1}). Use Krippendorff's alpha for data with missing values.`,
      );
    }
  });
  const units = rated.length;
  if (m < 2) return { coefficient: Number.NaN, observedAgreement: Number.NaN, expectedAgreement: Number.NaN, units };
  let agreeingPairs = 0;
  const totals = new Map<CodedValue, number>();
  for (const values of rated) {
    for (const [value, count] of tally(values)) {
      agreeingPairs += count * (count - 1);
      totals.set(value, (totals.get(value) ?? 0) + count);
    }
  }
  let chance = 0;
  for (const total of totals.values()) chance += total * total;
  const ratings = units * m;
  return chanceCorrected(agreeingPairs, units * m * (m - 1), chance, ratings * ratings, units);
}

/** Units coded by both of two coders, how many agree, and each coder's count of each value. */
function pairedUnits(data: ReliabilityData, measure: string) {
  requireTwoCoders(data, measure);
  unitsOf(data);
  const [a, b] = [data[0], data[1]];
  const first = new Map<CodedValue, number>();
  const second = new Map<CodedValue, number>();
  let pairs = 0;
  let agreeing = 0;
  a.forEach((valueA, unit) => {
    const valueB = b[unit];
    if (valueA === null || valueB === null) return;
    pairs++;
    if (valueA === valueB) agreeing++;
    first.set(valueA, (first.get(valueA) ?? 0) + 1);
    second.set(valueB, (second.get(valueB) ?? 0) + 1);
  });
  return { pairs, agreeing, first, second };
}

/**
 * (p_o − p_e)/(1 − p_e) with p_o = agree/agreeOf and p_e = chance/chanceOf, given as integer
 * ratios so that p_e = 1 is recognised exactly. `units` defaults to `agreeOf`.
 */
function chanceCorrected(
  agree: number,
  agreeOf: number,
  chance: number,
  chanceOf: number,
  units = agreeOf,
): ChanceCorrectedAgreement {
  if (agreeOf === 0) return { coefficient: Number.NaN, observedAgreement: Number.NaN, expectedAgreement: Number.NaN, units };
  const observedAgreement = agree / agreeOf;
  const expectedAgreement = chance / chanceOf;
  const coefficient = chance === chanceOf ? Number.NaN : (observedAgreement - expectedAgreement) / (1 - expectedAgreement);
  return { coefficient, observedAgreement, expectedAgreement, units };
}
