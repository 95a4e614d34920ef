import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import {
  cohenKappa,
  fleissKappa,
  krippendorffAlpha,
  mulberry32,
  percentAgreement,
  reliabilityReport,
  reliabilityReportCsv,
  reliabilityReportHtml,
  stretchClusters,
  unitsMatrixCsv,
  weightedCohenKappa,
  weightedFleissKappa,
  weightedPercentAgreement,
  type ReliabilityInput,
  type ReliabilityOptions,
  type ReliabilityReport,
  type ReliabilityRow,
} from '../../shared/stats';

type Segment = ReliabilityInput['segments'][number];

let nextId = 0;
const seg = (coder: string, codeId: string, start: number, end: number, documentId = 'doc'): Segment => ({
  id: `s${++nextId}`,
  documentId,
  codeId,
  start,
  end,
  coder,
});

const CODES = [
  { id: 'x', name: 'praise', parentId: null },
  { id: 'y', name: 'blame', parentId: null },
  { id: 'z', name: 'irony', parentId: 'y' },
];

const options = (overrides: Partial<ReliabilityOptions> = {}): ReliabilityOptions => ({
  coders: ['ann', 'bob'],
  documentIds: ['doc'],
  codeIds: ['x', 'y'],
  minOverlap: 50,
  ...overrides,
});

const rowOf = (report: ReliabilityReport, codeId: string | null): ReliabilityRow => {
  const row = report.rows.find((r) => r.codeId === codeId);
  if (row === undefined) throw new Error(`no row ${codeId}`);
  return row;
};

/** Per character (code point) values of each coder, built straight from the spans: the reference. */
function expanded(input: ReliabilityInput, chosen: ReliabilityOptions, codeId: string | null): Array<Array<string | number>> {
  return chosen.coders.map((coder) =>
    chosen.documentIds.flatMap((documentId) => {
      const text = input.documents.find((d) => d.id === documentId)?.text ?? '';
      const values: Array<string | number> = [];
      let utf16 = 0;
      for (const character of text) {
        const codes = input.segments
          .filter((s) => s.coder === coder && s.documentId === documentId && chosen.codeIds.includes(s.codeId))
          .filter((s) => s.start <= utf16 && utf16 < s.end)
          .map((s) => s.codeId);
        values.push(codeId === null ? [...new Set(codes)].sort().join('+') : codes.includes(codeId) ? 1 : 0);
        utf16 += character.length;
      }
      return values;
    }),
  );
}

