/**
 * Does the α interval of the reliability report cover the true α as often as it claims? A coverage
 * simulation on generated coding with a known population α, in two scenarios, for every row of
 * the report (code x, code y, and the overall row over the code sets).
 *
 * Scenario A, the simplest case: a document is a row of independent passages. Each has an uncoded
 * gap of 8–40 characters, then a frame of L + 6 characters (L = 20–120) in whose middle coder ann
 * codes L characters with code x (60 %) or y (40 %). Coder bob codes the same passage with the same
 * code (70 %), with the other code (15 %) or not at all (15 %); when he codes it, each of his ends is
 * shifted by −3 to +3 characters, never beyond the frame. All draws are uniform and independent.
 * Its population α is the limit of α over ever more passages: with n the values, n_c those of kind
 * c and A the agreeing pairs, α = 1 − (n − 1)(n − A)/(n² − Σ n_c²) → 1 − (1 − E[A]/E[n]) /
 * (1 − Σ_c (E[n_c]/E[n])²), the expectations per passage computed exactly below by going through
 * every L, shift, code and choice of bob (not by the code under test).
 *
 * Scenario B (see `generatedB`) has several documents, passages of very different lengths,
 * agreement that depends on the length, and passages chained into one stretch. Its population α
 * is estimated from 60,000 further passages, painted character by character (not by the code under
 * test either).
 *
 * 200 independent data sets per scenario (seeds 1–200) each get a report with a 95 % bootstrap
 * interval of 500 resamples (seed 1000 + run); 90 %–99 % of them must cover the truth, in every
 * row (the band is explained at the tests). The same data of scenario A with characters resampled
 * one by one (the report's former method, here the production resampler given one cluster per
 * character) cover far less, which shows that the test can fail. With these seeds: A 184, 184 and
 * 184 of 200 runs (92 %) for x, y and overall; B 190, 189 and 188 (95 %, 94.5 %, 94 %); characters
 * 11, 10 and 9 of 40 (27.5 %, 25 %, 22.5 %). The population α's: A 0.612, 0.602, 0.642; B 0.641,
 * 0.631, 0.656.
 */
import { describe, expect, it } from 'vitest';
import {
  characterUnits,
  clusterBootstrapSteps,
  clusterCoincidences,
  mulberry32,
  reliabilityReport,
  type ClusterInterval,
  type ReliabilityInput,
  type Span,
} from '../../shared/stats';

const PASSAGES = 120;
const RUNS = 200;
const SAMPLES = 500;
const CHARACTER_RUNS = 40;
const MARGIN = 3;
const GAP = [8, 40] as const;
const LENGTH = [20, 120] as const;
const SHIFT = MARGIN;
const ANN_X = 0.6;
const BOB = { same: 0.7, other: 0.15, none: 0.15 };

/** Characters by (ann's value, bob's value), each '' (none), 'x' or 'y'. */
type Kinds = Map<string, number>;
const kind = (ann: string, bob: string) => `${ann}|${bob}`;
const addTo = (kinds: Kinds, ann: string, bob: string, count: number) => kinds.set(kind(ann, bob), (kinds.get(kind(ann, bob)) ?? 0) + count);

/** The characters of one passage's frame by kind, for ann's code, bob's code ('' for none) and his shifts. */
function frameKinds(kinds: Kinds, length: number, annCode: string, bobCode: string, startShift: number, endShift: number, weight: number): void {
  if (bobCode === '') {
    addTo(kinds, annCode, '', weight * length);
    addTo(kinds, '', '', weight * 2 * MARGIN);
    return;
  }
  const overlap = length + Math.min(0, endShift) - Math.max(0, startShift);
  const bob = length + endShift - startShift;
  addTo(kinds, annCode, bobCode, weight * overlap);
  addTo(kinds, annCode, '', weight * (length - overlap));
  addTo(kinds, '', bobCode, weight * (bob - overlap));
  addTo(kinds, '', '', weight * (length + 2 * MARGIN - (length + bob - overlap)));
}

/** Nominal α of two coders' characters counted by kind. */
function alphaOfKinds(kinds: Kinds): number {
  const values = new Map<string, number>();
  let n = 0;
  let agreeing = 0;
  for (const [key, count] of kinds) {
    const [ann, bob] = key.split('|');
    values.set(ann, (values.get(ann) ?? 0) + count);
    values.set(bob, (values.get(bob) ?? 0) + count);
    n += 2 * count;
    if (ann === bob) agreeing += 2 * count;
  }
  const squares = [...values.values()].reduce((sum, count) => sum + count * count, 0);
  return 1 - ((n - 1) * (n - agreeing)) / (n * n - squares);
}

