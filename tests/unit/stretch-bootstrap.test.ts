import { describe, expect, it } from 'vitest';
import {
  characterUnits,
  clusterBootstrapSteps,
  clusterCoincidences,
  clusteredAlpha,
  documentClusters,
  expandCharacterUnits,
  krippendorffAlpha,
  MIN_BOOTSTRAP_CLUSTERS,
  stretchClusters,
  type Span,
} from '../../shared/stats';

const span = (coder: string, code: string, start: number, end: number, document = 'doc'): Span => ({ coder, code, document, start, end });

describe('stretchClusters', () => {
  it('joins overlapping segments of any coder into one stretch, with the uncoded text before it', () => {
    const spans = [span('ann', 'x', 5, 10), span('bob', 'y', 8, 14), span('bob', 'x', 20, 25), span('ann', 'x', 22, 30)];
    expect(stretchClusters(spans, [{ document: 'doc', length: 40 }])).toEqual([
      { document: 'doc', start: 0, end: 20, coded: true },
      { document: 'doc', start: 20, end: 40, coded: true },
    ]);
  });

  it('keeps segments that only touch apart, and a segment inside another in the same stretch', () => {
    const spans = [span('ann', 'x', 0, 10), span('bob', 'x', 10, 20), span('bob', 'y', 12, 15), span('ann', 'y', 30, 31)];
    expect(stretchClusters(spans, [{ document: 'doc', length: 35 }])).toEqual([
      { document: 'doc', start: 0, end: 10, coded: true },
      { document: 'doc', start: 10, end: 30, coded: true },
      { document: 'doc', start: 30, end: 35, coded: true },
    ]);
  });

  it('starts again in every document: an uncoded one is one cluster (not a coded one), an empty one none, empty segments count for nothing', () => {
    const spans = [span('ann', 'x', 3, 4, 'b'), span('bob', 'x', 6, 6, 'b'), span('bob', 'x', 7, 9, 'b')];
    const continua = [
      { document: 'a', length: 12 },
      { document: 'empty', length: 0 },
      { document: 'b', length: 10 },
    ];
    expect(stretchClusters(spans, continua)).toEqual([
      { document: 'a', start: 0, end: 12, coded: false },
      { document: 'b', start: 0, end: 7, coded: true },
      { document: 'b', start: 7, end: 10, coded: true },
    ]);
  });
});

describe('documentClusters', () => {
  it('makes every document with text one cluster, coded when a non-empty span lies in it', () => {
    const spans = [span('ann', 'x', 3, 4, 'b'), span('bob', 'x', 6, 6, 'c')];
    const continua = [
      { document: 'a', length: 12 },
      { document: 'empty', length: 0 },
      { document: 'b', length: 10 },
      { document: 'c', length: 8 },
    ];
    expect(documentClusters(spans, continua)).toEqual([
      { document: 'a', start: 0, end: 12, coded: false },
      { document: 'b', start: 0, end: 10, coded: true },
      { document: 'c', start: 0, end: 8, coded: false },
    ]);
  });
});

describe('clusteredAlpha', () => {
  const spans = [
    span('ann', 'x', 2, 9),
    span('bob', 'x', 3, 9),
    span('ann', 'y', 12, 20),
    span('bob', 'x', 14, 22),
    span('cy', 'y', 12, 18),
    span('ann', 'x', 30, 34, 'two'),
    span('cy', 'x', 31, 40, 'two'),
  ];
  const continua = [
    { document: 'doc', length: 25 },
    { document: 'two', length: 45 },
  ];
  const coders = ['ann', 'bob', 'cy'];
  const units = characterUnits(spans, continua, { coders });
  const clusters = stretchClusters(spans, continua);
  const rows = clusterCoincidences(units, ['x', 'y'], clusters);
  const expanded = expandCharacterUnits(units);

  it("equals Krippendorff's nominal α of the characters, per code and for the code sets", () => {
    expect(clusteredAlpha(rows[2])).toBeCloseTo(krippendorffAlpha(expanded, 'nominal'), 12);
    for (const [row, code] of [[0, 'x'], [1, 'y']] as const) {
      const coded = expanded.map((values) => values.map((value) => (value.split('\u001f').includes(code) ? 1 : 0)));
      expect(clusteredAlpha(rows[row])).toBeCloseTo(krippendorffAlpha(coded, 'nominal'), 12);
    }
  });

  it('counts a cluster as often as it is drawn, as the characters of the drawn clusters put together', () => {
    const drawn = [2, 0, 1, 3].slice(0, clusters.length);
    const data = expanded.map((values) => {
      const start = (cluster: number) => clusters.slice(0, cluster).reduce((sum, c) => sum + c.end - c.start, 0);
      return clusters.flatMap((cluster, u) => {
        const characters = values.slice(start(u), start(u) + cluster.end - cluster.start);
        return Array.from({ length: drawn[u] }, () => characters).flat();
      });
    });
    expect(clusteredAlpha(rows[2], drawn)).toBeCloseTo(krippendorffAlpha(data, 'nominal'), 12);
  });

  it('is undefined without variation, and with no cluster drawn', () => {
    const same = characterUnits([span('ann', 'x', 0, 5), span('bob', 'x', 0, 5)], [{ document: 'doc', length: 5 }], { coders: ['ann', 'bob'] });
    const [row] = clusterCoincidences(same, ['x'], stretchClusters(same.runs.length ? [span('ann', 'x', 0, 5)] : [], [{ document: 'doc', length: 5 }]));
    expect(clusteredAlpha(row)).toBeNaN();
    expect(clusteredAlpha(rows[2], new Array(clusters.length).fill(0))).toBeNaN();
  });
});

