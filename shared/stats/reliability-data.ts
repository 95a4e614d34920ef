/**
 * Reliability data: the one input shape of every agreement coefficient, and its checks.
 *
 * Coders are rows and units are columns (Krippendorff's canonical m × N layout): `data[c][u]` is
 * the value coder `c` gave unit `u`, or `null` when that coder gave none. Every coefficient reads
 * the data through `unitsOf`, so a ragged matrix, an `undefined`, a `NaN` or an object is refused
 * in the same words wherever it is passed.
 */

/** A value a coder can give a unit: a category name or a number (a code id, a rating). */
export type CodedValue = number | string;

/**
 * Coders × units: `data[c][u]` is coder `c`'s value for unit `u`, `null` when missing.
 * Every row must have the same length (one entry per unit).
 */
export type ReliabilityData = ReadonlyArray<ReadonlyArray<CodedValue | null>>;

/** The values one unit received, in coder order, missing values left out. */
export type UnitValues = CodedValue[];

/**
 * Checks the shape of `data` and returns, for each unit (column), the values present in it.
 * Throws an `Error` when the rows differ in length and a `TypeError` for a cell that is neither
 * `null`, a string, nor a finite number.
 */
export function unitsOf(data: ReliabilityData): UnitValues[] {
  const first = data[0];
  if (first === undefined) return [];
  const unitCount = first.length;
  data.forEach((row, coder) => {
    if (!Array.isArray(row)) throw new TypeError(`Coder ${coder + 1}'s values are not an array.`);
    if (row.length !== unitCount) {
      throw new Error(
        `Coder ${coder + 1} has ${row.length} values but coder 1 has ${unitCount}: every coder needs one entry per unit (null where the coder gave no value).`,
      );
    }
  });
  const units: UnitValues[] = [];
  for (let unit = 0; unit < unitCount; unit++) {
    const values: UnitValues = [];
    data.forEach((row, coder) => {
      const value: unknown = row[unit];
      if (value === null) return;
      if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
        values.push(value);
        return;
      }
      throw new TypeError(
        `Coder ${coder + 1}, unit ${unit + 1}: ${String(value)} is not a value; use a string, a finite number, or null for a missing value.`,
      );
    });
    units.push(values);
  }
  return units;
}

/** Counts how often each distinct value occurs among `values`, in order of first appearance. */
export function tally(values: readonly CodedValue[]): Map<CodedValue, number> {
  const counts = new Map<CodedValue, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Throws unless `data` has exactly two coders (rows); `measure` names the coefficient asked for. */
export function requireTwoCoders(data: ReliabilityData, measure: string): void {
  if (data.length !== 2) {
    throw new Error(`${measure} compares exactly two coders; the data has ${data.length}.`);
  }
}