/** Expected characters of each kind per passage of scenario A, by going through every case. */
function expectedKinds(): Kinds {
  const expected: Kinds = new Map();
  const lengths = LENGTH[1] - LENGTH[0] + 1;
  const shifts = 2 * SHIFT + 1;
  for (let length = LENGTH[0]; length <= LENGTH[1]; length++) {
    for (const [annCode, pAnn] of [['x', ANN_X], ['y', 1 - ANN_X]] as const) {
      const other = annCode === 'x' ? 'y' : 'x';
      for (let startShift = -SHIFT; startShift <= SHIFT; startShift++) {
        for (let endShift = -SHIFT; endShift <= SHIFT; endShift++) {
          const p = pAnn / lengths / shifts / shifts;
          frameKinds(expected, length, annCode, annCode, startShift, endShift, p * BOB.same);
          frameKinds(expected, length, annCode, other, startShift, endShift, p * BOB.other);
          frameKinds(expected, length, annCode, '', startShift, endShift, p * BOB.none);
        }
      }
    }
  }
  addTo(expected, '', '', (GAP[0] + GAP[1]) / 2);
  return expected;
}

/** The population α of expected kinds: with ever more passages, (n − 1)/n → 1, so α of the expectations scaled up is the limit. */
function populationAlpha(expected: Kinds): number {
  return alphaOfKinds(new Map([...expected].map(([key, count]) => [key, count * 1e9])));
}

/** One generated document: the report's input, and its characters by kind (to resample characters). */
function generated(seed: number): { input: ReliabilityInput; kinds: Kinds } {
  const random = mulberry32(seed);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const segments: Array<ReliabilityInput['segments'][number]> = [];
  const kinds: Kinds = new Map();
  let at = 0;
  for (let passage = 0; passage < PASSAGES; passage++) {
    const gap = between(...GAP);
    addTo(kinds, '', '', gap);
    at += gap;
    const length = between(...LENGTH);
    const annCode = random() < ANN_X ? 'x' : 'y';
    const choice = random();
    const bobCode = choice < BOB.same ? annCode : choice < BOB.same + BOB.other ? (annCode === 'x' ? 'y' : 'x') : '';
    const startShift = between(-SHIFT, SHIFT);
    const endShift = between(-SHIFT, SHIFT);
    const start = at + MARGIN;
    segments.push({ id: `a${passage}`, documentId: 'doc', codeId: annCode, start, end: start + length, coder: 'ann' });
    if (bobCode !== '') segments.push({ id: `b${passage}`, documentId: 'doc', codeId: bobCode, start: start + startShift, end: start + length + endShift, coder: 'bob' });
    frameKinds(kinds, length, annCode, bobCode, startShift, endShift, 1);
    at += length + 2 * MARGIN;
  }
  const codes = [
    { id: 'x', name: 'x', parentId: null },
    { id: 'y', name: 'y', parentId: null },
  ];
  return { input: { documents: [{ id: 'doc', title: 'generated', text: 'a'.repeat(at) }], codes, segments }, kinds };
}

/**
 * Scenario B, closer to a real study: 150 passages spread at random over 4–8 documents, of lengths
 * from 10 to 600 characters (log-uniform, so a few long passages hold much of the text), after gaps
 * of 0–60 characters; bob agrees more often on long passages (same code 80 % from 150 characters
 * on, 60 % below; other code 15 %; none the rest). One passage in four continues the one before:
 * ann's segment begins 1–5 characters before her previous one ends, so the two chain into one
 * coded stretch (one cluster) — the independent units are then the chains, as the clusters are.
 */
const B = { passages: 150, documents: [4, 8], length: [10, 600], gap: [0, 60], chain: 0.25, longFrom: 150 } as const;

function generatedB(seed: number): ReliabilityInput {
  const random = mulberry32(seed);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const documents = Array.from({ length: between(...B.documents) }, (_, d) => ({ id: `doc${d}`, title: `d${d}`, at: 0, annEnd: -1 }));
  const segments: Array<ReliabilityInput['segments'][number]> = [];
  for (let passage = 0; passage < B.passages; passage++) {
    const document = documents[Math.floor(random() * documents.length)];
    const length = Math.round(Math.exp(Math.log(B.length[0]) + random() * (Math.log(B.length[1]) - Math.log(B.length[0]))));
    const chained = document.annEnd >= 0 && random() < B.chain;
    const start = chained ? document.annEnd - between(1, 5) : document.at + between(...B.gap) + MARGIN;
    const annCode = random() < ANN_X ? 'x' : 'y';
    const same = length >= B.longFrom ? 0.8 : 0.6;
    const choice = random();
    const bobCode = choice < same ? annCode : choice < same + 0.15 ? (annCode === 'x' ? 'y' : 'x') : '';
    const bobStart = start + between(-SHIFT, SHIFT);
    const bobEnd = Math.max(bobStart + 1, start + length + between(-SHIFT, SHIFT));
    segments.push({ id: `a${passage}`, documentId: document.id, codeId: annCode, start, end: start + length, coder: 'ann' });
    if (bobCode !== '') segments.push({ id: `b${passage}`, documentId: document.id, codeId: bobCode, start: bobStart, end: bobEnd, coder: 'bob' });
    document.annEnd = start + length;
    document.at = Math.max(document.at, start + length + MARGIN, bobEnd);
  }
  const codes = [
    { id: 'x', name: 'x', parentId: null },
    { id: 'y', name: 'y', parentId: null },
  ];
  return { documents: documents.map(({ id, title, at }) => ({ id, title, text: 'a'.repeat(at + between(...B.gap)) })), codes, segments };
}