describe('clusterBootstrapSteps', () => {
  const interval = (seed: number, samples = 200) => {
    const spans = Array.from({ length: 40 }, (_, i) => [span('ann', 'x', i * 20, i * 20 + 10), span('bob', i % 3 ? 'x' : 'y', i * 20 + (i % 4), i * 20 + 12)]).flat();
    const continua = [{ document: 'doc', length: 800 }];
    const rows = clusterCoincidences(characterUnits(spans, continua, { coders: ['ann', 'bob'] }), ['x', 'y'], stretchClusters(spans, continua));
    const steps = clusterBootstrapSteps(rows, { samples, seed, confidence: 0.95 });
    const seen: number[] = [];
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return { intervals: step.value, seen, alphas: rows.map((row) => clusteredAlpha(row)) };
      seen.push(step.value.done);
    }
  };

  it('gives the same intervals for the same seed and others for another, around α', () => {
    const first = interval(7);
    expect(interval(7)).toEqual(first);
    expect(interval(8).intervals).not.toEqual(first.intervals);
    first.intervals.forEach(({ lower, upper, confidence }, row) => {
      expect(confidence).toBe(0.95);
      expect(lower).toBeLessThan(first.alphas[row]);
      expect(first.alphas[row]).toBeLessThan(upper);
    });
  });

  it('says for each row on how many resamples α was defined', () => {
    for (const { validResamples } of interval(7).intervals) {
      expect(validResamples).toBeGreaterThan(190);
      expect(validResamples).toBeLessThanOrEqual(200);
    }
  });

  it('gives no interval with a single cluster, where every resample would be the data itself', () => {
    // Overlapping segments chain into one stretch: one cluster.
    const spans = Array.from({ length: 10 }, (_, i) => [span('ann', 'x', i * 10, i * 10 + 8), span('bob', i % 3 ? 'x' : 'y', i * 10 + 5, i * 10 + 13)]).flat();
    const continua = [{ document: 'doc', length: 120 }];
    const clusters = stretchClusters(spans, continua);
    expect(clusters).toHaveLength(1);
    const rows = clusterCoincidences(characterUnits(spans, continua, { coders: ['ann', 'bob'] }), ['x', 'y'], clusters);
    expect(clusteredAlpha(rows[2])).toEqual(expect.any(Number));
    const steps = clusterBootstrapSteps(rows, { samples: 50, seed: 1, confidence: 0.95 });
    let step = steps.next();
    while (!step.done) step = steps.next();
    for (const ci of step.value) expect(ci).toEqual({ lower: Number.NaN, upper: Number.NaN, confidence: 0.95, validResamples: 0 });
    expect(MIN_BOOTSTRAP_CLUSTERS).toBe(2);
  });

  it('says how far it is every ten resamples', () => {
    expect(interval(1, 35).seen).toEqual([10, 20, 30]);
  });

  it('refuses invalid options', () => {
    expect(() => clusterBootstrapSteps([], { samples: 0, seed: 1, confidence: 0.95 }).next()).toThrow(/samples must be a positive integer/);
    expect(() => clusterBootstrapSteps([], { samples: 10, seed: 1, confidence: 1.5 }).next()).toThrow(/confidence/);
  });
});
