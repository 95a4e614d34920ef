import { describe, expect, it } from 'vitest';
import {
  CODE_SET_SEPARATOR,
  characterUnits,
  codeSetKey,
  expandCharacterUnits,
  runMatrix,
} from '../../shared/stats/character-units';
import { krippendorffAlpha } from '../../shared/stats/index';
import type { Span } from '../../shared/stats/continuum';

const span = (coder: string, code: string, start: number, end: number, document = 'doc'): Span => ({
  coder,
  code,
  document,
  start,
  end,
});

/**
 * Nominal α over weighted units (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"),
 * every coder having a value in every unit: a small reference for the tests, independent of the
 * coefficient modules.
 */
function weightedNominalAlpha(
  matrix: ReadonlyArray<ReadonlyArray<number | string>>,
  weights?: readonly number[],
): number {
  const m = matrix.length;
  const margins = new Map<number | string, number>();
  let disagreeing = 0;
  let n = 0;
  for (let u = 0; u < matrix[0].length; u++) {
    const w = weights?.[u] ?? 1;
    const values = matrix.map((row) => row[u]);
    for (let i = 0; i < m; i++) {
      margins.set(values[i], (margins.get(values[i]) ?? 0) + w);
      n += w;
      for (let j = 0; j < m; j++) if (i !== j && values[i] !== values[j]) disagreeing += w / (m - 1);
    }
  }
  const squares = [...margins.values()].reduce((sum, nc) => sum + nc * nc, 0);
  return 1 - ((n - 1) * disagreeing) / (n * n - squares);
}

describe('characterUnits for one code', () => {
  /**
   * Krippendorff (1995, p. 57), pair A: Bertha and Bill on a continuum of 24, digitized. The same
   * data and the published figures (α 0.329, Cohen's κ 0.385, Scott's π 0.314) are in DKPro
   * Agreement's `Krippendorff1995Test.testDigitizedAgreement`.
   */
  const bertha = [span('Bertha', 'A', 2, 10), span('Bertha', 'A', 14, 20)];
  const bill = [span('Bill', 'A', 4, 8), span('Bill', 'A', 15, 17)];
  const units = characterUnits([...bertha, ...bill], [{ document: 'doc', length: 24 }], {
    coders: ['Bertha', 'Bill'],
    code: 'A',
  });

  it('gives a 0/1 row per coder, runs collapsed with their lengths as weights', () => {
    expect(units.columns).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [1, 0],
      [0, 0],
      [1, 0],
      [1, 1],
      [1, 0],
      [0, 0],
    ]);
    expect(units.weights).toEqual([2, 2, 4, 2, 4, 1, 2, 3, 4]);
    expect(units.runs[2]).toEqual({ document: 'doc', start: 4, end: 8 });
    expect(expandCharacterUnits(units)).toEqual([
      [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0],
      [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0],
    ]);
  });

  it("reproduces Krippendorff's (1995) α of 0.329 on the characters, compressed or expanded", () => {
    const expanded = weightedNominalAlpha(expandCharacterUnits(units));
    const compressed = weightedNominalAlpha(runMatrix(units), units.weights);
    expect(Math.abs(expanded - 0.329)).toBeLessThan(0.001);
    expect(compressed).toBeCloseTo(expanded, 12);
    // The workbench's own coefficient reads the expanded matrix as it stands.
    expect(krippendorffAlpha(expandCharacterUnits(units), 'nominal')).toBeCloseTo(expanded, 12);
  });
});

describe('characterUnits for all codes', () => {
  it('gives each character the set of codes of each coder, and "" where none', () => {
    const units = characterUnits(
      [span('ann', 'x', 0, 4), span('ann', 'y', 2, 6), span('bob', 'y', 2, 6)],
      [{ document: 'doc', length: 8 }],
    );
    expect(units.coders).toEqual(['ann', 'bob']);
    expect(units.columns).toEqual([
      ['x', ''],
      [codeSetKey(['y', 'x']), 'y'],
      ['y', 'y'],
      ['', ''],
    ]);
    expect(units.weights).toEqual([2, 2, 2, 2]);
    expect(codeSetKey(['y', 'x', 'y'])).toBe(`x${CODE_SET_SEPARATOR}y`);
  });

  it("treats a coder's overlapping spans of one code as their union", () => {
    const units = characterUnits(
      [span('ann', 'x', 0, 5), span('ann', 'x', 3, 8), span('ann', 'x', 3, 8), span('bob', 'x', 0, 8)],
      [{ document: 'doc', length: 8 }],
    );
    expect(units.columns).toEqual([['x', 'x']]);
    expect(units.weights).toEqual([8]);
  });

  it('counts every document for every coder, with zeros where a coder coded nothing', () => {
    const units = characterUnits(
      [span('ann', 'x', 0, 3, 'one')],
      [
        { document: 'one', length: 5 },
        { document: 'two', length: 4 },
        { document: 'empty', length: 0 },
      ],
      { coders: ['ann', 'bob'], code: 'x' },
    );
    expect(units.runs).toEqual([
      { document: 'one', start: 0, end: 3 },
      { document: 'one', start: 3, end: 5 },
      { document: 'two', start: 0, end: 4 },
    ]);
    expect(units.columns).toEqual([
      [1, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(units.weights.reduce((a, b) => a + b, 0)).toBe(9);
  });

  it('keeps runs few for a long text: one column per stretch between span boundaries', () => {
    const spans: Span[] = [];
    for (let i = 0; i < 2000; i++) spans.push(span(i % 2 ? 'ann' : 'bob', 'x', i * 500, i * 500 + 200));
    const units = characterUnits(spans, [{ document: 'doc', length: 1_000_000 }], { code: 'x' });
    expect(units.columns.length).toBe(4000);
    expect(units.weights.reduce((a, b) => a + b, 0)).toBe(1_000_000);
  });

  it('refuses a span outside its document', () => {
    expect(() => characterUnits([span('ann', 'x', 0, 9)], [{ document: 'doc', length: 8 }])).toThrow(RangeError);
  });
});