/** Span data with some agreement: shared passages that each coder shifts, drops or adds to. */
function simulated(seed: number, coders: readonly string[], text: string): ReliabilityInput {
  const random = mulberry32(seed);
  const length = [...text].length;
  const points: number[] = [];
  for (let i = 0, at = 0; i <= length; i++) {
    points.push(at);
    at += (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
  }
  const segments: Segment[] = [];
  for (let passage = 0; passage < 14; passage++) {
    const code = ['x', 'y', 'z'][Math.floor(random() * 3)];
    const start = Math.floor(random() * (length - 40));
    const end = start + 5 + Math.floor(random() * 35);
    for (const coder of coders) {
      if (random() < 0.2) continue;
      const s = Math.max(0, start + Math.floor(random() * 7) - 3);
      const e = Math.min(length, end + Math.floor(random() * 7) - 3);
      segments.push(seg(coder, code, points[s], points[e]));
    }
  }
  return { documents: [{ id: 'doc', title: 'Simulated', text }], codes: CODES, segments };
}

describe('reliabilityReport on a hand-made example (two coders, two codes)', () => {
  //   position   0  1  2  3  4  5  6  7  8  9
  //   ann        x  x  x  x  xy xy y  y  y  y      x [0,6), y [4,10)
  //   bob        ∅  ∅  x  x  x  x  x  x  y  y      x [2,8), y [8,10)
  const input: ReliabilityInput = {
    documents: [{ id: 'doc', title: 'Example', text: 'abcdefghij' }],
    codes: CODES,
    segments: [seg('ann', 'x', 0, 6), seg('ann', 'y', 4, 10), seg('bob', 'x', 2, 8), seg('bob', 'y', 8, 10)],
  };
  const report = reliabilityReport(input, options());

  it('computes code x by hand: agreement 0.6, κ 1/6, α 5/24', () => {
    // ann 1111110000, bob 0011111100: agree at 2–5 and 8–9, 6 of 10 → p_o = 0.6.
    // p_e = 0.6·0.6 + 0.4·0.4 = 0.52, κ = (0.6 − 0.52)/(1 − 0.52) = 0.08/0.48 = 1/6.
    // α: n = 20 values, n_1 = 12, n_0 = 8; 4 disagreeing units give Σ_{c≠k} o_ck = 8;
    // α = 1 − (n − 1)·8 / (2·n_0·n_1) = 1 − 19·8/192 = 40/192 = 5/24.
    const { measures } = rowOf(report, 'x');
    expect(measures.percentAgreement).toBeCloseTo(0.6, 12);
    expect(measures.cohenKappa).toBeCloseTo(1 / 6, 12);
    expect(measures.alphaNominal).toBeCloseTo(5 / 24, 12);
    expect(measures.fleissKappa).toBeNull();
  });

  it('computes code y by hand: agreement 0.6, κ 2/7, α 5/24', () => {
    // ann 0000111111, bob 0000000011: agree at 0–3 and 8–9 → p_o = 0.6.
    // p_e = 0.6·0.2 + 0.4·0.8 = 0.44, κ = 0.16/0.56 = 2/7.
    // α: n_1 = 8, n_0 = 12, Σ_{c≠k} o_ck = 8 → 1 − 19·8/192 = 5/24.
    const { measures } = rowOf(report, 'y');
    expect(measures.percentAgreement).toBeCloseTo(0.6, 12);
    expect(measures.cohenKappa).toBeCloseTo(2 / 7, 12);
    expect(measures.alphaNominal).toBeCloseTo(5 / 24, 12);
  });

  it('computes the overall row on the code set per character: agreement 0.4, κ 2/17, α 7/64', () => {
    // Sets: ann x x x x xy xy y y y y, bob ∅ ∅ x x x x x x y y; agree at 2, 3, 8, 9 → p_o = 0.4.
    // p_e = p_ann(x)p_bob(x) + p_ann(y)p_bob(y) = 0.4·0.6 + 0.4·0.2 = 0.32; κ = 0.08/0.68 = 2/17.
    // α: n_x = 10, n_xy = 2, n_y = 6, n_∅ = 2; 6 disagreeing units → Σ_{c≠k} o_ck = 12;
    // Σ_{c≠k} n_c n_k = 400 − (100 + 4 + 36 + 4) = 256; α = 1 − 19·12/256 = 28/256 = 7/64.
    const { measures, label } = rowOf(report, null);
    expect(label).toBe('All codes (overall)');
    expect(measures.percentAgreement).toBeCloseTo(0.4, 12);
    expect(measures.cohenKappa).toBeCloseTo(2 / 17, 12);
    expect(measures.alphaNominal).toBeCloseTo(7 / 64, 12);
  });

  it('gives a row per chosen code in order, then the overall row, with the counts', () => {
    expect(report.rows.map((row) => row.codeId)).toEqual(['x', 'y', null]);
    expect(report).toMatchObject({ coders: ['ann', 'bob'], documents: 1, units: 10, codeIds: ['x', 'y'], bootstrap: null });
    expect(rowOf(report, 'x').measures.segments).toEqual({ ann: 1, bob: 1 });
    expect(rowOf(report, null).measures.segments).toEqual({ ann: 2, bob: 2 });
    expect(rowOf(report, 'x').measures.alphaNominalCi).toBeNull();
  });

  it('matches segments at the least overlap: x shares 4 of 8 characters (50 %), y 2 of 6', () => {
    expect(rowOf(report, 'x').measures.segmentAgreement).toEqual({ percent: 100, agreements: 2, disagreements: 0 });
    expect(rowOf(report, 'y').measures.segmentAgreement).toEqual({ percent: 0, agreements: 0, disagreements: 2 });
    expect(rowOf(report, null).measures.segmentAgreement).toEqual({ percent: 50, agreements: 2, disagreements: 2 });
  });

  it('lists a disagreement once when both segments are unmatched and each is the other’s closest', () => {
    const [annY, bobY] = [input.segments[1], input.segments[3]];
    expect(report.disagreements).toEqual([
      {
        id: `${annY.id}~${bobY.id}`,
        documentId: 'doc',
        codeId: 'y',
        start: 4,
        end: 10,
        versions: [
          { coder: 'ann', segmentId: annY.id, start: 4, end: 10 },
          { coder: 'bob', segmentId: bobY.id, start: 8, end: 10 },
        ],
      },
    ]);
  });

  it('gives u-α per code and leaves u-α and cu-α over all codes out when a coder’s codes overlap', () => {
    expect(rowOf(report, 'x').measures.uAlpha).toEqual(expect.any(Number));
    expect(rowOf(report, 'x').measures.cuAlpha).toBeNull();
    expect(rowOf(report, null).measures.uAlpha).toBeNull();
    expect(rowOf(report, null).measures.cuAlpha).toBeNull();
    expect(report.notes.some((note) => note.includes('u-α and cu-α over all codes are not given'))).toBe(true);
  });

  it('defines every column it fills, with a reference', () => {
    const keys = report.measures.map((m) => m.key);
    expect(keys).toContain('alphaU');
    expect(keys).toContain('cohenKappa');
    expect(keys).not.toContain('fleissKappa');
    expect(keys).not.toContain('alphaNominalCi');
    expect(report.measures.find((m) => m.key === 'uAlpha')?.reference).toMatch(/Quality & Quantity, 50.*2019.*Fig\. 12\.11/);
    expect(report.measures.find((m) => m.key === 'alphaU')?.reference).toMatch(/Krippendorff.*1995.*Krippendorff.*2004.*p\. 254/);
    expect(report.notes[0]).toMatch(/code points/);
  });
});

describe('reliabilityReport, other cases', () => {
  it('gives 1 everywhere when the coders agree exactly', () => {
    const segments = [
      ...['ann', 'bob'].flatMap((coder) => [seg(coder, 'x', 2, 9), seg(coder, 'y', 12, 20), seg(coder, 'x', 25, 30)]),
    ];
    const input = { documents: [{ id: 'doc', title: 'Same', text: 'a'.repeat(40) }], codes: CODES, segments };
    const report = reliabilityReport(input, options({ bootstrap: { samples: 200, seed: 1 } }));
    for (const { measures } of report.rows) {
      expect(measures.percentAgreement).toBe(1);
      expect(measures.cohenKappa).toBeCloseTo(1, 12);
      expect(measures.alphaNominal).toBeCloseTo(1, 12);
      expect(measures.alphaNominalCi).toMatchObject({ lower: 1, upper: 1, confidence: 0.95 });
      expect(measures.alphaU).toBeCloseTo(1, 12);
      expect(measures.uAlpha).toBeCloseTo(1, 12);
      expect(measures.segmentAgreement.percent).toBe(100);
    }
    expect(rowOf(report, null).measures.cuAlpha).toBeCloseTo(1, 12);
    expect(report.disagreements).toEqual([]);
  });

  it('counts characters in code points: emoji before and inside a segment do not shift the units', () => {
    // Each emoji is two UTF-16 units; with 'E' in its place every offset after it moves back by one.
    const astral = '😀ab😀cdefgh😀ijklmnop';
    const plain = 'EabEcdefghEijklmnop';
    const at = (text: string, codePoint: number) => [...text].slice(0, codePoint).join('').length;
    const spans = (text: string): Segment[] => [
      seg('ann', 'x', at(text, 1), at(text, 8)),
      seg('bob', 'x', at(text, 3), at(text, 9)),
      seg('ann', 'y', at(text, 9), at(text, 15)),
      seg('bob', 'y', at(text, 10), at(text, 19)),
    ];
    const report = (text: string) =>
      reliabilityReport({ documents: [{ id: 'doc', title: 't', text }], codes: CODES, segments: spans(text) }, options({ minOverlap: 90 }));
    const [withEmoji, withoutEmoji] = [report(astral), report(plain)];
    expect(withEmoji.units).toBe(19);
    expect(withEmoji.rows.map((row) => row.measures)).toEqual(withoutEmoji.rows.map((row) => row.measures));
    // The disagreements keep the UTF-16 offsets of the segments themselves.
    expect(withEmoji.disagreements[0]).toMatchObject({ codeId: 'x', start: at(astral, 1), end: at(astral, 9) });
    expect(withEmoji.disagreements[0].start).toBe(2);
  });

  it('gives every figure and note unchanged but lists no disagreement when the listing is not asked for', () => {
    const chosen = options({ coders: ['ann', 'bob', 'cy'], codeIds: ['x', 'y', 'z'] });
    const input = simulated(11, chosen.coders, 'Some text to code. 😀 '.repeat(12));
    const full = reliabilityReport(input, chosen);
    const figuresOnly = reliabilityReport(input, { ...chosen, listDisagreements: false });
    expect(full.disagreements.length).toBeGreaterThan(0);
    expect(figuresOnly.disagreements).toEqual([]);
    expect({ ...figuresOnly, disagreements: full.disagreements }).toEqual(full);
  });

  it('sets Fleiss’ κ and not Cohen’s for three coders, equal to the coefficients on the expanded characters', () => {
    const chosen = options({ coders: ['ann', 'bob', 'cy'], codeIds: ['x', 'y', 'z'] });
    const input = simulated(7, chosen.coders, 'Some text to code. 😀 '.repeat(12));
    const report = reliabilityReport(input, chosen);
    for (const codeId of [...chosen.codeIds, null]) {
      const data = expanded(input, chosen, codeId);
      const { measures } = rowOf(report, codeId);
      expect(measures.cohenKappa).toBeNull();
      expect(measures.fleissKappa).toBeCloseTo(fleissKappa(data), 12);
      expect(measures.alphaNominal).toBeCloseTo(krippendorffAlpha(data, 'nominal'), 12);
      expect(measures.percentAgreement).toBeCloseTo(percentAgreement(data), 12);
    }
    expect(report.measures.map((m) => m.key)).toContain('fleissKappa');
    expect(report.measures.map((m) => m.key)).not.toContain('cohenKappa');
    expect(report.notes.some((note) => note.includes('pooled over all 3 pairs'))).toBe(true);
  });

  it('gives u-α and cu-α for three coders: the worked example of Krippendorff (2019, 4th ed., §12.6, Fig. 12.11)', () => {
    // Three observers on a continuum of 60 characters; positions 1-based and inclusive, as printed.
    const book: Record<string, Array<[number, number, string]>> = {
      alex: [[1, 7, '1'], [8, 13, '2'], [31, 32, '5'], [33, 37, '6'], [38, 44, '6'], [45, 60, '7']],
      paul: [[1, 7, '1'], [8, 13, '3'], [14, 21, '5'], [33, 44, '6']],
      suzan: [[1, 7, '1'], [8, 13, '4'], [14, 21, '5'], [33, 37, '6'], [38, 41, '6'], [42, 44, '6']],
    };
    const values = ['1', '2', '3', '4', '5', '6', '7'];
    const input: ReliabilityInput = {
      documents: [{ id: 'doc', title: 'Fig. 12.11', text: 'ü'.repeat(60) }],
      codes: values.map((id) => ({ id, name: `value ${id}`, parentId: null })),
      segments: Object.entries(book).flatMap(([coder, units]) => units.map(([first, last, value]) => seg(coder, value, first - 1, last))),
    };
    const report = reliabilityReport(input, options({ coders: Object.keys(book), codeIds: values }));
    expect(rowOf(report, null).measures.uAlpha).toBeCloseTo(0.51, 3);
    expect(rowOf(report, null).measures.cuAlpha).toBeCloseTo(0.724, 3);
    expect(report.measures.map((m) => m.key)).toContain('cuAlpha');
    expect(report.notes.some((note) => note.includes('two coders only'))).toBe(false);
  });

  it('computes on runs exactly what the coefficients give on the expanded characters (two coders)', () => {
    const chosen = options({ codeIds: ['x', 'y', 'z'] });
    const input = simulated(11, chosen.coders, 'A longer text, with 😀 emoji and ✓ marks. '.repeat(10));
    const report = reliabilityReport(input, chosen);
    expect(report.units).toBe([...input.documents[0].text].length);
    for (const codeId of [...chosen.codeIds, null]) {
      const data = expanded(input, chosen, codeId);
      const { measures } = rowOf(report, codeId);
      expect(measures.percentAgreement).toBeCloseTo(percentAgreement(data), 12);
      expect(measures.cohenKappa).toBeCloseTo(cohenKappa(data), 12);
      expect(measures.alphaNominal).toBeCloseTo(krippendorffAlpha(data, 'nominal'), 12);
    }
  });

  it('weights each unit by its count in the weighted coefficients', () => {
    const random = mulberry32(3);
    for (const coders of [2, 3, 4]) {
      const columns = Array.from({ length: 30 }, () => Array.from({ length: coders }, () => ['a', 'b', 'c'][Math.floor(random() ** 2 * 3)]));
      const weights = columns.map(() => 1 + Math.floor(random() * 6));
      const data = Array.from({ length: coders }, (_, c) => columns.flatMap((column, r) => new Array<string>(weights[r]).fill(column[c])));
      expect(weightedPercentAgreement({ columns, weights })).toBeCloseTo(percentAgreement(data), 12);
      expect(weightedFleissKappa({ columns, weights })).toBeCloseTo(fleissKappa(data), 12);
      if (coders === 2) expect(weightedCohenKappa({ columns, weights })).toBeCloseTo(cohenKappa(data), 12);
    }
    expect(weightedCohenKappa({ columns: [['a', 'a']], weights: [5] })).toBeNaN();
  });

  it('bootstraps coded stretches reproducibly, each row exactly as a plain cluster bootstrap of its expanded characters', () => {
    const chosen = options({ codeIds: ['x', 'y', 'z'], bootstrap: { samples: 300, seed: 99 } });
    const input = simulated(5, chosen.coders, 'Short text for resampling. '.repeat(40));
    const first = reliabilityReport(input, chosen);
    expect(reliabilityReport(input, chosen)).toEqual(first);
    const clusters = stretchClusters(
      input.segments.map((s) => ({ ...s, document: s.documentId, code: s.codeId })).filter((s) => chosen.codeIds.includes(s.code)),
      [{ document: 'doc', length: input.documents[0].text.length }],
    );
    expect(clusters.length).toBeGreaterThan(3);
    expect(clusters.every((cluster) => cluster.coded)).toBe(true);
    expect(first.bootstrap).toEqual({ samples: 300, seed: 99, confidence: 0.95, unit: 'coded-stretch', clusters: clusters.length, codedClusters: clusters.length });
    for (const codeId of ['x', null]) {
      // The reference: draw whole clusters of characters with the same generator, recompute α on
      // the characters drawn, and take the type-7 percentile interval.
      const characters = expanded(input, chosen, codeId);
      const random = mulberry32(99);
      const alphas: number[] = [];
      for (let sample = 0; sample < 300; sample++) {
        const drawn = Array.from({ length: clusters.length }, () => clusters[Math.floor(random() * clusters.length)]);
        const data = characters.map((row) => drawn.flatMap(({ start, end }) => row.slice(start, end)));
        const alpha = krippendorffAlpha(data, 'nominal');
        if (!Number.isNaN(alpha)) alphas.push(alpha);
      }
      alphas.sort((a, b) => a - b);
      const quantile = (p: number) => {
        const at = (alphas.length - 1) * p;
        const below = Math.floor(at);
        return alphas[below] + (at - below) * (alphas[Math.min(below + 1, alphas.length - 1)] - alphas[below]);
      };
      const ci = rowOf(first, codeId).measures.alphaNominalCi;
      expect(ci?.validResamples).toBe(alphas.length);
      expect(ci?.lower).toBeCloseTo(quantile(0.025), 12);
      expect(ci?.upper).toBeCloseTo(quantile(0.975), 12);
    }
    const other = reliabilityReport(input, { ...chosen, bootstrap: { samples: 300, seed: 100 } });
    expect(rowOf(other, null).measures.alphaNominalCi).not.toEqual(rowOf(first, null).measures.alphaNominalCi);
    const note = first.notes.find((text) => text.startsWith('α intervals'));
    expect(note).toMatch(/300 resamples of the (\d+) clusters \(\1 coded stretches\), seed 99/);
    expect(note).toMatch(/cluster bootstrap: Davison & Hinkley 1997, §3\.8; Field & Welsh 2007/);
    expect(note).toMatch(/in the spirit of Hayes & Krippendorff \(2007\), whose KALPHA bootstrap resamples pairable values instead/);
    expect(note).not.toMatch(/understate|too narrow/);
  });

  it('gives the interval but warns below 30 clusters', () => {
    const input = { documents: [{ id: 'doc', title: 't', text: 'a'.repeat(60) }], codes: CODES, segments: [seg('ann', 'x', 2, 9), seg('bob', 'x', 3, 9), seg('bob', 'y', 20, 30)] };
    const report = reliabilityReport(input, options({ bootstrap: { samples: 100, seed: 1 } }));
    expect(report.bootstrap).toMatchObject({ unit: 'coded-stretch', clusters: 2, codedClusters: 2 });
    expect(report.notes).toContain(
      'Only 2 clusters to resample: with fewer than 30 the bootstrap interval is unreliable (it tends to be too narrow, and few distinct resamples make it coarse). It is given, but read it as a rough indication.',
    );
    expect(rowOf(report, null).measures.alphaNominalCi?.lower).toBeLessThan(rowOf(report, null).measures.alphaNominalCi?.upper ?? Number.NaN);
    const passages = Array.from({ length: 30 }, (_, i) => [seg('ann', 'x', i * 20, i * 20 + 10), seg('bob', i % 5 ? 'x' : 'y', i * 20 + 1, i * 20 + 10)]);
    const many = { documents: [{ id: 'doc', title: 't', text: 'a'.repeat(600) }], codes: CODES, segments: passages.flat() };
    const enough = reliabilityReport(many, options({ bootstrap: { samples: 100, seed: 1 } }));
    expect(enough.bootstrap?.clusters).toBe(30);
    expect(enough.notes.some((note) => note.startsWith('Only') || note.startsWith('No α interval'))).toBe(false);
  });

  it('gives no interval, and says why, when overlapping segments chain into a single cluster', () => {
    // Each of bob's segments overlaps two of ann's: the whole coded text is one stretch.
    const chained = Array.from({ length: 10 }, (_, i) => [seg('ann', i % 3 ? 'x' : 'y', i * 10, i * 10 + 8), seg('bob', 'x', i * 10 + 5, i * 10 + 13)]).flat();
    const input = { documents: [{ id: 'doc', title: 't', text: 'a'.repeat(110) }], codes: CODES, segments: chained };
    const report = reliabilityReport(input, options({ bootstrap: { samples: 100, seed: 1 } }));
    expect(report.bootstrap).toMatchObject({ clusters: 1, codedClusters: 1 });
    for (const { measures } of report.rows) {
      if (Number.isNaN(measures.alphaNominal)) continue;
      // Not [α, α]: no interval at all.
      expect(measures.alphaNominalCi).toMatchObject({ lower: Number.NaN, upper: Number.NaN, validResamples: 0 });
    }
    expect(rowOf(report, null).measures.alphaNominal).toEqual(expect.any(Number));
    expect(report.notes).toContain(
      'No α interval: the compared text forms only 1 cluster, so every resample would be the same text and the interval would have zero width. Overlapping segments join one coded stretch, so coding that overlaps throughout forms a single one.',
    );
    const csv = csvParse(reliabilityReportCsv(report));
    expect(csv.at(-1)).toMatchObject({ alpha_nominal_ci_lower: '', alpha_nominal_ci_upper: '', alpha_nominal_ci_clusters: '1', alpha_nominal_ci_valid_resamples: '0' });
  });

  it('counts documents nobody coded as clusters of their own, not as coded stretches', () => {
    const documents = [
      { id: 'doc', title: 't', text: 'a'.repeat(60) },
      { id: 'blank', title: 'b', text: 'b'.repeat(30) },
    ];
    const input = { documents, codes: CODES, segments: [seg('ann', 'x', 2, 9), seg('bob', 'x', 3, 9), seg('bob', 'y', 20, 30)] };
    const report = reliabilityReport(input, options({ documentIds: ['doc', 'blank'], bootstrap: { samples: 100, seed: 1 } }));
    expect(report.bootstrap).toMatchObject({ clusters: 3, codedClusters: 2 });
    expect(report.notes.find((note) => note.startsWith('α intervals'))).toMatch(/100 resamples of the 3 clusters \(2 coded stretches and 1 document nobody coded\), seed 1/);
    const alone = reliabilityReport({ ...input, segments: [] }, options({ documentIds: ['blank'], bootstrap: { samples: 100, seed: 1 } }));
    expect(alone.bootstrap).toMatchObject({ clusters: 1, codedClusters: 0 });
    expect(alone.notes.find((note) => note.startsWith('α intervals'))).toMatch(/of the 1 cluster \(0 coded stretches and 1 document nobody coded\)/);
  });

  it('resamples whole documents on request, from 30 documents on, and says so', () => {
    // 30 documents of two passages each; bob disagrees in one passage of every third document.
    const documents = Array.from({ length: 30 }, (_, d) => ({ id: `d${d}`, title: `d${d}`, text: 'a'.repeat(50) }));
    const segments = documents.flatMap(({ id }, d) => [
      seg('ann', 'x', 2, 12, id),
      seg('bob', 'x', 3, 12, id),
      seg('ann', 'y', 25, 40, id),
      seg('bob', d % 3 ? 'y' : 'x', 26, 40, id),
    ]);
    const input = { documents, codes: CODES, segments };
    const documentIds = documents.map((d) => d.id);
    const byDocument = reliabilityReport(input, options({ documentIds, bootstrap: { samples: 200, seed: 5, unit: 'document' } }));
    expect(byDocument.bootstrap).toEqual({ samples: 200, seed: 5, confidence: 0.95, unit: 'document', clusters: 30, codedClusters: 30 });
    expect(byDocument.notes.find((note) => note.startsWith('α intervals'))).toMatch(
      /^α intervals: 95 % percentile bootstrap over whole documents, 200 resamples of the 30 documents, seed 5\. .*Only the documents are taken to be independent\.$/,
    );
    const ci = rowOf(byDocument, null).measures.alphaNominalCi!;
    expect(ci.lower).toBeLessThan(rowOf(byDocument, null).measures.alphaNominal);
    expect(ci.upper).toBeGreaterThan(rowOf(byDocument, null).measures.alphaNominal);
    const byStretch = reliabilityReport(input, options({ documentIds, bootstrap: { samples: 200, seed: 5 } }));
    expect(byStretch.bootstrap).toMatchObject({ unit: 'coded-stretch', clusters: 60 });
    expect(byStretch.notes.find((note) => note.startsWith('α intervals'))).toMatch(/with this many documents, whole documents can be resampled instead\.$/);
    expect(rowOf(byStretch, null).measures.alphaNominal).toBe(rowOf(byDocument, null).measures.alphaNominal);
    expect(csvParse(reliabilityReportCsv(byDocument))[0]).toMatchObject({ alpha_nominal_ci_resampled: 'documents', alpha_nominal_ci_clusters: '30' });
    expect(reliabilityReportHtml(byDocument, { projectName: 'p', createdAt: 'now', input })).toContain('200 resamples of the 30 documents, each whole (0 of them nobody coded), seed 5');
    expect(() => reliabilityReport(input, options({ documentIds: documentIds.slice(1), bootstrap: { samples: 200, seed: 5, unit: 'document' } }))).toThrow(
      'Resampling whole documents needs at least 30 documents with text, not 29.',
    );
  });

  it('says on how many resamples each row’s α was defined, and that the others were left out', () => {
    // x only in the first of three stretches: a resample without it has no x at all.
    const segments = ['ann', 'bob'].flatMap((coder) => [seg(coder, 'x', 2, 9), seg(coder, 'y', 12, 20), seg(coder, 'y', 25, 30)]);
    segments.push(seg('bob', 'y', 33, 36));
    const input = { documents: [{ id: 'doc', title: 't', text: 'a'.repeat(40) }], codes: CODES, segments };
    const report = reliabilityReport(input, options({ bootstrap: { samples: 200, seed: 1 } }));
    const x = rowOf(report, 'x').measures.alphaNominalCi!;
    const overall = rowOf(report, null).measures.alphaNominalCi!;
    // With 4 clusters, (3/4)^4 of the resamples lack the first: about 63 of 200.
    expect(x.validResamples).toBeGreaterThan(100);
    expect(x.validResamples).toBeLessThan(180);
    expect(overall.validResamples).toBeGreaterThan(x.validResamples);
    expect(report.notes).toContainEqual(expect.stringContaining(`"praise" ${x.validResamples} of 200 valid`));
    const csv = csvParse(reliabilityReportCsv(report));
    expect(csv.find((row) => row.code_id === 'x')?.alpha_nominal_ci_valid_resamples).toBe(String(x.validResamples));
    const html = reliabilityReportHtml(report, { projectName: 'p', createdAt: 'now', input });
    expect(html).toContain('<th scope="col">Resamples with α defined</th>');
    expect(html).toContain(`<td class="number">${x.validResamples}</td>`);
  });

  it('gives no figure for a code nobody used, and says so', () => {
    const input = { documents: [{ id: 'doc', title: 't', text: 'a'.repeat(20) }], codes: CODES, segments: [seg('ann', 'x', 0, 5), seg('bob', 'x', 1, 6)] };
    const report = reliabilityReport(input, options({ bootstrap: { samples: 50, seed: 1 } }));
    const { measures } = rowOf(report, 'y');
    expect(measures.alphaNominal).toBeNaN();
    expect(measures.cohenKappa).toBeNaN();
    expect(measures.alphaU).toBeNaN();
    expect(measures.segmentAgreement.percent).toBeNaN();
    expect(measures.alphaNominalCi?.lower).toBeNaN();
    expect(measures.percentAgreement).toBe(1);
    expect(report.notes.some((note) => note.includes('"blame"') && note.includes('nobody used'))).toBe(true);
  });

  it('ignores segments of other coders, documents and codes, and empty ones', () => {
    const base = [seg('ann', 'x', 0, 5), seg('bob', 'x', 1, 6)];
    const documents = [
      { id: 'doc', title: 't', text: 'a'.repeat(20) },
      { id: 'other', title: 'o', text: 'b'.repeat(20) },
    ];
    const noisy = [...base, seg('cy', 'x', 0, 20), seg('ann', 'x', 0, 20, 'other'), seg('bob', 'z', 0, 20), seg('ann', 'y', 7, 7)];
    const clean = reliabilityReport({ documents, codes: CODES, segments: base }, options());
    const report = reliabilityReport({ documents, codes: CODES, segments: noisy }, options());
    expect(report.rows).toEqual(clean.rows);
    expect(report.notes.some((note) => note.includes('1 segment with no characters'))).toBe(true);
  });

  it('labels a code with its parents', () => {
    const input = { documents: [{ id: 'doc', title: 't', text: 'abc' }], codes: CODES, segments: [] };
    expect(rowOf(reliabilityReport(input, options({ codeIds: ['z'] })), 'z').label).toBe('blame / irony');
  });

  it('refuses one coder, an unknown document or code, and an offset inside a surrogate pair', () => {
    const input = { documents: [{ id: 'doc', title: 't', text: 'a😀b' }], codes: CODES, segments: [seg('ann', 'x', 2, 4)] };
    expect(() => reliabilityReport(input, options({ coders: ['ann', 'ann'] }))).toThrow(/at least two coders/);
    expect(() => reliabilityReport(input, options({ documentIds: ['nope'] }))).toThrow(/no document "nope"/);
    expect(() => reliabilityReport(input, options({ codeIds: ['nope'] }))).toThrow(/no code "nope"/);
    expect(() => reliabilityReport(input, options())).toThrow(/Segment "s\d+" \(2–4\).*surrogate pair/);
  });
});

describe('reliability exports', () => {
  const input: ReliabilityInput = {
    documents: [{ id: 'doc', title: 'Interview <1> & "notes"', text: 'abc😀defghij' }],
    codes: [...CODES, { id: 'w', name: '<b>bold</b>', parentId: null }],
    segments: [seg('ann', 'x', 0, 6), seg('ann', 'y', 7, 11), seg('bob', 'x', 2, 8), seg('bob', 'w', 8, 11)],
  };
  const chosen = options({ codeIds: ['x', 'y', 'w'], bootstrap: { samples: 100, seed: 4 } });
  const report = reliabilityReport(input, chosen);

  it('writes a CSV with a row per code and overall, four decimals, empty cells for undefined figures', () => {
    const rows = csvParse(reliabilityReportCsv(report));
    expect(rows.columns).toEqual([
      'code_id', 'code', 'percent_agreement', 'cohen_kappa', 'fleiss_kappa', 'alpha_nominal', 'alpha_nominal_ci_lower',
      'alpha_nominal_ci_upper', 'alpha_nominal_ci_confidence', 'alpha_u', 'u_alpha', 'cu_alpha', 'segment_agreement_percent',
      'segment_agreements', 'segment_disagreements', 'coders', 'units', 'segments', 'segments_ann', 'segments_bob',
      // Added later, at the end: the columns before keep the positions older readers know.
      'alpha_nominal_ci_resampled', 'alpha_nominal_ci_clusters', 'alpha_nominal_ci_valid_resamples',
    ]);
    expect(rows.map((row) => row.code_id)).toEqual(['x', 'y', 'w', '']);
    const x = rows[0];
    expect(x.percent_agreement).toMatch(/^\d\.\d{4}$/);
    expect(Number(x.alpha_nominal)).toBeCloseTo(rowOf(report, 'x').measures.alphaNominal, 4);
    expect(x.fleiss_kappa).toBe('');
    expect(x.cu_alpha).toBe('');
    expect(Number(x.alpha_nominal_ci_lower)).toBeLessThanOrEqual(Number(x.alpha_nominal_ci_upper));
    expect(x.alpha_nominal_ci_confidence).toBe('0.9500');
    expect(x.alpha_nominal_ci_resampled).toBe('coded stretches');
    expect(Number(x.alpha_nominal_ci_clusters)).toBe(report.bootstrap?.clusters);
    expect(Number(x.alpha_nominal_ci_valid_resamples)).toBe(rowOf(report, 'x').measures.alphaNominalCi?.validResamples);
    expect(rows[3]).toMatchObject({ code: 'All codes (overall)', coders: '2', units: '11', segments: '4', segments_ann: '2' });
  });

  it('writes the HTML page self-contained and escaped, with every measure, the settings and the disagreements', () => {
    const html = reliabilityReportHtml(report, { projectName: 'Study <A>', createdAt: '2024-05-01 10:00', input });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/http/i);
    expect(html).not.toMatch(/<link|@import|url\(/i);
    expect(html).toContain('Interview &#60;1&#62; &#38; &#34;notes&#34;');
    expect(html).not.toContain('<1>');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('Study &#60;A&#62;');
    expect(html).toContain('prefers-color-scheme: dark');
    for (const measure of report.measures) expect(html).toContain(measure.reference.replace(/&/g, '&#38;').replace(/'/g, '&#39;'));
    expect(html).toMatch(/100 resamples of the (\d+) clusters of characters \(\1 coded stretches\), seed 4/);
    // bob's version of the disagreement on x shows its text, across the emoji.
    expect(html).toContain('<blockquote>c😀def</blockquote>');
    expect(html).toContain('no segment of this code here');
  });

  it('streams a matrix with one row per character, in code points', () => {
    const text = [...unitsMatrixCsv(input, chosen, 'x')].join('');
    const rows = csvParse(text);
    expect(rows.columns).toEqual(['document_id', 'offset', 'ann', 'bob']);
    expect(rows).toHaveLength(11); // 'abc😀defghij': 11 code points
    expect(rows.map((row) => `${row.ann}${row.bob}`).join(' ')).toBe('10 10 11 11 11 01 01 00 00 00 00');
    expect(rows.map((row) => row.offset)).toEqual(Array.from({ length: 11 }, (_, i) => String(i)));
    const overall = csvParse([...unitsMatrixCsv(input, chosen, null)].join(''));
    expect(overall.map((row) => row.bob)).toEqual(['', '', 'x', 'x', 'x', 'x', 'x', 'w', 'w', 'w', '']);
    expect(() => [...unitsMatrixCsv(input, chosen, 'z')]).toThrow(/not among the chosen codes/);
  });

  it('writes the code set of a character with several codes as sorted ids joined by +', () => {
    const overlapping = { ...input, segments: [seg('ann', 'y', 0, 3), seg('ann', 'x', 1, 2)] };
    const rows = csvParse([...unitsMatrixCsv(overlapping, chosen, null)].join(''));
    expect(rows.slice(0, 3).map((row) => row.ann)).toEqual(['y', 'x+y', 'y']);
  });

  it('streams a long matrix in chunks', () => {
    const long = { documents: [{ id: 'doc', title: 't', text: 'a'.repeat(10_000) }], codes: CODES, segments: [seg('ann', 'x', 5, 9000)] };
    const chunks = [...unitsMatrixCsv(long, options({ codeIds: ['x'] }), 'x')];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('').trimEnd().split('\n')).toHaveLength(10_001);
  });
});

describe('the documents an agreement report compares by default', () => {
  it('are those every chosen coder has coded, in the order given', async () => {
    const { documentsCodedByAll } = await import('../../shared/stats/compared-documents');
    // One coder coded eleven documents, the other one of them.
    const documents = Array.from({ length: 11 }, (_, i) => ({ id: `d${i}`, segmentsByCoder: (i === 4 ? { ana: 3, bea: 2 } : { ana: 1 }) as Record<string, number> }));
    expect(documentsCodedByAll(documents, ['ana', 'bea'])).toEqual(['d4']);
    expect(documentsCodedByAll(documents, ['ana'])).toHaveLength(11);
    expect(documentsCodedByAll(documents, ['ana', 'bea', 'cem'])).toEqual([]);
    expect(documentsCodedByAll([{ id: 'x', segmentsByCoder: { ana: 1, bea: 0 } }], ['ana', 'bea'])).toEqual([]);
  });
});