/** The characters of `input` by (ann's value, bob's value), each the set of codes ('', 'x', 'y' or 'x+y'), painted segment by segment. */
function paintedKinds(input: ReliabilityInput, into: Kinds = new Map()): Kinds {
  for (const { id, text } of input.documents) {
    const masks = { ann: new Uint8Array(text.length), bob: new Uint8Array(text.length) };
    for (const segment of input.segments) {
      if (segment.documentId !== id) continue;
      const bit = segment.codeId === 'x' ? 1 : 2;
      const mask = masks[segment.coder as 'ann' | 'bob'];
      for (let i = segment.start; i < segment.end; i++) mask[i] |= bit;
    }
    const name = ['', 'x', 'y', 'x+y'];
    const counts = new Float64Array(16);
    for (let i = 0; i < text.length; i++) counts[masks.ann[i] * 4 + masks.bob[i]]++;
    counts.forEach((count, k) => count > 0 && addTo(into, name[k >> 2], name[k & 3], count));
  }
  return into;
}

/** `kinds` with each value replaced by whether it holds `code` ('1' or '0'): the kinds of a code's row. */
function kindsOfCode(kinds: Kinds, code: string): Kinds {
  const out: Kinds = new Map();
  for (const [key, count] of kinds) {
    const [ann, bob] = key.split('|').map((value) => (value.split('+').includes(code) ? '1' : '0'));
    addTo(out, ann, bob, count);
  }
  return out;
}

/** The rows checked: each code's, then the overall row, with the report's row id. */
const ROWS = [
  { id: 'x', of: (kinds: Kinds) => kindsOfCode(kinds, 'x') },
  { id: 'y', of: (kinds: Kinds) => kindsOfCode(kinds, 'y') },
  { id: null, of: (kinds: Kinds) => kinds },
] as const;

/** How many of the reports' 95 % intervals cover each row's truth. */
function coverage(inputs: readonly ReliabilityInput[], truths: readonly number[]): number[] {
  const covered = ROWS.map(() => 0);
  inputs.forEach((input, run) => {
    const report = reliabilityReport(input, {
      coders: ['ann', 'bob'],
      documentIds: input.documents.map((document) => document.id),
      codeIds: ['x', 'y'],
      minOverlap: 50,
      bootstrap: { samples: SAMPLES, seed: 1000 + run },
    });
    ROWS.forEach((row, r) => {
      const ci = report.rows.find((reportRow) => reportRow.codeId === row.id)?.measures.alphaNominalCi;
      if (ci && ci.lower <= truths[r] && truths[r] <= ci.upper) covered[r]++;
    });
  });
  return covered;
}

/**
 * The former method through the production resampler: one cluster per character, so that
 * `clusterBootstrapSteps` draws characters one by one; 95 % intervals of every row.
 */
function characterIntervals(input: ReliabilityInput, seed: number, samples: number): ClusterInterval[] {
  const spans: Span[] = input.segments.map(({ coder, codeId, documentId, start, end }) => ({ coder, code: codeId, document: documentId, start, end }));
  const continua = input.documents.map(({ id, text }) => ({ document: id, length: text.length }));
  const units = characterUnits(spans, continua, { coders: ['ann', 'bob'] });
  const perCharacter = continua.flatMap(({ document, length }) => Array.from({ length }, (_, i) => ({ document, start: i, end: i + 1, coded: true })));
  const steps = clusterBootstrapSteps(clusterCoincidences(units, ['x', 'y'], perCharacter), { samples, seed, confidence: 0.95 });
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

describe('the bootstrap interval of α, on generated coding with a known α', () => {
  // Scenario A: the population α of each row, computed exactly from the expectations.
  const expected = expectedKinds();
  const truthsA = ROWS.map((row) => populationAlpha(row.of(expected)));
  const runsA = Array.from({ length: RUNS }, (_, run) => generated(run + 1));
  // Scenario B: the population α of each row estimated from 400 further documents' worth of
  // passages (60,000), whose standard error (about 0.002) is small beside the intervals (±0.08).
  const pooled: Kinds = new Map();
  for (let seed = 100_001; seed <= 100_400; seed++) paintedKinds(generatedB(seed), pooled);
  const truthsB = ROWS.map((row) => alphaOfKinds(row.of(pooled)));
  const runsB = Array.from({ length: RUNS }, (_, run) => generatedB(run + 1));

  it('knows the truth: α of many passages comes close to the population α, for every row', () => {
    for (const truth of [...truthsA, ...truthsB]) {
      expect(truth).toBeGreaterThan(0.3);
      expect(truth).toBeLessThan(0.95);
    }
    const all: Kinds = new Map();
    for (const { kinds } of runsA) for (const [key, count] of kinds) all.set(key, (all.get(key) ?? 0) + count);
    ROWS.forEach((row, r) => expect(Math.abs(alphaOfKinds(row.of(all)) - truthsA[r])).toBeLessThan(0.015));
    // Another 400 documents of scenario B give the same α to within a few standard errors.
    const again: Kinds = new Map();
    for (let seed = 200_001; seed <= 200_400; seed++) paintedKinds(generatedB(seed), again);
    ROWS.forEach((row, r) => expect(Math.abs(alphaOfKinds(row.of(again)) - truthsB[r])).toBeLessThan(0.01));
    // The report computes α of a document set as its characters' kinds give it.
    for (const input of [runsA[0].input, runsB[0]]) {
      const report = reliabilityReport(input, { coders: ['ann', 'bob'], documentIds: input.documents.map((d) => d.id), codeIds: ['x', 'y'], minOverlap: 50 });
      ROWS.forEach((row) => {
        expect(report.rows.find((reportRow) => reportRow.codeId === row.id)?.measures.alphaNominal).toBeCloseTo(alphaOfKinds(row.of(paintedKinds(input))), 12);
      });
    }
  });

  it('scenario B has several documents, chained stretches and passages of very different lengths', () => {
    const report = reliabilityReport(runsB[0], { coders: ['ann', 'bob'], documentIds: runsB[0].documents.map((d) => d.id), codeIds: ['x', 'y'], minOverlap: 50, bootstrap: { samples: 10, seed: 1 } });
    expect(runsB[0].documents.length).toBeGreaterThanOrEqual(4);
    // Chaining joins passages: fewer coded stretches than passages, still well above 30.
    expect(report.bootstrap!.codedClusters).toBeLessThan(B.passages * 0.9);
    expect(report.bootstrap!.codedClusters).toBeGreaterThan(90);
    const lengths = runsB[0].segments.filter((s) => s.coder === 'ann').map((s) => s.end - s.start);
    expect(Math.min(...lengths)).toBeLessThan(20);
    expect(Math.max(...lengths)).toBeGreaterThan(400);
  });

  // 95 % coverage observed in 200 runs has a binomial standard error of √(0.95 · 0.05 / 200) ≈ 1.5
  // points: 90 % is more than three standard errors below 95 %, 99 % about 2.6 above. Outside
  // 90 %–99 % the interval is wrong (too narrow or too wide), not unlucky.
  for (const [name, runs, truths] of [
    ['A (one document, independent passages)', () => runsA.map((run) => run.input), truthsA],
    ['B (several documents, chained stretches, mixed lengths)', () => runsB, truthsB],
  ] as const) {
    it(`covers it in about 95 % of 200 runs when clusters are resampled (the report), scenario ${name}, every row`, () => {
      const covered = coverage(runs(), truths);
      covered.forEach((count) => {
        expect(count / RUNS).toBeGreaterThanOrEqual(0.9);
        expect(count / RUNS).toBeLessThanOrEqual(0.99);
      });
    }, 60_000);
  }

  it('covers it far less often when characters are resampled one by one (the same resampler, a cluster per character)', () => {
    // The first 40 runs of scenario A with 200 resamples each are plenty to see the difference
    // (each resample draws every character), and keep the test quick.
    const covered = ROWS.map(() => 0);
    runsA.slice(0, CHARACTER_RUNS).forEach(({ input }, run) => {
      characterIntervals(input, 1000 + run, 200).forEach(({ lower, upper }, r) => {
        if (lower <= truthsA[r] && truthsA[r] <= upper) covered[r]++;
      });
    });
    covered.forEach((count) => expect(count / CHARACTER_RUNS).toBeLessThan(0.7));
  }, 60_000);
});
